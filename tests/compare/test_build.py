"""A story's comparison assembled from the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.cli import main
from rashomon.compare.build import FramingModels, compare_story
from rashomon.store.sqlite import Store

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


@pytest.mark.model
def test_an_agency_dateline_is_not_a_statement(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Both reports open with the agency's "MERLO, March 4. /VNA/.": the same words, but no statement
    # two outlets share.
    db = tmp_path / "wire.db"
    reports = [str(STORIES / f"wire_talks_{n}.txt") for n in (1, 2)]
    assert main(["--db", str(db), "ingest", "--quiet", *reports]) == 0
    with Store.open(db) as store:
        (story,) = store.stories()
        comparison = compare_story(store, story.id, FramingModels.load(engine.encoder))
    texts = [s.text for group in comparison.groups for s in group.statements]
    assert texts and not [text for text in texts if "/VNA/" in text]
    assert any(group.label == "shared" and "Kessel" in group.statements[0].text for group in comparison.groups)
