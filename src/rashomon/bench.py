"""Benchmark: the whole per-article pipeline against raw spaCy, same texts, same run.

Each side runs in its own fresh process (so peak memory is its own), after
its model is loaded; only the processing of the texts is timed. Machines
here are noisy, so the ratio of the two is the number to quote.
"""

from __future__ import annotations

import multiprocessing
import os
import platform
import resource
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from queue import Empty

from rashomon.config import Settings
from rashomon.errors import RashomonError
from rashomon.ingest.readers import FieldMap, read_inputs
from rashomon.model import Annotation, RawDocument
from rashomon.service import Engine


@dataclass(frozen=True)
class SideResult:
    seconds: float
    peak_rss_mb: float
    articles_out: int
    stages: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class BenchResult:
    corpus: str
    articles: int
    words: int
    model: str
    spacy: SideResult
    pipeline: SideResult
    machine: str

    @property
    def ratio(self) -> float:
        """Pipeline words/s divided by raw spaCy words/s."""
        return self.spacy.seconds / self.pipeline.seconds if self.pipeline.seconds else 0.0

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["ratio"] = round(self.ratio, 3)
        data["spacy_words_per_s"] = round(self.words / self.spacy.seconds, 1)
        data["pipeline_words_per_s"] = round(self.words / self.pipeline.seconds, 1)
        return data


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _run_spacy(documents: list[RawDocument], settings: Settings) -> SideResult:
    from rashomon.nlp.pipeline import choose_model, load_model

    nlp = load_model(choose_model(settings))
    start = time.perf_counter()
    count = sum(1 for _ in nlp.pipe((d.body for d in documents), batch_size=settings.batch_size))
    return SideResult(time.perf_counter() - start, _peak_rss_mb(), count)


def _run_pipeline(documents: list[RawDocument], settings: Settings) -> SideResult:
    from rashomon.ingest.dedupe import minhash
    from rashomon.model import Article
    from rashomon.nlp.annotate import Stopwatch
    from rashomon.service import clean_all

    engine = Engine.load(settings)
    start = time.perf_counter()
    articles = []
    for item in clean_all(documents, settings=settings):
        if isinstance(item, Article):
            minhash(item.text)
            articles.append(item)
    stopwatch = Stopwatch()
    annotations = list(engine.annotate(articles, batch_size=settings.batch_size, stopwatch=stopwatch))
    seconds = time.perf_counter() - start
    stages = dict(stopwatch.seconds)
    stages.update(_after_the_pass(annotations, engine))
    return SideResult(seconds, _peak_rss_mb(), len(annotations), stages)


def _after_the_pass(annotations: list[Annotation], engine: Engine) -> dict[str, float]:
    """What ingest does once the per-article pass is over: write each article, group the new ones
    into stories (sentence embeddings of their leads included), then embed the sentences the
    changed stories' comparisons read. Timed apart from the pass."""
    import tempfile

    from rashomon.compare.vectors import prepare_comparisons
    from rashomon.ingest.dedupe import minhash
    from rashomon.service import store_annotation
    from rashomon.store.sqlite import Store
    from rashomon.stories.update import update_stories

    with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / "bench.db") as store:
        start = time.perf_counter()
        for annotation in annotations:
            if store.has_article(annotation.article.id):
                continue  # the same text twice in the corpus: ingest links it as a duplicate, stores it once
            store_annotation(store, annotation, minhash(annotation.article.text))
        written = time.perf_counter()
        update = update_stories(store, encoder=engine.encoder)
        grouped = time.perf_counter()
        prepare_comparisons(store, update.touched_ids, encoder=engine.encoder)
        prepared = time.perf_counter()
    return {
        "store (after the pass)": written - start,
        "stories (after the pass)": grouped - written,
        "comparison vectors (after the pass)": prepared - grouped,
    }


def _child(side: str, documents: list[RawDocument], settings: Settings, queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    queue.put(_run_spacy(documents, settings) if side == "spacy" else _run_pipeline(documents, settings))


def _in_fresh_process(side: str, documents: list[RawDocument], settings: Settings) -> SideResult:
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(side, documents, settings, queue))
    process.start()
    while True:
        try:
            result = queue.get(timeout=5)
            break
        except Empty:
            # A side that crashed never answers: say so instead of waiting for ever.
            if not process.is_alive():
                raise RashomonError(
                    f"the {side} side of the benchmark stopped (exit code {process.exitcode})"
                ) from None
    process.join()
    return result  # type: ignore[no-any-return]


def load_documents(
    corpus: Path, *, settings: Settings, limit: int, fields: FieldMap | None = None
) -> list[RawDocument]:
    documents = []
    for item in read_inputs([str(corpus)], settings=settings, fields=fields):
        if isinstance(item, RawDocument):
            documents.append(item)
            if len(documents) >= limit:
                break
    return documents


def run_benchmark(
    corpus: Path, *, settings: Settings, limit: int, repeats: int = 1, fields: FieldMap | None = None
) -> BenchResult:
    """Time both sides ``repeats`` times, alternating, and keep each side's best run."""
    from rashomon.nlp.pipeline import choose_model

    documents = load_documents(corpus, settings=settings, limit=limit, fields=fields)
    words = sum(len(d.body.split()) for d in documents)
    best: dict[str, SideResult] = {}
    for _ in range(max(1, repeats)):
        for side in ("spacy", "pipeline"):
            result = _in_fresh_process(side, documents, settings)
            if side not in best or result.seconds < best[side].seconds:
                best[side] = result
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    return BenchResult(
        corpus.name, len(documents), words, choose_model(settings), best["spacy"], best["pipeline"], machine
    )


def format_result(result: BenchResult) -> str:
    data = result.as_dict()
    return "\n".join(
        [
            f"corpus {result.corpus}: {result.articles} articles, {result.words:,} words, model {result.model}",
            f"machine: {result.machine}",
            "| side | seconds | articles/s | words/s | peak RSS (MB) |",
            "|---|---:|---:|---:|---:|",
            f"| raw spaCy nlp.pipe | {result.spacy.seconds:.1f} | {result.articles / result.spacy.seconds:.1f} | {data['spacy_words_per_s']:,} | {result.spacy.peak_rss_mb:.0f} |",
            f"| Rashomon per-article pipeline | {result.pipeline.seconds:.1f} | {result.articles / result.pipeline.seconds:.1f} | {data['pipeline_words_per_s']:,} | {result.pipeline.peak_rss_mb:.0f} |",
            f"ratio (pipeline / spaCy words/s): {result.ratio:.2f}",
            *(
                f"{stage}: {seconds:.1f} s = {seconds / result.spacy.seconds:.1%} of the spaCy pass"
                for stage, seconds in sorted(result.pipeline.stages.items())
            ),
        ]
    )
