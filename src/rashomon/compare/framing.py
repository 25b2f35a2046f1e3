"""How one article frames its story: loaded words, opinion, tone toward each actor, who speaks,
on whose authority it asserts, and the labels it gives the actors. Every item cites its sentence."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

from rashomon.compare.genre import Genre
from rashomon.compare.lexicon import LoadedLexicon
from rashomon.compare.tables import data_rows

_LABEL_BEFORE = re.compile(r"(?:^|[\s(])((?:[A-Za-z][a-z'\-]+(?:-[A-Z][a-z]+)*\s){1,4})$")  # "Vice-President"
# A relative clause that says what the person is: "who is also the acting president", "who served
# as deputy commander", "who was appointed as chief negotiator".
_WHO_COPULA = (
    r"who (?:is|was|has been|had been|became|remains|(?:has |had )?served as)\s+(?:also |now |still |currently |then )?"
)
_WHO_IS = re.compile(_WHO_COPULA + r"(?:(?:appointed|named|elected) (?:as )?)?", re.IGNORECASE)
# An abbreviation's dots ("U.S.") do not end the phrase: "the commander of U.S. Central Command".
_APPOSITION = re.compile(r"^,\s+((?:the|a|an|who|formerly|once)\s(?:[A-Z]\.(?:[A-Z]\.)+|[^,.;()]){3,70}?)\s*[,.;(]")
_LABEL_STOP = frozenset(
    "the a an and of in to by with for from that as at on said says told his her their its when while after before "
    "reported reports announced added stated confirmed but or so yet then also meanwhile however".split()
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
    genre: Genre | None  # an opinion piece, an editorial or an analysis, as its outlet labelled it
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


_TOKEN = re.compile(r"\S+")


def load_tone_words() -> ToneWords:
    polarity = {word: int(value) for word, value in data_rows("tone_words.tsv")}
    alternatives = "|".join(re.escape(word) for word in sorted(polarity, key=len, reverse=True))
    return ToneWords(polarity, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE))


def sentence_polarity(
    text: str, tone: ToneWords, lexicon: LoadedLexicon, *, near: Sequence[tuple[int, int]] = (), window: int = 0
) -> int:
    """Favourable less unfavourable words in ``text``; given ``near`` (character spans, such as an
    actor's mentions), only the words within ``window`` words of one of them count."""
    words = [match.start() for match in _TOKEN.finditer(text)]

    def word_at(offset: int) -> int:
        return bisect.bisect_right(words, offset) - 1

    anchors = [(word_at(start), word_at(end - 1)) for start, end in near]

    def counted(start: int, end: int) -> bool:
        if not near:
            return True
        first, last = word_at(start), word_at(end - 1)
        return any(
            first - anchor_last <= window and anchor_first - last <= window for anchor_first, anchor_last in anchors
        )

    score = sum(
        tone.polarity[match.group(0).lower()] for match in tone.pattern.finditer(text) if counted(*match.span())
    )
    for start, end, term in lexicon.find(text):
        if not counted(start, end):
            continue
        if term.category in {"pejorative", "emotive"} and term.term not in tone.polarity:
            score -= 1
        elif term.category == "laudatory" and term.term not in tone.polarity:
            score += 1
    return score


@dataclass(frozen=True)
class LabelWords:
    """What a label is made of: the noun of office or status it ends in, and the lower-case words
    that may open it. ``offices`` are the nouns that name only someone the article gave the office."""

    nouns: frozenset[str]
    modifiers: frozenset[str]
    offices: frozenset[str] = frozenset()

    def opens(self, word: str) -> bool:
        return word in self.modifiers or word in self.nouns or word.startswith(_MODIFIER_PREFIXES)


def load_word_list(name: str) -> frozenset[str]:
    """The words of one of the comparison's word lists (``compare/data``), comments left out."""
    text = (resources.files("rashomon.compare") / "data" / name).read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def load_label_words() -> LabelWords:
    return LabelWords(
        load_word_list("label_nouns.txt"), load_word_list("label_modifiers.txt"), load_word_list("office_nouns.txt")
    )


_FORM_OF_ADDRESS = re.compile(r"[a-z]{1,5}\.")


def _inside_label(word: str, words: LabelWords) -> bool:
    """Whether a word may sit inside a label: not a function word or a possessive, and not a verb
    in the past or in -ing ("Syria prompted Russian President Vladimir Putin", "then misleading
    Vice-President Mike Pence") unless labels use it ("ousted", "outgoing")."""
    lowered = word.lower()
    if lowered in _LABEL_STOP or lowered.endswith("'s"):
        return False
    return not (word.islower() and word.endswith(("ed", "ing")) and word not in words.modifiers)


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
            # "Vice-President" ends in "president": a hyphenated office is still one.
            if words and words[-1].group(0).lower().split("-")[-1] in nouns and phrase.lower() not in found:
                phrase_start = window + before.start(1) + words[0].start()
                found[phrase.lower()] = Cited(article_id, sentence, phrase_start, start, phrase)
        after = _APPOSITION.match(text[end : min(s_end, end + 90)])
        if after and any(word.lower().strip(",") in nouns for word in after.group(1).split()):
            phrase, phrase_start = after.group(1).strip(), end + after.start(1)
            if phrase.lower().startswith("who"):
                # "who is also the acting president" says what the person is; "who pledged support
                # to US ally Japan" says what the person did, whatever noun it ends in.
                copula = _WHO_IS.match(phrase)
                if copula is None:
                    continue
                phrase, phrase_start = phrase[copula.end() :], phrase_start + copula.end()
            if phrase.lower() not in found:
                found[phrase.lower()] = Cited(article_id, sentence, phrase_start, phrase_start + len(phrase), phrase)
    for role in roles:
        key = role.lower()
        if _FORM_OF_ADDRESS.fullmatch(key):
            continue  # "Gen.", "Dr.": how a name is written, not what the article calls the person
        if not any(key in phrase for phrase in found):
            for start, _, sentence in mentions[:1]:
                found[key] = Cited(article_id, sentence, start, start, key)
    return tuple(found.values())


# A lower-case word before an organisation's name that says what the article takes it for: one of the
# label words, or an alliance written as a compound ("Iran-backed", "al-Qaeda-linked", "Kurdish-led").
_ALLIANCE = re.compile(r"[A-Za-z'\-]+-(?:backed|linked|led|affiliated|allied|aligned|sponsored|funded)$")
_GROUP_NAME_FOLLOWER = re.compile(r"^(?:\s*\([A-Z][A-Za-z.\-]{1,9}\))?\s+([a-z]+)\b")
_OF_AFTER = re.compile(r"\s+of\b")
_GROUP_LABEL_BEFORE = re.compile(r"((?:[A-Za-z][A-Za-z'\-]*\s+){1,3})$")
_DEFINITE_GROUP = re.compile(r"\b[Tt]he\s+((?:[a-z][A-Za-z'\-]*\s+){0,2}?)([a-z]+)\b")


# After an organisation's name, a word that makes the name a modifier of someone: "Exxon Mobil CEO",
# "Kremlin official", "EU leaders".
_SOMEONE_AFTER = re.compile(
    r"^\s+(?:[A-Z]{2,}\b|[A-Z][a-z]+\b|(?:official|officials|leader|leaders|spokesman|spokeswoman|spokesperson"
    r"|chief|head|member|members|minister|ministers|envoy|diplomat|diplomats|source|sources|lawmaker|lawmakers|"
    r"commander|commanders|executive|president|chairman|adviser|advisers|aide|aides)\b)"
)


# Tenure words open a person's label ("former president"); before a body's name they belong to what it
# modifies ("a former al-Qaeda affiliate").
_PERSON_TENURE = frozenset({"former", "formerly", "then", "late", "new", "ousted", "incumbent", "outgoing", "incoming"})


def _names_someone_after(following: str) -> bool:
    return _SOMEONE_AFTER.match(following) is not None


@dataclass(frozen=True)
class NamedGroup:
    """An organisation an article names, and where (start, end, sentence), in text order."""

    entity_id: str
    mentions: tuple[tuple[int, int, int], ...]


def group_labels(text: str, groups: Sequence[NamedGroup], sentences: Sequence[tuple[int, int]],
                 nouns: frozenset[str], label_words: LabelWords, article_id: str) -> dict[str, tuple[Cited, ...]]:  # fmt: skip
    """What an article calls an organisation: the words around its name that say what kind of body it
    is ("the terrorist Rapid Support Forces militia": "terrorist militia"), and the descriptions that
    stand for it afterwards ("the militia", "the rebels": the last organisation the article has labelled
    beside its name, named at most ``DESCRIPTION_SENTENCES`` sentences before). A plain name gets none."""
    found: dict[str, dict[str, Cited]] = {}
    labelled: set[str] = set()
    for group in groups:
        for start, end, sentence in group.mentions:
            before = _GROUP_LABEL_BEFORE.search(text[max(0, start - 60) : start])
            words = before.group(1).split() if before else []
            kept: list[str] = []
            for word in reversed(words):  # "the Islamist group", "the terrorist ... militia"
                lowered = word.lower()
                if (
                    lowered in {"the", "a", "an"}
                    or lowered in _PERSON_TENURE
                    or not (label_words.opens(lowered) or lowered in nouns or _ALLIANCE.fullmatch(word))
                ):
                    break
                kept.insert(0, word)
            after = _GROUP_NAME_FOLLOWER.match(text[end : end + 20])
            noun = after.group(1) if after and after.group(1) in nouns else None
            if noun is not None and after is not None and _OF_AFTER.match(text, end + after.end(1)):
                noun = None  # "the Khortytsia group of forces": the name goes on, the noun is no label
            if noun is None and _names_someone_after(text[end : end + 30]):
                kept = []  # "former Exxon Mobil CEO", "a senior Kremlin official": the words are the person's
            if not kept and noun is None:
                continue
            phrase = " ".join([*kept, *([noun] if noun else [])])
            phrase_start = text.rfind(kept[0], max(0, start - 60), start) if kept else start
            phrase_end = end + after.end(1) if noun and after else end
            found.setdefault(group.entity_id, {}).setdefault(
                phrase.lower(), Cited(article_id, sentence, phrase_start, phrase_end, phrase)
            )
            labelled.add(group.entity_id)
    mentioned = sorted(
        (start, end, sentence, group.entity_id) for group in groups for start, end, sentence in group.mentions
    )
    for sentence, (s_start, s_end) in enumerate(sentences):
        for match in _DEFINITE_GROUP.finditer(text, s_start, s_end):
            noun = match.group(2)
            modifiers = match.group(1).split()
            if noun == "regime":
                continue  # "the regime" is a government the article has in mind, seldom the group just named
            if noun not in nouns or not all(label_words.opens(w) or _ALLIANCE.fullmatch(w) for w in modifiers):
                continue
            if re.match(r"\s+(?:of\b|[A-Z])", text[match.end() : match.end() + 4]):
                continue  # "the group of seven", "the militia Jaish al-Islam": not a description
            if any(start <= match.start() < end for start, end, _, _ in mentioned):
                continue
            earlier = [
                m for m in mentioned
                if m[1] <= match.start() and sentence - m[2] <= DESCRIPTION_SENTENCES and m[3] in labelled
            ]  # fmt: skip
            if not earlier:
                continue
            phrase = text[match.start(1) : match.end(2)]
            found[earlier[-1][3]].setdefault(
                phrase.lower(), Cited(article_id, sentence, match.start(1), match.end(2), phrase)
            )
    return {entity: tuple(cited.values()) for entity, cited in found.items()}


@dataclass(frozen=True)
class NamedPerson:
    """A person an article names: where, with what country and which titles it gives them."""

    entity_id: str
    country: str | None
    titles: tuple[str, ...]
    mentions: tuple[tuple[int, int, int], ...]  # (start, end, sentence), in text order


_DEFINITE = re.compile(r"\b[Tt]he\s+")
# A word, or an abbreviation with its dots ("U.S."); a sentence's full stop is not part of a word.
_DESCRIPTION_WORD = re.compile(r"[A-Za-z](?:\.[A-Za-z])+\.?|[A-Za-z][A-Za-z\-]*")
# What may follow a description that is a whole noun phrase: punctuation, a verb in the past
# ("vowed"), or a word that starts the rest of the clause. "the first official visit" and "the
# terrorist attacks" are no descriptions of a person.
_FOLLOWERS = frozenset(
    "said says told who whose was is has had have would will could can may might must should did does and but "
    "also then later in at on to for from with himself herself while when after before as that "
    "left met spoke went took gave made came saw won lost held sent kept began wrote ran stood heard thought "
    "brought became led fled sat struck sought fought".split()
)
DESCRIPTION_SENTENCES = 2  # "the ousted dictator" names someone mentioned at most this many sentences back
# Label nouns that stand alone for other things: "trauma to the head", "the official figure".
_NOT_DESCRIPTIONS = frozenset({"head", "figure"})
# Words that make an office another one: "the minister" does not name a prime minister, nor "the
# president" a vice president.
_OFFICE_MAKING = frozenset({"prime", "vice", "deputy"})
# Words that put an office at another time: "the new president" is not the one the article titled
# "President Obama" while the new one goes untitled, unless the title itself says "new".
_TERM_MAKING = frozenset({"new", "former", "incoming", "outgoing", "late", "previous", "then"})


def descriptor_labels(text: str, people: Sequence[NamedPerson], sentences: Sequence[tuple[int, int]],
                      label_words: LabelWords, country_of: Callable[[str], str | None],
                      article_id: str) -> dict[str, tuple[Cited, ...]]:  # fmt: skip
    """What an article calls a person it has named, where the name is not next to it: "support for the
    ousted dictator" after "Bashar al-Assad's regime"; "the Russian leader" for Putin.

    A description names the person it fits among those mentioned before it: of the country its
    demonym gives, holding the office its noun names (a title the article gave them), or else, for
    nouns that are no office, the one mentioned last, at most ``DESCRIPTION_SENTENCES`` back."""
    found: dict[str, dict[str, Cited]] = {}
    for sentence, (s_start, s_end) in enumerate(sentences):
        for match in _DEFINITE.finditer(text, s_start, s_end):
            if _apposed(text, match.start(), people):
                continue  # "Hwang, who is also the acting president": the name's own label, read with it
            description = _description_at(text, match.end(), s_end, label_words, country_of)
            if description is None:
                continue
            end, noun, country = description
            words = frozenset(text[match.end() : end].lower().split())
            person = _described(people, match.start(), sentence, words, noun, country, label_words)
            if person is None:
                continue
            phrase = text[match.end() : end]
            cited = Cited(article_id, sentence, match.end(), end, phrase)
            found.setdefault(person, {}).setdefault(phrase.lower(), cited)
    return {person: tuple(cited.values()) for person, cited in found.items()}


def _description_at(text: str, start: int, limit: int, label_words: LabelWords,
                    country_of: Callable[[str], str | None]) -> tuple[int, str, str | None] | None:  # fmt: skip
    """(end, noun, country) of a description of one person starting at ``start``, if one does."""
    position, country, last, consumed = start, None, None, start
    for _ in range(5):
        word = _DESCRIPTION_WORD.match(text, position, limit)
        if word is None:
            break
        token = word.group(0)
        if token[:1].isupper() and (state := country_of(token)) is not None:
            country = state
        elif label_words.opens(token.lower()):
            last = (word.end(), token.lower())
        else:
            break
        consumed = position = word.end()
        while position < limit and text[position] == " ":
            position += 1
    if last is None or last[0] != consumed or last[1] not in label_words.nouns or last[1] in _NOT_DESCRIPTIONS:
        return None
    end, noun = last
    rest = text[end:limit].lstrip(" ")
    following = _DESCRIPTION_WORD.match(rest)
    if rest[:2] == "'s" or rest[:2] == "’s":
        return None
    if following is not None:
        next_word = following.group(0)
        if next_word[:1].isupper() or not (next_word in _FOLLOWERS or next_word.endswith("ed")):
            return None
    return end, noun, country


_APPOSED = re.compile(rf",\s*(?:{_WHO_COPULA})?", re.IGNORECASE)


def _apposed(text: str, start: int, people: Sequence[NamedPerson]) -> bool:
    """Whether a description at ``start`` stands in apposition to a name just before it."""
    return any(
        end <= start and _APPOSED.fullmatch(text, end, start) is not None
        for person in people
        for _, end, _ in person.mentions
    )


def _described(people: Sequence[NamedPerson], start: int, sentence: int, words: frozenset[str], noun: str,
               country: str | None, label_words: LabelWords) -> str | None:  # fmt: skip
    """The person a description at ``start`` fits, by the rules of ``descriptor_labels``. Of several
    holders of the office, the one the article names most often; none when two tie."""
    before = []
    for person in people:
        last = max(((s, m_sentence) for s, e, m_sentence in person.mentions if e <= start), default=None)
        if last is not None and (country is None or person.country == country):
            before.append((last, person))
    if not before:
        return None
    holders = [
        (len(p.mentions), last, p) for last, p in before if any(_holds(title, noun, words) for title in p.titles)
    ]
    if holders:
        holders.sort(key=lambda row: (row[0], row[1]), reverse=True)
        if len(holders) > 1 and holders[0][0] == holders[1][0]:
            return None
        return holders[0][2].entity_id
    if noun in label_words.offices:
        return None
    (_, last_sentence), person = max(before, key=lambda pair: pair[0])
    return person.entity_id if sentence - last_sentence <= DESCRIPTION_SENTENCES else None


def _holds(title: str, noun: str, words: frozenset[str]) -> bool:
    """Whether a title the article gave someone is the office a description names."""
    title_words = title.lower().split()
    return (
        noun in title_words
        and all(word in words for word in _OFFICE_MAKING.intersection(title_words))
        and all(word in title_words for word in _TERM_MAKING.intersection(words))
    )


_DETERMINERS = ("The ", "A ", "An ", "This ", "That ", "These ", "Those ")
_LEADING_QUANTIFIERS = re.compile(r"^(?:(?:the|a|an|several|some|many|other|most|few|a few)\s+)+")


def speaker_rows(quotes: Sequence[tuple[str, str | None, str, int]]) -> tuple[Speaker, ...]:
    """(name, entity, kind, words) per quote -> one row per speaker, most words first."""
    rows: dict[str, list[object]] = {}
    names: dict[str, str] = {}
    for written, entity, kind, words in quotes:
        # "The statement" opening a sentence and "the statement" inside one are one speaker, as are
        # "Survivors" and "Several survivors".
        name = written[0].lower() + written[1:] if entity is None and written.startswith(_DETERMINERS) else written
        if entity is None:
            name = names.setdefault(_LEADING_QUANTIFIERS.sub("", name.lower()), name)
        row = rows.setdefault(name, [entity, 0, 0, 0])
        row[1 if kind == "direct" else 2] = int(row[1 if kind == "direct" else 2]) + 1  # type: ignore[call-overload]
        row[3] = int(row[3]) + words  # type: ignore[call-overload]
    speakers = [Speaker(name, row[0], int(row[1]), int(row[2]), int(row[3])) for name, row in rows.items()]  # type: ignore[arg-type, call-overload]
    return tuple(sorted(speakers, key=lambda s: (-s.words, s.name)))


def count_kinds(kinds: Sequence[str]) -> dict[str, int]:
    return dict(Counter(kinds).most_common())
