"""What story grouping knows about one article: its words, entities, places, years and date."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]+|\d[\d,.]*\d|\d")
_WIDE_PLACES = frozenset({"country", "continent", "region", "sea", "admin1"})
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)")
# Words of reporting, not of the event: every story has them.
_REPORTING = frozenset(
    "said says told according reported report reports reuters ap afp news agency statement added "
    "monday tuesday wednesday thursday friday saturday sunday year years week weeks day days "
    "percent people time".split()
)


# Enough for the who, what and where of a news lead; longer inputs cost more than they tell.
LEAD_WORDS = 60


@dataclass(frozen=True)
class StoredArticleFacts:
    """The stored rows story grouping reads for one article."""

    article_id: str
    title: str | None
    text: str
    published: dt.date | None
    outlet: str | None
    entities: tuple[tuple[str, str], ...]  # (entity id, label) per mention
    places: tuple[tuple[str, str], ...]  # (place id, feature) per mention
    time_values: tuple[str, ...]
    coordinates: Mapping[str, tuple[float, float]] = field(default_factory=dict)  # place id -> (lat, lon)


@dataclass(frozen=True)
class ArticleFeatures:
    article_id: str
    title: str
    lead: str  # title and first sentences: what the embedding reads
    published: dt.date | None
    outlet: str | None
    terms: Mapping[str, int]
    numbers: frozenset[str]
    persons: frozenset[str]
    others: frozenset[str]  # organisations, groups, events, facilities
    places: frozenset[str]
    local_places: frozenset[str]  # towns, bases, landmarks: not countries, continents or regions
    years: frozenset[int]
    main_person: str | None
    main_organisation: str | None = None
    main_place: str | None = None  # the town, base or landmark named most, at least twice
    main_place_at: tuple[float, float] | None = None  # its latitude and longitude
    vector: np.ndarray | None = field(default=None, compare=False)
    # The names and places its outlet puts in most of its articles (its own name, its dateline town,
    # its country's adjective): shared by two of that outlet's items, they say nothing of the event.
    house: frozenset[str] = frozenset()
    # The people it names that many articles of the window name ("Trump" in March 2017): shared, they
    # say nothing of which event two articles report.
    common: frozenset[str] = frozenset()


def _terms(text: str) -> tuple[Counter[str], frozenset[str]]:
    terms: Counter[str] = Counter()
    numbers = set()
    for match in _WORD.finditer(text):
        word = match.group().lower().strip("'-")
        if word[:1].isdigit():
            numbers.add(word.rstrip(".,"))
            continue
        if len(word) < 3 or word in STOP_WORDS or word in _REPORTING:
            continue
        if word.endswith("'s"):
            word = word[:-2]
        terms[word] += 1
    return terms, frozenset(numbers)


def _lead_text(facts: StoredArticleFacts, words: int = LEAD_WORDS) -> str:
    """The title and the first words of the text: what the embedding of an article reads."""
    lead = " ".join(facts.text.split()[:words])
    return f"{facts.title}. {lead}" if facts.title else lead


def article_features(facts: StoredArticleFacts) -> ArticleFeatures:
    text = f"{facts.title}\n{facts.text}" if facts.title else facts.text
    terms, numbers = _terms(text)
    persons: Counter[str] = Counter()
    organisations: Counter[str] = Counter()
    others: set[str] = set()
    for entity_id, label in facts.entities:
        if label == "PERSON":
            persons[entity_id] += 1
        elif label in ("ORG", "NORP", "EVENT", "FAC", "PRODUCT", "LAW", "WORK_OF_ART"):
            others.add(entity_id)
            if label == "ORG":
                organisations[entity_id] += 1
    years = {int(m.group(1)) for value in facts.time_values if (m := _YEAR.match(value))}
    main = persons.most_common(1)[0] if persons else None
    main_org = organisations.most_common(1)[0] if organisations else None
    local = Counter(place for place, feature in facts.places if feature not in _WIDE_PLACES).most_common(2)
    # A tie names no one main place.
    main_place = local[0][0] if local and local[0][1] >= 2 and (len(local) < 2 or local[1][1] < local[0][1]) else None
    return ArticleFeatures(
        article_id=facts.article_id,
        title=facts.title or facts.text[:80],
        lead=_lead_text(facts),
        published=facts.published,
        outlet=facts.outlet,
        terms=dict(terms),
        numbers=numbers,
        persons=frozenset(persons),
        others=frozenset(others),
        places=frozenset(place for place, _ in facts.places),
        local_places=frozenset(place for place, feature in facts.places if feature not in _WIDE_PLACES),
        years=frozenset(years),
        main_person=main[0] if main and main[1] >= 2 else None,
        main_organisation=main_org[0] if main_org and main_org[1] >= 2 else None,
        main_place=main_place,
        main_place_at=facts.coordinates.get(main_place) if main_place else None,
    )


def with_house_names(features: Iterable[ArticleFeatures], *, share: float, min_articles: int) -> list[ArticleFeatures]:
    """The articles, each with the names and places that at least ``share`` of its outlet's articles
    here carry (``ArticleFeatures.house``), for outlets with at least ``min_articles`` articles here."""
    items = list(features)
    by_outlet: dict[str, list[ArticleFeatures]] = {}
    for item in items:
        if item.outlet:
            by_outlet.setdefault(item.outlet, []).append(item)
    house: dict[str, frozenset[str]] = {}
    for outlet, articles in by_outlet.items():
        if len(articles) < min_articles:
            continue
        counts: Counter[str] = Counter()
        for item in articles:
            counts.update(item.persons | item.others | item.places)
        house[outlet] = frozenset(name for name, count in counts.items() if count >= share * len(articles))
    return [replace(item, house=house[item.outlet]) if item.outlet in house else item for item in items]


def with_common_names(
    features: Iterable[ArticleFeatures], df: Mapping[str, int], *, limit: float
) -> list[ArticleFeatures]:
    """The articles, each with the people it names that at least ``limit`` articles name
    (``ArticleFeatures.common``; ``df`` counts them under ``name_count_key``)."""
    return [
        replace(item, common=frozenset(name for name in item.persons if df.get(name_count_key(name), 0) >= limit))
        for item in features
    ]


def name_count_key(entity_id: str) -> str:
    """The key under which ``document_frequencies`` counts the articles naming an entity."""
    return f"name:{entity_id}"


def document_frequencies(features: Iterable[ArticleFeatures]) -> tuple[Counter[str], int]:
    """In how many articles each word, and each person or organisation (``name_count_key``), occurs; and
    how many articles."""
    counts: Counter[str] = Counter()
    total = 0
    for item in features:
        counts.update(item.terms.keys())
        counts.update(name_count_key(name) for name in item.persons | item.others)
        total += 1
    return counts, total
