"""Toponym resolution in context: which of the places a name may refer to is meant here.

Each candidate is scored by what it is (a country outranks a hamlet of the same name),
how large it is, and how well it fits the article: the countries the article names or
implies (names, demonyms, unambiguous places), the regions it names, and a qualifier
right after the name ("Damascus, Oregon"). Two passes: the first finds the article's
countries from the clear cases, the second resolves everything against them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from rashomon.geo.gazetteer import Gazetteer, lookup_key
from rashomon.geo.recognize import Toponym
from rashomon.model import Place, PlaceMention
from rashomon.wording import named_as_a_settlement

_FEATURE_PRIOR = {
    "country": 3.0,
    "continent": 3.5,
    "admin1": 0.8,
    "region": 2.4,
    "sea": 3.5,
    "base": 2.4,
    "landmark": 2.4,
    "airport": 1.8,
    "port": 1.6,
    "admin2": 0.8,
    "capital": 2.0,
    "city": 0.0,
}
# A city of ~10 million scores about as high as an admin region; a village near zero.
_POPULATION_WEIGHT = 0.3
_NAMESAKE_CITY_POPULATION = 300_000


_WIDER_THAN_A_TOWN = frozenset({"country", "continent", "admin1", "region", "sea"})
# "the eastern Donetsk region", "Van province": the name is a first-level region's.
_REGION_AFTER = re.compile(r"\s+(?:region|oblast|province|governorate)\b")


@dataclass(frozen=True)
class _Context:
    countries: Counter[str]
    regions: frozenset[str]


def _prior(place: Place, key: str) -> float:
    main_name = lookup_key(place.name) == key
    feature = place.feature
    if feature == "capital" and not main_name:
        feature = "city"  # "Philadelphia" is an old name of Amman, not what a reader means by it
    score = _FEATURE_PRIOR.get(feature, 0.0) + _POPULATION_WEIGHT * math.log10(place.population + 1)
    if main_name:
        score += 1.0  # its main name, not one of many alternate spellings
    if place.geonameid is None:
        score += 2.0  # the project's own entries: curated for exactly these names
    return score


def _fit(place: Place, context: _Context, qualifier: str | None) -> float:
    total = sum(context.countries.values())
    score = 0.0
    if place.country is None and total:
        score += 1.5  # a sea or a region across borders fits any article about its part of the world
    if place.country and total:
        share = context.countries[place.country] / total
        score += 3.0 * share + (1.0 if share > 0 else 0.0)
    if place.admin1 and lookup_key(place.admin1) in context.regions:
        score += 1.5
    if qualifier and qualifier in {lookup_key(place.admin1 or ""), lookup_key(place.country or "")}:
        score += 4.0
    return score


def _qualifier(text: str, toponym: Toponym, next_toponym: Toponym | None, gazetteer: Gazetteer) -> str | None:
    """ "Oregon" in "Damascus, Oregon": the next toponym, right after a comma."""
    if next_toponym is None or text[toponym.end : next_toponym.start].strip() != ",":
        return None
    for place in gazetteer.candidates(next_toponym.text):
        if place.feature == "admin1":
            return lookup_key(place.name)
        if place.feature == "country" and place.country:
            return lookup_key(place.country)
    return None


def _best(candidates: tuple[Place, ...], key: str, context: _Context, qualifier: str | None) -> Place | None:
    if not candidates:
        return None
    best = max(candidates, key=lambda p: _prior(p, key) + _fit(p, context, qualifier))
    if best.feature == "continent":
        # Antarctica is a continent and a country code: the country carries more.
        same = [p for p in candidates if p.feature == "country" and lookup_key(p.name) == lookup_key(best.name)]
        if same:
            return same[0]
    if best.feature == "admin1" and qualifier is None:
        # "New York", "Mexico City" vs the state: news means the big city unless it says "state".
        namesake = [
            p
            for p in candidates
            if p.country == best.country
            and p.feature in ("city", "capital")
            and p.population >= _NAMESAKE_CITY_POPULATION
        ]
        if namesake:
            return namesake[0]
        if not context.countries[best.country or ""]:
            # A small region abroad does not outrank a big city of the same name ("Manchester" is
            # not the Jamaican parish, "Charlotte" not the Vincentian one) unless the article is
            # about the region's country.
            abroad = [
                p
                for p in candidates
                if p.feature in ("city", "capital")
                and p.population >= max(_NAMESAKE_CITY_POPULATION, 5 * best.population)
                and lookup_key(p.name) == key
            ]
            if abroad:
                return max(abroad, key=lambda p: p.population)
    return best


def resolve_toponyms(text: str, toponyms: list[Toponym], gazetteer: Gazetteer) -> tuple[PlaceMention, ...]:
    """Resolve every toponym of one article against the gazetteer and the article's context."""
    lookups = []
    for index, toponym in enumerate(toponyms):
        surface = toponym.text.title() if toponym.text.isupper() and len(toponym.text) > 3 else toponym.text
        candidates = (toponym.demonym_of,) if toponym.demonym_of is not None else gazetteer.candidates(surface)
        following = toponyms[index + 1] if index + 1 < len(toponyms) else None
        lookups.append((toponym, lookup_key(surface), candidates, _qualifier(text, toponym, following, gazetteer)))
    empty = _Context(Counter(), frozenset())
    first = [_best(candidates, key, empty, qualifier) for _, key, candidates, qualifier in lookups]
    countries: Counter[str] = Counter()
    regions = set()
    for (toponym, _, candidates, _), place in zip(lookups, first, strict=True):
        named_regions = (
            [p for p in candidates if p.feature == "admin1"] if _REGION_AFTER.match(text, toponym.end) else []
        )
        if len(named_regions) == 1:
            # "the eastern Donetsk region" names the region, whichever Donetsk the name itself resolves to:
            # its towns are placed in it ("Pokrovsk"), and its country is the article's. The name keeps its
            # own resolution ("Idlib province" and the city of Idlib are one place to a reader).
            regions.add(lookup_key(named_regions[0].name))
            if named_regions[0].country is not None:
                countries[named_regions[0].country] += 1
        if place is None or place.country is None:
            continue
        clear = place.feature in ("country", "admin1") or len(candidates) == 1 or place.population >= 1_000_000
        if clear:
            countries[place.country] += 1 if toponym.use == "name" else 0.5  # type: ignore[assignment]
        if place.feature == "admin1":
            regions.add(lookup_key(place.name))
    context = _Context(countries, frozenset(regions))
    mentions = []
    for toponym, key, candidates, qualifier in lookups:
        if gazetteer.is_generic(toponym.text):
            # "Central", "Western": only a place of a country the article is already about.
            candidates = tuple(p for p in candidates if p.country in context.countries)
        if named_as_a_settlement(text, toponym.start):
            # "a hotel in the town of Bahrain" (in Swat) is no country, whatever the gazetteer holds.
            candidates = tuple(p for p in candidates if p.feature not in _WIDER_THAN_A_TOWN)
        place = _best(candidates, key, context, qualifier)
        mentions.append(PlaceMention(toponym.start, toponym.end, toponym.text, place, toponym.use))
    return tuple(mentions)
