"""The benchmark's timing of what ingest does after the per-article pass."""

from __future__ import annotations

import pytest

from rashomon.bench import _after_the_pass
from rashomon.config import Settings
from rashomon.ingest.readers import read_inputs
from rashomon.model import Article
from rashomon.service import clean_all


@pytest.mark.model
def test_a_text_the_corpus_holds_twice_is_stored_once(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Reuters-21578 repeats some wires word for word; the store keeps one (found by the benchmark).
    text = (
        "Dockworkers in Valdoria ended a three-day strike on Tuesday after the port authority agreed "
        "to raise wages by four percent, the union said."
    )
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(f"Port strike ends\n\n{text}\n", encoding="utf-8")
    settings = Settings()
    articles = [
        item
        for item in clean_all(read_inputs([str(tmp_path)], settings=settings), settings=settings)
        if isinstance(item, Article)
    ]
    assert len(articles) == 2 and articles[0].id == articles[1].id
    stages = _after_the_pass(list(engine.annotate(articles, batch_size=8)), engine)
    assert set(stages) == {"store (after the pass)", "stories (after the pass)", "comparison vectors (after the pass)"}
