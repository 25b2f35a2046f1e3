"""Whose waters or airspace: two outlets that place one incident under different jurisdictions."""

from __future__ import annotations

from rashomon.compare.align import Statement
from rashomon.compare.jurisdiction import jurisdiction_conflicts
from rashomon.entities.tables import load_entity_tables


def _statement(article: str, outlet: str, index: int, text: str) -> Statement:
    return Statement(article, outlet, index, index * 100, index * 100 + len(text), text,
                     frozenset(), (), frozenset(), frozenset(), True)  # fmt: skip


def test_international_waters_against_a_countrys_waters_is_a_conflict():
    statements = [
        _statement("a", "Wire", 0, "Guards seized a tanker in international waters on Monday, its operator said."),
        _statement("a", "Wire", 1, "The navy said the tanker was forced into Valdian territorial waters."),
        _statement("b", "State Daily", 0, "The judge said the tanker was stopped inside Iranian territorial waters."),
    ]
    (group,) = jurisdiction_conflicts(statements, load_entity_tables())
    assert group.label == "conflict"
    assert group.conflict == "places differ (waters): in international waters vs inside Iranian territorial waters"
    # Where a vessel was taken afterwards places nothing.
    assert [(s.article_id, s.sentence) for s in group.statements] == [("a", 0), ("b", 0)]


def test_a_shared_jurisdiction_or_one_outlet_or_another_medium_is_no_conflict():
    tables = load_entity_tables()
    agreeing = [
        _statement("a", "Wire", 0, "The drone was shot down over Iran's airspace, officials said."),
        _statement("b", "State Daily", 0, "The drone had violated Iranian airspace, the Guards said."),
    ]
    assert jurisdiction_conflicts(agreeing, tables) == []
    one_outlet = [
        _statement("a", "Wire", 0, "The tanker was seized in international waters."),
        _statement("b", "Wire", 0, "The tanker was seized in Iranian waters, Tehran says."),
    ]
    assert jurisdiction_conflicts(one_outlet, tables) == []
    media = [
        _statement("a", "Wire", 0, "The tanker was seized in international waters."),
        _statement("b", "State Daily", 0, "The helicopter entered Iranian airspace."),
    ]
    assert jurisdiction_conflicts(media, tables) == []
