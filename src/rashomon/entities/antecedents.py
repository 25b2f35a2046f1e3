"""Whom a pronoun stands for among the article's entities.

"He" and "she" take the last person who is a clause's subject in that sentence or the one before,
else further back while pronouns carry the person on, else the last person named, passing over a
person the article shows to be of the other sex (`rashomon.entities.gender`). "It" and "they" take
the last organisation or place named, and "they" also a people named as a noun. The quotes layer
gives speakers by these rules, and the event coder the actors a sentence names only as "he" or "she".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from spacy.tokens import Doc, Span, Token

from rashomon.entities.gender import agrees
from rashomon.model import DocEntity, Mention

_SUBJECTS = {"nsubj", "nsubjpass"}
# Links from a name's head word up to the word that fills the clause's slot; a subject's
# possessor counts ("Nikki Alldis' satisfaction levels are low. She says...").
_NAME_LINKS = {"appos", "compound", "flat", "conj", "poss"}


def last_before(
    entities: tuple[DocEntity, ...],
    position: int,
    types: set[str],
    accept: Callable[[DocEntity, int, int], bool] | None = None,
) -> DocEntity | None:
    """The entity of ``types`` mentioned last before ``position``; ``accept`` may pass over a
    mention (by its entity, start and end)."""
    best: tuple[int, DocEntity] | None = None
    for entity in entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if mention.end > position or (best is not None and mention.start <= best[0]):
                continue
            if accept is None or accept(entity, mention.start, mention.end):
                best = (mention.start, entity)
    return best[1] if best else None


def group_for_pronoun(span: Span, entities: tuple[DocEntity, ...]) -> DocEntity | None:
    """The body an "it" or "they" stands for: the last organisation or place named, or for "they"
    a people named as such ("the Kurds"). A demonym before a noun ("a Russian jet", "Syrian
    troops") names no one who speaks, and a people is never "it". A place is "they" only with
    another ("Washington and Hawaii say ... they say"): alone, a "they" after "in Aleppo" or "in
    Germany" is the people of the sentence, not the place (19 of 20 such in the demo store)."""
    if span.root.lower_ == "it":
        return last_before(entities, span.start_char, {"ORG", "GPE"})
    subject = subject_of_the_main_clause(span.root)
    if subject is not None:
        # "14 violators were detained after they attacked police officers": the detained attacked.
        return next(
            (e for e in entities for m in e.mentions if m.start <= subject.idx < m.end and e.type != "GPE"), None
        )
    found = last_before(
        entities,
        span.start_char,
        {"ORG", "GPE", "NORP"},
        lambda entity, start, end: entity.type != "NORP" or is_nominal(span.doc, start, end),
    )
    if found is None or found.type != "GPE":
        return found
    last = max((m for m in found.mentions if m.end <= span.start_char), key=lambda m: m.start)
    return found if _coordinated(span.doc, last.start, last.end) else None


_SUBORDINATORS = frozenset("after before when while as because since until once".split())


def subject_of_the_main_clause(pronoun: Token) -> Token | None:
    """The plural subject of the clause that a "they" of a time or reason clause hangs from: in
    "14 violators were detained after they attacked", "violators"."""
    verb = pronoun.head
    if pronoun.lower_ != "they":
        return None
    if pronoun.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "advcl":
        return None
    if not any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in verb.children):
        return None
    main = verb.head
    return next(
        (
            c for c in main.children
            if c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"NNS", "NNPS"} and c.i < verb.i
        ),
        None,
    )  # fmt: skip


def _coordinated(doc: Doc, start: int, end: int) -> bool:
    mention = doc.char_span(start, end, alignment_mode="expand")
    if mention is None:
        return False
    root = mention.root
    return root.dep_ == "conj" or any(child.dep_ == "conj" for child in root.children)


def is_nominal(doc: Doc, start: int, end: int) -> bool:
    mention = doc.char_span(start, end, alignment_mode="expand")
    return mention is not None and mention.root.pos_ in {"NOUN", "PROPN", "PRON"} and mention.root.dep_ != "amod"


def is_subject(doc: Doc, start: int, end: int, *, person_heads: frozenset[str] = frozenset()) -> bool:
    """Whether the mention fills a clause's subject slot, itself or through its head word. A possessor of
    one of ``person_heads`` ("Nie's mother said") is not: the subject is that other person."""
    return _subject_role(doc, start, end, person_heads) == "subject"


def _subject_role(doc: Doc, start: int, end: int, person_heads: frozenset[str]) -> str | None:
    """ "subject" when the mention is a clause's subject; "possessor" when it owns a person who is ("Nie's
    mother said"); else None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    possessor = False
    while token.dep_ in _NAME_LINKS and token.head.i != token.i:
        possessor = possessor or (token.dep_ == "poss" and token.head.lemma_.lower() in person_heads)
        token = token.head
    if token.dep_ not in _SUBJECTS:
        return None
    return "possessor" if possessor else "subject"


def person_for_pronoun(
    span: Span,
    entities: tuple[DocEntity, ...],
    sexes: Mapping[str, str] | None = None,
    *,
    last_named: bool = True,
    person_heads: frozenset[str] = frozenset(),
) -> DocEntity | None:
    """The person a "he" or "she" stands for: the last person who is a clause's subject in this
    sentence or the one before; else in the two before those, when pronouns have carried the person
    on ("Evancho had been encouraged ... Still, she told People ... Now she said"); else, with
    ``last_named``, the last person named. A person the article shows to be of the other sex
    (``sexes``) is passed over, and so is the possessor of one of ``person_heads`` ("Nie's mother")."""
    doc = span.doc
    sentence = span[0].sent
    starts = sentence_starts_back(sentence, 4)
    pronoun = span.root.lower_
    agreeing = tuple(entity for entity in entities if agrees(pronoun, entity.id, sexes or {}))
    passed_over = len(agreeing) < len(entities)
    entities = agreeing
    roles = [
        (mention.start, entity, _subject_role(doc, mention.start, mention.end, person_heads))
        for entity in entities
        if entity.type == "PERSON"
        for mention in entity.mentions
        if starts[-1] <= mention.start and mention.end <= span.start_char
    ]
    # "Nie's mother said ... She": the person the pronoun carries on is the mother, whom no name stands
    # for, so no one named before her will do either.
    kin = max((start for start, _, role in roles if role == "possessor"), default=-1)
    subjects = [(start, entity) for start, entity, role in roles if role == "subject" and start > kin]
    for window_start in (starts[min(1, len(starts) - 1)], starts[-1]):
        within = [pair for pair in subjects if pair[0] >= window_start]
        if within:
            return max(within, key=lambda pair: pair[0])[1]
    if not last_named:
        return None
    last = last_before(entities, span.start_char, {"PERSON"})
    # Past a person of the other sex, the last one named may be far back or a name the model took for
    # a person ("Brexit", "Kent"): only one the article shows to agree, or named in full, will do.
    if passed_over and last is not None and last.id not in (sexes or {}) and len(last.name.split()) < 2:
        return None
    return last


def sentence_starts_back(sentence: Span, count: int) -> list[int]:
    """Where ``sentence`` and up to ``count - 1`` sentences before it start, nearest first."""
    doc = sentence.doc
    starts = [sentence.start_char]
    token = sentence.start
    while len(starts) < count and token > 0:
        previous = doc[token - 1].sent
        starts.append(previous.start_char)
        token = previous.start
    return starts


def last_mention_before(entity: DocEntity, position: int) -> Mention | None:
    """The entity's mention that ends last before ``position``."""
    before = [mention for mention in entity.mentions if mention.end <= position]
    return max(before, key=lambda mention: mention.start) if before else None
