"""Numbers written as words ("twenty four", "a", "several") as integers or the TimeML "X"."""

from __future__ import annotations

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12,
}  # fmt: skip
_MULTIPLIERS = {"dozen", "hundred"}  # "two dozen" is 24, "three hundred" 300
# TimeML reads "a couple of years" as two (P2Y), "several" and "a few" as unknown (PXY).
_COUPLE = {"couple", "a couple", "couple of", "a couple of"}
_VAGUE = {"several", "few", "a few", "many", "some", "more than", "numerous"}


def is_number_word(word: str) -> bool:
    """A word a count written out may hold: "three", "hundred", "dozen", or "and" between them."""
    return word.lower() in _UNITS or word.lower() == "and"


def parse_number(words: str) -> int | str | None:
    """12 for "twelve", 24 for "twenty four" or "24", "X" for "several"; None when not a number."""
    text = words.lower().replace("-", " ").replace(",", "").strip()
    if not text:
        return None
    if text in _VAGUE:
        return "X"
    if text in _COUPLE:
        return 2
    try:
        return int(float(text)) if float(text).is_integer() else None
    except ValueError:
        pass
    words_of = text.split()
    total, group = 0, 0  # "two thousand five hundred": the thousands so far, then the group being read
    for position, word in enumerate(words_of):
        if word == "and" and 0 < position < len(words_of) - 1:
            continue  # "three hundred and ninety"
        if word not in _UNITS:
            return None
        value = _UNITS[word]
        if word == "thousand":
            total, group = total + max(group, 1) * value, 0
        elif word in _MULTIPLIERS:
            group = max(group, 1) * value
        else:
            group += value
    return (total + group) or None
