"""Lookup tables for the entity layer, loaded once from package data."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources

from rashomon.entities.data import table_lines
from rashomon.entities.names import name_key
from rashomon.model import GazetteerEntry


@dataclass(frozen=True)
class EntityTables:
    """Country names (with their other names), capitals and metonyms, demonyms, title words, and the
    organisations known by several names."""

    country_by_name: dict[str, str]
    country_by_indicator: dict[str, str]
    country_by_demonym: dict[str, str]
    country_names: dict[str, str]
    title_words: frozenset[str]
    organisations: dict[str, GazetteerEntry] = field(default_factory=dict)
    organisation_by_name: dict[str, str] = field(default_factory=dict)  # name key -> organisation id
    # Nouns no sense of which is a person or a group ("calm", "budget"), from WordNet via the events
    # layer's table: such a word opening a sentence is capitalised, not a name.
    thing_nouns: frozenset[str] = frozenset()

    def nation_of(self, word: str, *, seats: bool = False) -> str | None:
        """ISO3 code for one word naming a country or its people, possessive or not: "Armenia's",
        "Armenian", "Sudanese"; with ``seats``, a capital or seat of power too ("Beijing's")."""
        bare = name_key(word.lower().removesuffix("'s").removesuffix("\u2019s"))
        found = self.country_by_demonym.get(bare) or self.country_by_name.get(bare)
        return found or (self.country_by_indicator.get(bare) if seats else None)

    def country_of(self, text: str) -> str | None:
        """ISO3 code for a country name, a capital/metonym, or a demonym."""
        key = name_key(text)
        return self.country_by_name.get(key) or self.country_by_demonym.get(key) or self.country_by_indicator.get(key)


def load_title_words() -> frozenset[str]:
    """The words of titles (``titles.txt``), lower-cased: "president", "foreign", "prime"."""
    return frozenset(word.strip().lower() for word in table_lines("titles.txt"))


def load_organisations() -> tuple[dict[str, GazetteerEntry], dict[str, str]]:
    """Read ``organisations.tsv``: the organisations by id, and their ids by the key of each name."""
    organisations: dict[str, GazetteerEntry] = {}
    by_name: dict[str, str] = {}
    for line in table_lines("organisations.tsv"):
        key, name, country, other_names = [*line.split("\t"), "", "", ""][:4]
        organisations[key] = GazetteerEntry(key, "ORG", name, country or None)
        for form in [name, *filter(None, other_names.split("|"))]:
            by_name.setdefault(name_key(form), key)
    return organisations, by_name


def load_entity_tables() -> EntityTables:
    """Read ``countries.tsv``, ``titles.txt`` and ``organisations.tsv``."""
    by_name: dict[str, str] = {}
    by_indicator: dict[str, str] = {}
    by_demonym: dict[str, str] = {}
    names: dict[str, str] = {}
    for line in table_lines("countries.tsv"):
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
    titles = load_title_words()
    organisations, organisation_by_name = load_organisations()
    nouns = resources.files("rashomon.events.data").joinpath("non_actor_nouns.txt").read_text(encoding="utf-8")
    thing_nouns = frozenset(line.strip() for line in nouns.splitlines() if line.strip() and not line.startswith("#"))
    return EntityTables(
        by_name, by_indicator, by_demonym, names, titles, organisations, organisation_by_name, thing_nouns
    )
