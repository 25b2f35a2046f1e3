"""Entities the place layer recognises as places take a place's type, keys and country."""

from __future__ import annotations

from rashomon.entities.places import retype_places
from rashomon.entities.resolve import entity_id, entity_keys
from rashomon.model import DocEntity, Mention, Place, PlaceMention

_AL_BAB = Place("geonames:174018", 174018, "Al Bāb", "city", "SYR", "Aleppo", 36.37, 37.52, 130745)
_TOYOTA = Place("geonames:1850147", 1850147, "Toyota", "city", "JPN", None, 35.08, 137.16, 426162)
_MALDIVES = Place("geonames:1282028", 1282028, "Maldives", "country", "MDV", None, 3.2, 73.0, 515696)


def _entity(name: str, kind: str, *starts: int) -> DocEntity:
    keys = entity_keys(kind, name, [], None)
    mentions = tuple(Mention(start, start + len(name), name, kind, 0) for start in starts)
    return DocEntity(entity_id(keys[0]), name, kind, (), mentions, keys)


def _place(name: str, start: int, place: Place) -> PlaceMention:
    return PlaceMention(start, start + len(name), name, place)


def test_a_town_tagged_as_a_person_becomes_a_place():
    (town,) = retype_places([_entity("al-Bab", "PERSON", 10, 80)], [_place("al-Bab", 80, _AL_BAB)])
    assert (town.type, town.country) == ("GPE", "SYR")
    assert "name:loc:al bab" in town.keys and town.id == entity_id(town.keys[0])


def test_an_organisation_is_retyped_only_for_a_country_or_region():
    company, country = retype_places(
        [_entity("Toyota", "ORG", 0), _entity("Maldives", "ORG", 40)],
        [_place("Toyota", 0, _TOYOTA), _place("Maldives", 40, _MALDIVES)],
    )
    assert (company.type, country.type, country.country) == ("ORG", "GPE", "MDV")


def test_a_person_with_one_place_like_mention_in_three_stays_a_person():
    (person,) = retype_places([_entity("Elizabeth", "PERSON", 0, 30, 60)], [_place("Elizabeth", 60, _AL_BAB)])
    assert person.type == "PERSON"


_LINCOLN = Place("geonames:5072006", 5072006, "Lincoln", "city", "USA", "Nebraska", 40.8, -96.67, 277348)


def test_a_person_named_in_full_stays_a_person_though_the_surname_is_a_town_s():
    mentions = (
        Mention(0, 14, "Andrew Lincoln", "PERSON", 0),
        Mention(40, 47, "Lincoln", "ORG", 1),
        Mention(80, 87, "Lincoln", "PERSON", 2),
    )
    keys = entity_keys("PERSON", "Andrew Lincoln", ["Lincoln"], None)
    actor = DocEntity(entity_id(keys[0]), "Andrew Lincoln", "PERSON", ("Lincoln",), mentions, keys)
    (person,) = retype_places([actor], [_place("Lincoln", 40, _LINCOLN), _place("Lincoln", 80, _LINCOLN)])
    assert person.type == "PERSON" and person.id == actor.id


def test_a_country_the_model_tagged_as_one_stays_a_country_beside_a_full_name_it_took_for_a_person():
    mentions = (Mention(0, 12, "Trump Russia", "PERSON", 0), Mention(40, 46, "Russia", "GPE", 1))
    keys = entity_keys("PERSON", "Trump Russia", ["Russia"], None)
    mistaken = DocEntity(entity_id(keys[0]), "Trump Russia", "PERSON", ("Russia",), mentions, keys)
    russia = Place("geonames:2017370", 2017370, "Russia", "country", "RUS", None, 60.0, 100.0, 140702000)
    (country,) = retype_places([mistaken], [_place("Russia", 40, russia)])
    assert (country.type, country.country) == ("GPE", "RUS")
