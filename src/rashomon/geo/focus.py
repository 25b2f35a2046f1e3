"""An article's focus: the country (and city) its places point to most.

Every resolved mention votes for its country: named places fully, place adjectives less,
places inside organisation names least; towns and regions more than countries, which are
often named in passing; a shouted dateline ("BEIRUT —") three times over. An article that
names no place as such, only in adjectives ("British ministers") or inside organisation names
("University of California"), has no focus: those say who is involved, not where.

The opening gets no extra weight. It was doubled once, as news says where the story is in its
lead, but on CLIFF's hand-coded articles titles and leads name the country of a celebrity, a
market or an organisation as often as the place of the story: with the doubling 63/70 were
right, 65/70 without it, 65/70 with the doubling and the "named place" rule, 67/70 with neither
doubling nor adjective-only focus (docs/EVALUATION.md).
"""

from __future__ import annotations

from collections import Counter

from rashomon.geo.gazetteer import Gazetteer
from rashomon.model import Focus, Place, PlaceMention

_USE_WEIGHT = {"name": 1.0, "adjective": 0.6, "embedded": 0.3}
_CITY_FEATURES = {"city", "capital"}
_LOCAL_FEATURES = {"city", "capital", "admin1", "admin2", "base", "landmark", "airport", "port"}


def find_focus(mentions: tuple[PlaceMention, ...], gazetteer: Gazetteer) -> Focus:
    """The focus country and city of an article from its resolved place mentions."""
    votes: Counter[str] = Counter()
    cities: Counter[str] = Counter()
    by_id: dict[str, Place] = {}
    named = False
    for mention in mentions:
        place = mention.place
        if place is None or place.country is None:
            continue
        weight = _USE_WEIGHT.get(mention.use, 0.5)
        named = named or mention.use == "name"
        if place.feature in _LOCAL_FEATURES:
            weight *= 1.5  # a city or region says where the story is; a country is often named in passing
        if mention.text.isupper() and len(mention.text) > 3:
            weight *= 3.0  # a dateline ("LOS ANGELES —") states where the story was filed
        votes[place.country] += weight  # type: ignore[assignment]
        if place.feature in _CITY_FEATURES and mention.use == "name":
            cities[place.id] += weight  # type: ignore[assignment]
            by_id[place.id] = place
    if not votes or not named:
        return Focus(None, None)
    country_code = votes.most_common(1)[0][0]
    country = gazetteer.country(country_code)
    city_id = next((pid for pid, _ in cities.most_common() if by_id[pid].country == country_code), None)
    return Focus(country, by_id[city_id] if city_id else None)
