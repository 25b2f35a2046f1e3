"""Quoted stretches of text: paired quotation marks, across sentences and paragraphs.

Curly marks pair by shape; straight double marks alternate, opening where a word starts.
A paragraph that ends inside a quotation and a next paragraph that opens with a mark
continue the same quotation (the newspaper convention for long quotes).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = {"\u201c": "\u201d", '"': '"', "\u201e": "\u201d"}
_CLOSERS = {"\u201d", '"'}
_TYPEWRITER_OPEN = re.compile(r"(?<![^\s(\[])''(?=\S)")


@dataclass(frozen=True)
class QuotedSpan:
    """The text between a pair of quotation marks (marks excluded)."""

    start: int
    end: int


def _opens(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    return (before.isspace() or before in "([{\u2014-:;,") and not after.isspace()


def quoted_spans(text: str) -> list[QuotedSpan]:
    # Typewriter quotes (``like this'' and ''like this'') become one-character marks of the same
    # length, so offsets stay those of the original text.
    text = text.replace("``", " \u201c")
    text = _TYPEWRITER_OPEN.sub(' "', text)
    text = text.replace("''", '" ')
    spans: list[QuotedSpan] = []
    open_at: int | None = None
    closer = ""
    reopening = -1  # the mark that reopens a quotation continued in the next paragraph
    for index, char in enumerate(text):
        if open_at is None:
            paragraph_start = index == 0 or text[index - 1] == "\n"
            if char in _OPEN and (char != '"' or _opens(text, index)):
                open_at, closer = index, _OPEN[char]
            elif char == "\u201d" and paragraph_start:
                open_at, closer = index, "\u201d"  # a closing mark opening a paragraph: a typo for an opening one
            continue
        if index == reopening:
            continue
        if char == "\n":
            rest = text[index + 1 :]
            stripped = rest.lstrip(" \n")
            if stripped[:1] and _OPEN.get(stripped[:1]) == closer:  # reopened in the same style
                reopening = index + 1 + (len(rest) - len(stripped))
            else:
                open_at = None  # never closed in its paragraph: a stray mark
            continue
        # Each style closes its own: a straight mark does not end a curly quotation, nor the reverse.
        if char == closer or (closer == "\u201d" and char == '"' and not _opens(text, index)):
            spans.append(QuotedSpan(open_at + 1, index))
            open_at = None
    return [span for span in spans if span.end > span.start]
