"""The per-article pass: one spaCy parse, then the article-level annotators."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TypeVar

from spacy.tokens import Doc

from rashomon.entities.places import retype_places
from rashomon.entities.resolve import resolve_entities
from rashomon.entities.tables import EntityTables
from rashomon.events.coder import EventCoder
from rashomon.geo.focus import find_focus
from rashomon.geo.gazetteer import Gazetteer
from rashomon.geo.recognize import find_toponyms
from rashomon.geo.resolve import resolve_toponyms
from rashomon.model import Annotation, Article, DocEntity, Event, Focus, PlaceMention, TextSpan, TimeExpression
from rashomon.nlp.pipeline import NlpPipeline
from rashomon.quotes.claims import OutletNames, find_claims
from rashomon.quotes.extract import CueTable, find_quotes
from rashomon.timex.extract import find_times

T = TypeVar("T")


@dataclass
class Stopwatch:
    """Seconds spent per annotator, for the benchmark; pass one in to measure."""

    seconds: dict[str, float] = field(default_factory=dict)

    def add(self, name: str, started: float) -> None:
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started


def annotate_articles(
    articles: Iterable[Article],
    *,
    pipeline: NlpPipeline,
    tables: EntityTables,
    coder: EventCoder | None = None,
    places: Gazetteer | None = None,
    cues: CueTable | None = None,
    outlets: OutletNames | None = None,
    batch_size: int = 64,
    stopwatch: Stopwatch | None = None,
) -> Iterator[Annotation]:
    """Annotate articles in input order; a pure function of each article's text."""
    stream = ((article.text, article) for article in articles)
    for doc, article in pipeline.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        yield _annotate_one(doc, article, pipeline, tables, coder, places, cues, outlets, stopwatch)


def _annotate_one(
    doc: Doc,
    article: Article,
    pipeline: NlpPipeline,
    tables: EntityTables,
    coder: EventCoder | None,
    places: Gazetteer | None,
    cues: CueTable | None,
    outlets: OutletNames | None,
    stopwatch: Stopwatch | None,
) -> Annotation:
    failures: list[str] = []

    def stage(name: str, run: Callable[[], T]) -> T | None:
        # One layer failing on one article must not cost the article or the batch: the
        # other layers stand, and the failure is reported with the article.
        started = time.perf_counter()
        try:
            return run()
        except Exception as exc:
            failures.append(f"{name} failed on this article ({type(exc).__name__}: {exc})")
            return None
        finally:
            if stopwatch is not None:
                stopwatch.add(name, started)

    sentences = tuple(TextSpan(sent.start_char, sent.end_char) for sent in doc.sents)
    entities = stage("entities", lambda: resolve_entities(
        doc, tables=tables, gazetteer=pipeline.gazetteer, known_people=pipeline.known_people
    )) or ()  # fmt: skip
    times = stage("times", lambda: find_times(doc, anchor=article.published)) or ()
    mentions, focus = stage("places", lambda: _places(doc, article, places)) or ((), None)
    entities = retype_places(entities, mentions)
    events = stage("events", lambda: _events(doc, article, entities, times, mentions, focus, coder)) or ()
    quotes = stage("quotes", lambda: find_quotes(doc, entities, cues=cues) if cues is not None else ()) or ()
    claims = stage("claims", lambda: find_claims(doc, entities, quotes, times, outlets=outlets)
                   if outlets is not None else ()) or ()  # fmt: skip
    return Annotation(
        article=article,
        sentences=sentences,
        entities=entities,
        provenance=pipeline.provenance,
        events=events,
        times=times,
        places=mentions,
        focus=focus,
        quotes=quotes,
        claims=claims,
        failures=tuple(failures),
    )


def _events(
    doc: Doc,
    article: Article,
    entities: tuple[DocEntity, ...],
    times: tuple[TimeExpression, ...],
    mentions: tuple[PlaceMention, ...],
    focus: Focus | None,
    coder: EventCoder | None,
) -> tuple[Event, ...]:
    if coder is None:
        return ()
    return tuple(
        _located(_dated(event, times), mentions, focus) for event in coder.code(doc, entities, article_id=article.id)
    )


def _places(doc: Doc, article: Article, places: Gazetteer | None) -> tuple[tuple[PlaceMention, ...], Focus | None]:
    if places is None:
        return (), None
    mentions = resolve_toponyms(article.text, find_toponyms(doc, places), places)
    return mentions, find_focus(mentions, places)


def _dated(event: Event, times: tuple[TimeExpression, ...]) -> Event:
    """Give the event's own date expression its normalised value."""
    if event.date is None:
        return event
    match = next((t for t in times if t.start < event.date.end and event.date.start < t.end), None)
    if match is None or match.value is None:
        return event
    return replace(event, date=replace(event.date, value=match.value))


def _located(event: Event, mentions: tuple[PlaceMention, ...], focus: Focus | None) -> Event:
    """Where the event happened: its own place phrase, else a place named in its sentence, else
    the article's focus (city, then country), with ``location_source`` saying which."""
    resolved = [m for m in mentions if m.place is not None and m.use != "embedded"]
    if event.place is not None:
        own = next((m for m in resolved if m.start < event.place.end and event.place.start < m.end), None)
        if own is not None:
            return replace(
                event, place=replace(event.place, place=own.place), location=own.place, location_source="sentence"
            )
    in_sentence = [m for m in resolved if event.sentence.start <= m.start < event.sentence.end and m.use == "name"]
    if in_sentence:
        nearest = min(in_sentence, key=lambda m: abs(m.start - event.trigger.start))
        return replace(event, location=nearest.place, location_source="sentence")
    if focus is not None and (focus.city or focus.country):
        return replace(event, location=focus.city or focus.country, location_source="article")
    return event
