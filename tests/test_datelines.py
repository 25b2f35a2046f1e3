"""Where a leading dateline, its town and its date are, from the text alone."""

import pytest

from rashomon.datelines import dateline_agency, dateline_date, dateline_town_end


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


def test_the_agency_of_a_dateline_is_found_with_its_brackets():
    text = "AKTAU, Kazakhstan, Dec. 24, 2026 (CAW) - A passenger jet crashed."
    span = dateline_agency(text)
    assert span is not None and text[span[0] : span[1]] == "(CAW)"
    assert dateline_agency("The talks (in Kessel) ended - at last.") is None
