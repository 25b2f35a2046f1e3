"""Who attacked whom: two outlets that tell one clash with the sides the other way round."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from rashomon.compare.align import Statement
from rashomon.compare.sides import reversed_sides_conflicts, state_sides
from rashomon.entities.tables import load_entity_tables

TABLES = load_entity_tables()
DAY = {"a": dt.date(2027, 4, 12), "b": dt.date(2027, 4, 12)}


def _statement(article: str, outlet: str, index: int, sides: set[tuple[str, str, str]]) -> Statement:
    text = f"Statement {index} of {article}."
    return Statement(article, outlet, index, index * 100, index * 100 + len(text), text,
                     frozenset(), (), frozenset(), frozenset(), True, sides=frozenset(sides))  # fmt: skip


def test_each_side_blaming_the_other_is_a_conflict():
    statements = [
        _statement("a", "Yerevan Daily", 0, {("ASSAULT", "AZE", "ARM")}),
        _statement("b", "Baku Herald", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
    (group,) = reversed_sides_conflicts(statements, DAY, TABLES)
    assert (
        group.conflict == "sides differ (who attacked whom): Azerbaijan against Armenia vs Armenia against Azerbaijan"
    )


def test_both_directions_one_outlet_a_later_statement_or_another_act_dispute_nothing():
    both = [
        _statement("a", "Yerevan Daily", 0, {("ASSAULT", "AZE", "ARM"), ("ASSAULT", "ARM", "AZE")}),
        _statement("b", "Baku Herald", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
    assert reversed_sides_conflicts(both, DAY, TABLES) == []
    one_outlet = [
        _statement("a", "Wire", 0, {("ASSAULT", "AZE", "ARM")}),
        _statement("b", "Wire", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
    assert reversed_sides_conflicts(one_outlet, DAY, TABLES) == []
    late = [_statement("a", "Yerevan Daily", i, set()) for i in range(3)] + [
        _statement("a", "Yerevan Daily", 3, {("ASSAULT", "AZE", "ARM")}),
        _statement("b", "Baku Herald", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
    assert reversed_sides_conflicts(late, DAY, TABLES) == []
    accusations = [
        replace(s, sides=frozenset({("ACCUSE", *side[1:]) for side in s.sides})) for s in statements_of_a_clash()
    ]
    assert reversed_sides_conflicts(accusations, DAY, TABLES) == []


def statements_of_a_clash() -> list[Statement]:
    return [
        _statement("a", "Yerevan Daily", 0, {("ASSAULT", "AZE", "ARM")}),
        _statement("b", "Baku Herald", 0, {("ASSAULT", "ARM", "AZE")}),
    ]


def test_only_acts_of_a_states_forces_against_another_state_count():
    from rashomon.model import Actor, Event, TextSpan

    def event(source: tuple[str, str | None], target: tuple[str, str | None]) -> Event:
        return Event(
            "e", "ASSAULT", None, None, "190", 4, -10.0,
            Actor(0, 6, "forces", None, "forces", source[0], source[1]),
            Actor(11, 20, "positions", None, "positions", target[0], target[1]),
            False, "asserted", TextSpan(7, 10), "hit", TextSpan(0, 20),
        )  # fmt: skip

    assert state_sides([event(("AZE", "MIL"), ("ARM", None))]) == {("ASSAULT", "AZE", "ARM")}
    assert state_sides([event(("RUS", "MIL"), ("SYR", "CVL")), event(("SYR", None), ("RUS", None))]) == frozenset()
