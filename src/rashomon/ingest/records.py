"""JSONL and CSV dumps: one article per record, with common field names mapped."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import BinaryIO

from rashomon.ingest.encoding import decode_bytes
from rashomon.model import Problem, RawDocument

FIELD_ROLES = ("text", "title", "published", "outlet", "url", "id", "byline", "tags")


@lru_cache(maxsize=1)
def default_field_names() -> dict[str, tuple[str, ...]]:
    raw = json.loads(resources.files("rashomon.ingest.data").joinpath("fields.json").read_text(encoding="utf-8"))
    return {role: tuple(raw[role]) for role in FIELD_ROLES}


@dataclass(frozen=True)
class FieldMap:
    """Which record field holds what. None means: try the usual names."""

    text: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    id: str | None = None
    byline: str | None = None
    tags: str | None = None

    def pick(self, record: Mapping[str, object], role: str) -> object | None:
        """The value of the field that plays ``role`` in ``record``, or None."""
        explicit = getattr(self, role)
        lowered = {str(key).lower(): key for key in record}
        names = (explicit,) if explicit else default_field_names()[role]
        for name in names:
            key = lowered.get(name.lower())
            if key is not None and record[key] not in (None, ""):
                return record[key]
        return None


def _text(value: object | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value).strip() or None


def _tags(value: object | None) -> tuple[str, ...]:
    if value is None:
        return ()
    items = value if isinstance(value, list) else str(value).replace(";", ",").split(",")
    return tuple(str(item).strip() for item in items if str(item).strip())


def record_to_document(
    record: Mapping[str, object], *, origin: str, line: int, fields: FieldMap
) -> RawDocument | Problem:
    """Map one record to a RawDocument, or a Problem when it has no text field."""
    body = _text(fields.pick(record, "text"))
    if body is None:
        wanted = fields.text or "/".join(default_field_names()["text"][:3])
        return Problem(origin, "no-text", f"record has no text field ({wanted})", line=line)
    record_id = _text(fields.pick(record, "id"))
    return RawDocument(
        source_id=record_id if record_id is not None else f"{origin}:{line}",
        origin=origin,
        line=line,
        body=body,
        fmt="record",
        title=_text(fields.pick(record, "title")),
        outlet=_text(fields.pick(record, "outlet")),
        url=_text(fields.pick(record, "url")),
        published=_text(fields.pick(record, "published")),
        byline=_text(fields.pick(record, "byline")),
        tags=_tags(fields.pick(record, "tags")),
    )


def read_jsonl(data: BinaryIO, *, origin: str, fields: FieldMap) -> Iterator[RawDocument | Problem]:
    """One RawDocument per JSON line; a Problem (with its line number) per bad line."""
    for number, raw_line in enumerate(data, start=1):
        if not raw_line.strip():
            continue
        decoded = decode_bytes(raw_line)
        if decoded.fallback_lines:
            yield Problem(
                origin, "not-utf8", "line is not valid UTF-8; decoded as cp1252", line=number, severity="warning"
            )
        try:
            record = json.loads(decoded.text)
        except json.JSONDecodeError as exc:
            yield Problem(origin, "bad-json", f"malformed JSON ({exc.msg} at column {exc.colno})", line=number)
            continue
        if not isinstance(record, dict):
            yield Problem(origin, "bad-json", f"expected a JSON object, got {type(record).__name__}", line=number)
            continue
        yield record_to_document(record, origin=origin, line=number, fields=fields)


def read_csv(data: bytes, *, origin: str, fields: FieldMap, delimiter: str = ",") -> Iterator[RawDocument | Problem]:
    """One RawDocument per CSV row (header row required)."""
    decoded = decode_bytes(data)
    if decoded.fallback_lines:
        yield Problem(
            origin,
            "not-utf8",
            f"{decoded.fallback_lines} lines are not valid UTF-8; decoded them as cp1252"
            + (f" ({decoded.lost_bytes} bytes match no character)" if decoded.lost_bytes else ""),
            severity="warning",
        )
    csv.field_size_limit(sys.maxsize)
    reader = csv.DictReader(io.StringIO(decoded.text, newline=""), delimiter=delimiter)
    if not reader.fieldnames:
        yield Problem(origin, "bad-csv", "CSV file has no header row")
        return
    row_start = 2
    try:
        for row in reader:
            yield record_to_document(row, origin=origin, line=row_start, fields=fields)
            row_start = reader.line_num + 1
    except csv.Error as exc:
        yield Problem(origin, "bad-csv", f"malformed CSV ({exc})", line=reader.line_num)
