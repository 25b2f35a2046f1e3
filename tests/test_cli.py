"""The CLI as a user runs it: exit codes, JSON on stdout, errors on stderr."""

import json
from pathlib import Path

from rashomon.cli import main
from rashomon.store.sqlite import Store


def test_analyze_prints_one_json_object_per_article(engine, fixture_path, capsys):
    status = main(["analyze", str(fixture_path / "kremlin_visit.txt"), str(fixture_path / "moscow_talks.txt")])
    out = capsys.readouterr().out.splitlines()
    assert status == 0 and len(out) == 2
    record = json.loads(out[0])
    assert {"id", "source_id", "title", "outlet", "url", "published", "byline", "tags", "text", "entities"} <= set(
        record
    )
    assert record["published"] == "2025-11-02" and record["byline"] == "Dana Whitfield"
    for entity in record["entities"]:
        assert entity["type"] in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
        for mention in entity["mentions"]:
            assert record["text"][mention["start"] : mention["end"]] == mention["text"]


def test_analyze_reports_bad_input_and_goes_on(engine, tmp_path, fixture_path, capsys):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    status = main(["analyze", str(tmp_path / "empty.txt"), str(fixture_path / "moscow_talks.txt")])
    captured = capsys.readouterr()
    assert status == 1
    assert len(captured.out.splitlines()) == 1
    assert "empty.txt: error: file is empty [empty]" in captured.err


def test_ingest_list_show_report(engine, tmp_path, fixture_path, capsys):
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "ingest", "--quiet", str(fixture_path)]) == 1  # the fixtures include bad files on purpose
    summary = capsys.readouterr().out
    assert "failed" in summary
    assert main(["--db", db, "articles", "--json"]) == 0
    articles = json.loads(capsys.readouterr().out)
    assert len(articles) >= 4
    assert main(["--db", db, "entities", "--json"]) == 0
    entities = json.loads(capsys.readouterr().out)
    assert any(e["name"] == "Vladimir Putin" and "Putin" in e["aliases"] for e in entities)
    assert main(["--db", db, "show", articles[0]["id"][:8], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["id"] == articles[0]["id"] and shown["sources"]
    report = tmp_path / "report.html"
    assert main(["--db", db, "report", "--html", str(report)]) == 0
    assert "report written" in capsys.readouterr().out
    html = report.read_text(encoding="utf-8")
    assert "Vladimir Putin" in html
    assert "<script" not in html.lower() and " src=" not in html and "<link" not in html  # nothing runs, nothing loads
    assert main(["--db", db, "failures", "--json"]) == 0
    assert {f["code"] for f in json.loads(capsys.readouterr().out)} >= {"not-english", "no-text", "bad-json"}


def test_listing_without_a_database_is_a_clear_error(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "none.db"), "articles"]) == 2
    assert "no database yet" in capsys.readouterr().err


def test_events_listing_filters_and_exports(engine, tmp_path, fixture_path, capsys):
    db = str(tmp_path / "ev.db")
    assert (
        main(
            [
                "--db",
                db,
                "ingest",
                "--quiet",
                str(fixture_path / "kremlin_visit.txt"),
                str(fixture_path / "moscow_talks.txt"),
            ]
        )
        == 0
    )
    capsys.readouterr()
    assert main(["--db", db, "events", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)
    assert events and all(e["type"] for e in events)
    assert main(["--db", db, "events", "--type", "CONSULT", "--actor", "Putin", "--json"]) == 0
    consult = json.loads(capsys.readouterr().out)
    assert consult and all(e["type"] == "CONSULT" for e in consult)
    assert any(e["source"]["name"] == "Vladimir Putin" for e in consult)
    # Any spelling of an alias finds the same actor.
    assert main(["--db", db, "events", "--actor", "Julani", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["--db", db, "events", "--country", "XYZ", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    out = tmp_path / "events.tsv"
    assert main(["--db", db, "export", "--format", "gdelt", "--output", str(out)]) == 0
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(events) and all(len(row) == 61 for row in rows)
    # Where: every event is placed, the Kremlin meeting in the Kremlin; filters by place and box.
    assert all(e["place"] and e["place"]["lat"] is not None for e in events)
    assert main(["--db", db, "events", "--place", "Kremlin", "--type", "CONSULT", "--json"]) == 0
    in_kremlin = json.loads(capsys.readouterr().out)
    assert in_kremlin and all(e["place"]["name"] == "the Kremlin" for e in in_kremlin)
    assert main(["--db", db, "events", "--bbox", "55,37,56,38", "--json"]) == 0
    in_moscow = json.loads(capsys.readouterr().out)
    assert in_moscow and all(55 <= e["place"]["lat"] <= 56 for e in in_moscow)
    assert len(in_moscow) < len(events)
    assert main(["--db", db, "events", "--bbox", "north"]) == 2
    assert "--bbox" in capsys.readouterr().err


def test_places_lists_what_the_store_mentions(engine, tmp_path, fixture_path, capsys):
    db = str(tmp_path / "pl.db")
    assert main(["--db", db, "ingest", "--quiet", str(fixture_path / "kremlin_visit.txt")]) == 0
    capsys.readouterr()
    assert main(["--db", db, "places", "--json"]) == 0
    places = {p["name"]: p for p in json.loads(capsys.readouterr().out)}
    assert places["Hmeimim Air Base"]["feature"] == "base" and places["Hmeimim Air Base"]["mentions"] == 1
    assert places["Moscow"]["geonameid"] == 524901 and places["Syria"]["country"] == "SYR"
    assert main(["--db", db, "places", "--country", "SYR"]) == 0
    listing = capsys.readouterr().out
    assert "Hmeimim Air Base" in listing and "Moscow" not in listing


def test_eval_without_shared_data_is_a_clear_error(tmp_path, capsys):
    assert main(["eval", "events", "--shared", str(tmp_path)]) == 2
    assert "eval/events not found" in capsys.readouterr().err


def test_report_lists_events(engine, tmp_path, fixture_path, capsys):
    db = str(tmp_path / "r.db")
    assert main(["--db", db, "ingest", "--quiet", str(fixture_path / "kremlin_visit.txt")]) == 0
    report = tmp_path / "report.html"
    assert main(["--db", db, "report", "--html", str(report)]) == 0
    html = report.read_text(encoding="utf-8")
    assert "who did what to whom" in html and "CONSULT" in html


def test_a_layer_failing_on_one_article_costs_neither_the_article_nor_the_batch(
    engine, tmp_path, fixture_path, capsys, monkeypatch
):
    import rashomon.nlp.annotate as annotate

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValueError("a bug in the quote layer")

    monkeypatch.setattr(annotate, "find_quotes", broken)
    db = str(tmp_path / "robust.db")
    files = [str(fixture_path / "kremlin_visit.txt"), str(fixture_path / "moscow_talks.txt")]
    assert main(["--db", db, "ingest", "--quiet", *files]) == 0
    err = capsys.readouterr().err
    assert (
        "kremlin_visit.txt: warning: quotes failed on this article (ValueError: a bug in the quote layer) [layer-failed]"
        in err
    )
    assert main(["--db", db, "articles", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 2
    assert main(["--db", db, "events", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)  # the other layers were kept


def test_story_lists_the_events_with_an_actor_and_counts_the_rest(engine, tmp_path, capsys):  # type: ignore[no-untyped-def]
    report = tmp_path / "truce.txt"
    report.write_text(
        "Ceasefire holds in Belcor\n\nThe army of Valdoria shelled the town of Belcor on Monday, officials said. "
        "Residents were told to surrender. Talks were held on Monday night. A truce was agreed late on Tuesday, "
        "and the shelling stopped.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "truce.db")
    assert main(["--db", db, "ingest", "--quiet", str(report)]) == 0
    with Store.open(Path(db)) as store:
        (article,) = store.articles()
        story = store.story_of(article.id)
    capsys.readouterr()
    assert main(["--db", db, "story", story]) == 0
    listed = capsys.readouterr().out
    assert "army of Valdoria -> shelled -> Belcor" in listed
    assert "Residents -> surrender -> -" in listed  # told to surrender: they are the ones who would
    assert "-> held ->" not in listed
    assert "and 1 event(s) with neither actor named" in listed
    assert main(["--db", db, "story", story, "--json"]) == 0
    as_json = json.loads(capsys.readouterr().out)
    assert "held Talks" in [e["trigger"]["text"] for e in as_json["events"]]
    assert {"type": "ASSAULT", "outlets": 1} in [
        {"type": r["type"], "outlets": len(r["outlets"])} for r in as_json["reported"]
    ]
