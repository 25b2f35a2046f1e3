"""Web archives, built in the tests from pages written for them."""

import gzip
import hashlib
import io

from rashomon.config import Settings
from rashomon.ingest.readers import read_inputs
from rashomon.model import Problem
from rashomon.service import clean_all

FERRY = (
    "<html><head><title>Ferry to resume</title></head><body><article>"
    "<p>The ferry between Port Elm and Gull Island will run again on Monday, after two weeks of repairs "
    "to the pier that the February storm damaged, the harbour authority said on Friday.</p>"
    "<p>Engineers replaced four of the pier's wooden piles and the ramp that carries cars onto the deck, "
    "and inspectors passed the work on Thursday afternoon.</p></article></body></html>"
)
SCHOOL = (
    "<html><head><title>School reopens</title></head><body><article>"
    "<p>The primary school on Gull Island reopened on Friday, a month after the February storm flooded its "
    "ground floor and cut the island's power for three days.</p>"
    "<p>Pupils had been taught in the church hall, and the head teacher said the new floors were finished "
    "on Wednesday night.</p></article></body></html>"
)


def _record(kind, uri, block, content_type="application/http; msgtype=response"):
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-03-15T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{hashlib.md5(f'{kind} {uri}'.encode()).hexdigest()}>\r\nContent-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def _response(uri, body, status="200 OK", content_type="text/html; charset=utf-8", extra=""):
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{extra}Content-Length: {len(body)}\r\n\r\n"
    return _record("response", uri, head.encode() + body)


def _chunked(data):
    return b"".join(b"%x\r\n%s\r\n" % (len(data[i : i + 100]), data[i : i + 100]) for i in range(0, len(data), 100))


def _archive():
    return [
        _record("warcinfo", "", b"software: test\r\n", content_type="application/warc-fields"),
        _record("request", "https://harbour.example.org/ferry", b"GET /ferry HTTP/1.1\r\n\r\n"),
        _response("<https://harbour.example.org/ferry>", FERRY.encode()),
        _response("https://harbour.example.org/old", b"", status="301 Moved Permanently"),
        _response("https://harbour.example.org/pier.jpg", b"\xff\xd8\xff", content_type="image/jpeg"),
        _response(
            "https://bay.example.net/school",
            _chunked(gzip.compress(SCHOOL.encode())),
            extra="Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
        ),
    ]


def _read(path, stdin=None):
    settings = Settings()
    items = list(clean_all(read_inputs([str(path)], settings=settings, stdin=stdin), settings=settings))
    return [i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)]


def test_each_html_response_of_an_archive_is_a_page_and_the_rest_is_passed_over(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(b"".join(_archive()))
    (ferry, school), problems = _read(path)
    assert problems == []
    assert ferry.url == "https://harbour.example.org/ferry" and ferry.text.startswith("The ferry between Port Elm")
    assert school.url == "https://bay.example.net/school" and "church hall" in school.text  # chunked and gzipped
    assert ferry.published is None  # the crawl date is not the publication date
    assert (ferry.line, school.line) == (3, 6)
    piped, _ = _read("-", stdin=io.BytesIO(path.read_bytes()))
    assert [a.url for a in piped] == [ferry.url, school.url]


def test_a_gzipped_archive_is_read_record_by_record(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(record) for record in _archive()))
    articles, problems = _read(tmp_path)
    assert [a.url for a in articles] == ["https://harbour.example.org/ferry", "https://bay.example.net/school"]
    assert problems == []


def test_a_truncated_archive_keeps_its_pages_before_the_break_and_names_the_broken_record(tmp_path):
    whole = b"".join(_archive())
    path = tmp_path / "cut.warc"
    path.write_bytes(whole[: len(whole) - 200])
    articles, problems = _read(path)
    assert [a.url for a in articles] == ["https://harbour.example.org/ferry"]
    (problem,) = problems
    assert problem.code == "bad-warc" and problem.line == 6 and "ends" in problem.reason
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"not an archive\r\n\r\n")
    assert [p.code for p in _read(junk)[1]] == ["bad-warc"]
