from __future__ import annotations

import datetime as dt

from rashomon.stories.features import StoredArticleFacts, article_features


def test_features_keep_event_words_numbers_years_and_the_main_person():
    facts = StoredArticleFacts(
        "a1", "Quake hits Merlo", "Rescuers said 40 people died in Merlo. Ruiz said more bodies were found.",
        dt.date(2025, 3, 4), "Ledger", (("p1", "PERSON"), ("p1", "PERSON"), ("o1", "ORG")), (("pl1", "city"), ("pl2", "country")),
        ("2025-03-04",),
    )  # fmt: skip
    features = article_features(facts)
    assert features.terms["merlo"] == 2 and "said" not in features.terms
    assert "40" in features.numbers and features.years == frozenset({2025})
    assert features.main_person == "p1" and features.others == frozenset({"o1"})
    assert features.places == frozenset({"pl1", "pl2"}) and features.local_places == frozenset({"pl1"})
    assert features.lead == "Quake hits Merlo. Rescuers said 40 people died in Merlo. Ruiz said more bodies were found."
