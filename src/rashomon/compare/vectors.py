"""Sentence vectors for story comparisons, embedded once when a story changes and kept in the store.

A comparison embeds every sentence of the articles it lines up; doing that on the first view of a
story page took two to three seconds. Ingest now embeds the sentences of the articles each touched
story will compare, so a page reads them instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from rashomon.compare.utterances import said_clauses, utterance_text
from rashomon.embed import SentenceEncoder
from rashomon.embed.encoder import DIMENSIONS
from rashomon.model import Quote
from rashomon.store.quotes import QuoteFilter
from rashomon.store.sqlite import Store
from rashomon.store.stories import StoryArticle

SENTENCE_MODEL = "all-MiniLM-L6-v2-int8/sentence"
# One row per said clause of the article's quotes, in their stored order: who says what
# (`compare.utterances.said_clauses`).
UTTERANCE_MODEL = "all-MiniLM-L6-v2-int8/said-clause"
# A comparison lines up at most this many articles: each outlet's most central report first.
MAX_COMPARED = 8
# Articles embedded per write, so a long preparation keeps its progress if it is stopped.
ARTICLES_PER_WRITE = 200


@dataclass(frozen=True)
class Preparation:
    stories: int  # stories with two or more articles looked at
    articles: int  # articles whose sentences were embedded now
    sentences: int
    utterances: int = 0  # said clauses of quotes embedded now, of articles whose quotes had none


def compared_members(members: Sequence[StoryArticle], most: int = MAX_COMPARED) -> list[StoryArticle]:
    """The articles a comparison lines up, in story order: one per outlet first, then the rest. The
    most central reports are taken first (a digest or a column that only brushes the event is the
    last choice); where centrality was not measured, the earlier article."""
    ranked = sorted(members, key=lambda member: -(member.centrality or 0.0))
    chosen: list[StoryArticle] = []
    outlets: set[str | None] = set()
    for member in ranked:
        if len(chosen) < most and member.outlet not in outlets:
            chosen.append(member)
            outlets.add(member.outlet)
    for member in ranked:
        if len(chosen) < most and member not in chosen:
            chosen.append(member)
    return sorted(chosen, key=members.index)


def sentence_texts(text: str, spans: Iterable[tuple[int, int]]) -> list[str]:
    """The sentences as the comparison reads them (trimmed slices of the article text)."""
    return [text[start:end].strip() for start, end in spans]


def prepare_comparisons(store: Store, story_ids: Iterable[str], *, encoder: SentenceEncoder) -> Preparation:
    """Embed and store the sentences of every article these stories would compare that has none yet."""
    wanted: list[str] = []
    stories = 0
    for story_id in dict.fromkeys(story_ids):
        story = store.story(story_id)
        if story is None or story.article_count < 2:
            continue
        stories += 1
        wanted += [member.article_id for member in compared_members(story.articles)]
    lacking = store.lacking_sentence_vectors(list(dict.fromkeys(wanted)), SENTENCE_MODEL)
    sentences = 0
    for start in range(0, len(lacking), ARTICLES_PER_WRITE):
        texts: dict[str, list[str]] = {}
        for article_id in lacking[start : start + ARTICLES_PER_WRITE]:
            article = store.article(article_id)
            if article is not None:
                spans = [(span.start, span.end) for span in store.article_sentences(article_id)]
                texts[article_id] = sentence_texts(article.text, spans)
        flat = [sentence for article_texts in texts.values() for sentence in article_texts]
        vectors = encoder.encode(flat)
        by_article, row = {}, 0
        for article_id, article_texts in texts.items():
            by_article[article_id] = vectors[row : row + len(article_texts)]
            row += len(article_texts)
        with store.transaction():
            store.write_sentence_vectors(by_article, SENTENCE_MODEL)
        sentences += len(flat)
    utterances = 0
    unspoken = store.lacking_sentence_vectors(list(dict.fromkeys(wanted)), UTTERANCE_MODEL)
    for start in range(0, len(unspoken), ARTICLES_PER_WRITE):
        quotes = {
            article_id: said_clauses([stored.quote for stored in store.quotes(QuoteFilter(article=article_id))])
            for article_id in unspoken[start : start + ARTICLES_PER_WRITE]
        }
        with store.transaction():
            store.write_sentence_vectors(utterance_vectors(quotes, encoder), UTTERANCE_MODEL)
        utterances += sum(len(found) for found in quotes.values())
    return Preparation(stories, len(lacking), sentences, utterances)


def utterance_vectors(quotes: Mapping[str, Sequence[Quote]], encoder: SentenceEncoder) -> dict[str, np.ndarray]:
    """Each article's quotes embedded as who says what, in their order."""
    flat = [utterance_text(quote) for found in quotes.values() for quote in found]
    if not flat:
        return {article_id: np.zeros((0, DIMENSIONS), dtype=np.float32) for article_id in quotes}
    vectors = encoder.encode(flat)
    by_article, row = {}, 0
    for article_id, found in quotes.items():
        by_article[article_id] = vectors[row : row + len(found)]
        row += len(found)
    return by_article


def stored_sentence_vectors(store: Store, article_ids: Sequence[str]) -> dict[str, np.ndarray]:
    return store.read_sentence_vectors(article_ids, SENTENCE_MODEL)


def stored_utterance_vectors(store: Store, article_ids: Sequence[str]) -> dict[str, np.ndarray]:
    return store.read_sentence_vectors(article_ids, UTTERANCE_MODEL)
