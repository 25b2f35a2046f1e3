"""Line up the statements of a story's articles: what several outlets report, what only one does,
and where they contradict each other (different numbers for the same thing, or one denies it)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

# Paraphrase threshold on MiniLM cosine, with a little help from shared entities.
MATCH_THRESHOLD = 0.8
ENTITY_BONUS = 0.08
# Numbers for the same thing differ by more than this share before they count as a conflict.
NUMBER_TOLERANCE = 0.1

_PEOPLE_UNITS = frozenset(
    "people persons civilians deaths dead killed victims residents casualties fatalities bodies children "
    "women men soldiers fighters militants troops".split()
)


@dataclass(frozen=True)
class Number:
    value: float
    bound: str
    unit: str | None
    text: str


@dataclass(frozen=True)
class Statement:
    """One sentence of one article, with what the other layers found in it."""

    article_id: str
    outlet: str | None
    sentence: int
    start: int
    end: int
    text: str
    entities: frozenset[str]
    numbers: tuple[Number, ...]
    negated_types: frozenset[str]
    asserted_types: frozenset[str]
    substantive: bool  # carries a claim, an event or a quote


@dataclass(frozen=True)
class AlignedGroup:
    label: str  # "shared", "single", "conflict"
    statements: tuple[Statement, ...]
    conflict: str | None = None
    similarity: float | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(statement.article_id for statement in self.statements))


def unit_class(unit: str | None) -> str | None:
    if unit is None:
        return None
    word = unit.lower().split()[-1]
    if word in _PEOPLE_UNITS:
        return "people"
    return re.sub(r"(?<=[a-z]{3})s$", "", word)


def _numbers_conflict(left: Sequence[Number], right: Sequence[Number]) -> str | None:
    for a in left:
        for b in right:
            unit = unit_class(a.unit)
            if unit is None or unit != unit_class(b.unit):
                continue
            if _compatible(a, b):
                continue
            return f"{a.text} vs {b.text}"
    return None


def _compatible(a: Number, b: Number) -> bool:
    if abs(a.value - b.value) <= NUMBER_TOLERANCE * max(abs(a.value), abs(b.value)):
        return True
    for low, high in ((a, b), (b, a)):
        if low.bound == ">=" and high.value >= low.value:
            return True
        if low.bound == "<=" and high.value <= low.value:
            return True
    return False


def align_statements(statements: Sequence[Statement], vectors: np.ndarray) -> list[AlignedGroup]:
    """Groups of matching statements across articles, then each remaining substantive statement alone.

    A statement joins at most one group, matched to its best counterpart in each other article."""
    count = len(statements)
    if count == 0:
        return []
    similarity = np.asarray(vectors @ vectors.T, dtype=np.float32)
    parent = list(range(count))
    best_link: dict[int, float] = {}

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    articles = sorted({statement.article_id for statement in statements})
    by_article = {article: [i for i, s in enumerate(statements) if s.article_id == article] for article in articles}
    for position, left_article in enumerate(articles):
        for right_article in articles[position + 1 :]:
            left, right = by_article[left_article], by_article[right_article]
            if not left or not right:
                continue
            scores = similarity[np.ix_(left, right)].copy()
            for row, i in enumerate(left):
                for column, j in enumerate(right):
                    shared = statements[i].entities & statements[j].entities
                    scores[row, column] += ENTITY_BONUS * min(len(shared), 2)
            # Mutual best matches only: each sentence pairs with at most one in the other article.
            for row, i in enumerate(left):
                column = int(np.argmax(scores[row]))
                if scores[row, column] < MATCH_THRESHOLD or int(np.argmax(scores[:, column])) != row:
                    continue
                j = right[column]
                parent[find(i)] = find(j)
                best_link[i] = max(best_link.get(i, 0.0), float(scores[row, column]))
                best_link[j] = max(best_link.get(j, 0.0), float(scores[row, column]))
    members: dict[int, list[int]] = {}
    for index in range(count):
        members.setdefault(find(index), []).append(index)
    groups = []
    for indices in members.values():
        chosen = tuple(statements[i] for i in indices)
        outlets = {statement.article_id for statement in chosen}
        if len(outlets) < 2:
            for statement in chosen:
                if statement.substantive:
                    groups.append(AlignedGroup("single", (statement,)))
            continue
        conflict = _group_conflict(chosen)
        score = round(max(best_link.get(i, 0.0) for i in indices), 3)
        groups.append(AlignedGroup("conflict" if conflict else "shared", chosen, conflict, score))
    order = {"conflict": 0, "shared": 1, "single": 2}
    groups.sort(key=lambda group: (order[group.label], group.statements[0].article_id, group.statements[0].start))
    return groups


def _group_conflict(statements: Sequence[Statement]) -> str | None:
    for i, left in enumerate(statements):
        for right in statements[i + 1 :]:
            if left.article_id == right.article_id:
                continue
            numbers = _numbers_conflict(left.numbers, right.numbers)
            if numbers:
                return f"numbers differ: {numbers}"
            denied = (left.negated_types & right.asserted_types) | (right.negated_types & left.asserted_types)
            if denied:
                return f"one denies what the other reports ({', '.join(sorted(denied))})"
    return None
