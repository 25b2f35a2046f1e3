"""Frozen records passed between pipeline stages.

Data flows one way: RawDocument -> Article -> Annotation -> store rows. Every
offset is a character offset into ``Article.text`` (the cleaned body).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT")


@dataclass(frozen=True)
class RawDocument:
    """One input document as read from a file, a record or stdin, before cleaning."""

    source_id: str
    origin: str
    body: str
    fmt: str
    line: int | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    byline: str | None = None
    tags: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class BoilerplateBlock:
    """A piece of site furniture removed from the body, kept as metadata."""

    kind: str
    text: str


@dataclass(frozen=True)
class Article:
    """A cleaned article: the unit every later stage works on."""

    id: str
    source_id: str
    origin: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    byline: str | None
    tags: tuple[str, ...]
    text: str
    boilerplate: tuple[BoilerplateBlock, ...] = ()
    listed_sources: tuple[str, ...] | None = None
    notes: tuple[str, ...] = ()
    line: int | None = None

    @property
    def word_count(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True)
class TextSpan:
    """A half-open character range ``[start, end)`` into an article's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in an article."""

    start: int
    end: int
    text: str
    label: str
    sentence: int


@dataclass(frozen=True)
class Role:
    """A title or office held by a person, as the text states it."""

    title: str
    country: str | None = None


@dataclass(frozen=True)
class DocEntity:
    """An entity resolved within one article."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    keys: tuple[str, ...]
    country: str | None = None
    roles: tuple[Role, ...] = ()
    gazetteer_id: str | None = None


@dataclass(frozen=True)
class Actor:
    """Who acts or is acted on: the phrase, its canonical entity and its actor code."""

    start: int
    end: int
    text: str
    entity: str | None
    name: str
    country: str | None
    sector: str | None
    implied: bool = False


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: a GeoNames place or one of the project's supplement."""

    id: str
    geonameid: int | None
    name: str
    feature: str
    country: str | None
    admin1: str | None
    lat: float
    lon: float
    population: int = 0


@dataclass(frozen=True)
class PlaceMention:
    """A toponym in the text and the place it was resolved to (None when unresolved).

    ``use`` is "name" for a place named as such, "adjective" for "Syrian" in "Syrian
    forces", "embedded" for a place inside an organisation's name ("Syrian Observatory").
    """

    start: int
    end: int
    text: str
    place: Place | None
    use: str = "name"


@dataclass(frozen=True)
class Focus:
    """The country and city an article is mainly about, from its resolved places."""

    country: Place | None
    city: Place | None


@dataclass(frozen=True)
class EventAnchor:
    """A place or date stated in the event's own sentence."""

    start: int
    end: int
    text: str
    entity: str | None = None
    value: str | None = None
    place: Place | None = None


@dataclass(frozen=True)
class Event:
    """One coded action: who did what to whom, with the evidence it rests on."""

    id: str
    type: str
    mode: str | None
    context: str | None
    cameo: str
    quad_class: int
    goldstein: float | None
    source: Actor | None
    target: Actor | None
    negated: bool
    modality: str
    trigger: TextSpan
    trigger_text: str
    sentence: TextSpan
    place: EventAnchor | None = None
    date: EventAnchor | None = None
    reported_by: str | None = None
    depth: int = 0
    # Where it happened: the place named in its sentence, else the article's focus.
    location: Place | None = None
    location_source: str = "none"


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression and its TIMEX3 normalisation against the publication date."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    interval: tuple[str, str] | None
    granularity: str | None
    anchored_on: str | None


@dataclass(frozen=True)
class GazetteerEntry:
    """A known entity the gazetteer ruler tags: its id, type, display name and country."""

    id: str
    label: str
    name: str
    country: str | None


@dataclass(frozen=True)
class Provenance:
    """Which software and model produced an annotation."""

    rashomon_version: str
    model_name: str
    model_version: str


@dataclass(frozen=True)
class Speaker:
    """Who a quote is attributed to: the words used here ("he", "the spokesman") and the
    article entity they resolve to, when one does."""

    start: int
    end: int
    text: str
    entity: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Quote:
    """Reported speech or thought: its content, the cue that introduces it and its speaker.

    ``kind`` is "direct" (inside quotation marks), "indirect" ("X said that ...",
    "according to X, ..."), or "mixed" (indirect speech with a quoted fragment).
    """

    start: int
    end: int
    text: str
    kind: str
    cue: TextSpan | None
    cue_text: str | None
    speaker: Speaker | None
    # A quotation in pieces around its cue ("A," she said. "B."); empty when it is one piece.
    parts: tuple[TextSpan, ...] = ()

    @property
    def pieces(self) -> tuple[TextSpan, ...]:
        """Where the quotation's own words lie: its parts, or its whole span when it is one piece."""
        return self.parts or (TextSpan(self.start, self.end),)

    @property
    def words(self) -> str:
        """The quotation's own words, its pieces joined by an ellipsis, without the cue between them."""
        return " … ".join(self.text[p.start - self.start : p.end - self.start] for p in self.pieces)


@dataclass(frozen=True)
class Quantity:
    """A number stated in a claim: "over 300 airstrikes" -> 300, ">=", "airstrikes"."""

    start: int
    end: int
    text: str
    value: float
    bound: str  # "=", ">=", "<=", "~"
    unit: str | None
    time_scope: str | None = None  # the time expression that scopes it, as written


@dataclass(frozen=True)
class Attribution:
    """On whose authority a claim is made.

    ``kind``: "person", "organisation", "unnamed" ("officials said"), "outlet" (another
    news organisation), "tool" ("BrightU.AI's Enoch engine"), or "self" (the outlet's own
    unattributed assertion).
    """

    kind: str
    text: str | None = None
    entity: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Claim:
    """A check-worthy statement of fact in one sentence or clause, with its source and numbers."""

    start: int
    end: int
    text: str
    attribution: Attribution
    quantities: tuple[Quantity, ...] = ()


@dataclass(frozen=True)
class Annotation:
    """Everything the per-article pass found in one article."""

    article: Article
    sentences: tuple[TextSpan, ...]
    entities: tuple[DocEntity, ...]
    provenance: Provenance
    events: tuple[Event, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    places: tuple[PlaceMention, ...] = ()
    focus: Focus | None = None
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    # Layers that failed on this article (the others stand); reported as warnings.
    failures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Problem:
    """A document that could not be used, or a warning about one."""

    origin: str
    code: str
    reason: str
    line: int | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = self.origin if self.line is None else f"{self.origin}:{self.line}"
        return f"{where}: {self.severity}: {self.reason} [{self.code}]"


@dataclass(frozen=True)
class CorpusEntity:
    """A canonical entity across the whole store."""

    id: str
    name: str
    type: str
    country: str | None
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    mention_count: int
    article_count: int


@dataclass(frozen=True)
class IngestSummary:
    """What one ingest run did with each input."""

    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    problems: tuple[Problem, ...] = field(default_factory=tuple)
    stories_touched: int = 0
    articles_embedded: int = 0  # articles whose sentences were embedded for story comparisons
