"""Entities that the place layer shows to be places, whatever the model called them.

spaCy tags "Kiev" and "al-Bab" as people and "Maldives" as an organisation now and then. The
place layer, which knows the gazetteer, recognises them as places where the text leaves no doubt
(a country by its name; a city after "in" or "near"). An entity most of whose mentions it
recognises so becomes a place: its type, keys and country follow, so that "he said" is not
resolved to a town and the town is one entity with its other mentions.

Only entities tagged as people, and organisations the place layer takes for a country or a
first-level region, are retyped: a city's name tagged as an organisation is often the organisation ("Toyota",
"Oxford"). A person named in full somewhere that is no place ("Andrew Lincoln", "Lee Cortes") stays a
person, however often the text calls them by a surname that is also a town's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from rashomon.entities.resolve import entity_id, entity_keys
from rashomon.model import DocEntity, Mention, PlaceMention

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
            and not _named_in_full(entity, named)
        ):
            place = found[0]
            kind = place_type(place.feature)
            keys = entity_keys(kind, entity.name, list(entity.aliases), entity.gazetteer_id, None)
            entity = replace(
                entity, type=kind, keys=keys, id=entity_id(keys[0]), country=place.country or entity.country, roles=()
            )
        retyped.append(entity)
    return tuple(retyped)


def _named_in_full(entity: DocEntity, named: Sequence[PlaceMention]) -> bool:
    """A person the model tagged by a name of two or more words that the place layer did not take for a
    place, and whose mentions read as places only where the model did not call them places. Where it
    did ("Russia" beside a "Trump Russia" it took for a person) the full name is the mistake."""

    def overlaps(mention: Mention) -> bool:
        return any(place.start < mention.end and mention.start < place.end for place in named)

    if any(mention.label in {"GPE", "LOC"} and overlaps(mention) for mention in entity.mentions):
        return False
    return any(
        mention.label == "PERSON" and len(mention.text.split()) >= 2 and not overlaps(mention)
        for mention in entity.mentions
    )
