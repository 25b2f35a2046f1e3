"""Assemble a story's comparison from the store: aligned statements, subjects and framing."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.compare.align import (
    PEOPLE_BY_CALLING,
    STRUCTURES,
    AlignedGroup,
    AttackMeans,
    Number,
    Statement,
    actor_signature,
    align_statements,
    casualty_kind,
    count_qualifiers,
    damage_kind,
    detention_conflicts,
    is_earlier_figure,
    is_hypothetical,
    is_written_date,
    load_attack_means,
    prison_terms,
    ranges_joined,
    sentence_so_far,
    toll_conflicts,
    unit_class,
)
from rashomon.compare.classifier import (
    LinearClassifier,
    ReportedSpeech,
    feature_matrix,
    load_classifier,
    load_reported_speech,
    subjectivity_labels,
)
from rashomon.compare.dismissals import capture_denials, with_dismissals
from rashomon.compare.framing import (
    ActorTone,
    ArticleFraming,
    Cited,
    LabelWords,
    LoadedUse,
    NamedGroup,
    NamedPerson,
    ToneWords,
    actor_labels,
    count_kinds,
    descriptor_labels,
    group_labels,
    load_label_words,
    load_tone_words,
    load_word_list,
    sentence_polarity,
    speaker_rows,
)
from rashomon.compare.genre import GenreLabels, article_genre, load_genre_labels
from rashomon.compare.jurisdiction import jurisdiction_conflicts
from rashomon.compare.lexicon import LoadedLexicon, load_loaded_lexicon
from rashomon.compare.responsibility import responsibility_conflicts
from rashomon.compare.sides import reversed_sides_conflicts, state_sides
from rashomon.compare.utterances import alignment_units, is_request_for_comment, said_clauses
from rashomon.compare.vectors import (
    compared_members,
    sentence_texts,
    stored_sentence_vectors,
    stored_utterance_vectors,
    utterance_vectors,
)
from rashomon.embed import SentenceEncoder
from rashomon.embed.encoder import DIMENSIONS
from rashomon.entities.names import name_key, surname_key
from rashomon.entities.tables import EntityTables, load_entity_tables
from rashomon.errors import RashomonError
from rashomon.model import Article, Claim, CorpusEntity, Event, Mention, PlaceMention, Quantity, Quote
from rashomon.quotation_marks import quoted_spans
from rashomon.quotes.claims import OutletNames, load_outlet_names
from rashomon.store.events import EventFilter
from rashomon.store.quotes import QuoteFilter
from rashomon.store.sqlite import ArticleEntity, Store
from rashomon.store.stories import StoredStory
from rashomon.timex.normalize import normalize

_THEME_WORD = re.compile(r"[A-Za-z][a-z]{4,}(?:-[a-z]+)*")
SUBJECT_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
TONE_ACTORS = 5
# Words further than this from an actor's name in a sentence are about something else: "amid Israeli
# aggression, Damascus chose to deepen cooperation" is unfavourable to Israel, favourable to Damascus.
TONE_WINDOW = 5


@dataclass(frozen=True)
class FramingModels:
    """What the comparison needs loaded once: the encoder, classifiers and word lists."""

    encoder: SentenceEncoder
    subjectivity: LinearClassifier
    bias: LinearClassifier
    lexicon: LoadedLexicon
    tone: ToneWords
    label_words: LabelWords
    group_nouns: frozenset[str]
    generic_words: frozenset[str]
    reported_speech: ReportedSpeech
    outlets: OutletNames
    states: EntityTables
    means: AttackMeans
    genres: GenreLabels
    capture_words: frozenset[str]

    @classmethod
    def load(cls, encoder: SentenceEncoder | None = None) -> FramingModels:
        return cls(
            encoder or SentenceEncoder(), load_classifier("subjectivity"), load_classifier("bias"),
            load_loaded_lexicon(), load_tone_words(), load_label_words(), load_word_list("group_label_nouns.txt"),
            load_word_list("generic_words.txt"), load_reported_speech(),
            load_outlet_names(), load_entity_tables(), load_attack_means(), load_genre_labels(),
            load_word_list("capture_words.txt"),
        )  # fmt: skip


@dataclass(frozen=True)
class Subject:
    """An actor or place, and the first sentence of each article that names it."""

    entity_id: str
    name: str
    type: str
    citations: tuple[Cited, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(c.article_id for c in self.citations)


@dataclass(frozen=True)
class Theme:
    """A content word of the story and the first sentence of each article that uses it."""

    term: str
    count: int
    citations: tuple[Cited, ...]

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(c.article_id for c in self.citations)


@dataclass(frozen=True)
class Comparison:
    story: StoredStory
    articles: tuple[Article, ...]
    subjects: tuple[Subject, ...]
    groups: tuple[AlignedGroup, ...]
    framing: tuple[ArticleFraming, ...]
    themes: tuple[Theme, ...]
    sentences: Mapping[str, tuple[str, ...]]  # article id -> its sentences, in order (what citations index)


@dataclass(frozen=True)
class _ArticleFacts:
    article: Article
    sentences: tuple[tuple[int, int], ...]
    entities: tuple[ArticleEntity, ...]
    roles: dict[str, list[str]]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    events: tuple[Event, ...]
    places: tuple[PlaceMention, ...] = ()


def compare_story(store: Store, story_id: str, models: FramingModels) -> Comparison:
    story = store.story(story_id)
    if story is None:
        raise RashomonError(f"no story {story_id!r}; `rashomon stories` lists them")
    facts = []
    for member in compared_members(story.articles):
        article = store.article(member.article_id)
        if article is None:
            continue
        spans = tuple((span.start, span.end) for span in store.article_sentences(article.id))
        where = QuoteFilter(article=article.id)
        facts.append(
            _ArticleFacts(
                article, spans, tuple(store.article_entities(article.id)), store.article_roles(article.id),
                tuple(q.quote for q in store.quotes(where)), tuple(c.claim for c in store.claims(where)),
                tuple(e.event for e in store.events(EventFilter(article=article.id))),
                tuple(store.article_places(article.id)),
            )
        )  # fmt: skip
    facts = _merge_same_names(facts, models.states)
    statements = [statement for item in facts for statement in _statements(item, models.states, models.means)]
    vectors = _statement_vectors(store, facts, statements, models.encoder)
    # Merging names renames speakers only; the clauses and what is embedded of them stay as stored.
    clauses = {item.article.id: said_clauses(item.quotes) for item in facts}
    spoken = _utterance_vectors(store, clauses, models.encoder)
    units = alignment_units(statements, vectors, clauses, spoken, models.states)
    groups = align_statements(units.statements, units.vectors, units.spoken)
    published = {item.article.id: item.article.published for item in facts}
    groups = _without_disputed_singles(
        with_dismissals(
            statements,
            toll_conflicts(statements, groups, published)
            + capture_denials(statements, _takeable_spans(facts, models.states), models.capture_words)
            + detention_conflicts(statements, groups, published)
            + jurisdiction_conflicts(statements, models.states)
            + reversed_sides_conflicts(statements, published, models.states)
            + responsibility_conflicts(statements, models.states)
            + groups,
        )
    )
    framing = tuple(_framing(item, statements, vectors, models) for item in facts)
    sentences = {item.article.id: tuple(sentence_texts(item.article.text, item.sentences)) for item in facts}
    themes = _themes(statements, models.generic_words)
    return Comparison(
        story, tuple(item.article for item in facts), _subjects(facts), tuple(groups), framing, themes, sentences
    )


def _takeable_spans(
    facts: Sequence[_ArticleFacts], states: EntityTables
) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """Where each article names each entity a side can take or hold (a town the model may have read
    as a body, a site, a person): (article, entity) to its mentions' spans. Not states, their
    capitals or nationalities."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for item in facts:
        for entity in item.entities:
            if entity.entity.type == "NORP" or _a_state(entity.entity, states):
                continue
            spans[(item.article.id, entity.entity.id)] = [(m.start, m.end) for m in entity.mentions]
    return spans


def _without_disputed_singles(groups: Sequence[AlignedGroup]) -> list[AlignedGroup]:
    """A statement set against another outlet's (a toll, a dismissal) is not also told by one only,
    and statements that a conflict holds all of are not also shown as agreeing."""
    conflicts = [
        {(statement.article_id, statement.sentence) for statement in group.statements}
        for group in groups
        if group.label == "conflict"
    ]
    disputed = set().union(*conflicts)

    def held(group: AlignedGroup) -> bool:
        sentences = {(statement.article_id, statement.sentence) for statement in group.statements}
        return any(sentences <= conflict for conflict in conflicts)

    return [
        group
        for group in groups
        if not (group.label == "single" and (group.statements[0].article_id, group.statements[0].sentence) in disputed)
        and not (group.label == "shared" and held(group))
    ]


def _merge_same_names(facts: Sequence[_ArticleFacts], states: EntityTables) -> list[_ArticleFacts]:
    """One entity for one name within a story, and a nationality folded into its country. The
    corpus keeps "al-Bab" tagged as a place and "al-Bab" tagged as an organisation apart (across a
    corpus the same name may be a person and a place), but inside one story they are the same town;
    "Turkish" troops and "Turkey" are one actor of the story, not two."""
    mentioned: Counter[str] = Counter()
    by_name: dict[str, list[CorpusEntity]] = {}
    for item in facts:
        for found in item.entities:
            mentioned[found.entity.id] += len(found.mentions)
            group = by_name.setdefault(_story_name_key(found.entity, states), [])
            if all(entity.id != found.entity.id for entity in group):
                group.append(found.entity)
    # Named as often, a place is the place: "the Saratov oil refinery" (a body, to the model) in one
    # report and "over the Saratov region" in the other name one town.
    chosen = {
        entity.id: max(group, key=lambda e: (mentioned[e.id], e.type in _PLACE_TYPES, e.id))
        for group in by_name.values()
        for entity in group
    }
    for entity_id, person in _short_forms_of_others(facts, mentioned).items():
        chosen[entity_id] = person
    for people in _people_by_surname(by_name):
        fullest = max(people, key=lambda e: (len(name_key(e.name).split()), mentioned[e.id], e.id))
        replaced = {chosen[person.id].id for person in people}
        for entity_id, entity in list(chosen.items()):
            if entity.id in replaced:
                chosen[entity_id] = fullest
    countries = {
        states.country_by_name[key]: chosen[group[0].id]
        for key, group in by_name.items()
        if key in states.country_by_name and any(entity.type == "GPE" for entity in group)
    }
    for entity_id, entity in list(chosen.items()):
        if entity.type == "NORP" and entity.country in countries:
            chosen[entity_id] = countries[entity.country]
    merged = []
    for item in facts:
        mentions: dict[str, list[Mention]] = {}
        for found in item.entities:
            mentions.setdefault(chosen[found.entity.id].id, []).extend(found.mentions)
        entities = {chosen[found.entity.id].id: chosen[found.entity.id] for found in item.entities}
        roles: dict[str, list[str]] = {}
        for key, values in item.roles.items():
            target = roles.setdefault(chosen[key].id if key in chosen else key, [])
            target += [value for value in values if value not in target]
        joined = tuple(ArticleEntity(entities[key], tuple(found)) for key, found in mentions.items())
        quotes = tuple(_spoken_by(quote, chosen) for quote in item.quotes)
        merged.append(replace(item, entities=joined, roles=roles, quotes=quotes))
    return merged


def _story_name_key(entity: CorpusEntity, states: EntityTables) -> str:
    """The key one name has within a story: a body named after its country by the country's name or
    its nationality is one body ("Armenia's Defence Ministry", "the Armenian Defence Ministry")."""
    key = name_key(entity.name)
    words = key.split()
    if entity.type != "ORG" or len(words) < 2:
        return key
    country = states.nation_of(words[0])
    return " ".join([country, *words[1:]]) if country else key


def _spoken_by(quote: Quote, chosen: Mapping[str, CorpusEntity]) -> Quote:
    """The quote with its speaker under the story's one name for them, when they are a person: "the
    Russians said" stays the people's words, not the state's."""
    speaker = quote.speaker
    if speaker is None or speaker.entity is None or speaker.entity not in chosen:
        return quote
    entity = chosen[speaker.entity]
    if entity.type != "PERSON" or (entity.id, entity.name) == (speaker.entity, speaker.name):
        return quote
    return replace(quote, speaker=replace(speaker, entity=entity.id, name=entity.name))


def _short_forms_of_others(facts: Sequence[_ArticleFacts], mentioned: Counter[str]) -> dict[str, CorpusEntity]:
    """People the corpus linked by a short form the story shares with someone it names in full:
    every "Kim" of a story about Kim Jong-nam, linked across the corpus to a "Connie Kim" named
    elsewhere. When the short form is that person's family name ("Trump" beside Donald Trump) it
    is that person (the most mentioned, if several; "Kim" beside Kim Jong-nam, whose family name comes
    first); otherwise the story calls it by the form it writes ("Connie" beside Connie Lee), since a
    first name is not a surname. A short
    form no one else in the story shares ("Obama") keeps the corpus's person."""
    written_forms: dict[str, Counter[str]] = {}
    people: dict[str, CorpusEntity] = {}
    for item in facts:
        for found in item.entities:
            if found.entity.type == "PERSON":
                people[found.entity.id] = found.entity
                written_forms.setdefault(found.entity.id, Counter()).update(m.text for m in found.mentions)
    keys = {entity_id: {name_key(form) for form in forms} for entity_id, forms in written_forms.items()}
    named_in_full = {entity_id for entity_id, person in people.items() if name_key(person.name) in keys[entity_id]}
    moved = {}
    for entity_id, person in people.items():
        if entity_id in named_in_full or len(name_key(person.name).split()) < 2:
            continue
        words = set().union(*(key.split() for key in keys[entity_id]))
        sharing = [
            other
            for other_id, other in people.items()
            if other_id in named_in_full and other_id != entity_id and words <= set(name_key(other.name).split())
        ]
        if not sharing:
            continue
        family_names = {surname_key(form) for form in written_forms[entity_id]}
        bearers = [other for other in sharing if family_names == {surname_key(other.name)}]
        if bearers:
            moved[entity_id] = max(bearers, key=lambda other: (mentioned[other.id], other.id))
        else:
            moved[entity_id] = replace(person, name=written_forms[entity_id].most_common(1)[0][0])
    return moved


def _people_by_surname(by_name: Mapping[str, list[CorpusEntity]]) -> list[list[CorpusEntity]]:
    """People of one story under fuller and shorter forms of one name ("Tayyip Erdogan", "Recep
    Tayyip Erdoğan"): each shorter form joins the one fullest form whose words hold its own. "Kim
    Jong-un" and "Kim Jong-nam" do not nest, so two people named Kim stay two, and a bare "Kim"
    beside both joins neither; "Abdel Rahman" joins "Rami Abdel Rahman" though the story also has
    a "Failaq al Rahman"."""
    people: dict[str, list[CorpusEntity]] = {}
    for group in by_name.values():
        for entity in group:
            if entity.type == "PERSON" and (surname := surname_key(entity.name)):
                people.setdefault(surname, []).append(entity)
    merged: dict[str, list[CorpusEntity]] = {}
    for group in people.values():
        words = {entity.id: frozenset(name_key(entity.name).split()) for entity in group}
        for entity in group:
            fuller = [other for other in group if words[entity.id] < words[other.id]]
            fullest = [other for other in fuller if not any(words[other.id] < words[o.id] for o in fuller)]
            if len(fullest) == 1:
                merged.setdefault(fullest[0].id, [fullest[0]]).append(entity)
    return list(merged.values())


def _themes(statements: Sequence[Statement], generic: frozenset[str], limit: int = 40) -> tuple[Theme, ...]:
    """Words of substance (not names, not news boilerplate) by how often the story uses them."""
    counts: Counter[str] = Counter()
    first: dict[str, dict[str, Statement]] = {}
    for statement in statements:
        for match in _THEME_WORD.finditer(statement.text):
            word = match.group(0)
            if word[0].isupper() or word.lower() in generic or word.lower() in STOP_WORDS:
                continue
            key = word.lower()
            counts[key] += 1
            first.setdefault(key, {}).setdefault(statement.article_id, statement)

    def theme(term: str) -> Theme:
        cited = tuple(Cited(s.article_id, s.sentence, s.start, s.end, s.text) for s in first[term].values())
        return Theme(term, counts[term], cited)

    shared = sorted((t for t in counts if len(first[t]) > 1), key=lambda t: (-counts[t], t))[:limit]
    themes = [theme(term) for term in shared]
    for article in dict.fromkeys(s.article_id for s in statements):
        # Longer words first among equals: "extradition" says more than "talks".
        alone = sorted((t for t in counts if list(first[t]) == [article]), key=lambda t: (-counts[t], -len(t), t))
        themes += [theme(term) for term in alone[: limit // 2]]
    return tuple(themes)


def _utterance_vectors(
    store: Store, clauses: Mapping[str, Sequence[Quote]], encoder: SentenceEncoder
) -> dict[str, np.ndarray]:
    """Each article's said-clause vectors (``clauses`` by article): kept in the store when ingest
    prepared this story, else embedded now."""
    kept = stored_utterance_vectors(store, list(clauses))
    vectors = {}
    missing = {}
    for article_id, said in clauses.items():
        array = kept.get(article_id)
        if array is not None and array.shape == (len(said), DIMENSIONS):
            vectors[article_id] = array
        elif said:
            missing[article_id] = said
    for article_id, array in utterance_vectors(missing, encoder).items():
        vectors[article_id] = array.astype(np.float16).astype(np.float32)  # as stored
    return vectors


def _statement_vectors(
    store: Store, facts: Sequence[_ArticleFacts], statements: Sequence[Statement], encoder: SentenceEncoder
) -> np.ndarray:
    """Vectors kept in the store when ingest prepared this story; the encoder for the rest."""
    kept = stored_sentence_vectors(store, [item.article.id for item in facts])
    counts = {item.article.id: len(item.sentences) for item in facts}
    usable = {key: array for key, array in kept.items() if array.shape == (counts[key], DIMENSIONS)}
    vectors = np.zeros((len(statements), DIMENSIONS), dtype=np.float32)
    missing = []
    for i, statement in enumerate(statements):
        if statement.article_id in usable:
            vectors[i] = usable[statement.article_id][statement.sentence]
        else:
            missing.append(i)
    if missing:
        # Rounded as the stored ones are, so a comparison is the same whether or not it was prepared.
        fresh = encoder.encode([statements[i].text for i in missing])
        vectors[missing] = fresh.astype(np.float16).astype(np.float32)
    return vectors


_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _statements(item: _ArticleFacts, states: EntityTables, means: AttackMeans) -> list[Statement]:
    article = item.article
    claims, quotes, events = item.claims, item.quotes, item.events
    by_sentence: dict[int, set[str]] = {}
    places_by_sentence: dict[int, set[str]] = {}
    own_outlet = name_key(article.outlet) if article.outlet else None
    for entity in item.entities:
        key = name_key(entity.entity.name)
        # The outlet named in its own report ("a document seen by Pacific Wire") is no place of the story.
        is_place = entity.entity.type in _PLACE_TYPES and key not in states.country_by_name and key != own_outlet
        for mention in entity.mentions:
            by_sentence.setdefault(mention.sentence, set()).add(entity.entity.id)
            if is_place:
                places_by_sentence.setdefault(mention.sentence, set()).add(entity.entity.id)
    _add_the_capital(item, places_by_sentence, states)
    regions, within = _regions_by_sentence(item)
    statements = []
    for index, (start, end) in enumerate(item.sentences):
        text = article.text[start:end].strip()
        if len(text.split()) < 4 or not _is_prose(text):
            continue
        inside = [c for c in claims if c.start < end and c.end > start]
        numbers = tuple(
            number
            for c in inside
            for number in ranges_joined(
                [_number(article.text, q, article.published) for q in c.quantities if not _is_year(q)]
            )
        ) + prison_terms(text)
        sentence_events = [e for e in events if e.sentence.start < end and e.sentence.end > start]
        quoted = any(q.start < end and q.end > start for q in quotes)
        statements.append(
            Statement(
                article.id, article.outlet, index, start, end, text, frozenset(by_sentence.get(index, ())), numbers,
                frozenset(e.type for e in sentence_events if e.negated),
                frozenset(e.type for e in sentence_events if not e.negated),
                bool(inside or sentence_events or quoted),
                frozenset(
                    f"{e.type} {signature}" for e in sentence_events for actor in (e.source, e.target)
                    if actor is not None and (signature := actor_signature(actor.entity, actor.name, states))
                ),
                frozenset(
                    e.date.value for e in sentence_events
                    if e.date is not None and e.date.value and re.fullmatch(r"\d{4}-\d\d-\d\d", e.date.value)
                    and is_written_date(e.date.text)
                ),
                means.found_in(text),
                frozenset(places_by_sentence.get(index, ())),
                sides=state_sides(sentence_events),
                regions=frozenset(regions.get(index, ())),
                within=frozenset(within.get(index, ())),
            )
        )  # fmt: skip
    return statements


# "Karaganda region", "Van province": the name is the region's, whatever place the resolver chose for it.
_UNIT_AFTER = re.compile(r"\s+(?:province|region|governorate|oblast|prefecture|state)\b", re.IGNORECASE)
_TOWNS = frozenset({"city", "capital", "admin2", "base", "landmark", "airport", "port"})


def _regions_by_sentence(item: _ArticleFacts) -> tuple[dict[int, set[str]], dict[int, set[str]]]:
    """By sentence, the first-level regions it names ("Karaganda region") and those its towns and sites
    lie in (Shakhtinsk is in Karaganda region), as "country/region" keys."""
    regions: dict[int, set[str]] = {}
    within: dict[int, set[str]] = {}
    for mention in item.places:
        place = mention.place
        if mention.use != "name" or place is None or not place.country or not place.admin1:
            continue
        index = next((i for i, (start, end) in enumerate(item.sentences) if start <= mention.start < end), None)
        if index is None:
            continue
        key = f"{place.country}/{place.admin1}"
        if place.feature == "admin1" or _UNIT_AFTER.match(item.article.text, mention.end):
            regions.setdefault(index, set()).add(key)
        elif place.feature in _TOWNS:
            within.setdefault(index, set()).add(key)
    return regions, within


_THE_CAPITAL = re.compile(r"\bthe (?:\w+ )?capital\b(?! of\b)", re.IGNORECASE)


def _add_the_capital(item: _ArticleFacts, places_by_sentence: dict[int, set[str]], states: EntityTables) -> None:
    """ "Eight people were killed in the capital": the capital is the last one the article named before."""
    capitals = sorted(
        (mention.start, entity.entity.id)
        for entity in item.entities
        if entity.entity.type == "GPE" and name_key(entity.entity.name) in states.country_by_indicator
        for mention in entity.mentions
    )
    if not capitals:
        return
    for index, (start, end) in enumerate(item.sentences):
        found = _THE_CAPITAL.search(item.article.text, start, end)
        if found is None:
            continue
        before = [entity_id for position, entity_id in capitals if position < found.start()]
        if before:
            places_by_sentence.setdefault(index, set()).add(before[-1])


_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE)
_LOWER_WORD = re.compile(r"\b[a-z]{2,}")


def _is_prose(text: str) -> bool:
    """A sentence says something only if some word of it is not a name or a date: "MOSCOW,
    February 9. /TASS/." is a dateline that every report of the agency opens with, not a statement."""
    return _LOWER_WORD.search(_MONTH.sub(" ", text)) is not None


def _is_year(quantity: Quantity) -> bool:
    return quantity.unit is None and quantity.value.is_integer() and 1900 <= quantity.value <= 2100


_NOT_PEOPLE = frozenset({"money", "percent", "magnitude"})
# "Dozens of aftershocks followed, the strongest of magnitude 5.4": not the quake the story is about.
_AFTERSHOCK = re.compile(r"\b(?:after|fore)shocks?\b", re.IGNORECASE)
# How deep a quake's focus lay: "at a depth of 7 km", "10 km deep".
_DEPTH_BEFORE = re.compile(r"\bdepth\s+of\s+(?:about\s+|around\s+|some\s+|nearly\s+)?$", re.IGNORECASE)
_DEPTH_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?(?:deep|below the surface|underground)\b", re.IGNORECASE)


_LEADING_PREPOSITION = re.compile(r"^(?:in|on|during|by|since|over|for|until|through|within)\s+", re.IGNORECASE)


def _day_of(scope: str | None, published: dt.date | None) -> str | None:
    """The calendar day a scope names, against the publication date: "Sunday" in a report of Monday
    16 November 2026 and "November 15" are both 2026-11-15, and so is a part of it ("Sunday morning")."""
    if scope is None or published is None:
        return None
    found = normalize(_LEADING_PREPOSITION.sub("", scope), anchor=published)
    day = _A_DAY_OR_PART.fullmatch(found.value) if found is not None else None
    return day.group(1) if day else None


# A calendar day, or a part of one in TIMEX3's terms: morning, afternoon, evening, night, daytime.
_A_DAY_OR_PART = re.compile(r"(\d{4}-\d\d-\d\d)(?:T(?:MO|AF|EV|NI|DT))?")


def _number(text: str, quantity: Quantity, published: dt.date | None) -> Number:
    kind = unit_class(quantity.unit)
    # A count of people is whole: "the strongest of magnitude 5.4" counts no one.
    people = kind not in _NOT_PEOPLE and float(quantity.value).is_integer()
    casualty = casualty_kind(text, quantity.start, quantity.end) if people else None
    if kind in {None, "people", "children", "women", "combatants"} and casualty is not None:
        kind = f"{kind or 'people'} {casualty}"
    elif kind in PEOPLE_BY_CALLING and casualty is not None:
        kind = f"people {casualty}"  # "killing at least nine miners"
    elif casualty == "detained":
        kind = "people detained"  # only people are detained: "14 violators of public order were detained"
    elif kind == "magnitude" and _AFTERSHOCK.search(sentence_so_far(text, quantity.start)):
        kind = "aftershock magnitude"
    elif kind == "distance" and (
        _DEPTH_BEFORE.search(text[max(0, quantity.start - 30) : quantity.start])
        or _DEPTH_AFTER.match(text[quantity.end : quantity.end + 40])
    ):
        kind = "depth"
    elif kind in STRUCTURES and (damage := damage_kind(text, quantity.start, quantity.end)) is not None:
        kind = f"{kind} {damage}"
    scope = " ".join(quantity.time_scope.lower().split()) if quantity.time_scope else None
    qualifiers = count_qualifiers(text, quantity.start, quantity.end, quantity.unit)
    hypothetical = is_hypothetical(text, quantity.start)
    earlier = is_earlier_figure(text, quantity.start)
    day = _day_of(quantity.time_scope, published)
    return Number(
        quantity.value,
        quantity.bound,
        quantity.unit,
        quantity.text,
        kind,
        scope,
        qualifiers,
        hypothetical,
        earlier,
        day,
    )


def _subjects(facts: Sequence[_ArticleFacts]) -> tuple[Subject, ...]:
    names: dict[str, tuple[str, str]] = {}
    cited: dict[str, list[Cited]] = {}
    for item in facts:
        for entity in item.entities:
            if entity.entity.type not in SUBJECT_TYPES or not entity.mentions:
                continue
            first = min(entity.mentions, key=lambda m: m.start)
            start, end = item.sentences[first.sentence]
            names[entity.entity.id] = (entity.entity.name, entity.entity.type)
            cited.setdefault(entity.entity.id, []).append(
                Cited(item.article.id, first.sentence, start, end, item.article.text[start:end].strip())
            )
    subjects = [Subject(key, *names[key], tuple(citations)) for key, citations in cited.items()]
    subjects.sort(key=lambda s: (-len(s.citations), s.citations[0].article_id, s.citations[0].start))
    return tuple(subjects)


def _quoted_spans(quotes: Sequence[Quote]) -> tuple[tuple[int, int], ...]:
    """Where each quotation's own words lie in the article (its pieces, when it is cut by its cue)."""
    return tuple((piece.start, piece.end) for quote in quotes for piece in quote.pieces)


def _without(statement: Statement, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence with the quoted words blanked out: what the outlet says in its own words."""
    characters = list(statement.text)
    for start, end in spans:
        for offset in range(max(start, statement.start), min(end, statement.end)):
            characters[offset - statement.start] = " "
    return "".join(characters)


# A sentence this much inside quotation marks is its speaker's words: "But we can't let these
# events divide us," the second sentence of a prime minister's statement, is no opinion of the outlet.
QUOTED_SHARE = 0.8


def _mostly_quoted(statement: Statement, spans: Sequence[tuple[int, int]]) -> bool:
    inside = sum(max(0, min(end, statement.end) - max(start, statement.start)) for start, end in spans)
    return inside >= QUOTED_SHARE * len(statement.text)


def _speaker_sentences(
    entity: ArticleEntity, quotes: Sequence[Quote], sentences: Sequence[tuple[int, int]]
) -> set[int]:
    """The sentences whose quotation this actor speaks (where the speaker is named)."""
    spoken = set()
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None:
            continue
        named = speaker.entity == entity.entity.id or any(
            speaker.start <= mention.start and mention.end <= speaker.end for mention in entity.mentions
        )
        if named:
            spoken.add(_sentence_at(sentences, speaker.start))
    return spoken


def _polarity_toward(
    entity: ArticleEntity,
    mentions: Sequence[Mention],
    statement: Statement,
    quoted: Sequence[tuple[int, int]],
    models: FramingModels,
    suffered: Sequence[tuple[int, int]] = (),
) -> int:
    """The tone of the words within ``TONE_WINDOW`` words of the actor's ``mentions`` in one sentence.
    A quotation's words are the tone of what its speaker says, and count only toward the actors it
    names: "the Observatory said dozens were killed" says nothing for or against the Observatory. What
    was done to the actor (``suffered``: "Two Armenian soldiers were killed") is no tone toward them."""
    blanked = [*([] if _named_inside(entity, statement, quoted) else quoted), *suffered]
    sentence = _without(statement, blanked) if blanked else statement.text
    near = [(mention.start - statement.start, mention.end - statement.start) for mention in mentions]
    return sentence_polarity(sentence, models.tone, models.lexicon, near=near, window=TONE_WINDOW)


_FORCE_TYPES = frozenset({"ASSAULT", "COERCE"})


def _suffered(mentions: Sequence[Mention], events: Sequence[Event]) -> list[tuple[int, int]]:
    """The words of the force done to the actor named by ``mentions`` ("were killed", "arrested"): the
    triggers of assaults and coercion whose target holds one of them, when the actor is not also their
    source. Words said against them ("accused Yerevan of ...") are how they are portrayed, and stay."""
    return [
        (event.trigger.start, event.trigger.end)
        for event in events
        if event.type in _FORCE_TYPES
        and event.target is not None
        and any(event.target.start <= m.start and m.end <= event.target.end for m in mentions)
        and not (event.source is not None and any(event.source.start <= m.start < event.source.end for m in mentions))
    ]


_SETTING = re.compile(
    r"\b(?:in|at|near|across|throughout|inside|within|around)\s+(?:the\s+)?"
    r"(?:(?:(?:north|south)?(?:east|west)(?:ern)?|north(?:ern)?|south(?:ern)?|central|downtown|greater|occupied|besieged"
    r"|neighbou?ring|(?:rebel|government|opposition)-held)\s+)?$",
    re.IGNORECASE,
)


def _mentions_toward(entity: ArticleEntity, statement: Statement, text: str) -> list[Mention]:
    """The actor's mentions in a sentence, less those of a place named as where something happened."""
    inside = [mention for mention in entity.mentions if statement.start <= mention.start < statement.end]
    if entity.entity.type not in _PLACE_TYPES:
        return inside
    return [m for m in inside if not _SETTING.search(text[max(statement.start, m.start - 20) : m.start])]


def _named_inside(entity: ArticleEntity, statement: Statement, spans: Sequence[tuple[int, int]]) -> bool:
    return any(
        start <= mention.start and mention.end <= end
        for mention in entity.mentions
        if statement.start <= mention.start < statement.end
        for start, end in spans
    )


def _a_state(entity: CorpusEntity, states: EntityTables) -> bool:
    """A country, or the capital or seat that stands for its government ("Moscow", "Washington");
    not a town that bears a country's name ("the town of Bahrain", which has no country then)."""
    return entity.country is not None and actor_signature(entity.id, entity.name, states) == f"state:{entity.country}"


# A word a speaker is reported as using for something ("what he called baseless accusations",
# "dismissed the claims as fabricated"); "so-called" is the writer's own.
_NAMED_BY_A_SPEAKER = re.compile(
    r"(?<!so-)\b(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|brand(?:s|ed|ing)?|"
    r"label(?:s|led|ling)?)\b(?!\s+(?:on|for)\b)[^.;:\n\"\u201c\u201d]{0,60}$",
    re.IGNORECASE,
)


def _framing(
    item: _ArticleFacts, statements: Sequence[Statement], vectors: np.ndarray, models: FramingModels
) -> ArticleFraming:
    article = item.article
    rows = [i for i, s in enumerate(statements) if s.article_id == article.id]
    texts = [statements[i].text for i in rows]
    features = feature_matrix(texts, vectors[rows], models.lexicon) if rows else np.zeros((0, 392), np.float32)
    subjective_labels = (
        subjectivity_labels(models.subjectivity, features, texts, models.reported_speech) if rows else []
    )
    biased_labels = models.bias.labels(features) if rows else []

    def cite(i: int) -> Cited:
        s = statements[i]
        return Cited(s.article_id, s.sentence, s.start, s.end, s.text)

    loaded = []
    marked = quoted_spans(article.text)
    for start, end, term in models.lexicon.find(article.text):
        if _NAMED_BY_A_SPEAKER.search(article.text[max(0, start - 80) : start]):
            continue  # "calling the accusations baseless": the spokeswoman's word, not the outlet's
        if any(mark.start <= start and end <= mark.end for mark in marked):
            # Inside quotation marks: a speaker's word ("every hysterical statement"), or one the outlet
            # holds at arm's length.
            continue
        index = _sentence_at(item.sentences, start)
        loaded.append(
            LoadedUse(
                term.term, term.category, term.neutral, Cited(article.id, index, start, end, article.text[start:end])
            )
        )
    quoted = _quoted_spans(item.quotes)
    tone = []
    # News outlets are not actors of the story: "Al Jazeera's correspondent, reporting from Beijing"
    # says nothing about how the article treats Al Jazeera. Nor are towns: a state acts, or its capital
    # for it ("Moscow said"), but "a hotel in Mingora" is where something happened.
    actors = [
        e
        for e in item.entities
        if e.entity.type in {"PERSON", "ORG", "NORP"} or (e.entity.type == "GPE" and _a_state(e.entity, models.states))
    ]
    actors = [e for e in actors if not models.outlets.is_outlet(e.entity.name)]
    # An actor named only outside the statements (a dateline's "MOSCOW") has no tone to measure.
    # A sentence that reports what an actor says is by the actor, not about them.
    # A place named only as where something happened ("the deadliest attack in Pakistan", "a group
    # outlawed in Russia") is the setting of the sentence, not what it takes a tone toward.
    about_actor: dict[str, dict[int, list[Mention]]] = {}
    for e in actors:
        speaking = _speaker_sentences(e, item.quotes, item.sentences)
        about_actor[e.entity.id] = {
            i: mentions
            for i in rows
            if e.entity.id in statements[i].entities
            and statements[i].sentence not in speaking
            and (mentions := _mentions_toward(e, statements[i], item.article.text))
        }
    ranked = sorted((e for e in actors if about_actor[e.entity.id]), key=lambda e: -len(e.mentions))[:TONE_ACTORS]
    for entity in ranked:
        about = list(about_actor[entity.entity.id])
        toward = {
            i: _polarity_toward(entity, mentions, statements[i], quoted, models, _suffered(mentions, item.events))
            for i, mentions in about_actor[entity.entity.id].items()
        }
        favourable = [i for i in about if toward[i] > 0]
        unfavourable = [i for i in about if toward[i] < 0]
        examples = tuple(cite(i) for i in (unfavourable + favourable)[:3])
        tone.append(
            ActorTone(entity.entity.id, entity.entity.name, len(about), len(favourable), len(unfavourable), examples)
        )
    speakers = speaker_rows([
        ((q.speaker.name or q.speaker.text) if q.speaker else "(no speaker named)",
         q.speaker.entity if q.speaker else None, q.kind, len(q.words.split()))
        for q in item.quotes if not is_request_for_comment(q)
    ])  # fmt: skip
    claims = item.claims
    tools = tuple(
        _sentence_cited(item, _sentence_at(item.sentences, c.start)) for c in claims if c.attribution.kind == "tool"
    )
    people = [
        NamedPerson(
            e.entity.id,
            e.entity.country,
            tuple(item.roles.get(e.entity.id, [])),
            tuple((m.start, m.end, m.sentence) for m in sorted(e.mentions, key=lambda m: m.start)),
        )
        for e in item.entities
        if e.entity.type == "PERSON"
    ]
    names = {e.entity.id: e.entity.name for e in item.entities}
    described = descriptor_labels(
        article.text, people, item.sentences, models.label_words, models.states.country_of, article.id
    )
    labels = {}
    for person in people:
        found = actor_labels(
            article.text, person.mentions, person.titles, article.id, item.sentences, models.label_words
        )
        # A description the label beside a name already holds ("Putin, the Russian president,") is one label.
        written = {other.text.lower() for other in found}
        apart = tuple(
            c
            for c in described.get(person.entity_id, ())
            if not any(other.start <= c.start < other.end or c.start <= other.start < c.end for other in found)
            and c.text.lower() not in written
        )
        if found or apart:
            labels[names[person.entity_id]] = found + apart
    groups = [
        NamedGroup(e.entity.id, tuple((m.start, m.end, m.sentence) for m in sorted(e.mentions, key=lambda m: m.start)))
        for e in item.entities
        if e.entity.type == "ORG" and not models.outlets.is_outlet(e.entity.name)
    ]
    for entity_id, cited in group_labels(
        article.text, groups, item.sentences, models.group_nouns, models.label_words, article.id
    ).items():
        labels[names[entity_id]] = cited
    return ArticleFraming(
        article_id=article.id,
        outlet=article.outlet,
        genre=article_genre(article, models.genres),
        words=article.word_count,
        loaded=tuple(loaded),
        subjective=tuple(
            cite(i)
            for i, label in zip(rows, subjective_labels, strict=True)
            if label == models.subjectivity.positive and not _mostly_quoted(statements[i], quoted)
        ),
        sentences=len(rows),
        biased=tuple(cite(i) for i, label in zip(rows, biased_labels, strict=True) if label == models.bias.positive),
        tone=tuple(tone),
        speakers=speakers,
        attribution=count_kinds([c.attribution.kind for c in claims]),
        tools=tools,
        listed_sources=article.listed_sources,
        labels=labels,
    )


def _sentence_cited(item: _ArticleFacts, index: int) -> Cited:
    start, end = item.sentences[index]
    return Cited(item.article.id, index, start, end, item.article.text[start:end].strip())


def _sentence_at(sentences: Sequence[tuple[int, int]], offset: int) -> int:
    for index, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return index
    return max(0, len(sentences) - 1)


class ComparisonCache:
    """The last comparisons made, reused while their story is unchanged (a comparison embeds
    every sentence of up to eight articles: about two seconds, too slow to redo per page view)."""

    def __init__(self, models: Callable[[], FramingModels], size: int = 64) -> None:
        self._models = models
        self._size = size
        self._kept: OrderedDict[tuple[str, int, str | None], Comparison] = OrderedDict()

    def get(self, store: Store, story_id: str) -> Comparison:
        story = store.story(story_id)
        if story is None:
            raise RashomonError(f"no story {story_id!r}; `rashomon stories` lists them")
        key = (story.id, story.article_count, story.last_date)
        if key not in self._kept:
            self._kept[key] = compare_story(store, story_id, self._models())
            while len(self._kept) > self._size:
                self._kept.popitem(last=False)
        self._kept.move_to_end(key)
        return self._kept[key]
