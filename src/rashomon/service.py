"""The main jobs as library functions: analyze (no store) and ingest (into the store).

The CLI, the API and the demo call these; none of them holds state between calls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.compare.vectors import prepare_comparisons
from rashomon.config import Settings
from rashomon.corpus.entities import link_entity
from rashomon.embed import SentenceEncoder
from rashomon.entities.tables import EntityTables, load_entity_tables
from rashomon.errors import InputError
from rashomon.events.coder import EventCoder, build_event_coder
from rashomon.geo.build import build_gazetteer
from rashomon.geo.gazetteer import Gazetteer, open_gazetteer
from rashomon.ingest.clean import clean_document
from rashomon.ingest.dedupe import Signature, minhash
from rashomon.ingest.readers import FieldMap, read_inputs
from rashomon.model import Annotation, Article, IngestSummary, Problem, RawDocument
from rashomon.nlp.annotate import Stopwatch, annotate_articles
from rashomon.nlp.pipeline import NlpPipeline, build_pipeline
from rashomon.quotes.claims import OutletNames, load_outlet_names
from rashomon.quotes.extract import CueTable, load_cues
from rashomon.store.sqlite import SourceRecord, Store
from rashomon.stories.update import update_stories

ProblemCallback = Callable[[Problem], None]


@dataclass(frozen=True)
class Engine:
    """The loaded pipeline and tables, built once per process and passed around."""

    pipeline: NlpPipeline
    tables: EntityTables
    coder: EventCoder
    gazetteer: Gazetteer
    cues: CueTable
    outlets: OutletNames
    encoder: SentenceEncoder

    @classmethod
    def load(cls, settings: Settings, *, on_build: Callable[[Path], None] | None = None) -> Engine:
        tables = load_entity_tables()
        gazetteer = ensure_gazetteer(settings.gazetteer_path, on_build=on_build)
        return cls(
            build_pipeline(settings),
            tables,
            build_event_coder(tables),
            gazetteer,
            load_cues(),
            load_outlet_names(),
            SentenceEncoder(),
        )

    def annotate(
        self, articles: Iterable[Article], *, batch_size: int, stopwatch: Stopwatch | None = None
    ) -> Iterator[Annotation]:
        """The per-article pass over ``articles``, in order."""
        return annotate_articles(
            articles,
            pipeline=self.pipeline,
            tables=self.tables,
            coder=self.coder,
            places=self.gazetteer,
            cues=self.cues,
            outlets=self.outlets,
            batch_size=batch_size,
            stopwatch=stopwatch,
        )


def ensure_gazetteer(path: Path, *, on_build: Callable[[Path], None] | None = None) -> Gazetteer:
    """Open the gazetteer, building it first when it is missing (about 20 s, once)."""
    if not path.exists():
        if on_build is not None:
            on_build(path)
        build_gazetteer(path)
    return open_gazetteer(path)


def clean_all(items: Iterable[RawDocument | Problem], *, settings: Settings) -> Iterator[Article | Problem]:
    """Clean each raw document; failures become Problems carrying the file and line."""
    for item in items:
        if isinstance(item, Problem):
            yield item
            continue
        try:
            yield clean_document(item, settings=settings)
        except InputError as exc:
            yield Problem(item.origin, exc.code, exc.message, line=item.line)


def analyze_paths(
    paths: Iterable[str], *, settings: Settings, engine: Engine, fields: FieldMap | None = None
) -> Iterator[Annotation | Problem]:
    """Annotations (and problems) for the inputs, in input order; touches no database."""
    for chunk in _chunks(
        clean_all(read_inputs(paths, settings=settings, fields=fields), settings=settings), settings.batch_size
    ):
        articles = [item for item in chunk if isinstance(item, Article)]
        annotations = iter(engine.annotate(articles, batch_size=settings.batch_size))
        for item in chunk:
            if isinstance(item, Problem):
                yield item
                continue
            annotation = next(annotations)
            yield from layer_warnings(annotation)
            yield annotation


def layer_warnings(annotation: Annotation) -> list[Problem]:
    """A warning per annotation layer that failed on the article (the rest of it is kept)."""
    article = annotation.article
    return [Problem(article.origin, "layer-failed", failure, line=article.line, severity="warning")
            for failure in annotation.failures]  # fmt: skip


def _chunks(items: Iterable[Article | Problem], size: int) -> Iterator[list[Article | Problem]]:
    chunk: list[Article | Problem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def source_key(article: Article) -> str:
    """Identifies an input: the file, or for a record the file, its line and its own id.

    The line is part of the key because dumps repeat rows, id and all; each repeat is
    an input of its own, to be linked as a duplicate rather than mistaken for a re-run.
    """
    if article.line is None:
        return article.origin
    return f"{article.origin}:{article.line}#{article.source_id}"


@dataclass
class _RunCounts:
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    problems: list[Problem] = field(default_factory=list)


def _source(article: Article, status: str, **extra: object) -> SourceRecord:
    return SourceRecord(
        source_key=source_key(article),
        article_id=str(extra.pop("article_id", article.id)),
        origin=article.origin,
        line=article.line,
        status=status,
        title=article.title,
        outlet=article.outlet,
        published=article.published.isoformat() if article.published else None,
        **extra,  # type: ignore[arg-type]
    )


def _classify(
    store: Store, article: Article, signature: Signature, pending: dict[str, Signature], *, threshold: float
) -> tuple[str, str, float] | None:
    """None for a new article, else (kind, original id, similarity) of what it duplicates."""
    if store.has_article(article.id) or article.id in pending:
        return ("exact", article.id, 1.0)
    candidates = store.near_duplicate_candidates(signature.bands())
    candidates += [(other_id, other) for other_id, other in pending.items()]
    best = max(((signature.similarity(other), other_id) for other_id, other in candidates), default=None)
    if best is not None and best[0] >= threshold:
        return ("near", best[1], best[0])
    return None


def ingest_paths(
    paths: Iterable[str],
    *,
    settings: Settings,
    engine: Engine,
    store: Store,
    fields: FieldMap | None = None,
    on_problem: ProblemCallback | None = None,
    on_progress: Callable[[int], None] | None = None,
    group_stories: bool = True,
) -> IngestSummary:
    """Ingest every input into ``store``; each article in one transaction. Safe to re-run.

    The new articles are then grouped into stories (one pass at the end, off the per-article path),
    and the sentences of the articles each changed story compares are embedded for its comparison."""
    counts = _RunCounts()
    items = clean_all(read_inputs(paths, settings=settings, fields=fields), settings=settings)
    for chunk in _chunks(items, settings.batch_size):
        fresh: dict[str, tuple[Article, Signature]] = {}
        duplicates: list[SourceRecord] = []
        for item in chunk:
            if isinstance(item, Problem):
                _note_problem(store, counts, item, on_problem)
                continue
            signature = minhash(item.text)
            pending = {article_id: pair[1] for article_id, pair in fresh.items()}
            verdict = _classify(store, item, signature, pending, threshold=settings.near_duplicate_threshold)
            if verdict is None:
                fresh[item.id] = (item, signature)
                continue
            kind, original, similarity = verdict
            if store.has_source(source_key(item), original) or (
                item.id == original and item.id in fresh and source_key(fresh[item.id][0]) == source_key(item)
            ):
                counts.unchanged += 1
                continue
            counts.duplicates += 1
            duplicates.append(
                _source(item, "duplicate", article_id=original, duplicate_kind=kind, similarity=round(similarity, 3))
            )
        articles = [pair[0] for pair in fresh.values()]
        annotations = engine.annotate(articles, batch_size=settings.batch_size)
        for annotation in annotations:
            for warning in layer_warnings(annotation):
                _note_problem(store, counts, warning, on_problem)
            store_annotation(store, annotation, fresh[annotation.article.id][1])
            counts.stored += 1
        # Written after the articles they point at, which may be in this same chunk.
        if duplicates:
            with store.transaction():
                for record in duplicates:
                    store.insert_source(record)
        if on_progress is not None:
            on_progress(len(chunk))
    touched, embedded = 0, 0
    if group_stories:
        update = update_stories(store, encoder=engine.encoder)
        touched = update.touched
        embedded = prepare_comparisons(store, update.touched_ids, encoder=engine.encoder).articles
    return IngestSummary(
        counts.stored, counts.unchanged, counts.duplicates, counts.failed, tuple(counts.problems), touched, embedded
    )


def _note_problem(store: Store, counts: _RunCounts, problem: Problem, on_problem: ProblemCallback | None) -> None:
    counts.problems.append(problem)
    if problem.severity == "error":
        counts.failed += 1
        store.record_failure(problem)
    if on_problem is not None:
        on_problem(problem)


def store_annotation(store: Store, annotation: Annotation, signature: Signature) -> None:
    """Write one annotated article and everything found in it, in one transaction."""
    article = annotation.article
    with store.transaction():
        store.insert_article(annotation)
        store.insert_signature(article.id, signature)
        store.insert_source(_source(article, "stored"))
        corpus_ids = {}
        for entity in annotation.entities:
            corpus_id = link_entity(store, entity, article_id=article.id)
            corpus_ids[entity.id] = corpus_id
            store.insert_mentions(article.id, corpus_id, entity.mentions)
        store.insert_events(article.id, annotation.events, corpus_ids)
        store.insert_quotes(article.id, annotation.quotes, corpus_ids)
        store.insert_claims(article.id, annotation.claims, corpus_ids)
