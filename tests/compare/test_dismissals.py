"""What one outlet reports and another calls unfounded, on sentences written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rashomon.compare.align import AlignedGroup, Statement
from rashomon.compare.dismissals import capture_denials, dismissed_things, tells, with_dismissals


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
        ("She said so, calling the accusations of espionage against them absurd and unfounded.", ["espionage"]),
        ("He called the reports of shelling alarming.", []),  # called something, not unfounded
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


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        ('"At no point did we attempt to tow the vessel," he said.', [("tow the vessel", ("tow",))]),
        ("The coast guard has denied attempting a tow.", [("tow", ("tow",))]),
        ("The Kremlin denied targeting civilians.", [("targeting civilians", ("targeting", "civilians"))]),
        ("Officials said there had been no drone attack on the city.", [("drone attack", ("drone", "attack"))]),
        ("He has denied that his government restricts media freedom.", []),  # a claim, not an act
        ("He denied being involved.", []),  # too common a verb to name an act
        ('"There were no Russian planes in this region."', []),  # no act: who was where
    ],
)
def test_what_a_sentence_says_was_not_done(text: str, acts: list[tuple[str, tuple[str, ...]]]):
    from rashomon.compare.dismissals import denied_acts

    assert [(act.written, act.content) for act in denied_acts(text)] == acts


def test_a_denied_act_is_set_against_another_outlet_telling_it_but_not_a_common_one():
    told = _statement("a", 4, "Survivors said a patrol boat tied a rope to the trawler and tried to tow it.", "Wire")
    denial = _statement("b", 3, '"At no point did we attempt to tow the vessel," he said.', "Radio")
    (conflict,) = with_dismissals([told, denial], [])
    assert conflict.conflict == "one denies what the other reports: tow the vessel"
    assert conflict.statements == (told, denial)
    # Told in its own report too, the denial is that outlet's account of both sides, not a dispute.
    own = _statement("a", 7, "The coast guard has denied attempting a tow.", "Wire")
    assert with_dismissals([told, own], []) == []
    # An act named in one word that many statements tell ("stop") is too loose to set against them.
    stops = [_statement("a", i, f"Police moved to stop the march on day {i}.", "Wire") for i in range(4)]
    refused = _statement("b", 1, "Police did not try to stop the march.", "Radio")
    assert with_dismissals([*stops, refused], []) == []


def test_a_denial_that_something_happened_holds_where_it_names():
    from dataclasses import replace

    grozny = frozenset({"e-grozny"})
    told = replace(
        _statement("a", 2, "It tried to land in Grozny, where air defences were repelling a drone attack.", "Wire"),
        entities=grozny,
    )
    denial = replace(
        _statement("b", 7, "The airport said there had been no drone attack on the city that day.", "Agency"),
        entities=grozny,
    )
    (conflict,) = with_dismissals([told, denial], [])
    assert conflict.conflict == "one denies what the other reports: drone attack"
    # "No terror attacks in the French capital this month" says nothing of a list of attacks elsewhere.
    listed = _statement("a", 4, "The White House released a list of 78 terrorist attacks.", "Network")
    paris = replace(
        _statement("b", 70, "There were no terror attacks in the French capital this month.", "Broadcaster"),
        entities=frozenset({"e-paris"}),
    )
    assert with_dismissals([listed, paris], []) == []
    # Deep in a long piece, the same words are about another time, though they name the same city.
    earlier = [_statement("b", i, f"Background sentence {i} of the piece.", "Agency") for i in range(10)]
    deep = replace(denial, sentence=40)
    assert with_dismissals([told, *earlier, deep], []) == []


def test_a_denial_of_reports_that_something_happened_names_the_clause():
    from rashomon.compare.dismissals import denied_clause

    text = "The ministry denied reports that the disease had spread to Manica province, saying all were negative."
    assert denied_clause(text) == "the disease had spread to Manica province"
    assert denied_clause("Cases have also been confirmed in the neighbouring province of Manica.") is None
    # Whose claim it is, and a claim "to have" done something.
    text = "Kyiv denied Moscow's claim that the village had been captured."
    assert denied_clause(text) == "the village had been captured"
    assert denied_clause("The army rejected Russian claims to have taken the bridge.") == "taken the bridge"


def test_a_matched_denial_of_a_reported_clause_disputes_the_telling_but_not_another_denial():
    denial = _statement("a", 3, "The ministry denied reports that the disease had spread to Manica province.", "Paper")
    told = _statement("b", 5, "Cases have also been confirmed in the neighbouring province of Manica.", "Wire")
    groups = with_dismissals([denial, told], [AlignedGroup("shared", (denial, told), None, 0.8)])
    assert [g.conflict for g in groups] == [
        "one denies what the other reports: the disease had spread to Manica province"
    ]
    # Another outlet's report of the denial is no telling of what was denied.
    echoed = _statement("b", 5, "The government has long denied that the disease reached Manica.", "Wire")
    groups = with_dismissals([denial, echoed], [AlignedGroup("shared", (denial, echoed), None, 0.8)])
    assert [g.label for g in groups] == ["shared"]


CAPTURE_WORDS = frozenset({"captured", "liberated"})


def _naming(article: str, index: int, text: str, outlet: str, start: int) -> Statement:
    return replace(
        _statement(article, index, text, outlet), start=start, end=start + len(text), entities=frozenset({"novo"})
    )


def test_a_denied_capture_is_set_against_the_other_sides_account_of_taking_the_place():
    denial_text = "Kyiv repelled assaults near the village of Novoselivka and denied Moscow's claim that the village had been captured."
    denial = _naming("a", 1, denial_text, "Kyiv Wire", 100)
    taken_text = "Units of the Centre group have liberated the settlement of Novoselivka, the ministry said."
    taken = _naming("b", 1, taken_text, "Moscow Agency", 200)
    named = {
        ("a", "novo"): [(100 + denial_text.index("Novoselivka"), 100 + denial_text.index("Novoselivka") + 11)],
        ("b", "novo"): [(200 + taken_text.index("Novoselivka"), 200 + taken_text.index("Novoselivka") + 11)],
    }
    (conflict,) = capture_denials([denial, taken], named, CAPTURE_WORDS)
    assert conflict.conflict == "one denies what the other reports: the village had been captured"
    assert conflict.statements == (taken, denial)
    # Naming the place with no word for taking it is no account of its capture, nor is a negated one.
    for text in ("Fighting went on near the settlement of Novoselivka.", "No unit has captured Novoselivka yet."):
        other = _naming("b", 1, text, "Moscow Agency", 200)
        spans = {**named, ("b", "novo"): [(200 + text.index("Novoselivka"), 200 + text.index("Novoselivka") + 11)]}
        assert capture_denials([denial, other], spans, CAPTURE_WORDS) == []
