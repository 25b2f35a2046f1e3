"""An article's focus: the country (and city) its places point to most.

Every resolved mention votes for its country: named places fully, place adjectives less,
places inside organisation names least; mentions in the opening (title, dateline, lead)
count double, as that is where news says where the story is, and a shouted dateline
("BEIRUT —") counts three times over.
"""

from __future__ import annotations

from collections import Counter

from rashomon.geo.gazetteer import Gazetteer
from rashomon.model import Focus, Place, PlaceMention

_USE_WEIGHT = {"name": 1.0, "adjective": 0.6, "embedded": 0.3}
_LEAD_CHARS = 400
_CITY_FEATURES = {"city", "capital"}
_LOCAL_FEATURES = {"city", "capital", "admin1", "admin2", "base", "landmark", "airport", "port"}


def find_focus(mentions: tuple[PlaceMention, ...], gazetteer: Gazetteer) -> Focus:
    """The focus country and city of an article from its resolved place mentions."""
    votes: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    by_id: dict[str, Place] = {}
    for mention in mentions:
        place = mention.place
        if place is None or place.country is None:
            continue
        weight = _USE_WEIGHT.get(mention.use, 0.5) * (2.0 if mention.start < _LEAD_CHARS else 1.0)
        if place.feature in _LOCAL_FEATURES:
            weight *= 1.5  # a city or region says where the story is; a country is often named in passing
        if mention.text.isupper() and len(mention.text) > 3:
            weight *= 3.0  # a dateline ("LOS ANGELES —") states where the story was filed
        votes[place.country] += weight  # type: ignore[assignment]
        if place.feature in _CITY_FEATURES and mention.use == "name":
            cities[place.id] += weight  # type: ignore[assignment]
            by_id[place.id] = place
    if not votes:
        return Focus(None, None)
    country_code = votes.most_common(1)[0][0]
    country = gazetteer.country(country_code)
    city_id = next((pid for pid, _ in cities.most_common() if by_id[pid].country == country_code), None)
    return Focus(country, by_id[city_id] if city_id else None)
