import sqlite3

import pytest

from rashomon.errors import StoreError
from rashomon.model import Problem
from rashomon.store import SCHEMA_VERSION, Store


def test_new_database_is_migrated_to_the_current_version(tmp_path):
    with Store.open(tmp_path / "x.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.count("articles") == 0


def test_reopening_keeps_data(tmp_path):
    with Store.open(tmp_path / "x.db") as store:
        store.record_failure(Problem("a.txt", "empty", "file is empty"))
    with Store.open(tmp_path / "x.db") as store:
        assert [p.code for p in store.failures()] == ["empty"]


def test_a_failed_transaction_leaves_nothing(tmp_path):
    with Store.open(tmp_path / "x.db") as store:
        with pytest.raises(RuntimeError), store.transaction():
            store.insert_entity("e1", name="Syria", entity_type="GPE", country="SYR")
            raise RuntimeError("boom")
        assert store.count("entities") == 0


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    connection.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises((StoreError, sqlite3.DatabaseError)):
        Store.open(path)


def test_a_version_1_database_is_migrated_in_place(tmp_path):
    from rashomon.store.schema import MIGRATIONS

    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    connection.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    connection.execute(
        "INSERT INTO failures VALUES ('a.txt', 0, 'empty', 'file is empty', '2025-01-01T00:00:00+00:00')"
    )
    connection.commit()
    connection.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.count("events") == 0
        assert [p.code for p in store.failures()] == ["empty"]


def test_articles_stored_before_search_existed_become_searchable(engine, tmp_path, fixture_path):
    from rashomon.cli import main

    path = tmp_path / "v5.db"
    assert main(["--db", str(path), "ingest", "--quiet", str(fixture_path / "kremlin_visit.txt")]) == 0
    connection = sqlite3.connect(path)
    connection.executescript(
        "DROP INDEX entities_by_mentions; DROP INDEX places_lat; ALTER TABLE entities DROP COLUMN mention_count; "
        "ALTER TABLE entities DROP COLUMN article_count; "
        "DROP INDEX events_target_country; DROP INDEX entity_roles_article; DROP TABLE sentence_vectors; DROP TABLE story_articles; DROP TABLE stories; DROP TABLE article_vectors; "
        "DROP TABLE sentence_search; ALTER TABLE quotes DROP COLUMN parts; PRAGMA user_version = 5;"
    )
    connection.close()
    with Store.open(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.ranked_sentences(["Peskov"], limit=5)


def test_event_counts_by_day_and_place_cover_every_match_not_a_page_of_rows(engine, tmp_path, fixture_path):
    from collections import Counter

    from rashomon.cli import main
    from rashomon.store.events import EventFilter

    path = tmp_path / "events.db"
    files = [str(fixture_path / name) for name in ("kremlin_visit.txt", "moscow_talks.txt")]
    assert main(["--db", str(path), "ingest", "--quiet", *files]) == 0
    with Store.open(path) as store:
        every = store.events()
        located = Counter(s.event.location.id for s in every if s.event.location is not None)
        assert located and sum(store.event_days().values()) == len(every)
        assert {place.id: n for place, n in store.event_locations()} == dict(located)
        one_row = EventFilter(limit=1)
        assert len(store.events(one_row)) == 1
        assert sum(n for _, n in store.event_locations(one_row)) == sum(located.values())
        counts = [n for _, n in store.event_locations()]
        assert counts == sorted(counts, reverse=True)


def test_search_words_with_control_characters_or_quotes_are_not_an_error(tmp_path):
    # schemathesis found `/api/search?q=%00`: a NUL ended SQLite's string inside the FTS5 query.
    with Store.open(tmp_path / "search.db") as store:
        assert store.search_sentences("\x00", limit=5) == []
        assert store.search_sentences('Kremlin\x00 "Tartus', limit=5) == []
        assert store.ranked_sentences(["\x00", 'bases"\x1f'], limit=5) == []
        assert store.sentence_frequencies(["\x00", "base"]) == ({"base": 0}, 0)
