"""Who says what in a sentence, as units the claim alignment can match one by one.

Sentences are matched by their embeddings, and a sentence that reports two things matches
neither well: "Vucic, speaking on state television, called the protest an attempt at a colour
revolution financed from abroad and said there would be no early vote" is, for another outlet's
"Vucic said there would be no early elections and called on the organisers to condemn the
violence", 0.65 similar as a whole, while what Vucic is said to say in each, "there would be no
early vote" and "there would be no early elections", is 0.82 similar. So what the quotes layer
found said is embedded too, a sentence holding two or more utterances is lined up as one unit per
utterance, and two units that give the same speaker are compared by what that speaker says as
well as by their words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from rashomon.compare.align import Statement, actor_signature
from rashomon.entities.tables import EntityTables
from rashomon.model import Quote

# Words of an utterance embedded at most: the matching reads what is said first.
UTTERANCE_WORDS = 60
# A sentence is what its one utterance says when at most this share of its characters lies outside
# the words said, the speaker's name and the cue ("Kremlin spokesman Dmitry Peskov said the strikes
# ...": the title); more, and the sentence tells something besides.
UNSAID_SHARE = 0.3
_PRONOUNS = frozenset("he she they it we i you who this that one".split())
# "Kremlin spokesman Dmitry Peskov", "White House press secretary ...": whose words a spokesperson gives.
_SPOKESPERSON = re.compile(
    r"^(?:the\s+)?(?P<seat>.+?)\s+(?:spokes(?:man|woman|person)|press secretary)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Utterance:
    quote: int  # its position among the article's quotes
    voice: str  # who says it: a state by its code, anyone else by entity, an unnamed source by its noun
    start: int  # where what is said lies in the article
    end: int
    text: str
    attributed: int = 0  # characters of the speaker's words and the cue


def _mostly_said(statement: Statement, utterance: Utterance) -> bool:
    sentence = statement.end - statement.start
    unsaid = sentence - (utterance.end - utterance.start) - utterance.attributed
    return unsaid <= UNSAID_SHARE * sentence


@dataclass(frozen=True)
class AlignmentUnits:
    statements: tuple[Statement, ...]
    vectors: np.ndarray  # one row per statement: its sentence's, or its utterance's when it is a part
    spoken: np.ndarray  # one row per statement: its one utterance's vector, zeros when it has none


# What a source was asked for and did not give: "did not respond to requests for comment". The
# attribution layer keeps it, as the attribution corpora do; it puts no words in the source's mouth.
_REQUEST_FOR_COMMENT = re.compile(
    r"^(?:(?:repeated|several|multiple|emailed|written|telephone|phone|further)\s+)*"
    r"(?:requests?|calls?|messages?|queries|questions|emails?)\s+(?:for|seeking)\s+(?:comment|a response|reaction)\b",
    re.IGNORECASE,
)


def is_request_for_comment(quote: Quote) -> bool:
    """An attribution that only says the source was asked: no words of theirs to count."""
    return quote.kind == "indirect" and _REQUEST_FOR_COMMENT.match(quote.text.strip()) is not None


# "said debris had fallen on an industrial site and that two people had been injured": the "that" after
# the "and" opens a second thing said, which another outlet may give in a sentence of its own.
_ANOTHER_THING_SAID = re.compile(r",?\s+(?:and|but)\s+that\s+", re.IGNORECASE)
# Words a said clause needs to be matched on its own.
CLAUSE_WORDS = 3


def said_clauses(quotes: Sequence[Quote]) -> tuple[Quote, ...]:
    """The quotes as the alignment lines them up: reported speech that gives two things said, joined
    by "and that", is one quote per thing, each with the speaker and cue of the whole (in the order
    of the quotes, each one's clauses in text order). Direct quotations are the speaker's own words
    and stay whole."""
    found: list[Quote] = []
    for quote in quotes:
        cuts = list(_ANOTHER_THING_SAID.finditer(quote.text)) if quote.kind == "indirect" else []
        bounds = [(0, cuts[0].start())] if cuts else []
        for position, cut in enumerate(cuts):
            bounds.append((cut.end(), cuts[position + 1].start() if position + 1 < len(cuts) else len(quote.text)))
        if len(bounds) < 2 or any(len(quote.text[a:b].split()) < CLAUSE_WORDS for a, b in bounds):
            found.append(quote)
            continue
        found += [
            replace(quote, start=quote.start + a, end=quote.start + b, text=quote.text[a:b], parts=())
            for a, b in bounds
        ]
    return tuple(found)


def utterance_text(quote: Quote) -> str:
    """What is embedded for a quote: what is said, without who says it. Utterances are compared
    only when they have a speaker in common, and a name and a cue written before both would make
    any two things one person said look alike ("Rahman said the rebels were seeking ..." and
    "Rahman said the rebel factions seem to have prepared ...")."""
    return " ".join(quote.text.split()[:UTTERANCE_WORDS])


def voice_of(quote: Quote, states: EntityTables) -> str | None:
    """Who a quote is given to, comparable across articles: "police" in one outlet is "Police" in
    another; a pronoun that named no one is no one."""
    speaker = quote.speaker
    if speaker is None:
        return None
    military = national_military(speaker.name or speaker.text, states) or national_military(speaker.text, states)
    if military is not None:
        return military
    if speaker.entity is not None:
        return actor_signature(speaker.entity, speaker.name or speaker.text, states)
    words = speaker.text.lower().split()
    if not words or words[-1] in _PRONOUNS or not words[-1].isalpha():
        return None
    return f"unnamed:{words[-1]}"


_MILITARY = (("armed", "forces"), ("army",), ("military",))


def spokesperson_for(quote: Quote, states: EntityTables) -> str | None:
    """The state a speaker is the spokesperson of, when the title names its seat ("Kremlin spokesman
    Dmitry Peskov" speaks for Russia, as "the Kremlin said" does); a ministry's is not the state's."""
    if quote.speaker is None:
        return None
    found = _SPOKESPERSON.match(quote.speaker.text)
    return actor_signature(None, found.group("seat"), states) if found else None


def _spoken_for(quotes: Sequence[Quote], states: EntityTables) -> dict[str, str]:
    """Each speaker entity of an article that the article once titles a state's spokesperson."""
    spoken_for: dict[str, str] = {}
    for quote in quotes:
        state = spokesperson_for(quote, states)
        if state is not None and quote.speaker is not None and quote.speaker.entity is not None:
            spoken_for.setdefault(quote.speaker.entity, state)
    return spoken_for


def national_military(name: str, states: EntityTables) -> str | None:
    """ "military:SDN" for "the Sudanese army", "Sudanese Armed Forces", "Sudan's military": a state's
    own forces under any of their names. Only the nationality and the word for the forces: the "Free
    Syrian Army" and the "Syrian Democratic Forces" are not Syria's."""
    words = [w.removesuffix("'s").removesuffix("’s") for w in name.lower().split()]
    if words[:1] == ["the"]:
        words = words[1:]
    for tail in _MILITARY:
        if len(words) == len(tail) + 1 and tuple(words[1:]) == tail:
            state = states.nation_of(words[0])
            return f"military:{state}" if state else None
    return None


def sentence_utterances(statement: Statement, quotes: Sequence[Quote], states: EntityTables) -> list[Utterance]:
    """The utterances the sentence holds, in text order, one per stretch of words: a quotation cut by
    its cue is one."""
    found: list[Utterance] = []
    for index, quote in sorted(enumerate(quotes), key=lambda pair: pair[1].start):
        if not (statement.start <= quote.start and quote.end <= statement.end):
            continue  # a quotation over several sentences is matched sentence by sentence
        voice = voice_of(quote, states)
        if voice is None or len(quote.text.split()) < 3:
            continue
        if any(u.start < quote.end and quote.start < u.end for u in found):
            continue
        attributed = sum(span.end - span.start for span in (quote.cue, quote.speaker) if span is not None)
        found.append(Utterance(index, voice, quote.start, quote.end, quote.text, attributed))
    return found


def alignment_units(
    statements: Sequence[Statement],
    vectors: np.ndarray,
    quotes_by_article: Mapping[str, Sequence[Quote]],
    spoken_by_article: Mapping[str, np.ndarray],
    states: EntityTables,
) -> AlignmentUnits:
    """The statements as the alignment takes them: a sentence with two or more utterances becomes one
    unit per utterance (the sentence is still what each cites); every unit with one utterance carries
    its speaker's voice and its vector. ``spoken_by_article`` holds each article's quote vectors
    (`utterance_text`), in the order of its quotes."""
    dimensions = vectors.shape[1]
    units: list[Statement] = []
    unit_vectors: list[np.ndarray] = []
    spoken: list[np.ndarray] = []
    silent = np.zeros(dimensions, dtype=np.float32)
    spoken_for = {article: _spoken_for(quotes, states) for article, quotes in quotes_by_article.items()}

    def voices_of(utterance: Utterance, article: str) -> frozenset[str]:
        state = spoken_for[article].get(utterance.voice) if article in spoken_for else None
        return frozenset({utterance.voice} | ({state} if state else set()))

    for index, statement in enumerate(statements):
        utterances = sentence_utterances(statement, quotes_by_article.get(statement.article_id, ()), states)
        said = spoken_by_article.get(statement.article_id)
        if said is None or len(utterances) < 2:
            one = said is not None and len(utterances) == 1
            mostly = one and _mostly_said(statement, utterances[0])
            voices = voices_of(utterances[0], statement.article_id) if one else frozenset()
            units.append(replace(statement, voices=voices, mostly_said=mostly))
            unit_vectors.append(vectors[index])
            spoken.append(said[utterances[0].quote] if said is not None and one else silent)
            continue
        for part, utterance in enumerate(utterances, start=1):
            numbers = tuple(n for n in statement.numbers if n.text in utterance.text)
            units.append(
                replace(
                    statement,
                    voices=voices_of(utterance, statement.article_id),
                    numbers=numbers,
                    part=part,
                    mostly_said=True,
                )
            )
            unit_vectors.append(said[utterance.quote])
            spoken.append(said[utterance.quote])
    if not units:
        empty = np.zeros((0, dimensions), dtype=np.float32)
        return AlignmentUnits((), empty, empty)
    return AlignmentUnits(
        tuple(units), np.vstack(unit_vectors).astype(np.float32), np.vstack(spoken).astype(np.float32)
    )
