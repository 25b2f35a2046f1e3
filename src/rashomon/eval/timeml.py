"""Read TimeML (TempEval-3 style) documents: plain text, TIMEX3 spans and the creation time."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    name: str
    text: str
    creation: dt.date
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """The <TEXT> body with tags removed, its TIMEX3 annotations (offsets into that text) and the DCT."""
    root = ElementTree.fromstring(path.read_text(encoding="utf-8"))
    dct = root.find("DCT/TIMEX3")
    creation_value = dct.get("value", "") if dct is not None else ""
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", creation_value)
    if match is None:
        raise ValueError(f"{path}: no document creation time")
    creation = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    body = root.find("TEXT")
    if body is None:
        raise ValueError(f"{path}: no TEXT element")
    parts: list[str] = []
    timexes: list[GoldTimex] = []

    def walk(element: ElementTree.Element) -> None:
        if element.text:
            parts.append(element.text)
        for child in element:
            before = sum(len(p) for p in parts)
            walk(child)
            after = sum(len(p) for p in parts)
            if child.tag == "TIMEX3":
                text = "".join(parts)[before:after]
                timexes.append(GoldTimex(before, after, text, child.get("type", ""), child.get("value", "")))
            if child.tail:
                parts.append(child.tail)

    walk(body)
    return TimeMLDocument(path.name, "".join(parts), creation, tuple(timexes))
