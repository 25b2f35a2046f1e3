"""What one outlet reports and another calls unfounded, on sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.compare.align import AlignedGroup, Statement
from rashomon.compare.dismissals import dismissed_things, tells, with_dismissals


def _statement(article: str, index: int, text: str, outlet: str) -> Statement:
    return Statement(article, outlet, index, 0, len(text), text, frozenset(), (), frozenset(), frozenset(), True)


@pytest.mark.parametrize(
    ("text", "things"),
    [
        ("The coalition made unfounded claims of ballot stuffing without presenting evidence.", ["ballot stuffing"]),
        (
            "The government denied the reports of Wednesday's chemical attack as baseless.",
            ["Wednesday's chemical attack"],
        ),
        ("The ministry dismissed allegations of torture in Kessel prison.", ["torture"]),
        ("The coalition made claims of ballot stuffing.", []),  # claims, not dismissed ones
        ("The army rejected reports of it.", []),  # nothing named
    ],
)
def test_what_a_sentence_calls_unfounded(text: str, things: list[str]):
    assert [written for written, _ in dismissed_things(text)] == things


def test_a_sentence_tells_the_thing_in_its_words_unless_it_denies_it():
    assert tells("The coalition said it had recorded ballot stuffing at 300 stations.", ("ballot", "stuffing"))
    assert tells("Observers saw stuffed ballots.", ("ballot", "stuffing")) is False  # other words
    assert tells("Officials said no ballot stuffing was recorded.", ("ballot", "stuffing")) is False


def test_a_dismissal_is_set_against_what_other_outlets_tell():
    told = _statement("a", 2, "The coalition said it had recorded ballot stuffing at 300 polling stations.", "Wire")
    other = _statement("a", 3, "Turnout was 49.8%.", "Wire")
    dismissed = _statement("b", 7, "The coalition made unfounded claims of ballot stuffing.", "Herald")
    groups = with_dismissals([told, other, dismissed], [AlignedGroup("single", (told,))])
    conflict = groups[0]
    assert conflict.label == "conflict" and conflict.statements == (told, dismissed)
    assert conflict.conflict == "one calls unfounded what the other reports: ballot stuffing"
    # The same outlet's own reports are not a dispute between outlets.
    same = _statement("c", 1, "The coalition made unfounded claims of ballot stuffing.", "Wire")
    assert [g.label for g in with_dismissals([told, same], [])] == []


def test_two_statements_matched_as_one_report_are_the_dispute_instead():
    told = _statement("a", 2, "The coalition reported ballot stuffing.", "Wire")
    dismissed = _statement("b", 7, "The coalition made baseless claims of ballot stuffing.", "Herald")
    groups = with_dismissals([told, dismissed], [AlignedGroup("shared", (told, dismissed), None, 0.8)])
    assert [(g.label, g.conflict) for g in groups] == [
        ("conflict", "one calls unfounded what the other reports: ballot stuffing")
    ]
