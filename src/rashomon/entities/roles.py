"""Titles and offices stated next to a person's name, with the country they belong to."""

from __future__ import annotations

from spacy.tokens import Span

from rashomon.entities.tables import EntityTables
from rashomon.model import Role

MAX_TITLE_TOKENS = 7


def _is_title_token(text: str, tables: EntityTables) -> bool:
    return text.lower() in tables.title_words


def _country_token(span: Span, tables: EntityTables) -> str | None:
    return tables.country_of(span.text)


def role_before(person: Span, tables: EntityTables) -> Role | None:
    """ "Syrian Foreign Minister Assaad al-Sheibani" -> Role("Foreign Minister", "SYR")."""
    doc = person.doc
    start = person.start
    sentence_start = person.sent.start if doc.has_annotation("SENT_START") else 0
    index = start
    while index > sentence_start and start - index < MAX_TITLE_TOKENS and _is_title_token(doc[index - 1].text, tables):
        index -= 1
    while index < start and doc[index].lower_ == "of":
        index += 1
    if index == start or doc[start - 1].lower_ == "of":
        return None  # "the local chief of Diwan al-Hisba": the name is what the title is of, not who holds it
    title = doc[index:start].text
    country = None
    # A demonym, country or organisation right before the title: "Russian", "Kremlin".
    if index > sentence_start:
        previous = doc[index - 1]
        entity = next((ent for ent in doc.ents if ent.start <= previous.i < ent.end), None)
        country = _country_token(entity if entity is not None else doc[index - 1 : index], tables)
    return Role(title=title, country=country)


def role_after(person: Span, tables: EntityTables) -> Role | None:
    """ "Vladimir Putin, the Russian president," -> Role("president", "RUS")."""
    doc = person.doc
    end = min(person.sent.end, len(doc)) if doc.has_annotation("SENT_START") else len(doc)
    index = person.end
    if index >= end or doc[index].text != ",":
        return None
    index += 1
    if index < end and doc[index].lower_ in {"the", "a", "an", "its", "his", "her"}:
        index += 1
    country = None
    if index < end and tables.country_of(doc[index].text) and not _is_title_token(doc[index].text, tables):
        country = tables.country_of(doc[index].text)
        index += 1
    first = index
    while index < end and index - first < MAX_TITLE_TOKENS and _is_title_token(doc[index].text, tables):
        index += 1
    if index == first or index >= end or doc[index].text not in {",", ".", ";"}:
        return None
    while index > first and doc[index - 1].lower_ == "of":
        index -= 1
    return Role(title=doc[first:index].text, country=country)
