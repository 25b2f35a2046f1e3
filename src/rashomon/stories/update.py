"""Bring a store's stories up to date with the articles that have no story yet."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, replace

import numpy as np

from rashomon.embed import SentenceEncoder
from rashomon.store.sqlite import Store
from rashomon.stories.features import ArticleFeatures, article_features, document_frequencies
from rashomon.stories.group import Grouping, GroupingSettings, group_articles

VECTOR_MODEL = "all-MiniLM-L6-v2-int8/title+60-words"


@dataclass(frozen=True)
class StoryUpdate:
    grouped: int  # articles placed in a story this run
    touched: int  # stories created or changed
    stories: int  # stories in the store afterwards
    touched_ids: tuple[str, ...] = ()


def story_key(article_id: str) -> str:
    return "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:11]


def update_stories(
    store: Store, *, encoder: SentenceEncoder | None, settings: GroupingSettings | None = None
) -> StoryUpdate:
    """Group every article without a story; earlier stories keep their ids and may grow or split."""
    settings = settings or GroupingSettings()
    arriving_ids = store.ungrouped_article_ids()
    if not arriving_ids:
        return StoryUpdate(0, 0, store.count("stories"))
    arriving = [article_features(facts) for facts in store.article_facts(arriving_ids)]
    window = dt.timedelta(days=settings.max_days_apart)
    dates = [item.published for item in arriving]
    if all(dates):
        present = [day for day in dates if day is not None]
        existing = store.grouped_in_window((min(present) - window).isoformat(), (max(present) + window).isoformat())
    else:
        existing = store.grouped_in_window(None, None)
    known_ids = [article_id for ids in existing.values() for article_id in ids]
    known = {item.article_id: item for item in (article_features(f) for f in store.article_facts(known_ids))}
    if encoder is not None:
        everyone = [*known.values(), *arriving]
        vectors = store.read_vectors([item.article_id for item in everyone], VECTOR_MODEL)
        missing = [item for item in everyone if item.article_id not in vectors]
        if missing:
            fresh = dict(
                zip((item.article_id for item in missing), encoder.encode([item.lead for item in missing]), strict=True)
            )
            vectors.update(fresh)
            with store.transaction():
                store.write_vectors(fresh, VECTOR_MODEL)
        known = {key: _with_vector(item, vectors) for key, item in known.items()}
        arriving = [_with_vector(item, vectors) for item in arriving]
    df, total = document_frequencies([*known.values(), *arriving])
    grouping, touched = group_articles(
        Grouping({key: tuple(ids) for key, ids in existing.items()}),
        known,
        arriving,
        df=df,
        total=total,
        new_key=lambda item: story_key(item.article_id),
        settings=settings,
    )
    with store.transaction():
        store.write_stories({key: grouping.members.get(key, ()) for key in touched}, centrality=grouping.centrality)
    return StoryUpdate(len(arriving), len(touched), store.count("stories"), tuple(sorted(touched)))


def _with_vector(item: ArticleFeatures, vectors: Mapping[str, np.ndarray]) -> ArticleFeatures:
    return replace(item, vector=vectors.get(item.article_id))
