"""Toponyms found and resolved in context, on short articles written for these tests."""

from __future__ import annotations

import pytest

from rashomon.geo.focus import find_focus
from rashomon.geo.recognize import find_toponyms
from rashomon.geo.resolve import resolve_toponyms
from rashomon.model import PlaceMention


@pytest.fixture(scope="module")
def places(engine):  # type: ignore[no-untyped-def]
    def run(text: str) -> tuple[PlaceMention, ...]:
        doc = engine.pipeline.nlp(text)
        return resolve_toponyms(text, find_toponyms(doc, engine.gazetteer), engine.gazetteer)

    return run


def _by_text(mentions: tuple[PlaceMention, ...]) -> dict[str, PlaceMention]:
    return {m.text: m for m in mentions}


def test_damascus_in_a_syria_story_is_the_syrian_capital(places):
    found = _by_text(places("Syrian officials met in Damascus on Monday to discuss the border with Lebanon."))
    assert found["Damascus"].place.country == "SYR"  # type: ignore[union-attr]


def test_a_qualifier_picks_the_small_namesake(places):
    found = _by_text(places("Firefighters in Damascus, Oregon, said the fire was contained by the evening."))
    damascus = found["Damascus"].place
    assert damascus is not None and (damascus.country, damascus.admin1) == ("USA", "Oregon")


def test_a_big_city_outranks_a_small_region_abroad_of_the_same_name(places):
    found = _by_text(places("Protesters gathered in Manchester and in Charlotte on Saturday, the police said."))
    assert found["Manchester"].place.country == "GBR"  # type: ignore[union-attr]  # not the Jamaican parish
    assert found["Charlotte"].place.country == "USA"  # type: ignore[union-attr]  # not Saint Vincent's
    found = _by_text(places("Jamaica's police said flooding hit Manchester and Clarendon after the storm."))
    assert found["Manchester"].place.country == "JAM"  # type: ignore[union-attr]


def test_us_counties_resolve_in_their_state(places):
    found = _by_text(places("Wildfires forced evacuations in Orange County, California, and in Miami-Dade County."))
    orange, miami = found["Orange County"].place, found["Miami-Dade County"].place
    assert orange is not None and (orange.feature, orange.admin1) == ("admin2", "California")
    assert abs(orange.lat - 33.7) < 0.5 and abs(orange.lon + 117.8) < 0.5
    assert miami is not None and miami.admin1 == "Florida"
    found = _by_text(places("Floods closed roads in Orange County, Texas, near Beaumont."))
    assert found["Orange County"].place.admin1 == "Texas"  # type: ignore[union-attr]


def test_the_european_union_stands_at_its_middle(places):
    eu = _by_text(places("Ministers of the EU met to discuss tariffs."))["EU"].place
    assert eu is not None and (round(eu.lat), round(eu.lon)) == (50, 10)


def test_bases_and_landmarks_resolve_to_their_own_coordinates(places):
    text = (
        "Russian aircraft left the Khmeimim Airbase near Latakia, while officials in the Kremlin "
        "discussed the Tartus naval facility."
    )
    found = _by_text(places(text))
    base = found["Khmeimim Airbase"].place
    assert base is not None and base.feature == "base" and abs(base.lat - 35.40) < 0.05
    kremlin = found["Kremlin"].place
    assert kremlin is not None and abs(kremlin.lat - 55.75) < 0.05 and abs(kremlin.lon - 37.62) < 0.05


def test_adjectives_and_names_inside_organisations_are_kept_apart(places):
    text = "The Syrian Observatory for Human Rights said Turkish troops shelled villages near Afrin."
    found = _by_text(places(text))
    assert found["Turkish"].use == "adjective" and found["Turkish"].place.country == "TUR"  # type: ignore[union-attr]
    assert found["Syrian"].use == "embedded"
    assert found["Afrin"].use == "name" and found["Afrin"].place.country == "SYR"  # type: ignore[union-attr]


def test_people_named_like_places_are_not_places(places):
    found = _by_text(places("Talk show host Joan Rivers joked about her plastic surgery. Rivers laughed."))
    assert "Rivers" not in found


def test_a_shouted_dateline_is_a_place(places):
    found = _by_text(places("BEIRUT (Reuters) - Lebanon's parliament met on Tuesday."))
    beirut = found["BEIRUT"].place
    assert beirut is not None and beirut.country == "LBN"


def test_focus_is_where_the_story_happens_not_every_country_named(places, engine):
    text = (
        "ALEPPO, Syria - Residents of Aleppo queued for bread on Sunday. Aid arrived from Turkey, "
        "and officials in Aleppo said more was expected from Turkey and Jordan."
    )
    focus = find_focus(places(text), engine.gazetteer)
    assert focus.country is not None and focus.country.country == "SYR"
    assert focus.city is not None and focus.city.name == "Aleppo"


def test_no_focus_from_adjectives_and_organisation_names_alone(places, engine):
    text = (
        "Scientists at the University of California say a brain implant let a patient spell words. "
        "British researchers called the result promising but early."
    )
    assert find_focus(places(text), engine.gazetteer).country is None


def test_the_country_named_throughout_outweighs_a_caption_in_the_opening(places, engine):
    caption = (
        "Actor named envoy for Haiti. The actor speaks at a charity dinner in Los Angeles, California, "
        "held at a hotel in Los Angeles on Saturday evening. "
    )
    body = (
        "The appointment was announced by the prime minister, who praised years of work on rebuilding "
        "schools and clinics after the earthquake. "
        * 3
        + "He first went to Haiti in 2010. His charity runs camps in Haiti, and he says Haiti needs "
        "doctors more than money. Officials in Haiti said the post carries no salary."
    )
    focus = find_focus(places(caption + body), engine.gazetteer)
    assert focus.country is not None and focus.country.country == "HTI"


def test_a_city_the_model_took_for_a_person_is_a_place_after_in_or_near(places):
    text = "Turkish-backed rebels captured the outskirts of al-Bab on Thursday. Queen Elizabeth met the son of Elizabeth Warren."
    found = _by_text(places(text))
    al_bab = found["al-Bab"].place
    assert al_bab is not None and al_bab.country == "SYR"
    assert "Elizabeth" not in found and "Elizabeth Warren" not in found


def test_an_agency_the_project_knows_by_its_capitals_is_not_a_town_of_that_name(places):
    # SANA, the Syrian state news agency, is also Saña, a town in Peru.
    found = _by_text(places("SANA said the army entered the village near Aleppo on Friday."))
    assert "SANA" not in found
    assert found["Aleppo"].place.country == "SYR"  # type: ignore[union-attr]


def test_a_city_the_model_did_not_tag_is_found_after_in_but_not_inside_a_longer_name(places):
    text = (
        "Thousands gathered in Novi Sad on Sunday. Talks in Stoke-on-Trent ended, and a college in the "
        "Mobile Baidu app was a joke."
    )
    found = _by_text(places(text))
    assert found["Novi Sad"].place.country == "SRB"  # type: ignore[union-attr]
    assert "Stoke" not in found and "Mobile" not in found


def test_the_town_of_a_name_is_no_country_of_that_name(places):
    found = _by_text(places("In Pakistan's Swat valley, a hotel in the town of Bahrain collapsed into the river."))
    assert found["Bahrain"].place is None or found["Bahrain"].place.feature not in {"country", "admin1"}
    found = _by_text(places("Talks were held in the city of Mosul and in Bahrain on Monday."))
    assert found["Bahrain"].place.feature == "country"  # type: ignore[union-attr]


def test_a_name_before_region_is_the_region_and_places_the_towns_in_it(places):
    # Written for this test. Donetsk is a city and a region of Ukraine and a town of Russia; "the eastern
    # Donetsk region" names the region, and Pokrovsk (a town of that region, and one of Yakutia) lies in
    # the region the article names, though the article names Russia more.
    text = (
        "Moscow said on Tuesday that Russian troops were advancing on Pokrovsk in the eastern Donetsk region. "
        "The Russian Defence Ministry in Moscow said Pokrovsk would soon be encircled."
    )
    found = _by_text(places(text))
    donetsk, pokrovsk = found["Donetsk"].place, found["Pokrovsk"].place
    assert donetsk is not None and (donetsk.country, donetsk.admin1) == ("UKR", "Donetsk")
    assert pokrovsk is not None and (pokrovsk.country, pokrovsk.admin1) == ("UKR", "Donetsk")
