"""RSS and Atom feeds saved as files, on feeds written for these tests."""

import io

from rashomon.config import Settings
from rashomon.ingest.feeds import html_to_text, read_feed
from rashomon.ingest.readers import read_inputs
from rashomon.model import Problem, RawDocument
from rashomon.service import clean_all


def _read(paths, stdin=None):
    settings = Settings()
    items = list(clean_all(read_inputs([str(p) for p in paths], settings=settings, stdin=stdin), settings=settings))
    return [i for i in items if not isinstance(i, Problem)], [i for i in items if isinstance(i, Problem)]


def test_rss_items_are_articles_with_their_metadata(fixture_path):
    articles, problems = _read([fixture_path / "feeds" / "harbour.rss"])
    ferry, wall = articles
    assert ferry.title == "Ferry service to resume after storm repairs" and ferry.outlet == "Harbour Post"
    assert ferry.url == "https://harbour.example.org/2025/03/14/ferry-resumes"
    assert ferry.source_id == "harbour-2025-0314-ferry"
    assert str(ferry.published) == "2025-03-14" and ferry.byline == "Ines Moreau"
    assert ferry.tags == ("Transport", "Gull Island")
    paragraphs = ferry.text.split("\n")
    assert len(paragraphs) == 3 and paragraphs[0].startswith("The ferry between Port Elm")
    assert "track()" not in ferry.text and "The pier on Thursday" not in ferry.text  # script and caption
    # An item with a description only is read, with a warning; an item with no text is an error with its line.
    assert wall.text.startswith("The town council of Port Elm voted") and "<p>" not in wall.text
    assert [(p.code, p.severity, p.line) for p in problems] == [
        ("summary-only", "warning", 23),
        ("no-text", "error", 29),
    ]


def test_atom_entries_take_the_alternate_link_every_author_and_xhtml_content(fixture_path):
    (school,), problems = _read([fixture_path / "feeds" / "bay.atom"])
    assert problems == []
    assert school.outlet == "Bay Observer" and school.url == "https://bay.example.net/gull-island-school"
    assert school.byline == "Sam Okafor; Lena Berg" and school.tags == ("Education",)
    assert school.text.split("\n")[1].startswith("Pupils had been taught in the church hall")


def test_a_broken_feed_is_an_error_naming_its_line_and_the_rest_of_the_folder_is_read(fixture_path):
    articles, problems = _read([fixture_path / "feeds"])
    assert len(articles) == 3
    (broken,) = [p for p in problems if p.code == "bad-feed"]
    assert broken.origin.endswith("broken.rss") and broken.line == 4 and "not well-formed" in broken.reason


def test_xml_that_is_no_feed_is_refused_when_named_and_passed_over_in_a_folder(tmp_path):
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>')
    articles, problems = _read([sitemap])
    assert articles == [] and [p.code for p in problems] == ["bad-feed"] and "<urlset>" in problems[0].reason
    assert _read([tmp_path]) == ([], [])


def test_a_feed_on_standard_input_is_recognised(fixture_path):
    data = (fixture_path / "feeds" / "bay.atom").read_bytes()
    (school,), _ = _read(["-"], stdin=io.BytesIO(data))
    assert school.title == "Gull Island school reopens after flood damage"


def test_entities_are_never_expanded_nor_fetched():
    lines = "".join(f'<!ENTITY a{n} "{f"&a{n - 1};" * 10}">' for n in range(1, 9))
    bomb = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a0 "lol">{lines}]>'
        "<rss><channel><title>x</title><item><description>&a8; The ferry sank.</description></item></channel></rss>"
    ).encode()
    (refused,) = read_feed(bomb, origin="bomb.rss")
    assert isinstance(refused, Problem) and refused.code == "bad-feed"
    outside = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
        b"<rss><channel><title>x</title><item><description>&x; The ferry sank.</description></item></channel></rss>"
    )
    documents = [d for d in read_feed(outside, origin="x.rss") if isinstance(d, RawDocument)]
    assert documents[0].body.endswith("The ferry sank.") and len(documents[0].body) < 40


def test_html_to_text_keeps_paragraphs_and_line_breaks():
    assert html_to_text("<p>One <b>two</b></p><p>Three<br>Four</p><style>p{}</style>") == "One two\nThree\nFour"
    assert html_to_text("plain text") == "plain text"
