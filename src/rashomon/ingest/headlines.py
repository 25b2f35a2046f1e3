"""Where a headline run into the text ends.

News sites link other articles inside the body ("READ MORE: Trump slaps new sanctions on Iran over
missile test"); a plain-text dump loses the line break, and the next sentence follows the headline
on the same line. The headline is sentence case and has no final full stop, so it ends before the
first capitalised word that opens a sentence ("The", "According", an opening double quotation
mark), unless a word that joins it to what precedes comes first ("... hits back at Trump"). When no
such place is found among the first words, or a sentence ends before it, the end cannot be told and
nothing is cut: a sentence of the article is worth more than a clean cut.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rashomon.ingest.data import table_lines

MAX_HEADLINE_WORDS = 20
MIN_HEADLINE_WORDS = 2
_WORD = re.compile(r"\S+")
_SENTENCE_END = re.compile(r"\w{2}['\"\u2019\u201d)]?[.!]['\"\u2019\u201d]?$")
_DASHES = {"-", "\u2013", "\u2014"}
_OPENING_QUOTES = '"\u201c'
_SINGLE_OPEN = ("'", "\u2018")
_SINGLE_CLOSE = ("'", "\u2019")


@dataclass(frozen=True)
class HeadlineWords:
    """Capitalised words that open a sentence; words after which a headline goes on."""

    openers: frozenset[str]
    joining: frozenset[str]


@lru_cache(maxsize=1)
def headline_words() -> HeadlineWords:
    roles: dict[str, set[str]] = {"opener": set(), "joining": set()}
    for line in table_lines("headline_words.tsv"):
        word, role = line.split("\t")
        if role not in roles:
            raise ValueError(f"headline_words.tsv: unknown role {role!r} for {word!r}")
        roles[role].add(word)
    return HeadlineWords(frozenset(roles["opener"]), frozenset(roles["joining"]))


def _opens_sentence(word: str, previous: str, words: HeadlineWords) -> bool:
    if previous.lower().strip(",") in words.joining or previous in _DASHES or previous.endswith(":"):
        return False
    if previous.endswith(("?", "!")) and word[:1].isupper():
        return True
    if word[:1] in _OPENING_QUOTES:
        return len(word) > 1 and (word[1].isupper() or word[1] in "[(")
    return word.rstrip(",") in words.openers


def headline_end(text: str, start: int, words: HeadlineWords, *, stop: re.Pattern[str] | None = None) -> int | None:
    """Offset where the headline that starts at ``start`` ends, or None when that cannot be told.

    The headline also ends at the end of its line, or where ``stop`` (the next link label) matches.
    """
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    count = 0
    open_single = False
    previous = ""
    for found in _WORD.finditer(text, start, line_end):
        word = found.group()
        if stop is not None and count >= MIN_HEADLINE_WORDS and stop.match(text, found.start()):
            return found.start()
        if count >= MIN_HEADLINE_WORDS and not open_single and _opens_sentence(word, previous, words):
            return found.start()
        if count >= MAX_HEADLINE_WORDS or _SENTENCE_END.search(word):
            return None
        if word.startswith(_SINGLE_OPEN) and not word.endswith(_SINGLE_CLOSE):
            open_single = True
        elif open_single and word.rstrip(",:?!").endswith(_SINGLE_CLOSE):
            open_single = False
        previous = word
        count += 1
    return line_end if count >= MIN_HEADLINE_WORDS else None
