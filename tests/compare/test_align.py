"""Alignment labels: shared, told by one outlet only, and in conflict (numbers or denial)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import numpy as np
import pytest

from rashomon.compare.align import (
    Number,
    Statement,
    actor_signature,
    align_statements,
    casualty_kind,
    count_qualifiers,
    damage_kind,
    is_earlier_figure,
    is_hypothetical,
    is_written_date,
    load_attack_means,
    prison_terms,
    toll_conflicts,
)
from rashomon.entities.tables import load_entity_tables


def _statement(
    article: str, index: int, text: str, *, numbers=(), negated=(), asserted=(), actors=("e1",), outlet=None
) -> Statement:  # type: ignore[no-untyped-def]
    events = frozenset(f"{kind} {actor}" for kind in (*negated, *asserted) for actor in actors)
    return Statement(article, outlet or article.upper(), index, index * 100, index * 100 + len(text), text,
                     frozenset({"e1"}), tuple(numbers), frozenset(negated), frozenset(asserted), True, events)  # fmt: skip


def _vectors(groups: list[int]) -> np.ndarray:
    """Unit vectors: statements with the same group number are identical, others orthogonal."""
    vectors = np.zeros((len(groups), 8), dtype=np.float32)
    for row, group in enumerate(groups):
        vectors[row, group] = 1.0
    return vectors


def test_same_statement_is_shared_and_the_rest_single():
    statements = [_statement("a", 0, "Talks were held."), _statement("a", 1, "Wheat was sent."),
                  _statement("b", 0, "Talks took place.")]  # fmt: skip
    groups = align_statements(statements, _vectors([0, 1, 0]))
    labels = sorted((g.label, len(g.statements)) for g in groups)
    assert labels == [("shared", 2), ("single", 1)]


def test_different_numbers_for_the_same_thing_conflict_but_bounds_that_agree_do_not():
    strikes_a = Number(300, ">=", "airstrikes", "over 300 airstrikes")
    strikes_b = Number(250, "=", "airstrikes", "250 airstrikes")
    statements = [_statement("a", 0, "x", numbers=[strikes_a]), _statement("b", 0, "y", numbers=[strikes_b])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict" and "over 300 airstrikes vs 250 airstrikes" in (group.conflict or "")
    agreeing = Number(320, "=", "airstrike", "320 airstrikes")
    statements = [_statement("a", 0, "x", numbers=[strikes_a]), _statement("b", 0, "y", numbers=[agreeing])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "shared"


@pytest.mark.parametrize(
    ("mine", "theirs", "label"),
    [
        (Number(52.3, "=", "percent", "52.3%"), Number(54, "=", "percent", "54 percent"), "conflict"),
        (Number(52.3, "=", "percent", "52.3%"), Number(52, "=", "percent", "52 percent"), "shared"),
        (Number(52.3, "=", "percent", "52.3%"), Number(50, "~", "percent", "about 50 percent"), "shared"),
        (Number(0.5, "=", "percent", "0.5%"), Number(0.7, "=", "percent", "0.7%"), "shared"),
    ],
)
def test_shares_differ_by_points_not_in_proportion(mine: Number, theirs: Number, label: str):
    statements = [_statement("a", 0, "x", numbers=[mine]), _statement("b", 0, "y", numbers=[theirs])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == label


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        ("Turnout was 49.8%, down from 58.9% in 2024.", [False, True, False]),
        ("The toll rose from 12 to 15.", [True, False]),
        ("Exports fell to 40 tonnes, compared with 52 tonnes a year ago.", [False, True]),
        ("Police detained 14 people from 3 villages.", [False, False]),
    ],
)
def test_a_figure_set_against_another_is_the_earlier_one(text: str, earlier: list[bool]):
    starts = [
        found.start() for found in re.finditer(r"\d+(?:\.\d+)?", text) if text[found.start() - 1 : found.start()] != "."
    ]
    assert [is_earlier_figure(text, start) for start in starts] == earlier


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("A court sentenced the mayor, the president's main rival, to eight years and two months in prison.", [98.0]),
        ("The court in Kessel sentenced former mayor Lind to 10 years in prison for bribery.", [120.0]),
        ("He was jailed for two and a half years.", [30.0]),
        ("The court sentenced him to 18 months.", [18.0]),
        ("She was sentenced to life in prison.", []),
        ("He served 10 years as mayor before he was sentenced.", []),
    ],
)
def test_a_prison_term_is_a_count_of_months(text: str, months: list[float]):
    assert [n.value for n in prison_terms(text)] == months


def test_two_terms_for_one_verdict_conflict():
    eight = prison_terms("The court sentenced Lind to eight years and two months in prison.")
    ten = prison_terms("The court sentenced Lind to 10 years in prison.")
    statements = [_statement("a", 0, "x", numbers=eight), _statement("b", 0, "y", numbers=ten)]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.conflict == "numbers differ (prison term): eight years and two months vs 10 years"


def test_the_figure_a_count_is_set_against_is_not_a_second_count():
    now = Number(49.8, "=", "percent", "49.8%")
    before = Number(58.9, "=", "percent", "58.9%", scope="october 2024", earlier=True)
    theirs = Number(52, "=", "percent", "52 percent")
    statements = [_statement("a", 0, "x", numbers=[now, before]), _statement("b", 0, "y", numbers=[theirs])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict" and "49.8% vs 52 percent" in (group.conflict or "")


def test_a_side_that_also_gives_the_other_count_unnamed_is_no_conflict():
    under_siege = Number(280_000, "=", "children", "280,000 children")
    hard_to_reach = Number(2_800_000, "=", "children", "2.8 million children")
    also_given = Number(280_000, "=", None, "280,000")  # "including 280,000 living under siege"
    statements = [
        _statement("a", 0, "x", numbers=[under_siege]),
        _statement("b", 0, "y", numbers=[hard_to_reach, also_given]),
    ]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "shared"
    # Without the unnamed 280,000 the two counts of children differ.
    statements = [_statement("a", 0, "x", numbers=[under_siege]), _statement("b", 0, "y", numbers=[hard_to_reach])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict"
    # A count named as something else does not excuse it: "12 people, including 3 children" against
    # "3 people" is a conflict about the dead.
    statements = [
        _statement(
            "a", 0, "x", numbers=[Number(12, "=", "people", "12 people"), Number(3, "=", "children", "3 children")]
        ),
        _statement("b", 0, "y", numbers=[Number(3, "=", "people", "3 people")]),
    ]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict"


def test_casualty_words_count_as_one_unit():
    killed = Number(15, "=", "civilians", "15 civilians")
    dead = Number(30, "=", "people", "30 people")
    statements = [_statement("a", 0, "x", numbers=[killed]), _statement("b", 0, "y", numbers=[dead])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict"


def test_one_denies_what_the_other_reports():
    statements = [_statement("a", 0, "x", asserted=["ASSAULT"], actors=("e1", "e2")),
                  _statement("b", 0, "y", negated=["ASSAULT"], actors=("e1", "e2"))]  # fmt: skip
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict" and "denies" in (group.conflict or "")


def test_a_denial_needs_the_same_actor_and_only_one_side_denying():
    # "Sessions denied meeting Russian officials" against "Sessions never met Russian officials, he
    # said, though he met the ambassador": both deny; no dispute between the outlets.
    both = [_statement("a", 0, "x", negated=["CONSULT"]),
            _statement("b", 0, "y", negated=["CONSULT"], asserted=["CONSULT"])]  # fmt: skip
    (group,) = align_statements(both, _vectors([0, 0]))
    assert group.label == "shared"
    other_actor = [_statement("a", 0, "x", asserted=["ACCUSE"], actors=("e1",)),
                   _statement("b", 0, "y", negated=["ACCUSE"], actors=("e2",))]  # fmt: skip
    (group,) = align_statements(other_actor, _vectors([0, 0]))
    assert group.label == "shared"


def test_conflicts_are_between_matched_statements_of_different_outlets():
    # b matches a and c; a and c only share b as a neighbour and are not compared with each other.
    vectors = np.array([[1.0, 0.0], [0.9, 0.436], [0.6, 0.8]], dtype=np.float32)
    counts = [Number(75, "=", "people", "75 people"), Number(50, ">=", "people", "at least 50 people"),
              Number(60, "=", "people", "60 people")]  # fmt: skip
    statements = [_statement(name, 0, name, numbers=[count]) for name, count in zip("abc", counts, strict=True)]
    (group,) = align_statements(statements, vectors)
    assert len(group.statements) == 3 and group.label == "shared"
    # Matched directly, 75 and 60 do conflict.
    (group,) = align_statements([statements[0], statements[2]], _vectors([0, 0]))
    assert group.label == "conflict" and "75 people vs 60 people" in (group.conflict or "")
    # A later report of the same outlet with another toll updates it; it is not a dispute.
    same_outlet = [_statement("a", 0, "x", numbers=[counts[0]], outlet="BBC"),
                   _statement("b", 0, "y", numbers=[counts[2]], outlet="BBC")]  # fmt: skip
    (group,) = align_statements(same_outlet, _vectors([0, 0]))
    assert group.label == "shared"


def test_a_chain_of_matches_does_not_join_statements_that_are_not_alike():
    # a matches b and b matches c, but a and c are far apart: c stays out of their group.
    vectors = np.array([[1.0, 0.0], [0.9, 0.4359], [0.489, 0.8723]], dtype=np.float32)
    statements = [_statement(name, 0, name) for name in "abc"]
    groups = align_statements(statements, vectors)
    assert sorted((g.label, tuple(s.article_id for s in g.statements)) for g in groups) == [
        ("shared", ("a", "b")),
        ("single", ("c",)),
    ]


def _named(article: str, index: int, entities: set[str]) -> Statement:
    return Statement(article, article.upper(), index, index * 100, index * 100 + 10, "text", frozenset(entities),
                     (), frozenset(), frozenset(), True)  # fmt: skip


def test_entities_the_whole_story_names_do_not_make_two_statements_match():
    # Cosine 0.74: a paraphrase only with the bonus of shared entities. Every sentence names Russia
    # and Turkey; only the first of each article names Gerasimov.
    close = np.array([1.0, 0.0], dtype=np.float32), np.array([0.74, 0.6726], dtype=np.float32)
    filler = [np.eye(8, dtype=np.float32)[k, :] for k in range(2, 8)]
    common = {"russia", "turkey"}
    statements = [_named("a", 0, common | {"gerasimov"}), _named("b", 0, common | {"gerasimov"})]
    statements += [_named("ab"[k % 2], k + 1, common) for k in range(8)]
    rows = [
        np.pad(close[0], (0, 6)),
        np.pad(close[1], (0, 6)),
        *filler,
        *[np.eye(8, dtype=np.float32)[k] for k in (2, 3)],
    ]
    groups = align_statements(statements, np.stack(rows))
    assert [len(g.statements) for g in groups if g.label == "shared"] == [2]
    # Without Gerasimov the two share only what every sentence names, and do not match.
    statements[0], statements[1] = _named("a", 0, common), _named("b", 0, common)
    assert not [g for g in align_statements(statements, np.stack(rows)) if g.label == "shared"]


def test_a_state_is_the_same_actor_under_its_name_or_its_capital():
    tables = load_entity_tables()
    assert actor_signature("e-nk", "North Korea", tables) == actor_signature("e-pyongyang", "Pyongyang", tables)
    assert actor_signature("e-ru", "Russia", tables) == actor_signature("e-kremlin", "the Kremlin", tables)
    assert actor_signature("e-putin", "Vladimir Putin", tables) == "e-putin"
    # "Malaysia has not accused North Korea" against "Malaysia accuses Pyongyang".
    denial = _statement("a", 0, "x", negated=["ACCUSE"], actors=["state:MYS", "state:PRK"])
    report = _statement("b", 0, "y", asserted=["ACCUSE"], actors=["state:MYS", "state:PRK"])
    (group,) = align_statements([denial, report], _vectors([0, 0]))
    assert group.label == "conflict"


def test_casualty_kind_is_the_nearest_cue():
    from rashomon.compare.align import casualty_kind

    text = "A bomb blast killed six people and injured 32 in the district."
    assert casualty_kind(text, text.index("six"), text.index("six") + 3) == "killed"
    assert casualty_kind(text, text.index("32"), text.index("32") + 2) == "injured"
    assert casualty_kind("The 3 ministers met.", 4, 5) is None
    detained = "Police said 14 people were detained after clashes."
    assert casualty_kind(detained, detained.index("14"), detained.index("14") + 2) == "detained"
    witnesses = "The report rests on 84 witnesses, including guards and detainees."
    assert casualty_kind(witnesses, witnesses.index("84"), witnesses.index("84") + 2) is None


def test_killed_and_injured_counts_are_not_compared_with_each_other():
    killed = Number(6, "=", "people", "six people", "people killed")
    injured = Number(32, "=", None, "32", "people injured")
    other_killed = Number(6, "=", None, "six", "people killed")
    statements = [_statement("a", 0, "x", numbers=[killed, injured]), _statement("b", 0, "y", numbers=[other_killed])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "shared"


def test_counts_over_different_times_are_not_compared_but_over_the_same_time_are():
    overall = Number(5, "=", "tests", "five")
    last_year = Number(2, "=", "tests", "two", scope="last year")
    statements = [_statement("a", 0, "x", numbers=[overall]), _statement("b", 0, "y", numbers=[last_year])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "shared"
    also_last_year = Number(3, "=", "tests", "three", scope="last year")
    statements = [_statement("a", 0, "x", numbers=[also_last_year]), _statement("b", 0, "y", numbers=[last_year])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict" and "three vs two" in (group.conflict or "")


def test_the_same_event_on_different_days_conflicts():
    from dataclasses import replace

    a = replace(_statement("a", 0, "x"), dates=frozenset({"2025-10-15"}))
    b = replace(_statement("b", 0, "y"), dates=frozenset({"2025-10-16"}))
    (group,) = align_statements([a, b], _vectors([0, 0]))
    assert group.label == "conflict" and "dates differ" in (group.conflict or "")


def test_only_written_dates_are_set_against_each_other():
    assert all(map(is_written_date, ["Feb. 13", "on 13 February", "February 13, 2017", "2017-02-13", "on 3/14"]))
    assert not any(map(is_written_date, ["last Monday", "yesterday", "on Tuesday", "this week", "in May"]))


def test_counts_with_qualifiers_that_share_nothing_are_different_slots():
    text = "Seven Conservative peers backed it. It was backed by 165 Labour peers. A top tax bracket of 35 percent."
    conservative = count_qualifiers(text, 0, 5, "peers")
    labour = count_qualifiers(text, text.index("165"), text.index("165") + 3, "peers")
    bracket = count_qualifiers(text, text.index("35"), text.index("35") + 2, "percent")
    assert (conservative, labour, bracket) == ({"conservative"}, {"labour"}, {"tax", "bracket"})
    toll = "The death toll of at least 18 civilians rose."
    assert count_qualifiers(toll, toll.index("18"), toll.index("18") + 2, "civilians") == frozenset()
    peers = [
        Number(7, "=", "peers", "Seven", qualifiers=conservative),
        Number(165, "=", "peers", "165", qualifiers=labour),
    ]
    statements = [_statement("a", 0, "x", numbers=[peers[0]]), _statement("b", 0, "y", numbers=[peers[1]])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "shared"
    unqualified = Number(165, "=", "peers", "165")
    statements = [_statement("a", 0, "x", numbers=[peers[0]]), _statement("b", 0, "y", numbers=[unqualified])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict"


def test_what_would_or_could_be_is_not_a_conflict():
    rule_change = "If that happens, Gorsuch would only need 51 votes to be confirmed."
    present_rule = "Under present rules, Mr Gorsuch would need 60 votes for confirmation."
    after_a_clause = "Officials said repairs could take weeks, and 15 people died."
    assert is_hypothetical(rule_change, rule_change.index("51"))
    assert is_hypothetical(present_rule, present_rule.index("60"))
    assert not is_hypothetical(after_a_clause, after_a_clause.index("15"))
    votes = [Number(51, "=", "votes", "51 votes", hypothetical=True), Number(60, "=", "votes", "60 votes")]
    statements = [_statement("a", 0, "x", numbers=[votes[0]]), _statement("b", 0, "y", numbers=[votes[1]])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "shared"


def test_the_same_telling_count_of_the_same_thing_makes_a_paraphrase_match():
    # Cosine 0.72: "interviews with 84 witnesses" against "corroborated by 84 witness accounts".
    pair = np.array([[1.0, 0.0], [0.72, 0.694]], dtype=np.float32)
    rows = np.pad(pair, ((0, 0), (0, 6)))

    def statements(first: Number, second: Number) -> list[Statement]:
        return [
            Statement("a", "A", 0, 0, 10, "x", frozenset(), (first,), frozenset(), frozenset(), True),
            Statement("b", "B", 0, 0, 10, "y", frozenset(), (second,), frozenset(), frozenset(), True),
        ]

    witnesses, witness = Number(84, "=", "witnesses", "84 witnesses"), Number(84, "=", "witness", "84 witness")
    assert [g.label for g in align_statements(statements(witnesses, witness), rows)] == ["shared"]
    # A small count says too little, and so does another count of another thing.
    three, soldiers = Number(3, "=", "soldiers", "three soldiers"), Number(3, "=", "soldiers", "3 soldiers")
    assert {g.label for g in align_statements(statements(three, soldiers), rows)} == {"single"}
    guards = Number(84, "=", "guards", "84 guards")
    assert {g.label for g in align_statements(statements(witnesses, guards), rows)} == {"single"}


def test_two_attacks_done_by_different_means_are_two_acts_not_a_conflict():
    means = load_attack_means()
    shelling = "Rebels targeted the market with rocket shells, killing 8 people."
    raid = "Warplanes targeted the village and killed over 60 people."
    assert means.found_in(shelling) == {"shelling"} and means.found_in(raid) == {"air"}
    killed_8 = Number(8, "=", "people", "8 people", kind="killed")
    killed_60 = Number(60, ">", "people", "over 60 people", kind="killed")
    statements = [
        replace(_statement("a", 0, shelling, numbers=[killed_8]), means=means.found_in(shelling)),
        replace(_statement("b", 0, raid, numbers=[killed_60]), means=means.found_in(raid)),
    ]
    assert [g.label for g in align_statements(statements, _vectors([0, 0]))] == ["single", "single"]
    # The same toll told as "air strikes and shelling" by one and "air raids" by the other is one act.
    both = "Air strikes and shelling killed 60 people in the village."
    statements[0] = replace(_statement("a", 0, both, numbers=[killed_60]), means=means.found_in(both))
    assert [g.label for g in align_statements(statements, _vectors([0, 0]))] == ["shared"]


def test_a_toll_cue_belongs_to_its_own_count():
    from rashomon.compare.align import casualty_kind

    text = "The death toll in Thursday's attack on a shrine in Sindh province has climbed to 74, more than 300 people were injured."
    assert casualty_kind(text, text.index("74"), text.index("74") + 2) == "killed"
    assert casualty_kind(text, text.index("300"), text.index("300") + 3) == "injured"
    listed = "An air strike killed 15 civilians including four children in the province."
    assert casualty_kind(listed, listed.index("four"), listed.index("four") + 4) == "killed"
    # A cue before an "and" closed its own clause.
    both = "Two people have been killed and 10 other people have been injured in the shelling."
    assert casualty_kind(both, both.index("10"), both.index("10") + 2) == "injured"


def test_tolls_that_a_bound_makes_agree_match_in_one_place_on_one_day():
    # Cosine 0.72, under the match threshold without the tolls' agreement.
    pair = np.pad(np.array([[1.0, 0.0], [0.72, 0.694]], dtype=np.float32), ((0, 0), (0, 6)))

    def labels(first: str, second: str, left: Number, right: Number, places=((), ())) -> set[str]:
        statements = [
            Statement("a", "A", 0, 0, 10, first, frozenset(), (left,), frozenset(), frozenset(), True,
                      places=frozenset(places[0])),
            Statement("b", "B", 0, 0, 10, second, frozenset(), (right,), frozenset(), frozenset(), True,
                      places=frozenset(places[1])),
        ]  # fmt: skip
        return {group.label for group in align_statements(statements, pair)}

    at_least_75 = Number(75, ">=", "people", "at least 75", "people killed")
    at_least_72 = Number(72, ">=", "people", "at least 72", "people killed")
    bomber, attack = "A bomber struck on Thursday, killing at least 75.", "An attack killed at least 72 on Thursday."
    assert labels(bomber, attack, at_least_75, at_least_72) == {"shared"}
    # A toll far off is another attack's, though "at least 52" is met by 75.
    at_least_52 = Number(52, ">=", "people", "at least 52", "people killed")
    assert labels(bomber, attack, at_least_75, at_least_52) == {"single"}
    # Two towns, or two days, are two attacks.
    assert labels(bomber, attack, at_least_75, at_least_72, places=(["e-idlib"], ["e-raqqa"])) == {"single"}
    assert labels(bomber, "An attack killed at least 72 on Sunday.", at_least_75, at_least_72) == {"single"}
    # Exact counts that merely lie close are not matched: 100 and 108 dead are often two massacres.
    exactly_75, exactly_72 = (
        Number(75, "=", "people", "75", "people killed"),
        Number(72, "=", "people", "72", "people killed"),
    )
    assert labels(bomber, attack, exactly_75, exactly_72) == {"single"}


def test_a_side_with_two_counts_of_a_kind_is_not_compared_even_over_different_times():
    regular = Number(5.3e6, "=", "USD", "$5.3m", kind="money", scope="this year")
    additional = Number(31e6, "=", "USD", "an additional $31m", kind="money")
    alone = Number(5.3e6, "=", "USD", "$5.3 million", kind="money")
    statements = [_statement("a", 0, "x", numbers=[regular, additional]), _statement("b", 0, "y", numbers=[alone])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "shared"


def _toll(value: int, text: str) -> Number:
    return Number(value, "=", "people", text, kind="people injured")


def test_lede_tolls_that_outlets_give_on_one_day_and_cannot_both_be_true_conflict():
    town = frozenset({"grasse"})
    statements = [
        _statement("a", 0, "Eight people were injured in Grasse.", numbers=[_toll(8, "Eight people")]),
        _statement("b", 0, "Four people were hurt at the Grasse school.", numbers=[_toll(4, "four people")]),
        _statement("c", 0, "At least two people were hurt.", numbers=[replace(_toll(2, "at least two"), bound=">=")]),
    ]
    statements = [replace(statements[0], places=town), replace(statements[1], places=town), statements[2]]
    vectors = _vectors([0, 1, 2])
    groups = align_statements(statements, vectors)
    day = dict.fromkeys("abc", dt.date(2017, 3, 16))
    (conflict,) = toll_conflicts(statements, groups, day)
    assert conflict.label == "conflict" and "four people vs Eight people" in (conflict.conflict or "")
    # Only the tolls in dispute: "at least two" fits both, and names no town.
    assert {s.article_id for s in conflict.statements} == {"a", "b"}
    assert toll_conflicts(statements, groups, {"a": dt.date(2017, 3, 16), "b": dt.date(2017, 3, 17), "c": None}) == []
    # Without a town in common, two ledes may tell two attacks, however alike they read.
    apart = [replace(statement, places=frozenset()) for statement in statements]
    assert toll_conflicts(apart, align_statements(apart, vectors), day) == []


def test_a_toll_deep_in_an_article_is_another_attack_s_and_is_not_compared():
    background = [_statement("b", i, f"Background sentence {i} here.") for i in range(3)]
    statements = [
        _statement("a", 0, "Eight people were injured.", numbers=[_toll(8, "Eight people")]),
        *background,
        _statement("b", 3, "An attack there in July injured 86 people.", numbers=[_toll(86, "86 people")]),
    ]
    statements = [replace(statement, places=frozenset({"grasse"})) for statement in statements]
    vectors = _vectors([0, 1, 2, 3, 4])
    groups = align_statements(statements, vectors)
    assert toll_conflicts(statements, groups, dict.fromkeys("ab", dt.date(2017, 3, 16))) == []


def test_running_tolls_of_one_day_are_set_against_each_other_and_not_against_a_days():
    # "21 deaths ... since the start of the year" and "killed at least 34 people ... since mid-January":
    # two counts up to the report, however each puts its start; a day's toll of four is neither's.
    sofala = frozenset({"sofala"})
    running = [
        replace(_toll(21, "21"), kind="people killed", scope="since the start of the year"),
        replace(_toll(34, "at least 34"), bound=">=", kind="people killed", scope="since mid-january"),
    ]
    statements = [
        _statement("a", 0, "The ministry reported 21 deaths since the start of the year.", numbers=[running[0]]),
        _statement("b", 0, "The outbreak has killed at least 34 people since mid-January.", numbers=[running[1]]),
        _statement("c", 0, "Four people died on Monday.", numbers=[replace(_toll(4, "Four"), kind="people killed")]),
    ]
    statements = [replace(statement, places=sofala) for statement in statements]
    groups = align_statements(statements, _vectors([0, 1, 2]))
    (conflict,) = toll_conflicts(statements, groups, dict.fromkeys("abc", dt.date(2027, 2, 9)))
    assert conflict.conflict == "tolls differ (people killed): 21 vs at least 34"


def test_tolls_of_one_night_and_of_articles_with_no_outlet_are_compared():
    kyiv = frozenset({"kyiv"})
    killed = [
        replace(_toll(12, "at least 12"), bound=">=", kind="people killed", scope="a night"),
        replace(_toll(8, "eight people"), kind="people killed"),
    ]
    statements = [
        _statement("a", 0, "A night of strikes killed at least 12 people in Kyiv.", numbers=[killed[0]]),
        _statement("b", 0, "Officials said eight people were killed in the capital.", numbers=[killed[1]]),
    ]
    # No outlet is known for either text: two articles, not one outlet's update.
    statements = [replace(statement, places=kyiv, outlet=None) for statement in statements]
    groups = align_statements(statements, _vectors([0, 1]))
    (conflict,) = toll_conflicts(statements, groups, dict.fromkeys("ab", dt.date(2026, 3, 3)))
    assert "eight people vs at least 12" in (conflict.conflict or "")
    # A toll over a longer time adds up many attacks: it is not set against one day's.
    season = [replace(statements[0], numbers=(replace(killed[0], scope="since August"),)), statements[1]]
    assert (
        toll_conflicts(season, align_statements(season, _vectors([0, 1])), dict.fromkeys("ab", dt.date(2026, 3, 3)))
        == []
    )


def test_tolls_of_the_same_named_day_are_compared_and_of_other_days_not():
    fasher = frozenset({"el-fasher"})
    killed = replace(_toll(30, "30 people"), kind="people killed", scope="wednesday")
    statements = [
        _statement("a", 0, "A strike killed 30 people on Wednesday.", numbers=[killed]),
        _statement(
            "b", 0, "Shelling killed 43 civilians on Wednesday.", numbers=[replace(killed, value=43, text="43")]
        ),
    ]
    statements = [replace(statement, places=fasher) for statement in statements]
    published = dict.fromkeys("ab", dt.date(2026, 10, 9))
    (conflict,) = toll_conflicts(statements, align_statements(statements, _vectors([0, 1])), published)
    assert "30 people vs 43" in (conflict.conflict or "")
    friday = [statements[0], replace(statements[1], numbers=(replace(statements[1].numbers[0], scope="friday"),))]
    assert toll_conflicts(friday, align_statements(friday, _vectors([0, 1])), published) == []


def _voiced(article: str, index: int, voice: str, *, mostly: bool = True, part: int = 0) -> Statement:
    return replace(_statement(article, index, f"s{index}"), voices=frozenset({voice}), mostly_said=mostly, part=part)


def test_what_one_speaker_says_decides_between_two_statements_that_are_mostly_their_words():
    statements = [_voiced("a", 0, "peskov"), _voiced("b", 0, "peskov")]
    alike, different = _vectors([0, 0]), _vectors([1, 2])
    # Worded alike ("Peskov said the strikes ..."), saying different things: no match.
    assert [g.label for g in align_statements(statements, alike, different)] == ["single", "single"]
    # Worded apart, saying the same: a match.
    assert [g.label for g in align_statements(statements, different, alike)] == ["shared"]


def test_what_is_said_counts_only_between_statements_that_give_the_same_speaker():
    statements = [_voiced("a", 0, "peskov"), _voiced("b", 0, "lavrov")]
    assert [g.label for g in align_statements(statements, _vectors([1, 2]), _vectors([0, 0]))] == ["single", "single"]


def test_a_sentence_that_tells_more_besides_its_quote_still_matches_on_its_words():
    statements = [_voiced("a", 0, "peskov", mostly=False), _voiced("b", 0, "peskov")]
    assert [g.label for g in align_statements(statements, _vectors([0, 0]), _vectors([1, 2]))] == ["shared"]


def test_the_parts_of_a_sentence_each_find_their_match_and_the_sentence_is_listed_alone_once():
    statements = [
        _voiced("a", 0, "vucic", part=1), _voiced("a", 0, "vucic", part=2), _voiced("a", 1, "vucic", part=1),
        _voiced("a", 1, "vucic", part=2), _voiced("b", 0, "vucic"), _voiced("b", 1, "vucic"),
    ]  # fmt: skip
    spoken = _vectors([0, 1, 5, 6, 1, 0])
    groups = align_statements(statements, spoken, spoken)
    shared = sorted(
        tuple((s.article_id, s.sentence, s.part) for s in g.statements) for g in groups if g.label == "shared"
    )
    assert shared == [(("a", 0, 1), ("b", 1, 0)), (("a", 0, 2), ("b", 0, 0))]
    assert [(g.statements[0].article_id, g.statements[0].sentence) for g in groups if g.label == "single"] == [("a", 1)]


def _at_cosine(cosine: float) -> np.ndarray:
    """Two unit vectors at the given cosine."""
    return np.array([[1.0, 0.0], [cosine, (1 - cosine**2) ** 0.5]], dtype=np.float32)


def test_two_values_of_one_named_measure_are_one_slot_and_conflict():
    text = "Turnout was 49.8%, the commission said."
    assert "turnout" in count_qualifiers(text, text.index("49.8"), text.index("%") + 1, "%")
    mine = Number(52, "=", "percent", "52 percent", qualifiers=frozenset({"turnout"}))
    theirs = Number(49.8, "=", "percent", "49.8%", qualifiers=frozenset({"turnout"}))
    statements = [_statement("a", 0, "Turnout reached 52 percent.", numbers=[mine]),
                  _statement("b", 0, "Turnout was 49.8%.", numbers=[theirs])]  # fmt: skip
    (group,) = align_statements(statements, _at_cosine(0.7))
    assert group.label == "conflict" and group.conflict == "numbers differ (percent): 52 percent vs 49.8%"
    unnamed = [replace(s, numbers=tuple(replace(n, qualifiers=frozenset()) for n in s.numbers)) for s in statements]
    assert {group.label for group in align_statements(unnamed, _at_cosine(0.7))} == {"single"}


def _said_by(voice: str, article: str, text: str, *numbers: Number) -> Statement:
    """A statement of ``article`` reporting what ``voice`` said, with its counts."""
    return replace(_statement(article, 0, text, numbers=numbers), voices=frozenset({voice}))


def test_one_speakers_toll_told_in_other_words_is_one_statement():
    six = Number(6, "=", "people", "six people", kind="people killed")
    statements = [
        _said_by("minister", "a", "The minister said six people had died and blamed criminals.", six),
        _said_by("minister", "b", "The minister said six people lost their lives, most while looting.", six),
    ]  # fmt: skip
    (group,) = align_statements(statements, _at_cosine(0.5))
    assert group.label == "shared"
    others = [replace(statements[1], voices=frozenset({"commission"})), statements[0]]
    assert {group.label for group in align_statements(others, _at_cosine(0.5))} == {"single"}


def test_one_speakers_toll_raised_a_day_later_is_matched_by_the_figure_it_was_raised_from():
    before = Number(19, "=", "people", "19 people", kind="people killed")
    raised = Number(23, "=", "people", "23 people", kind="people killed", day="2027-06-24")
    earlier = Number(19, "=", None, "19", kind="people killed", day="2027-06-24", earlier=True)
    statements = [
        _said_by("commission", "a", "The commission said 19 people were killed.", before),
        _said_by("commission", "b", "The commission said 23 people had been killed, up from 19.", raised, earlier),
    ]  # fmt: skip
    (group,) = align_statements(statements, _at_cosine(0.5))
    assert group.label == "shared"  # an update, not a dispute


def test_one_speakers_two_tolls_that_disagree_are_two_counts_not_one_statement():
    fifty_six = Number(56, "=", "civilians", "56 civilians", kind="people killed", day="2016-07-19")
    fifteen = Number(15, "=", "people", "15 people", kind="people killed", day="2016-07-18")
    statements = [
        _said_by("observatory", "a", "The observatory said 56 civilians were killed near Manbij.", fifty_six),
        _said_by("observatory", "b", "The observatory said 15 people were killed in Manbij.", fifteen),
    ]  # fmt: skip
    assert {group.label for group in align_statements(statements, _at_cosine(0.95))} == {"single"}


def test_two_sizes_of_one_crew_are_one_statement_and_two_unrounded_counts_disagree():
    mine = Number(24, "=", "crew", "24")
    theirs = Number(23, "=", "crew", "23")
    statements = [
        _said_by("operator", "a", "Its crew of 24, most of them Filipino, were safe, the company said.", mine),
        _said_by("judge", "b", "The judge said the crew of 23 were in good health.", theirs),
    ]  # fmt: skip
    (group,) = align_statements(statements, _at_cosine(0.3))
    assert group.label == "conflict" and group.conflict == "numbers differ (crew): 24 vs 23"
    # A round figure may round the other: a crew of 20 and one of 21 are one count told loosely.
    twenty = [replace(statements[0], numbers=(Number(20, "=", "crew", "20"),)),
              replace(statements[1], numbers=(Number(21, "=", "crew", "21"),))]  # fmt: skip
    (group,) = align_statements(twenty, _at_cosine(0.3))
    assert group.label == "shared"


def test_the_same_exact_toll_from_two_sources_is_one_statement():
    mine = Number(38, "=", "people", "38", kind="people killed", day="2026-12-23")
    theirs = Number(38, "=", "people", "Thirty-eight people", kind="people killed")
    statements = [
        _said_by("authorities", "a", "A jet crashed near Aktau on Wednesday, killing 38 of the 67 people on board.", mine),
        _statement("b", 0, "Thirty-eight people were killed and 29 survived the crash landing.", numbers=[theirs]),
    ]  # fmt: skip
    (group,) = align_statements(statements, _at_cosine(0.45))
    assert group.label == "shared"
    another_day = [statements[0], replace(statements[1], numbers=(replace(theirs, day="2026-12-20"),))]
    assert {group.label for group in align_statements(another_day, _at_cosine(0.45))} == {"single"}


@pytest.mark.parametrize(
    ("text", "count", "kind"),
    [
        ("A jet crashed, killing 38 of the 67 people on board.", "67", None),
        ("A jet crashed, killing 38 of the 67 people on board.", "38", "killed"),
        ("Twenty-nine people survived, 11 of them seriously injured.", "Twenty-nine", "survived"),
        ("Twenty-nine people survived, 11 of them seriously injured.", "11", "injured"),
    ],
)
def test_a_whole_counts_nothing_and_survivors_are_counted_as_such(text: str, count: str, kind: str | None):
    start = text.index(count)
    assert casualty_kind(text, start, start + len(count)) == kind


def test_drowned_bodies_rescued_and_aboard_say_what_a_count_counts():
    def kind(text: str, count: str) -> str | None:
        return casualty_kind(text, text.index(count), text.index(count) + len(count))

    assert kind("At least 79 people drowned when the boat sank.", "79") == "killed"
    recovered = "Coast guard vessels rescued 104 people and recovered 78 bodies after the boat capsized."
    assert kind(recovered, "104") == "rescued"
    assert kind(recovered, "78") == "killed"
    # A body of officials is no toll: "bodies" counts the dead only as the count's own noun.
    assert kind("The report was sent to three oversight bodies.", "three") is None
    # Both ends of a range count the people on board.
    aboard = "Survivors said between 500 and 700 people had been on board."
    assert kind(aboard, "500") == kind(aboard, "700") == "aboard"


def test_a_range_is_compared_whole_and_an_exact_count_is_not_rounded_into_a_bound():
    from rashomon.compare.align import ranges_joined

    least = Number(500, ">=", "people", "between 500", "people aboard")
    most = Number(700, "<=", "people", "700", "people aboard")
    (joined,) = ranges_joined([least, most])
    assert (joined.bound, joined.value, joined.upper, joined.text) == ("between", 500, 700, "between 500 and 700")
    about_400 = Number(400, "~", "people", "about 400", "people aboard")
    about_480 = Number(480, "~", "people", "about 480", "people aboard")
    left = [_statement("a", 0, "x", numbers=[joined])]
    conflicts = align_statements([*left, _statement("b", 0, "y", numbers=[about_400])], _vectors([0, 0]))
    assert [g.conflict for g in conflicts] == ["numbers differ (people aboard): between 500 and 700 vs about 400"]
    agreeing = align_statements([*left, _statement("b", 0, "y", numbers=[about_480])], _vectors([0, 0]))
    assert [g.label for g in agreeing] == ["shared"]
    # "Up to 700" alone, or a least with no "between", is no range.
    assert len(ranges_joined([replace(least, text="at least 500"), most])) == 2
    # "At least 79 drowned" against "78 bodies": neither count is rounded, so the bound decides.
    drowned = Number(79, ">=", "people", "at least 79", "people killed")
    bodies = Number(78, "=", "bodies", "78", "people killed")
    pair = [_statement("a", 0, "x", numbers=[drowned]), _statement("b", 0, "y", numbers=[bodies])]
    assert [g.label for g in align_statements(pair, _vectors([0, 0]))] == ["conflict"]
    more = [pair[0], _statement("b", 0, "y", numbers=[replace(bodies, value=81, text="81")])]
    assert [g.label for g in align_statements(more, _vectors([0, 0]))] == ["shared"]


def test_a_count_beyond_a_bound_disagrees_with_it_however_round_the_bound():
    more_than_600 = Number(600, ">=", "people", "more than 600", "people injured")
    injured_580 = Number(580, "=", "people", "580", "people injured")
    pair = [_statement("a", 0, "x", numbers=[more_than_600]), _statement("b", 0, "y", numbers=[injured_580])]
    assert [g.conflict for g in align_statements(pair, _vectors([0, 0]))] == [
        "numbers differ (people injured): more than 600 vs 580"
    ]
    # "About 580" may be a rounding of 601; a lower bound below the other agrees with it.
    about = [pair[0], _statement("b", 0, "y", numbers=[replace(injured_580, bound="~", text="about 580")])]
    assert [g.label for g in align_statements(about, _vectors([0, 0]))] == ["shared"]
    below = [pair[0], _statement("b", 0, "y", numbers=[replace(injured_580, bound=">=", text="at least 580")])]
    assert [g.label for g in align_statements(below, _vectors([0, 0]))] == ["shared"]
    at_most = Number(600, "<=", "people", "up to 600", "people injured")
    over = [
        _statement("a", 0, "x", numbers=[at_most]),
        _statement("b", 0, "y", numbers=[replace(injured_580, value=640, text="640")]),
    ]
    assert [g.label for g in align_statements(over, _vectors([0, 0]))] == ["conflict"]


def test_buildings_destroyed_or_damaged_are_counted_as_such():
    text = "At least 85 buildings collapsed in Van. Shelling damaged 40 homes and 3 schools were razed."
    assert damage_kind(text, text.index("85"), text.index("85") + 2) == "destroyed"
    assert damage_kind(text, text.index("40"), text.index("40") + 2) == "damaged"
    # "razed" is said of the 3 schools, not of the 40 homes before them; a cue of another sentence is none.
    assert damage_kind(text, text.index("3 "), text.index("3 ") + 1) == "destroyed"
    assert damage_kind("Officials counted 12 buildings. Many collapsed.", 18, 20) is None


def test_two_counts_of_buildings_destroyed_or_of_one_speakers_figure_are_one_statement():
    collapsed_52 = Number(52, "=", "buildings", "52", "building destroyed")
    collapsed_85 = Number(85, ">=", "buildings", "At least 85", "building destroyed")
    pair = [_statement("a", 0, "x", numbers=[collapsed_52]), _statement("b", 0, "y", numbers=[collapsed_85])]
    (group,) = align_statements(pair, _vectors([0, 1]))  # worded apart, counted alike
    assert group.conflict == "numbers differ (building destroyed): 52 vs At least 85"
    damaged = replace(collapsed_85, kind="building damaged")
    apart = [pair[0], _statement("b", 0, "y", numbers=[damaged])]
    assert [g.label for g in align_statements(apart, _vectors([0, 1]))] == ["single", "single"]
    sent = Number(3500, "=", "workers", "3,500", qualifiers=frozenset({"rescue"}))
    deployed = Number(5000, ">=", "personnel", "more than 5,000", qualifiers=frozenset({"search", "rescue"}))
    minister = [
        replace(_statement("a", 0, "x", numbers=[sent]), voices=frozenset({"aydin"})),
        replace(_statement("b", 0, "y", numbers=[deployed]), voices=frozenset({"aydin"})),
    ]
    (group,) = align_statements(minister, _vectors([0, 1]))
    assert group.conflict == "numbers differ (personnel): 3,500 vs more than 5,000"
    # Two speakers' figures are left to their wording.
    others = [minister[0], replace(minister[1], voices=frozenset({"governor"}))]
    assert [g.label for g in align_statements(others, _vectors([0, 1]))] == ["single", "single"]


def test_a_region_and_a_town_in_it_are_one_place_and_two_towns_of_it_are_two():
    from rashomon.compare.align import share_a_place

    region = replace(_statement("a", 0, "x"), places=frozenset({"karaganda"}), regions=frozenset({"KAZ/Karaganda"}))
    town = replace(_statement("b", 0, "y"), places=frozenset({"shakhtinsk"}), within=frozenset({"KAZ/Karaganda"}))
    other_town = replace(town, places=frozenset({"temirtau"}))
    assert share_a_place(region, town) and share_a_place(town, region)
    assert not share_a_place(town, other_town)


def test_an_untimed_toll_placed_by_its_lede_meets_a_toll_of_the_one_named_day():
    lede = replace(
        _statement("a", 0, "An accident at the mine in Karaganda region."), regions=frozenset({"KAZ/Karaganda"})
    )
    six = Number(6, "=", "miners", "Six", "people killed")
    untimed = _statement("a", 1, "Six miners were killed.", numbers=[six])
    nine = Number(9, ">=", "miners", "at least nine", "people killed", scope="early on thursday")
    wire = replace(
        _statement("b", 0, "A blast killed at least nine miners.", numbers=[nine]),
        places=frozenset({"shakhtinsk"}), within=frozenset({"KAZ/Karaganda"}),
    )  # fmt: skip
    published = dict.fromkeys("ab", dt.date(2027, 3, 18))
    statements = [lede, untimed, wire]
    groups = align_statements(statements, _vectors([0, 1, 2]))
    (conflict,) = toll_conflicts(statements, groups, published)
    assert conflict.conflict == "tolls differ (people killed): Six vs at least nine"
    # Two named days in the story leave the untimed toll to neither.
    friday = replace(nine, scope="on friday", value=12, text="12")
    other = replace(wire, article_id="c", outlet="C", numbers=(friday,))
    published["c"] = published["a"]
    statements = [lede, untimed, wire, other]
    groups = align_statements(statements, _vectors([0, 1, 2, 3]))
    assert [g.conflict for g in toll_conflicts(statements, groups, published)] == []


def test_running_counts_since_any_start_are_one_count_and_cases_count_the_infected():
    from rashomon.compare.align import unit_class

    assert unit_class("cases") == "people infected"
    assert unit_class("countries") == unit_class("country") == "country"  # not "countrie"
    assert casualty_kind("and infected more than 1,200 since mid-January", 26, 31) == "infected"
    cases = Number(850, "=", "cases", "850", "people infected", scope="since the start of the year")
    infected = Number(1200, ">=", None, "more than 1,200", "people infected", scope="since mid-january")
    pair = [_statement("a", 0, "x", numbers=[cases]), _statement("b", 0, "y", numbers=[infected])]
    assert [g.conflict for g in align_statements(pair, _vectors([0, 0]))] == [
        "numbers differ (people infected): 850 vs more than 1,200"
    ]


def test_a_part_of_a_named_day_is_that_day():
    from rashomon.compare.align import named_weekday

    assert named_weekday("in the early hours of Wednesday") == "wednesday"
    assert named_weekday("early on Wednesday") == named_weekday("Wednesday night") == "wednesday"
    assert named_weekday("since Wednesday") is None
    assert named_weekday(None) is None


def test_tolls_at_sea_are_compared_when_the_ledes_were_matched():
    killed = Number(78, "=", "bodies", "78", "people killed", scope="in the early hours of wednesday")
    drowned = Number(79, ">=", "people", "At least 79", "people killed", scope="early on wednesday")
    rescued = Number(104, "=", "people", "104", "people rescued")
    statements = [
        _statement("a", 0, "Vessels rescued 104 people and recovered 78 bodies.", numbers=[rescued, killed]),
        _statement("b", 0, "At least 79 people drowned when the boat sank.", numbers=[drowned]),
        _statement("b", 1, "The coast guard said 104 people had been rescued.", numbers=[rescued]),
    ]
    published = dict.fromkeys("ab", dt.date(2027, 6, 16))
    # The rescue is told alike by both (vectors 0), the tolls not.
    groups = align_statements(statements, _vectors([0, 1, 0]))
    (conflict,) = toll_conflicts(statements, groups, published)
    assert conflict.conflict == "tolls differ (people killed): 78 vs At least 79"
    # Nothing else ties the two ledes: two sinkings, as far as anyone can tell. (The very count of the
    # rescued, 104 in both, would: one exact, telling count of one scene is one statement.)
    other_rescue = replace(statements[2], numbers=(replace(rescued, value=61, text="61"),))
    statements = [*statements[:2], other_rescue]
    apart = align_statements(statements, _vectors([0, 1, 2]))
    assert toll_conflicts(statements, apart, published) == []


def test_a_part_of_the_dead_is_not_their_number():
    text = "The monitor reported that five of the dead were children."
    assert casualty_kind(text, text.index("five"), text.index("five") + 4) is None
    toll = "The jet crashed, killing 38 of the 67 people on board."
    assert casualty_kind(toll, toll.index("38"), toll.index("38") + 2) == "killed"


def test_a_measure_named_alike_is_one_statement_and_a_loans_term_is_not_its_time():
    text = "The loan carries an interest rate of 3.4 percent over 40 years."
    start = text.index("3.4")
    assert count_qualifiers(text, start, start + 11, "percent") == {"interest", "rate"}
    wire = Number(
        3.4, "=", "percent", "3.4 percent", "percent", scope="over 40 years", qualifiers=frozenset({"interest", "rate"})
    )
    agency = Number(
        2, "=", "percent", "2 percent", "percent", qualifiers=frozenset({"preferential", "interest", "rate"})
    )
    statements = [_statement("a", 0, "x", numbers=[wire]), _statement("b", 0, "y", numbers=[agency])]
    # Nothing alike in their words (orthogonal vectors), but one rate named in the same two words.
    (group,) = align_statements(statements, _vectors([0, 1]))
    assert (group.label, group.conflict) == ("conflict", "numbers differ (percent): 3.4 percent vs 2 percent")
    # A rate named in one word only ("a rate of") is not enough to match.
    loose = [replace(s, numbers=(replace(s.numbers[0], qualifiers=frozenset({"rate"})),)) for s in statements]
    assert {g.label for g in align_statements(loose, _vectors([0, 1]))} == {"single"}


def test_a_sum_in_dollars_is_money_however_the_dollars_are_written():
    from rashomon.compare.align import unit_class

    assert unit_class("dollar") == unit_class("dollars") == unit_class("USD") == "money"
    assert unit_class("km") == unit_class("miles") == "distance"


def test_counts_of_the_detained_that_two_outlets_give_on_one_day_and_cannot_both_be_true_conflict():
    from rashomon.compare.align import detention_conflicts

    def detained(value: int, text: str, **more) -> Number:  # type: ignore[no-untyped-def]
        return Number(value, "=", "people", text, "people detained", **more)

    security = _statement(
        "a", 4, "The service said it had detained three men, two Latvian citizens and a Belarusian.",
        numbers=[detained(3, "three"), detained(2, "two", qualifiers=frozenset({"latvian"}))],
    )  # fmt: skip
    media = _statement("b", 4, "Media reported that two people had been detained.", numbers=[detained(2, "two")])
    day = dict.fromkeys("ab", dt.date(2027, 2, 8))
    groups = align_statements([security, media], _vectors([0, 1]))
    (conflict,) = detention_conflicts([security, media], groups, day)
    assert conflict.conflict == "numbers differ (people detained): two vs three"
    # Reports of different days, or an article that gives two counts of its own, dispute nothing.
    assert detention_conflicts([security, media], groups, {"a": dt.date(2027, 2, 8), "b": dt.date(2027, 2, 9)}) == []
    twice = replace(media, numbers=(detained(2, "two"), detained(40, "40")))
    assert detention_conflicts([security, twice], groups, day) == []


def test_a_casualty_word_is_read_in_the_counts_own_sentence():
    text = "Dozens of aftershocks followed, the strongest of magnitude 5.4. Rescuers pulled survivors from the rubble."
    assert casualty_kind(text, text.index("5.4"), text.index("5.4") + 3) is None
    pulled = "Rescuers pulled 12 survivors from the rubble."
    assert casualty_kind(pulled, pulled.index("12"), pulled.index("12") + 2) == "survived"
    # An abbreviation's dot ends no sentence.
    army = "The U.S. Army said 14 soldiers were wounded."
    assert casualty_kind(army, army.index("14"), army.index("14") + 2) == "injured"
