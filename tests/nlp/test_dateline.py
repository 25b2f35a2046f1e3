"""The leading dateline is a sentence of its own, so its town is nobody's subject."""

from __future__ import annotations

import pytest

from rashomon.nlp.dateline import dateline_end


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("BEIRUT (Wire) - Valdorian troops attacked", "BEIRUT (Wire) - "),
        ("PORT ELLIS, March 3 (Wire) - The council", "PORT ELLIS, March 3 (Wire) - "),
        ("MOSCOW, March 3 /Wire/ - Bombers struck", "MOSCOW, March 3 /Wire/ - "),
        ("ST. ANNE, Valdoria (AP) \u2014 The mayor", "ST. ANNE, Valdoria (AP) \u2014 "),
        ("Kessel (AFP) -- The mayor", "Kessel (AFP) -- "),
    ],
)
def test_a_town_and_agency_before_a_dash_is_a_dateline(text: str, dateline: str):
    assert text[: dateline_end(text)] == dateline


@pytest.mark.parametrize(
    "text",
    [
        "US - Valdoria talks resumed on Monday.",  # two capitals are a country, not a town
        "Kessel - The mayor said",  # a town in normal case needs its agency
        "The mayor said - twice - that the bridge was safe.",
        "MOSCOW, March 3. /Wire/. The talks ended.",  # already a sentence of its own
    ],
)
def test_other_openings_are_not_datelines(text: str):
    assert dateline_end(text) is None


def test_the_town_of_the_dateline_is_not_the_subject_of_the_first_clause(engine):
    doc = engine.pipeline.nlp("MOSCOW, March 3 /Wire/ - Valdorian bombers struck targets near Kessel.")
    struck = next(token for token in doc if token.text == "struck")
    assert [child.text for child in struck.children if child.dep_ == "nsubj"] == ["bombers"]
    assert next(iter(doc.sents)).text == "MOSCOW, March 3 /Wire/ -"


def test_the_first_word_after_a_dateline_is_no_sentence_of_its_own(engine):
    doc = engine.pipeline.nlp(
        "JAKARTA, May 12, 2027 - China and Indonesia on Wednesday signed 14 cooperation documents."
    )
    assert [sentence.text for sentence in doc.sents] == [
        "JAKARTA, May 12, 2027 -",
        "China and Indonesia on Wednesday signed 14 cooperation documents.",
    ]
