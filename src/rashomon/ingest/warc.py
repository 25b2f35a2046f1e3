"""Web archives (WARC 1.0/1.1, plain or gzipped record by record, as Common Crawl's news crawl ships
them): each successful HTML response is one page.

The file is read record by record, never whole: a crawl file is often a gigabyte. Requests,
metadata, redirects and responses that are not HTML (images, PDFs) are passed over. A page is
given to the HTML reader with the crawled URL; the crawl date is not the publication date, so it
is not used as one. A record is numbered from 1 in its file, and an error names that number in
place of a line. A record that cannot be read ends the file's reading with an error: after a
broken length there is no telling where the next record starts.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from rashomon.ingest.encoding import decode_bytes
from rashomon.model import Problem, RawDocument

# A record's headers, and an HTTP response's, are short; more than this is no WARC.
_MAX_HEADER_LINES = 200
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def open_warc(handle: BinaryIO, *, gzipped: bool) -> BinaryIO:
    """The byte stream of a WARC file; a gzipped one is read across its members as one stream."""
    return gzip.GzipFile(fileobj=handle, mode="rb") if gzipped else handle  # type: ignore[return-value]


def _headers(stream: BinaryIO) -> tuple[str, dict[str, str]] | None:
    """The first line and the headers of a block (up to the blank line), or None at the end."""
    first = b""
    while not first.strip():
        first = stream.readline()
        if not first:
            return None
    headers: dict[str, str] = {}
    for _ in range(_MAX_HEADER_LINES):
        line = stream.readline()
        if not line or not line.strip():
            return first.decode("latin-1").strip(), headers
        name, _, value = line.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    raise ValueError(f"more than {_MAX_HEADER_LINES} header lines")


def _dechunk(body: bytes) -> bytes:
    out, position = bytearray(), 0
    while position < len(body):
        end = body.index(b"\r\n", position)
        size = int(body[position:end].split(b";")[0], 16)
        if size == 0:
            break
        out += body[end + 2 : end + 2 + size]
        position = end + 2 + size + 2
    return bytes(out)


def _http_page(payload: bytes) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of an HTTP response, with chunking and gzip or deflate undone."""
    head, _, body = payload.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if len(lines[0].split()) > 1 and lines[0].split()[1].isdigit() else 0
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").lower()
    if encoding in {"gzip", "x-gzip"}:
        body = gzip.decompress(body)
    elif encoding == "deflate":
        body = zlib.decompress(body)
    elif encoding not in {"", "identity"}:
        raise ValueError(f"content encoded as {encoding!r}, which cannot be undone here")
    return status, headers, body


def read_warc(stream: BinaryIO, *, origin: str) -> Iterator[RawDocument | Problem]:
    """One RawDocument per successful HTML response in the archive ``stream``."""
    number = 0
    while True:
        number += 1
        try:
            block = _headers(stream)
            if block is None:
                return
            version, headers = block
            if not version.startswith("WARC/"):
                raise ValueError(f"a record must start with a WARC version line, not {version[:40]!r}")
            length = int(headers.get("content-length", ""))
            payload = stream.read(length)
            if len(payload) < length:
                raise ValueError(f"the file ends {length - len(payload):,} bytes into the record")
        except (ValueError, OSError, EOFError, zlib.error) as exc:
            yield Problem(
                origin, "bad-warc", f"record {number} cannot be read ({exc}); the rest is skipped", line=number
            )
            return
        if headers.get("warc-type") != "response" or not headers.get("content-type", "").startswith("application/http"):
            continue
        try:
            status, http_headers, body = _http_page(payload)
        except (ValueError, OSError, EOFError, zlib.error) as exc:
            yield Problem(origin, "bad-warc", f"record {number}: the HTTP response cannot be read ({exc})", line=number)
            continue
        content_type = http_headers.get("content-type", "").lower()
        if status != 200 or not content_type.startswith(_HTML_TYPES) or not body.strip():
            continue
        decoded = decode_bytes(body)
        yield RawDocument(
            source_id=headers.get("warc-record-id") or f"{origin}#{number}",
            origin=origin,
            body=decoded.text,
            fmt="html",
            line=number,
            url=headers.get("warc-target-uri", "").strip("<>") or None,  # WARC 1.0 writers bracket it
            notes=(f"not valid UTF-8: {decoded.fallback_lines} lines decoded as cp1252",)
            if decoded.fallback_lines
            else (),
        )
