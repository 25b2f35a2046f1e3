"""Resolve the entity mentions of one parsed article into document entities.

Mentions are linked when they share a gazetteer id, a normalised name, a
transliteration skeleton (multi-word names), an abbreviation or alias the
text defines, or when a one-word name is the surname of a fuller person name
in the same article. Each group becomes one :class:`DocEntity` with a
canonical name, its other spellings, its type, roles and country, and the
keys the corpus layer uses to link it to entities of other articles.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from rashomon.datelines import dateline_agency, dateline_town_end
from rashomon.entities.aliases import find_abbreviations, find_stated_aliases
from rashomon.entities.names import (
    PATRONYMIC_PARTICLES,
    clean_surface,
    is_acronym,
    is_shouted,
    is_single_name,
    name_key,
    name_tokens,
    skeleton,
    surname_key,
)
from rashomon.entities.roles import role_after, role_before
from rashomon.entities.tables import EntityTables
from rashomon.model import ENTITY_TYPES, DocEntity, GazetteerEntry, Mention, Role
from rashomon.wording import named_as_a_settlement, named_as_fought_over

TYPE_GROUPS = {"PERSON": "per", "ORG": "org", "GPE": "loc", "LOC": "loc", "FAC": "loc", "NORP": "norp", "EVENT": "evt"}
_SURNAME_LINKABLE = {"PERSON", "ORG", "LOC", "GPE"}
_RETYPED = {"ORG", "GPE", "LOC", "FAC"}
# The types the model confuses for one name: a name with a particle is often called an organisation.
CONFUSED_TYPES = {"PERSON": "ORG", "ORG": "PERSON"}
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "dame"})
_DROP_LEADING = {"the", "a", "an"}
# Words that open a sentence and are no one's name: "Behind Horowitz, people begin to realize..." is
# tagged as one person. Not "Will", "May" or "Said", which are names too.
_NOT_NAME_OPENERS = frozenset(
    "behind after before with without for from among despite during under over unlike like as when while"
    " since although though if but and so then now also even only meanwhile however including against"
    " beside besides near via through according".split()
)
# A name never ends in a conjunction: "al-Bab and" is the model running on into the next words.
_DROP_TRAILING = {"and", "or", "&"}
_POSSESSIVE_TOKENS = {"'s", "\u2019s", "'", "\u2019"}


@dataclass(frozen=True)
class _Candidate:
    span: Span
    start: int
    end: int
    text: str
    label: str
    gazetteer_id: str | None
    key: str
    is_alias: bool = False

    @property
    def group(self) -> str:
        return TYPE_GROUPS[self.label]


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


# Lower-case words that do begin a name: "al-Assad", "bin Salman", "de Mistura".
_NAME_PARTICLES = frozenset("al el bin ibn bint abu de da di du van von der den la le dos das ben".split())


def _verb_before_name(doc: Doc, start: int, end: int) -> bool:
    """A lower-case word the model ran into a name from before it: "Protests mar Jeff Sessions"."""
    token = doc[start]
    return (
        token.is_lower
        and token.is_alpha
        and token.lower_ not in _NAME_PARTICLES
        and start + 1 < end
        and doc[start + 1].is_title
    )


def _trim(span: Span, label: str, tables: EntityTables) -> Span | None:
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in _DROP_LEADING
        or (
            label == "PERSON"
            and (
                doc[start].lower_ in tables.title_words
                or doc[start].lower_ in _NOT_NAME_OPENERS
                or _verb_before_name(doc, start, end)
            )
        )
    ):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE_TOKENS or doc[end - 1].lower_ in _DROP_TRAILING):
        end -= 1
    if start >= end:
        return None
    if label in {"PERSON", "ORG"} and _country_of_the_title_before(doc, start, end, tables):
        start += 1
    if label == "PERSON" and end - start >= 3 and doc[start].lower_ in tables.country_by_demonym:
        start += 1  # "Indonesian Siti Aisyah": the nationality is no part of the name ("German Gref" is)
    if label == "PERSON":
        # "Penelope hundreds of thousands": a lower-case word that is no particle ends a name.
        end = next((i for i in range(start + 1, end) if _lower_word(doc[i])), end)
        if _cut_after_particle(doc, end) and end - start >= 2:
            end += 1  # "Marine Le" + "Pen": a name does not end in its particle
    return doc[start:end]


def _country_of_the_title_before(doc: Doc, start: int, end: int, tables: EntityTables) -> bool:
    """ "Special Envoy for Syria | Staffan de Mistura": the model ran the country that ends an office
    into the name of its holder."""
    return (
        start > 0
        and doc[start - 1].lower_ in {"for", "to", "on", "of"}
        and tables.country_of(doc[start].text) is not None
        and end - start >= 3
        and doc[start + 1].is_title
    )


def _lower_word(token: Token) -> bool:
    """A lower-case word standing on its own ("hundreds"), not a particle or a hyphenated part
    of the name ("Kim Jong-un")."""
    joined = token.i > 0 and not token.doc[token.i - 1].whitespace_
    return token.is_lower and token.is_alpha and token.lower_ not in _NAME_PARTICLES and not joined


def _cut_after_particle(doc: Doc, end: int) -> bool:
    """The model ended a person's name on a particle, before the family name: "Marine Le | Pen"."""
    return (
        end < len(doc)
        and doc[end - 1].lower_ in _NAME_PARTICLES
        and doc[end].is_title
        and doc[end].is_alpha
        and not doc[end].ent_type_
    )


_DASH_BETWEEN_WORDS = re.compile(r"\s[-\u2013\u2014]\s")
_ABBREVIATION_DOTS = re.compile(r"(?:[A-Z]\.){2,}$")
# Characters that never belong in a name; a span holding one is a tagging accident.
_NOT_IN_NAMES = set('"?!;()[]{}|<>=\u201c\u201d\n')
# Spans the model tags that name no one: a link ("pic.twitter.com/...", "apne.ws/2oc"; a site's own name,
# "Amazon.com", stays), a time zone ("GMT"), a storm's category ("Category 3"), a word for fear or hatred
# of a people ("Russophobic", "Islamophobia").
_NOT_A_NAME = re.compile(
    r"(?:https?:|www\.|pic\.twitter|\.\w+/)|^(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT)$|^Category \d$"
    r"|^[a-z]+pho(?:bic|bia|bes?)$",
    re.IGNORECASE,
)


_DASHES = frozenset({"-", "\u2013", "\u2014", ":"})


def _capitalised_opener(span: Span, text: str, tables: EntityTables) -> bool:
    """A word capitalised only because it opens a sentence, that the model took for a person's name:
    "Calm returned to the streets". It is a noun for a thing, and used nowhere else in the article
    (a person named by one word is named so again, or fully before)."""
    token = span[0]
    opens = token.is_sent_start or (token.i > 0 and token.doc[token.i - 1].text in _DASHES)
    return (
        len(span) == 1
        and opens
        and token.lower_ in tables.thing_nouns
        and len(re.findall(rf"\b{re.escape(token.text)}\b", text)) == 1
    )


def _end_of_a_titled_thing(span: Span) -> bool:
    """ "the Finance Bill", "the Patriot Act": the model read the last word as a first name."""
    doc, start = span.doc, span.start
    return len(span) == 1 and start >= 2 and doc[start - 1].is_title and doc[start - 2].lower_ == "the"


def _char_bounds(text: str, span: Span) -> tuple[int, int] | None:
    """Offsets of ``span`` without stray punctuation at either end ("/Syria/", "NATO &")."""
    start, end = span.start_char, span.end_char
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        if text[end - 1] == "." and _ABBREVIATION_DOTS.search(text[start:end]):
            break
        end -= 1
    if start >= end or _NOT_IN_NAMES & set(text[start:end]) or _DASH_BETWEEN_WORDS.search(text[start:end]):
        return None
    return start, end


def _candidates(doc: Doc, text: str, tables: EntityTables) -> list[_Candidate]:
    found = []
    town_end = dateline_town_end(text[:400])
    agency = dateline_agency(text[:400]) or (0, 0)
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        label = ent.label_
        name_start = len(ent) >= 2 and (ent[1].is_title or ent[1].lower_ in _NAME_PARTICLES)
        if name_start and ent[0].lower_.rstrip(".") in _HONORIFICS and not ent.ent_id_:
            # "Mr de Mistura", "Ms Le Pen": a person, whatever the model said, named without the honorific.
            ent, label = ent[1:], "PERSON"
        demonym = ent[0].lower_ in tables.country_by_demonym
        if demonym and len(ent) >= 3 and label in {"ORG", "PERSON"} and ent[1].lower_ in tables.title_words:
            ent, label = ent[1:], "PERSON"  # "Kazakh President Kassym-Jomart Tokayev" is the president
        elif demonym and len(ent) == 2 and label in {"GPE", "LOC"} and ent[1].is_lower:
            continue  # "the Kazakh city of Aktau": a nationality and a common noun name no place
        elif demonym and len(ent) == 1 and label in {"ORG", "PERSON"}:
            label = "NORP"  # "Kazakh authorities", "Azerbaijani forces": a nationality, not a body or a person
        span = _trim(ent, label, tables)
        bounds = _char_bounds(text, span) if span is not None else None
        if span is None or bounds is None:
            continue
        if agency[0] <= bounds[0] and bounds[1] <= agency[1]:
            continue  # the dateline's agency credits the outlet: "AKTAU, Dec. 24 (CAW) -"
        surface = clean_surface(text[bounds[0] : bounds[1]])
        if not any(char.isupper() for char in surface) and not ent.ent_id_:
            continue
        if text[bounds[0] - 1 : bounds[0]] in {"#", "@"} or _NOT_A_NAME.search(surface):
            continue  # a hashtag or a handle ("#CycloneDebbie", "@TheresaMay"), a link, a time zone
        key = name_key(surface)
        if not key or all(word in tables.title_words for word in key.split()):
            continue
        if label in {"ORG", "LOC"} and key in tables.country_by_name:
            label = "GPE"  # a country's name is the country: "the DPRK", which the model takes for a body
        if bounds[1] <= town_end and label in {"ORG", "PERSON", "NORP"} and not ent.ent_id_:
            label = "GPE"  # the town of a dateline ("BERLIN, March 3 -", "Mingora, 4 September 2026 -")
        if (
            label == "PERSON"
            and not ent.ent_id_
            and (_capitalised_opener(span, text, tables) or _end_of_a_titled_thing(span))
        ):
            continue
        # A whole name of an organisation known by several ("U.N.", "United Nations") is that organisation.
        known = ent.ent_id_ or tables.organisation_by_name.get(key)
        found.append(_Candidate(span, bounds[0], bounds[1], surface, label, known or None, key))
    return found


def _add_stated_aliases(doc: Doc, text: str, found: list[_Candidate]) -> list[_Candidate]:
    """Mark alias mentions, adding a mention where the NER missed the alias name."""
    result = list(found)
    for alias in find_stated_aliases(text):
        index = next((i for i, c in enumerate(result) if alias.start <= c.start < alias.end), None)
        if index is not None:
            result[index] = replace(result[index], is_alias=True)
            continue
        span = doc.char_span(alias.start, alias.end, alignment_mode="contract")
        antecedent = next((c for c in reversed(result) if c.end <= alias.cue_start), None)
        if span is None or antecedent is None or not name_key(span.text):
            continue
        result.append(
            _Candidate(
                span,
                span.start_char,
                span.end_char,
                clean_surface(span.text),
                antecedent.label,
                None,
                name_key(span.text),
                True,
            )
        )
    return sorted(result, key=lambda c: c.start)


def _name_words(found: list[_Candidate]) -> tuple[set[str], set[str]]:
    """The first and last words of the article's full person names, as keys."""
    firsts, lasts = set(), set()
    for cand in found:
        words = cand.key.split()
        if cand.label == "PERSON" and len(words) >= 2:
            firsts.add(words[0])
            lasts.add(words[-1])
    return firsts, lasts


_ADMINISTRATIVE_UNIT_NOUNS = frozenset(
    "province region district governorate county prefecture oblast state city town village".split()
)
# Last words of the names of sites that no one bears as a surname ("Slavija Square", "Novi Sad
# Station"), unlike "Park", "Church" or "Camp".
_SITE_NOUNS = frozenset("square street avenue boulevard airport station stadium hospital mosque cathedral".split())


def _as_places(doc: Doc, text: str, found: list[_Candidate], tables: EntityTables) -> list[_Candidate]:
    """A one-word "person" that is a country or a capital ("Kyiv"), or that a word for a place follows
    ("Izmir province"), is the place, unless the article also has someone of that name ("Jordan"
    beside "Michael Jordan") or a title stands before it; so is a "person" named after a site."""
    firsts, lasts = _name_words(found)
    result = []
    for cand in found:
        single = cand.label == "PERSON" and len(cand.span) == 1 and not cand.gazetteer_id and not cand.is_alias
        after = doc[cand.span.end] if cand.span.end < len(doc) else None
        # "Turkey's Izmir province", not "a Sanders town hall", where the place word only modifies a noun
        place_word = after is not None and after.lower_ in _ADMINISTRATIVE_UNIT_NOUNS and after.dep_ != "compound"
        if len(cand.span) == 1 and cand.label in {"PERSON", "ORG"} and not cand.gazetteer_id and not cand.is_alias:
            if named_as_fought_over(text, cand.start):
                cand = replace(cand, label="GPE")  # "the siege of Mariupol", "the battle for Bakhmut"
        if (
            single
            and (cand.key in tables.country_by_name or cand.key in tables.country_by_indicator or place_word)
            and cand.key not in firsts | lasts
            and not (cand.span.start > 0 and doc[cand.span.start - 1].lower_.rstrip(".") in tables.title_words)
        ):
            cand = replace(cand, label="GPE")
        elif _names_a_site(cand):
            cand = replace(cand, label="GPE" if cand.span[-1].lower_ in _ADMINISTRATIVE_UNIT_NOUNS else "FAC")
        result.append(cand)
    return result


def _names_a_site(cand: _Candidate) -> bool:
    """A "person" whose name ends in a capitalised word for a site or a region: "Slavija Square",
    "Idlib Province"."""
    last = cand.span[-1]
    return (
        cand.label == "PERSON"
        and len(cand.span) >= 2
        and not cand.gazetteer_id
        and last.is_title
        and last.lower_ in _SITE_NOUNS | _ADMINISTRATIVE_UNIT_NOUNS
    )


def _looks_like_a_person_name(span: Span) -> bool:
    """Capitalised words and name particles only: not "Subscribe TRT World", which the model took for one."""
    return all(t.is_title or t.lower_ in _NAME_PARTICLES or t.text in {"-", "'", "\u2019", "."} for t in span)


def _add_missed_surnames(doc: Doc, found: list[_Candidate]) -> list[_Candidate]:
    """Add the surname mentions the model missed ("Merz met Starmer" after "Friedrich Merz").

    A word is taken when it is written as the last word of a full person name of the article, is a
    proper noun outside every entity the model found, is no word of the article's other names (the
    "Deir" of "Deir ez-Zor", the "Islam" of "Jaish al-Islam") and is not part of a longer name
    ("Ivanka Trump", "the Trump White House") or a compound ("Trump-like").
    """
    surnames = {
        c.span[-1].text
        for c in found
        if c.label == "PERSON" and not c.is_alias and len(c.span) >= 2 and _looks_like_a_person_name(c.span)
    }
    surnames -= {t.text for c in found if c.label != "PERSON" for t in c.span}
    if not surnames:
        return found
    taken = [(c.start, c.end) for c in found]
    added = []
    for token in doc:
        if token.text not in surnames or token.ent_type_ or token.pos_ != "PROPN":
            continue
        if any(start <= token.idx < end for start, end in taken):
            continue
        before = doc[token.i - 1] if token.i > 0 else None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if before is not None and not token.is_sent_start and (before.is_title or before.text in {"-", "\u2011"}):
            continue
        if after is not None and (after.is_title or (after.text in {"-", "\u2011"} and not token.whitespace_)):
            continue
        span = doc[token.i : token.i + 1]
        added.append(
            _Candidate(span, token.idx, token.idx + len(token.text), token.text, "PERSON", None, name_key(token.text))
        )
    return sorted([*found, *added], key=lambda c: c.start) if added else found


def _shared_surnames(found: list[_Candidate]) -> set[str]:
    """Surnames borne by two or more differently named people in the article (Donald/Melania Trump)."""
    bearers: dict[str, set[str]] = {}
    for cand in found:
        if cand.label == "PERSON" and not cand.is_alias and not is_single_name(cand.text):
            bearers.setdefault(surname_key(cand.text) or "", set()).add(cand.key)
    return {surname for surname, keys in bearers.items() if len(keys) > 1}


def _link(text: str, found: list[_Candidate], countries: dict[str, str]) -> _UnionFind:
    links = _UnionFind(len(found))
    first_by_key: dict[tuple[str, str], int] = {}
    first_by_gazetteer: dict[str, int] = {}
    first_by_skeleton: dict[tuple[str, str], int] = {}
    ambiguous = _shared_surnames(found)
    first_by_country: dict[str, int] = {}
    first_by_name: dict[str, int] = {}
    for index, cand in enumerate(found):
        if cand.gazetteer_id:
            links.union(first_by_gazetteer.setdefault(cand.gazetteer_id, index), index)
        country = countries.get(cand.key) if cand.label == "GPE" else None
        if country:
            # "U.S." and "the United States" are one country.
            links.union(first_by_country.setdefault(country, index), index)
        # A bare surname two people share is resolved mention by mention, by proximity, not pooled,
        # whatever the model typed it ("Wang" taken for a firm beside Wang Dianxue and Wang Shujin).
        shared_surname = is_single_name(cand.text) and surname_key(cand.text) in ambiguous
        if not shared_surname:
            links.union(first_by_key.setdefault((cand.group, cand.key), index), index)
        if not is_single_name(cand.text):
            links.union(first_by_skeleton.setdefault((cand.group, skeleton(cand.text)), index), index)
        # The model may type one name two ways in an article ("Jobar" a place here, an organisation
        # there): one name, one entity. Not for people: a name tagged PERSON in one sentence and
        # ORG in the next ("Faylaq al-Rahman") would then always be a person.
        if cand.label in _RETYPED and not shared_surname:
            links.union(first_by_name.setdefault(cand.key, index), index)
    _link_abbreviations(text, found, links)
    _link_bracketed_acronyms(text, found, links)
    _link_initials(found, links, countries)
    _link_aliases(found, links)
    _link_surnames(found, links)
    _link_particle_tails(found, links)
    _link_names_without_the_first(found, links)
    _link_organisation_heads(found, links)
    return links


def _link_organisation_heads(found: list[_Candidate], links: _UnionFind) -> None:
    """Join "the Commission" to the "European Commission" named before it: an organisation named by
    the last words of one longer organisation's name, when only one of the article's organisations
    ends so ("the Ministry" after the foreign and the defence ministries is neither). A trailing
    "Corps" is dropped in the short form: "the Guards" after the "Revolution Guards Corps"."""
    long_forms = [
        (index, tokens)
        for index, cand in enumerate(found)
        if cand.label == "ORG" and not cand.is_alias and len(tokens := name_tokens(cand.text)) >= 2
    ]
    for index, cand in enumerate(found):
        if cand.label != "ORG" or cand.gazetteer_id or cand.is_alias or not cand.span[0].is_title:
            continue
        short = name_tokens(cand.text)
        ending: dict[str, int] = {}  # one organisation under two long names ("IRGC", "Revolutionary Guards") is one
        for long, tokens in long_forms:
            if len(short) < len(tokens) and short in (tokens[-len(short) :], _without_corps(tokens)[-len(short) :]):
                ending.setdefault(found[long].gazetteer_id or found[long].key, long)
        if len(ending) == 1 and next(iter(ending.values())) < index:
            links.union(next(iter(ending.values())), index)


def _without_corps(tokens: list[str]) -> list[str]:
    return tokens[:-1] if len(tokens) > 2 and tokens[-1] == "corps" else tokens


def _link_abbreviations(text: str, found: list[_Candidate], links: _UnionFind) -> None:
    for abbreviation in find_abbreviations(text):
        # The long form must be (nearly all of) one mention, not a word inside it ("Kurdish" in
        # "Kurdistan Regional Government (KRG)").
        length = abbreviation.long_end - abbreviation.long_start
        long_forms = [
            i
            for i, c in enumerate(found)
            if min(c.end, abbreviation.long_end) - max(c.start, abbreviation.long_start) >= 0.8 * length
        ]
        shorts = [i for i, c in enumerate(found) if c.text == abbreviation.short]
        if long_forms:
            target = max(long_forms, key=lambda i: len(found[i].text))
            for short in shorts:
                links.union(target, short)


_BRACKETED_ACRONYM = re.compile(r"\s*\((?P<short>[A-Z]{2,6}|[A-Z][a-z]+[A-Z][A-Za-z]*)\)")


def _shortens(short: str, name: str) -> bool:
    """Whether a short form made of pieces of words ("TurkStat") is this name's ("Turkish Statistical
    Institute"): it starts as the name does and its letters come in the name's order."""
    if short.isupper():
        return True  # initials, perhaps of a name in another language (CHP, Cumhuriyet Halk Partisi)
    letters = iter(name.lower())
    return short[0].lower() == name[0].lower() and all(char in letters for char in short.lower())


def _link_bracketed_acronyms(text: str, found: list[_Candidate], links: _UnionFind) -> None:
    """ "the Republican People's Party (CHP)": an acronym in brackets right after an organisation's
    name is that organisation's, though it spells the name in another language (Cumhuriyet Halk
    Partisi); so is a short form made of pieces of its words ("the Turkish Statistical Institute
    (TurkStat)"). Not after a dateline's town ("BEIRUT (AFP)"), which is no organisation."""
    town_end = dateline_town_end(text[:400])
    for index, cand in enumerate(found):
        if not _spelled_out(cand) or cand.end <= town_end:
            continue
        bracket = _BRACKETED_ACRONYM.match(text, cand.end)
        if bracket is None or not _shortens(bracket.group("short"), cand.text):
            continue
        for other, short in enumerate(found):
            if short.text == bracket.group("short") and short.label != "PERSON":
                links.union(index, other)


_INITIAL_SKIPS = frozenset({"of", "the", "and", "for", "de", "al"})


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.replace("-", " ").split() if word.lower() not in _INITIAL_SKIPS).upper()


def _spelled_out(cand: _Candidate) -> bool:
    """An organisation's name of two or more words, none of them an acronym ("US Senate" is no
    spelling-out of "US")."""
    words = cand.text.split()
    return cand.label == "ORG" and len(words) >= 2 and not any(is_acronym(word) for word in words)


def _link_initials(found: list[_Candidate], links: _UnionFind, countries: dict[str, str]) -> None:
    """Join "RSF" to the "Rapid Support Forces" of the same article where the article never writes
    "(RSF)": an acronym that is the initials of exactly one organisation named in full, and no
    country's ("UK" is never the University of Kent) nor a place's ("DC" is no District Court)."""
    full = [(i, _initials(c.text)) for i, c in enumerate(found) if _spelled_out(c)]
    for index, cand in enumerate(found):
        if cand.gazetteer_id or not is_acronym(cand.text) or cand.label not in {"ORG", "NORP", "PERSON"}:
            continue
        if cand.key in countries:
            continue
        letters = "".join(char for char in clean_surface(cand.text) if char.isalpha())
        matches = {found[i].key: i for i, initials in full if initials == letters}
        if len(matches) == 1:
            links.union(next(iter(matches.values())), index)


def _link_aliases(found: list[_Candidate], links: _UnionFind) -> None:
    for index, cand in enumerate(found):
        if not cand.is_alias:
            continue
        sentence = cand.span.sent
        antecedent = next(
            (
                j
                for j in range(index - 1, -1, -1)
                if found[j].group == cand.group and not found[j].is_alias and found[j].span.sent == sentence
            ),
            None,
        )
        if antecedent is not None:
            links.union(antecedent, index)


def _link_surnames(found: list[_Candidate], links: _UnionFind) -> None:
    # Full names first; one-word PERSON mentions also anchor ("Assad" tagged GPE joins "Assad" tagged PERSON).
    people = [(i, c) for i, c in enumerate(found) if c.label == "PERSON" and not c.is_alias]
    full_names = [(i, surname_key(c.text)) for i, c in people if not is_single_name(c.text)]
    single_names = [(i, surname_key(c.text)) for i, c in people if is_single_name(c.text)]
    for index, cand in enumerate(found):
        # The model tags a surname as a group now and then ("Nunes" NORP): it joins a full name only.
        linkable = cand.label in _SURNAME_LINKABLE or cand.label == "NORP"
        if not linkable or cand.gazetteer_id or not is_single_name(cand.text):
            continue
        if cand.label != "PERSON" and is_acronym(cand.text):
            continue  # "UN" the body is not the "Un" of Kim Jong Un
        surname = surname_key(cand.text)
        matches = [i for i, key in full_names if key == surname] or [
            i for i, key in single_names if key == surname and i != index and cand.label != "NORP"
        ]
        if not matches:
            continue
        before = [i for i in matches if i < index]
        links.union(before[-1] if before else matches[0], index)


def _may_be_short_form(cand: _Candidate) -> bool:
    # A short form may be typed anything a name is typed ("Le Pen" a building, "de Mistura" a place).
    return cand.label in _SURNAME_LINKABLE | {"FAC"} and not cand.gazetteer_id and not cand.is_alias


def _family_particle(token: str) -> bool:
    # After "bin" comes the father's name: "Salman" is not "Mohammed bin Salman".
    return token in _NAME_PARTICLES and token not in PATRONYMIC_PARTICLES


def _link_particle_tails(found: list[_Candidate], links: _UnionFind) -> None:
    """Join "De Lima" to "Leila de Lima" and "Le Pen" to "Marine Le Pen" however the model typed
    them (it often says organisation for a name with a particle). The short form must be the long one
    from its particle on, or what follows the particle, and only one long form in the article may end
    so."""
    long_forms: list[tuple[int, list[str]]] = []
    for index, cand in enumerate(found):
        tokens = name_tokens(cand.text)
        if cand.label in CONFUSED_TYPES and not cand.is_alias and len(tokens) >= 3:
            if any(token in _NAME_PARTICLES for token in tokens[1:-1]):
                long_forms.append((index, tokens))
    for index, cand in enumerate(found):
        if not _may_be_short_form(cand):
            continue
        short = name_tokens(cand.text)
        ends = {
            found[long].key: long
            for long, tokens in long_forms
            if len(short) < len(tokens)
            and tokens[-len(short) :] == short
            and (short[0] in _NAME_PARTICLES or _family_particle(tokens[-len(short) - 1]))
        }
        if len(ends) == 1:
            links.union(next(iter(ends.values())), index)


def _link_names_without_the_first(found: list[_Candidate], links: _UnionFind) -> None:
    """Join "Jong-un" to "Kim Jong-un" and "Il-sung" to "Kim Il-sung": a person named in full with
    three or more words (a hyphen parts words) goes by all but the first, the family name where it
    comes first, when that is one hyphenated word. Only when one person of the article is named so."""
    full_names = [
        (index, tokens)
        for index, cand in enumerate(found)
        if cand.label == "PERSON" and not cand.is_alias and len(tokens := name_tokens(cand.text)) >= 3
    ]
    for index, cand in enumerate(found):
        if not _may_be_short_form(cand):
            continue
        short = name_tokens(cand.text)
        # One hyphenated word, as Korean given names are written; "al-Assad" is a family name.
        if len(short) < 2 or " " in cand.text.strip() or "-" not in cand.text or short[0] in _NAME_PARTICLES:
            continue
        named = {found[full].key: full for full, tokens in full_names if tokens[1:] == short}
        # "Le Pen" ends Marine's name and Jean-Marie's: it is neither's.
        ending = {found[full].key for full, tokens in full_names if tokens[-len(short) :] == short}
        if len(named) == 1 and len(ending) == 1:
            links.union(next(iter(named.values())), index)


def _choose_type(members: list[_Candidate], gazetteer: GazetteerEntry | None) -> str:
    if gazetteer is not None:
        return gazetteer.label
    return type_of_mentions([(c.text, c.label) for c in members])


def type_of_mentions(labelled: Sequence[tuple[str, str]]) -> str:
    """The type of one article's entity from its mentions' (text, model label), in order: a person
    if the model called a full name a person, else the label given most often (the first given on
    a tie)."""
    if any(label == "PERSON" and not is_single_name(text) for text, label in labelled):
        return "PERSON"
    counts = Counter(label for _, label in labelled)
    return max(counts, key=lambda label: (counts[label], -[given for _, given in labelled].index(label)))


def _choose_name(members: list[_Candidate], entity_type: str, gazetteer: GazetteerEntry | None, text: str) -> str:
    if gazetteer is not None:
        return gazetteer.name
    pool = (
        [c for c in members if not c.is_alias and c.label == entity_type]
        or [c for c in members if not c.is_alias]
        or members
    )
    chosen = max(pool, key=lambda c: (not is_shouted(c.text), len(c.key.split()), len(c.text), -c.start))
    if chosen.text.isupper() and (chosen.start == 0 or text[chosen.start - 1] == "\n"):
        # A dateline's "SEOUL" (too short to count as shouted) is the city the text then calls "Seoul".
        same = [c.text for c in members if name_key(c.text) == name_key(chosen.text) and not c.text.isupper()]
        if same:
            return same[0]
        if entity_type == "GPE" and not is_acronym(chosen.text):
            return _from_capitals(chosen.text)  # "ISTANBUL", named only there, is shown as "Istanbul"
    return chosen.text


def _from_capitals(name: str) -> str:
    """ "ISTANBUL" -> "Istanbul", "ST. JOHN'S" -> "St. John's", "AL-BAB" -> "Al-Bab"."""
    return " ".join("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")) for word in name.split())


def _country(
    entity_type: str,
    name: str,
    members: list[_Candidate],
    roles: list[Role],
    gazetteer: GazetteerEntry | None,
    tables: EntityTables,
) -> str | None:
    if gazetteer is not None and gazetteer.country:
        return gazetteer.country
    if entity_type == "PERSON":
        countries = Counter(role.country for role in roles if role.country)
        return countries.most_common(1)[0][0] if countries else None
    if entity_type in {"GPE", "NORP"}:
        return tables.country_of(name)
    first_word = name.split()[0] if name.split() else ""
    return tables.country_by_demonym.get(name_key(first_word)) or tables.country_by_name.get(name_key(first_word))


def entity_keys(
    entity_type: str, name: str, aliases: list[str], gazetteer_id: str | None, country: str | None = None
) -> tuple[str, ...]:
    group = TYPE_GROUPS[entity_type]
    keys = [f"gz:{gazetteer_id}"] if gazetteer_id else []
    if country:
        keys.append(f"country:{country}")
    for form in [name, *aliases]:
        if entity_type == "PERSON" and is_single_name(form) and not is_single_name(name):
            continue  # "Assad" must not tie Bashar to Hafez al-Assad; the surname key covers it
        if entity_type == "ORG" and _last_words_of(form, name):
            continue  # "the Commission" is the European one in this article, not in every article
        keys.append(f"name:{group}:{name_key(form)}")
        if not is_single_name(form):
            keys.append(f"skel:{group}:{skeleton(form)}")
        if entity_type == "ORG" and (bare := _without_party(form)):
            keys.append(f"name:{group}:{bare}")  # "the Georgian Dream party" is "Georgian Dream"
    if entity_type == "PERSON" and not is_single_name(name):
        keys.append(f"surname:{surname_key(name)}")
    return tuple(dict.fromkeys(keys))


def _without_party(name: str) -> str | None:
    """The name of a party written with the word "party" after it, when two words or more are left:
    "Georgian Dream party", not "Labour Party" (whose "Labour" is as often the movement)."""
    tokens = name_tokens(name)
    return " ".join(tokens[:-1]) if len(tokens) >= 3 and tokens[-1] == "party" else None


def _last_words_of(short: str, name: str) -> bool:
    short_tokens, tokens = name_tokens(short), name_tokens(name)
    return 0 < len(short_tokens) < len(tokens) and tokens[-len(short_tokens) :] == short_tokens


def entity_id(first_key: str) -> str:
    """Stable id of an entity from its strongest key."""
    return "e" + hashlib.blake2b(first_key.encode("utf-8"), digest_size=8).hexdigest()[:15]


def resolve_entities(
    doc: Doc, *, tables: EntityTables, gazetteer: dict[str, GazetteerEntry], known_people: dict[str, str] | None = None
) -> tuple[DocEntity, ...]:
    """Group the entity mentions of ``doc`` into document entities, in order of first mention."""
    text = doc.text  # Doc.text is rebuilt from the tokens on every access: read it once
    found = _add_missed_surnames(
        doc, _as_places(doc, text, _add_stated_aliases(doc, text, _candidates(doc, text, tables)), tables)
    )
    links = _link(text, found, tables.country_by_name)
    groups: dict[int, list[_Candidate]] = {}
    for index, cand in enumerate(found):
        groups.setdefault(links.find(index), []).append(cand)
    sentence_starts = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else [0]
    entities = []
    for members in groups.values():
        gazetteer_id = next((c.gazetteer_id for c in members if c.gazetteer_id), None)
        entry = (gazetteer.get(gazetteer_id) or tables.organisations.get(gazetteer_id)) if gazetteer_id else None
        entity_type = _choose_type(members, entry)
        name = _choose_name(members, entity_type, entry, text)
        aliases = list(dict.fromkeys(c.text for c in members if name_key(c.text) != name_key(name)))
        aliases = [
            alias for i, alias in enumerate(aliases) if name_key(alias) not in {name_key(a) for a in aliases[:i]}
        ]
        roles: list[Role] = []
        if entity_type == "PERSON":
            for cand in members:
                for role in (role_before(cand.span, tables), role_after(cand.span, tables)):
                    if role is not None and role not in roles:
                        roles.append(role)
        a_town = entity_type == "GPE" and all(named_as_a_settlement(text, c.start) for c in members)
        named_country = (
            tables.country_by_name.get(name_key(name))
            if entity_type == "GPE" and gazetteer_id is None and not a_town
            else None
        )
        keys = entity_keys(entity_type, name, aliases, gazetteer_id, named_country)
        mentions = tuple(
            Mention(c.start, c.end, text[c.start : c.end], c.label, _sentence_index(sentence_starts, c.start))
            for c in members
        )
        entities.append(
            DocEntity(
                id=entity_id(keys[0]),
                name=name,
                type=entity_type,
                aliases=tuple(aliases),
                mentions=mentions,
                keys=keys,
                country=None
                if a_town  # "a hotel in the town of Bahrain" (in Swat): not the country of that name
                else _country(entity_type, name, members, roles, entry, tables)
                or (known_people or {}).get(name_key(name) if entity_type == "PERSON" else ""),
                roles=tuple(roles),
                gazetteer_id=gazetteer_id,
            )
        )
    return tuple(entities)


def _sentence_index(starts: list[int], offset: int) -> int:
    """Index of the sentence (by its start offset) that contains ``offset``."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)
