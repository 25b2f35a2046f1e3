"""Aliases a text states itself: abbreviations and "also known as" phrases."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATION = re.compile(r"\(\s*(?P<short>[A-Z][A-Za-z&.\-]{1,11})\s*\)")
_ALIAS_CUE = re.compile(
    r"\b(?:under the (?:alias|name|nom de guerre)|also known as|better known as|formerly known as|"
    r"known by (?:the|his|her) (?:nom de guerre|alias)|a\.?k\.?a\.?|alias|nom de guerre)\s*,?\s*",
    re.IGNORECASE,
)
_CAPITALISED_RUN = re.compile(r"(?:[A-Z][\w'\u2019.]*(?:[\s-](?:al|el|bin|ibn|abu|de)-?)?[\s-]?)+")


@dataclass(frozen=True)
class Abbreviation:
    """``long_start:long_end`` is the long form the short form abbreviates."""

    short: str
    long_start: int
    long_end: int


def _initials(words: list[str]) -> str:
    letters = []
    for word in words:
        for part in re.split(r"[-\u2010]", word):
            if part[:1].isupper():
                letters.append(part[0])
    return "".join(letters)


def find_abbreviations(text: str) -> list[Abbreviation]:
    """ "Hayat Tahrir al-Sham (HTS)": long forms whose capitals spell the short form."""
    found = []
    for match in _ABBREVIATION.finditer(text):
        short = match.group("short").replace(".", "")
        if not short.isupper() and sum(char.isupper() for char in short) < 2:
            continue
        before = text[max(0, match.start() - 200) : match.start()].rstrip()
        offset = match.start() - (len(text[max(0, match.start() - 200) : match.start()]) - len(before))
        words = list(re.finditer(r"\S+", before))
        for size in range(1, min(len(words), 12) + 1):
            chosen = words[-size:]
            if _initials([w.group() for w in chosen]).upper() == short.upper():
                start = offset - len(before) + chosen[0].start()
                found.append(Abbreviation(short, start, offset))
                break
    return found


@dataclass(frozen=True)
class StatedAlias:
    """An alias the text introduces with a cue ("under the alias ...") at ``start:end``."""

    start: int
    end: int
    cue_start: int


def find_stated_aliases(text: str) -> list[StatedAlias]:
    """Spans of names introduced by alias cues."""
    found = []
    for cue in _ALIAS_CUE.finditer(text):
        run = _CAPITALISED_RUN.match(text, cue.end())
        if run and run.group().strip():
            end = run.start() + len(run.group().rstrip(" -"))
            found.append(StatedAlias(run.start(), end, cue.start()))
    return found
