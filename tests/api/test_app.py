"""The HTTP API as a client sees it: pages, filters, errors, tokens, read-only."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rashomon.api.app import create_app
from rashomon.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def database(engine, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("api") / "api.db"
    files = [str(FIXTURES / "kremlin_visit.txt"), str(FIXTURES / "moscow_talks.txt")]
    assert main(["--db", str(db), "ingest", "--quiet", *files]) == 0
    return db


@pytest.fixture(scope="module")
def client(database: Path) -> TestClient:
    return TestClient(create_app(database))


def test_lists_page_with_cursors_until_the_end(client):
    first = client.get("/api/entities", params={"limit": 3}).json()
    assert len(first["items"]) == 3 and first["next_cursor"]
    seen = [item["id"] for item in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        page = client.get("/api/entities", params={"limit": 3, "cursor": cursor}).json()
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
    everything = client.get("/api/entities", params={"limit": 200}).json()
    assert seen == [item["id"] for item in everything["items"]] and len(seen) == len(set(seen))


def test_article_entity_and_filters(client):
    (article, *_) = client.get("/api/articles").json()["items"]
    full = client.get(f"/api/articles/{article['id']}").json()
    assert {"text", "entities", "events", "quotes", "claims", "places", "boilerplate"} <= set(full)
    peskov = client.get("/api/quotes", params={"speaker": "Peskov"}).json()["items"]
    assert peskov and all(q["speaker"]["name"] == "Dmitry Peskov" for q in peskov)
    entity = client.get(f"/api/entities/{peskov[0]['speaker']['entity']}").json()
    assert entity["name"] == "Dmitry Peskov" and entity["quotes"]
    kremlin = client.get("/api/events", params={"place": "Kremlin"}).json()["items"]
    assert kremlin and all(e["place"]["name"] == "the Kremlin" for e in kremlin)
    boxed = client.get("/api/events", params={"bbox": "55,37,56,38"}).json()["items"]
    assert boxed and all(55 <= e["place"]["lat"] <= 56 for e in boxed)
    hits = client.get("/api/search", params={"q": "naval facility"}).json()["items"]
    assert hits and all("naval facility" in hit["text"] for hit in hits)
    assert client.get("/api/places", params={"country": "SYR"}).json()["items"]
    assert client.get("/api/claims", params={"kind": "self"}).json()["items"]


def test_events_of_exactly_one_entity_and_quotes_naming_an_entity(client):
    events = client.get("/api/events", params={"limit": 200}).json()["items"]
    actor = next(e["source"]["entity"] for e in events if e["source"] and e["source"]["entity"])
    found = client.get("/api/events", params={"entity": actor, "limit": 200}).json()["items"]
    expected = [e for e in events if actor in {(e["source"] or {}).get("entity"), (e["target"] or {}).get("entity")}]
    assert found and [e["id"] for e in found] == [e["id"] for e in expected]
    entities = client.get("/api/entities", params={"limit": 200}).json()["items"]
    syria = next(e["id"] for e in entities if e["name"] == "Syria")
    naming = client.get("/api/quotes", params={"naming": syria}).json()["items"]
    assert naming and all("Syria" in q["text"] for q in naming)
    everything = client.get("/api/quotes", params={"limit": 200}).json()["items"]
    assert len(naming) < len(everything)
    speakers = {q["speaker"]["entity"] for q in everything if q["speaker"] and q["speaker"]["entity"]}
    for speaker in speakers:  # the speaker's own name beside the quote does not count as naming
        for quote in client.get("/api/quotes", params={"naming": speaker}).json()["items"]:
            assert quote["speaker"]["entity"] != speaker or quote["speaker"]["name"].split()[-1] in quote["text"]
    assert client.get("/api/claims", params={"naming": syria}).status_code == 200


def test_errors_are_json(client):
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    bad = client.get("/api/events", params={"limit": 0})
    assert bad.status_code == 422 and "limit" in bad.json()["error"]["message"]
    assert client.get("/api/events", params={"cursor": "garbage"}).json()["error"]["code"] == "bad_request"
    assert client.get("/api/events", params={"bbox": "north"}).status_code == 422
    write = client.post("/api/articles", json={})
    assert write.status_code == 405 and write.json()["error"]["code"] == "method_not_allowed"


def test_openapi_is_published_and_no_page_loads_remote_scripts(client):
    spec = client.get("/openapi.json").json()
    assert "/api/events" in spec["paths"] and "/api/quotes" in spec["paths"]
    assert client.get("/docs").status_code == 404


def test_a_token_guards_every_route(database):
    guarded = TestClient(create_app(database, token="s3cret"))
    assert guarded.get("/api/articles").status_code == 401
    assert guarded.get("/openapi.json").json()["error"]["code"] == "unauthorized"
    assert guarded.get("/api/articles", headers={"Authorization": "Bearer s3cret"}).status_code == 200


def test_no_cors_unless_asked(database):
    plain = TestClient(create_app(database))
    assert (
        "access-control-allow-origin" not in plain.get("/api/articles", headers={"Origin": "https://x.example"}).headers
    )
    open_to = TestClient(create_app(database, cors_origins=["https://x.example"]))
    response = open_to.get("/api/articles", headers={"Origin": "https://x.example"})
    assert response.headers["access-control-allow-origin"] == "https://x.example"


def test_serve_refuses_to_expose_the_store_without_a_token(database, capsys, monkeypatch):
    monkeypatch.delenv("RASHOMON_API_TOKEN", raising=False)
    assert main(["--db", str(database), "serve", "--host", "0.0.0.0"]) == 2
    assert "token" in capsys.readouterr().err


def test_a_missing_database_is_a_clear_error(tmp_path):
    response = TestClient(create_app(tmp_path / "absent.db")).get("/api/articles")
    assert response.status_code == 503 and "rashomon ingest" in response.json()["error"]["message"]


def test_ask_answers_with_citations_or_refuses(client):
    answered = client.get("/api/ask", params={"q": "Who did Putin receive in the Kremlin?"}).json()
    assert answered["answered"] and answered["by_outlet"][0]["sentences"][0]["article"]
    refused = client.get("/api/ask", params={"q": "What did Emmanuel Macron say about the pier?"}).json()
    assert not refused["answered"] and "Macron" in refused["reason"]
    page = client.get("/ask", params={"q": "What did Emmanuel Macron say about the pier?"})
    assert page.status_code == 200 and "No answer." in page.text


def test_stories_and_their_comparison(client):
    stories = client.get("/api/stories").json()
    assert stories["items"], "the two fixture reports of the Moscow visit make a story"
    story = stories["items"][0]
    assert story["articles"] == 2 and story["outlets"] >= 1
    one = client.get(f"/api/stories/{story['id']}").json()
    assert [m["id"] for m in one["members"]] and one["id"] == story["id"]
    assert "reported" in one and all({"type", "outlets", "events"} <= set(r) for r in one["reported"])
    comparison = client.get(f"/api/stories/{story['id']}/compare").json()
    assert {"articles", "groups", "subjects", "themes", "framing", "counts"} <= set(comparison)
    assert len(comparison["framing"]) == 2
    for group in comparison["groups"]:
        assert group["label"] in {"shared", "single", "conflict"}
        for statement in group["statements"]:
            assert statement["text"] and statement["end"] > statement["start"]
    missing = client.get("/api/stories/s-none/compare")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
