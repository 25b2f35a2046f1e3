"""Who attacked whom: two outlets that tell one clash with the sides the other way round."""

from __future__ import annotations

from dataclasses import replace

from rashomon.compare.align import Statement
from rashomon.compare.sides import reversed_sides_conflicts
from rashomon.entities.tables import load_entity_tables

TABLES = load_entity_tables()


def _statement(article: str, outlet: str, index: int, sides: set[tuple[str, str, str]]) -> Statement:
    text = f"Statement {index} of {article}."
    return Statement(article, outlet, index, index * 100, index * 100 + len(text), text,
                     frozenset(), (), frozenset(), frozenset(), True, sides=frozenset(sides))  # fmt: skip


def test_each_side_blaming_the_other_is_a_conflict():
    statements = [
        _statement("a", "Yerevan Daily", 0, {("ASSAULT", "AZE", "ARM")}),
        _statement("b", "Baku Herald", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
    (group,) = reversed_sides_conflicts(statements, TABLES)
    assert (
        group.conflict == "sides differ (who attacked whom): Azerbaijan against Armenia vs Armenia against Azerbaijan"
    )


def test_both_directions_one_outlet_a_later_statement_or_another_act_dispute_nothing():
    both = [
        _statement("a", "Yerevan Daily", 0, {("ASSAULT", "AZE", "ARM"), ("ASSAULT", "ARM", "AZE")}),
        _statement("b", "Baku Herald", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
    assert reversed_sides_conflicts(both, TABLES) == []
    one_outlet = [
        _statement("a", "Wire", 0, {("ASSAULT", "AZE", "ARM")}),
        _statement("b", "Wire", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
    assert reversed_sides_conflicts(one_outlet, TABLES) == []
    late = [_statement("a", "Yerevan Daily", i, set()) for i in range(3)] + [
        _statement("a", "Yerevan Daily", 3, {("ASSAULT", "AZE", "ARM")}),
        _statement("b", "Baku Herald", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
    assert reversed_sides_conflicts(late, TABLES) == []
    accusations = [
        replace(s, sides=frozenset({("ACCUSE", *side[1:]) for side in s.sides})) for s in statements_of_a_clash()
    ]
    assert reversed_sides_conflicts(accusations, TABLES) == []


def statements_of_a_clash() -> list[Statement]:
    return [
        _statement("a", "Yerevan Daily", 0, {("ASSAULT", "AZE", "ARM")}),
        _statement("b", "Baku Herald", 0, {("ASSAULT", "ARM", "AZE")}),
    ]
