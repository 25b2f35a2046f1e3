"""Events as GDELT 2.0 event-table rows (tab-separated, no header, 61 columns).

Filled: ids, dates, actor codes (ISO3 country + sector, as CAMEO actor codes are
built), names, country codes, event codes, QuadClass, Goldstein, counts of one,
ActionGeo full name from the sentence, SOURCEURL. Left empty, because Rashomon
does not produce them (yet): known-group, ethnic, religion and extra type codes,
tone, and geo coordinates and FIPS codes (the where/when work fills those).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from rashomon.model import Actor
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


def _clean(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ")


def gdelt_rows(
    events: Iterable[StoredEvent], *, urls: dict[str, str], added: dt.datetime | None = None
) -> Iterator[list[str]]:
    """One 61-field row per event; ``urls`` maps article ids to their URL (or file)."""
    stamp = (added or dt.datetime.now(dt.timezone.utc)).strftime("%Y%m%d%H%M%S")
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
            "1" if event.place else "", event.place.text if event.place else "", "", "", "", "", "", "",
            stamp,
            urls.get(stored.article_id, ""),
        ]  # fmt: skip
        yield [_clean(value) for value in row]
