"""What a story's outlets report happening: its events merged across articles by who did what to whom."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rashomon.model import Actor
from rashomon.store.events import StoredEvent


@dataclass(frozen=True)
class ReportedEvent:
    """One act as the story's articles tell it: its type, its two sides and who reports it."""

    type: str
    negated: bool
    source: str | None  # the name the first telling gives, or None when no one is named
    target: str | None
    trigger: str  # the commonest wording ("congratulated")
    outlets: tuple[str, ...]
    articles: tuple[str, ...]
    tellings: tuple[StoredEvent, ...]


def reported_events(events: Iterable[StoredEvent]) -> list[ReportedEvent]:
    """The story's events with at least one side named (not only implied), one entry per type and pair of sides.

    Two tellings are one act when they have the same type, both negate it or neither does, and name
    the same sides: the same entity, or, with no entity, the same name ("police"). The acts most
    outlets report come first.
    """
    grouped: dict[tuple[str, bool, str | None, str | None], list[StoredEvent]] = {}
    for stored in events:
        event = stored.event
        if _named(event.source) is None and _named(event.target) is None:
            continue
        key = (event.type, event.negated, _side(event.source), _side(event.target))
        grouped.setdefault(key, []).append(stored)
    reported = []
    for tellings in grouped.values():
        first = tellings[0].event
        words = [t.event.trigger_text.lower() for t in tellings]
        reported.append(
            ReportedEvent(
                type=first.type,
                negated=first.negated,
                source=named.name if (named := _named(first.source)) else None,
                target=named.name if (named := _named(first.target)) else None,
                trigger=max(dict.fromkeys(words), key=words.count),
                outlets=tuple(dict.fromkeys(t.outlet or "(outlet unknown)" for t in tellings)),
                articles=tuple(dict.fromkeys(t.article_id for t in tellings)),
                tellings=tuple(tellings),
            )
        )
    reported.sort(key=lambda r: (-len(r.outlets), -len(r.articles)))
    return reported


def _named(actor: Actor | None) -> Actor | None:
    """The actor the text names; one the coder only implies (the country a strike happens in) is no one."""
    return None if actor is None or actor.implied else actor


def _side(actor: Actor | None) -> str | None:
    named = _named(actor)
    if named is None:
        return None
    return named.entity or f"name:{' '.join(named.name.lower().split())}"
