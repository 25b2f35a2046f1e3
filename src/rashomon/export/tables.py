"""Stored rows as flat records (one dict per row, scalar values) for JSONL, CSV and Parquet.

Nested values (lists, objects) are kept as JSON text so every format carries the same
columns; the JSONL export writes the nested objects of docs/analyze-json.md instead.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from rashomon.jsonout import (
    article_metadata_json,
    claim_json,
    corpus_entity_json,
    event_json,
    place_json,
    quote_json,
    with_source,
)
from rashomon.store.events import EventFilter
from rashomon.store.quotes import QuoteFilter
from rashomon.store.sqlite import Store

TABLES = ("articles", "entities", "events", "quotes", "claims", "places")


@dataclass(frozen=True)
class ExportFilter:
    """The filters ``rashomon export`` passes on; each table uses those that apply to it."""

    events: EventFilter = field(default_factory=EventFilter)
    quotes: QuoteFilter = field(default_factory=QuoteFilter)
    outlet: str | None = None
    limit: int | None = None


def _flat(record: dict[str, object], prefix: str = "") -> dict[str, object]:
    """Objects become prefixed columns (``source_name``); lists become JSON text."""
    flat: dict[str, object] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flat(value, f"{name}_"))
        elif isinstance(value, list):
            flat[name] = json.dumps(value, ensure_ascii=False)
        else:
            flat[name] = value
    return flat


def nested_rows(store: Store, table: str, where: ExportFilter) -> Iterator[dict[str, object]]:
    """Rows with nested objects, as the JSON surfaces show them."""
    if table == "articles":
        for article in store.articles(outlet=where.outlet, limit=where.limit):
            yield {**article_metadata_json(article), "word_count": article.word_count, "text": article.text}
    elif table == "entities":
        for entity in store.entities(limit=where.limit):
            yield corpus_entity_json(entity)
    elif table == "events":
        for stored in store.events(where.events):
            yield with_source(event_json(stored.event), stored)
    elif table == "quotes":
        for quote in store.quotes(where.quotes):
            yield with_source(quote_json(quote.quote), quote)
    elif table == "claims":
        for claim in store.claims(where.quotes):
            yield with_source(claim_json(claim.claim), claim)
    elif table == "places":
        for row in store.place_counts(limit=where.limit):
            yield {**(place_json(row.place) or {}), "mentions": row.mentions, "articles": row.articles}
    else:
        raise ValueError(f"unknown table {table!r}; one of {', '.join(TABLES)}")


def flat_rows(store: Store, table: str, where: ExportFilter) -> Iterator[dict[str, object]]:
    """Rows with scalar values only: the columns of the CSV and Parquet exports."""
    for row in nested_rows(store, table, where):
        yield _flat(row)
