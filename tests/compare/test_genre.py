"""An article's kind, as its outlet labelled it."""

from __future__ import annotations

from rashomon.compare.genre import article_genre, load_genre_labels
from rashomon.model import Article


def _article(title: str, *, tags: tuple[str, ...] = (), url: str | None = None) -> Article:
    return Article("a1", "s1", "test", title, "The Valdia Courier", url, None, None, tags, "Body text.")


def test_the_title_a_tag_or_the_address_says_what_kind_of_piece_it_is():
    labels = load_genre_labels()
    found = article_genre(_article("Opinion: Valdia's young protesters deserve answers"), labels)
    assert found is not None and (found.kind, found.label, found.where) == ("opinion", "Opinion", "title")
    tagged = article_genre(_article("A reckoning in Valdia", tags=("Valdia", "Editorial")), labels)
    assert tagged is not None and (tagged.kind, tagged.where) == ("editorial", "tag")
    filed = article_genre(
        _article("What the vote means", url="https://courier.example/news-analysis/2027/vote"), labels
    )
    assert filed is not None and (filed.kind, filed.where) == ("analysis", "address")


def test_a_report_and_a_place_before_a_colon_are_no_genre():
    labels = load_genre_labels()
    assert article_genre(_article("Valdia: police fire tear gas at marchers"), labels) is None
    assert article_genre(_article("Police fire tear gas", url="https://courier.example/world/africa/x"), labels) is None
