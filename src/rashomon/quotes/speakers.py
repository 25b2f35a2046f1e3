"""Which entity of the article a speaker phrase names.

A name is looked up among the article's entity mentions. A pronoun takes the entity last
mentioned before it (a person for "he"/"she", an organisation or place for "it"/"they", and for
"they" also a people named as a noun); for "he" and "she" a person who is the subject of a clause
in that sentence or the one before comes first ("Writing on Twitter, he said": he is the last
sentence's subject, not Twitter). A role noun ("the spokesman", "the president") takes the
last-mentioned entity holding that role; a description of a body ("the ministry") the last
organisation named before it whose name ends in that word. A "he" or "she" shortly after another
quote's named speaker, with no other person the subject of a clause in between, is that speaker
(`continue_speakers`), and so is "the ambassador" when it fits. A speaker that names no entity is
called by the noun a "who" stands for, or by a name the model missed after a possessor ("Al
Jazeera's Kamal Hyder"): `fallback_name`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from rashomon.entities.antecedents import group_for_pronoun, is_subject, last_before, person_for_pronoun
from rashomon.entities.gender import agrees
from rashomon.model import DocEntity, Quote, Speaker

_PERSONAL = {"he", "she", "him", "her", "i", "we"}
_SINGULAR = {"he", "she"}
_CONTINUED = _SINGULAR | {"they"}
_COLLECTIVE = {"it", "they", "them"}
_RELATIVE = {"who", "that", "which", "whom"}
_INDEFINITE = {"a", "an", "another", "one"}
_NAME_PARTS = {"compound", "flat"}
_NOUN_MODIFIERS = {"det", "amod", "compound", "poss", "case", "nummod", "quantmod", "nmod", "predet"}
_NOT_PEOPLE = {"ORG", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "EVENT"}
# How far back a "he" may reach for the speaker of an earlier quote, in sentences.
CONTINUATION_SENTENCES = 2


def _antecedent(root: Token) -> Span | None:
    """The noun phrase a relative pronoun stands for ("health insurers who say": health insurers),
    from its first modifier to the noun."""
    if root.lower_ not in _RELATIVE or root.head.dep_ != "relcl":
        return None
    noun = root.head.head
    first = noun.i
    while first > 0:
        previous = noun.doc[first - 1]
        inside_a_word = previous.text == "-" and not previous.whitespace_  # "the 35-page dossier"
        if not inside_a_word and (
            previous.is_punct or previous.dep_ not in _NOUN_MODIFIERS or not noun.is_ancestor(previous)
        ):
            break
        first -= 1
    return noun.doc[first : noun.i + 1]


def _unlinked_name(root: Token) -> Span | None:
    """A person's name the model did not recognise, after a possessor: "Al Jazeera's Kamal Hyder".
    Two or more capitalised words that are no organisation, place or role."""
    if root.pos_ != "PROPN" or not any(child.dep_ == "poss" for child in root.lefts):
        return None
    parts = [child for child in root.lefts if child.dep_ in _NAME_PARTS and child.pos_ == "PROPN"]
    name = root.doc[min([root.i, *(part.i for part in parts)]) : root.i + 1]
    looks_like_a_person = all(
        token.is_title and token.is_alpha and token.ent_type_ not in _NOT_PEOPLE and token.lower_ not in _BODIES
        for token in name
    )
    return name if len(name) >= 2 and looks_like_a_person else None


def name_taken_for_a_noun(token: Token) -> bool:
    """A capitalised word inside a sentence that the tagger read as a plural noun: "Kalnins told
    reporters"."""
    return token.is_title and token.tag_ == "NNS" and token.i != token.sent.start


def fallback_name(span: Span) -> str | None:
    """What to call a speaker that names no entity of the article, when the phrase itself is not
    the name: the noun a relative pronoun stands for, or the name a possessor precedes."""
    root = span.root
    antecedent = _antecedent(root)
    if antecedent is not None:
        return fallback_name(antecedent) or antecedent.text
    name = _unlinked_name(root)
    return name.text if name is not None else None


def _possessor(text: str, end: int) -> bool:
    """Whether the mention ending at ``end`` is followed by a possessive "'s" (or a bare "'")."""
    return text[end : end + 2] in {"'s", "\u2019s"} or text[end : end + 1] in {"'", "\u2019"}


def resolve_speaker(
    span: Span,
    entities: tuple[DocEntity, ...],
    text: str,
    sexes: Mapping[str, str] | None = None,
    office_words: frozenset[str] = frozenset(),
) -> DocEntity | None:
    """The entity a speaker phrase stands for; ``text`` is the article's (``Doc.text`` joins every token
    each time it is read); ``sexes`` what the article tells of its people's sex ("he" or "she");
    ``office_words`` the words of titles, which must agree for a description to stand for a holder."""
    root = span.root
    antecedent = _antecedent(root)
    if antecedent is not None:  # "a doctor who says": who is the doctor
        return resolve_speaker(antecedent, entities, text, sexes, office_words)
    for entity in entities:  # the name itself, or a name inside the phrase ("Kremlin spokesman Dmitry Peskov")
        for mention in entity.mentions:
            if mention.start <= root.idx < mention.end:
                return entity
    named = _person_in_apposition(span, entities, text) or _person_before_description(span, entities, text)
    if named is not None:  # "the UN envoy for the peace process, Nickolay Mladenov,": the envoy, not the UN
        return named
    # "a Free Syrian Army commander" speaks for the army; "Al Jazeera's Kamal Hyder", a name the
    # model missed, is not Al Jazeera.
    unlinked = _unlinked_name(root)
    inside = [
        (mention.start, entity)
        for entity in entities
        for mention in entity.mentions
        if span.start_char <= mention.start
        and mention.end <= span.end_char
        and entity.type in {"PERSON", "ORG"}
        and not (unlinked is not None and _possessor(text, mention.end))
    ]
    if inside:
        return max(inside, key=lambda pair: pair[0])[1]
    # A family name the model did not tag here ("Wilders, 53, has vowed"), or took for a plural noun.
    if root.pos_ == "PROPN" or name_taken_for_a_noun(root):
        bearers = {
            entity.id: entity
            for entity in entities
            if entity.type == "PERSON" and root.text in {name.split()[-1] for name in (entity.name, *entity.aliases)}
        }
        if len(bearers) == 1:
            return next(iter(bearers.values()))
    word = root.lower_
    if word in _SINGULAR:
        return person_for_pronoun(span, entities, sexes)
    if word in _PERSONAL:
        return last_before(entities, span.start_char, {"PERSON"})
    if word in _COLLECTIVE:
        return group_for_pronoun(span, entities)
    # "A Palestinian minister said" is someone new; "Navalny, a charismatic opposition leader who
    # has announced" is not.
    if root.pos_ == "NOUN" and (span[0].lower_ not in _INDEFINITE or root.dep_ == "appos"):
        lemma = root.lemma_.lower()
        holders = [
            e for e in entities
            if any(
                role.title.lower().split()[-1:] == [lemma] and _title_fits(root, role.title, office_words)
                for role in e.roles
            )
            and _country_fits(span.start_char, span.end_char, e, entities)
        ]  # fmt: skip
        found = last_before(tuple(holders), span.start_char, {"PERSON"})
        if found is not None:
            return found
    return _body_described(span, entities)


def _title_fits(root: Token, title: str, office_words: frozenset[str]) -> bool:
    """The words that say which office it is are the title's too: "the foreign minister" is not the
    "Prime Minister" named before ("a charismatic opposition leader" may be the opposition leader)."""
    words = set(title.lower().split())
    return all(
        child.lower_ in words
        for child in root.lefts
        if child.dep_ in {"amod", "compound"} and child.lower_ in office_words - _NOT_AN_OFFICE
    )


_NOT_AN_OFFICE = frozenset({"former", "then", "new", "acting"})


def _country_fits(start: int, end: int, person: DocEntity, entities: tuple[DocEntity, ...]) -> bool:
    """The countries a description names between ``start`` and ``end`` hold the person's, if it names
    any: "Lithuania's foreign minister" is no Latvian's office, "the Russian diplomat" no American."""
    named = {
        entity.country
        for entity in entities
        if entity.type in {"NORP", "GPE"} and entity.country
        and any(start <= mention.start and mention.end <= end for mention in entity.mentions)
    }  # fmt: skip
    return not (named and person.country and person.country not in named)


def _person_in_apposition(span: Span, entities: tuple[DocEntity, ...], text: str) -> DocEntity | None:
    """The person named between commas right after a description ("the UN envoy for the peace
    process, Nickolay Mladenov, ..."). Read off the text: the parser often takes such a name for the
    subject of the clause that follows."""
    after = span.end_char
    while after < len(text) and text[after] == " ":
        after += 1
    if text[after : after + 1] != ",":
        return None
    after += 1
    while after < len(text) and text[after] == " ":
        after += 1
    for entity in entities:
        if entity.type == "PERSON" and any(
            mention.start == after and text[mention.end : mention.end + 1] == "," for mention in entity.mentions
        ):
            return entity
    return None


def _person_before_description(span: Span, entities: tuple[DocEntity, ...], text: str) -> DocEntity | None:
    """The person a phrase names before a comma and the description of them ("Prof Helen
    Stokes-Lampard, chair of the Royal College of GPs"): the parser makes the description the
    head, with the name hanging from it, and the body in the description is not the speaker."""
    root = span.root.idx
    for entity in entities:
        if entity.type == "PERSON" and any(
            span.start_char <= mention.start and mention.end < root and text[mention.end : mention.end + 1] == ","
            for mention in entity.mentions
        ):
            return entity
    return None


def _body_described(span: Span, entities: tuple[DocEntity, ...]) -> DocEntity | None:
    """The organisation a definite description repeats part of: "the ministry" or "the defense
    ministry" after "Russia's Defense Ministry", the last such named before it."""
    words = [token.lower_ for token in span if not token.is_punct]
    if len(words) < 2 or words[0] != "the" or not all(word.isalpha() for word in words[1:]):
        return None
    wanted = set(words[1:])
    bodies = tuple(
        entity
        for entity in entities
        if entity.type == "ORG"
        and any(
            words[-1] in _heads(name_words := name.lower().split()) and wanted <= set(name_words)
            for name in (entity.name, *entity.aliases)
        )
    )
    return last_before(bodies, span.start_char, {"ORG"})


_OF_A_NAME = frozenset({"on", "for", "of", "in", "against"})


def _heads(name_words: list[str]) -> set[str]:
    """The words a body's name may be shortened to: its last, and the one before what it is "of" or
    "on" ("commission" of "Kenya National Commission on Human Rights")."""
    heads = set(name_words[-1:])
    cut = next((i for i, word in enumerate(name_words) if word in _OF_A_NAME), None)
    if cut:
        heads.add(name_words[cut - 1])
    return heads


# Heads of speaker phrases that are no "he" or "she": "the ministry", "a statement".
_BODIES = frozenset(
    "government ministry office agency department police army military statement report committee council "
    "court embassy company group party administration spokesperson media people letter".split()
)
_PRONOUNS = _PERSONAL | _COLLECTIVE | _RELATIVE | {
    "you", "one", "this", "some", "others", "many", "few", "both", "all", "those", "anyone", "someone", "everyone",
}  # fmt: skip


def _is_phrase(text: str) -> bool:
    """Not a phrase cut from around a quotation mark."""
    return text[:1].isalpha() and not any(mark in text for mark in '"?\u201c\u201d')


def _may_be_a_person(speaker: Speaker, types: dict[str, str]) -> bool:
    if speaker.entity is not None:
        return types.get(speaker.entity) == "PERSON"
    words = speaker.text.lower().split()
    return (
        _is_phrase(speaker.text)
        and bool(words)
        and words[-1] not in _BODIES | _PRONOUNS
        and not words[-1].endswith("s")
    )


def _may_be_a_group(speaker: Speaker, types: dict[str, str]) -> bool:
    """A speaker "they" can stand for: an organisation, a country, or people in the plural
    ("peace activists", "the ministry")."""
    if speaker.entity is not None:
        return types.get(speaker.entity) in {"ORG", "NORP", "GPE"}
    words = speaker.text.lower().split()
    if not _is_phrase(speaker.text) or not words or words[-1] in _PRONOUNS:
        return False
    return words[-1] in _BODIES or (words[-1].endswith("s") and not words[-1].endswith("ss"))


def _described_as(speaker: Speaker, person_nouns: Mapping[str, bool]) -> str | None:
    """The noun of a description that may stand for a person already quoted: "diplomat" in "the
    Russian diplomat". Only a short definite phrase with no entity of its own."""
    words = speaker.text.lower().split()
    if speaker.entity is not None or not 2 <= len(words) <= 5 or words[0] != "the":
        return None
    if not all(word.isalpha() for word in words):
        return None
    return words[-1] if words[-1] in person_nouns else None


def _fits(
    noun: str, speaker: Speaker, before: Speaker, entities: tuple[DocEntity, ...], person_nouns: Mapping[str, bool]
) -> bool:
    """Whether "the ambassador" may be the person quoted before: not when that person holds other
    offices and none of them this one, nor when the description's nationality is another's."""
    person = next((entity for entity in entities if entity.id == before.entity), None)
    if person is None:
        return before.entity is None
    if person.type != "PERSON":
        return False
    if person_nouns[noun] and person.roles and not any(noun in role.title.lower().split() for role in person.roles):
        return False
    return _country_fits(speaker.start, speaker.end, person, entities)


def _inside(quote: Quote, start: int, end: int) -> bool:
    """Whether a mention lies within the quotation's own words."""
    return any(piece.start <= start and end <= piece.end for piece in quote.pieces)


def continue_speakers(
    doc: Doc,
    quotes: Sequence[Quote],
    entities: tuple[DocEntity, ...],
    *,
    person_nouns: Mapping[str, bool] | None = None,
    sexes: Mapping[str, str] | None = None,
) -> list[Quote]:
    """Quotes whose speaker is "he" or "she" take the speaker of the quote before, when no other
    person is the subject of a clause between the two and the last quote given to that speaker is
    at most ``CONTINUATION_SENTENCES`` sentences back: in 'A rebel fighter said the lines were
    "collapsing". "Praise God," he said.' he is the fighter, not whoever the article named last. A
    person named in passing ("writing on Twitter", "he met Jones") does not take the pronoun over.
    A speaker with no entity ("a rebel fighter") lends the pronoun its words as the name. "They"
    likewise takes the speaker before when that is a body or people in the plural ("Peace activists
    demand reform. This, they say, ..."), unless something else named is a subject in between.
    A description in ``person_nouns`` ("the ambassador", "the Russian diplomat") is read like "he",
    when it fits the person quoted before (`_fits`); otherwise it is a speaker of its own. A "she"
    never continues a man's quotes, nor a "he" a woman's (``sexes``, `rashomon.entities.gender`)."""
    nouns = person_nouns or {}
    known_sexes = sexes or {}
    if not any(
        quote.speaker is not None and (quote.speaker.text.lower() in _CONTINUED or _described_as(quote.speaker, nouns))
        for quote in quotes
    ):
        return list(quotes)  # no pronoun to carry a speaker to: skip finding every clause subject
    subjects = [
        (mention.start, mention.end, entity.type)
        for entity in entities
        for mention in entity.mentions
        if entity.type in {"PERSON", "ORG", "NORP", "GPE"} and is_subject(doc, mention.start, mention.end)
    ]
    breaking = {
        "person": sorted((start, end) for start, end, kind in subjects if kind == "PERSON"),
        "group": sorted((start, end) for start, end, _ in subjects),
    }
    sentence_starts = [sentence.start_char for sentence in doc.sents]
    types = {entity.id: entity.type for entity in entities}
    continued: list[Quote] = []
    named: dict[str, Quote | None] = {"person": None, "group": None}  # the last quote naming its speaker
    last_end = {"person": 0, "group": 0}  # where the last quote given to that speaker ends
    for quote in quotes:
        speaker = quote.speaker
        word = speaker.text.lower() if speaker is not None else ""
        noun = _described_as(speaker, nouns) if speaker is not None else None
        kind = ("person" if word in _SINGULAR else "group") if word in _CONTINUED else ("person" if noun else None)
        before_quote = named[kind] if kind is not None else None
        taken = False
        if speaker is not None and kind is not None:
            if before_quote is not None and before_quote.speaker is not None:
                before = before_quote.speaker
                # A person the quotation itself names ("Debris from a downed drone fell ...," he wrote)
                # is what the speaker tells of, not a new speaker.
                between = any(
                    before.end <= start and end <= speaker.start and not _inside(quote, start, end)
                    for start, end in breaking[kind]
                )
                sentences_back = bisect_right(sentence_starts, speaker.start) - bisect_right(
                    sentence_starts, last_end[kind]
                )
                fits = (noun is None or _fits(noun, speaker, before, entities, nouns)) and agrees(
                    word, before.entity, known_sexes
                )
                if sentences_back <= CONTINUATION_SENTENCES and not between and fits:
                    speaker = replace(speaker, entity=before.entity, name=before.name or before.text)
                    quote = replace(quote, speaker=speaker)
                    last_end[kind] = quote.end
                    taken = True
        if (
            speaker is not None
            and not taken
            and (noun is not None or kind is None)
            and word not in _PERSONAL | _COLLECTIVE
        ):
            named = {
                "person": quote if _may_be_a_person(speaker, types) else None,
                "group": quote if _may_be_a_group(speaker, types) else None,
            }
            last_end = {"person": quote.end, "group": quote.end}
        continued.append(quote)
    return continued
