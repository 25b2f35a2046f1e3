"""Who attacked whom, when two outlets tell one clash with the sides the other way round.

A border clash reported from each capital: "Azerbaijani forces opened fire on Armenian positions"
in one, "Units of the Armenian armed forces subjected Azerbaijani army positions ... to fire" in
the other. Each side's account blames the other, and the two ledes rarely read alike enough to be
matched as one statement. An article's account is the attacks between two countries its first
statements tell, as done by one state's forces or government to another state; two articles of
different outlets, published on one day, dispute it when one tells only X against Y and the other
only Y against X for the same pair, in sentences that name no different places. An article that tells both directions ("returned
fire on the attackers' positions") disputes nothing: in a war both sides do strike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from rashomon.compare.align import AlignedGroup, Statement, lede_statements, one_outlet, same_scene
from rashomon.entities.tables import EntityTables
from rashomon.model import Event

# Acts whose doer is what two sides' accounts of one clash dispute.
_HOSTILE_TYPES = frozenset({"ASSAULT"})
# A state acts through its forces and its government ...
_STATE_SECTORS = frozenset({"MIL", "GOV", "COP"})
# ... and a clash between two states is not one against civilians, rebels or aid workers of one of
# them: "Russian jets killed 26 people" in Aleppo and "the regime shelled Idlib" set no states apart.
_NOT_A_STATE = frozenset({"CVL", "REB", "OPP", "CRM", "NGO", "IGO", "REF", "MED", "BUS", "REL"})
# Acts only threatened, wanted or supposed: no side did them.
_UNDONE = frozenset({"hypothetical", "intended"})


def state_sides(events: Iterable[Event]) -> frozenset[tuple[str, str, str]]:
    """(type, source country, target country) of each act a state's forces or government are told to
    have done to another state ("Azerbaijani forces opened fire on Armenian positions")."""
    return frozenset(
        (event.type, event.source.country, event.target.country)
        for event in events
        if not event.negated and event.modality not in _UNDONE
        and event.source is not None and event.target is not None
        and event.source.country and event.target.country and event.source.country != event.target.country
        and not (event.source.implied or event.target.implied)
        and event.source.sector in _STATE_SECTORS and event.target.sector not in _NOT_A_STATE
    )  # fmt: skip


def reversed_sides_conflicts(
    statements: Sequence[Statement], published: Mapping[str, dt.date | None], tables: EntityTables
) -> list[AlignedGroup]:
    """One conflict per pair of countries whose attacks two outlets' ledes, published on one day and
    naming no different places, tell the other way round."""
    told: dict[str, dict[tuple[str, str], list[Statement]]] = {}
    outlets = {statement.article_id: statement.outlet for statement in statements}
    for statement in lede_statements(statements):
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
            if one_outlet(outlets[left], outlets[right]):
                continue
            if published.get(left) is None or published.get(left) != published.get(right):
                continue
            for (source, target), accusing in told[left].items():
                pair = frozenset({source, target})
                if pair in done or (target, source) in told[left] or (source, target) in told[right]:
                    continue
                answering = [
                    statement
                    for statement in told[right].get((target, source), ())
                    if any(same_scene(statement, other) for other in accusing)
                ]
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
