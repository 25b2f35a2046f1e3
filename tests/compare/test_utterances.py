"""A sentence's utterances as units of the claim alignment."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from rashomon.compare.align import Number, Statement
from rashomon.compare.utterances import (
    alignment_units,
    is_request_for_comment,
    national_military,
    said_clauses,
    sentence_utterances,
    spokesperson_for,
    utterance_text,
    voice_of,
)
from rashomon.entities.tables import load_entity_tables
from rashomon.model import Quote, Speaker, TextSpan

# Written for this test.
TEXT = (
    "Mayor Lena Brandt, speaking on radio, called the strike an attack on the city and said 40 buses would run. "
    "Police said the march drew 5,000 people, most of them students."
)
TABLES = load_entity_tables()


def _quote(said: str, cue: str, speaker: str, entity: str | None) -> Quote:
    start = TEXT.index(said)
    cue_start = TEXT.index(cue)
    speaker_start = TEXT.index(speaker)
    return Quote(
        start, start + len(said), said, "indirect", TextSpan(cue_start, cue_start + len(cue)), cue,
        Speaker(speaker_start, speaker_start + len(speaker), speaker, entity, speaker if entity else None),
    )  # fmt: skip


QUOTES = (
    _quote("the strike an attack on the city", "called", "Lena Brandt", "e-brandt"),
    _quote("40 buses would run", "said", "Lena Brandt", "e-brandt"),
    _quote("the march drew 5,000 people", "said", "Police", None),
)


def _sentence(index: int, start: int, end: int, numbers: tuple[Number, ...] = ()) -> Statement:
    return Statement(
        "a", None, index, start, end, TEXT[start:end], frozenset(), numbers, frozenset(), frozenset(), True
    )


FIRST = _sentence(0, 0, TEXT.index("Police") - 1, (Number(40, "=", "buses", "40 buses"),))
SECOND = _sentence(1, TEXT.index("Police"), len(TEXT), (Number(5000, "=", "people", "5,000 people"),))


def test_a_speaker_is_their_entity_or_the_noun_that_names_them_and_a_lone_pronoun_no_one():
    assert voice_of(QUOTES[0], TABLES) == "e-brandt"
    assert voice_of(QUOTES[2], TABLES) == "unnamed:police"
    pronoun = Quote(0, 5, "words", "indirect", None, None, Speaker(0, 2, "he"))
    assert voice_of(pronoun, TABLES) is None


@pytest.mark.parametrize(
    ("name", "voice"),
    [
        ("The Sudanese army", "military:SDN"),
        ("Sudanese Armed Forces", "military:SDN"),
        ("Sudan's military", "military:SDN"),
        ("the Free Syrian Army", None),
        ("Syrian Democratic Forces", None),
    ],
)
def test_a_states_forces_are_one_voice_under_their_names(name: str, voice: str | None):
    assert national_military(name, TABLES) == voice


def test_what_is_embedded_is_what_is_said_not_who_says_it():
    assert utterance_text(QUOTES[1]) == "40 buses would run"


def test_a_sentence_of_two_utterances_is_two_units_with_their_own_numbers_and_vectors():
    assert [u.text for u in sentence_utterances(FIRST, QUOTES, TABLES)] == [QUOTES[0].text, QUOTES[1].text]
    vectors = np.eye(4, dtype=np.float32)[:2]  # one per sentence
    spoken = np.eye(4, dtype=np.float32)[1:]  # one per quote
    units = alignment_units([FIRST, SECOND], vectors, {"a": QUOTES}, {"a": spoken}, TABLES)
    assert [(u.sentence, u.part, u.mostly_said) for u in units.statements] == [
        (0, 1, True),
        (0, 2, True),
        (1, 0, False),
    ]
    assert [u.numbers for u in units.statements[:2]] == [(), (Number(40, "=", "buses", "40 buses"),)]
    assert np.array_equal(units.vectors[:2], spoken[:2])  # a part is matched by what it says
    assert np.array_equal(units.vectors[2], vectors[1]) and np.array_equal(units.spoken[2], spoken[2])
    assert units.statements[2].voices == frozenset({"unnamed:police"})


def test_without_quote_vectors_a_sentence_is_matched_as_a_whole():
    units = alignment_units([FIRST], np.eye(2, dtype=np.float32)[:1], {"a": QUOTES}, {}, TABLES)
    assert [(u.part, u.voices) for u in units.statements] == [(0, frozenset())]
    assert not units.spoken.any()


def test_a_request_for_comment_is_no_ones_words():
    asked = Quote(0, 23, "requests for comment", "indirect", None, "respond", None)
    said = Quote(0, 30, "the bill would pass", "indirect", None, "said", None)
    assert is_request_for_comment(asked) and not is_request_for_comment(said)


def test_a_states_spokesperson_speaks_for_the_state_in_every_sentence_that_quotes_them():
    text = "Kremlin spokesman Dmitry Peskov said it was too early. \u201cWe must wait,\u201d he said."
    titled = Quote(
        text.index("it was"), text.index(". "), "it was too early", "indirect",
        TextSpan(text.index("said"), text.index("said") + 4), "said",
        Speaker(0, len("Kremlin spokesman Dmitry Peskov"), "Kremlin spokesman Dmitry Peskov", "e-peskov", "Dmitry Peskov"),
    )  # fmt: skip
    said_start = text.index("We must")
    pronoun_start = text.index("he said")
    untitled = Quote(
        said_start, said_start + len("We must wait"), "We must wait", "direct",
        TextSpan(pronoun_start + 3, pronoun_start + 7), "said",
        Speaker(pronoun_start, pronoun_start + 2, "he", "e-peskov", "Dmitry Peskov"),
    )  # fmt: skip
    second = text.index("\u201c")
    sentences = [
        Statement("a", None, 0, 0, second - 1, text[: second - 1], frozenset(), (), frozenset(), frozenset(), True),
        Statement("a", None, 1, second, len(text), text[second:], frozenset(), (), frozenset(), frozenset(), True),
    ]
    units = alignment_units(
        sentences, np.eye(2, dtype=np.float32), {"a": (titled, untitled)}, {"a": np.eye(2, dtype=np.float32)}, TABLES
    )
    assert [unit.voices for unit in units.statements] == [frozenset({"e-peskov", "state:RUS"})] * 2
    ministry = Quote(
        0,
        5,
        "it was",
        "indirect",
        None,
        "said",
        Speaker(0, 10, "Foreign Ministry spokesman Ali Reza", "e-ali", "Ali Reza"),
    )
    assert spokesperson_for(ministry, TABLES) is None


def test_two_things_said_joined_by_and_that_are_two_clauses_with_one_speaker():
    text = "The governor said debris had fallen on a depot and that two people had been injured."
    said = "debris had fallen on a depot and that two people had been injured"
    start = text.index(said)
    speaker = Speaker(4, 12, "governor", "e-governor", "governor")
    indirect = Quote(start, start + len(said), said, "indirect", TextSpan(13, 17), "said", speaker)
    first, second = said_clauses([indirect])
    assert (first.text, second.text) == ("debris had fallen on a depot", "two people had been injured")
    assert text[second.start : second.end] == second.text
    assert first.speaker == second.speaker == speaker
    # A short clause ("and that was all") is no thing said of its own; a quotation stays whole.
    short = replace(indirect, text="the depot burned and that was all", end=start + 33)
    direct = replace(indirect, kind="direct")
    assert said_clauses([short, direct]) == (short, direct)
