import datetime as dt

import pytest

from rashomon.config import Settings
from rashomon.errors import InputError
from rashomon.ingest.clean import clean_document
from rashomon.ingest.readers import read_inputs
from rashomon.model import RawDocument


def _one(path, settings=None):
    settings = settings or Settings()
    documents = [d for d in read_inputs([str(path)], settings=settings) if isinstance(d, RawDocument)]
    return clean_document(documents[0], settings=settings)


def test_plain_text_article(fixture_path):
    article = _one(fixture_path / "kremlin_visit.txt")
    assert article.published == dt.date(2025, 11, 2)
    assert article.byline == "Dana Whitfield"
    assert article.outlet == "Example Ledger"
    assert article.title is None
    assert article.text.startswith("Russian President Vladimir Putin")
    assert article.listed_sources == ()
    assert "HTS" in article.tags


def test_headline_line_becomes_title(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(
        "Talks resume in Geneva\nDelegations from the government and the opposition met again on Monday.",
        encoding="utf-8",
    )
    article = _one(path)
    assert article.title == "Talks resume in Geneva"
    assert article.text.startswith("Delegations")


def test_html_main_text_and_metadata_with_scripts_dropped(fixture_path):
    article = _one(fixture_path / "page.html")
    assert article.title.startswith("Envoy visits Damascus")
    assert article.byline == "Rana Haddad"
    assert article.published == dt.date(2025, 9, 3)
    assert article.outlet == "Example Times"
    assert "alert" not in article.text and "Home | World" not in article.text
    assert "reconstruction of damaged neighbourhoods" in article.text


def test_html_with_only_scripts_fails_clearly(fixture_path):
    with pytest.raises(InputError) as caught:
        _one(fixture_path / "scripts_only.html")
    assert caught.value.code == "no-text"


def test_non_english_text_is_refused(fixture_path):
    with pytest.raises(InputError) as caught:
        _one(fixture_path / "german.txt")
    assert caught.value.code == "not-english"


def test_text_over_the_character_limit(fixture_path):
    with pytest.raises(InputError) as caught:
        _one(fixture_path / "moscow_talks.txt", Settings(max_chars=100))
    assert caught.value.code == "too-large"


def test_csv_rows_with_cp1252_and_lost_characters(fixture_path):
    settings = Settings()
    documents = [
        d for d in read_inputs([str(fixture_path / "cp1252.csv")], settings=settings) if isinstance(d, RawDocument)
    ]
    first, second = (clean_document(d, settings=settings) for d in documents)
    assert first.title == "Strike on depot \u2013 monitor" and first.outlet == "SANA"
    assert first.published == dt.date(2017, 4, 5) and first.source_id == "1"
    assert second.title == "Syria\u2019s talks resume" and second.outlet == "Reuters"


def test_an_english_earnings_table_is_kept(tmp_path):
    path = tmp_path / "earnings.txt"
    rows = ["Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs 2,858,000", "Assets 510.2 mln vs 479.7 mln",
            "Deposits 472.3 mln vs 440.3 mln", "Loans 299.2 mln vs 327.2 mln",
            "Note: 4th qtr not available. Year includes 1985 extraordinary gain from tax carry forward."]  # fmt: skip
    path.write_text("\n".join(rows), encoding="utf-8")
    article = _one(path)
    assert "Assets 510.2 mln" in article.text


def test_html_metadata_without_the_sites_tagline_its_name_in_the_title_and_the_publisher_as_writer(fixture_path):
    article = _one(fixture_path / "publisher_page.html")
    assert article.outlet == "Harbour Post"
    assert article.title == "Ferry service to resume after storm repairs"
    # The meta tag names the copyright holder, a publisher; the page's structured data names the writer.
    assert article.byline == "Ines Moreau"
    assert article.text.startswith("The ferry between Port Elm and Gull Island")  # the headline is not repeated
    assert "Read more" not in article.text and "Council approves" not in article.text
    assert not article.text.endswith("(END)")
    assert [b.kind for b in article.boilerplate] == ["related", "related", "related", "related", "contact", "end"]


def test_html_text_does_not_open_with_the_sites_name(tmp_path):
    page = tmp_path / "logo.html"
    paragraphs = "".join(
        f"<p>{sentence}</p>"
        for sentence in (
            "Harbour Post",
            "The ferry between Port Elm and Gull Island will run again on Monday, the harbour authority said.",
            "Engineers replaced four of the pier's wooden piles and the ramp that carries cars onto the deck.",
            "Shop owners said the closure had cost them most of their weekend trade in the busy season.",
        )
    )
    page.write_text(
        '<html><head><title>Ferry to resume</title><meta property="og:site_name" content="Harbour Post"></head>'
        f"<body><article>{paragraphs}</article></body></html>",
        encoding="utf-8",
    )
    article = _one(page)
    assert article.outlet == "Harbour Post"
    assert article.text.startswith("The ferry between Port Elm")


def test_a_wire_dated_only_by_its_dateline():
    text = (
        "Europe pledges air defence for Kyiv\n\nBERLIN, March 3, 2026 \u2014 Germany and Britain promised on "
        "Tuesday to send more air-defence systems to Ukraine after a night of strikes on its capital."
    )
    article = clean_document(RawDocument("wire.txt", "wire.txt", text, "text"), settings=Settings())
    assert article.published == dt.date(2026, 3, 3)
