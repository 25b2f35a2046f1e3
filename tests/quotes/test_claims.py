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


def test_a_magnitude_measures_a_quake_however_it_is_written(engine):
    for text in (
        "A magnitude 6.8 earthquake shook the Valdian province of Kessel on Friday, officials said.",
        "A 6.8-magnitude earthquake shook the Valdian province of Kessel on Friday, officials said.",
        "An earthquake of magnitude 6.8 shook the Valdian province of Kessel on Friday, officials said.",
    ):
        (claim,) = _claims(engine, text)
        assert [(q.value, q.unit) for q in claim.quantities] == [(6.8, "magnitude")], text


def test_a_count_the_model_left_untagged_is_still_a_claims_number(engine):
    # No name in the sentence: the untagged count is all that makes it checkable.
    (claim,) = _claims(engine, "So far 52 buildings had collapsed, the authority said.")
    assert [(q.value, q.unit) for q in claim.quantities] == [(52.0, "buildings")]


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


def test_a_number_makes_a_short_statement_a_claim(engine):
    (turnout,) = _claims(engine, "Turnout reached 52 percent.")
    assert [(q.value, q.unit) for q in turnout.quantities] == [(52.0, "percent")]
    (detained,) = _claims(engine, "Police said 14 people were detained.")
    assert detained.attribution.kind == "unnamed"
    (turnout,) = _claims(engine, "Turnout was 49.8%, the Valdian election commission said on Monday evening.")
    assert turnout.text == "Turnout was 49.8%" and turnout.attribution.kind != "self"
    assert [(q.value, q.unit) for q in detained.quantities] == [(14.0, "people")]
    assert _claims(engine, "Valdia won the match.") == ()


def test_a_count_given_as_a_scale_is_at_least_twice_it(engine):
    found = {}
    for text in (
        "Several thousand opposition supporters gathered in Valdia on Monday evening.",
        "Thousands of people marched through the centre of Valdia.",
        "Tens of thousands of people marched through the centre of Valdia.",
        "A few hundred students gathered outside the parliament in Valdia.",
    ):
        (claim,) = _claims(engine, text)
        found.update({text.split()[0]: (q.value, q.bound, q.unit) for q in claim.quantities})
    assert found == {
        "Several": (2000.0, ">=", "supporters"),
        "Thousands": (2000.0, ">=", "people"),
        "Tens": (20000.0, ">=", "people"),
        "A": (200.0, ">=", "students"),
    }


def test_a_time_scopes_the_count_it_belongs_to(engine):
    def scopes(text: str) -> dict[float, str | None]:
        (claim,) = _claims(engine, text)
        return {q.value: q.time_scope for q in claim.quantities}

    assert scopes("Twenty civilians were killed and scores were injured in Valdia on Thursday.") == {20.0: "Thursday"}
    assert scopes("Nine civilians were killed in shelling of western Valdia Saturday the observatory said.") == {
        9.0: "Saturday"
    }
    assert scopes("The Valdian Union party won 52.3% of the vote, the commission said on Monday.") == {52.3: None}
    assert scopes("On Monday, the Valdian army said it had fired 120 rockets since March.") == {120.0: "since March"}
    text = "The Valdian Union party received 54 percent, according to results published by the commission on Monday."
    assert scopes(text) == {54.0: None}
    text = "Two people have been killed in a rebel shelling of the northern district of Valdia on Saturday."
    assert scopes(text) == {2.0: "Saturday"}
    assert scopes("In Valdia, 300 people killed since March were buried in the northern cemetery.") == {
        300.0: "since March"
    }


def test_a_count_in_words_is_read_whole_with_what_it_counts(engine):
    text = "Three hundred and ninety Valdian servicemen have been returned, the Valdian Defence Ministry said."
    quantities = [q for claim in _claims(engine, text) for q in claim.quantities]
    assert [(q.value, q.unit) for q in quantities] == [(390.0, "servicemen")]


def test_a_scale_word_multiplies_the_figure_before_it(engine):
    text = (
        "The bill would raise 346 billion shillings ($2.7 billion) in new revenue, according to the Valdian Treasury."
    )
    quantities = [q for claim in _claims(engine, text) for q in claim.quantities]
    assert [(q.value, q.unit) for q in quantities] == [(346e9, "shilling"), (2.7e9, "USD")]


def test_a_bare_count_after_a_body_of_people_counts_its_members(engine):
    text = "Its crew of 24, most of them Filipino, were safe, the company said."
    quantities = [q for claim in _claims(engine, text) for q in claim.quantities]
    assert [(q.value, q.unit) for q in quantities] == [(24.0, "crew")]


def test_a_range_gives_its_least_and_its_most(engine):
    # The model tags the first as two numbers ("between 500", "700") and the second as one.
    (claim,) = _claims(engine, "Survivors of the Korvan ferry said that between 500 and 700 people had been on board.")
    assert sorted((q.value, q.bound) for q in claim.quantities) == [(500.0, ">="), (700.0, "<=")]
    (claim,) = _claims(engine, "Officials in Korvan said between 20 and 30 people were killed in the fire.")
    assert sorted((q.value, q.bound, q.unit) for q in claim.quantities) == [
        (20.0, ">=", "people"),
        (30.0, "<=", "people"),
    ]


def test_a_count_in_a_relative_clause_is_not_timed_from_outside_it(engine):
    (claim,) = _claims(
        engine, "The Korvan ferry, which had about 400 people on board, capsized and sank within 15 minutes."
    )
    people = next(q for q in claim.quantities if q.value == 400)
    assert people.time_scope is None
    (claim,) = _claims(engine, "The strike on Monday, which killed 20 people in Korvan, destroyed a market.")
    killed = next(q for q in claim.quantities if q.value == 20)
    assert killed.time_scope == "Monday"


def test_a_count_tagged_as_something_else_is_still_a_count(engine):
    # The model tags "104" here as a PRODUCT.
    (claim,) = _claims(engine, "The Greek coast guard said 104 people had been rescued, most of them Syrians.")
    assert [(q.value, q.unit) for q in claim.quantities] == [(104.0, "people")]
