import datetime as dt

import pytest

from rashomon.timex.normalize import normalize

PUBLISHED = dt.date(2025, 10, 21)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "tense", "value", "interval"),
    [
        ("Oct. 15", "past", "2025-10-15", ("2025-10-15", "2025-10-15")),
        ("Oct. 25", "future", "2025-10-25", ("2025-10-25", "2025-10-25")),
        ("Oct. 25", "past", "2024-10-25", ("2024-10-25", "2024-10-25")),
        ("Feb. 3", "future", "2026-02-03", None),
        ("late last year", "past", "2024", ("2024-01-01", "2024-12-31")),
        ("July 2025", "past", "2025-07", ("2025-07-01", "2025-07-31")),
        ("September 2015", "past", "2015-09", None),
        ("the first five months of the year", "past", "P5M", ("2025-01-01", "2025-05-31")),
        ("Friday", "past", "2025-10-17", None),
        ("Friday", "future", "2025-10-24", None),
        ("yesterday", "past", "2025-10-20", None),
        ("last month", "past", "2025-09", None),
        ("this week", "present", "2025-W43", None),
        ("the third quarter", "past", "2025-Q3", None),
        ("a year ago", "past", "2024", None),
        ("two weeks ago", "past", "2025-W41", None),
        ("the 1990s", "past", "199", None),
        ("the nineties", "past", "199", None),
        ("a 49-year", "past", "P49Y", None),
        ("three years", "past", "P3Y", None),
        ("years", "past", "PXY", None),
        ("daily", "past", "P1D", None),
        ("now", "present", "PRESENT_REF", None),
        ("recently", "past", "PAST_REF", None),
        ("9:30 a.m.", "past", "2025-10-21T09:30", None),
        ("Wednesday night", "past", "2025-10-15TNI", None),
        ("almost four years ago", "past", "2021", None),
        ("the quarter ended Sept. 30", "past", "2025-Q3", None),
        ("nineteen ninety-six", "past", "1996", None),
        ("January nineteen ninety-seven", "past", "1997-01", None),
        ("a couple of years", "past", "P2Y", None),
        ("almost a hundred years", "past", "P100Y", None),
        ("2 1/2 years", "past", "P2Y6M", None),
        ("two and a half hours", "past", "PT2H30M", None),
        ("eight trading days", "past", "P8D", None),
        ("the 2024 third quarter", "past", "2024-Q3", None),
        ("next year's first quarter", "past", "2026-Q1", None),
        ("last year's quarter", "past", "2024-Q3", None),  # the quarter a results story reports
        ("the last half of 2024", "past", "2024-H2", None),
        ("this past spring", "past", "2025-SP", None),
        ("recent years", "past", "PAST_REF", None),
        ("a later date", "future", "FUTURE_REF", None),
        ("the weeks ahead", "future", "PXW", None),
        ("each Thursday", "past", "XXXX-WXX-4", None),
        ("every July", "past", "XXXX-07", None),
        ("Election Day", "future", "2025-11-04", None),
        ("earlier in the year", "past", "2025", None),
        ("the eighth day", "past", "2025-10-21", None),
        ("9 a.m. Tuesday", "future", "2025-10-21T09:00", None),
        ("5 p.m. EST, Nov. 6", "future", "2025-11-06T17:00", None),
        ("afternoon yesterday", "past", "2025-10-20TAF", None),
        ("4 in the morning", "past", "2025-10-21T04:00", None),
    ],
)
def test_values(text, tense, value, interval):
    found = normalize(text, anchor=PUBLISHED, tense=tense)
    assert found is not None and found.value == value, (text, found)
    if interval:
        assert (found.start.isoformat(), found.end.isoformat()) == interval


@pytest.mark.parametrize(
    "text", ["the fall of Assad", "may", "March on", "banana", "the Kremlin", "the 1988 quarters", "each may"]
)
def test_words_that_are_not_dates(text):
    assert normalize(text, anchor=PUBLISHED) is None
