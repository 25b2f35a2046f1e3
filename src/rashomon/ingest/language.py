"""A cheap check that a text is English, before spending a parse on it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# The most frequent English function words; running English prose has roughly
# a third to a half of its tokens among them, other languages almost none.
_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for it on was with as by at from he she they we you i"
    " be are were been has have had not but or this which will would his her their its"
    " an said says who an after about more than also into one two".split()
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def english_share(text: str, *, sample_words: int = 2000) -> float:
    """Share of the first ``sample_words`` words that are English function words."""
    words = _WORD.findall(text[: sample_words * 12])[:sample_words]
    if not words:
        return 0.0
    hits = sum(1 for word in words if word.lower() in _FUNCTION_WORDS)
    return hits / len(words)


def dominant_script(text: str) -> str:
    """Name of the writing system most letters belong to (LATIN, CYRILLIC, ARABIC...)."""
    scripts: Counter[str] = Counter()
    for char in text[:5000]:
        if char.isalpha():
            name = unicodedata.name(char, "")
            scripts[name.split(" ")[0] if name else "UNKNOWN"] += 1
    return scripts.most_common(1)[0][0] if scripts else "NONE"
