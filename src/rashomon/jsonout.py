"""JSON shapes of the machine interface (``analyze``, ``--json`` listings)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rashomon.store.stories import StoredStory
    from rashomon.stories.reported import ReportedEvent
from rashomon.model import (
    Actor,
    Annotation,
    Article,
    Claim,
    CorpusEntity,
    DocEntity,
    Event,
    EventAnchor,
    Focus,
    Place,
    PlaceMention,
    Problem,
    Quote,
    TimeExpression,
)


def _mention_json(entity: DocEntity) -> list[dict[str, object]]:
    return [{"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions]


def article_metadata_json(article: Article) -> dict[str, object]:
    return {
        "id": article.id,
        "source_id": article.source_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "byline": article.byline,
        "tags": list(article.tags),
    }


def annotation_json(annotation: Annotation) -> dict[str, object]:
    """The stable ``analyze`` object for one article (docs/analyze-json.md)."""
    article = annotation.article
    return {
        **article_metadata_json(article),
        "text": article.text,
        "entities": [
            {
                "id": entity.id,
                "name": entity.name,
                "type": entity.type,
                "aliases": list(entity.aliases),
                "country": entity.country,
                "roles": [{"title": role.title, "country": role.country} for role in entity.roles],
                "mentions": _mention_json(entity),
            }
            for entity in annotation.entities
        ],
        "events": [event_json(event, published=article.published) for event in annotation.events],
        "times": [time_json(item) for item in annotation.times],
        "places": [place_mention_json(mention) for mention in annotation.places],
        "focus": focus_json(annotation.focus),
        "quotes": [quote_json(quote) for quote in annotation.quotes],
        "claims": [claim_json(claim) for claim in annotation.claims],
        "sourcing": sourcing_json(annotation.quotes, annotation.claims, article.listed_sources),
        "sentences": [{"start": span.start, "end": span.end} for span in annotation.sentences],
        "boilerplate": [{"kind": block.kind, "text": block.text} for block in article.boilerplate],
        "listed_sources": None if article.listed_sources is None else list(article.listed_sources),
        "provenance": {
            "rashomon": annotation.provenance.rashomon_version,
            "model": annotation.provenance.model_name,
            "model_version": annotation.provenance.model_version,
        },
    }


def corpus_entity_json(entity: CorpusEntity) -> dict[str, object]:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "country": entity.country,
        "aliases": list(entity.aliases),
        "roles": [{"title": role.title, "country": role.country} for role in entity.roles],
        "mentions": entity.mention_count,
        "articles": entity.article_count,
    }


def problem_json(problem: Problem) -> dict[str, object]:
    return {
        "origin": problem.origin,
        "line": problem.line,
        "code": problem.code,
        "reason": problem.reason,
        "severity": problem.severity,
    }


def _actor_json(actor: Actor | None) -> dict[str, object] | None:
    if actor is None:
        return None
    return {
        "entity": actor.entity,
        "name": actor.name,
        "text": actor.text,
        "start": actor.start,
        "end": actor.end,
        "country": actor.country,
        "sector": actor.sector,
        "implied": actor.implied,
    }


def with_source(record: dict[str, object], stored: Any) -> dict[str, object]:
    """A stored event, quote or claim's object with the article, outlet and date it came from."""
    return {**record, "article": stored.article_id, "outlet": stored.outlet, "published": stored.published}


def place_json(place: Place | None) -> dict[str, object] | None:
    """A gazetteer place: GeoNames id (None for the project's own entries), names, position."""
    if place is None:
        return None
    return {
        "id": place.id,
        "geonameid": place.geonameid,
        "name": place.name,
        "feature": place.feature,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
    }


def place_mention_json(mention: PlaceMention) -> dict[str, object]:
    """One toponym of the ``analyze`` object, flat: span, then the place it resolved to."""
    place = place_json(mention.place) or dict.fromkeys(
        ("id", "geonameid", "name", "feature", "country", "admin1", "lat", "lon")
    )
    return {"start": mention.start, "end": mention.end, "text": mention.text, "use": mention.use, **place}


def quote_json(quote: Quote) -> dict[str, object]:
    """One quote of the ``analyze`` object: content span, kind, cue and speaker."""
    speaker = quote.speaker
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "kind": quote.kind,
        "parts": [{"start": p.start, "end": p.end} for p in quote.parts],
        "cue": {"start": quote.cue.start, "end": quote.cue.end, "text": quote.cue_text} if quote.cue else None,
        "speaker": {
            "start": speaker.start, "end": speaker.end, "text": speaker.text,
            "entity": speaker.entity, "name": speaker.name,
        } if speaker else None,
    }  # fmt: skip


def claim_json(claim: Claim) -> dict[str, object]:
    """One claim: the sentence, on whose authority, and its numbers."""
    a = claim.attribution
    return {
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "attribution": {"kind": a.kind, "text": a.text, "entity": a.entity, "name": a.name},
        "quantities": [
            {"start": q.start, "end": q.end, "text": q.text, "value": q.value, "bound": q.bound, "unit": q.unit,
             "time_scope": q.time_scope}
            for q in claim.quantities
        ],
    }  # fmt: skip


def sourcing_json(
    quotes: Sequence[Quote], claims: Sequence[Claim], listed_sources: Sequence[str] | None
) -> dict[str, object]:
    """Who an article lets speak and how much it asserts on its own authority."""
    by_speaker: dict[str, dict[str, object]] = {}
    for quote in quotes:
        speaker = quote.speaker
        key = (speaker.name or speaker.text) if speaker else "(no speaker named)"
        row = by_speaker.setdefault(key, {"speaker": key, "entity": speaker.entity if speaker else None,
                                          "direct": 0, "indirect": 0})  # fmt: skip
        slot = "direct" if quote.kind == "direct" else "indirect"
        row[slot] = int(row[slot]) + 1  # type: ignore[call-overload]
    kinds: dict[str, int] = {}
    for claim in claims:
        kinds[claim.attribution.kind] = kinds.get(claim.attribution.kind, 0) + 1
    named = sum(count for kind, count in kinds.items() if kind in {"person", "organisation", "outlet", "tool"})
    return {
        "quotes": {
            "direct": sum(q.kind == "direct" for q in quotes),
            "indirect": sum(q.kind != "direct" for q in quotes),
        },
        "speakers": sorted(by_speaker.values(), key=lambda row: -(int(row["direct"]) + int(row["indirect"]))),  # type: ignore[call-overload]
        "claims": len(claims),
        "claims_by_attribution": kinds,
        "named_sources": named,
        "unnamed_sources": kinds.get("unnamed", 0),
        "unattributed_share": round(kinds.get("self", 0) / len(claims), 3) if claims else None,
        "listed_sources": None if listed_sources is None else list(listed_sources),
    }


def focus_json(focus: Focus | None) -> dict[str, object]:
    return {
        "country": place_json(focus.country) if focus else None,
        "city": place_json(focus.city) if focus else None,
    }


def _anchor_json(anchor: EventAnchor | None) -> dict[str, object] | None:
    if anchor is None:
        return None
    return {"text": anchor.text, "start": anchor.start, "end": anchor.end, "entity": anchor.entity}


def _event_place(event: Event) -> dict[str, object] | None:
    anchor = _anchor_json(event.place)
    if event.location is None:
        return anchor
    return {
        **(anchor or {"text": None, "start": None, "end": None, "entity": None}),
        **{f"{key}": value for key, value in (place_json(event.location) or {}).items()},
    }


def time_json(item: TimeExpression) -> dict[str, object]:
    """One temporal expression of the ``analyze`` object."""
    return {
        "start": item.start,
        "end": item.end,
        "text": item.text,
        "type": item.type,
        "value": item.value,
        "interval": list(item.interval) if item.interval else None,
        "granularity": item.granularity,
        "anchored_on": item.anchored_on,
    }


def _event_date(event: Event, published: dt.date | None) -> tuple[dict[str, object] | None, str]:
    if event.date is not None:
        date = {"text": event.date.text, "start": event.date.start, "end": event.date.end, "value": event.date.value}
        return date, "sentence"
    if published is not None:
        return {"text": None, "start": None, "end": None, "value": published.isoformat()}, "published"
    return None, "unresolved"


def event_json(event: Event, *, published: dt.date | None = None) -> dict[str, object]:
    """One event of the ``analyze`` object (docs/analyze-json.md)."""
    date, date_source = _event_date(event, published)
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "context": event.context,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "source": _actor_json(event.source),
        "target": _actor_json(event.target),
        "negated": event.negated,
        "modality": event.modality,
        "reported_by": event.reported_by,
        "trigger": {"start": event.trigger.start, "end": event.trigger.end, "text": event.trigger_text},
        "sentence": {"start": event.sentence.start, "end": event.sentence.end},
        "place": _event_place(event),
        "place_source": event.location_source if event.location else ("sentence" if event.place else "unresolved"),
        "date": date,
        "date_source": date_source,
    }


def story_json(
    row: StoredStory,
    events: Sequence[dict[str, object]] | None = None,
    reported: Sequence[dict[str, object]] | None = None,
) -> dict[str, object]:
    data: dict[str, object] = {
        "id": row.id, "title": row.title, "first_date": row.first_date, "last_date": row.last_date,
        "articles": row.article_count, "outlets": row.outlet_count,
        "members": [{"id": a.article_id, "title": a.title, "outlet": a.outlet, "published": a.published} for a in row.articles],
    }  # fmt: skip
    if events is not None:
        data["events"] = list(events)
    if reported is not None:
        data["reported"] = list(reported)
    return data


def reported_json(told: ReportedEvent) -> dict[str, object]:
    """One act of a story as its outlets tell it (``stories.reported``), the tellings by event id."""
    return {
        "type": told.type, "negated": told.negated, "source": told.source, "target": told.target,
        "trigger": told.trigger, "outlets": list(told.outlets), "articles": list(told.articles),
        "events": [t.event.id for t in told.tellings],
    }  # fmt: skip
