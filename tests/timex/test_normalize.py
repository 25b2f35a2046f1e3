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
    ],
)
def test_values(text, tense, value, interval):
    found = normalize(text, anchor=PUBLISHED, tense=tense)
    assert found is not None and found.value == value, (text, found)
    if interval:
        assert (found.start.isoformat(), found.end.isoformat()) == interval


@pytest.mark.parametrize("text", ["the fall of Assad", "may", "March on", "banana", "the Kremlin"])
def test_words_that_are_not_dates(text):
    assert normalize(text, anchor=PUBLISHED) is None
