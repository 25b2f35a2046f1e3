"""The built gazetteer: names, spellings, abbreviations, demonyms and the supplement."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.geo.build import build_gazetteer
from rashomon.geo.gazetteer import lookup_key, open_gazetteer


@pytest.fixture(scope="module")
def gazetteer():  # type: ignore[no-untyped-def]
    from rashomon.config import Settings
    from rashomon.service import ensure_gazetteer

    return ensure_gazetteer(Settings().gazetteer_path)


def test_lookup_key_folds_case_accents_articles_and_compounds():
    assert lookup_key("the Kremlin") == lookup_key("KREMLIN") == "kremlin"
    assert lookup_key("Khmeimim Airbase") == "khmeimim air base"
    assert lookup_key("Ţarţūs") == "tartus"


def test_damascus_candidates_include_the_capital_first_and_oregon(gazetteer):
    places = gazetteer.candidates("Damascus")
    assert places[0].country == "SYR" and places[0].feature == "capital"
    assert any(p.country == "USA" and p.admin1 == "Oregon" for p in places)


def test_supplement_has_both_spellings_of_the_air_base(gazetteer):
    (hmeimim,) = {p for p in gazetteer.candidates("Hmeimim air base")}
    assert hmeimim == gazetteer.candidates("Khmeimim Airbase")[0]
    assert hmeimim.feature == "base" and hmeimim.country == "SYR"


def test_abbreviations_need_their_dots(gazetteer):
    assert gazetteer.candidates("Calif.")[0].name == "California"
    assert all(p.name != "Massachusetts" for p in gazetteer.candidates("Mass"))


def test_demonyms_point_to_countries_and_continents(gazetteer):
    assert gazetteer.demonym("Syrian").country == "SYR"  # type: ignore[union-attr]
    assert gazetteer.demonym("European").feature == "continent"  # type: ignore[union-attr]
    assert gazetteer.demonym("Damascus") is None


def test_country_by_code(gazetteer):
    russia = gazetteer.country("RUS")
    assert russia is not None and russia.name == "Russia" and russia.geonameid == 2017370


def test_a_geonames_dump_replaces_the_bundled_cities(tmp_path: Path, fixture_path: Path):
    target = tmp_path / "gazetteer.sqlite"
    counts = build_gazetteer(target, geonames_dump=fixture_path / "dump_sample.txt")
    gazetteer = open_gazetteer(target)
    (village,) = gazetteer.candidates("Wardville")
    assert (village.name, village.feature, village.country, village.admin1) == ("Qaryat al-Ward", "city", "SYR", "Homs")
    assert gazetteer.candidates("Ward Hills Airfield")[0].feature == "airport"
    assert gazetteer.candidates("Ward Stream") == ()  # streams are not among the features kept
    assert not any(p.feature in ("city", "capital") for p in gazetteer.candidates("Damascus"))
    assert counts["places"] > 250  # countries, continents, admin1 and the supplement still come along
    homs = [p for p in gazetteer.candidates("Homs") if p.feature == "admin1"]
    assert homs and abs(homs[0].lat - 34.7) < 0.1  # the division is placed where its places are


def test_missing_or_stale_files_are_clear_errors(tmp_path: Path):
    from rashomon.errors import ConfigError

    with pytest.raises(ConfigError, match="rashomon gazetteer build"):
        open_gazetteer(tmp_path / "absent.sqlite")


def test_formal_and_suffixed_names_find_the_place(gazetteer):
    assert gazetteer.candidates("Republic of Armenia")[0].country == "ARM"
    assert any(p.feature == "admin1" and p.country == "MEX" for p in gazetteer.candidates("Oaxaca State"))
    assert gazetteer.candidates("Mexico City")[0].name == "Mexico City"  # a real name is never shortened
