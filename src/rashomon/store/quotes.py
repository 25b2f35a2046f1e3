"""Quote and claim rows: written with an article, read back with filters for the surfaces."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rashomon.model import Attribution, Claim, Quantity, Quote, Speaker, TextSpan


@dataclass(frozen=True)
class QuoteFilter:
    """What ``rashomon quotes`` and the API can ask for; None means any."""

    speaker: str | None = None  # entity id, or part of a canonical name, alias or the speaker's words
    speaker_entity: str | None = None  # exactly this corpus entity (an entity page)
    naming: str | None = None  # corpus entity named inside the quoted words, by any of its spellings
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    text: str | None = None
    kind: str | None = None
    article: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class StoredQuote:
    quote: Quote
    article_id: str
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class StoredClaim:
    claim: Claim
    article_id: str
    outlet: str | None
    published: str | None


def insert_quotes(
    db: sqlite3.Connection, article_id: str, quotes: Sequence[Quote], corpus_ids: Mapping[str, str]
) -> None:
    rows = []
    for q in quotes:
        speaker = q.speaker
        rows.append(
            (
                article_id, q.start, q.end, q.text, q.kind,
                q.cue.start if q.cue else None, q.cue.end if q.cue else None, q.cue_text,
                speaker.start if speaker else None, speaker.end if speaker else None,
                speaker.text if speaker else None,
                corpus_ids.get(speaker.entity) if speaker and speaker.entity else None,
                speaker.name if speaker else None,
                json.dumps([[p.start, p.end] for p in q.parts]),
            )
        )  # fmt: skip
    db.executemany(f"INSERT OR IGNORE INTO quotes VALUES ({', '.join('?' * 14)})", rows)


def _quantities_json(quantities: Sequence[Quantity]) -> str:
    return json.dumps(
        [
            {"start": x.start, "end": x.end, "text": x.text, "value": x.value, "bound": x.bound, "unit": x.unit,
             "time_scope": x.time_scope}
            for x in quantities
        ],
        ensure_ascii=False,
    )  # fmt: skip


def insert_claims(
    db: sqlite3.Connection, article_id: str, claims: Sequence[Claim], corpus_ids: Mapping[str, str]
) -> None:
    rows = [
        (
            article_id, c.start, c.end, c.text, c.attribution.kind, c.attribution.text,
            corpus_ids.get(c.attribution.entity) if c.attribution.entity else None, c.attribution.name,
            _quantities_json(c.quantities),
        )
        for c in claims
    ]  # fmt: skip
    db.executemany(f"INSERT OR IGNORE INTO claims VALUES ({', '.join('?' * 9)})", rows)


def _select(db: sqlite3.Connection, table: str, source: str, kind_column: str, where: QuoteFilter) -> list[Any]:
    """Rows of ``quotes`` or ``claims`` (with outlet and date) that match ``where``, oldest first.

    ``source`` is the column prefix of who the row is on the authority of (``speaker`` or
    ``attribution``); any spelling finds it: entity id, canonical name, alias, the words used.
    """
    clauses: list[str] = []
    params: list[object] = []
    for value, clause in (
        (where.outlet, "a.outlet = ?"),
        (where.since, "a.published >= ?"),
        (where.until, "a.published <= ?"),
        (where.article, "t.article_id = ?"),
        (where.kind, f"t.{kind_column} = ?"),
        (where.speaker_entity, f"t.{source}_entity = ?"),
    ):
        if value:
            clauses.append(clause)
            params.append(value)
    source_rows = f"{table} t"
    if where.naming:
        # From the entity's mentions to the rows around them (indexed both ways), not a scan of every row.
        source_rows = (
            f"mentions m JOIN {table} t ON t.article_id = m.article_id AND t.start <= m.start AND t.end >= m.end"
        )
        clauses.append("m.entity_id = ?")
        if table == "quotes":
            # Inside the quoted words, not the name of who says them ("…,” al-Sharaa said. “…").
            clauses.append(
                "NOT (t.speaker_start IS NOT NULL AND m.start >= t.speaker_start AND m.end <= t.speaker_end)"
            )
        params.append(where.naming)
    if where.text:
        clauses.append("t.text LIKE ?")
        params.append(f"%{where.text}%")
    if where.speaker:
        clauses.append(
            f"(t.{source}_entity IN (SELECT id FROM entities WHERE id = ? OR name LIKE ? "
            f"UNION SELECT entity_id FROM entity_aliases WHERE alias LIKE ?) "
            f"OR t.{source}_name LIKE ? OR t.{source}_text LIKE ?)"
        )
        like = f"%{where.speaker}%"
        params += [where.speaker, like, like, like, like]
    sql = (
        f"SELECT {'DISTINCT ' if where.naming else ''}t.*, a.outlet, a.published FROM {source_rows} "
        "JOIN articles a ON a.id = t.article_id"
        + (" WHERE " + " AND ".join(clauses) if clauses else "")
        + " ORDER BY a.published IS NULL, a.published, t.article_id, t.start"
    )
    if where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return db.execute(sql, params).fetchall()


def read_quotes(db: sqlite3.Connection, where: QuoteFilter) -> list[StoredQuote]:
    found = []
    for row in _select(db, "quotes", "speaker", "kind", where):
        (article_id, start, end, text, kind, cue_start, cue_end, cue_text, s_start, s_end, s_text, s_entity,
         s_name, parts, outlet, published) = row  # fmt: skip
        speaker = Speaker(s_start, s_end, s_text, s_entity, s_name) if s_text is not None else None
        cue = TextSpan(cue_start, cue_end) if cue_start is not None else None
        pieces = tuple(TextSpan(a, b) for a, b in json.loads(parts))
        quote = Quote(start, end, text, kind, cue, cue_text, speaker, pieces)
        found.append(StoredQuote(quote, article_id, outlet, published))
    return found


def read_claims(db: sqlite3.Connection, where: QuoteFilter) -> list[StoredClaim]:
    found = []
    for row in _select(db, "claims", "attribution", "attribution_kind", where):
        article_id, start, end, text, kind, a_text, a_entity, a_name, quantities, outlet, published = row
        numbers = tuple(Quantity(**item) for item in json.loads(quantities))
        claim = Claim(start, end, text, Attribution(kind, a_text, a_entity, a_name), numbers)
        found.append(StoredClaim(claim, article_id, outlet, published))
    return found
