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
# Same event type with the same actor: the same predicate about the same people.
EVENT_BONUS = 0.1
# Numbers for the same thing differ by more than this share before they count as a conflict.
NUMBER_TOLERANCE = 0.1

# Counts of the same kind of thing under different words ("15 civilians", "30 people").
_UNIT_CLASSES = {
    **dict.fromkeys(
        "people persons civilians deaths dead killed victims residents casualties fatalities bodies".split(), "people"
    ),
    **dict.fromkeys("soldiers fighters militants troops rebels combatants".split(), "combatants"),
    **dict.fromkeys("children child kids".split(), "children"),
    **dict.fromkeys("women".split(), "women"),
}


@dataclass(frozen=True)
class Number:
    value: float
    bound: str
    unit: str | None
    text: str
    kind: str | None = None  # what is counted, when the words around say more than the unit ("killed")
    scope: str | None = None  # the time it is counted over, as written ("last year"), lower-cased

    @property
    def counts(self) -> str | None:
        return self.kind or unit_class(self.unit)


_CASUALTY_CUE = re.compile(
    r"\b(?:(?P<injured>injur\w*|wound\w*|hurt)|(?P<killed>kill\w*|dead|deaths?|died|die|dying|lives|death toll))\b",
    re.IGNORECASE,
)


def casualty_kind(text: str, start: int, end: int, window: int = 40) -> str | None:
    """ "killed" or "injured" for a count of people, from the cue nearest to it in ``text``."""
    best: tuple[int, str] | None = None
    for match in _CASUALTY_CUE.finditer(text, max(0, start - window), min(len(text), end + window)):
        distance = start - match.end() if match.end() <= start else match.start() - end
        if distance < 0:
            continue
        kind = "injured" if match.group("injured") else "killed"
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None


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
    events: frozenset[str] = frozenset()  # "TYPE actor-entity" for each event and actor in the sentence
    dates: frozenset[str] = frozenset()  # day-precise dates its events carry in the sentence itself


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
    return _UNIT_CLASSES.get(word) or re.sub(r"(?<=[a-z]{3})s$", "", word)


def _numbers_conflict(left: Sequence[Number], right: Sequence[Number]) -> str | None:
    """A count of one kind of thing that each side states and the other has nothing to match.

    "69 civilians, including 19 children" against the same words is no conflict; "at least 56
    civilians" against "21 civilians" is. Counts over different times ("five nuclear tests" against
    "two nuclear tests last year") are not the same count."""
    for unit, scope in {(n.counts, n.scope) for n in left if n.counts is not None}:
        mine = [n for n in left if n.counts == unit and n.scope == scope]
        theirs = [n for n in right if n.counts == unit and n.scope == scope]
        unmatched_mine = [a for a in mine if not any(_compatible(a, b) for b in theirs)]
        unmatched_theirs = [b for b in theirs if not any(_compatible(a, b) for a in mine)]
        if unmatched_mine and unmatched_theirs:
            return f"{unmatched_mine[0].text} vs {unmatched_theirs[0].text}"
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
    articles = sorted({statement.article_id for statement in statements})
    by_article = {article: [i for i, s in enumerate(statements) if s.article_id == article] for article in articles}
    candidates: list[tuple[float, int, int]] = []
    for position, left_article in enumerate(articles):
        for right_article in articles[position + 1 :]:
            left, right = by_article[left_article], by_article[right_article]
            scores = similarity[np.ix_(left, right)].copy()
            for row, i in enumerate(left):
                for column, j in enumerate(right):
                    shared = statements[i].entities & statements[j].entities
                    scores[row, column] += ENTITY_BONUS * min(len(shared), 2)
                    if statements[i].events & statements[j].events:
                        scores[row, column] += EVENT_BONUS
            # Mutual best matches only: each sentence pairs with at most one in the other article.
            for row, i in enumerate(left):
                column = int(np.argmax(scores[row]))
                if scores[row, column] >= MATCH_THRESHOLD and int(np.argmax(scores[:, column])) == row:
                    candidates.append((float(scores[row, column]), i, right[column]))
    # Strongest matches first; a group never takes two statements of one article, so a chain of
    # loose matches across many outlets cannot drift into one sprawling group.
    parent = list(range(count))
    outlets_of = {i: {statements[i].article_id} for i in range(count)}
    best_link: dict[int, float] = {}

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for score, i, j in sorted(candidates, reverse=True):
        root_i, root_j = find(i), find(j)
        if root_i == root_j or outlets_of[root_i] & outlets_of[root_j]:
            continue
        parent[root_j] = root_i
        outlets_of[root_i] |= outlets_of.pop(root_j)
        best_link[i] = max(best_link.get(i, 0.0), score)
        best_link[j] = max(best_link.get(j, 0.0), score)
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
            if left.dates and right.dates and not left.dates & right.dates:
                return f"dates differ: {', '.join(sorted(left.dates))} vs {', '.join(sorted(right.dates))}"
    return None
