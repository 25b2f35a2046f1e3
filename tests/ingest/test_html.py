"""Page metadata helpers, on values written for these tests."""

from rashomon.ingest.html import copyright_holder, json_ld_people, site_name, title_without_site, writers


def test_site_name_drops_a_tagline():
    assert site_name("Harbour Post | News for the Bay") == "Harbour Post"
    assert site_name("Harbour Post - News for the Bay") == "Harbour Post"
    assert site_name("Harbour Post") == "Harbour Post"
    assert site_name("  ") is None


def test_title_without_the_sites_name_before_or_after_it():
    names = ("Harbour Post | News for the Bay", "Harbour Post")
    assert title_without_site("Harbour Post | News for the Bay: Ferry to resume", names) == "Ferry to resume"
    assert title_without_site("Ferry to resume | Harbour Post", names) == "Ferry to resume"
    assert title_without_site("Ferry to resume - Harbour Post", names) == "Ferry to resume"
    assert title_without_site("Ferry to resume -- Harbour Post", names) == "Ferry to resume"
    assert title_without_site("Ferry to resume | Harbour Post Local News", names) == "Ferry to resume"
    assert title_without_site("Harbour Post: Ferry", names) == "Harbour Post: Ferry"  # one word would be left
    assert title_without_site("Harbour posts record profit", names) == "Harbour posts record profit"


def test_the_copyright_holder_and_the_outlet_are_not_writers():
    page = '<meta name="copyright" content="Copyright (c) Quayside Media 2025"><meta name="author" content="x">'
    assert copyright_holder(page) == "Quayside Media"
    assert copyright_holder('<meta content="\u00a9 2024 Bay News, Inc." name="copyright">') == "Bay News Inc"
    assert copyright_holder("<title>No meta</title>") is None
    assert writers("Quayside Media; Ines Moreau", ("Quayside Media", "Harbour Post")) == "Ines Moreau"
    assert writers("Ines Moreau; CNN", (None, "CNN")) == "Ines Moreau"
    assert writers("Harbour Post", ("Harbour Post",)) is None
    assert writers("Bay News, Inc.; Ines Moreau", ("Bay News Inc",)) == "Ines Moreau"


def test_json_ld_authors_are_people_found_anywhere_in_the_pages_structured_data():
    page = (
        '<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "author": '
        '[{"@type": "Person", "name": "Ines  Moreau"}, {"@type": "Organization", "name": "Harbour Post"}]}]}'
        "</script><script type='application/ld+json'>{not json}</script>"
        '<script type="application/ld+json">{"author": {"name": "Sam Okafor"}}</script>'
    )
    assert json_ld_people(page) == ("Ines Moreau", "Sam Okafor")
    assert json_ld_people("<p>no data</p>") == ()
