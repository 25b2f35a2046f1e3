"""Walk the inputs (files, directories, stdin) and yield raw documents or problems.

Nothing here raises for bad input: every failure becomes a :class:`Problem`
naming the file (and line), so one bad file never stops a batch.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from rashomon.config import Settings
from rashomon.ingest.encoding import decode_bytes, looks_binary
from rashomon.ingest.feeds import looks_like_feed, read_feed
from rashomon.ingest.records import FieldMap, read_csv, read_jsonl
from rashomon.ingest.warc import open_warc, read_warc
from rashomon.model import Problem, RawDocument

FORMATS_BY_SUFFIX = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".warc": "warc",
    ".warc.gz": "warc",
}
# How much of a file tells its format: an XML declaration and comments may come before a feed's root.
_SNIFF_BYTES = 2048
STDIN = "-"

__all__ = ["FORMATS_BY_SUFFIX", "STDIN", "FieldMap", "read_inputs"]


def _expand(paths: Iterable[str]) -> Iterator[tuple[str, str | None] | Problem]:
    """(path, format) pairs; directories recursively, in a stable order."""
    for given in paths:
        if given == STDIN:
            yield (STDIN, None)
            continue
        path = Path(given)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    fmt = _format_of(name)
                    if fmt and not name.startswith("."):
                        found = os.path.join(root, name)
                        # In a folder an .xml file is read only when it is a feed: sitemaps and the like are not inputs.
                        if name.lower().endswith(".xml") and not _starts_like_feed(found):
                            continue
                        yield (found, fmt)
        elif path.exists():
            fmt = _format_of(path.name)
            if fmt is None:
                known = ", ".join(sorted(FORMATS_BY_SUFFIX))
                yield Problem(
                    given, "unsupported", f"unsupported file type {path.suffix or '(none)'!r}; expected one of {known}"
                )
            else:
                yield (given, fmt)
        else:
            yield Problem(given, "not-found", "no such file or directory")


def _format_of(name: str) -> str | None:
    lowered = name.lower()
    if lowered.endswith(".warc.gz"):
        return "warc"
    return FORMATS_BY_SUFFIX.get(Path(lowered).suffix)


def _starts_like_feed(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return looks_like_feed(handle.read(_SNIFF_BYTES))
    except OSError:
        return True  # let the reader report why it cannot be read


def _sniff_format(head: bytes) -> str:
    stripped = head.lstrip()
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped[:1] == b"<":
        return "feed" if looks_like_feed(stripped) else "html"
    return "text"


def _read_whole(origin: str, handle: BinaryIO, *, limit: int) -> bytes | Problem:
    data = handle.read(limit + 1)
    if len(data) > limit:
        return Problem(origin, "too-large", f"file is larger than the {limit:,}-byte limit for one article")
    return data


def _unusable(origin: str, data: bytes) -> Problem | None:
    """Why ``data`` cannot be text at all, or None."""
    if not data.strip():
        return Problem(origin, "empty", "file is empty")
    if looks_binary(data):
        return Problem(origin, "binary", "file looks binary (NUL or control bytes), not text")
    return None


def _single_document(origin: str, data: bytes, fmt: str) -> Iterator[RawDocument | Problem]:
    refusal = _unusable(origin, data)
    if refusal is not None:
        yield refusal
        return
    decoded = decode_bytes(data)
    notes: tuple[str, ...] = ()
    if decoded.fallback_lines:
        note = f"not valid UTF-8: {decoded.fallback_lines} lines decoded as cp1252"
        notes = (note,)
        yield Problem(origin, "not-utf8", note, severity="warning")
    yield RawDocument(source_id=origin, origin=origin, body=decoded.text, fmt=fmt, notes=notes)


def _read_one(
    origin: str, fmt: str | None, handle: BinaryIO, *, settings: Settings, fields: FieldMap
) -> Iterator[RawDocument | Problem]:
    if fmt is None:
        # Standard input cannot be rewound: read it once, then sniff the format.
        handle = io.BytesIO(handle.read())
        fmt = _sniff_format(handle.getvalue()[:_SNIFF_BYTES])
    if fmt == "jsonl":
        yield from read_jsonl(handle, origin=origin, fields=fields)
        return
    if fmt in {"csv", "tsv"}:
        data = handle.read()
        refusal = _unusable(origin, data)
        if refusal is not None:
            yield refusal
            return
        yield from read_csv(data, origin=origin, fields=fields, delimiter="\t" if fmt == "tsv" else ",")
        return
    if fmt == "warc":
        # Read record by record: a crawl file is far larger than one article may be.
        yield from read_warc(open_warc(handle, gzipped=origin.lower().endswith(".gz")), origin=origin)
        return
    whole = _read_whole(origin, handle, limit=settings.max_file_bytes)
    if isinstance(whole, Problem):
        yield whole
        return
    if fmt == "feed":
        refusal = _unusable(origin, whole)
        yield from (refusal,) if refusal is not None else read_feed(whole, origin=origin)
        return
    yield from _single_document(origin, whole, fmt)


def read_inputs(
    paths: Iterable[str], *, settings: Settings, fields: FieldMap | None = None, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Problem]:
    """Yield a RawDocument per article found in ``paths``, or a Problem per failure.

    ``-`` reads standard input; its format is sniffed (JSON lines, HTML or text).
    """
    field_map = fields or FieldMap()
    for item in _expand(paths):
        if isinstance(item, Problem):
            yield item
            continue
        origin, fmt = item
        if origin == STDIN:
            yield from _read_one("<stdin>", fmt, stdin or sys.stdin.buffer, settings=settings, fields=field_map)
            continue
        try:
            with open(origin, "rb") as handle:
                yield from _read_one(origin, fmt, handle, settings=settings, fields=field_map)
        except PermissionError:
            yield Problem(origin, "unreadable", "permission denied")
        except IsADirectoryError:
            yield Problem(origin, "unreadable", "is a directory")
        except OSError as exc:
            yield Problem(origin, "unreadable", f"cannot read file ({exc.strerror or exc})")
