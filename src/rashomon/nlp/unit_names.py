"""A name the model left untagged is a place when a word for an administrative unit frames it.

The small English model knows "Hama province" but not "Van province", and reads "Van" as a
common noun's capitalised cousin; a second report of the same earthquake then names no place at
all, and nothing ties its death toll to the first report's. In "Van province" and "the district
of Van" the unit word says what kind of name stands beside it, whatever the name. The component
runs after the statistical NER and only adds whole names over words no entity covers: a name the
model labelled otherwise keeps its label ("Sidi Bouzid governorate" stays a person's name here;
relabelling such names moved FA-KES's story grouping, see docs/EVALUATION.md). A place the model
tagged with its unit word ("Sofala province") is cut to its name, as the other reports write it.
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


def _name_word(token: Token) -> bool:
    """A capitalised proper noun no entity covers, not the first word of its sentence."""
    return token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and not token.is_sent_start


def _part_of_a_longer_name(token: Token) -> bool:
    """A word beside the name that would make it a piece of one: "Deir ez-Zour", "Al Raqqa" (the
    model tagged "Raqqa" alone), "Salah al-Din"."""
    return bool(token.ent_type_) or token.text in {"-", "'"} or (token.is_title and token.pos_ == "PROPN")


def _name_before(doc: Doc, unit: Token) -> Span | None:
    start = unit.i
    while start > 0 and unit.i - start < _LONGEST_NAME and _name_word(doc[start - 1]):
        start -= 1
    if start == unit.i or (start > 0 and _part_of_a_longer_name(doc[start - 1])):
        return None
    return doc[start : unit.i]


def _name_after_of(doc: Doc, unit: Token) -> Span | None:
    first = unit.i + 2
    if first >= len(doc) or doc[unit.i + 1].lower_ != "of":
        return None
    end = first
    while end < len(doc) and end - first < _LONGEST_NAME and _name_word(doc[end]):
        end += 1
    if end == first or (end < len(doc) and _part_of_a_longer_name(doc[end])):
        return None
    return doc[first:end]


def _without_unit_word(entity: Span) -> Span | None:
    """A place the model tagged with its unit word ("Sofala province"), as the name alone ("Sofala"), so
    that it is one entity with the "Sofala" of "Mozambique's central Sofala province"."""
    *name, last = entity
    if (
        entity.label_ not in {"GPE", "LOC"} or entity.ent_id_ or not name or not last.is_lower
        or last.lower_ not in _UNITS_AFTER_A_NAME or not all(t.pos_ == "PROPN" and t.is_title for t in name)
    ):  # fmt: skip
        return None
    return Span(entity.doc, entity.start, entity.end - 1, label=entity.label_)


@Language.component(COMPONENT)
def tag_unit_names(doc: Doc) -> Doc:
    trimmed = {entity.start: cut for entity in doc.ents if (cut := _without_unit_word(entity)) is not None}
    if trimmed:
        doc.ents = [trimmed.get(entity.start, entity) for entity in doc.ents]
    # By start: "the district of Van province" frames one name twice.
    found: dict[int, Span] = {}
    for token in doc:
        if not token.is_lower:
            continue  # "Kurdistan Region" is a name in itself, which the model reads or misses whole
        if token.lower_ in _UNITS_AFTER_A_NAME and (name := _name_before(doc, token)) is not None:
            found.setdefault(name.start, Span(doc, name.start, name.end, label="GPE"))
        if token.lower_ in _UNITS_BEFORE_OF and (name := _name_after_of(doc, token)) is not None:
            found.setdefault(name.start, Span(doc, name.start, name.end, label="GPE"))
    if found:
        doc.set_ents(list(found.values()), default="unmodified")
    return doc
