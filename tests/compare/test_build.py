"""A story's comparison assembled from the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.cli import main
from rashomon.compare.build import FramingModels, _ArticleFacts, _merge_same_names, compare_story
from rashomon.model import CorpusEntity, Mention
from rashomon.store.sqlite import ArticleEntity, Store

WIRES = Path(__file__).resolve().parents[1] / "fixtures" / "compare"


@pytest.mark.model
def test_an_agency_dateline_is_not_a_statement(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Both reports open with the agency's "MERLO, March 4. /VNA/.": the same words, but no statement
    # two outlets share.
    db = tmp_path / "wire.db"
    reports = [str(WIRES / f"wire_talks_{n}.txt") for n in (1, 2)]
    assert main(["--db", str(db), "ingest", "--quiet", *reports]) == 0
    with Store.open(db) as store:
        (story,) = store.stories()
        comparison = compare_story(store, story.id, FramingModels.load(engine.encoder))
    texts = [s.text for group in comparison.groups for s in group.statements]
    assert texts and not [text for text in texts if "/VNA/" in text]
    assert any(group.label == "shared" and "Kessel" in group.statements[0].text for group in comparison.groups)


def _entity(entity_id: str, name: str, kind: str, *sentences: int) -> ArticleEntity:
    corpus = CorpusEntity(entity_id, name, kind, None, (), (), len(sentences), 1)
    return ArticleEntity(corpus, tuple(Mention(0, len(name), name, kind, s) for s in sentences))


def test_one_name_is_one_entity_within_a_story():
    # The corpus keeps "al-Bab" tagged as a place and as an organisation apart; the story names it once.
    first = _ArticleFacts(None, (), (_entity("e-loc", "al-Bab", "LOC", 0, 2), _entity("e-org", "al-Bab", "ORG", 3)),
                          {"e-org": ["town"]}, (), (), ())  # type: ignore[arg-type]  # fmt: skip
    second = _ArticleFacts(None, (), (_entity("e-org", "Al-Bab", "ORG", 1),), {}, (), (), ())  # type: ignore[arg-type]
    merged = _merge_same_names([first, second])
    assert [[(e.entity.id, len(e.mentions)) for e in item.entities] for item in merged] == [
        [("e-org", 3)],
        [("e-org", 1)],
    ]
    assert merged[0].roles == {"e-org": ["town"]}
