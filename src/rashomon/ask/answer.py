"""Answering a question from the corpus only, with a citation for every sentence.

Retrieval is full-text (SQLite FTS5, BM25 over stemmed words) narrowed by what the question
names: entities found through the alias layer ("al-Julani" finds al-Sharaa), outlets, years.
An answer is made only of corpus sentences. A sentence supports the question when it carries
most of the question's content words and every entity the question names; when none does,
or the question names someone the corpus has never heard of, the answer says so instead of
guessing. Sentences are grouped by outlet, so where outlets differ both sides show.

With a sentence encoder the retrieval is hybrid: the best lexical candidates are re-ranked by
the cosine of their embedding with the question's, so a paraphrase outranks a sentence that
merely repeats the question's commonest words. An answer also names the other articles of the
cited articles' stories that carry no answering sentence: what those outlets left out.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.embed import SentenceEncoder
from rashomon.store.sqlite import SentenceHit, Store
from rashomon.timex.numbers import parse_number
from rashomon.wording import same_word

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*")
_QUESTION_WORDS = {"who", "whom", "whose", "what", "when", "where", "which", "why", "how", "many", "much",
                   "did", "does", "do", "is", "are", "was", "were", "according", "say", "said", "tell"}  # fmt: skip
_NAME = re.compile(r"\b(?:[A-Z][\w'\u2019.-]*(?:\s+(?:al-|bin\s|de\s|of\s)?[A-Z][\w'\u2019.-]*)*)")
_CALENDAR = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
             "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
             "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}  # fmt: skip
_DATED = re.compile(r"\b(?:(?:19|20)\d\d|" + "|".join(sorted(_CALENDAR, key=len, reverse=True)) + r")\b", re.I)
_CANDIDATES = 300
_TOP = 3
_COVERAGE = 0.6
_COVERAGE_MARGIN = 0.2
_RERANKED = 40
_EMBEDDING_WEIGHT = 1.0


@dataclass(frozen=True)
class Citation:
    """Where an answer sentence stands: the article, its outlet and date, the characters."""

    article: str
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Answer:
    question: str
    answered: bool
    citations: tuple[Citation, ...] = ()
    reason: str | None = None
    entities: tuple[str, ...] = field(default_factory=tuple)
    # Articles in the same story as a cited one that have no sentence answering the question.
    silent: tuple[tuple[str, str | None], ...] = ()
    # The best answering sentence of each other article in a cited one's story: it answers too, though
    # it did not make the top; it is neither left out nor counted as silent.
    also: tuple[Citation, ...] = ()

    def by_outlet(self) -> dict[str, list[Citation]]:
        grouped: dict[str, list[Citation]] = {}
        for citation in self.citations:
            # Two articles of no known outlet are not one source: each is its own.
            grouped.setdefault(citation.outlet or f"unknown outlet ({citation.article})", []).append(citation)
        return grouped


def _words(text: str) -> list[str]:
    return [w.lower().replace("\u2019", "'").removesuffix("'s") for w in _WORD.findall(text)]


def content_words(question: str) -> list[str]:
    words = [w for w in _words(question) if w not in STOP_WORDS and w not in _QUESTION_WORDS and len(w) > 1]
    return list(dict.fromkeys(words))


def _names(question: str) -> list[str]:
    """Capitalised phrases that name someone or something (not the question's first word)."""
    names = []
    for match in _NAME.finditer(question):
        phrase = match.group().strip(" .")
        if match.start() == 0 and phrase.split()[0].lower() in _QUESTION_WORDS | STOP_WORDS:
            phrase = " ".join(phrase.split()[1:])
        if phrase and phrase.lower() not in STOP_WORDS and phrase.lower().rstrip(".") not in _CALENDAR:
            names.append(phrase)
    return names


# Who or what a question is about must be in the answer sentence; places and peoples are
# only words to match ("Israeli airstrikes" is answered by a sentence naming Israel).
_MUST_APPEAR = {"PERSON", "ORG", "FAC", "EVENT"}


@dataclass(frozen=True)
class _Named:
    """Something the question names: its words, and the entities they resolve to."""

    words: str
    entities: frozenset[str]


def _resolve_names(store: Store, names: list[str]) -> tuple[list[_Named], list[str]]:
    """What each name must find in a sentence (its entities, or its words as written), and the
    names the corpus has never heard of."""
    found: list[_Named] = []
    unknown: list[str] = []
    outlets = {o.lower() for o in store.outlets()}
    for name in names:
        if name.lower() in outlets:
            continue  # an outlet the question names is a constraint on sources, not a subject
        tokens = re.sub(r"['\u2019]s\b", "", name).split()
        known: dict[str, str] = {}
        for size in range(len(tokens), 0, -1):
            for start in range(0, len(tokens) - size + 1):
                known = store.entities_named(" ".join(tokens[start : start + size]))
                if known:
                    break
            if known:
                break
        if known:
            # A name that is also a place ("Syria", mis-tagged as a person somewhere) is a place.
            if set(known.values()) <= _MUST_APPEAR:
                found.append(_Named(" ".join(tokens), frozenset(known)))
        elif store.match_sentences(f'"{name.replace(chr(34), "")}"', limit=1):
            found.append(_Named(name, frozenset()))  # no entity, but the words must be there
        else:
            unknown.append(name)  # no entity, and the words occur nowhere in the corpus
    return found, unknown


# "How many people were detained?" is answered by "14 violators of public order were detained":
# a count of any people answers a question that asks for people.
_PEOPLE = frozenset("people persons civilians residents protesters demonstrators".split())
_SCALES = frozenset({"dozens", "hundreds", "thousands"})
_PLURAL = re.compile(r"[a-z-]{3,}s")


def _counts_some_plural(sentence: str) -> bool:
    """A number (in digits or words) and a plural right after it or one word on: "14 violators",
    "thousands of people"."""
    words = _words(sentence)
    return any(
        (word in _SCALES or isinstance(parse_number(word), int))
        and any(_PLURAL.fullmatch(after) for after in words[position + 1 : position + 3])
        for position, word in enumerate(words)
    )


def counted_term(question: str) -> str | None:
    """The people a "how many" question counts, when it counts people: "people" in "How many people ..."."""
    found = re.match(r"\s*how\s+many\s+(\w+)", question, re.IGNORECASE)
    return found.group(1).lower() if found and found.group(1).lower() in _PEOPLE else None


def _coverage(
    terms: list[str], sentence: str, weights: dict[str, float] | None = None, counted: str | None = None
) -> float:
    """The share of the question's words the sentence carries; with weights, rare words count more.
    The people a question counts are carried by any count of people-like plurals."""
    words = _words(sentence)
    weight = weights or dict.fromkeys(terms, 1.0)
    counts_some = counted is not None and _counts_some_plural(sentence)
    hits = sum(
        weight[term]
        for term in terms
        if any(same_word(term, word) for word in words) or (term == counted and counts_some)
    )
    whole = sum(weight[term] for term in terms)
    return hits / whole if whole else 0.0


def _candidates(store: Store, terms: list[str]) -> list[SentenceHit]:
    """Sentences with all the words, then with all but one, then with any: in a large corpus
    the few sentences that carry the whole question must not drown among those carrying
    its commonest words."""
    quoted = [f'"{term}"' for term in terms]
    queries = [" AND ".join(quoted)]
    if len(quoted) > 2:
        queries += [" AND ".join(quoted[:i] + quoted[i + 1 :]) for i in range(len(quoted))]
    queries.append(" OR ".join(quoted))
    seen: dict[tuple[str, int], SentenceHit] = {}
    for query in queries:
        for hit in store.match_sentences(query, limit=_CANDIDATES):
            seen.setdefault((hit.article_id, hit.index), hit)
    return list(seen.values())


def ask(store: Store, question: str, *, top: int = _TOP, encoder: SentenceEncoder | None = None) -> Answer:
    """The corpus sentences that answer ``question`` (at most ``top``), or a refusal saying why."""
    terms = content_words(question)
    if not terms:
        return Answer(question, False, reason="the question has no words to look for")
    named, unknown = _resolve_names(store, _names(question))
    if unknown:
        return Answer(question, False, reason=f"the corpus does not mention {', '.join(unknown)}")
    # "According to SANA": the outlet's own reports, or sentences that cite it; its name is not a word to match.
    outlets = [o for o in store.outlets() if re.search(rf"(?<!\w){re.escape(o.lower())}(?!\w)", question.lower())]
    outlet_words = {word for outlet in outlets for word in _words(outlet)}
    terms = [term for term in terms if term not in outlet_words] or terms
    years = set(re.findall(r"\b(?:19|20)\d\d\b", question))
    asks_when = question.strip().lower().startswith("when")
    counted = counted_term(question)
    about = re.search(r"\babout\s+(.+?)[?.!]*$", question.strip(), re.IGNORECASE)
    topic = [term for term in content_words(about.group(1)) if term in terms] if about else []
    frequencies, sentences = store.sentence_frequencies(terms)
    rarity = {term: math.log((sentences + 1) / (frequencies[term] + 1)) + 1 for term in terms}
    scored: list[tuple[float, SentenceHit]] = []
    coverage_of: dict[tuple[str, int], float] = {}
    for hit in _candidates(store, terms):
        if outlets and hit.outlet not in outlets and not any(o.lower() in hit.text.lower() for o in outlets):
            continue
        present = store.entities_in_sentence(hit.article_id, hit.index) if named else set()
        lowered = hit.text.lower()
        if any(not (item.entities & present) and item.words.lower() not in lowered for item in named):
            continue  # every entity the question names must be in the sentence
        if topic and not _coverage(topic, hit.text):
            continue  # "what did X say about Y": a sentence without Y does not answer
        coverage = _coverage(terms, hit.text, counted=counted)
        if years and not any(year in hit.text or (hit.published or "").startswith(year) for year in years):
            continue
        weighted = _coverage(terms, hit.text, rarity, counted)
        if coverage < _COVERAGE or weighted < _COVERAGE:
            continue
        coverage_of[(hit.article_id, hit.index)] = weighted
        score = coverage * 2 - hit.rank / 10
        if asks_when and _DATED.search(hit.text):
            score += 0.5  # "when" is answered by a sentence that gives a date
        scored.append((score, hit))
    entity_ids = tuple(sorted({entity for item in named for entity in item.entities}))
    if not scored:
        return Answer(question, False, reason="no sentence in the corpus supports an answer", entities=entity_ids)
    answering = {hit.article_id for _, hit in scored}
    # A sentence carrying the question's rare words makes one that lacks them no longer evidence.
    if asks_when and any(_DATED.search(hit.text) for _, hit in scored):
        scored = [(score, hit) for score, hit in scored if _DATED.search(hit.text)]  # only a dated one says when
    # Each article's best sentence, as a telling of the story beside the cited ones: another outlet's
    # "19 people were killed" beside "23 people had been killed in Thursday's protests", though it
    # carries fewer of the question's words than the best.
    strong: dict[str, tuple[float, SentenceHit]] = {}
    for score, hit in sorted(scored, key=lambda pair: -pair[0]):
        strong.setdefault(hit.article_id, (score, hit))
    best = max(coverage_of[(hit.article_id, hit.index)] for _, hit in scored)
    scored = [
        (score, hit) for score, hit in scored if coverage_of[(hit.article_id, hit.index)] >= best - _COVERAGE_MARGIN
    ]
    scored.sort(key=lambda pair: -pair[0])
    if encoder is not None:
        head = scored[:_RERANKED]
        vectors = encoder.encode([question, *(hit.text for _, hit in head)])
        cosines = vectors[1:] @ vectors[0]
        head = [(score + _EMBEDDING_WEIGHT * float(cos), hit) for (score, hit), cos in zip(head, cosines, strict=True)]
        scored = sorted(head, key=lambda pair: -pair[0]) + scored[_RERANKED:]
    citations = tuple(_citation(hit) for _, hit in scored[:top])
    silent, also = _rest_of_story(store, citations, answering, strong)
    return Answer(question, True, citations, entities=entity_ids, silent=silent, also=also)


def _citation(hit: SentenceHit) -> Citation:
    """The sentence without the line breaks a paragraph's last sentence carries, its end moved with them."""
    text = hit.text.rstrip()
    return Citation(hit.article_id, hit.outlet, hit.published, hit.start, hit.end - (len(hit.text) - len(text)), text)


def _rest_of_story(
    store: Store,
    citations: tuple[Citation, ...],
    answering: set[str],
    strong: dict[str, tuple[float, SentenceHit]],
) -> tuple[tuple[tuple[str, str | None], ...], tuple[Citation, ...]]:
    """The other articles of the cited articles' stories: those with no sentence that answers at all
    (``answering`` holds the articles with one: silent), and the best answering sentence of each of the
    others (``strong``), best first."""
    cited = {c.article for c in citations}
    silent: dict[str, str | None] = {}
    also: dict[str, tuple[float, SentenceHit]] = {}
    for article_id in sorted(cited):
        story_id = store.story_of(article_id)
        story = store.story(story_id) if story_id else None
        for member in story.articles if story else ():
            if member.article_id in cited:
                continue
            if member.article_id not in answering:
                silent[member.article_id] = member.outlet
            elif member.article_id in strong:
                also[member.article_id] = strong[member.article_id]
    best_first = sorted(also.values(), key=lambda pair: -pair[0])
    return tuple(silent.items()), tuple(_citation(hit) for _, hit in best_first)


def answer_json(answer: Answer) -> dict[str, object]:
    """The answer as the CLI, the API and the UI give it: cited sentences grouped by outlet."""
    return {
        "question": answer.question,
        "answered": answer.answered,
        "reason": answer.reason,
        "entities": list(answer.entities),
        "by_outlet": [
            {"outlet": outlet, "sentences": [_citation_json(c) for c in citations]}
            for outlet, citations in answer.by_outlet().items()
        ],
        "also_in_story": [{**_citation_json(c), "outlet": c.outlet} for c in answer.also],
        # Articles of the same story in which no sentence matches the question.
        "unmatched_in_story": [{"article": article, "outlet": outlet} for article, outlet in answer.silent],
    }


def _citation_json(c: Citation) -> dict[str, object]:
    return {"text": c.text, "article": c.article, "published": c.published, "start": c.start, "end": c.end}
