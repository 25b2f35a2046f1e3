"""Which spans of a parsed article are toponyms, and how each is used.

spaCy's GPE and LOC entities are the start. Around them: place adjectives ("Syrian
forces"), places inside organisation names ("Syrian Observatory", "Washington Post"),
countries and regions the model labelled as something else or missed, and the capitals
of datelines ("BEIRUT").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from rashomon.geo.gazetteer import Gazetteer, lookup_key
from rashomon.model import Place
from rashomon.wording import named_as_fought_over

# Below this population a city name that spaCy did not call a place is more often a surname.
_UNLABELLED_CITY_POPULATION = 100_000
_EMBEDDED_CITY_POPULATION = 1_000_000
_ORG_CITY_POPULATION = 250_000
_LEADING = ("the ", "The ")
_CONTAINERS = {"ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
_STRONG_FEATURES = {"country", "admin1", "continent", "region", "sea", "base", "landmark", "airport", "port", "capital"}


@dataclass(frozen=True)
class Toponym:
    """A span of text that names a place, before resolution."""

    start: int
    end: int
    text: str
    use: str
    label: str
    demonym_of: Place | None = None


def _trimmed(span: Span) -> tuple[int, int, str]:
    text = span.text
    start, end = span.start_char, span.end_char
    for lead in _LEADING:
        if text.startswith(lead):
            start += len(lead)
            text = text[len(lead) :]
    for tail in ("'s", "\u2019s"):
        if text.endswith(tail):
            end -= len(tail)
            text = text[: -len(tail)]
    return start, end, text


def _is_strong(places: tuple[Place, ...]) -> bool:
    return any(p.feature in _STRONG_FEATURES or p.population >= _UNLABELLED_CITY_POPULATION for p in places)


def _adjective(doc: Doc, span: Span, gazetteer: Gazetteer) -> Toponym | None:
    """ "Syrian" in "Syrian forces": a demonym used as a modifier, not "the Syrians"."""
    if len(span) != 1:
        whole = gazetteer.demonym(span.text)
        if whole is None:
            return None
        return Toponym(span.start_char, span.end_char, span.text, "adjective", span.label_, whole)
    token = span[0]
    if token.tag_ in ("NNS", "NNPS") or (token.text.endswith("s") and not token.text.endswith("ss")):
        return None
    country = gazetteer.demonym(token.text)
    if country is None:
        return None
    return Toponym(token.idx, token.idx + len(token.text), token.text, "adjective", span.label_, country)


def _embedded(span: Span, gazetteer: Gazetteer) -> list[Toponym]:
    """Places named inside a longer name: runs of proper nouns naming a country, region or big city."""
    found: list[Toponym] = []
    tokens = list(span)
    index = 0
    while index < len(tokens):
        matched = False
        for length in (3, 2, 1):
            piece = tokens[index : index + length]
            if len(piece) < length or not all(t.pos_ == "PROPN" and not t.is_stop for t in piece):
                continue
            start, end = piece[0].idx, piece[-1].idx + len(piece[-1].text)
            text = "".join(t.text_with_ws for t in piece).strip()
            places = () if gazetteer.is_generic(text) else gazetteer.candidates(text)
            if (len(text) < 3 or text.isupper()) and not any(p.feature == "country" for p in places):
                continue
            if any(_names_outright(p, text) for p in places):
                found.append(Toponym(start, end, text, "embedded", span.label_))
            elif length == 1 and (country := gazetteer.demonym(text)) is not None:
                found.append(Toponym(start, end, text, "embedded", span.label_, country))
            else:
                continue
            index += length
            matched = True
            break
        if not matched:
            index += 1
    return found


def _names_outright(place: Place, text: str) -> bool:
    """Places well enough known that their name inside another name still means them.

    Only by their main name: "al-Sham" (an old name of Damascus) inside "Hayat Tahrir al-Sham"
    names the Levant, not the city.
    """
    if place.feature in ("country", "continent"):
        return True
    return place.population >= _EMBEDDED_CITY_POPULATION and lookup_key(place.name) == lookup_key(text)


def _named_outright(place: Place, text: str, label: str) -> bool:
    """A whole entity spaCy labelled as an organisation or person that is a place all the same:
    a country ("Jordan" as PERSON), a populous region ("Karnataka" as ORG), a big city by its
    main name ("Bristol" as ORG)."""
    if place.feature in ("country", "continent"):
        return True
    if label == "PERSON":
        return False
    if place.feature in ("admin1", "region"):
        return place.population >= _EMBEDDED_CITY_POPULATION or place.geonameid is None
    return place.population >= _ORG_CITY_POPULATION and lookup_key(place.name) == lookup_key(text)


# Words after which a city's name is the city: "in Kiev", "near al-Bab", "the outskirts of al-Bab"
# ("of" only after a noun of place: "the son of Elizabeth" is a person).
_LOCATIVE = frozenset("in near outside around towards toward into across inside".split())
_NOUNS_BEFORE_OF_A_PLACE = frozenset(
    "city town village outskirts suburbs suburb centre center streets capital province region area port".split()
)


def _after_locative(span: Span) -> bool:
    """The span follows a preposition of place ("in", "near", "the outskirts of"), maybe past "the", or
    is what is fought over ("the siege of Mariupol")."""
    doc, index = span.doc, span.start - 1
    before = doc[max(0, span.start - 5) : span.start].text_with_ws  # not doc.text: it joins every token
    if named_as_fought_over(before, len(before)):
        return True
    if index >= 0 and doc[index].lower_ == "the":
        index -= 1
    if index < 0:
        return False
    if doc[index].lower_ == "of":
        return index >= 1 and doc[index - 1].lower_ in _NOUNS_BEFORE_OF_A_PLACE
    return doc[index].lower_ in _LOCATIVE


def _sizeable_city(place: Place) -> bool:
    """A city or capital of 100,000 people or more (the gazetteer matched the name already)."""
    return place.feature in ("city", "capital") and place.population >= _UNLABELLED_CITY_POPULATION


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Toponym spans in ``doc``, in text order, without overlaps."""
    found: list[Toponym] = []
    covered: set[int] = set()
    # "Rivers" after "Joan Rivers": a surname standing alone is the person, not the place.
    people = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    people |= {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON"}
    for ent in doc.ents:
        label = ent.label_
        start, end, text = _trimmed(ent)
        if not text:
            continue
        if label in ("GPE", "LOC"):
            candidates = gazetteer.candidates(text)
            if text in people and not any(p.feature == "country" for p in candidates):
                continue
            if not candidates and (country := gazetteer.demonym(text)) is not None:
                found.append(Toponym(start, end, text, "adjective", label, country))  # "Middle Eastern"
            else:
                found.append(Toponym(start, end, text, "name", label))
        elif label == "NORP":
            adjective = _adjective(doc, ent, gazetteer)
            if adjective is not None:
                found.append(adjective)
            elif any(p.feature in ("country", "continent") for p in gazetteer.candidates(text)):
                found.append(Toponym(start, end, text, "name", label))
        elif label in _CONTAINERS or label == "PERSON":
            places = () if gazetteer.is_generic(text) else gazetteer.candidates(text)
            if ent.ent_id_ and label in ("ORG", "PERSON") and not any(p.id.startswith("rashomon:") for p in places):
                places = ()  # the project's own table says what it is: "SANA" is the news agency, not Saña in Peru
            if places and any(_named_outright(p, text, label) for p in places):
                found.append(Toponym(start, end, text, "name", label))
            elif places and _after_locative(ent) and any(_sizeable_city(p) for p in places):
                found.append(Toponym(start, end, text, "name", label))  # "in Kiev", tagged as a person
            elif places and text.isupper() and len(text) > 3 and _is_strong(places):
                found.append(Toponym(start, end, text, "name", label))  # a dateline: "BEIRUT (Reuters)"
            elif label in ("FAC", "ORG") and places and any(p.id.startswith("rashomon:") for p in places):
                found.append(Toponym(start, end, text, "name", label))
            elif label in _CONTAINERS:
                found.extend(_embedded(ent, gazetteer))
        else:
            continue
        covered.update(range(ent.start, ent.end))
    found.extend(_unlabelled(doc, gazetteer, covered))
    found.sort(key=lambda t: (t.start, -t.end))
    kept: list[Toponym] = []
    for toponym in found:
        if kept and toponym.start < kept[-1].end:
            continue
        kept.append(toponym)
    return kept


# Words of a name the model did not tag, read after a preposition of place: "in Novi Sad".
_LONGEST_UNLABELLED_NAME = 3


def _unlabelled_after_locative(doc: Doc, gazetteer: Gazetteer, covered: set[int]) -> list[Toponym]:
    """A city of 100,000 people or more, named after a preposition of place ("in Novi Sad", "near
    Kharkiv") where the model tagged nothing."""
    found = []
    for token in doc:
        if (
            token.i in covered
            or not token.is_title
            or token.pos_ != "PROPN"
            or not _after_locative(doc[token.i : token.i + 1])
        ):
            continue
        end = token.i
        while (
            end + 1 < len(doc)
            and end + 1 - token.i < _LONGEST_UNLABELLED_NAME
            and doc[end + 1].is_title
            and doc[end + 1].pos_ == "PROPN"
            and end + 1 not in covered
        ):
            end += 1
        # The whole run of capitalised words, or nothing: "the Mobile Baidu app" is no town of Mobile;
        # nor is a name that modifies a noun.
        span = doc[token.i : end + 1]
        if len(span.text) < 3 or span[-1].dep_ == "compound" or gazetteer.is_generic(span.text):
            continue
        if end + 1 < len(doc) and not _ends_a_name(doc[end + 1], span.end_char):
            continue  # "Stoke-on-Trent", "Bus \u00c9ireann": the name goes on
        places = gazetteer.candidates(span.text)
        if places and any(_sizeable_city(p) for p in places):
            found.append(Toponym(span.start_char, span.end_char, span.text, "name", "GAZ"))
            covered.update(range(span.start, span.end))
    return found


def _ends_a_name(after: Token, name_end: int) -> bool:
    """Whether the token after a name leaves the name whole: a space and a lower-case word, a
    number or punctuation that closes a phrase."""
    if after.idx == name_end:
        return after.text[:1] in ",.;:)!?'\"\u2019\u201d"
    first = after.text[:1]
    return first.islower() or first.isdigit() or first in ",.;:()'\"\u2018\u2019\u201c\u201d\u2014-" or first.isspace()


def _unlabelled(doc: Doc, gazetteer: Gazetteer, covered: set[int]) -> list[Toponym]:
    """Countries, regions and large cities the model did not tag (often shouted datelines)."""
    found = _unlabelled_after_locative(doc, gazetteer, covered)
    for token in doc:
        if token.i in covered or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN", "X"):
            continue
        if token.is_sent_start and token.text.isupper() is False and token.pos_ != "PROPN":
            continue
        text = token.text
        if gazetteer.is_generic(text):
            continue
        places = gazetteer.candidates(text.title() if text.isupper() else text)
        if not places:
            continue
        shouted = text.isupper()
        if (not shouted and any(p.feature in ("country", "admin1") for p in places)) or (
            shouted
            and len(text) > 3
            and any(p.feature == "country" or p.population >= _UNLABELLED_CITY_POPULATION for p in places)
        ):
            found.append(Toponym(token.idx, token.idx + len(text), text, "name", "GAZ"))
    return found
