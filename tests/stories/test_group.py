"""Story grouping: two reports of one earthquake go together, a different earthquake does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.cli import main
from rashomon.store.sqlite import Store

STORIES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


@pytest.mark.model
def test_two_earthquakes_make_two_stories_and_a_rerun_keeps_them(engine, tmp_path):  # type: ignore[no-untyped-def]
    db = tmp_path / "quakes.db"
    assert (
        main(["--db", str(db), "ingest", "--quiet", str(STORIES / "quake_a1.txt"), str(STORIES / "quake_b1.txt")]) == 0
    )
    with Store.open(db) as store:
        first = {a.id: store.story_of(a.id) for a in store.articles()}
    assert len(set(first.values())) == 2
    # The second report of each quake arrives later and joins its story; the story ids stay.
    assert (
        main(["--db", str(db), "ingest", "--quiet", str(STORIES / "quake_a2.txt"), str(STORIES / "quake_b2.txt")]) == 0
    )
    with Store.open(db) as store:
        stories = {a.title: store.story_of(a.id) for a in store.articles()}
        assert set(first.values()) == set(stories.values())
        assert stories["Strong earthquake shakes Valdoria coast"] == stories["Dozens dead as 6.8 quake hits Merlo"]
        assert (
            stories["Earthquake damages mountain villages in Tarsia"]
            == stories["Tarsia quake injures 12, cuts off Belcor"]
        )
        assert store.count("stories") == 2
    assert main(["--db", str(db), "ingest", "--quiet", str(STORIES)]) == 0
    with Store.open(db) as store:
        assert store.count("stories") == 2


def test_average_linkage_merges_while_clusters_are_close():
    import numpy as np

    from rashomon.stories.group import _average_linkage

    similarity = np.array([
        [1.0, 0.9, 0.1, 0.0],
        [0.9, 1.0, 0.2, 0.1],
        [0.1, 0.2, 1.0, 0.8],
        [0.0, 0.1, 0.8, 1.0],
    ])  # fmt: skip
    assert _average_linkage(similarity, 0.5) == [[0, 1], [2, 3]]
    # The two pairs are 0.1 apart on average: one cluster only when the threshold allows it.
    assert _average_linkage(similarity, 0.1) == [[0, 1, 2, 3]]
