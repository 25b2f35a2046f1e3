"""Country tables: a word naming a country or its people, possessive or not."""

from __future__ import annotations

from rashomon.entities.tables import load_entity_tables


def test_a_country_its_people_and_its_possessive_name_one_country():
    tables = load_entity_tables()
    assert {tables.nation_of(word) for word in ("Armenia's", "Armenian", "armenia\u2019s")} == {"ARM"}
    assert tables.nation_of("Beijing's") is None and tables.nation_of("Beijing's", seats=True) == "CHN"
    assert tables.nation_of("Ministry") is None
