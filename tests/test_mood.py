"""A clause in the plain form under another verb is wanted, not said or done."""

from __future__ import annotations

import pytest

from rashomon.mood import plain_form_complement


def _verb(engine, text: str, word: str):  # type: ignore[no-untyped-def]
    doc = engine.pipeline.nlp(text)
    return next(t for t in doc if t.text == word)


@pytest.mark.parametrize(
    ("text", "verb", "wanted"),
    [
        ("Thousands marched, demanding that President Tomas Rell call early elections.", "call", True),
        ("The council insisted that the mayor step down at once.", "step", True),
        ("The opposition asked that the vote be delayed.", "delayed", True),
        ("Rell said that the vote was delayed.", "delayed", False),
        ("Rell said that the vote will be delayed.", "delayed", False),
        ("Rell said that the army calls up reservists every spring.", "calls", False),
        ("Rell said that the mayor will resign.", "resign", False),
        ("Rell said that the mayor resigned.", "resigned", False),
    ],
)
def test_a_plain_form_without_auxiliary_is_what_someone_wants(engine, text: str, verb: str, wanted: bool):  # type: ignore[no-untyped-def]
    assert plain_form_complement(_verb(engine, text, verb)) is wanted
