"""The per-article pass: one spaCy parse, then the article-level annotators."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rashomon.entities.resolve import resolve_entities
from rashomon.entities.tables import EntityTables
from rashomon.model import Annotation, Article, TextSpan
from rashomon.nlp.pipeline import NlpPipeline


def annotate_articles(
    articles: Iterable[Article], *, pipeline: NlpPipeline, tables: EntityTables, batch_size: int = 64
) -> Iterator[Annotation]:
    """Annotate articles in input order; a pure function of each article's text."""
    stream = ((article.text, article) for article in articles)
    for doc, article in pipeline.nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        sentences = tuple(TextSpan(sent.start_char, sent.end_char) for sent in doc.sents)
        entities = resolve_entities(doc, tables=tables, gazetteer=pipeline.gazetteer)
        yield Annotation(article=article, sentences=sentences, entities=entities, provenance=pipeline.provenance)
