"""Event rows: written with an article, read back with filters for the surfaces."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rashomon.model import Actor, Event, EventAnchor, Place, TextSpan


@dataclass(frozen=True)
class EventFilter:
    """What ``rashomon events`` and the API can ask for; None means any."""

    actor: str | None = None  # entity id, or part of a canonical name, alias or the actor's words
    entity: str | None = None  # exactly this corpus entity as source or target (an entity page)
    type: str | None = None
    country: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    article: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # south, west, north, east
    limit: int | None = None


@dataclass(frozen=True)
class StoredEvent:
    """An event with the article it came from."""

    event: Event
    article_id: str
    outlet: str | None
    published: str | None


def _actor_columns(actor: Actor | None, corpus_ids: Mapping[str, str]) -> tuple[object, ...]:
    if actor is None:
        return (None,) * 7
    entity = corpus_ids.get(actor.entity) if actor.entity else None
    return (entity, actor.text, actor.name, actor.country, actor.sector, actor.start, actor.end)


def insert_events(
    db: sqlite3.Connection, article_id: str, events: Sequence[Event], corpus_ids: Mapping[str, str]
) -> None:
    """Write ``events`` of one article; entity ids are mapped to corpus ids (call inside a transaction)."""
    rows = []
    for e in events:
        place = e.place
        date = e.date
        rows.append(
            (
                e.id, article_id, e.type, e.mode, e.context, e.cameo, e.quad_class, e.goldstein,
                *_actor_columns(e.source, corpus_ids),
                *_actor_columns(e.target, corpus_ids),
                int(bool(e.target and e.target.implied)), int(e.negated), e.modality, e.reported_by,
                e.trigger.start, e.trigger.end, e.trigger_text, e.sentence.start, e.sentence.end,
                place.text if place else None, corpus_ids.get(place.entity, place.entity) if place and place.entity else None,
                place.start if place else None, place.end if place else None,
                date.text if date else None, date.start if date else None, date.end if date else None,
                date.value if date else None,
                e.location.id if e.location else None, e.location_source,
            )
        )  # fmt: skip
    db.executemany(f"INSERT OR IGNORE INTO events VALUES ({', '.join('?' * 41)})", rows)


def _actor(row: sqlite3.Row, prefix: str) -> Actor | None:
    if row[f"{prefix}_text"] is None:
        return None
    return Actor(
        row[f"{prefix}_start"], row[f"{prefix}_end"], row[f"{prefix}_text"], row[f"{prefix}_entity"],
        row[f"{prefix}_name"], row[f"{prefix}_country"], row[f"{prefix}_sector"],
        implied=bool(row["target_implied"]) if prefix == "target" else False,
    )  # fmt: skip


def _anchor(row: sqlite3.Row, prefix: str) -> EventAnchor | None:
    if row[f"{prefix}_text"] is None:
        return None
    entity = row["place_entity"] if prefix == "place" else None
    value = row["date_value"] if prefix == "date" else None
    return EventAnchor(row[f"{prefix}_start"], row[f"{prefix}_end"], row[f"{prefix}_text"], entity, value)


def _location(row: sqlite3.Row) -> Place | None:
    if row["location_place"] is None or row["p_name"] is None:
        return None
    return Place(
        row["location_place"], row["p_geonameid"], row["p_name"], row["p_feature"], row["p_country"],
        row["p_admin1"], row["p_lat"], row["p_lon"], row["p_population"],
    )  # fmt: skip


def _filtered(where: EventFilter) -> tuple[str, str, list[object]]:
    """The WITH prefix, the FROM ... WHERE part, and their parameters, for events matching ``where``."""
    clauses: list[str] = []
    params: list[object] = []
    plain = (
        (where.type.upper() if where.type else None, "e.type = ?"),
        (where.outlet, "a.outlet = ?"),
        (where.since, "a.published >= ?"),
        (where.until, "a.published <= ?"),
        (where.article, "e.article_id = ?"),
    )
    for value, clause in plain:
        if value:
            clauses.append(clause)
            params.append(value)
    if where.place:
        # Where it happened: the location's name, its country code, or its first-level region.
        clauses.append("(p.name LIKE ? OR p.country = ? OR p.admin1 LIKE ?)")
        params += [f"%{where.place}%", where.place.upper(), f"%{where.place}%"]
    if where.bbox:
        south, west, north, east = where.bbox
        clauses.append("e.location_place IN (SELECT id FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?)")
        params += [south, north, west, east]
    if where.country:
        clauses.append("(e.source_country = ? OR e.target_country = ?)")
        params += [where.country.upper()] * 2
    if where.entity:
        clauses.append("(e.source_entity = ? OR e.target_entity = ?)")
        params += [where.entity, where.entity]
    if where.actor:
        # An actor is matched by entity id, canonical name or any alias, so spellings agree.
        clauses.append(
            "(e.source_entity IN (SELECT id FROM matched) OR e.target_entity IN (SELECT id FROM matched)"
            " OR e.source_text LIKE ? OR e.target_text LIKE ?)"
        )
        params += [f"%{where.actor}%"] * 2
    prefix = (
        "WITH matched AS (SELECT id FROM entities WHERE id = ? OR name LIKE ? "
        "UNION SELECT entity_id FROM entity_aliases WHERE alias LIKE ?) "
        if where.actor
        else ""
    )
    prefix_params: list[object] = [where.actor, f"%{where.actor}%", f"%{where.actor}%"] if where.actor else []
    body = "FROM events e JOIN articles a ON a.id = e.article_id LEFT JOIN places p ON p.id = e.location_place" + (
        " WHERE " + " AND ".join(clauses) if clauses else ""
    )
    return prefix, body, [*prefix_params, *params]


def event_days(db: sqlite3.Connection, where: EventFilter) -> dict[str | None, int]:
    """How many matching events fall on each day: the event's own full date, else its article's
    publication date (what a timeline draws), None for neither; counted in the database, not by
    reading every event."""
    prefix, body, params = _filtered(where)
    day = (
        "CASE WHEN e.date_value GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' "
        "THEN substr(e.date_value, 1, 10) ELSE a.published END"
    )
    rows = db.execute(f"{prefix}SELECT {day} AS day, COUNT(*) {body} GROUP BY day", params)
    return {str(day) if day else None: int(count) for day, count in rows}


def event_locations(db: sqlite3.Connection, where: EventFilter) -> list[tuple[Place, int]]:
    """Where matching events happened and how many happened there, most first (what a map draws);
    counted in the database, not by reading every event."""
    prefix, body, params = _filtered(where)
    sql = (
        f"{prefix}SELECT e.location_place, p.geonameid, p.name, p.feature, p.country, p.admin1, p.lat, p.lon, "
        f"p.population, COUNT(*) AS n {body} "
        "GROUP BY e.location_place HAVING p.name IS NOT NULL ORDER BY n DESC, e.location_place"
    )
    return [(Place(*row[:9]), int(row[9])) for row in db.execute(sql, params)]


def read_events(db: sqlite3.Connection, where: EventFilter) -> list[StoredEvent]:
    """Events matching ``where``, oldest publication first."""
    prefix, body, params = _filtered(where)
    sql = (
        prefix
        + "SELECT e.*, a.outlet AS outlet, a.published AS published, "
        + "p.geonameid AS p_geonameid, p.name AS p_name, p.feature AS p_feature, p.country AS p_country, "
        + "p.admin1 AS p_admin1, p.lat AS p_lat, p.lon AS p_lon, p.population AS p_population "
        + body
        + " ORDER BY a.published IS NULL, a.published, e.article_id, e.trigger_start"
    )
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    db.row_factory = sqlite3.Row
    try:
        rows = db.execute(sql, params).fetchall()
    finally:
        db.row_factory = None
    result = []
    for row in rows:
        event = Event(
            id=row["id"], type=row["type"], mode=row["mode"], context=row["context"], cameo=row["cameo"],
            quad_class=row["quad_class"], goldstein=row["goldstein"], source=_actor(row, "source"),
            target=_actor(row, "target"), negated=bool(row["negated"]), modality=row["modality"],
            trigger=TextSpan(row["trigger_start"], row["trigger_end"]), trigger_text=row["trigger_text"],
            sentence=TextSpan(row["sentence_start"], row["sentence_end"]), place=_anchor(row, "place"),
            date=_anchor(row, "date"), reported_by=row["reported_by"],
            location=_location(row), location_source=row["location_source"],
        )  # fmt: skip
        result.append(StoredEvent(event, row["article_id"], row["outlet"], row["published"]))
    return result
