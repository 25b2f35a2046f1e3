"""Actor phrases: the span an argument covers, and its entity, country and sector."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from rashomon.brackets import open_bracket, without_trailing_aside
from rashomon.entities.tables import EntityTables
from rashomon.events.lexicon import Lexicon
from rashomon.model import Actor, DocEntity

# Dependents that belong to a noun phrase; relative clauses and conjuncts do not.
_PHRASE_DEPS = {
    "compound",
    "amod",
    "det",
    "poss",
    "nmod",
    "nummod",
    "case",
    "prep",
    "pobj",
    "appos",
    "quantmod",
    "npadvmod",
    "punct",
    "cc:preconj",
    "predet",
    "nn",
}
_PEOPLE_SECTORS = {"GOV", "MIL", "LEG", "COP", "JUD", "REB", "OPP", "CVL", "PTY", "CRM", "REF", "REL", "BUS", "MED"}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "who", "which", "that"}


@dataclass(frozen=True)
class MentionIndex:
    """Which document entity covers a character offset."""

    starts: tuple[int, ...]
    spans: tuple[tuple[int, int, DocEntity], ...]

    @classmethod
    def build(cls, entities: tuple[DocEntity, ...]) -> MentionIndex:
        spans = sorted((m.start, m.end, entity) for entity in entities for m in entity.mentions)
        return cls(tuple(s[0] for s in spans), tuple(spans))

    def covering(self, start: int, end: int) -> list[DocEntity]:
        found = []
        for span_start, span_end, entity in self.spans:
            if span_start >= end:
                break
            if span_end > start:
                found.append(entity)
        return found


def phrase_tokens(head: Token) -> list[Token]:
    """The noun phrase headed by ``head``: its modifiers, not its clauses or conjuncts."""
    tokens = [head]
    stack = [head]
    while stack:
        token = stack.pop()
        for child in token.children:
            if child.dep_ in _PHRASE_DEPS and not (child.dep_ == "prep" and child.i < head.i):
                if child.dep_ == "prep" and child.lower_ not in {"of", "in", "from"}:
                    continue
                tokens.append(child)
                stack.append(child)
    tokens.sort(key=lambda t: t.i)
    tokens = without_trailing_aside(tokens)
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ in {"case", "cc"}) and open_bracket(tokens) is None:
        tokens.pop()
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "det"):
        tokens.pop(0)
    return tokens or [head]


@dataclass(frozen=True)
class ActorCoder:
    """Turns argument heads into :class:`Actor` records."""

    tables: EntityTables
    lexicon: Lexicon

    def actor(self, head: Token, index: MentionIndex) -> Actor | None:
        if head.pos_ == "PRON" and head.lower_ in _PRONOUNS:
            return None
        tokens = phrase_tokens(head)
        doc = head.doc
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        span = doc.char_span(start, end, alignment_mode="expand")
        text = span.text if span is not None else head.text
        entities = index.covering(start, end)
        head_entities = index.covering(head.idx, head.idx + len(head.text))
        found = head_entities or entities
        entity = found[0] if found else None
        country, sector = self._code(tokens, entities, head)
        # "Israeli airstrikes" is named by its phrase; its entity (Israel's) is kept for linking.
        name = entity.name if head_entities and entity is not None else text
        return Actor(start, end, text, entity.id if entity else None, name, country, sector)

    def deep_actor(self, head: Token, index: MentionIndex, *, max_steps: int = 3) -> Actor | None:
        """A named country, group or person inside a phrase, a few steps down ("the curfew imposed in Sudan")."""
        for token in head.subtree:
            if token.i == head.i or token.ent_type_ not in {"GPE", "NORP", "ORG", "PERSON"}:
                continue
            steps, walker = 0, token
            while walker.i != head.i and steps <= max_steps:
                walker, steps = walker.head, steps + 1
            if steps > max_steps:
                continue
            actor = self.actor(token, index)
            if actor is not None and actor.country:
                return actor
        return None

    def place_actor(self, trigger: Token, index: MentionIndex) -> Actor | None:
        """The place an action happens in ("in Algiers"), as an actor with that place's country."""
        for child in trigger.children:
            if child.dep_ != "prep" or child.lower_ not in {"in", "at", "near", "across", "throughout", "outside"}:
                continue
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                for token in pobj.subtree:
                    if token.ent_type_ in {"GPE", "LOC", "FAC"}:
                        actor = self.actor(token, index)
                        if actor is not None and actor.country:
                            return actor
        return None

    def with_context_country(
        self,
        actor: Actor | None,
        sentence: Span,
        index: MentionIndex,
        *,
        exclude: frozenset[str] | set[str] = frozenset(),
    ) -> Actor | None:
        """An official or person with no stated country takes the sentence's first country.

        News names a country once ("Haiti's first elections") and its officials without it.
        """
        if actor is None or actor.country is not None:
            return actor
        words = [t for t in sentence if actor.start <= t.idx < actor.end]
        if any(
            word.lower_ in self.lexicon.multinational and following.tag_ == "NNS"
            for word, following in itertools.pairwise(words)
        ):
            return actor  # "European leaders", "foreign fighters": of no one country ("Foreign Minister" is one's)
        entities = index.covering(actor.start, actor.end)
        is_person = any(e.type == "PERSON" for e in entities)
        if not is_person and actor.sector not in _PEOPLE_SECTORS:
            return actor
        span = sentence
        candidates: list[str] = []
        own_entities = index.covering(actor.start, actor.end)
        own = {e.id for e in own_entities}
        own_spans = [(m.start, m.end) for e in own_entities for m in e.mentions]
        for entity in index.covering(span.start_char, span.end_char):
            if entity.type in {"GPE", "NORP"} and entity.country and entity.id not in own:
                candidates.append(entity.country)
        for token in span:
            if actor.start <= token.idx < actor.end or any(a <= token.idx < b for a, b in own_spans):
                continue
            country = self.tables.country_of(token.text) if token.is_title or token.is_upper else None
            if country:
                candidates.append(country)
        # Prefer a country other than the one excluded (the other side's), but a domestic event keeps its own.
        fallback = candidates[0] if candidates else None
        chosen = next((c for c in candidates if c not in exclude), fallback)
        if chosen is None:
            return actor
        return Actor(actor.start, actor.end, actor.text, actor.entity, actor.name, chosen, actor.sector)

    def _code(self, tokens: list[Token], entities: list[DocEntity], head: Token) -> tuple[str | None, str | None]:
        sector = self._sector(tokens, head)
        if any(t.lower_ == "ethnic" for t in tokens):
            # "ethnic Albanians in south Serbia": an ethnic group is coded by where it lives, not its name.
            places = [e for e in entities if e.type == "GPE" and e.country]
            return (places[0].country if places else None), sector or "CVL"
        # The head's own entity first: "NATO-member Norway" is Norway.
        head_entities = [e for e in entities if any(m.start <= head.idx < m.end for m in e.mentions)]
        for entity in head_entities:
            if entity.country:
                return entity.country, sector or (self._role_sector(entity) if entity.type == "PERSON" else None)
        organisation = self._organisation(tokens)
        if organisation is not None:
            return organisation[0], sector or organisation[1]
        modifiers = {
            t.idx
            for child in head.children
            if child.dep_ in {"amod", "compound", "poss", "nmod"}
            for t in child.subtree
        }
        # The thing's own modifiers ("Cambodian refugee camp") before where it is ("in Thailand").
        ordered = sorted(entities, key=lambda e: (not any(m.start in modifiers for m in e.mentions), e.type != "GPE"))
        for entity in ordered:
            if entity.country:
                if entity.type == "PERSON" and sector is None:
                    sector = self._role_sector(entity)
                return entity.country, sector
        country = self.country_in(tokens)
        if country is None and sector == "NGO":
            country = "NGO"  # a non-governmental body with no country is coded NGO, as CAMEO does
        return country, sector

    def country_in(self, tokens: list[Token] | Span) -> str | None:
        """The first country named in ``tokens`` by name, short name, capital or demonym (up to three words)."""
        words = list(tokens)
        for begin in range(len(words)):
            for size in (6, 5, 4, 3, 2, 1):
                if begin + size <= len(words):
                    # Joined as written, so "People's" stays one word.
                    text = "".join(t.text_with_ws for t in words[begin : begin + size]).strip()
                    country = self.tables.country_of(text)
                    if country:
                        return country
        return None

    def _organisation(self, tokens: list[Token]) -> tuple[str, str] | None:
        words = [t.lower_ for t in tokens]
        for size in range(len(words), 0, -1):
            for begin in range(0, len(words) - size + 1):
                found = self.lexicon.organisations.get(" ".join(words[begin : begin + size]))
                if found is not None:
                    return found
        return None

    def _sector(self, tokens: list[Token], head: Token) -> str | None:
        words = [t.lemma_.lower() for t in tokens]
        # Two-word keywords first ("security forces", "defense ministry"), the head word before the rest.
        for first, second in itertools.pairwise(words):
            found = self.lexicon.sectors.get(f"{first} {second}")
            if found:
                return found
        for word in [head.lemma_.lower(), head.lower_, *words, *(t.lower_ for t in tokens)]:
            found = self.lexicon.sectors.get(word)
            if found:
                return found
        return None

    def _role_sector(self, entity: DocEntity) -> str | None:
        for role in entity.roles:
            words = role.title.lower().split()
            for first, second in itertools.pairwise(words):
                if f"{first} {second}" in self.lexicon.sectors:
                    return self.lexicon.sectors[f"{first} {second}"]
            for word in reversed(words):
                if word in self.lexicon.sectors:
                    return self.lexicon.sectors[word]
        return None
