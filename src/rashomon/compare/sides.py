"""Who attacked whom, when two outlets tell one clash with the sides the other way round.

A border clash reported from each capital: "Azerbaijani forces opened fire on Armenian positions"
in one, "Units of the Armenian armed forces subjected Azerbaijani army positions ... to fire" in
the other. Each side's account blames the other, and the two ledes rarely read alike enough to be
matched as one statement. An article's account is the attacks between two countries its first
statements tell; two articles of different outlets dispute it when one tells only X against Y and
the other only Y against X for the same pair. An article that tells both directions ("returned
fire on the attackers' positions") disputes nothing: in a war both sides do strike.
"""

from __future__ import annotations

from collections.abc import Sequence

from rashomon.compare.align import LEDE_STATEMENTS, AlignedGroup, Statement
from rashomon.entities.tables import EntityTables

# Acts whose doer is what two sides' accounts of one clash dispute.
_HOSTILE_TYPES = frozenset({"ASSAULT"})


def reversed_sides_conflicts(statements: Sequence[Statement], tables: EntityTables) -> list[AlignedGroup]:
    """One conflict per pair of countries whose attacks two outlets' ledes tell the other way round."""
    told: dict[str, dict[tuple[str, str], list[Statement]]] = {}
    outlets: dict[str, str | None] = {}
    seen: dict[str, int] = {}
    for statement in statements:
        rank = seen.get(statement.article_id, 0)
        seen[statement.article_id] = rank + 1
        outlets[statement.article_id] = statement.outlet
        if rank >= LEDE_STATEMENTS:
            continue
        for kind, source, target in statement.sides:
            if kind in _HOSTILE_TYPES:
                held = told.setdefault(statement.article_id, {}).setdefault((source, target), [])
                if statement not in held:
                    held.append(statement)
    found = []
    done: set[frozenset[str]] = set()
    articles = sorted(told)
    for position, left in enumerate(articles):
        for right in articles[position + 1 :]:
            if outlets[left] is not None and outlets[left] == outlets[right]:
                continue
            for (source, target), accusing in told[left].items():
                pair = frozenset({source, target})
                if pair in done or (target, source) in told[left] or (source, target) in told[right]:
                    continue
                answering = told[right].get((target, source))
                if not answering:
                    continue
                done.add(pair)
                wording = f"{_name(source, tables)} against {_name(target, tables)}"
                reverse = f"{_name(target, tables)} against {_name(source, tables)}"
                found.append(
                    AlignedGroup(
                        "conflict", (*accusing, *answering), f"sides differ (who attacked whom): {wording} vs {reverse}"
                    )
                )
    return found


def _name(country: str, tables: EntityTables) -> str:
    return tables.country_names.get(country, country)
