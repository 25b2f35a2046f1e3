"""Ingest into the store: idempotence, duplicates, failures, cross-article entities."""

import shutil

from rashomon.service import ingest_paths
from rashomon.store import Store


def _ingest(paths, settings, engine):
    with Store.open(settings.db_path) as store:
        return ingest_paths([str(p) for p in paths], settings=settings, engine=engine, store=store)


def test_reingest_changes_nothing(fixture_path, settings, engine):
    first = _ingest([fixture_path / "wire.jsonl"], settings, engine)
    assert (first.stored, first.duplicates, first.failed) == (2, 1, 2)
    with Store.open(settings.db_path) as store:
        before = (store.count("articles"), store.count("mentions"), store.count("entities"), store.count("sources"))
    second = _ingest([fixture_path / "wire.jsonl"], settings, engine)
    assert (second.stored, second.unchanged, second.duplicates) == (0, 3, 0)
    with Store.open(settings.db_path) as store:
        assert (
            store.count("articles"),
            store.count("mentions"),
            store.count("entities"),
            store.count("sources"),
        ) == before


def test_exact_duplicate_is_linked_not_stored(fixture_path, settings, engine):
    _ingest([fixture_path / "wire.jsonl"], settings, engine)
    with Store.open(settings.db_path) as store:
        grain = next(a for a in store.articles() if a.source_id == "w-2")
        statuses = sorted((s.source_key.rsplit("#", 1)[1], s.status) for s in store.sources_of(grain.id))
    assert statuses == [("w-2", "stored"), ("w-4", "duplicate")]


def test_near_duplicate_is_linked(tmp_path, settings, engine):
    body = (
        "Syrian officials said on Tuesday that talks in Damascus with a delegation from the United Nations would continue "
        "next week, after two days of meetings on the return of refugees from Lebanon and Jordan. The delegation visited "
        "a reception centre near the border and met families who had come back during the summer. Aid agencies warned "
        "that housing, schools and clinics in many districts remain damaged, and that winter fuel is scarce. The "
        "government promised to simplify the paperwork for identity documents and property claims, a demand raised by "
        "returnees at every stop. Donors meeting in Brussels next month are expected to discuss funding for the plan."
    )
    (tmp_path / "a.txt").write_text(body, encoding="utf-8")
    (tmp_path / "b.txt").write_text(body.replace("next week", "next month", 1), encoding="utf-8")
    summary = _ingest([tmp_path], settings, engine)
    assert (summary.stored, summary.duplicates) == (1, 1)


def test_failures_are_recorded_and_earlier_data_survives(tmp_path, fixture_path, settings, engine):
    _ingest([fixture_path / "moscow_talks.txt"], settings, engine)
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    shutil.copy(fixture_path / "german.txt", tmp_path / "german.txt")
    summary = _ingest([tmp_path], settings, engine)
    assert summary.failed == 2
    with Store.open(settings.db_path) as store:
        assert store.count("articles") == 1
        assert sorted(p.code for p in store.failures()) == ["empty", "not-english"]


def test_entities_link_across_articles(fixture_path, settings, engine):
    _ingest([fixture_path / "moscow_talks.txt", fixture_path / "kremlin_visit.txt"], settings, engine)
    with Store.open(settings.db_path) as store:
        people = {e.name: e for e in store.entities(entity_type="PERSON")}
    sharaa = [e for e in people.values() if "Sharaa" in e.name]
    assert len(sharaa) == 1 and sharaa[0].article_count == 2
    assert {"Ahmad al-Sharaa", "Abu Mohammad al-Julani"} <= set(sharaa[0].aliases) | {sharaa[0].name}
    # "President Putin" alone in the first article joins Vladimir Putin from the second.
    assert "Putin" not in people and people["Vladimir Putin"].article_count == 2
    with Store.open(settings.db_path) as store:
        bases = [e for e in store.entities(entity_type="FAC") if "Hmeimim" in e.name]
    assert len(bases) == 1 and bases[0].article_count == 2
