"""A name beside a word for an administrative unit is a place, whatever the model made of it."""

from __future__ import annotations

import pytest


def _entities(engine, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(entity.text, entity.label_) for entity in engine.pipeline.nlp(text).ents]


@pytest.mark.model
def test_an_untagged_name_before_province_or_after_district_of_is_a_place(engine):
    found = _entities(engine, "A magnitude 6.8 earthquake shook Van province on Friday morning.")
    assert ("Van", "GPE") in found
    assert ("Van", "GPE") in _entities(engine, "The quake was centred in the Tusba district of Van, officials said.")
    # One name framed twice is added once.
    assert ("Van", "GPE") in _entities(engine, "Troops moved into the district of Van province on Monday.")


@pytest.mark.model
def test_no_piece_of_a_longer_name_is_made_a_place(engine):
    # "Al" before the model's "Raqqa", "Din" after "Salah al-": only whole names are added.
    found = _entities(engine, "Troops entered the city of Al Raqqa and the Salah al-Din province on Monday.")
    assert not {text for text, _ in found} & {"Al", "Din", "al-Din"}


@pytest.mark.model
def test_a_demonym_before_region_stays_a_group_and_a_named_unit_stays_whole(engine):
    found = _entities(engine, "Fighters left the Kurdish region and the Syrian province of Idlib.")
    assert ("Kurdish", "NORP") in found and ("Syrian", "NORP") in found and ("Idlib", "GPE") in found
    assert ("Kurdistan Region", "GPE") in _entities(engine, "The Kurdistan Region government said so.")


@pytest.mark.model
def test_a_place_tagged_with_its_unit_word_is_cut_to_its_name(engine):
    assert ("Sofala", "GPE") in _entities(engine, "The cholera outbreak in Sofala province is under control.")
