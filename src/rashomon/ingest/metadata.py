"""Publication dates and outlet names from whatever form the input gives them."""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from dateutil import parser as date_parser

_EPOCH_FLOOR = dt.date(1800, 1, 1)


def parse_published(value: str | None) -> dt.date | None:
    """An ISO date from a date string in any common news format, or None.

    Month-first is assumed for slashed dates (``4/5/17`` is 5 April 2017),
    except year-first forms (``2017/2/7``).
    """
    if not value or not value.strip():
        return None
    text = value.strip()
    if re.fullmatch(r"\d{9,11}", text):
        return dt.datetime.fromtimestamp(int(text), tz=dt.timezone.utc).date()
    try:
        parsed = date_parser.parse(
            text, dayfirst=False, yearfirst=bool(re.match(r"\d{4}[/-]", text)), fuzzy=True, ignoretz=True
        )
    except (ValueError, OverflowError):
        return None
    day = parsed.date()
    return day if day >= _EPOCH_FLOOR else None


@lru_cache(maxsize=1)
def _outlet_table() -> dict[str, str]:
    table: dict[str, str] = {}
    with resources.files("rashomon.ingest.data").joinpath("outlets.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            if len(row) >= 2:
                table[row[0].strip().lower()] = row[1].strip()
    return table


@lru_cache(maxsize=1)
def _outlet_words() -> frozenset[str]:
    text = resources.files("rashomon.ingest.data").joinpath("outlet_words.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def looks_like_outlet(name: str) -> bool:
    """Whether a name printed beside a byline is an outlet's: a known one, or one with a media word."""
    lowered = name.strip().lower()
    if lowered in _known_outlet_names():
        return True
    return any(word in _outlet_words() for word in re.findall(r"[a-z]+", lowered))


@lru_cache(maxsize=1)
def _known_outlet_names() -> frozenset[str]:
    """Every key and display name of ``outlets.tsv``, lower-cased."""
    table = _outlet_table()
    return frozenset(table) | {display.lower() for display in table.values()}


def outlet_name(value: str | None) -> str | None:
    """Display name for an outlet given as a name, a code (``tass``) or a domain."""
    if not value or not value.strip():
        return None
    key = value.strip().lower()
    key = key.removeprefix("www.")
    return _outlet_table().get(key, value.strip())


def outlet_from_url(url: str | None) -> str | None:
    """Outlet display name from an article URL's host, or None."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    if not host:
        return None
    table = _outlet_table()
    labels = host.split(".")
    for start in range(len(labels) - 1):
        candidate = ".".join(labels[start:])
        if candidate in table:
            return table[candidate]
    return host
