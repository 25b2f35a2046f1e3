"""Find temporal expressions in a parsed article and normalise each against the anchor date.

Candidates are spaCy's DATE and TIME entities plus words the statistical model does not tag
but TimeML does ("now", "recently", "daily", "third-quarter"). The tense of the governing verb
picks the direction of underspecified dates.
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Span

from rashomon.model import TimeExpression
from rashomon.timex.normalize import normalize

_EXTRA = re.compile(
    r"\b(?:now|currently|recently|lately|nowadays|the future|daily|weekly|monthly|annually|quarterly|"
    r"(?:first|second|third|fourth)-quarter|year-earlier|year-ago|"
    r"(?:last|this|next) (?:week|month|year|quarter)|earlier this (?:week|month|year)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:morning|afternoon|evening|night))?|"
    r"(?:this|yesterday|tomorrow) (?:morning|afternoon|evening)|tonight|today|yesterday|tomorrow)\b",
    re.IGNORECASE,
)
_TRAILING = re.compile(r"(?:'s|’s|,)$")
_NOT_TIMES = re.compile(r"^(?:\d+|one|two|three|first|second|third|fourth|fifth)$", re.IGNORECASE)
# A month name alone is a date only when it looks like one ("in May"), never "may" or "march" as words.
_WORD_MONTHS = {"may", "march"}


def tense_of(span: Span) -> str:
    """``past``, ``present`` or ``future``, from the verb that governs ``span``."""
    token = span.root
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.head.i == token.i:
            return "past"
        token = token.head
    auxiliaries = [child for child in token.children if child.dep_ in {"aux", "auxpass"}]
    words = {child.lower_ for child in auxiliaries}
    if words & {"will", "shall", "'ll", "wo"} or token.lower_ in {"will", "shall"}:
        return "future"
    if any(child.lower_ == "going" for child in auxiliaries):
        return "future"
    for item in [token, *auxiliaries]:
        tense = item.morph.get("Tense")
        if tense:
            return "past" if tense[0] == "Past" else "present"
    return "past"


def _candidates(doc: Doc) -> list[Span]:
    spans = [ent for ent in doc.ents if ent.label_ in {"DATE", "TIME"}]
    taken = [(ent.start_char, ent.end_char) for ent in spans]
    for match in _EXTRA.finditer(doc.text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
            taken.append((match.start(), match.end()))
    return sorted(spans, key=lambda span: span.start_char)


def find_times(doc: Doc, *, anchor: dt.date | None) -> tuple[TimeExpression, ...]:
    """Temporal expressions of ``doc`` with TIMEX3 values; values need an anchor (publication date)."""
    found = []
    for span in _candidates(doc):
        text = _TRAILING.sub("", span.text.strip())
        if not text or _NOT_TIMES.match(text) or (text.lower() in _WORD_MONTHS and span.label_ != "DATE"):
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        end = start + len(text)
        value = normalize(text, anchor=anchor, tense=tense_of(span)) if anchor is not None else None
        interval = None
        if value is not None and value.start is not None and value.end is not None:
            interval = (value.start.isoformat(), value.end.isoformat())
        found.append(
            TimeExpression(
                start=start,
                end=end,
                text=text,
                type=value.type if value is not None else ("TIME" if span.label_ == "TIME" else "DATE"),
                value=value.value if value is not None else None,
                interval=interval,
                granularity=value.granularity if value is not None else None,
                anchored_on=anchor.isoformat() if anchor is not None and value is not None else None,
            )
        )
    return tuple(found)
