"""Lookup tables for the entity layer, loaded once from package data."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

from rashomon.entities.names import name_key


@dataclass(frozen=True)
class EntityTables:
    """Country names (with their other names), capitals and metonyms, demonyms and title words."""

    country_by_name: dict[str, str]
    country_by_indicator: dict[str, str]
    country_by_demonym: dict[str, str]
    country_names: dict[str, str]
    title_words: frozenset[str]

    def country_of(self, text: str) -> str | None:
        """ISO3 code for a country name, a capital/metonym, or a demonym."""
        key = name_key(text)
        return self.country_by_name.get(key) or self.country_by_demonym.get(key) or self.country_by_indicator.get(key)


def _lines(name: str) -> list[str]:
    text = resources.files("rashomon.entities.data").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def load_entity_tables() -> EntityTables:
    """Read ``countries.tsv`` and ``titles.txt``."""
    by_name: dict[str, str] = {}
    by_indicator: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in _lines("countries.tsv"):
        iso3, name, _geonameid, other_names, demonyms, places = [*line.split("\t"), "", "", ""][:6]
        names[iso3] = name
        by_name[name_key(name)] = iso3
        # Other names of the country itself ("U.S.", "Britain") name the same entity as its name;
        # capitals and metonyms ("Washington", "the Kremlin") only point to the country.
        for other in filter(None, other_names.split("|")):
            by_name.setdefault(name_key(other), iso3)
        for place in filter(None, places.split("|")):
            by_indicator.setdefault(name_key(place), iso3)
        for demonym in filter(None, demonyms.split("|")):
            by_demonym.setdefault(name_key(demonym), iso3)
    titles = frozenset(word.strip().lower() for word in _lines("titles.txt"))
    return EntityTables(by_name, by_indicator, by_demonym, names, titles)
