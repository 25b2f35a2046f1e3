"""Story rows: the facts grouping reads, article vectors, and story membership."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from rashomon.stories.features import StoredArticleFacts


@dataclass(frozen=True)
class StoryArticle:
    article_id: str
    title: str | None
    outlet: str | None
    published: str | None
    centrality: float | None = None  # mean similarity to the story's other members; None if not measured


@dataclass(frozen=True)
class StoredStory:
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    article_count: int
    outlet_count: int
    articles: tuple[StoryArticle, ...] = ()


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def article_facts(db: sqlite3.Connection, article_ids: Sequence[str]) -> list[StoredArticleFacts]:
    facts = []
    for article_id in article_ids:
        row = db.execute("SELECT title, text, published, outlet FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            continue
        entities = tuple(
            (str(entity), str(label))
            for entity, label in db.execute("SELECT entity_id, label FROM mentions WHERE article_id = ?", (article_id,))
        )
        rows = db.execute(
            "SELECT m.place_id, p.feature, p.lat, p.lon FROM place_mentions m JOIN places p ON p.id = m.place_id "
            "WHERE m.article_id = ?",
            (article_id,),
        ).fetchall()
        places = tuple((str(place), str(feature)) for place, feature, _, _ in rows)
        coordinates = {
            str(place): (float(lat), float(lon)) for place, _, lat, lon in rows if lat is not None and lon is not None
        }
        times = tuple(
            str(value)
            for (value,) in db.execute(
                "SELECT value FROM times WHERE article_id = ? AND value IS NOT NULL", (article_id,)
            )
        )
        facts.append(
            StoredArticleFacts(article_id, row[0], row[1], _date(row[2]), row[3], entities, places, times, coordinates)
        )
    return facts


def ungrouped_article_ids(db: sqlite3.Connection) -> list[str]:
    # Date, then the order of storing (rowid): grouping is incremental, so its input order must
    # not depend on which articles happened to be stored within the same second.
    rows = db.execute(
        "SELECT a.id FROM articles a LEFT JOIN story_articles s ON s.article_id = a.id "
        "WHERE s.article_id IS NULL ORDER BY COALESCE(a.published, ''), a.rowid"
    )
    return [str(row[0]) for row in rows]


def grouped_in_window(db: sqlite3.Connection, since: str | None, until: str | None) -> dict[str, list[str]]:
    """Stories (and their members in order) whose dates overlap [since, until]; undated stories always."""
    query = (
        "SELECT s.story_id, s.article_id FROM story_articles s JOIN stories t ON t.id = s.story_id "
        "WHERE t.first_date IS NULL OR ? IS NULL OR (t.first_date <= ? AND t.last_date >= ?) "
        "ORDER BY s.story_id, s.position"
    )
    members: dict[str, list[str]] = {}
    for story_id, article_id in db.execute(query, (since, until, since)):
        members.setdefault(str(story_id), []).append(str(article_id))
    return members


def read_vectors(db: sqlite3.Connection, article_ids: Sequence[str], model: str) -> dict[str, np.ndarray]:
    vectors = {}
    for article_id in article_ids:
        row = db.execute(
            "SELECT vector FROM article_vectors WHERE article_id = ? AND model = ?", (article_id, model)
        ).fetchone()
        if row is not None:
            vectors[article_id] = np.frombuffer(row[0], dtype=np.float32)
    return vectors


def write_vectors(db: sqlite3.Connection, vectors: Mapping[str, np.ndarray], model: str) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO article_vectors (article_id, model, vector) VALUES (?, ?, ?)",
        [(article_id, model, np.asarray(vector, dtype=np.float32).tobytes()) for article_id, vector in vectors.items()],
    )


def read_sentence_vectors(db: sqlite3.Connection, article_ids: Sequence[str], model: str) -> dict[str, np.ndarray]:
    """Each article's (sentences, dimensions) float32 array, for the articles that have one."""
    found = {}
    for article_id in article_ids:
        row = db.execute(
            "SELECT sentences, vectors FROM sentence_vectors WHERE article_id = ? AND model = ?", (article_id, model)
        ).fetchone()
        if row is not None and int(row[0]) > 0:
            found[article_id] = np.frombuffer(row[1], dtype=np.float16).reshape(int(row[0]), -1).astype(np.float32)
    return found


def write_sentence_vectors(db: sqlite3.Connection, vectors: Mapping[str, np.ndarray], model: str) -> None:
    # Half precision: a cosine moves by about 1e-4, and the table is half the size.
    db.executemany(
        "INSERT OR REPLACE INTO sentence_vectors (article_id, model, sentences, vectors) VALUES (?, ?, ?, ?)",
        [
            (article_id, model, int(array.shape[0]), np.asarray(array, dtype=np.float16).tobytes())
            for article_id, array in vectors.items()
        ],
    )


def lacking_sentence_vectors(db: sqlite3.Connection, article_ids: Sequence[str], model: str) -> list[str]:
    return [
        article_id
        for article_id in article_ids
        if db.execute(
            "SELECT 1 FROM sentence_vectors WHERE article_id = ? AND model = ?", (article_id, model)
        ).fetchone()
        is None
    ]


def write_stories(
    db: sqlite3.Connection,
    members: Mapping[str, Sequence[str]],
    now: str,
    centrality: Mapping[str, float] | None = None,
) -> None:
    """Replace the membership of the given stories (with each member's centrality, where known) and
    refresh their summary columns."""
    centrality = centrality or {}
    for story_id, article_ids in members.items():
        db.execute("DELETE FROM story_articles WHERE story_id = ?", (story_id,))
        if not article_ids:
            db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
            continue
        db.execute(
            "INSERT INTO stories (id, title, first_date, last_date, article_count, outlet_count, updated_at) "
            "VALUES (?, '', NULL, NULL, 0, 0, ?) ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at",
            (story_id, now),
        )
        marks = ",".join("?" * len(article_ids))
        db.execute(f"DELETE FROM story_articles WHERE article_id IN ({marks})", tuple(article_ids))
        db.executemany(
            "INSERT INTO story_articles (article_id, story_id, position, centrality) VALUES (?, ?, ?, ?)",
            [
                (article_id, story_id, position, centrality.get(article_id))
                for position, article_id in enumerate(article_ids)
            ],
        )
    for story_id in members:
        _refresh(db, story_id)
    db.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_articles)")


def _headline(text: str, words: int = 14) -> str:
    """A title, or the first words of an untitled article's text."""
    first = text.split("\n", 1)[0].split()
    return " ".join(first[:words]) + ("…" if len(first) > words else "")


def _refresh(db: sqlite3.Connection, story_id: str) -> None:
    rows = db.execute(
        "SELECT COALESCE(a.title, substr(a.text, 1, 200)), a.published, a.outlet FROM story_articles s "
        "JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? "
        # The story is named after its most central titled member: its first article may be a
        # digest or a column that later reports do not resemble.
        "ORDER BY a.title IS NULL, COALESCE(s.centrality, 0) DESC, s.position",
        (story_id,),
    ).fetchall()
    if not rows:
        return
    dates = sorted(str(row[1])[:10] for row in rows if row[1])
    titles = [_headline(str(row[0])) for row in rows if row[0]]
    outlets = {row[2] for row in rows if row[2]}
    db.execute(
        "UPDATE stories SET title = ?, first_date = ?, last_date = ?, article_count = ?, outlet_count = ? WHERE id = ?",
        (
            titles[0] if titles else "(untitled)",
            dates[0] if dates else None,
            dates[-1] if dates else None,
            len(rows),
            len(outlets),
            story_id,
        ),
    )


def read_stories(
    db: sqlite3.Connection,
    *,
    min_articles: int = 1,
    outlet: str | None = None,
    entity: str | None = None,
    limit: int | None = None,
) -> list[StoredStory]:
    clauses = ["article_count >= ?"]
    params: list[object] = [min_articles]
    if outlet:
        clauses.append(
            "id IN (SELECT s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE a.outlet = ?)"
        )
        params.append(outlet)
    if entity:
        clauses.append(
            "id IN (SELECT s.story_id FROM story_articles s JOIN mentions m ON m.article_id = s.article_id WHERE m.entity_id = ?)"
        )
        params.append(entity)
    query = (
        "SELECT id, title, first_date, last_date, article_count, outlet_count FROM stories WHERE "
        + " AND ".join(clauses)
        + " ORDER BY outlet_count DESC, article_count DESC, COALESCE(last_date, '') DESC, id"
    )
    if limit is not None:
        query += " LIMIT ?"
        params.append(limit)
    return [_story(db, row) for row in db.execute(query, params).fetchall()]


def read_story(db: sqlite3.Connection, story_id: str) -> StoredStory | None:
    row = db.execute(
        "SELECT id, title, first_date, last_date, article_count, outlet_count FROM stories WHERE id = ?", (story_id,)
    ).fetchone()
    return None if row is None else _story(db, row)


def _story(db: sqlite3.Connection, row: tuple[Any, ...]) -> StoredStory:
    """A story row (id, title, first and last date, article and outlet counts) with its members."""
    story_id, title, first_date, last_date, article_count, outlet_count = row
    articles = _story_articles(db, story_id)
    return StoredStory(story_id, title, first_date, last_date, article_count, outlet_count, articles)


def _story_articles(db: sqlite3.Connection, story_id: str) -> tuple[StoryArticle, ...]:
    return tuple(
        StoryArticle(*article)
        for article in db.execute(
            "SELECT a.id, a.title, a.outlet, a.published, s.centrality FROM story_articles s "
            "JOIN articles a ON a.id = s.article_id "
            "WHERE s.story_id = ? ORDER BY COALESCE(a.published, ''), s.position",
            (story_id,),
        )
    )


def story_of(db: sqlite3.Connection, article_id: str) -> str | None:
    row = db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    return str(row[0]) if row else None
