"""Whether the article's people are "he" or "she", so that a pronoun speaker is not given to someone
of the other sex ('Ms Le Pen ... "...," she said' is not Trump's, however recently he was named).

The evidence is the article's own, in order of weight: an honorific before a mention ("Mr", "Ms"); a
title or kinship word the text gives the person ("spokeswoman", "the king", "his wife"); the given
name ("Theresa", "Donald"). The first kind that speaks decides; a kind that says both says nothing.
A person with no evidence is "he" and "she" alike.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from rashomon.entities.data import table_lines
from rashomon.model import DocEntity

# The honorific must end right before the mention: "Mr Trump", "Ms. Le Pen".
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")


@dataclass(frozen=True)
class GenderCues:
    """Words that tell a person's sex: honorifics, titles and given names, each to "m" or "f"."""

    honorifics: Mapping[str, str] = field(default_factory=dict)
    titles: Mapping[str, str] = field(default_factory=dict)
    given_names: Mapping[str, str] = field(default_factory=dict)


def load_gender_cues() -> GenderCues:
    """The tables in `entities/data/gender_words.tsv` and `entities/data/given_names.tsv`."""
    honorifics: dict[str, str] = {}
    titles: dict[str, str] = {}
    for word, sex, kind in _rows("gender_words.tsv", 3):
        (honorifics if kind == "honorific" else titles)[word] = sex
    names = dict(_rows("given_names.tsv", 2))
    return GenderCues(honorifics, titles, names)


def _rows(name: str, width: int) -> list[list[str]]:
    rows = [line.split("\t") for line in table_lines(name)]
    return [[cell.strip().lower() for cell in row] for row in rows if len(row) == width]


def person_sexes(text: str, entities: Sequence[DocEntity], cues: GenderCues) -> dict[str, str]:
    """Entity id -> "m" or "f" for the article's people whose sex the text tells."""
    sexes = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        sex = _one(_honorifics(text, entity, cues)) or _one(_titles(text, entity, cues)) or _given(entity, cues)
        if sex is not None:
            sexes[entity.id] = sex
    return sexes


def agrees(pronoun: str, entity_id: str | None, sexes: Mapping[str, str]) -> bool:
    """Whether "he" or "she" (any other word agrees with anyone) may stand for the entity ``entity_id``."""
    wanted = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun.lower())
    known = sexes.get(entity_id) if entity_id is not None else None
    return wanted is None or known is None or known == wanted


def _one(found: set[str]) -> str | None:
    return next(iter(found)) if len(found) == 1 else None


def _word_before(text: str, start: int) -> str | None:
    match = _WORD_BEFORE.search(text[max(0, start - 16) : start])
    return match.group(1) if match else None


def _honorifics(text: str, entity: DocEntity, cues: GenderCues) -> set[str]:
    found = set()
    for mention in entity.mentions:
        word = _word_before(text, mention.start)
        # Capitalised only: "the lady said" is no honorific.
        if word is not None and word[0].isupper() and word.lower() in cues.honorifics:
            found.add(cues.honorifics[word.lower()])
    return found


def _titles(text: str, entity: DocEntity, cues: GenderCues) -> set[str]:
    words = [word for role in entity.roles for word in role.title.lower().split()]
    words += [word.lower() for mention in entity.mentions if (word := _word_before(text, mention.start))]
    return {cues.titles[word] for word in words if word in cues.titles}


def _given(entity: DocEntity, cues: GenderCues) -> str | None:
    names = [entity.name, *entity.aliases]
    found = {
        cues.given_names[first]
        for name in names
        if len(name.split()) >= 2 and (first := name.split()[0].lower()) in cues.given_names
    }
    return _one(found)
