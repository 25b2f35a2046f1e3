"""Hard-wrapped text: lines broken at a fixed width inside paragraphs are joined again.

Wire copy and plain-text saves often break every line near a column (Reuters at about 65
characters), so a sentence, a quotation or a name runs over a line break, and every later layer
reads a line break as the end of a paragraph: a quotation opened on one line and closed on the
next was a stray mark. A text counts as wrapped when most of its lines come close to one width
and many stop mid-sentence; a text whose lines are sentences or paragraphs of any length is left
as it is. Within a wrapped text a line is joined to the next unless it ends a paragraph: it stops
well short of the width (and the next line does not go on with its sentence in lower case), or
the next line is indented, blank or a list item.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MIN_LINES = 6
_WIDTHS = (40, 100)
# A line at least this share of the width is full: the next word did not fit.
_FULL = 0.7
_FULL_SHARE = 0.5
_OPEN_ENDED_SHARE = 0.4
_ENDS_A_SENTENCE = re.compile(r"[.!?:;\"\u201d\u2019')]$")
_LIST_ITEM = re.compile(r"^(?:[-*\u2022]\s|\d{1,2}[.)]\s)")


def wrap_width(lines: list[str]) -> int | None:
    """The column the text is wrapped at, or None when it is not hard-wrapped."""
    filled = [line.rstrip() for line in lines if line.strip()]
    if len(filled) < _MIN_LINES:
        return None
    lengths = sorted(len(line) for line in filled)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if not _WIDTHS[0] <= width <= _WIDTHS[1]:
        return None
    full = sum(1 for length in lengths if length >= _FULL * width)
    open_ended = sum(1 for line in filled[:-1] if not _ENDS_A_SENTENCE.search(line))
    if full < _FULL_SHARE * len(filled) or open_ended < _OPEN_ENDED_SHARE * (len(filled) - 1):
        return None
    return width


def unwrap_lines(lines: list[str], *, keep_apart: Callable[[str], bool] | None = None) -> list[str]:
    """The lines with each wrapped paragraph joined into one line; unwrapped text comes back as it was.
    A line ``keep_apart`` accepts (site furniture: "Reuter", a copyright line) is never joined to the one before."""
    width = wrap_width(lines)
    if width is None:
        return lines
    joined: list[str] = []
    carrying = False
    for index, line in enumerate(lines):
        text = line.rstrip()
        if carrying:
            joined[-1] = f"{joined[-1]} {text.strip()}"
        else:
            joined.append(text)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        # A line that stops short may still run on: "in" / "the Bahia cocoa zone" (a dateline went before it).
        runs_on = len(text) >= _FULL * width or (not _ENDS_A_SENTENCE.search(text) and following.lstrip()[:1].islower())
        carrying = bool(
            text.strip()
            and following.strip()
            and runs_on
            and not following[:1].isspace()
            and not _LIST_ITEM.match(following)
            and not (keep_apart is not None and keep_apart(following.strip()))
        )
    return joined
