"""The web UI as a browser gets it: every page renders, links lead on, hostile text stays inert."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rashomon.api.app import create_app
from rashomon.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def client(engine, tmp_path_factory) -> TestClient:  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("ui") / "ui.db"
    files = [str(FIXTURES / name) for name in ("kremlin_visit.txt", "moscow_talks.txt", "hostile.html")]
    assert main(["--db", str(db), "ingest", "--quiet", *files]) == 0
    return TestClient(create_app(db))


def _links(html: str, prefix: str) -> list[str]:
    return re.findall(rf'href="({prefix}[^"]+)"', html)


def test_every_page_renders_and_links_lead_on(client):
    home = client.get("/")
    assert home.status_code == 200 and "Latest articles" in home.text
    article_link = _links(home.text, "/articles/")[0]
    article = client.get(article_link)
    assert article.status_code == 200 and "<h2>Events</h2>" in article.text
    entity_link = _links(article.text, "/entities/")[0]
    entity = client.get(entity_link)
    assert entity.status_code == 200 and "Timeline of events" in entity.text
    events = client.get("/events", params={"place": "Kremlin"})
    assert events.status_code == 200 and '<svg class="map"' in events.text and "<circle" in events.text
    search = client.get("/search", params={"q": "naval facility"})
    assert search.status_code == 200 and "naval facility" in search.text and _links(search.text, "/articles/")


def test_story_pages_list_and_compare(client):
    listing = client.get("/stories")
    assert listing.status_code == 200
    story = _links(listing.text, "/stories/")[0]
    page = client.get(story)
    assert page.status_code == 200
    for heading in ("Statements lined up", "Who and what each names", "Framing", "The articles side by side"):
        assert heading in page.text
    # Every statement link points at a sentence anchor that exists on the page.
    anchors = set(re.findall(r'id="([A-Z]-s\d+)"', page.text))
    targets = set(re.findall(r'href="#([A-Z]-s\d+)"', page.text))
    assert targets and targets <= anchors
    assert client.get("/stories/nothing-here").status_code == 404


def test_article_page_marks_entities_places_and_quotes_and_shows_boilerplate_apart(client):
    home = client.get("/").text
    kremlin = next(link for link in _links(home, "/articles/") if "Kremlin" in client.get(link).text)
    page = client.get(kremlin).text
    assert 'class="entity"' in page and 'class="place"' in page and 'class="quote"' in page
    assert "Removed from the text" in page and "Tagged Under" not in page.split("Removed from the text")[0]


def test_hostile_html_renders_inert(client):
    home = client.get("/").text
    link = next(link for link in _links(home, "/articles/") if "pier" in client.get(link).text)
    response = client.get(link)
    page = response.text
    assert "<script" not in page.lower()
    assert not re.search(r"<[^>]+\son\w+\s*=", page, re.IGNORECASE)  # no event handler attributes
    assert 'href="javascript:' not in page.lower()
    assert "&lt;script&gt;" in page  # shown as text, not run
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src" not in policy


def test_no_page_loads_anything_remote(client):
    for path in ("/", "/events", "/search?q=Putin"):
        page = client.get(path).text
        assert not re.search(r'(src|href)="(https?:)?//', page), path


def test_missing_things_are_404(client):
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/entities/nope").status_code == 404
