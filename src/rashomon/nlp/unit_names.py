"""A name the model left untagged is a place when a word for an administrative unit frames it.

The small English model knows "Hama province" but not "Van province", and reads "Van" as a
common noun's capitalised cousin; a second report of the same earthquake then names no place at
all, and nothing ties its death toll to the first report's. In "Van province", "Sidi Bouzid
governorate" and "the Tusba district of Van" the unit word says what kind of name stands beside
it, whatever the name. The component runs after the statistical NER and adds spans over words no
entity covers; a name the model took for a person, a group or an organisation ("Sidi Bouzid" a
person, "Tusba" a nationality) becomes a place when it is all proper nouns, which a demonym
("Kurdish region") is not. Names the gazetteer ruler set keep their label.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

COMPONENT = "rashomon_unit_names"
# Written in lower case after a name: "Van province". Not "city" or "town": "a Sanders town hall".
_UNITS_AFTER_A_NAME = frozenset("province district governorate county prefecture oblast region".split())
# Before "of" and a name: "the province of Van", "the city of Van".
_UNITS_BEFORE_OF = _UNITS_AFTER_A_NAME | frozenset("city town village".split())
_LONGEST_NAME = 3
_RELABELLED = frozenset({"PERSON", "NORP", "ORG"})


def _name_word(token: Token) -> bool:
    """A capitalised proper noun no entity covers, not the first word of its sentence."""
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and not token.is_sent_start


def _name_before(doc: Doc, unit: Token) -> Span | None:
    start = unit.i
    while start > 0 and unit.i - start < _LONGEST_NAME and _name_word(doc[start - 1]):
        start -= 1
    return doc[start : unit.i] if start < unit.i else None


def _name_after_of(doc: Doc, unit: Token) -> Span | None:
    first = unit.i + 2
    if first >= len(doc) or doc[unit.i + 1].lower_ != "of":
        return None
    end = first
    while end < len(doc) and end - first < _LONGEST_NAME and _name_word(doc[end]):
        end += 1
    return doc[first:end] if end > first else None


def _mislabelled_name(doc: Doc, unit: Token, after_of: bool) -> Span | None:
    """The entity beside the unit word, when the model gave it a label no place has."""
    index = unit.i + 2 if after_of else unit.i - 1
    if not 0 <= index < len(doc) or (after_of and doc[unit.i + 1].lower_ != "of"):
        return None
    token = doc[index]
    if token.ent_type_ not in _RELABELLED or token.ent_id_:
        return None
    entity = next(e for e in doc.ents if e.start <= index < e.end)
    if (entity.start if after_of else entity.end) != index + (0 if after_of else 1):
        return None
    if not all(t.pos_ == "PROPN" and t.is_title for t in entity):
        return None
    return Span(doc, entity.start, entity.end, label="GPE")


@Language.component(COMPONENT)
def tag_unit_names(doc: Doc) -> Doc:
    found: list[Span] = []
    relabelled: list[Span] = []
    for token in doc:
        if not token.is_lower:
            continue  # "Kurdistan Region" is a name in itself, which the model reads or misses whole
        if token.lower_ in _UNITS_AFTER_A_NAME and (name := _name_before(doc, token)) is not None:
            found.append(Span(doc, name.start, name.end, label="GPE"))
        if token.lower_ in _UNITS_BEFORE_OF and (name := _name_after_of(doc, token)) is not None:
            found.append(Span(doc, name.start, name.end, label="GPE"))
        for after_of in (False, True):
            units = _UNITS_BEFORE_OF if after_of else _UNITS_AFTER_A_NAME
            if token.lower_ in units and (name := _mislabelled_name(doc, token, after_of)) is not None:
                relabelled.append(name)
    if relabelled:
        kept = [e for e in doc.ents if not any(e.start == r.start and e.end == r.end for r in relabelled)]
        doc.ents = [*kept, *relabelled]
    if found:
        doc.set_ents(found, default="unmodified")
    return doc
