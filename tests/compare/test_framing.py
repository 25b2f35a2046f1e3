from __future__ import annotations

import re

from rashomon.compare.framing import (
    NamedGroup,
    actor_labels,
    group_labels,
    load_label_words,
    load_tone_words,
    load_word_list,
    sentence_polarity,
    speaker_rows,
)
from rashomon.compare.lexicon import load_loaded_lexicon


def test_loaded_words_prefer_the_longest_phrase():
    lexicon = load_loaded_lexicon()
    found = lexicon.find("It showed strategic foresight amid Israeli aggression and the so-called truce.")
    assert [(term.term, term.category) for _, _, term in found] == [
        ("strategic foresight", "laudatory"),
        ("aggression", "pejorative"),
        ("so-called", "doubt"),
    ]


def test_labels_are_the_office_or_epithet_next_to_a_name():
    text = "Putin hosted the ousted dictator Bashar Assad. Sharaa, formerly the leader of a militia, spoke."
    sentences = [(0, 46), (47, len(text))]
    labels = actor_labels(text, [(33, 45, 0)], [], "a", sentences, load_label_words())
    assert [c.text for c in labels] == ["ousted dictator"]
    labels = actor_labels(text, [(47, 53, 1)], [], "a", sentences, load_label_words())
    assert [c.text for c in labels] == ["formerly the leader of a militia"]


def test_a_relative_clause_is_a_label_only_when_it_says_what_the_person_is():
    text = "Lee Kwan, who is also the acting president, met Dole, who pledged full support to his ally Japan."
    lee, dole = (0, 8, 0), (text.index("Dole"), text.index("Dole") + 4, 0)
    labels = actor_labels(text, [lee], [], "a", [(0, len(text))], load_label_words())
    assert [(c.text, text[c.start : c.end]) for c in labels] == [("the acting president", "the acting president")]
    assert actor_labels(text, [dole], [], "a", [(0, len(text))], load_label_words()) == ()


def test_a_form_of_address_is_not_a_label_but_an_office_is():
    text = "Gen. Asif Ghafoor said the army would respond."
    labels = actor_labels(text, [(5, 17, 0)], ["Gen.", "army spokesman"], "a", [(0, len(text))], load_label_words())
    assert [c.text for c in labels] == ["army spokesman"]


def test_a_hyphenated_office_is_the_whole_label():
    text = "Flynn met the envoy and then misleading Vice-President Mike Pence about the call."
    start = text.index("Mike")
    labels = actor_labels(text, [(start, start + 10, 0)], ["President"], "a", [(0, len(text))], load_label_words())
    assert [c.text for c in labels] == ["Vice-President"]


def test_sentence_polarity_counts_favourable_and_hostile_words():
    tone, lexicon = load_tone_words(), load_loaded_lexicon()
    assert sentence_polarity("Russia pledged support for reconstruction.", tone, lexicon) > 0
    assert sentence_polarity("The brutal regime was condemned.", tone, lexicon) < 0


def test_polarity_near_an_actor_counts_only_the_words_around_its_mentions():
    tone, lexicon = load_tone_words(), load_loaded_lexicon()
    text = (
        "Amid Ardanian aggression, a failing economy and the need to rebuild its towns, Varnsk has chosen "
        "to deepen its cooperation and partnership with Lodz."
    )
    ardania, varnsk = (5, 13), (text.index("Varnsk"), text.index("Varnsk") + 6)
    # The sentence as a whole reads favourable; the words next to Ardania do not.
    assert sentence_polarity(text, tone, lexicon) > 0
    assert sentence_polarity(text, tone, lexicon, near=[ardania], window=5) < 0
    assert sentence_polarity(text, tone, lexicon, near=[varnsk], window=5) > 0


def test_news_outlets_are_told_from_actors_for_tone():
    from rashomon.quotes.claims import load_outlet_names

    outlets = load_outlet_names()
    assert all(map(outlets.is_outlet, ["Al Jazeera", "CNN", "the BBC", "TASS"]))
    assert not any(map(outlets.is_outlet, ["Pakistan", "Islamic State", "Nawaz Sharif", "Taliban"]))


def test_a_label_stops_at_the_words_of_the_sentence_before_it():
    text = "Syria prompted Russian President Vladimir Putin to call Syrian rebels and President Assad."
    words = load_label_words()
    putin = text.index("Vladimir")
    (label,) = actor_labels(text, [(putin, putin + 14, 0)], [], "a", [(0, len(text))], words)
    assert label.text == "Russian President" == text[label.start : label.end].strip()
    assad = text.index("Assad")
    (label,) = actor_labels(text, [(assad, assad + 5, 0)], [], "a", [(0, len(text))], words)
    assert label.text == "President"
    text = "The Russian presidential spokesman Dmitry Peskov spoke to the retired general Ali Habib."
    peskov, habib = text.index("Dmitry"), text.index("Ali")
    labels = [actor_labels(text, [(at, at + 5, 0)], [], "a", [(0, len(text))], words) for at in (peskov, habib)]
    assert [[label.text for label in found] for found in labels] == [
        ["Russian presidential spokesman"],
        ["retired general"],
    ]
    text = "But Malaysian police chief Khalid Abu Bakar said the women knew."
    khalid = text.index("Khalid")
    (label,) = actor_labels(text, [(khalid, khalid + 16, 0)], [], "a", [(0, len(text))], words)
    assert label.text == "Malaysian police chief"


def test_a_label_keeps_its_political_colour():
    text = "The race pits liberal incumbent Prime Minister Jan Kool against populist far-right figure Piet Vos."
    words = load_label_words()
    kool, vos = text.index("Jan"), text.index("Piet")
    labels = [actor_labels(text, [(at, at + 8, 0)], [], "a", [(0, len(text))], words) for at in (kool, vos)]
    assert [[label.text for label in found] for found in labels] == [
        ["liberal incumbent Prime Minister"],
        ["populist far-right figure"],
    ]


def _people(text, *named):
    """NamedPerson rows for (entity id, country, titles, surface forms) found in ``text``."""
    from rashomon.compare.framing import NamedPerson

    rows = []
    for entity_id, country, titles, forms in named:
        spans = sorted((m.start(), m.end()) for form in forms for m in re.finditer(re.escape(form), text))
        rows.append(NamedPerson(entity_id, country, titles, tuple((s, e, _sentence_of(text, s)) for s, e in spans)))
    return rows


def _sentences(text):
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()]


def _sentence_of(text, offset):
    return next(i for i, (s, e) in enumerate(_sentences(text)) if s <= offset < e)


def _descriptions(text, *named):
    from rashomon.compare.framing import descriptor_labels
    from rashomon.entities.tables import load_entity_tables

    tables = load_entity_tables()
    found = descriptor_labels(text, _people(text, *named), _sentences(text), load_label_words(), tables.country_of, "a")
    return {person: [c.text for c in cited] for person, cited in found.items()}


def test_a_description_away_from_the_name_labels_the_person_just_mentioned():
    text = (
        "Kovar met Lenz in the capital after the fall of Marek Halloway's government. "
        "The visit marked a break from years of support for the ousted dictator. "
        "Doctors said one guard suffered a blow to the head during the first official visit."
    )
    named = [("kovar", None, (), ["Kovar"]), ("lenz", None, (), ["Lenz"]), ("halloway", None, (), ["Marek Halloway"])]
    assert _descriptions(text, *named) == {"halloway": ["ousted dictator"]}


def test_a_description_in_apposition_to_a_name_is_not_read_as_another_holder_of_the_office():
    text = "President Dole spoke. Prime Minister Lee Kwan, who is also the acting president, replied."
    named = [("dole", None, ("President",), ["Dole"]), ("lee", None, ("Prime Minister",), ["Lee Kwan"])]
    assert _descriptions(text, *named) == {}


def test_an_office_names_the_person_the_article_gave_it_and_a_demonym_the_country():
    text = (
        "President Vladimir Putin received Foreign Minister Anna Lind and Prime Minister Jan Oster. "
        "Putin spoke first, then Lind and Oster, and Lind again. "
        "The minister said talks would go on. "
        "Later the Russian leader thanked Oster, and the president left."
    )
    named = [
        ("putin", "RUS", ("President",), ["Vladimir Putin", "Putin"]),
        ("lind", "SWE", ("Foreign Minister",), ["Anna Lind", "Lind"]),
        ("oster", "SWE", ("Prime Minister",), ["Jan Oster", "Oster"]),
    ]
    # "The minister" is the foreign minister (no prime minister is plain "minister"); "the Russian
    # leader" is Putin although Oster was named last; "the president" is the one who holds that office.
    assert _descriptions(text, *named) == {"lind": ["minister"], "putin": ["Russian leader", "president"]}


def test_an_office_two_people_hold_equally_names_neither():
    text = "The court heard President Ana Ruiz and President Tomas Bell. The president was not named."
    named = [("ruiz", None, ("President",), ["Ana Ruiz"]), ("bell", None, ("President",), ["Tomas Bell"])]
    assert _descriptions(text, *named) == {}


def test_a_speaker_phrase_is_one_speaker_at_the_start_of_a_sentence_and_inside_one():
    rows = speaker_rows([
        ("The statement", None, "indirect", 10), ("the statement", None, "direct", 5),
        ("The Hague", "e-hague", "direct", 3),
    ])  # fmt: skip
    assert [(s.name, s.direct, s.indirect, s.words) for s in rows] == [
        ("the statement", 1, 1, 15),
        ("The Hague", 1, 0, 3),
    ]
    # An unnamed group counted or not ("Several survivors", "Survivors") is one speaker.
    rows = speaker_rows([("Survivors", None, "indirect", 21), ("Several survivors", None, "indirect", 20)])
    assert [(s.name, s.indirect, s.words) for s in rows] == [("Survivors", 2, 41)]


def test_a_new_president_is_not_the_one_the_article_titled():
    text = (
        "President Barack Obama left office on Friday, and Trump moved into the White House. "
        "The new president signed three orders."
    )
    named = [("obama", "USA", ("President",), ["Barack Obama"]), ("trump", "USA", (), ["Trump"])]
    assert _descriptions(text, *named) == {}


def test_an_abbreviation_does_not_cut_a_label_short():
    text = "Joseph Votel, the commander of U.S. Central Command, said the strike was under review."
    labels = actor_labels(text, [(0, 12, 0)], [], "a", [(0, len(text))], load_label_words())
    assert [c.text for c in labels] == ["the commander of U.S. Central Command"]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]


def test_what_an_article_calls_an_organisation_beside_its_name_and_after():
    # Written for this test.
    text = (
        "The terrorist Rapid Support Forces militia shelled the hospital. The army said the rebels fired "
        "shells. The militia has besieged the city. The Red Crescent sent the group of seven doctors."
    )
    sentences = _sentences(text)
    rsf = NamedGroup("rsf", ((text.index("Rapid"), text.index(" militia"), 0),))
    crescent = NamedGroup("rc", ((text.index("Red Crescent"), text.index(" sent"), 3),))
    found = group_labels(text, [rsf, crescent], sentences, load_word_list("group_label_nouns.txt"),
                         load_label_words(), "a")  # fmt: skip
    assert [c.text for c in found["rsf"]] == ["terrorist militia", "rebels", "militia"]
    assert found["rsf"][0].start == text.index("terrorist")
    # A plain name has no label, and "the group of seven doctors" describes no one.
    assert "rc" not in found
    # A noun the name goes on through is part of it: "the Khortytsia group of forces" is no "group".
    text = "Viktor Trehubov is spokesman for the Khortytsia group of forces."
    khortytsia = NamedGroup("kh", ((text.index("Khortytsia"), text.index(" group"), 0),))
    found = group_labels(text, [khortytsia], _sentences(text), load_word_list("group_label_nouns.txt"),
                         load_label_words(), "a")  # fmt: skip
    assert found == {}


def test_words_before_an_organisation_that_modifies_someone_are_that_person_s():
    text = "A former Exxon Mobil CEO spoke. A senior Kremlin official said the Islamist group Tahrir was banned."
    exxon = NamedGroup("x", ((text.index("Exxon"), text.index(" CEO"), 0),))
    kremlin = NamedGroup("k", ((text.index("Kremlin"), text.index(" official"), 1),))
    tahrir = NamedGroup("t", ((text.index("Tahrir"), text.index(" was"), 1),))
    found = group_labels(text, [exxon, kremlin, tahrir], _sentences(text), load_word_list("group_label_nouns.txt"),
                         load_label_words(), "a")  # fmt: skip
    assert set(found) == {"t"} and [c.text for c in found["t"]] == ["Islamist group"]
