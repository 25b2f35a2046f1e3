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
    # 2: events (issue 3)
    """
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id),
        type TEXT NOT NULL,
        mode TEXT,
        context TEXT,
        cameo TEXT NOT NULL,
        quad_class INTEGER NOT NULL,
        goldstein REAL,
        source_entity TEXT REFERENCES entities(id),
        source_text TEXT,
        source_name TEXT,
        source_country TEXT,
        source_sector TEXT,
        source_start INTEGER,
        source_end INTEGER,
        target_entity TEXT REFERENCES entities(id),
        target_text TEXT,
        target_name TEXT,
        target_country TEXT,
        target_sector TEXT,
        target_start INTEGER,
        target_end INTEGER,
        target_implied INTEGER NOT NULL DEFAULT 0,
        negated INTEGER NOT NULL,
        modality TEXT NOT NULL,
        reported_by TEXT,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        trigger_text TEXT NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        place_text TEXT,
        place_entity TEXT,
        place_start INTEGER,
        place_end INTEGER,
        date_text TEXT,
        date_start INTEGER,
        date_end INTEGER
    );
    CREATE INDEX events_article ON events(article_id);
    CREATE INDEX events_type ON events(type);
    CREATE INDEX events_source_entity ON events(source_entity);
    CREATE INDEX events_target_entity ON events(target_entity);
    CREATE INDEX events_countries ON events(source_country, target_country);
    """,
    # 3: temporal expressions and event date values (issue 4)
    """
    CREATE TABLE times (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT,
        interval_start TEXT,
        interval_end TEXT,
        granularity TEXT,
        anchored_on TEXT,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE INDEX times_interval ON times(interval_start, interval_end);
    ALTER TABLE events ADD COLUMN date_value TEXT;
    """,
    # 4: places, their mentions, article focus and event locations (issue 4)
    """
    CREATE TABLE places (
        id TEXT PRIMARY KEY,
        geonameid INTEGER,
        name TEXT NOT NULL,
        feature TEXT NOT NULL,
        country TEXT,
        admin1 TEXT,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        population INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE place_mentions (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        use TEXT NOT NULL,
        place_id TEXT REFERENCES places(id),
        PRIMARY KEY (article_id, start, end)
    );
    CREATE INDEX place_mentions_place ON place_mentions(place_id);
    CREATE TABLE article_focus (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        country_place TEXT REFERENCES places(id),
        city_place TEXT REFERENCES places(id)
    );
    ALTER TABLE events ADD COLUMN location_place TEXT REFERENCES places(id);
    ALTER TABLE events ADD COLUMN location_source TEXT NOT NULL DEFAULT 'none';
    CREATE INDEX events_location ON events(location_place);
    """,
    # 5: quotes and claims (issue 5)
    """
    CREATE TABLE quotes (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        cue_start INTEGER,
        cue_end INTEGER,
        cue_text TEXT,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_text TEXT,
        speaker_entity TEXT REFERENCES entities(id),
        speaker_name TEXT,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE INDEX quotes_speaker ON quotes(speaker_entity);
    CREATE TABLE claims (
        article_id TEXT NOT NULL REFERENCES articles(id),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        attribution_kind TEXT NOT NULL,
        attribution_text TEXT,
        attribution_entity TEXT REFERENCES entities(id),
        attribution_name TEXT,
        quantities TEXT NOT NULL,
        PRIMARY KEY (article_id, start, end)
    );
    CREATE INDEX claims_attribution ON claims(attribution_kind, attribution_entity);
    """,
    # 6: full-text search over sentences, for search and ask (issue 7)
    """
    CREATE VIRTUAL TABLE sentence_search USING fts5(
        text, article_id UNINDEXED, idx UNINDEXED, tokenize = 'porter unicode61'
    );
    INSERT INTO sentence_search (text, article_id, idx)
        SELECT substr(a.text, s.start + 1, s.end - s.start), s.article_id, s.idx
        FROM sentences s JOIN articles a ON a.id = s.article_id;
    """,
    # 7: quotations in pieces around their cue (issue 5)
    """
    ALTER TABLE quotes ADD COLUMN parts TEXT NOT NULL DEFAULT '[]';
    """,
    # 8: stories: articles grouped by the event they report (issue 6)
    """
    CREATE TABLE article_vectors (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        model TEXT NOT NULL,
        vector BLOB NOT NULL
    );
    CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        first_date TEXT,
        last_date TEXT,
        article_count INTEGER NOT NULL,
        outlet_count INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE story_articles (
        article_id TEXT PRIMARY KEY REFERENCES articles(id),
        story_id TEXT NOT NULL REFERENCES stories(id),
        position INTEGER NOT NULL
    );
    CREATE INDEX story_articles_story ON story_articles(story_id, position);
    """,
    # 9: mention and article counts kept on each entity, so lists need not count every request (issue 7)
    """
    ALTER TABLE entities ADD COLUMN mention_count INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entities ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
    UPDATE entities SET
        mention_count = (SELECT COUNT(*) FROM mentions m WHERE m.entity_id = entities.id),
        article_count = (SELECT COUNT(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = entities.id);
    CREATE INDEX entities_by_mentions ON entities(mention_count DESC, name);
    CREATE INDEX places_lat ON places(lat);
    """,
    # 10: every sentence's vector, for the articles a story comparison lines up (issue 7: the
    # comparison page embedded them on first view, two to three seconds)
    """
    CREATE TABLE sentence_vectors (
        article_id TEXT NOT NULL REFERENCES articles(id),
        model TEXT NOT NULL,
        sentences INTEGER NOT NULL,
        vectors BLOB NOT NULL,
        PRIMARY KEY (article_id, model)
    );
    CREATE INDEX entity_roles_article ON entity_roles(article_id);
    """,
    # 11: events by the target's country too, so "source or target in this country" (the events page
    # and `--country`) reads two indexes instead of every event
    """
    CREATE INDEX IF NOT EXISTS events_target_country ON events(target_country);
    """,
    # 12: how central each member is to its story (mean similarity to the others), so a story is
    # titled after, and compared through, its most typical reports rather than its first article
    """
    ALTER TABLE story_articles ADD COLUMN centrality REAL;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
