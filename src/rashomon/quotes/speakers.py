"""Which entity of the article a speaker phrase names.

A name is looked up among the article's entity mentions. A pronoun takes the entity last
mentioned before it (a person for "he"/"she", an organisation or place for "it"/"they");
a role noun ("the spokesman", "the president") the last-mentioned entity holding that role,
else the last person mentioned. A "he" or "she" right after another quote's named speaker, with no
person named in between, is that speaker (`continue_speakers`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span

from rashomon.model import DocEntity, Quote, Speaker

_PERSONAL = {"he", "she", "him", "her", "i", "we"}
_COLLECTIVE = {"it", "they", "them"}
_RELATIVE = {"who", "that", "which", "whom"}


def _last_before(entities: tuple[DocEntity, ...], position: int, types: set[str]) -> DocEntity | None:
    best: tuple[int, DocEntity] | None = None
    for entity in entities:
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            if mention.end <= position and (best is None or mention.start > best[0]):
                best = (mention.start, entity)
    return best[1] if best else None


def resolve_speaker(span: Span, entities: tuple[DocEntity, ...]) -> DocEntity | None:
    root = span.root
    if root.lower_ in _RELATIVE and root.head.dep_ == "relcl":
        noun = root.head.head  # "a doctor who says": who is the doctor
        return resolve_speaker(noun.doc[noun.left_edge.i : noun.i + 1], entities)
    for entity in entities:  # the name itself, or a name inside the phrase ("Kremlin spokesman Dmitry Peskov")
        for mention in entity.mentions:
            if mention.start <= root.idx < mention.end:
                return entity
    inside = [
        (mention.start, entity)
        for entity in entities
        for mention in entity.mentions
        if span.start_char <= mention.start and mention.end <= span.end_char and entity.type in {"PERSON", "ORG"}
    ]
    if inside:
        return max(inside, key=lambda pair: pair[0])[1]
    word = root.lower_
    if word in _PERSONAL:
        return _last_before(entities, span.start_char, {"PERSON"})
    if word in _COLLECTIVE:
        return _last_before(entities, span.start_char, {"ORG", "GPE", "NORP"})
    if root.pos_ == "NOUN":
        lemma = root.lemma_.lower()
        holders = [e for e in entities if any(role.title.lower().split()[-1:] == [lemma] for role in e.roles)]
        found = _last_before(tuple(holders), span.start_char, {"PERSON"})
        if found is not None:
            return found
    return None


_SINGULAR = {"he", "she"}
# Heads of speaker phrases that are no "he" or "she": "the ministry", "a statement".
_BODIES = frozenset(
    "government ministry office agency department police army military statement report committee council "
    "court embassy company group party administration spokesperson media people letter".split()
)
_PRONOUNS = _PERSONAL | _COLLECTIVE | _RELATIVE | {"you", "one", "this"}


def _may_be_a_person(speaker: Speaker, types: dict[str, str]) -> bool:
    if speaker.entity is not None:
        return types.get(speaker.entity) == "PERSON"
    if not speaker.text[:1].isalpha() or any(mark in speaker.text for mark in '"?\u201c\u201d'):
        return False  # a phrase cut from around a quotation mark, not a name
    words = speaker.text.lower().split()
    return bool(words) and words[-1] not in _BODIES | _PRONOUNS and not words[-1].endswith("s")


def continue_speakers(quotes: Sequence[Quote], entities: tuple[DocEntity, ...]) -> list[Quote]:
    """Quotes whose speaker is "he" or "she" take the speaker of the quote before, when no person
    is named between the two: in 'A rebel fighter said the lines were "collapsing". "Praise God,"
    he said.' he is the fighter, not whoever the article named last. A speaker with no entity ("a
    rebel fighter") lends the pronoun its words as the name."""
    people = sorted(
        (mention.start, mention.end) for entity in entities if entity.type == "PERSON" for mention in entity.mentions
    )
    types = {entity.id: entity.type for entity in entities}
    continued: list[Quote] = []
    named = None  # the last quote whose speaker is not a pronoun
    for quote in quotes:
        speaker = quote.speaker
        if speaker is not None and speaker.text.lower() in _SINGULAR and named is not None and named.speaker:
            before = named.speaker
            between = any(before.end <= start and end <= speaker.start for start, end in people)
            if not between:
                speaker = replace(speaker, entity=before.entity, name=before.name or before.text)
                quote = replace(quote, speaker=speaker)
        elif speaker is not None and speaker.text.lower() not in _PERSONAL | _COLLECTIVE:
            named = quote if _may_be_a_person(speaker, types) else None
        continued.append(quote)
    return continued
