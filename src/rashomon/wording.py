"""Small tests on plain words that several layers read the same way."""

from __future__ import annotations

import re

_SETTLEMENT_BEFORE = re.compile(r"\b(?:town|city|village|hamlet|township)\s+of\s+$", re.IGNORECASE)
# Not "the fall of" or "the capture of": a leader falls and a fugitive is captured ("the fall of Assad").
_ASSAULT_BEFORE = re.compile(
    r"\b(?:(?:siege|shelling|bombardment|recapture|liberation|encirclement)\s+of|battle\s+(?:of|for))"
    r"\s+(?:the\s+)?$",
    re.IGNORECASE,
)


# Endings of one word's forms that a shared stem may carry: "mediated" and "mediation", "elected" and
# "election". Longest first.
_ENDINGS = ("ations", "ation", "ions", "ion", "ings", "ing", "ors", "ers", "ed", "es", "or", "er", "s", "e")
_SHORTEST_STEM = 5


def same_word(a: str, b: str, *, shortest: int = 4) -> bool:
    """Equal, or one a short inflection of the other (kill/killed, Israel/Israeli, allegation/allegations),
    the shorter having at least ``shortest`` letters, or two forms of one stem of at least five letters
    (mediated/mediation)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= shortest and long_.startswith(short) and len(long_) - len(short) <= 3:
        return True
    stem = _stem(a)
    return len(stem) >= _SHORTEST_STEM and stem == _stem(b)


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _SHORTEST_STEM:
            return word[: -len(ending)]
    return word


def named_as_a_settlement(text: str, start: int) -> bool:
    """The name at ``start`` follows "the town of", "the city of" ...: a settlement, whatever else bears
    the name ("a hotel in the town of Bahrain")."""
    return _SETTLEMENT_BEFORE.search(text[max(0, start - 30) : start]) is not None


def named_as_fought_over(text: str, start: int) -> bool:
    """The name at ``start`` is what is besieged, fought over or taken: "the siege of Mariupol", "the
    battle for Bakhmut". Only a place is."""
    return _ASSAULT_BEFORE.search(text[max(0, start - 30) : start]) is not None
