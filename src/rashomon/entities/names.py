"""Name normalisation: comparison keys, surnames and transliteration skeletons."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rashomon.entities.data import table_lines

# Arabic and similar name particles: "al-Assad" and "Assad" share a surname.
PARTICLES = frozenset(
    {"al", "el", "ad", "as", "ash", "ar", "an", "at", "az", "bin", "ibn", "bint", "abu", "de", "van", "von"}
)
# "Mohammed bin Salman" is a son of Salman: the patronymic names another man when it stands alone,
# so "bin Salman", not "Salman", is what the son goes by.
PATRONYMIC_PARTICLES = frozenset({"bin", "ibn", "bint"})
_LEADING_ARTICLE = re.compile(r"^(the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_COMPOUNDS = {"airbase": "air base", "airfield": "air field", "navalbase": "naval base"}
_VOWEL_RUN = re.compile(r"[aeiouy]+")
# A pinyin given name: one or two syllables, each an initial and a final ("jin"+"ping", "ke"+"qiang").
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ua|uo|ue|ui|ia|ie|iu|er|a|o|e|i|u|v)"
)
_PINYIN_GIVEN_NAME = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,2}}")
_KOREAN_SYLLABLE_LETTERS = 5  # "Geun-hye", "Jong Un", "Cheol-woo": two short syllables
_DOUBLE = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lowercase ASCII form with diacritics and typographic quotes removed."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char)).lower()


def clean_surface(text: str) -> str:
    """Mention text without a leading 'the' or a trailing possessive."""
    text = " ".join(text.split()).strip(" \"'\u201c\u201d,;:()")
    text = _LEADING_ARTICLE.sub("", text)
    return _POSSESSIVE.sub("", text).strip()


def name_tokens(text: str) -> list[str]:
    """Comparison tokens of a name: folded, hyphens and dots split off."""
    words = re.split(r"[\s\-\u2010\u2011]+", fold(clean_surface(text)).replace(".", ""))
    tokens: list[str] = []
    for word in words:
        word = re.sub(r"[^a-z0-9']", "", word).strip("'")
        if word:
            tokens.extend(_COMPOUNDS.get(word, word).split())
    return tokens


def name_key(text: str) -> str:
    """Key under which two spellings count as the same name."""
    return " ".join(name_tokens(text))


def surname_key(text: str) -> str | None:
    """Last meaningful token of a person's name ("Bashar al-Assad" -> "assad"); the first where the
    family name comes first ("Xi Jinping" -> "xi").

    A patronymic keeps its particle ("Mohammed bin Salman" -> "bin salman"), so that it is not
    taken for the father's name.
    """
    tokens = name_tokens(text)
    meaningful = [index for index, token in enumerate(tokens) if token not in PARTICLES]
    if not meaningful:
        return None
    if is_family_name_first(tokens):
        return tokens[0]
    last = meaningful[-1]
    if last > 0 and tokens[last - 1] in PATRONYMIC_PARTICLES:
        return f"bin {tokens[last]}"
    return tokens[last]


@lru_cache(maxsize=1)
def family_names_written_first() -> frozenset[str]:
    return frozenset(line.strip() for line in table_lines("family_name_first.txt"))


@lru_cache(maxsize=1)
def given_name_forms() -> dict[str, str]:
    """Each short form of a given name, and the full form itself, to the full form ("tom" -> "thomas")."""
    forms: dict[str, str] = {}
    for line in table_lines("given_name_forms.tsv"):
        full, others = line.split("\t")
        forms.update({other: full for other in others.split("|")} | {full: full})
    return forms


def is_family_name_first(tokens: list[str]) -> bool:
    """A Chinese or Korean name in its own order: a family name from the table, then a given name that
    is one romanised word of pinyin ("Xi Jinping") or two short syllables ("Park Geun-hye", "Kim Jong
    Un"). "Jim Yong Kim" and "Lee Harvey Oswald" are written given name first."""
    if not 2 <= len(tokens) <= 3 or tokens[0] not in family_names_written_first():
        return False
    given = tokens[1:]
    if len(given) == 1:
        return _PINYIN_GIVEN_NAME.fullmatch(given[0]) is not None
    return all(token.isalpha() and len(token) <= _KOREAN_SYLLABLE_LETTERS for token in given)


def is_single_name(text: str) -> bool:
    """True for a name of one meaningful token ("Putin", "al-Sharaa")."""
    return len([token for token in name_tokens(text) if token not in PARTICLES]) == 1


def _skeleton_token(token: str) -> str:
    token = token.replace("kh", "h").replace("ph", "f").replace("q", "k").replace("j", "g").replace("'", "")
    head, tail = token[:1], token[1:]
    if head in "aeiouy":
        head = "V"
    return _DOUBLE.sub(r"\1", head + _VOWEL_RUN.sub("V", tail))


def skeleton(text: str) -> str:
    """Transliteration-insensitive key: Ahmad/Ahmed, Hmeimim/Khmeimim, Julani/Jolani, and a given name's
    short form (Tom/Thomas). Not for Chinese and Korean names written family name first.

    An acronym is kept as written: "AU Commission" and "EU Commission" are two bodies."""
    acronyms = {name_key(word) for word in text.split() if is_acronym(word)}
    tokens = [token for token in name_tokens(text) if token not in PARTICLES]
    if len(tokens) == 2 and is_family_name_first(tokens):
        # Pinyin has one spelling per sound, and its vowels tell names apart: Liu Yiying is not Luo Ying.
        # Korean given names (two syllables, "Byeong-ki" or "Byung-kee") keep the skeleton.
        return " ".join(tokens)
    if len(tokens) >= 2 and tokens[0] not in acronyms:
        tokens = [given_name_forms().get(tokens[0], tokens[0]), *tokens[1:]]  # "Tom Price" is Thomas Price
    return " ".join(token if token in acronyms else _skeleton_token(token) for token in tokens)


def is_acronym(text: str) -> bool:
    """Two to five capitals, dots and a possessive aside: "UN", "U.N.", "NATO's"; not "MOSCOW"."""
    letters = [char for char in clean_surface(text) if char.isalpha()]
    return 2 <= len(letters) <= 5 and all(char.isupper() for char in letters)


def is_shouted(text: str) -> bool:
    """All capitals but not an acronym: "MOSCOW" from a dateline, not "NATO"."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) > 5 and all(char.isupper() for char in letters)
