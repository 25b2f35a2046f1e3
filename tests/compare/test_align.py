"""Alignment labels: shared, told by one outlet only, and in conflict (numbers or denial)."""

from __future__ import annotations

import numpy as np

from rashomon.compare.align import Number, Statement, align_statements


def _statement(article: str, index: int, text: str, *, numbers=(), negated=(), asserted=()) -> Statement:  # type: ignore[no-untyped-def]
    return Statement(article, article.upper(), index, index * 100, index * 100 + len(text), text, frozenset({"e1"}),
                     tuple(numbers), frozenset(negated), frozenset(asserted), True)  # fmt: skip


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


def test_casualty_words_count_as_one_unit():
    killed = Number(15, "=", "civilians", "15 civilians")
    dead = Number(30, "=", "people", "30 people")
    statements = [_statement("a", 0, "x", numbers=[killed]), _statement("b", 0, "y", numbers=[dead])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict"


def test_one_denies_what_the_other_reports():
    statements = [_statement("a", 0, "x", asserted=["ASSAULT"]), _statement("b", 0, "y", negated=["ASSAULT"])]
    (group,) = align_statements(statements, _vectors([0, 0]))
    assert group.label == "conflict" and "denies" in (group.conflict or "")


def test_casualty_kind_is_the_nearest_cue():
    from rashomon.compare.align import casualty_kind

    text = "A bomb blast killed six people and injured 32 in the district."
    assert casualty_kind(text, text.index("six"), text.index("six") + 3) == "killed"
    assert casualty_kind(text, text.index("32"), text.index("32") + 2) == "injured"
    assert casualty_kind("The 3 ministers met.", 4, 5) is None


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
