import datetime as dt

import pytest

from rashomon.ingest.metadata import outlet_from_url, outlet_name, parse_published


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("10/21/2025", dt.date(2025, 10, 21)),
        ("4/5/17", dt.date(2017, 4, 5)),
        ("2017/2/7", dt.date(2017, 2, 7)),
        ("2025-09-03T08:00:00Z", dt.date(2025, 9, 3)),
        ("26-FEB-1987 15:01:01.79", dt.date(1987, 2, 26)),
        ("Wed, 15 Oct 2025 10:00:00 +0000", dt.date(2025, 10, 15)),
        ("", None),
        ("not a date", None),
    ],
)
def test_parse_published(raw, expected):
    assert parse_published(raw) == expected


def test_outlets_from_codes_and_domains():
    assert outlet_name("tass") == "TASS"
    assert outlet_name("Some Local Paper") == "Some Local Paper"
    assert outlet_from_url("https://www.aljazeera.com/news/2017/1/1/x") == "Al Jazeera"
    assert outlet_from_url("https://europe.chinadaily.com.cn/a") == "China Daily"
    assert outlet_from_url("https://unknown.example.org/a") == "unknown.example.org"


def test_unknown_time_zone_names_are_ignored_without_warnings():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert parse_published("26-FEB-1987 15:01:01.79 RM") == dt.date(1987, 2, 26)
