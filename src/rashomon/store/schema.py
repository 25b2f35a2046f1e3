"""The database schema: the single source of truth, with numbered migrations.

``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1``. A new
release appends a migration; it never edits an old one.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        origin TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        url TEXT,
        published TEXT,
        byline TEXT,
        tags TEXT NOT NULL,
        text TEXT NOT NULL,
        boilerplate TEXT NOT NULL,
        listed_sources TEXT,
        word_count INTEGER NOT NULL,
        model TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_outlet ON articles(outlet);
    CREATE INDEX articles_published ON articles(published);
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id),
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        PRIMARY KEY (article_id, idx)
    );
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT
    );
    CREATE TABLE entity_aliases (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        alias TEXT NOT NULL,
        PRIMARY KEY (entity_id, alias)
    );
    CREATE TABLE entity_keys (
        key TEXT NOT NULL,
        entity_id TEXT NOT NULL REFERENCES entities(id),
        PRIMARY KEY (key, entity_id)
    );
    CREATE TABLE entity_roles (
        entity_id TEXT NOT NULL REFERENCES entities(id),
        title TEXT NOT NULL,
        country TEXT NOT NULL DEFAULT '',
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (entity_id, title, country, article_id)
    );
    CREATE TABLE mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        entity_id TEXT NOT NULL REFERENCES entities(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        sentence INTEGER NOT NULL,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE sources (
        source_key TEXT NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        origin TEXT NOT NULL,
        line INTEGER,
        status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate')),
        duplicate_kind TEXT CHECK (duplicate_kind IN ('exact', 'near')),
        similarity REAL,
        title TEXT,
        outlet TEXT,
        published TEXT,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (source_key, article_id)
    );
    CREATE INDEX sources_article ON sources(article_id);
    CREATE TABLE signatures (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        minhash BLOB NOT NULL
    );
    CREATE TABLE signature_bands (
        band INTEGER NOT NULL,
        hash INTEGER NOT NULL,
        article_id TEXT NOT NULL REFERENCES articles(id),
        PRIMARY KEY (band, hash, article_id)
    ) WITHOUT ROWID;
    CREATE TABLE failures (
        origin TEXT NOT NULL,
        line INTEGER NOT NULL DEFAULT 0,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (origin, line, code)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
