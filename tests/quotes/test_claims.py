"""Claims, their attribution and their numbers, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from rashomon.entities.resolve import resolve_entities
from rashomon.quotes.claims import find_claims
from rashomon.quotes.extract import find_quotes
from rashomon.timex.extract import find_times


def _claims(engine, text: str):  # type: ignore[no-untyped-def]
    doc = engine.pipeline.nlp(text)
    pipeline = engine.pipeline
    entities = resolve_entities(
        doc, tables=engine.tables, gazetteer=pipeline.gazetteer, known_people=pipeline.known_people
    )
    quotes = find_quotes(doc, entities, cues=engine.cues)
    times = find_times(doc, anchor=dt.date(2025, 6, 10))
    return find_claims(doc, entities, quotes, times, outlets=engine.outlets)


def test_numbers_keep_bound_unit_and_time_scope(engine):
    (claim,) = _claims(
        engine, "Since March, rebels have fired more than 120 rockets at Kiryat Dov within the first two months."
    )
    assert claim.attribution.kind == "self"
    (rockets,) = claim.quantities
    assert (rockets.value, rockets.bound, rockets.unit) == (120.0, ">=", "rockets")
    assert rockets.time_scope == "within the first two months"


def test_money_keeps_its_currency_and_scale_when_the_model_tags_only_the_digits(engine):
    text = "The leaked pages show that Lind paid $5.3m in income tax and an additional $31m in other taxes in 2019."
    (claim,) = _claims(engine, text)
    amounts = sorted((q.value, q.unit) for q in claim.quantities)
    assert amounts == [(5.3e6, "USD"), (31e6, "USD")]
    (claim,) = _claims(engine, "The Valdian treasury lent the airline £2bn over the winter of that year.")
    assert [(q.value, q.unit) for q in claim.quantities] == [(2e9, "GBP")]
    (claim,) = _claims(engine, "Engineers in Valdia built a 3 m wall along 40 km of the northern river bank.")
    assert 3e6 not in [q.value for q in claim.quantities]


def test_attribution_kinds(engine):
    text = (
        "Interior Minister Sara Lind said that 40 officers were injured in Valdia on Sunday. "
        "Officials said the curfew in Valdia would be lifted on Friday. "
        "Reuters reported that the border with Norland was closed for 12 hours. "
        "According to the Oracle AI engine, Valdia holds 60 percent of the country's copper reserves."
    )
    kinds = {claim.attribution.kind for claim in _claims(engine, text)}
    assert {"person", "unnamed", "outlet", "tool"} <= kinds


def test_questions_and_exhortations_are_not_claims(engine):
    assert _claims(engine, "Should the government of Valdia really raise taxes again this year?") == ()
    assert _claims(engine, "The government of Valdia must act before the winter comes to the north.") == ()
