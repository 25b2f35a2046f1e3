"""Whose waters or airspace an incident happened in, when outlets disagree on it.

A tanker seized "in international waters" by one account and "inside Iranian territorial waters"
by the other, an aircraft shot down after it "violated Turkish airspace" or while "in Syrian
airspace": where the line ran is the dispute itself, and two sentences that say it rarely read
alike enough to be matched as one statement. Each article's placements are read from all its
statements; movement ("forced into Iranian waters") places nothing, since it is where the vessel
was taken, not where it was stopped. Two articles of different outlets conflict when they place
the incident in the same medium (waters or airspace) and share no jurisdiction for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rashomon.compare.align import AlignedGroup, Statement, one_outlet
from rashomon.entities.tables import EntityTables

_PLACEMENT = re.compile(
    r"\b(?:in|inside|within|over|entered|entering|violated|violating)\s+(?:the\s+)?"
    r"(?P<whose>international|neutral|[A-Z][a-z]+(?:'s|’s)?)\s+(?:territorial\s+)?(?P<medium>waters|airspace)\b"
)
_OPEN_SEA = frozenset({"international", "neutral"})


def _placements(statement: Statement, tables: EntityTables) -> set[tuple[str, str, str]]:
    """(medium, jurisdiction, words) for each placement the statement makes: ("waters", "IRN", ...)."""
    found = set()
    for match in _PLACEMENT.finditer(statement.text):
        whose = match.group("whose")
        jurisdiction = "international" if whose.lower() in _OPEN_SEA else tables.nation_of(whose, seats=True)
        if jurisdiction is not None:
            found.add((match.group("medium"), jurisdiction, match.group(0)))
    return found


def jurisdiction_conflicts(statements: Sequence[Statement], tables: EntityTables) -> list[AlignedGroup]:
    """One conflict per medium whose placements two outlets' articles do not share."""
    by_article: dict[str, dict[str, list[tuple[str, str, Statement]]]] = {}
    outlets: dict[str, str | None] = {}
    for statement in statements:
        outlets[statement.article_id] = statement.outlet
        for medium, jurisdiction, words in _placements(statement, tables):
            held = by_article.setdefault(statement.article_id, {}).setdefault(medium, [])
            if not any(other is statement for _, _, other in held):
                held.append((jurisdiction, words, statement))
    found = []
    for medium in ("waters", "airspace"):
        placed = {article: told[medium] for article, told in by_article.items() if medium in told}
        articles = sorted(placed)
        disputing = {
            article
            for position, left in enumerate(articles)
            for right in articles[position + 1 :]
            if not one_outlet(outlets[left], outlets[right])
            and not {j for j, _, _ in placed[left]} & {j for j, _, _ in placed[right]}
            for article in (left, right)
        }
        if not disputing:
            continue
        told = [item for article in articles if article in disputing for item in placed[article]]
        wording = " vs ".join(dict.fromkeys(words for _, words, _ in told))
        chosen = tuple(dict.fromkeys(statement for _, _, statement in told))
        found.append(AlignedGroup("conflict", chosen, f"places differ ({medium}): {wording}"))
    return found
