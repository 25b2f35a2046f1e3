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
from rashomon.timex.normalize import Normalized, normalize

_EXTRA = re.compile(
    r"\b(?:now|currently|recently|lately|nowadays|the future|daily|weekly|monthly|annually|quarterly|"
    r"(?:first|second|third|fourth)-quarter|year-earlier|year-ago|current|recent|the past|"
    r"(?:last|this|next) (?:week|month|year|quarter)|earlier this (?:week|month|year)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?: (?:morning|afternoon|evening|night))?|"
    r"(?:this|yesterday|tomorrow) (?:morning|afternoon|evening)|tonight|today|yesterday|tomorrow)\b",
    re.IGNORECASE,
)
_FREQUENCIES = {"quarterly", "annual", "daily", "weekly", "monthly"}
_TRAILING = re.compile(r"(?:'s|’s|,)$")
# Bare small numbers and ordinals, ages ("6-year-old") and adjectives like "quarterly dividend" are not times.
_NOT_TIMES = re.compile(
    r"^(?:\d{1,3}|\d{5,}|one|two|three|first|second|third|fourth|fifth|"
    r".*(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[\s-]*(?:year|month|week|day)s?[\s-]old)$",
    re.IGNORECASE,
)
# Words before a time that TimeML leaves outside the expression ("about 10:35 a.m.", "only five hours").
_LEADING = re.compile(
    r"^(?:about|around|approximately|roughly|only|just|as long as|as early as|as late as|as of|by|until|since|later|earlier|the day|at|in(?=\s+the\b))\s+",
    re.IGNORECASE,
)
_CALENDAR_AFTER_THE = re.compile(
    r"^the\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)", re.IGNORECASE
)
_RANGE = re.compile(r"^(?:between\s+|from\s+)?(?P<first>.+?)\s+(?:and|to|through|-)\s+(?P<second>.+)$", re.IGNORECASE)
# A month name alone is a date only when it looks like one ("in May"), never "may" or "march" as words.
_WORD_MONTHS = {"may", "march"}


_SCHEDULING = {"schedule", "slate", "plan", "expect", "due", "set", "begin", "resume", "postpone", "delay"}


_FORWARD_CUES = {
    "payable",
    "effective",
    "deadline",
    "until",
    "through",
    "by",
    "soon",
    "starting",
    "beginning",
    "record",
    "due",
    "expires",
    "expire",
    "to",
}
_MODALS = {"will", "shall", "'ll", "wo"}
# "could be located Wednesday", "would appeal Friday's ruling": in reported speech these modals
# are the past of "can" and "will" as often as they look ahead; the nearest date is the best bet.
_WEAK_MODALS = {"would", "could", "might", "may", "must", "should", "can"}


def tense_of(span: Span) -> str:
    """``past``, ``present`` (the nearest such date) or ``future``, from the verb that governs ``span``.

    Deadlines and schedules ("payable Dec. 7", "by Oct. 31", "as soon as Tuesday") and untensed
    verbs ("to testify on Feb. 10") point to the nearest date rather than back from the anchor.
    """
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    ancestors = [token.lower_ for token in list(span.root.ancestors)[:2]]
    if before in _FORWARD_CUES or any(word in _FORWARD_CUES for word in ancestors):
        return "present"
    token = span.root
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.head.i == token.i:
            return "past"
        token = token.head
    auxiliaries = [child for child in token.children if child.dep_ in {"aux", "auxpass"}]
    words = {child.lower_ for child in auxiliaries}
    scheduling = [t for t in (token, token.head) if t.lemma_.lower() in _SCHEDULING and t.tag_ != "VBD"]
    if scheduling:
        return "future"  # "scheduled for Tuesday", "expected to vote on Jan. 14"; not "began in August"
    if words & _MODALS or token.lower_ in {"will", "shall"} or any(child.lower_ == "going" for child in auxiliaries):
        return "future"
    if words & _WEAK_MODALS:
        return "present"
    if "to" in words:
        return "present"  # "to be published in early November": an infinitive looks to the nearest date
    if any(child.lemma_.lower() == "have" for child in auxiliaries):
        return "past"  # "has met Friday": the perfect reports what is done
    # The auxiliary carries the clause's tense ("is heard in May"); a participle's own "Past" does not.
    for item in [*auxiliaries, token]:
        tense = item.morph.get("Tense", [])
        if tense:
            return "past" if tense[0] == "Past" else "present"
    if token.tag_ in {"VB", "VBG"} or "to" in words:
        return "present"  # an infinitive or participle carries no tense of its own
    return "past"


_BARE_UNITS = {"year", "month", "week", "quarter"}
_UNIT_DETERMINERS = {"this", "last", "next", "that", "the"}


def _widened(span: Span) -> Span:
    """spaCy's span with the word before it when TimeML counts it in: "each July", "this year"."""
    if span.start == 0:
        return span
    before = span.doc[span.start - 1].lower_
    if before in {"each", "every"} or (before in _UNIT_DETERMINERS and span.text.lower() in _BARE_UNITS):
        return Span(span.doc, span.start - 1, span.end, label=span.label_)
    return span


def _candidates(doc: Doc, text: str) -> list[Span]:
    spans = [_widened(ent) for ent in doc.ents if ent.label_ in {"DATE", "TIME"}]
    taken = [(ent.start_char, ent.end_char) for ent in spans]
    for match in _EXTRA.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in taken):
            continue
        span = doc.char_span(match.start(), match.end(), alignment_mode="contract")
        if span is not None and len(span):
            spans.append(span)
            taken.append((match.start(), match.end()))
    return _joined_day_and_hour(doc, text, sorted(spans, key=lambda span: span.start_char))


_WEEKDAY = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$", re.IGNORECASE)


def _joined_day_and_hour(doc: Doc, text: str, spans: list[Span]) -> list[Span]:
    """One expression for a day next to a time of that day: spaCy tags "Thursday" DATE and "night"
    TIME, or "9 a.m." TIME and "Tuesday" DATE, where TimeML has "Thursday night", "9 a.m. Tuesday";
    likewise a weekday next to its date ("Friday, Oct. 13")."""
    joined: list[Span] = []
    for span in spans:
        previous = joined[-1] if joined else None
        if previous is not None and text[previous.end_char : span.start_char] in {" ", ", "}:
            parts = [normalize(part.text, anchor=_UNANCHORED) for part in (previous, span)]
            whole = normalize(text[previous.start_char : span.end_char], anchor=_UNANCHORED)
            if (
                whole is not None
                and whole.type == "TIME"
                and any(part is not None and part.granularity == "day" for part in parts)
            ):
                joined[-1] = Span(doc, previous.start, span.end, label="TIME")
                continue
            if _WEEKDAY.match(previous.text) and whole is not None and whole.granularity == "day":
                joined[-1] = Span(doc, previous.start, span.end, label="DATE")  # "Friday, Oct. 13"
                continue
        joined.append(span)
    return joined


def _trim(document: str, start: int, end: int) -> tuple[int, int]:
    text = document[start:end]
    for pattern in (_LEADING, _CALENDAR_AFTER_THE):
        while True:
            found = pattern.match(text)
            if not found:
                break
            start += found.end()
            text = document[start:end]
    trailing = _TRAILING.search(text)
    if trailing:
        end -= len(trailing.group())
    return start, end


_UNANCHORED = dt.date(2000, 7, 1)
_LATER = re.compile(r"^(?P<head>.+?)\s+later$", re.IGNORECASE)
_ENDED = re.compile(r"^(?P<period>.+?)\s+(?:ended|ending|that ended|which ended)\s+(?P<date>.+)$", re.IGNORECASE)


def _pieces(document: str, span: Span) -> list[tuple[int, int]]:
    """A span, or its parts as TimeML splits them: the two ends of a range ("between 1994 and
    1997"), a reporting period and the date it ended ("the year | ended | March 31")."""
    start, end = _trim(document, span.start_char, span.end_char)
    later = _LATER.match(document[start:end])
    if later:
        head = normalize(later.group("head"), anchor=_UNANCHORED)
        if head is not None and head.type == "DURATION":
            return [(start, start + later.end("head"))]  # "three days later": TimeML marks the duration
    ended = _ENDED.match(document[start:end])
    if ended:
        return [
            (start + ended.start("period"), start + ended.end("period")),
            (start + ended.start("date"), start + ended.end("date")),
        ]
    found = _RANGE.match(document[start:end])
    # Any anchor will do here: the question is only whether both ends read as times.
    if (
        found
        and normalize(found.group("first"), anchor=_UNANCHORED)
        and normalize(found.group("second"), anchor=_UNANCHORED)
    ):
        first_start = start + found.start("first")
        second_start = start + found.start("second")
        return [(first_start, start + found.end("first")), (second_start, start + found.end("second"))]
    return [(start, _understood_end(document, start, end))]


_CUT = re.compile(r",\s+|\s+(?=(?:after|before|and|when|as|during|amid|following)\b)", re.IGNORECASE)


def _understood_end(document: str, start: int, end: int) -> int:
    """Where a span spaCy ran on too far ends: "Friday, Oct. 13, after weeks" is "Friday, Oct. 13"."""
    if normalize(document[start:end], anchor=_UNANCHORED) is not None:
        return end
    for cut in reversed(list(_CUT.finditer(document, start, end))):
        if normalize(document[start : cut.start()], anchor=_UNANCHORED) is not None:
            return cut.start()
    return end


_YEAR_BACK = re.compile(r"^(?:a |the )?year[\s-](?:earlier|ago|before)$", re.IGNORECASE)
_QUARTER_VALUE = re.compile(r"^(?P<year>\d{4})-Q(?P<quarter>[1-4])$")
_ANAPHORIC = re.compile(
    r"^(?:earlier |later )?(?:(?:that|the same) (?P<unit>day|week|month|year)|the (?P<day>day))$", re.IGNORECASE
)
# A clock time with no day of its own ("at 10:35 a.m.", "noon") is on the day the article last named.
_CLOCK_ONLY = re.compile(
    r"^(?:\d{1,2}(?::\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)?(?:\s+(?:est|edt|gmt|pst|pdt|cst|cdt|local time))?|noon|midnight|"
    r"(?:the\s+)?(?:morning|afternoon|evening)|\w+ in the (?:morning|afternoon|evening|night))$",
    re.IGNORECASE,
)


_FOLLOWING = re.compile(r"^(?:the\s+)?(?P<which>following|previous|preceding)\s+(?P<unit>year|month)$", re.IGNORECASE)


def _from_reference(text: str, reference: TimeExpression | None, reference_year: int | None) -> str | None:
    """ "that year", "later that day", "the day", "the following year": from the last date the article gave."""
    following = _FOLLOWING.match(text)
    if following is not None:
        step = 1 if following.group("which").lower() == "following" else -1
        if following.group("unit").lower() == "year" and reference_year is not None:
            return f"{reference_year + step:04d}"
        if following.group("unit").lower() == "month" and reference is not None and reference.value:
            if re.match(r"^\d{4}-\d{2}", reference.value):
                index = int(reference.value[:4]) * 12 + int(reference.value[5:7]) - 1 + step
                return f"{index // 12:04d}-{index % 12 + 1:02d}"
        return None
    found = _ANAPHORIC.match(text)
    if found is None:
        return None
    unit = (found.group("unit") or found.group("day")).lower()
    if unit == "year" and reference_year is not None:
        return f"{reference_year:04d}"
    if reference is None or reference.value is None or not re.match(r"^\d{4}", reference.value):
        return None
    size = {"day": 10, "week": 10, "month": 7, "year": 4}[unit]
    return reference.value[:size] if len(reference.value) >= size else None


_EXPLICIT_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_THE_YEAR = re.compile(r"\b(?:the|this) year\b", re.IGNORECASE)


def _value(
    text: str, anchor: dt.date | None, tense: str, reference_year: int | None
) -> tuple[Normalized | None, str | None]:
    """The value and what it was anchored on.

    Without a publication date, only what needs no anchor is normalised: expressions with their own
    year, durations and sets; "the year" takes the last year the text named ("the first five months
    of the year" after "since the beginning of 2025").
    """
    if anchor is not None:
        return normalize(text, anchor=anchor, tense=tense), anchor.isoformat()
    if reference_year is not None and _THE_YEAR.search(text):
        return normalize(
            text, anchor=dt.date(reference_year, 7, 1), tense=tense
        ), f"{reference_year} (named earlier in the text)"
    value = normalize(text, anchor=_UNANCHORED, tense=tense)
    if value is not None and (
        value.type in {"DURATION", "SET"} or value.value.endswith("_REF") or _EXPLICIT_YEAR.search(text)
    ):
        return value, None
    return None, None


def find_times(doc: Doc, *, anchor: dt.date | None) -> tuple[TimeExpression, ...]:
    """Temporal expressions of ``doc`` with TIMEX3 values; values need an anchor (publication date)."""
    found: list[TimeExpression] = []
    reference: TimeExpression | None = None
    quarter: re.Match[str] | None = None  # results stories compare a quarter with the year-earlier one
    reference_year: int | None = None
    document = doc.text  # rebuilt from the tokens on every access: read it once
    for span in _candidates(doc, document):
        tense = tense_of(span)
        pieces = _pieces(document, span)
        for start, end in pieces:
            text = document[start:end].strip()
            if not text or _NOT_TIMES.match(text) or (text.lower() in _WORD_MONTHS and span.label_ != "DATE"):
                continue
            if span.root.dep_ == "amod" and text.lower() in _FREQUENCIES:
                continue  # "a quarterly dividend" describes, it does not date
            if text.lower() in _FREQUENCIES and text[:1].isupper() and span.start != span.sent.start:
                continue  # "The Daily Beast", "the Weekly Standard": a title
            value, anchored_on = _value(text, anchor, tense, reference_year)
            if (
                len(pieces) == 2
                and (start, end) == pieces[0]
                and "end" in document[pieces[0][1] : pieces[1][0]]
                and value is not None
                and value.granularity == "year"
            ):
                value = Normalized("DURATION", "P1Y")  # "the year ended March 31" is a twelve-month period
            anaphoric = _from_reference(text, reference, reference_year)
            if anaphoric is not None:
                value = Normalized("DATE", anaphoric)
            elif value is not None and reference is not None and reference.value and _CLOCK_ONLY.match(text):
                value = normalize(text, anchor=dt.date.fromisoformat(reference.value[:10]), tense=tense) or value
            elif quarter is not None and _YEAR_BACK.match(text):
                value = Normalized("DATE", f"{int(quarter.group('year')) - 1:04d}-Q{quarter.group('quarter')}")
            interval = None
            if value is not None and value.start is not None and value.end is not None:
                interval = (value.start.isoformat(), value.end.isoformat())
            found.append(
                TimeExpression(
                    start=start,
                    end=start + len(text),
                    text=text,
                    type=value.type if value is not None else ("TIME" if span.label_ == "TIME" else "DATE"),
                    value=value.value if value is not None else None,
                    interval=interval,
                    granularity=value.granularity if value is not None else None,
                    anchored_on=anchored_on if value is not None else None,
                )
            )
            if (
                value is not None
                and re.match(r"^\d{4}-\d{2}-\d{2}$", value.value)
                and value.value != (anchor.isoformat() if anchor else None)
            ):
                reference = found[-1]
            year = _EXPLICIT_YEAR.search(text)
            if year:
                reference_year = int(year.group())
            if value is not None and _QUARTER_VALUE.match(value.value) and not _YEAR_BACK.match(text):
                quarter = _QUARTER_VALUE.match(value.value)
    return tuple(found)
