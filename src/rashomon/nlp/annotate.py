"""The per-article pass: one spaCy parse, then the article-level annotators."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from rashomon.entities.resolve import resolve_entities
from rashomon.entities.tables import EntityTables
from rashomon.events.coder import EventCoder
from rashomon.geo.focus import find_focus
from rashomon.geo.gazetteer import Gazetteer
from rashomon.geo.recognize import find_toponyms
from rashomon.geo.resolve import resolve_toponyms
from rashomon.model import Annotation, Article, Event, Focus, PlaceMention, TextSpan, TimeExpression
from rashomon.nlp.pipeline import NlpPipeline
from rashomon.quotes.claims import OutletNames, find_claims
from rashomon.quotes.extract import CueTable, find_quotes
from rashomon.timex.extract import find_times


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
        started = time.perf_counter()
        sentences = tuple(TextSpan(sent.start_char, sent.end_char) for sent in doc.sents)
        entities = resolve_entities(
            doc, tables=tables, gazetteer=pipeline.gazetteer, known_people=pipeline.known_people
        )
        if stopwatch is not None:
            stopwatch.add("entities", started)
        started = time.perf_counter()
        times = find_times(doc, anchor=article.published)
        if stopwatch is not None:
            stopwatch.add("times", started)
        started = time.perf_counter()
        mentions: tuple[PlaceMention, ...] = ()
        focus = None
        if places is not None:
            mentions = resolve_toponyms(article.text, find_toponyms(doc, places), places)
            focus = find_focus(mentions, places)
        if stopwatch is not None:
            stopwatch.add("places", started)
        started = time.perf_counter()
        events = coder.code(doc, entities, article_id=article.id) if coder is not None else ()
        events = tuple(_located(_dated(event, times), mentions, focus) for event in events)
        if stopwatch is not None:
            stopwatch.add("events", started)
        started = time.perf_counter()
        quotes = find_quotes(doc, entities, cues=cues) if cues is not None else ()
        claims = find_claims(doc, entities, quotes, times, outlets=outlets) if outlets is not None else ()
        if stopwatch is not None:
            stopwatch.add("quotes", started)
        yield Annotation(
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
        )


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
            return replace(event, place=replace(event.place, place=own.place), location=own.place,
                           location_source="sentence")
    in_sentence = [m for m in resolved if event.sentence.start <= m.start < event.sentence.end and m.use == "name"]
    if in_sentence:
        nearest = min(in_sentence, key=lambda m: abs(m.start - event.trigger.start))
        return replace(event, location=nearest.place, location_source="sentence")
    if focus is not None and (focus.city or focus.country):
        return replace(event, location=focus.city or focus.country, location_source="article")
    return event
