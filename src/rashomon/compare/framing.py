"""How one article frames its story: loaded words, opinion, tone toward each actor, who speaks,
on whose authority it asserts, and the labels it gives the actors. Every item cites its sentence."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from rashomon.compare.lexicon import LoadedLexicon

_LABEL_BEFORE = re.compile(r"(?:^|[\s(])((?:[A-Za-z][a-z'\-]+\s){1,4})$")
_APPOSITION = re.compile(r"^,\s+((?:the|a|an|who|formerly|once)\s[^,.;()]{3,70}?)\s*[,.;(]")
_LABEL_STOP = frozenset(
    "the a an and of in to by with for from that as at on said says told his her their its when while after before "
    "reported reports announced added stated confirmed".split()
)
# Lower-case words with these prefixes may open a label ("anti-Islam lawmaker", "pro-Kremlin
# commentator"), as the words of ``label_modifiers.txt`` do.
_MODIFIER_PREFIXES = ("anti-", "pro-", "far-", "ultra-", "hard-", "right-", "left-")


@dataclass(frozen=True)
class Cited:
    """A stretch of an article's text, with the sentence it sits in."""

    article_id: str
    sentence: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class LoadedUse:
    term: str
    category: str
    neutral: str
    where: Cited


@dataclass(frozen=True)
class ActorTone:
    entity_id: str
    name: str
    sentences: int
    favourable: int
    unfavourable: int
    examples: tuple[Cited, ...]

    @property
    def score(self) -> float:
        """-1 (every clause about the actor unfavourable) .. +1 (every one favourable)."""
        return round((self.favourable - self.unfavourable) / self.sentences, 3) if self.sentences else 0.0


@dataclass(frozen=True)
class Speaker:
    name: str
    entity_id: str | None
    direct: int
    indirect: int
    words: int


@dataclass(frozen=True)
class ArticleFraming:
    article_id: str
    outlet: str | None
    words: int
    loaded: tuple[LoadedUse, ...]
    subjective: tuple[Cited, ...]
    sentences: int
    biased: tuple[Cited, ...]
    tone: tuple[ActorTone, ...]
    speakers: tuple[Speaker, ...]
    attribution: Mapping[str, int]
    tools: tuple[Cited, ...]
    listed_sources: tuple[str, ...] | None
    labels: Mapping[str, tuple[Cited, ...]]  # actor name -> the words used for it

    @property
    def loaded_per_1000_words(self) -> float:
        return round(1000 * len(self.loaded) / self.words, 2) if self.words else 0.0

    @property
    def subjective_share(self) -> float:
        return round(len(self.subjective) / self.sentences, 3) if self.sentences else 0.0


@dataclass(frozen=True)
class ToneWords:
    polarity: Mapping[str, int]
    pattern: re.Pattern[str]


def load_tone_words() -> ToneWords:
    text = (resources.files("rashomon.compare") / "data" / "tone_words.tsv").read_text(encoding="utf-8")
    polarity = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, value = line.split("\t")
            polarity[word] = int(value)
    alternatives = "|".join(re.escape(word) for word in sorted(polarity, key=len, reverse=True))
    return ToneWords(polarity, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE))


def sentence_polarity(text: str, tone: ToneWords, lexicon: LoadedLexicon) -> int:
    score = sum(tone.polarity[match.group(0).lower()] for match in tone.pattern.finditer(text))
    for _, _, term in lexicon.find(text):
        if term.category in {"pejorative", "emotive"} and term.term not in tone.polarity:
            score -= 1
        elif term.category == "laudatory" and term.term not in tone.polarity:
            score += 1
    return score


@dataclass(frozen=True)
class LabelWords:
    """What a label is made of: the noun of office or status it ends in, and the lower-case words
    that may open it."""

    nouns: frozenset[str]
    modifiers: frozenset[str]

    def opens(self, word: str) -> bool:
        return word in self.modifiers or word in self.nouns or word.startswith(_MODIFIER_PREFIXES)


def load_word_list(name: str) -> frozenset[str]:
    """The words of one of the comparison's word lists (``compare/data``), comments left out."""
    text = (resources.files("rashomon.compare") / "data" / name).read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def load_label_words() -> LabelWords:
    return LabelWords(load_word_list("label_nouns.txt"), load_word_list("label_modifiers.txt"))


_FORM_OF_ADDRESS = re.compile(r"[a-z]{1,5}\.")


def _inside_label(word: str, words: LabelWords) -> bool:
    """Whether a word may sit inside a label: not a function word or a possessive, and not a verb
    in the past ("Syria prompted Russian President Vladimir Putin") unless labels use it ("ousted")."""
    lowered = word.lower()
    if lowered in _LABEL_STOP or lowered.endswith("'s"):
        return False
    return not (word.islower() and word.endswith("ed") and word not in words.modifiers)


def actor_labels(text: str, mentions: Sequence[tuple[int, int, int]], roles: Sequence[str], article_id: str,
                 sentences: Sequence[tuple[int, int]], label_words: LabelWords) -> tuple[Cited, ...]:  # fmt: skip
    """What an article calls a person next to the name: "ousted dictator", "formerly the leader of ...".

    A phrase counts when it ends in a noun of office or status (``label_nouns.txt``)."""
    nouns = label_words.nouns
    found: dict[str, Cited] = {}
    for start, end, sentence in mentions:
        s_start, s_end = sentences[sentence]
        window = max(s_start, start - 60)
        before = _LABEL_BEFORE.search(text[window:start])
        if before:
            # The label is the run of words that may belong to one, read back from the name: in
            # "Tass reported Russian President Vladimir Putin" it stops at "reported".
            words = list(re.finditer(r"\S+", before.group(1)))
            kept = len(words)
            while kept > 0 and _inside_label(words[kept - 1].group(0), label_words):
                kept -= 1
            words = words[kept:]
            # Lower-case words in front are the sentence's own, unless they open a label ("interim").
            while words and words[0].group(0).islower() and not label_words.opens(words[0].group(0)):
                words = words[1:]
            phrase = " ".join(word.group(0) for word in words)
            if words and words[-1].group(0).lower() in nouns and phrase.lower() not in found:
                phrase_start = window + before.start(1) + words[0].start()
                found[phrase.lower()] = Cited(article_id, sentence, phrase_start, start, phrase)
        after = _APPOSITION.match(text[end : min(s_end, end + 90)])
        if after and any(word.lower().strip(",") in nouns for word in after.group(1).split()):
            phrase = after.group(1).strip()
            if phrase.lower() not in found:
                found[phrase.lower()] = Cited(article_id, sentence, end + after.start(1), end + after.end(1), phrase)
    for role in roles:
        key = role.lower()
        if _FORM_OF_ADDRESS.fullmatch(key):
            continue  # "Gen.", "Dr.": how a name is written, not what the article calls the person
        if not any(key in phrase for phrase in found):
            for start, _, sentence in mentions[:1]:
                found[key] = Cited(article_id, sentence, start, start, key)
    return tuple(found.values())


def speaker_rows(quotes: Sequence[tuple[str, str | None, str, int]]) -> tuple[Speaker, ...]:
    """(name, entity, kind, words) per quote -> one row per speaker, most words first."""
    rows: dict[str, list[object]] = {}
    for name, entity, kind, words in quotes:
        row = rows.setdefault(name, [entity, 0, 0, 0])
        row[1 if kind == "direct" else 2] = int(row[1 if kind == "direct" else 2]) + 1  # type: ignore[call-overload]
        row[3] = int(row[3]) + words  # type: ignore[call-overload]
    speakers = [Speaker(name, row[0], int(row[1]), int(row[2]), int(row[3])) for name, row in rows.items()]  # type: ignore[arg-type, call-overload]
    return tuple(sorted(speakers, key=lambda s: (-s.words, s.name)))


def count_kinds(kinds: Sequence[str]) -> dict[str, int]:
    return dict(Counter(kinds).most_common())
