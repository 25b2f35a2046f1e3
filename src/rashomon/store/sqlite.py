"""Typed reads and writes over the SQLite store.

Writers run inside :meth:`Store.transaction`, so an article, its sentences,
mentions and entity links land together or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rashomon.errors import StoreError
from rashomon.ingest.dedupe import Signature
from rashomon.model import (
    Annotation,
    Article,
    BoilerplateBlock,
    Claim,
    CorpusEntity,
    Event,
    Mention,
    Place,
    PlaceMention,
    Problem,
    Quote,
    Role,
    TextSpan,
)
from rashomon.store.events import (
    EventFilter,
    StoredEvent,
    event_days,
    event_locations,
    insert_events,
    read_events,
)
from rashomon.store.quotes import (
    QuoteFilter,
    StoredClaim,
    StoredQuote,
    insert_claims,
    insert_quotes,
    read_claims,
    read_quotes,
)
from rashomon.store.schema import MIGRATIONS, SCHEMA_VERSION
from rashomon.store.stories import (
    StoredStory,
    article_facts,
    grouped_in_window,
    lacking_sentence_vectors,
    read_sentence_vectors,
    read_stories,
    read_story,
    read_vectors,
    story_of,
    ungrouped_article_ids,
    write_sentence_vectors,
    write_stories,
    write_vectors,
)
from rashomon.stories.features import StoredArticleFacts


@dataclass(frozen=True)
class SourceRecord:
    """Where an article came from, and whether it was stored or is a duplicate."""

    source_key: str
    article_id: str
    origin: str
    line: int | None
    status: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    duplicate_kind: str | None = None
    similarity: float | None = None


@dataclass(frozen=True)
class EntityMatch:
    """A stored entity found through one of its keys."""

    id: str
    name: str
    type: str


@dataclass(frozen=True)
class ArticleEntity:
    """A corpus entity together with its mentions in one article."""

    entity: CorpusEntity
    mentions: tuple[Mention, ...]


def _optional_text(value: object) -> str | None:
    return None if value is None else str(value)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class SentenceHit:
    """A sentence found by full-text search, with its BM25 rank (lower is better)."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    rank: float
    outlet: str | None
    published: str | None


@dataclass(frozen=True)
class PlaceCount:
    """A stored place and how often the corpus mentions it."""

    place: Place
    mentions: int
    articles: int

    def place_json(self) -> dict[str, object]:
        from rashomon.jsonout import place_json

        return place_json(self.place) or {}


_NOT_IN_A_PHRASE = re.compile(r'["\x00-\x1f\x7f]')


def fts_phrase(word: str) -> str | None:
    """A word as a quoted FTS5 phrase, or None when nothing searchable is left. Double quotes would
    end the phrase and control characters (a NUL from a query string) end SQLite's string early."""
    cleaned = _NOT_IN_A_PHRASE.sub(" ", word).strip()
    return f'"{cleaned}"' if cleaned else None


class Store:
    """A Rashomon database. Open with :meth:`Store.open`; close when done."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) and migrate the database at ``path``."""
        target = Path(path)
        if target.parent and not target.parent.exists():
            raise StoreError(f"{target}: directory {target.parent} does not exist")
        try:
            connection = sqlite3.connect(target, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{target}: not a Rashomon database ({exc})") from exc
        connection.execute("PRAGMA foreign_keys=ON")
        connection.execute("PRAGMA synchronous=NORMAL")
        store = cls(connection, target)
        store._migrate()
        return store

    @classmethod
    def open_readonly(cls, path: Path | str) -> Store:
        """Open an existing, up-to-date database for reading only (the API serves these)."""
        target = Path(path)
        if not target.is_file():
            raise StoreError(f"{target}: no database here; run `rashomon ingest` first")
        try:
            connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True, check_same_thread=False)
            store = cls(connection, target)
            version = store.schema_version
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{target}: not a Rashomon database ({exc})") from exc
        if version != SCHEMA_VERSION:
            connection.close()
            raise StoreError(
                f"{target}: schema version {version}, expected {SCHEMA_VERSION}; run `rashomon ingest` once to upgrade"
            )
        return store

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        current = self.schema_version
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {current} is newer than this Rashomon ({SCHEMA_VERSION}); upgrade Rashomon"
            )
        for version in range(current, SCHEMA_VERSION):
            # executescript commits any open transaction first, so the script carries its own.
            try:
                self._db.executescript(
                    f"BEGIN IMMEDIATE;\n{MIGRATIONS[version]}\nPRAGMA user_version = {version + 1};\nCOMMIT;"
                )
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise StoreError(f"{self.path}: migration to schema version {version + 1} failed ({exc})") from exc

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All writes inside happen together or not at all."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # --- ingest-time reads -------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def has_source(self, source_key: str, article_id: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM sources WHERE source_key = ? AND article_id = ?", (source_key, article_id)
        )
        return row.fetchone() is not None

    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, Signature]]:
        """Stored articles sharing at least one MinHash band with ``bands``."""
        rows = self._db.execute(
            "SELECT DISTINCT s.article_id, s.minhash FROM signature_bands b JOIN signatures s ON s.article_id = b.article_id "
            "WHERE " + " OR ".join("(b.band = ? AND b.hash = ?)" for _ in bands),
            [value for pair in enumerate(bands) for value in pair],
        )
        return [(article_id, Signature.from_bytes(blob)) for article_id, blob in rows]

    def entities_with_key(self, key: str) -> list[EntityMatch]:
        rows = self._db.execute(
            "SELECT e.id, e.name, e.type FROM entity_keys k JOIN entities e ON e.id = k.entity_id WHERE k.key = ? ORDER BY e.rowid",
            (key,),
        )
        return [EntityMatch(*row) for row in rows]

    def labelled_mentions(self, entity_id: str) -> dict[str, list[tuple[str, str]]]:
        """Each article's mentions of the entity as (text, model label), in the order they occur."""
        rows = self._db.execute(
            "SELECT article_id, text, label FROM mentions WHERE entity_id = ? ORDER BY article_id, start", (entity_id,)
        )
        found: dict[str, list[tuple[str, str]]] = {}
        for article_id, text, label in rows:
            found.setdefault(article_id, []).append((text, label))
        return found

    def mention_count(self, entity_id: str) -> int:
        row = self._db.execute("SELECT mention_count FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return int(row[0]) if row else 0

    def entity_exists(self, entity_id: str) -> bool:
        return self._db.execute("SELECT 1 FROM entities WHERE id = ?", (entity_id,)).fetchone() is not None

    # --- writes (call inside transaction()) --------------------------------

    def insert_article(self, annotation: Annotation) -> None:
        article = annotation.article
        self._db.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                article.id,
                article.source_id,
                article.origin,
                article.title,
                article.outlet,
                article.url,
                article.published.isoformat() if article.published else None,
                article.byline,
                json.dumps(list(article.tags), ensure_ascii=False),
                article.text,
                json.dumps([{"kind": b.kind, "text": b.text} for b in article.boilerplate], ensure_ascii=False),
                None
                if article.listed_sources is None
                else json.dumps(list(article.listed_sources), ensure_ascii=False),
                article.word_count,
                f"{annotation.provenance.model_name} {annotation.provenance.model_version}",
                _now(),
            ),
        )
        self._db.executemany(
            "INSERT INTO sentences VALUES (?,?,?,?)",
            [(article.id, index, span.start, span.end) for index, span in enumerate(annotation.sentences)],
        )
        self._db.executemany(
            "INSERT INTO sentence_search (text, article_id, idx) VALUES (?,?,?)",
            [
                (article.text[span.start : span.end], article.id, index)
                for index, span in enumerate(annotation.sentences)
            ],
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO times VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    article.id,
                    t.start,
                    t.end,
                    t.text,
                    t.type,
                    t.value,
                    *(t.interval or (None, None)),
                    t.granularity,
                    t.anchored_on,
                )
                for t in annotation.times
            ],
        )

        places = [m.place for m in annotation.places if m.place is not None]
        if annotation.focus is not None:
            places += [p for p in (annotation.focus.country, annotation.focus.city) if p is not None]
        places += [e.location for e in annotation.events if e.location is not None]
        self.insert_places(places)
        self._db.executemany(
            "INSERT OR IGNORE INTO place_mentions VALUES (?,?,?,?,?,?)",
            [(article.id, m.start, m.end, m.text, m.use, m.place.id if m.place else None) for m in annotation.places],
        )
        if annotation.focus is not None and (annotation.focus.country or annotation.focus.city):
            self._db.execute(
                "INSERT OR REPLACE INTO article_focus VALUES (?,?,?)",
                (
                    article.id,
                    annotation.focus.country.id if annotation.focus.country else None,
                    annotation.focus.city.id if annotation.focus.city else None,
                ),
            )

    def insert_places(self, places: Sequence[Place]) -> None:
        """Gazetteer entries the stored articles point to (each once)."""
        self._db.executemany(
            "INSERT OR IGNORE INTO places VALUES (?,?,?,?,?,?,?,?,?)",
            [(p.id, p.geonameid, p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.population) for p in places],
        )

    def insert_signature(self, article_id: str, signature: Signature) -> None:
        self._db.execute("INSERT OR REPLACE INTO signatures VALUES (?, ?)", (article_id, signature.to_bytes()))
        self._db.executemany(
            "INSERT OR IGNORE INTO signature_bands VALUES (?,?,?)",
            [(band, value, article_id) for band, value in enumerate(signature.bands())],
        )

    def insert_source(self, source: SourceRecord) -> None:
        self._db.execute(
            "INSERT OR IGNORE INTO sources VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            (
                source.source_key,
                source.article_id,
                source.origin,
                source.line,
                source.status,
                source.duplicate_kind,
                source.similarity,
                source.title,
                source.outlet,
                source.published,
                _now(),
            ),
        )

    def insert_entity(self, entity_id: str, *, name: str, entity_type: str, country: str | None) -> None:
        self._db.execute(
            "INSERT INTO entities (id, name, type, country) VALUES (?,?,?,?)", (entity_id, name, entity_type, country)
        )

    def update_entity(
        self, entity_id: str, *, name: str | None = None, country: str | None = None, entity_type: str | None = None
    ) -> None:
        if entity_type is not None:
            self._db.execute("UPDATE entities SET type = ? WHERE id = ?", (entity_type, entity_id))
        if name is not None:
            self._db.execute("UPDATE entities SET name = ? WHERE id = ?", (name, entity_id))
            self._db.execute("DELETE FROM entity_aliases WHERE entity_id = ? AND alias = ?", (entity_id, name))
        if country is not None:
            self._db.execute("UPDATE entities SET country = COALESCE(country, ?) WHERE id = ?", (country, entity_id))

    def add_entity_facts(
        self, entity_id: str, *, keys: Sequence[str], aliases: Sequence[str], roles: Sequence[Role], article_id: str
    ) -> None:
        self._db.executemany("INSERT OR IGNORE INTO entity_keys VALUES (?,?)", [(key, entity_id) for key in keys])
        self._db.executemany(
            "INSERT OR IGNORE INTO entity_aliases VALUES (?,?)", [(entity_id, alias) for alias in aliases]
        )
        self._db.executemany(
            "INSERT OR IGNORE INTO entity_roles VALUES (?,?,?,?)",
            [(entity_id, role.title, role.country or "", article_id) for role in roles],
        )

    def insert_mentions(self, article_id: str, entity_id: str, mentions: Sequence[Mention]) -> None:
        seen_here = self._db.execute(
            "SELECT 1 FROM mentions WHERE article_id = ? AND entity_id = ? LIMIT 1", (article_id, entity_id)
        ).fetchone()
        before = self._db.total_changes
        self._db.executemany(
            "INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?)",
            [(article_id, entity_id, m.start, m.end, m.text, m.label, m.sentence) for m in mentions],
        )
        added = self._db.total_changes - before
        if added:
            self._db.execute(
                "UPDATE entities SET mention_count = mention_count + ?, article_count = article_count + ? WHERE id = ?",
                (added, 0 if seen_here else 1, entity_id),
            )

    def insert_events(self, article_id: str, events: Sequence[Event], corpus_ids: Mapping[str, str]) -> None:
        insert_events(self._db, article_id, events, corpus_ids)

    def insert_quotes(self, article_id: str, quotes: Sequence[Quote], corpus_ids: Mapping[str, str]) -> None:
        insert_quotes(self._db, article_id, quotes, corpus_ids)

    def insert_claims(self, article_id: str, claims: Sequence[Claim], corpus_ids: Mapping[str, str]) -> None:
        insert_claims(self._db, article_id, claims, corpus_ids)

    def quotes(self, where: QuoteFilter | None = None) -> list[StoredQuote]:
        return read_quotes(self._db, where or QuoteFilter())

    def claims(self, where: QuoteFilter | None = None) -> list[StoredClaim]:
        return read_claims(self._db, where or QuoteFilter())

    def events(self, where: EventFilter | None = None) -> list[StoredEvent]:
        return read_events(self._db, where or EventFilter())

    def event_days(self, where: EventFilter | None = None) -> dict[str | None, int]:
        return event_days(self._db, where or EventFilter())

    def event_locations(self, where: EventFilter | None = None) -> list[tuple[Place, int]]:
        return event_locations(self._db, where or EventFilter())

    # --- stories ---------------------------------------------------------------

    def ungrouped_article_ids(self) -> list[str]:
        return ungrouped_article_ids(self._db)

    def article_facts(self, article_ids: Sequence[str]) -> list[StoredArticleFacts]:
        return article_facts(self._db, article_ids)

    def grouped_in_window(self, since: str | None, until: str | None) -> dict[str, list[str]]:
        return grouped_in_window(self._db, since, until)

    def read_vectors(self, article_ids: Sequence[str], model: str) -> dict[str, np.ndarray]:
        return read_vectors(self._db, article_ids, model)

    def write_vectors(self, vectors: Mapping[str, np.ndarray], model: str) -> None:
        write_vectors(self._db, vectors, model)

    def read_sentence_vectors(self, article_ids: Sequence[str], model: str) -> dict[str, np.ndarray]:
        return read_sentence_vectors(self._db, article_ids, model)

    def write_sentence_vectors(self, vectors: Mapping[str, np.ndarray], model: str) -> None:
        write_sentence_vectors(self._db, vectors, model)

    def lacking_sentence_vectors(self, article_ids: Sequence[str], model: str) -> list[str]:
        return lacking_sentence_vectors(self._db, article_ids, model)

    def write_stories(
        self, members: Mapping[str, Sequence[str]], *, centrality: Mapping[str, float] | None = None
    ) -> None:
        write_stories(self._db, members, _now(), centrality)

    def stories(
        self,
        *,
        min_articles: int = 1,
        outlet: str | None = None,
        entity: str | None = None,
        limit: int | None = None,
    ) -> list[StoredStory]:
        return read_stories(self._db, min_articles=min_articles, outlet=outlet, entity=entity, limit=limit)

    def story(self, story_id: str) -> StoredStory | None:
        return read_story(self._db, story_id)

    def article_sentences(self, article_id: str) -> list[TextSpan]:
        rows = self._db.execute("SELECT start, end FROM sentences WHERE article_id = ? ORDER BY idx", (article_id,))
        return [TextSpan(int(start), int(end)) for start, end in rows]

    def article_roles(self, article_id: str) -> dict[str, list[str]]:
        """Titles the article gives each entity ("interim president"), keyed by entity id."""
        roles: dict[str, list[str]] = {}
        for entity_id, title in self._db.execute(
            "SELECT entity_id, title FROM entity_roles WHERE article_id = ? ORDER BY title", (article_id,)
        ):
            roles.setdefault(str(entity_id), []).append(str(title))
        return roles

    def story_of(self, article_id: str) -> str | None:
        return story_of(self._db, article_id)

    def record_failure(self, problem: Problem) -> None:
        """Remember a failed document (autocommits; safe outside a transaction)."""
        self._db.execute(
            "INSERT OR REPLACE INTO failures VALUES (?,?,?,?,?)",
            (problem.origin, problem.line or 0, problem.code, problem.reason, _now()),
        )

    # --- reads for the surfaces --------------------------------------------

    def count(self, table: str) -> int:
        if table not in {
            "articles",
            "entities",
            "mentions",
            "sources",
            "failures",
            "events",
            "times",
            "places",
            "place_mentions",
            "quotes",
            "claims",
            "stories",
        }:
            raise ValueError(table)
        return int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def articles(self, *, outlet: str | None = None, limit: int | None = None) -> list[Article]:
        sql = (
            "SELECT * FROM articles"
            + (" WHERE outlet = ?" if outlet else "")
            + " ORDER BY published IS NULL, published, id"
        )
        params: list[object] = [outlet] if outlet else []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [self._article(row) for row in self._db.execute(sql, params)]

    def place_counts(self, *, country: str | None = None, limit: int | None = None) -> list[PlaceCount]:
        """Places mentioned in the store with mention and article counts, most mentioned first."""
        sql = (
            "SELECT p.id, p.geonameid, p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.population, "
            "COUNT(*), COUNT(DISTINCT m.article_id) FROM place_mentions m JOIN places p ON p.id = m.place_id"
            + (" WHERE p.country = ?" if country else "")
            + " GROUP BY p.id ORDER BY COUNT(*) DESC, p.name"
        )
        params: list[object] = [country.upper()] if country else []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [PlaceCount(Place(*row[:9]), row[9], row[10]) for row in self._db.execute(sql, params)]

    def article_places(self, article_id: str) -> list[PlaceMention]:
        rows = self._db.execute(
            "SELECT m.start, m.end, m.text, m.use, p.id, p.geonameid, p.name, p.feature, p.country, p.admin1, "
            "p.lat, p.lon, p.population FROM place_mentions m LEFT JOIN places p ON p.id = m.place_id "
            "WHERE m.article_id = ? ORDER BY m.start",
            (article_id,),
        )
        return [PlaceMention(row[0], row[1], row[2], Place(*row[4:13]) if row[4] else None, row[3]) for row in rows]

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or the only one whose id starts with it."""
        row = self._db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is not None:
            return self._article(row)
        # A range on the primary key, not LIKE: LIKE would read every article.
        rows = self._db.execute(
            "SELECT * FROM articles WHERE id >= ? AND id < ? LIMIT 2", (article_id, article_id + "\U0010ffff")
        ).fetchall()
        return self._article(rows[0]) if len(rows) == 1 else None

    def sources_of(self, article_id: str) -> list[SourceRecord]:
        rows = self._db.execute(
            "SELECT source_key, article_id, origin, line, status, title, outlet, published, duplicate_kind, similarity "
            "FROM sources WHERE article_id = ? ORDER BY first_seen, source_key",
            (article_id,),
        )
        return [SourceRecord(*row) for row in rows]

    def failures(self) -> list[Problem]:
        rows = self._db.execute("SELECT origin, code, reason, line FROM failures ORDER BY origin, line")
        return [Problem(origin, code, reason, line or None) for origin, code, reason, line in rows]

    _ENTITY_COUNTS = "SELECT e.id, e.name, e.type, e.country, e.mention_count, e.article_count FROM entities e"

    def entity(self, entity_id: str) -> CorpusEntity | None:
        row = self._db.execute(self._ENTITY_COUNTS + " WHERE e.id = ?", (entity_id,)).fetchone()
        return self._entity(row) if row and row[0] is not None else None

    def ranked_sentences(self, terms: Sequence[str], *, limit: int) -> list[SentenceHit]:
        """Sentences matching any of ``terms`` (stemmed full-text search), best BM25 first."""
        phrases = [phrase for phrase in map(fts_phrase, terms) if phrase]
        if not phrases:
            return []
        return self.match_sentences(" OR ".join(phrases), limit=limit)

    def match_sentences(self, query: str, *, limit: int) -> list[SentenceHit]:
        """Sentences matching an FTS5 query, best BM25 first."""
        rows = self._db.execute(
            "SELECT f.article_id, f.idx, s.start, s.end, f.text, bm25(sentence_search) AS rank, a.outlet, a.published "
            "FROM sentence_search f JOIN sentences s ON s.article_id = f.article_id AND s.idx = f.idx "
            "JOIN articles a ON a.id = f.article_id WHERE sentence_search MATCH ? ORDER BY rank LIMIT ?",
            (query, limit),
        )
        return [SentenceHit(*row) for row in rows]

    def sentence_frequencies(self, words: Sequence[str]) -> tuple[dict[str, int], int]:
        """How many sentences hold each word (stemmed as the index stems it), and how many there are."""
        counts = {
            word: int(
                self._db.execute(
                    "SELECT COUNT(*) FROM sentence_search WHERE sentence_search MATCH ?", (phrase,)
                ).fetchone()[0]
            )
            for word in words
            if (phrase := fts_phrase(word))
        }
        total = int(self._db.execute("SELECT COUNT(*) FROM sentences").fetchone()[0])
        return counts, total

    def entities_in_sentence(self, article_id: str, index: int) -> set[str]:
        rows = self._db.execute(
            "SELECT DISTINCT entity_id FROM mentions WHERE article_id = ? AND sentence = ?", (article_id, index)
        )
        return {str(row[0]) for row in rows}

    def entities_named(self, text: str) -> dict[str, str]:
        """Entities (id -> type) whose canonical name or an alias is ``text`` (any case)."""
        rows = self._db.execute(
            "SELECT e.id, e.type FROM entities e WHERE e.name = ? COLLATE NOCASE "
            "UNION SELECT e.id, e.type FROM entity_aliases a JOIN entities e ON e.id = a.entity_id "
            "WHERE a.alias = ? COLLATE NOCASE",
            (text, text),
        ).fetchall()
        if not rows:  # a person by surname: "Lavrov", "Sharaa" for "Ahmed al-Sharaa"
            rows = self._db.execute(
                "SELECT id, type FROM entities WHERE type = 'PERSON' AND (name LIKE ? OR name LIKE ?)",
                (f"% {text}", f"%-{text}"),
            ).fetchall()
        return {str(row[0]): str(row[1]) for row in rows}

    def outlets(self) -> list[str]:
        return [
            str(row[0]) for row in self._db.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL")
        ]

    def search_sentences(self, words: str, *, limit: int) -> list[tuple[str, int, int, str]]:
        """Sentences containing every word: (article id, start, end, sentence text), newest first."""
        phrases = [phrase for phrase in map(fts_phrase, words.split()) if phrase]
        if not phrases:
            return []
        # The full-text index finds the sentences (words as the index stems them); newest first.
        sql = (
            "SELECT f.article_id, s.start, s.end, f.text FROM sentence_search f "
            "JOIN sentences s ON s.article_id = f.article_id AND s.idx = f.idx "
            "JOIN articles a ON a.id = f.article_id WHERE sentence_search MATCH ? "
            "ORDER BY a.published IS NULL, a.published DESC, f.article_id, s.start LIMIT ?"
        )
        rows = self._db.execute(sql, [" AND ".join(phrases), limit])
        return [(str(r[0]), int(r[1]), int(r[2]), str(r[3])) for r in rows]

    def entities(self, *, entity_type: str | None = None, limit: int | None = None) -> list[CorpusEntity]:
        sql = (
            self._ENTITY_COUNTS
            + (" WHERE e.type = ?" if entity_type else "")
            + " ORDER BY e.mention_count DESC, e.name"
        )
        params: list[object] = [entity_type] if entity_type else []
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [self._entity(row) for row in self._db.execute(sql, params).fetchall()]

    def co_mentioned(self, entity_id: str, *, articles: int, limit: int) -> list[tuple[str, str, int]]:
        """(id, name, articles) of the entities most often named with this one in its latest articles."""
        rows = self._db.execute(
            "WITH recent AS (SELECT m.article_id, MAX(a.published) AS day FROM mentions m "
            "JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? GROUP BY m.article_id "
            "ORDER BY day IS NULL, day DESC LIMIT ?) "
            "SELECT m.entity_id, e.name, COUNT(DISTINCT m.article_id) AS n FROM mentions m "
            "JOIN recent r ON r.article_id = m.article_id JOIN entities e ON e.id = m.entity_id "
            "WHERE m.entity_id != ? GROUP BY m.entity_id ORDER BY n DESC, e.name LIMIT ?",
            (entity_id, articles, entity_id, limit),
        )
        return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def article_entities(self, article_id: str) -> list[ArticleEntity]:
        """The entities mentioned in one article, in order of first mention, with those mentions."""
        rows = self._db.execute(
            self._ENTITY_COUNTS + " WHERE e.id IN (SELECT entity_id FROM mentions WHERE article_id = ?)",
            (article_id,),
        ).fetchall()
        by_entity: dict[str, list[Mention]] = {}
        for entity_id, start, end, text, label, sentence in self._db.execute(
            "SELECT entity_id, start, end, text, label, sentence FROM mentions WHERE article_id = ? ORDER BY start",
            (article_id,),
        ):
            by_entity.setdefault(entity_id, []).append(Mention(start, end, text, label, sentence))
        entities = {str(row[0]): self._entity(row) for row in rows}
        return [ArticleEntity(entities[entity_id], tuple(found)) for entity_id, found in by_entity.items()]

    def _entity(self, row: Sequence[object]) -> CorpusEntity:
        entity_id = str(row[0])
        aliases = tuple(
            a
            for (a,) in self._db.execute(
                "SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,)
            )
        )
        stated = self._db.execute(
            "SELECT DISTINCT title, country FROM entity_roles WHERE entity_id = ? ORDER BY title, country DESC",
            (entity_id,),
        ).fetchall()
        with_country = {title for title, country in stated if country}
        # "President" adds nothing beside "President (RUS)".
        roles = tuple(Role(title, country or None) for title, country in stated if country or title not in with_country)
        return CorpusEntity(entity_id, str(row[1]), str(row[2]), row[3], aliases, roles, int(row[4]), int(row[5]))  # type: ignore[arg-type, call-overload]

    @staticmethod
    def _article(row: Sequence[object]) -> Article:
        (
            article_id,
            source_id,
            origin,
            title,
            outlet,
            url,
            published,
            byline,
            tags,
            text,
            boilerplate,
            listed,
            _wc,
            _model,
            _at,
        ) = row
        return Article(
            id=str(article_id),
            source_id=str(source_id),
            origin=str(origin),
            title=_optional_text(title),
            outlet=_optional_text(outlet),
            url=_optional_text(url),
            published=dt.date.fromisoformat(str(published)) if published else None,
            byline=_optional_text(byline),
            tags=tuple(json.loads(str(tags))),
            text=str(text),
            boilerplate=tuple(BoilerplateBlock(b["kind"], b["text"]) for b in json.loads(str(boilerplate))),
            listed_sources=None if listed is None else tuple(json.loads(str(listed))),
        )
