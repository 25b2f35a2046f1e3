"""Decode bytes whose encoding is unknown, line by line, without dropping text.

Real dumps mix encodings: the FA-KES CSV is mostly cp1252, with a few UTF-8
fragments and byte pairs that decode in no codec (a character lost in an
earlier conversion). Each line is tried as UTF-8 first, then cp1252; bytes
that cp1252 leaves undefined become a marker that :func:`repair_lost_characters`
turns into the most plausible punctuation.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

LOST = "\ufffd"
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}


def _lost_byte_handler(error: UnicodeError) -> tuple[str, int]:
    assert isinstance(error, UnicodeDecodeError)
    return LOST, error.end


codecs.register_error("rashomon-lost", _lost_byte_handler)


@dataclass(frozen=True)
class Decoded:
    """Text plus what the decoder had to do to get it."""

    text: str
    encoding: str
    fallback_lines: int
    lost_bytes: int


def looks_binary(data: bytes) -> bool:
    """True for content that is not text: NUL bytes or mostly control bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 9 or 13 < byte < 32)
    return controls / len(sample) > 0.05


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``: UTF-8 when it all is, else line by line UTF-8 or cp1252."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    try:
        return Decoded(data.decode("utf-8"), "utf-8", 0, 0)
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    fallback = lost = 0
    for line in data.splitlines(keepends=True):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            fallback += 1
            lost += sum(1 for byte in line if byte in _CP1252_UNDEFINED)
            parts.append(line.decode("cp1252", errors="rashomon-lost"))
    return Decoded("".join(parts), "mixed utf-8/cp1252", fallback, lost)


# A bullet (cp1252 0x95) followed by a stand-in byte is what these dumps left
# where a non-ASCII character (quote, apostrophe, dash, letter) used to be.
_LOST_CHARACTER = re.compile(r"\u2022[_\u00b5" + LOST + r"]|" + LOST)
_CONTRACTION_TAIL = re.compile(r"(?:s|t|d|m|ll|re|ve)\b")


def repair_lost_characters(text: str) -> str:
    """Replace lost-character markers by punctuation chosen from their context."""
    if LOST not in text and "\u2022" not in text:
        return text

    def choose(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() > 0 else " "
        after = text[match.end()] if match.end() < len(text) else " "
        if before.isalnum() and _CONTRACTION_TAIL.match(text, match.end()):
            return "\u2019"
        if before.isalnum() and after.isalnum():
            return ""
        if before.isspace() and after.isspace():
            return "\u2013"
        if after.isalnum() or after in "\"'(":
            return "\u201c"
        if before.isalnum() or before in ".,!?)":
            return "\u201d"
        return ""

    return _LOST_CHARACTER.sub(choose, text)
