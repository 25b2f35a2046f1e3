"""Normalise one temporal expression against an anchor date (the publication date).

Values follow TIMEX3: 2025-10-15, 2025-10, 2025, 199 (a decade), 2025-W03, 2025-Q4, 2025-H1,
2025-SU, 2025-10-15TNI, 2025-10-15T09:30, PRESENT_REF / PAST_REF / FUTURE_REF; durations
P3Y, P2W, PT24H, PXY; sets P1D. The tense of the governing verb decides which "Oct. 15" or
which "Friday" is meant: past tense looks back from the anchor, future tense forward.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from rashomon.timex.numbers import parse_number

MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
MONTHS.update({"sept": 9})
WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "weekend": ("WE", False), "month": ("M", False), "quarter": ("Q", False),
    "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
}  # fmt: skip
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
PRESENT = {
    "now",
    "currently",
    "current",
    "present",
    "at present",
    "nowadays",
    "the moment",
    "at the moment",
    "these days",
    "today's",
}
PAST = {"recently", "recent", "lately", "the past", "previously", "formerly", "earlier", "once", "in the past", "past"}
FUTURE = {"the future", "future", "soon", "in the future", "eventually", "later", "upcoming", "coming"}
SETS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "annual": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "quarterly": "P3M",
}


@dataclass(frozen=True)
class Normalized:
    """A TIMEX3 type and value, with the calendar interval it covers when it is a date."""

    type: str
    value: str
    start: dt.date | None = None
    end: dt.date | None = None
    granularity: str | None = None


def _shift_months(day: dt.date, months: int) -> dt.date:
    month_index = day.year * 12 + day.month - 1 + months
    return dt.date(month_index // 12, month_index % 12 + 1, 1)


def _date(day: dt.date) -> Normalized:
    return Normalized("DATE", day.isoformat(), day, day, "day")


def _month(year: int, month: int) -> Normalized:
    last = calendar.monthrange(year, month)[1]
    return Normalized("DATE", f"{year:04d}-{month:02d}", dt.date(year, month, 1), dt.date(year, month, last), "month")


def _year(year: int) -> Normalized:
    return Normalized("DATE", f"{year:04d}", dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _quarter(year: int, quarter: int) -> Normalized:
    first = dt.date(year, 3 * quarter - 2, 1)
    last_month = 3 * quarter
    return Normalized(
        "DATE",
        f"{year:04d}-Q{quarter}",
        first,
        dt.date(year, last_month, calendar.monthrange(year, last_month)[1]),
        "quarter",
    )


def _decade(decade: int) -> Normalized:
    """The decade ``decade``0s: 199 is the 1990s."""
    return Normalized("DATE", f"{decade:03d}", dt.date(decade * 10, 1, 1), dt.date(decade * 10 + 9, 12, 31), "decade")


def _week(day: dt.date) -> Normalized:
    year, week, _ = day.isocalendar()
    monday = day - dt.timedelta(days=day.weekday())
    return Normalized("DATE", f"{year:04d}-W{week:02d}", monday, monday + dt.timedelta(days=6), "week")


def _resolve_year(month: int, day: int | None, anchor: dt.date, tense: str) -> int:
    """The year of a date given without one: by the tense of its clause, else the nearest."""

    def on(year: int) -> dt.date:
        return dt.date(year, month, min(day or 1, calendar.monthrange(year, month)[1]))

    candidate = on(anchor.year)
    if tense == "past" and candidate > anchor + dt.timedelta(days=1):
        return anchor.year - 1
    if tense == "future" and candidate < anchor - dt.timedelta(days=1 if day else 31):
        return anchor.year + 1
    if tense == "present":
        return min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda year: abs((on(year) - anchor).days))
    return anchor.year


def _weekday(index: int, anchor: dt.date, tense: str) -> dt.date:
    """Past tense: the latest such day up to the anchor; future: the next one from it; present
    (no tense to go by): the nearer of the two, the past one on a tie, as news mostly reports."""
    ahead = anchor + dt.timedelta(days=(index - anchor.weekday()) % 7)
    behind = anchor - dt.timedelta(days=(anchor.weekday() - index) % 7)
    if tense == "future":
        return ahead
    if tense == "present":
        return ahead if (ahead - anchor) < (anchor - behind) else behind
    return behind


_CALENDAR_DATE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4}))?$"
)
_DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?P<month>[a-z]+)\.?(?:,?\s+(?P<year>\d{4}))?$")
_MONTH_YEAR = re.compile(
    r"^(?:(?:early|mid|late|the end of|the beginning of|the start of)[\s-]+)?(?P<month>[a-z]+)\.?(?:,?\s+(?:of\s+)?(?P<year>\d{4}))?$"
)
_YEAR = re.compile(
    r"^(?:(?:fiscal|calendar|early|mid|late|the end of|the beginning of|the start of|the year)[\s-]+)?(?P<year>(?:1[5-9]|20)\d{2})$"
)
_DECADE = re.compile(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?P<decade>(?:1[5-9]|20)\d)0'?s$")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")
_NUMERIC = re.compile(r"^(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{2,4})$")
_RELATIVE = re.compile(
    r"^(?P<shift>last|this|next|previous|coming|past|current|the current|the latest|the last|the past|the next|the coming|the previous|the same)\s+(?P<unit>[a-z]+)$"
)
_AGO = re.compile(
    r"^(?P<number>[\w\s-]+?)\s+(?P<unit>[a-z]+?)s?\s+(?P<direction>ago|earlier|before|later|from now|hence)$"
)
_UNIT_EARLIER = re.compile(r"^(?:a|the)\s+(?P<unit>[a-z]+)\s+(?P<direction>earlier|ago|before|later)$")
_DURATION = re.compile(
    r"^(?:(?:the|a|an|about|some|nearly|almost|more than|less than|over|under|at least|up to)\s+)*"
    r"(?:(?:first|past|last|next|coming|previous|following|full|entire|whole|latest)\s+)?"
    r"(?P<number>[\w-]+(?:[\s-][\w]+)?)?[\s-]*"
    r"(?P<unit>second|minute|hour|day|week|month|quarter|year|decade|century)s?(?:[\s-]long|[\s-]old)?$"
)
_QUARTER = re.compile(
    r"^(?:the\s+)?(?:(?P<which>first|second|third|fourth|1st|2nd|3rd|4th|latest|current|last|past|final|same|previous|fiscal)[\s-]+)*(?:fiscal[\s-]+)?quarter(?:\s+of\s+(?P<year>\d{4}))?$"
)
_YEARS_QUARTER = re.compile(
    r"^(?:the\s+)?(?P<year>(?:1[5-9]|20)\d{2}|(?:last|this|next) year's)\s+"
    r"(?:(?P<which>first|second|third|fourth)\s+)?(?:fiscal\s+)?(?:quarter|period)$"
)
_HALF = re.compile(r"^(?:the\s+)?(?P<which>first|second|last)[\s-]+half(?:\s+of\s+(?P<year>\d{4}))?$")
_SEASON = re.compile(
    r"^(?:(?P<shift>this past|past|this|last|next|the|early|late)\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>\d{4}))?$"
)
_CLOCK = re.compile(
    r"^(?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?\s*(?P<half>a\.?m\.?|p\.?m\.?)?(?:\s+(?:est|edt|gmt|pst|pdt|local time))?$"
)
_PART_OF_DAY = re.compile(
    r"^(?:(?P<day>this|yesterday|tomorrow|today|last|[a-z]+day)\s+)?(?P<part>morning|afternoon|evening|night)$"
)


# Broadcast transcripts spell years out: "nineteen ninety-four".
_SPOKEN_YEAR = re.compile(
    r"\b(?P<century>eighteen|nineteen|twenty)[\s-]+(?P<rest>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen)\b"
)


def _spoken_year(found: re.Match[str]) -> str:
    century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[found.group("century")]
    rest = parse_number(found.group("rest"))
    return f"{century * 100 + rest}" if isinstance(rest, int) else found.group(0)


def normalize(text: str, *, anchor: dt.date, tense: str = "past") -> Normalized | None:
    """The TIMEX3 type and value of ``text`` anchored on ``anchor``, or None when not understood."""
    if text.strip() in {"may", "march", "sun", "sat"}:
        return None  # lower-case month names are the verbs and nouns, not the months
    t = " ".join(text.lower().replace("’", "'").replace(" or so", "").split()).strip(" .,;:")
    t = _SPOKEN_YEAR.sub(_spoken_year, t)
    t = (
        re.sub(r"^(?:the\s+)?(?:same\s+)?(?:period|time|day|days|week)\s+of\s+", "", t)
        if t.startswith("the same")
        else t
    )
    for rule in (
        _lexical,
        _reporting_period,
        _calendar,
        _relative,
        _part_of_year,
        _duration_or_set,
        _time_of_day,
        _month_of_relative_year,
    ):
        found = rule(t, anchor, tense)
        if found is not None:
            return found
    # "almost four years ago", "late yesterday", "the middle of October": the modifier does not move the value.
    stripped = _MODIFIERS.sub("", t)
    stripped = _AFTERWARDS.sub("", stripped)
    if stripped != t and stripped:
        return normalize(stripped, anchor=anchor, tense=tense)
    return None


_MODIFIERS = re.compile(
    r"^(?:almost|nearly|about|around|roughly|approximately|over|barely|at least|least|more than|less than|no more than|"
    r"up to|just|only|some|early|late|mid|mid-|the middle of|the end of|the beginning of|the start of|the early hours of|"
    r"in the|later|earlier|sometime|some time|this coming|the coming|its|their|his|her|our|a|an|both|each of|another|"
    r"additional|the|an additional)[\s-]+"
)
_AFTERWARDS = re.compile(r"\s+(?:later|earlier|or more|or less)$")
_CENTURY = re.compile(r"^(?:the|a|an)?\s*(?P<number>\d{1,2})(?:st|nd|rd|th)[\s-]+century$")
_DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}


def _month_of_relative_year(t: str, anchor: dt.date, tense: str) -> Normalized | None:
    """ "February this year", "June last year", "the nineties", "the 20th century"."""
    found = re.match(r"^(?P<month>[a-z]+)\.?\s+(?P<which>this|last|next)\s+year$", t)
    if found and found.group("month") in MONTHS:
        year = anchor.year + {"this": 0, "last": -1, "next": 1}[found.group("which")]
        return _month(year, MONTHS[found.group("month")])
    found = _CENTURY.match(t)
    if found:
        century = int(found.group("number")) - 1
        return Normalized(
            "DATE",
            f"{century:02d}",
            dt.date(max(century * 100, 1), 1, 1),
            dt.date(century * 100 + 99, 12, 31),
            "century",
        )
    words = t.removeprefix("the ")
    if words in _DECADE_WORDS:
        decade = 190 + _DECADE_WORDS[words] if anchor.year < 2030 else 200 + _DECADE_WORDS[words]
        return _decade(decade)
    if t in {"the end of the month", "the end of this month", "month-end", "month end"}:
        return _month(anchor.year, anchor.month)
    return None


_ENDED = re.compile(
    r"^(?:the|its|their|a)?\s*(?:fiscal[\s-]+)?(?:(?P<which>first|second|third|fourth|latest|fiscal-first|fiscal-second|fiscal-third|fiscal-fourth)[\s-]+)?(?:fiscal[\s-]+)?"
    r"(?P<unit>quarter|year|half|six months|nine months|three months)\s+(?:ended|ending|that ended|to)\s+(?P<date>.+)$"
)
_WRITTEN_YEAR = re.compile(r"^(?:the year\s+)?(?P<words>(?:nineteen|twenty|two thousand)[\w\s-]*)$")


def _reporting_period(t: str, anchor: dt.date, tense: str) -> Normalized | None:
    """Company results: "the quarter ended Sept. 30", "the year-earlier quarter", "recent months"."""
    found = _ENDED.match(t)
    if found:
        end = _calendar(found.group("date"), anchor, "past") or _lexical(found.group("date"), anchor, "past")
        if end is None or end.end is None:
            return None
        day = end.end
        unit = found.group("unit")
        if unit == "quarter":
            return _quarter(day.year, (day.month - 1) // 3 + 1)
        if unit == "year":
            return _year(day.year)
        months = {"half": 6, "six months": 6, "nine months": 9, "three months": 3}[unit]
        return Normalized("DURATION", f"P{months}M")
    if t in {
        "year-end",
        "year end",
        "year's end",
        "the year-end",
        "the end of the year",
        "the fiscal year",
        "fiscal year",
        "this fiscal year",
        "the current fiscal year",
    }:
        return _year(anchor.year)
    if re.match(
        r"^(?:the\s+)?(?:year-earlier|year-ago|year earlier|year ago)(?:\s+(?:third|fourth|first|second))?\s+(?:quarter|period)$",
        t,
    ):
        index = anchor.year * 4 + (anchor.month - 1) // 3 - 1 - 4
        return _quarter(index // 4, index % 4 + 1)
    if re.match(r"^(?:in\s+)?(?:recent|past|the past)\s+years$", t):
        return Normalized("DATE", "PAST_REF", None, anchor, None)  # TimeML: "in recent years" is a past reference
    if t in {"a later date", "a future date", "some later date"}:
        return Normalized("DATE", "FUTURE_REF", anchor, None, None)
    if re.match(r"^(?:for\s+)?(?:many\s+|several\s+)?centuries$", t):
        return Normalized("DURATION", "PXC")
    found = re.match(r"^(?:the\s+)?(?P<unit>day|week|month|year)s\s+ahead$", t)
    if found:
        return Normalized("DURATION", f"PX{UNITS[found.group('unit')][0]}")
    if re.match(r"^(?:future|upcoming)\s+(?:quarters|years|months)$", t):
        return Normalized("DATE", "FUTURE_REF", anchor, None, None)
    found = re.match(r"^(?:in\s+)?recent\s+(?P<unit>year|month|week|day|quarter|decade)s$", t)
    if found:
        letter = {"quarter": "M", "decade": "Y"}.get(found.group("unit"), UNITS[found.group("unit")][0])
        return Normalized("DURATION", f"PX{letter}")
    found = _WRITTEN_YEAR.match(t)
    if found:
        words = found.group("words").replace("-", " ").split()
        if words[:1] == ["nineteen"] and len(words) > 1:
            rest = parse_number(" ".join(words[1:]))
            if isinstance(rest, int) and rest < 100:
                return _year(1900 + rest)
        if words[:2] == ["two", "thousand"]:
            rest = parse_number(" ".join(words[2:])) if len(words) > 2 else 0
            if isinstance(rest, int) and rest < 100:
                return _year(2000 + rest)
    return None


def _lexical(t: str, anchor: dt.date, tense: str) -> Normalized | None:
    if t in {"today", "this day", "to-day", "the day"}:
        return _date(anchor)
    if re.match(
        r"^(?:the\s+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+)?day$",
        t,
    ):
        return _date(anchor)  # "on the eighth day" of a crisis being reported is the day of the report
    if t == "election day":
        # US federal Election Day: the Tuesday after the first Monday of November
        first = dt.date(anchor.year, 11, 2)
        return _date(first + dt.timedelta(days=(1 - first.weekday()) % 7))
    found = re.match(r"^(?:earlier|later|late|early)\s+in\s+the\s+(?P<unit>year|month|week)$", t)
    if found:
        return _relative(f"this {found.group('unit')}", anchor, tense)
    if t == "yesterday":
        return _date(anchor - dt.timedelta(days=1))
    if t == "tomorrow":
        return _date(anchor + dt.timedelta(days=1))
    if t in {"tonight", "this evening"}:
        return Normalized("TIME", f"{anchor.isoformat()}T{'NI' if t == 'tonight' else 'EV'}", anchor, anchor, "day")
    if t in PRESENT:
        return Normalized("DATE", "PRESENT_REF", anchor, anchor, None)
    if t in PAST:
        return Normalized("DATE", "PAST_REF", None, anchor, None)
    if t in FUTURE:
        return Normalized("DATE", "FUTURE_REF", anchor, None, None)
    if t in {"the weekend", "this weekend", "the week-end", "weekend"}:
        year, week, _ = (anchor - dt.timedelta(days=2 if anchor.weekday() < 2 else 0)).isocalendar()
        return Normalized("DATE", f"{year:04d}-W{week:02d}-WE", None, None, "weekend")
    if t in {
        "the year",
        "the current year",
        "this year",
        "the latest year",
        "the full year",
        "the whole year",
        "the entire year",
    }:
        return _year(anchor.year)
    if t in {"the past year", "the last year", "the previous year", "the prior year"}:
        return _year(anchor.year - 1)
    if t in {"the next year", "the coming year", "the following year"}:
        return _year(anchor.year + 1)
    if t in {"the month", "this month", "the current month"}:
        return _month(anchor.year, anchor.month)
    if t in {"this week", "the week", "the current week"}:
        return _week(anchor)
    for prefix, shift in (
        ("earlier this ", 0),
        ("later this ", 0),
        ("late last ", -1),
        ("early last ", -1),
        ("earlier last ", -1),
        ("early next ", 1),
        ("late next ", 1),
        ("early this ", 0),
        ("late this ", 0),
    ):
        if t.startswith(prefix):
            unit = t[len(prefix) :]
            return _shifted(unit, shift, anchor)
    return None


def _shifted(unit: str, shift: int, anchor: dt.date) -> Normalized | None:
    if unit == "year":
        return _year(anchor.year + shift)
    if unit == "month":
        moved = _shift_months(anchor, shift)
        return _month(moved.year, moved.month)
    if unit == "week":
        return _week(anchor + dt.timedelta(weeks=shift))
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + shift
        return _quarter(index // 4, index % 4 + 1)
    if unit in {"day", "today"}:
        return _date(anchor + dt.timedelta(days=shift))
    if unit in {"decade"}:
        decade = anchor.year // 10 + shift
        return _decade(decade)
    if unit in SEASONS:
        return Normalized("DATE", f"{anchor.year + shift:04d}-{SEASONS[unit]}", None, None, "season")
    if unit in WEEKDAYS:
        day = _weekday(WEEKDAYS[unit], anchor, "past") + dt.timedelta(weeks=shift if shift > 0 else 0)
        return _date(day if shift >= 0 else day - dt.timedelta(weeks=1 if day == anchor else 0))
    return None


def _calendar(t: str, anchor: dt.date, tense: str) -> Normalized | None:
    for pattern in (_ISO, _NUMERIC):
        found = pattern.match(t)
        if found:
            year = int(found.group("year"))
            year = year + (1900 if year > 30 else 2000) if year < 100 else year
            try:
                return _date(dt.date(year, int(found.group("month")), int(found.group("day"))))
            except ValueError:
                return None
    for pattern in (_CALENDAR_DATE, _DAY_MONTH):
        found = pattern.match(t)
        if found and found.group("month").rstrip(".") in MONTHS:
            month = MONTHS[found.group("month").rstrip(".")]
            day = int(found.group("day"))
            year = int(found.group("year")) if found.group("year") else _resolve_year(month, day, anchor, tense)
            try:
                return _date(dt.date(year, month, day))
            except ValueError:
                return None
    found = _MONTH_YEAR.match(t)
    if found and found.group("month").rstrip(".") in MONTHS and found.group("month") not in {"sun", "sat"}:
        month = MONTHS[found.group("month").rstrip(".")]
        year = int(found.group("year")) if found.group("year") else _resolve_year(month, None, anchor, tense)
        return _month(year, month)
    found = _YEAR.match(t)
    if found:
        return _year(int(found.group("year")))
    found = _DECADE.match(t)
    if found:
        decade = int(found.group("decade"))
        return _decade(decade)
    for shift_word, shift in (("last ", -1), ("next ", 1), ("this ", 0)):
        month_word = t.removeprefix(shift_word)
        if t.startswith(shift_word) and month_word in MONTHS:
            month = MONTHS[month_word]
            year = anchor.year
            if shift < 0 and month >= anchor.month:
                year -= 1
            if shift > 0 and month <= anchor.month:
                year += 1
            return _month(year, month)
    day_name = t.removeprefix("last ").removeprefix("this ").removeprefix("next ").removeprefix("on ")
    if day_name in WEEKDAYS:
        if t.startswith("last "):
            return _date(_weekday(WEEKDAYS[day_name], anchor - dt.timedelta(days=1), "past"))
        if t.startswith("next "):
            return _date(_weekday(WEEKDAYS[day_name], anchor + dt.timedelta(days=1), "future"))
        return _date(_weekday(WEEKDAYS[day_name], anchor, tense))
    found = _YEARS_QUARTER.match(t)
    if found:
        # "the 1988 third quarter", "next year's first quarter", "last year's quarter"
        named = found.group("year")
        year = int(named) if named[0].isdigit() else anchor.year + {"last": -1, "this": 0, "next": 1}[named.split()[0]]
        which = found.group("which")
        if which:
            return _quarter(year, ORDINALS[which])
        current = (anchor.month - 1) // 3 + 1
        just_ended = (anchor.year * 4 + current - 2) % 4 + 1  # the quarter a results story reports
        return _quarter(year, just_ended)
    found = _QUARTER.match(t)
    if found:
        which = (found.group("which") or "").strip()
        current = (anchor.month - 1) // 3 + 1
        if which in ORDINALS:
            quarter = ORDINALS[which]
            year = (
                int(found.group("year"))
                if found.group("year")
                else anchor.year - (1 if quarter > current and tense != "future" else 0)
            )
        else:
            # "the quarter", "the latest quarter": in a results story, the quarter just ended.
            index = anchor.year * 4 + current - 1 - (0 if which == "current" else 1)
            year, quarter = index // 4, index % 4 + 1
        return _quarter(year, quarter)
    found = _HALF.match(t)
    if found:
        year = int(found.group("year")) if found.group("year") else anchor.year
        half = 1 if found.group("which") == "first" else 2
        return Normalized(
            "DATE",
            f"{year:04d}-H{half}",
            dt.date(year, 1 if half == 1 else 7, 1),
            dt.date(year, 6 if half == 1 else 12, 30 if half == 1 else 31),
            "half",
        )
    found = _SEASON.match(t)
    if found:
        season = found.group("season")
        shift = {"last": -1, "next": 1}.get(found.group("shift") or "", 0)
        if found.group("shift") in {"this past", "past"}:
            # the latest such season that has begun: "this past spring" in October is this year's
            shift = (
                0 if anchor.month >= {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[season] else -1
            )
        year = int(found.group("year")) if found.group("year") else anchor.year + shift
        return Normalized("DATE", f"{year:04d}-{SEASONS[found.group('season')]}", None, None, "season")
    return None


def _relative(t: str, anchor: dt.date, tense: str) -> Normalized | None:
    found = _RELATIVE.match(t)
    if found:
        shift_word = found.group("shift").removeprefix("the ")
        unit = found.group("unit")
        if unit in {"year", "month", "week", "quarter", "decade", "day"} | set(SEASONS) | set(WEEKDAYS):
            if found.group("shift").startswith("the ") and shift_word in {"past", "last", "next", "coming"}:
                return None  # "the past year" is a duration, handled below
            shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(shift_word, 0)
            return _shifted(unit, shift, anchor)
    found = _UNIT_EARLIER.match(t)
    if found and found.group("unit") in UNITS:
        sign = 1 if found.group("direction") == "later" else -1
        return _moved(1, found.group("unit"), sign, anchor)
    found = _AGO.match(t)
    if found:
        number = parse_number(found.group("number"))
        unit = found.group("unit").rstrip("s")
        if isinstance(number, int) and unit in UNITS:
            sign = 1 if found.group("direction") in {"later", "from now", "hence"} else -1
            return _moved(number, unit, sign, anchor)
        if number == "X" and unit in UNITS:
            return Normalized(
                "DATE", "PAST_REF" if found.group("direction") in {"ago", "earlier", "before"} else "FUTURE_REF"
            )
    if t in {"year-earlier", "year-ago", "a year-earlier", "the year-earlier", "the year-ago"}:
        return _year(anchor.year - 1)
    return None


def _moved(number: int, unit: str, sign: int, anchor: dt.date) -> Normalized | None:
    if unit == "year":
        return _year(anchor.year + sign * number)
    if unit == "month":
        moved = _shift_months(anchor, sign * number)
        return _month(moved.year, moved.month)
    if unit == "week":
        return _week(anchor + dt.timedelta(weeks=sign * number))
    if unit == "day":
        return _date(anchor + dt.timedelta(days=sign * number))
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + sign * number
        return _quarter(index // 4, index % 4 + 1)
    if unit == "decade":
        decade = anchor.year // 10 + sign * number
        return _decade(decade)
    return None


_PART_OF_YEAR = re.compile(
    r"^(?:the\s+)?(?P<edge>first|last|final)\s+(?P<number>[\w-]+)\s+months\s+of\s+(?P<which>the year|this year|last year|(?:1[5-9]|20)\d{2})$"
)


def _part_of_year(t: str, anchor: dt.date, tense: str) -> Normalized | None:
    """ "the first five months of the year": a duration with its place in the calendar."""
    found = _PART_OF_YEAR.match(t)
    number = parse_number(found.group("number")) if found else None
    if found is None or not isinstance(number, int) or not 1 <= number <= 12:
        return None
    which = found.group("which")
    year = anchor.year - 1 if which == "last year" else int(which) if which[0].isdigit() else anchor.year
    first_month = 1 if found.group("edge") == "first" else 13 - number
    last_month = first_month + number - 1
    end = dt.date(year, last_month, calendar.monthrange(year, last_month)[1])
    return Normalized("DURATION", f"P{number}M", dt.date(year, first_month, 1), end, "month")


_AND_A_HALF = re.compile(
    r"^(?:(?:about|some|nearly|almost|more than|less than|over|at least)\s+)?"
    r"(?P<number>\d+|[a-z]+)(?:\s+1/2|\s+and\s+a\s+half|-and-a-half)[\s-]+(?P<unit>year|month|day|hour)s?$"
)
_HALF_OF = {
    "year": ("Y", "6M", False),
    "month": ("M", "15D", False),
    "day": ("D", "T12H", False),
    "hour": ("H", "30M", True),
}


def _duration_or_set(t: str, anchor: dt.date, tense: str) -> Normalized | None:
    if t in SETS:
        return Normalized("SET", SETS[t])
    half = _AND_A_HALF.match(t)
    if half and isinstance(number := parse_number(half.group("number")), int):
        letter, rest, is_time = _HALF_OF[half.group("unit")]
        return Normalized("DURATION", f"P{'T' if is_time else ''}{number}{letter}{rest}")
    found = re.match(r"^(?:every|each)\s+(?P<name>[a-z]+)(?P<plural>s)?$", t)
    if found and found.group("name") in WEEKDAYS:
        return Normalized("SET", f"XXXX-WXX-{WEEKDAYS[found.group('name')] + 1}")
    if found and found.group("name") in MONTHS and found.group("name") not in {"may", "march"}:
        return Normalized("SET", f"XXXX-{MONTHS[found.group('name')]:02d}")
    found = re.match(r"^(?:every|each|per|a|an)\s+(?P<unit>[a-z]+)$", t)
    if found and found.group("unit") in UNITS and not t.startswith(("a ", "an ")):
        letter, is_time = UNITS[found.group("unit")]
        return Normalized("SET", f"P{'T' if is_time else ''}1{letter}")
    found = _DURATION.match(re.sub(r"\s(?:trading|business|working|calendar)(?=\s+(?:day|week)s?$)", "", t))
    if found:
        unit = found.group("unit")
        letter, is_time = UNITS[unit]
        raw_number = (found.group("number") or "").strip()
        if raw_number in MONTHS or raw_number in WEEKDAYS:
            return None
        if raw_number:
            number = parse_number(raw_number)
            if number is None or (isinstance(number, int) and number >= 1000 and unit != "year"):
                return None  # "the 1988 quarter" is a quarter of 1988, not 1,988 of them
        else:
            number = "X" if t.endswith("s") and not t.endswith("ss") else 1
        if unit == "quarter":
            letter, number = "M", (number * 3 if isinstance(number, int) else "X")
        if unit == "decade":
            letter, number = "Y", (number * 10 if isinstance(number, int) else "X")
        if unit == "century":
            letter, number = "Y", (number * 100 if isinstance(number, int) else "X")
        return Normalized("DURATION", f"P{'T' if is_time else ''}{number}{letter}")
    return None


def _time_of_day(t: str, anchor: dt.date, tense: str) -> Normalized | None:
    found = _PART_OF_DAY.match(t)
    if found:
        day_word = found.group("day") or "this"
        part = PARTS_OF_DAY[found.group("part")]
        if day_word in {"this", "today"}:
            day = anchor
        elif day_word == "yesterday":
            day = anchor - dt.timedelta(days=1)
        elif day_word == "tomorrow":
            day = anchor + dt.timedelta(days=1)
        elif day_word == "last" and part == "NI":
            day = anchor - dt.timedelta(days=1)
        elif day_word in WEEKDAYS:
            day = _weekday(WEEKDAYS[day_word], anchor, tense)
        else:
            return None
        return Normalized("TIME", f"{day.isoformat()}T{part}", day, day, "part-of-day")
    found = re.match(r"^(?P<hour>\d{1,2}|[a-z]+) (?:o'clock )?in the (?P<part>morning|afternoon|evening|night)$", t)
    if found and isinstance(hour := parse_number(found.group("hour")), int) and 1 <= hour <= 12:
        hour += (
            12
            if found.group("part") in {"afternoon", "evening"} or (found.group("part") == "night" and hour > 5)
            else 0
        )
        return Normalized("TIME", f"{anchor.isoformat()}T{hour % 24:02d}:00", anchor, anchor, "minute")
    if t in {"noon", "midday"}:
        return Normalized("TIME", f"{anchor.isoformat()}T12:00", anchor, anchor, "minute")
    if t == "midnight":
        return Normalized("TIME", f"{anchor.isoformat()}T24:00", anchor, anchor, "minute")
    found = re.match(r"^(?P<part>morning|afternoon|evening|night)\s+(?P<day>yesterday|today|tomorrow|[a-z]+day)$", t)
    if found:
        return _time_of_day(f"{found.group('day')} {found.group('part')}", anchor, tense)
    with_day = re.match(
        r"^(?P<clock>.+?)\s+(?:on\s+)?(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)$", t
    ) or re.match(r"^(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:,|\s+at)?\s+(?P<clock>.+)$", t)
    if with_day:
        day = _weekday(WEEKDAYS[with_day.group("day")], anchor, tense)
        clock = _time_of_day(with_day.group("clock"), day, tense)
        if clock is not None:
            return clock
    with_date = re.match(
        r"^(?P<clock>[\d:]+\s*[ap]\.?m\.?(?:\s+[a-z]{3})?|noon|midnight),?\s+(?:on\s+)?(?P<day>.+)$", t
    )
    if with_date:
        day_value = _calendar(with_date.group("day"), anchor, tense)
        if day_value is not None and day_value.granularity == "day" and day_value.start is not None:
            clock = _time_of_day(with_date.group("clock"), day_value.start, tense)
            if clock is not None:
                return clock
    found = _CLOCK.match(t)
    if found and (found.group("half") or found.group("minute")):
        hour = int(found.group("hour"))
        half = (found.group("half") or "").replace(".", "")
        if half == "pm" and hour < 12:
            hour += 12
        if half == "am" and hour == 12:
            hour = 0
        minute = int(found.group("minute") or 0)
        if hour > 24 or minute > 59:
            return None
        return Normalized("TIME", f"{anchor.isoformat()}T{hour:02d}:{minute:02d}", anchor, anchor, "minute")
    return None
