"""HTML pieces the pages are built from: highlighted article text, the timeline, the map.

Article text is untrusted: it is only ever escaped and wrapped in elements we write, so
whatever HTML it contained renders as text. The map and timeline are inline SVG; nothing is
loaded from anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from markupsafe import Markup, escape

from rashomon.model import Event, Place


@dataclass(frozen=True)
class Highlight:
    """A span of the article text to mark: kind (entity, place, time, quote), a label, a link."""

    start: int
    end: int
    kind: str
    label: str
    href: str | None = None


def highlight_text(text: str, marks: Sequence[Highlight]) -> Markup:
    """Escaped paragraphs with non-overlapping marks (a quote's inner names stay inside it)."""
    parts: list[str] = []
    cursor = 0
    for mark in sorted(marks, key=lambda m: (m.start, -(m.end - m.start))):
        if mark.start < cursor or mark.end <= mark.start:
            continue
        parts.append(str(escape(text[cursor : mark.start])))
        inner = escape(text[mark.start : mark.end])
        if mark.href:
            inner = Markup(f'<a href="{escape(mark.href)}">{inner}</a>')
        parts.append(f'<mark class="{escape(mark.kind)}" title="{escape(mark.label)}">{inner}</mark>')
        cursor = mark.end
    parts.append(str(escape(text[cursor:])))
    return Markup("".join(f"<p>{paragraph}</p>" for paragraph in "".join(parts).split("\n") if paragraph.strip()))


@cache
def world_paths() -> tuple[tuple[str, str], ...]:
    """(ISO alpha-3, SVG path) of every country outline, equirectangular, 360 x 180 units."""
    text = resources.files("rashomon.ui.data").joinpath("world.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t", 1) for line in text.splitlines() if line and not line.startswith("#")]
    return tuple((iso, path) for iso, path in rows)


def world_map(places: Sequence[tuple[Place, int, str]], *, highlight: frozenset[str] = frozenset()) -> Markup:
    """Countries as outlines, places as dots sized by count; each dot's title names it."""
    shapes = "".join(
        f'<path d="{path}" class="{"focus" if iso in highlight else "land"}"><title>{escape(iso)}</title></path>'
        for iso, path in world_paths()
    )
    dots = []
    for place, count, href in places:
        radius = min(6.0, 1.2 + count**0.5)
        x, y = place.lon + 180, 90 - place.lat
        label = f"{place.name}: {count} event{'s' if count != 1 else ''}"
        dots.append(
            f'<a href="{escape(href)}"><circle cx="{x:.2f}" cy="{y:.2f}" r="{radius:.1f}" class="dot">'
            f"<title>{escape(label)}</title></circle></a>"
        )
    return Markup(
        '<svg class="map" viewBox="0 0 360 180" role="img" aria-label="map of event locations">'
        f'<rect width="360" height="180" class="sea"/>{shapes}{"".join(dots)}</svg>'
    )


def timeline(days: Counter[str], *, width: int = 720, height: int = 120) -> Markup:
    """Events per day as bars, first to last day with a date."""
    if not days:
        return Markup('<p class="meta">No dated events.</p>')
    dated = sorted((dt.date.fromisoformat(day), count) for day, count in days.items())
    first, last = dated[0][0], dated[-1][0]
    span = max(1, (last - first).days)
    peak = max(count for _, count in dated)
    bars = []
    for day, count in dated:
        x = 30 + (width - 60) * (day - first).days / span
        bar = (height - 30) * count / peak
        bars.append(
            f'<rect x="{x:.1f}" y="{height - 20 - bar:.1f}" width="4" height="{bar:.1f}" class="bar">'
            f"<title>{day.isoformat()}: {count}</title></rect>"
        )
    axis = (
        f'<text x="30" y="{height - 4}" class="tick">{first.isoformat()}</text>'
        f'<text x="{width - 30}" y="{height - 4}" class="tick" text-anchor="end">{last.isoformat()}</text>'
    )
    return Markup(
        f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="events per day">'
        f"{''.join(bars)}{axis}</svg>"
    )


def event_day(event: Event, published: str | None) -> str | None:
    """The day an event is dated to: its own full date, else the publication date."""
    value = event.date.value if event.date is not None else None
    if value and len(value) >= 10 and value[4] == "-" and value[:10].replace("-", "").isdigit():
        return value[:10]
    return published
