"""Sentence vectors prepared at ingest: the comparison reads them and comes out the same as without."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from rashomon.cli import main
from rashomon.compare.build import FramingModels, compare_story
from rashomon.compare.output import comparison_json
from rashomon.compare.vectors import SENTENCE_MODEL, compared_members, prepare_comparisons
from rashomon.store.sqlite import Store
from rashomon.store.stories import StoryArticle

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


class RefusingEncoder:
    """Stands in for the encoder where nothing should need embedding."""

    def encode(self, texts):  # type: ignore[no-untyped-def]
        raise AssertionError(f"asked to embed {len(texts)} texts")


def test_compared_members_take_one_article_per_outlet_first():
    members = [StoryArticle(f"a{i}", None, outlet, None) for i, outlet in enumerate("AAAB")]
    assert [m.article_id for m in compared_members(members, 2)] == ["a0", "a3"]
    assert [m.article_id for m in compared_members(members, 3)] == ["a0", "a1", "a3"]


def test_compared_members_take_each_outlets_most_central_report():
    # a0 is a digest that opened the story; a1 is the same outlet's report of the event itself.
    members = [
        StoryArticle("a0", "News in brief", "A", None, 0.15),
        StoryArticle("a1", "Quake hits Merlo", "A", None, 0.9),
        StoryArticle("a2", "Merlo quake kills 40", "B", None, 0.8),
    ]
    assert [m.article_id for m in compared_members(members, 2)] == ["a1", "a2"]
    assert [m.article_id for m in compared_members(members, 3)] == ["a0", "a1", "a2"]  # story order


@pytest.mark.model
def test_ingest_prepares_the_comparison_and_a_prepared_one_needs_no_encoder(engine, quake_story_db):  # type: ignore[no-untyped-def]
    with Store.open(quake_story_db) as store:
        (story,) = store.stories(min_articles=2)
        ids = [a.article_id for a in story.articles]
        assert store.lacking_sentence_vectors([*ids, "never-stored"], SENTENCE_MODEL) == ["never-stored"]
        kept = store.read_sentence_vectors(ids, SENTENCE_MODEL)
        for article_id in ids:
            sentences = store.article_sentences(article_id)
            assert kept[article_id].shape == (len(sentences), 384) and kept[article_id].dtype == np.float32
            assert np.allclose(np.linalg.norm(kept[article_id], axis=1), 1.0, atol=2e-3)  # unit, in half precision
        assert store.read_sentence_vectors(ids, "another-model") == {}
        models = FramingModels.load(engine.encoder)
        prepared = comparison_json(compare_story(store, story.id, _without_encoder(models)))
    with sqlite3.connect(quake_story_db) as connection:
        connection.execute("DELETE FROM sentence_vectors")
    with Store.open(quake_story_db) as store:
        embedded_now = comparison_json(compare_story(store, story.id, models))
        assert prepared == embedded_now
        # A store made before this step: `prepare` fills it in, and a second run has nothing to do.
        assert prepare_comparisons(store, [story.id], encoder=engine.encoder).articles == 2
        assert prepare_comparisons(store, [story.id], encoder=engine.encoder).articles == 0
    assert main(["--db", str(quake_story_db), "prepare"]) == 0


def _without_encoder(models: FramingModels) -> FramingModels:
    from dataclasses import replace

    return replace(models, encoder=RefusingEncoder())  # type: ignore[arg-type]
