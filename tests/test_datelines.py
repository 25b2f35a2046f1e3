"""Where a leading dateline, its town and its date are, from the text alone."""

import pytest

from rashomon.datelines import dateline_date, dateline_town_end


@pytest.mark.parametrize(
    ("text", "town", "date"),
    [
        ("BERLIN, March 3, 2026 \u2014 Friedrich Merz met ...", "BERLIN", "March 3, 2026"),
        ("WASHINGTON, 3 March 2026 (Reuters) - The Senate ...", "WASHINGTON", "3 March 2026"),
        ("SEOUL, Aug. 20 (Yonhap) -- North Korea ...", "SEOUL", None),  # no year: none guessed
        ("BEIRUT (AFP) - Syrian troops ...", "BEIRUT", None),
        ("Tbilisi, 16 November 2026 \u2014 The Georgian Dream party ...", "Tbilisi", "16 November 2026"),
        ("Port Sudan, Oct. 9, 2026 - The army said ...", "Port Sudan", "Oct. 9, 2026"),
        ("Breaking news, March 3, 2026 \u2014 no dateline here", "", None),
        ("As she said, March 3, 2026 \u2014 no dateline here", "", None),
    ],
)
def test_town_and_date_of_a_dateline(text, town, date):
    assert text[: dateline_town_end(text)].strip() == town
    assert dateline_date(text) == date
