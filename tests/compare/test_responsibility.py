"""Who did it: one outlet's blame against another's denial, on sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.compare.align import Statement
from rashomon.compare.responsibility import blamed, denying, responsibility_conflicts
from rashomon.entities.tables import load_entity_tables


@pytest.fixture(scope="module")
def tables():  # type: ignore[no-untyped-def]
    return load_entity_tables()


def _statement(article: str, index: int, text: str, outlet: str) -> Statement:
    return Statement(article, outlet, index, 0, len(text), text, frozenset(), (), frozenset(), frozenset(), True)


def test_whom_a_sentence_blames_and_who_denies_are_countries(tables):  # type: ignore[no-untyped-def]
    def blames(text: str) -> dict[str, str]:
        return blamed(_statement("a", 0, text, "Wire"), tables)

    assert blames("The prime minister said the sabotage had been ordered by Russian military intelligence.") == {
        "RUS": "ordered by Russian military intelligence"
    }
    assert set(blames('"It was planned and paid for by the GRU," he said.')) == {"RUS"}  # a body of the state
    assert set(blames("Kyiv blamed Moscow for the blackout.")) == {"RUS"}
    assert blames("The attack was not ordered by Moscow, officials said.") == {}
    assert blames("The strike was carried out by unknown gunmen.") == {}  # no country named
    assert blames("It was unclear if the strike on the town was carried out by Syrian planes.") == {}

    def denies(text: str) -> dict[str, str]:
        return denying(_statement("b", 0, text, "Agency"), tables)

    assert denies("Russia had nothing to do with the damage, the spokeswoman said.") == {
        "RUS": "Russia had nothing to do with"
    }
    assert set(denies("Moscow denied any involvement in the blast.")) == {"RUS"}
    # Denying other acts answers no blame for this one.
    assert denies("Russia has denied involvement in earlier acts of sabotage in Europe.") == {}


def test_one_outlets_blame_and_anothers_denial_are_one_dispute(tables):  # type: ignore[no-untyped-def]
    blame = _statement("a", 1, "Kalnins said the sabotage had been ordered by Russian military intelligence.", "Wire")
    other = _statement("a", 2, "Repairs will take two weeks.", "Wire")
    denial = _statement("b", 1, "Russia had nothing to do with the damage to the pipeline, Markova said.", "Agency")
    (conflict,) = responsibility_conflicts([blame, other, denial], tables)
    assert conflict.statements == (blame, denial)
    assert conflict.conflict == (
        "responsibility disputed: ordered by Russian military intelligence vs Russia had nothing to do with"
    )
    # One outlet telling both sides disputes nothing with itself; a denial with no blame elsewhere neither.
    own = _statement("c", 1, "Russia had nothing to do with it, Moscow said.", "Wire")
    assert responsibility_conflicts([blame, own], tables) == []
    assert responsibility_conflicts([other, denial], tables) == []
