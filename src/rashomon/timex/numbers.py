"""Numbers written as words ("twenty four", "a", "several") as integers or the TimeML "X"."""

from __future__ import annotations

_UNITS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000,
    "dozen": 12,
}  # fmt: skip
_MULTIPLIERS = {100, 1000}
# TimeML reads "a couple of years" as two (P2Y), "several" and "a few" as unknown (PXY).
_COUPLE = {"couple", "a couple", "couple of", "a couple of"}
_VAGUE = {"several", "few", "a few", "many", "some", "more than", "numerous"}


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
    total = 0
    for word in text.split():
        if word not in _UNITS:
            return None
        value = _UNITS[word]
        total = max(total, 1) * value if value in _MULTIPLIERS else total + value
    return total or None
