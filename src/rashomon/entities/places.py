"""Entities that the place layer shows to be places, whatever the model called them.

spaCy tags "Kiev" and "al-Bab" as people and "Maldives" as an organisation now and then. The
place layer, which knows the gazetteer, recognises them as places where the text leaves no doubt
(a country by its name; a city after "in" or "near"). An entity most of whose mentions it
recognises so becomes a place: its type, keys and country follow, so that "he said" is not
resolved to a town and the town is one entity with its other mentions.

Only entities tagged as people, and organisations the place layer takes for a country or a
first-level region, are retyped: a city's name tagged as an organisation is often the organisation ("Toyota",
"Oxford").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rashomon.entities.resolve import entity_id, entity_keys
from rashomon.model import DocEntity, PlaceMention

# An organisation is retyped only for a country or a first-level region: the European Union has a
# place in the gazetteer but acts in the news as a body.
_AREA_FEATURES = frozenset({"country", "admin1"})


def place_type(feature: str) -> str:
    """The entity type of a place of a GeoNames-like feature."""
    return "GPE" if feature in {"country", "admin1", "admin2", "city", "capital"} else "LOC"


def retype_places(entities: Sequence[DocEntity], places: Sequence[PlaceMention]) -> tuple[DocEntity, ...]:
    named = [mention for mention in places if mention.use == "name" and mention.place is not None]
    retyped = []
    for entity in entities:
        found = [
            mention.place
            for entity_mention in entity.mentions
            for mention in named
            if mention.start < entity_mention.end and entity_mention.start < mention.end and mention.place is not None
        ]
        if (
            entity.type in {"PERSON", "ORG"}
            and found
            and 2 * len(found) >= len(entity.mentions)
            and (entity.type == "PERSON" or found[0].feature in _AREA_FEATURES)
        ):
            place = found[0]
            kind = place_type(place.feature)
            keys = entity_keys(kind, entity.name, list(entity.aliases), entity.gazetteer_id, None)
            entity = replace(
                entity, type=kind, keys=keys, id=entity_id(keys[0]), country=place.country or entity.country, roles=()
            )
        retyped.append(entity)
    return tuple(retyped)
