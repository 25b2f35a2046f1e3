"""Line up the statements of a story's articles: what several outlets report, what only one does,
and where they contradict each other (different numbers for the same thing, or one denies it)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from rashomon.compare.tables import data_rows
from rashomon.entities.names import name_key
from rashomon.entities.tables import EntityTables
from rashomon.quotes.claims import GROUP_NOUNS
from rashomon.timex.numbers import is_number_word, parse_number

# Paraphrase threshold on MiniLM cosine, with a little help from shared entities.
MATCH_THRESHOLD = 0.75
ENTITY_BONUS = 0.08
# An entity named in more than this share of a story's sentences (Russia and Turkey in a story about
# the two) says nothing about which of them two sentences share, so it earns no bonus.
COMMON_ENTITY_SHARE = 0.2
# Two groups join only when their members are, on average, this alike: matches are made pair by
# pair, and a chain of them can otherwise run from one statement to an unrelated one.
GROUP_COHESION = 0.7
# Same event type with the same actor: the same predicate about the same people.
EVENT_BONUS = 0.1
# Numbers for the same thing differ by more than this share before they count as a conflict.
NUMBER_TOLERANCE = 0.1
# Shares are compared in points, not in proportion: "52.3%" is "52 percent" rounded, "54 percent" is
# another result (a tenth of 54 would be five points).
PERCENT_POINTS = 1.0
# The same count of the same thing ("84 witnesses", "13,000 people"): two reports of one finding,
# however differently worded. Only the very number, or a toll that a bound makes agree ("at least 72
# killed", "at least 75 killed"): 100 and 108 dead are two massacres as often as one. Counts under
# this are too common to tell ("three soldiers").
NUMBER_BONUS = 0.1
TELLING_COUNT = 10
# "At least 52 killed" is a bound that 75 meets, but a toll that far off is another attack's.
TOLL_SPREAD = 0.25
# Magnitudes are read to a tenth; two agencies' readings of one quake a tenth or more apart differ.
MAGNITUDE_STEP = 0.05

# A report gives its own toll in its first statements; later ones recall other attacks ("Nice, where a
# lorry attack in July killed 86 people").
LEDE_STATEMENTS = 3
# Tolls of civilians and people in general: fighters' tolls in a war are many a day, one per clash.
_TOLL_KINDS = {
    "people killed",
    "people injured",
    "people missing",
    "children killed",
    "children injured",
    "women killed",
    "women injured",
}

# Counts of the same kind of thing under different words ("15 civilians", "30 people").
_UNIT_CLASSES = {
    **dict.fromkeys(
        "people persons person civilians civilian deaths dead killed victims victim residents resident casualties "
        "fatalities bodies protesters demonstrators rioters detainees".split(),
        "people",
    ),
    **dict.fromkeys(
        "soldiers soldier fighters fighter militants militant troops rebels rebel combatants servicemen serviceman".split(),
        "combatants",
    ),
    **dict.fromkeys("children child kids".split(), "children"),
    **dict.fromkeys("women woman".split(), "women"),
    **dict.fromkeys("workers personnel rescuers responders".split(), "personnel"),
    **dict.fromkeys("cases infections".split(), "people infected"),  # "850 cases", "infected more than 1,200"
    **dict.fromkeys("usd eur gbp jpy money dollars dollar euros euro pounds pound yuan".split(), "money"),
    **dict.fromkeys("km kilometres kilometers kilometre kilometer miles mile metres meters".split(), "distance"),
}
# People named by what they do or where they were, whose dead and hurt are a toll like anyone's: "killing
# at least nine miners", "12 passengers were injured" (classes of `unit_class`). Not workers: "sixty nine
# workers have been killed" is an aid agency's count over a war, not an attack's toll.
PEOPLE_BY_CALLING = frozenset(
    "miner passenger student pupil schoolchildren tourist journalist pilgrim migrant refugee patient "
    "worshipper villager firefighter volunteer farmer fishermen".split()
)


@dataclass(frozen=True)
class Number:
    value: float
    bound: str  # "=", ">=", "<=", "~", or "between" (from ``value`` to ``upper``)
    unit: str | None
    text: str
    kind: str | None = None  # what is counted, when the words around say more than the unit ("killed")
    scope: str | None = None  # the time it is counted over, as written ("last year"), lower-cased
    qualifiers: frozenset[str] = frozenset()  # which count it is: "labour" in "165 Labour peers"
    hypothetical: bool = False  # under a modal: "would only need 51 votes"
    earlier: bool = False  # the figure a count is set against: "down from 58.9%"
    day: str | None = None  # the calendar day its scope names, when it names one: "2026-11-15"
    upper: float | None = None  # the most of a range: 700 in "between 500 and 700"

    @property
    def counts(self) -> str | None:
        return self.kind or unit_class(self.unit)


_CASUALTY_CUE = re.compile(
    r"\b(?:(?P<injured>injur\w*|wound\w*|hurt)|(?P<killed>kill\w*|dead|deaths?|died|die|dying|lives|death toll|drown\w*)"
    r"|(?P<detained>detain(?:ed|ing)?|arrest(?:ed|ing)?|jailed|taken into custody)|(?P<survived>survived|survivors)"
    r"|(?P<rescued>rescued|saved|evacuated|pulled from the (?:water|sea|rubble)|to the surface)|(?P<aboard>on board|aboard|onboard)|(?P<bodies>bodies)"
    r"|(?P<missing>trapped|missing|unaccounted for)|(?P<infected>infected|infecting))\b",
    re.IGNORECASE,
)
# The other end of a range ("between 500 and 700 people on board") is no other count: the cue is both's.
_RANGE_REST = re.compile(r"^\s+(?:and|to)\s+[\d,.]+\s+\w+\s+", re.IGNORECASE)
# "killing 38 of the 67 people on board": the count after "of the" is the whole the first is part of.
_PART_OF = re.compile(r"(\S+)\s+of\s+(?:the\s+|all\s+)?$", re.IGNORECASE)


# "The death toll in Thursday's attack on a shrine in Sindh province has climbed to 74": the cue
# opens the clause, far before its count.
_TOLL_BEFORE = re.compile(
    r"\b(?:death|casualty) toll\b[^.;:]{0,120}\b(?:to|at|of|reached|hit)\s+(?:about |around |nearly |almost |over |more than |at least )?$",
    re.IGNORECASE,
)
_OTHER_COUNT = re.compile(r"\d")
_AND = re.compile(r"\band\b")
_COUNT_BEFORE = re.compile(r"\d\s*$")


def casualty_kind(text: str, start: int, end: int, window: int = 40) -> str | None:
    """ "killed", "injured", "detained", "survived", "rescued" or "aboard" for a count of people, from
    the cue nearest to it in ``text`` (none for the whole a count is part of, the 67 in "38 of the 67
    people on board", nor for a part of the group the cue names, "five of the dead"). A cue
    that follows another count belongs to that count: in "has climbed to 74, more than 300 people
    were injured", "injured" is said of the 300, and in "2 Killed 10 Injured" "Killed" of the 2;
    one before an "and" closed its clause ("were killed and 10 others were injured"). One before may
    govern several ("killed 15 civilians, including four children")."""
    part = _PART_OF.search(text[max(0, start - 30) : start])
    if part and (part.group(1)[0].isdigit() or is_number_word(part.group(1).lower())):
        return None
    if _TOLL_BEFORE.search(text[max(0, start - 160) : start]):
        return "killed"
    best: tuple[int, str, bool] | None = None  # distance, kind, whether the cue follows the count
    # The cue is in the count's own sentence: "... the strongest of magnitude 5.4. Rescuers pulled
    # survivors from the rubble" says nothing of the 5.4.
    low, high = _own_sentence_window(text, start, end, window)
    for match in _CASUALTY_CUE.finditer(text, low, high):
        distance = start - match.end() if match.end() <= start else match.start() - end
        if distance < 0:
            continue
        if match.start() >= end and _OTHER_COUNT.search(text[end : match.start()]):
            if not _RANGE_REST.match(text[end : match.start()]):
                continue
        if match.end() <= start and _COUNT_BEFORE.search(text[max(0, match.start() - 8) : match.start()]):
            continue  # "2 Killed 10 Injured": the cue before 10 is said of the 2
        if match.end() <= start and _AND.search(text[match.end() : start]):
            continue  # "Two people were killed and 10 others injured": "killed" closed its own clause
        if (match.group("survived") or match.group("aboard")) and match.end() <= start:
            continue  # "29 people survived, 11 of them seriously injured": said of the count before it
        if match.group("bodies") and not (match.start() >= end and not text[end : match.start()].strip()):
            continue  # "recovered 78 bodies" is a toll; "three oversight bodies" is not: only the count's own noun
        kind = (
            "injured" if match.group("injured") else "detained" if match.group("detained")
            else "survived" if match.group("survived") else "rescued" if match.group("rescued")
            else "aboard" if match.group("aboard") else "missing" if match.group("missing")
            else "infected" if match.group("infected") else "killed"
        )  # fmt: skip
        if best is None or distance < best[0]:
            best = (distance, kind, match.start() >= end)
    if best is not None and best[2] and _OF_THE.fullmatch(text[end : end + best[0]]):
        return None  # "five of the dead were children": a part of the dead, not their number
    return best[1] if best else None


# Things counted as destroyed or damaged: "85 buildings collapsed", "destroyed 40 homes".
STRUCTURES = frozenset("building house home apartment block school hospital shop mosque church bridge".split())
_DAMAGE_CUE = re.compile(
    r"\b(?:(?P<destroyed>collapsed|destroyed|flattened|razed|levell?ed|toppled)|(?P<damaged>damaged))\b", re.IGNORECASE
)


def damage_kind(text: str, start: int, end: int, window: int = 40) -> str | None:
    """ "destroyed" or "damaged" for a count of buildings, from the nearest such word in its own
    sentence with no other count between: "At least 85 buildings collapsed", "destroyed 40 homes"."""
    low, high = _own_sentence_window(text, start, end, window)
    best: tuple[int, str] | None = None
    for match in _DAMAGE_CUE.finditer(text, low, high):
        between = text[match.end() : start] if match.end() <= start else text[end : match.start()]
        if (match.start() < end and match.end() > start) or _OTHER_COUNT.search(between):
            continue
        kind = "destroyed" if match.group("destroyed") else "damaged"
        if best is None or len(between) < best[0]:
            best = (len(between), kind)
    return best[1] if best else None


_SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"\u201d']?\s+(?=[A-Z\"\u201c])")
_OF_THE = re.compile(r"\s+of\s+(?:the|those)\s+(?:[a-z]+\s+)?", re.IGNORECASE)


def _own_sentence_window(text: str, start: int, end: int, window: int) -> tuple[int, int]:
    """The span of text within ``window`` characters of ``start``..``end`` that lies in their sentence."""
    low, high = max(0, start - window), min(len(text), end + window)
    for before in _SENTENCE_END.finditer(text, low, start):
        low = before.end()
    after = _SENTENCE_END.search(text, end, high)
    if after is not None:
        high = after.start() + 1
    return low, high


def sentence_so_far(text: str, position: int, window: int = 160) -> str:
    """The words of ``position``'s own sentence before it, at most ``window`` characters of them."""
    low, _ = _own_sentence_window(text, position, position, window)
    return text[low:position]


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_OF_HEAD = re.compile(
    r"(?:([A-Za-z]+) )?([A-Za-z]+) of (?:about |around |some |nearly |almost |more than |over |at least |up to |roughly )?$",
    re.IGNORECASE,
)
# Nouns a count hangs from that do not tell one count from another: "a total of 18", "a toll of 15".
_GENERIC_HEADS = frozenset(
    "total number toll tally count figure figures minimum maximum estimate sum amount group groups "
    "dozens hundreds thousands millions".split()
)
_FILLER = frozenset("a an the of and or than more less about some other".split())
# The noun a measure is the value of, when the sentence opens on it: "Turnout was 49.8%", "Inflation
# rose to 12 percent".
_MEASURED_SUBJECT = re.compile(
    r"^\W*([A-Za-z]+) (?:was|is|reached|stood at|rose to|fell to|dropped to|climbed to|hit|jumped to)"
    r" (?:about |around |nearly |almost |more than |over |at least |just |only )?$",
    re.IGNORECASE,
)


_MODAL = re.compile(r"\b(?:would|could|might|should)\b", re.IGNORECASE)


def is_hypothetical(text: str, start: int, window: int = 40) -> bool:
    """A count under a modal in its own clause ("would only need 51 votes"; not "it could take
    weeks, and 15 people died")."""
    before = text[max(0, start - window) : start]
    clause = re.split(r"[,;:]", before)[-1]
    return _MODAL.search(clause) is not None


# "sentenced ... to eight years and two months in prison", "jailed him for 10 years": a term is a count
# of months that two reports of one verdict must agree on.
_AMOUNT = r"[\w.-]+(?:\s+and\s+a\s+half)?"
_PRISON_TERM = re.compile(
    rf"\b(?:sentenced|sentencing|sentences|jailed|jailing|jails|imprisoned)\b[^.;:]{{0,150}}?\b(?:to|for)\s+"
    rf"(?:(?P<years>{_AMOUNT})[\s-]+years?(?:\s+and\s+(?P<months>[\w-]+)\s+months?)?|(?P<only>[\w-]+)[\s-]+months?)",
    re.IGNORECASE,
)


def prison_terms(text: str) -> tuple[Number, ...]:
    """The prison terms a sentence gives, in months: "eight years and two months" is 98."""
    found = []
    for match in _PRISON_TERM.finditer(text):
        written = (match.group("years") or "0").lower()
        half = written.endswith(" and a half")
        years = parse_number(written.removesuffix(" and a half"))
        months = parse_number(match.group("months") or match.group("only") or "0")
        if not isinstance(years, int) or not isinstance(months, int) or years * 12 + months == 0:
            continue
        value = years * 12 + months + (6 if half else 0)
        term = text[match.start("years" if match.group("years") else "only") : match.end()]
        found.append(Number(float(value), "=", "months", term, kind="prison term"))
    return tuple(found)


_SET_AGAINST = re.compile(
    r"\b(?:(?:down|up|rose|risen|rising|fell|fallen|falling|dropped|dropping|climbed|climbing|increased|"
    r"increasing|decreased|decreasing|declined|declining|jumped|grew|grown|slipped|slid)\s+(?:\w+\s+)?from"
    r"|compared (?:with|to)"
    r"|(?:previous|earlier|initial|preliminary) (?:death |casualty )?toll (?:was|of|had been|stood at))"
    r"\s+(?:about |around |nearly |almost |some |just |only |at least )?$",
    re.IGNORECASE,
)


def is_earlier_figure(text: str, start: int) -> bool:
    """The count is what another is set against: "down from 58.9%", "rising from 12 to 15",
    "compared with 40 last year"."""
    return _SET_AGAINST.search(text[max(0, start - 30) : start]) is not None


def count_qualifiers(text: str, start: int, end: int, unit: str | None) -> frozenset[str]:
    """The words that say which count a number is: those between it and its unit ("7 Conservative
    peers", "165 Labour peers") and the noun it is "of" ("a top bracket of 35 percent", "an
    effective rate of 25 percent"). Two counts whose qualifiers share nothing are two slots."""
    qualifiers: set[str] = set()
    if unit:
        following = [w.lower() for w in _WORD.findall(text[end : end + 60])][:5]
        if unit.lower() in following[:4]:
            qualifiers.update(w for w in following[: following.index(unit.lower())] if w not in _FILLER)
    head = _OF_HEAD.search(text[max(0, start - 40) : start])
    if head and head.group(2).lower() not in _GENERIC_HEADS | _FILLER:
        # "an interest rate of 3.4 percent": the rate, and which rate
        qualifiers.update(w.lower() for w in head.groups() if w and w.lower() not in _GENERIC_HEADS | _FILLER)
    sentence_start = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    subject = _MEASURED_SUBJECT.search(text[max(sentence_start, start - 40) : start])
    if subject and subject.group(1).lower() not in _GENERIC_HEADS | _FILLER:
        qualifiers.add(subject.group(1).lower())
    return frozenset(qualifiers)


@dataclass(frozen=True)
class Statement:
    """One sentence of one article, with what the other layers found in it."""

    article_id: str
    outlet: str | None
    sentence: int
    start: int
    end: int
    text: str
    entities: frozenset[str]
    numbers: tuple[Number, ...]
    negated_types: frozenset[str]
    asserted_types: frozenset[str]
    substantive: bool  # carries a claim, an event or a quote
    events: frozenset[str] = frozenset()  # "TYPE actor-entity" for each event and actor in the sentence
    dates: frozenset[str] = frozenset()  # day-precise dates its events carry in the sentence itself
    means: frozenset[str] = frozenset()  # how an attack it tells was carried out: "air", "shelling"...
    places: frozenset[str] = frozenset()  # the towns, regions and sites it names (entities), not countries
    voices: frozenset[str] = frozenset()  # who it reports saying something (`compare.utterances.voice_of`)
    part: int = 0  # which of the sentence's utterances this is, when it reports several (else 0)
    mostly_said: bool = False  # its one utterance is most of it: "Peskov said the strikes were ..."
    # (type, source country, target country) of each act it tells as done between two countries
    sides: frozenset[tuple[str, str, str]] = frozenset()
    regions: frozenset[str] = frozenset()  # first-level regions it names: "KAZ/Karaganda" for "Karaganda region"
    within: frozenset[str] = frozenset()  # the regions its towns and sites lie in: "KAZ/Karaganda" for Shakhtinsk


@dataclass(frozen=True)
class AlignedGroup:
    label: str  # "shared", "single", "conflict"
    statements: tuple[Statement, ...]
    conflict: str | None = None
    similarity: float | None = None

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(statement.article_id for statement in self.statements))


_WRITTEN_DATE = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\d{4}-\d\d-\d\d|\b\d{1,2}/\d{1,2}\b",
    re.IGNORECASE,
)


def is_written_date(text: str) -> bool:
    """A date written out ("Feb. 13", "13 February", "2017-02-13"), not one worked out from "last
    Monday" or "yesterday" against the publication date. Only written dates are set against another
    outlet's: outlets publish on different days, and "last Monday" is easily a week off."""
    return _WRITTEN_DATE.search(text) is not None


def actor_signature(entity: str | None, name: str, tables: EntityTables) -> str | None:
    """Who an actor is, for telling whether two statements are about the same act: a state by its
    country code whether it is named, or its capital or seat stands for it ("Pyongyang", "the
    Kremlin"); anyone else by their entity."""
    key = name_key(name)
    state = tables.country_by_name.get(key) or tables.country_by_indicator.get(key)
    return f"state:{state}" if state else entity


def unit_class(unit: str | None) -> str | None:
    if unit is None:
        return None
    word = unit.lower().split()[-1]
    return _UNIT_CLASSES.get(word) or _singular(word)


def _singular(word: str) -> str:
    """ "witnesses" and "witness" are one unit, as are "strikes" and "strike", "countries" and "country"."""
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"  # "countries", "cities"
    if word.endswith("ss") or len(word) <= 3:
        return word
    return word[:-1] if word.endswith("s") else word


def _numbers_conflict(left: Sequence[Number], right: Sequence[Number]) -> str | None:
    """A count of one kind of thing, over one time, that each side states once and that differs, as
    "(what it counts): one vs the other".

    "69 civilians, including 19 children" against the same words is no conflict; "at least 56
    civilians" against "21 civilians" is. Counts over different times ("five nuclear tests" against
    "two nuclear tests last year") are not the same count."""
    # A figure a count is set against ("49.8%, down from 58.9% in 2024") is an earlier count, not a
    # second slot of this one.
    earlier = _earlier_figures(*left, *right)
    left = [n for n in left if not n.earlier]
    right = [n for n in right if not n.earlier]
    for unit in dict.fromkeys(n.counts for n in left if n.counts is not None):  # in the text's order
        mine = [n for n in left if n.counts == unit]
        theirs = [n for n in right if n.counts == unit]
        # Two counts of one kind in a sentence ("$38m in tax on $150m of income") are two slots that
        # cannot be told apart here, whatever times they are over: only a single count on each side is
        # compared, and only with one over the same time.
        if len(mine) != 1 or len(theirs) != 1:
            continue
        (a,), (b,) = mine, theirs
        if _time_of(a) != _time_of(b) and not (a.day is not None and a.day == b.day):
            continue
        if a.qualifiers and b.qualifiers and not a.qualifiers & b.qualifiers:
            continue
        # "about 30km south of Turkey" and "Aleppo, 50km to the southwest": a distance is between two
        # places, which the words around seldom say alike.
        if unit == "distance" and not a.qualifiers & b.qualifiers:
            continue
        # What would, could or might be is no fact two outlets can disagree on: "if that happens,
        # Gorsuch would only need 51 votes" and "under present rules he would need 60".
        if a.hypothetical or b.hypothetical:
            continue
        # "23 killed, up from 19" against "19 killed": the other gives the figure this one was raised from.
        if (a.counts, a.value) in earlier or (b.counts, b.value) in earlier:
            continue
        # A side that also gives the other's count, with no word saying what it counts, may simply
        # hold both: "2.8 million children in hard-to-reach areas, including 280,000 living under
        # siege" against "280,000 children under siege".
        if _gives_unnamed(right, a) or _gives_unnamed(left, b):
            continue
        if not _compatible(a, b):
            return f"({unit}): {a.text} vs {b.text}"
    return None


# "an interest rate of 3.4 percent over 40 years": a share's term says how long it runs, not when it was.
_TERM = re.compile(r"(?:over|for)\s+(?:a\s+)?[\w-]+\s+(?:years?|months?|weeks?)", re.IGNORECASE)


# The time of a running count: "850 cases since the start of the year" and "more than 1,200 since
# mid-January" are both counts up to the report, however their start is put.
RUNNING = "since"


def _time_of(number: Number) -> str | None:
    if number.counts == "percent" and number.scope and _TERM.fullmatch(number.scope):
        return None
    if number.scope and number.scope.startswith(f"{RUNNING} "):
        return RUNNING
    return number.scope


def _gives_unnamed(numbers: Sequence[Number], count: Number) -> bool:
    return any(n.counts is None and _close(n, count) for n in numbers)


def _close(a: Number, b: Number) -> bool:
    if a.counts == b.counts == "percent" and a.bound == b.bound == "=":
        return abs(a.value - b.value) < PERCENT_POINTS
    if a.counts == b.counts and a.counts is not None and a.counts.endswith("magnitude"):
        return abs(a.value - b.value) < MAGNITUDE_STEP  # 6.8 and 7.1 are two readings of one quake
    if _EXACT.issuperset((a.bound, b.bound)) and _unrounded(a) and _unrounded(b):
        # "a crew of 24" and "a crew of 23", "at least 79 drowned" and "78 bodies": neither rounds the other
        return a.value == b.value
    return abs(a.value - b.value) <= NUMBER_TOLERANCE * max(abs(a.value), abs(b.value))


# Bounds that leave a count as written: "about 400" may be 430, "at least 79" is not 78.
_EXACT = frozenset({"=", ">=", "<="})


def _unrounded(number: Number) -> bool:
    """A whole count that no one writes for a rounder one: 23, 1,457; not 20, 1,500 or 2.5 million."""
    return float(number.value).is_integer() and number.value % 10 != 0


def _compatible(a: Number, b: Number) -> bool:
    if "between" in (a.bound, b.bound):
        return _overlap(a, b)
    if _beyond_bound(a, b) or _beyond_bound(b, a):
        return False
    if _close(a, b):
        return True
    for low, high in ((a, b), (b, a)):
        if low.bound == ">=" and high.value >= low.value:
            return True
        if low.bound == "<=" and high.value <= low.value:
            return True
    return False


def _beyond_bound(bound: Number, other: Number) -> bool:
    """A count on the far side of a bound that is not itself a bound the same way: "more than 600
    injured" and "580 had been injured" cannot both be true, round as 600 is; "about 580" may be
    rounded and is left to `_close`."""
    if bound.bound == ">=" and other.bound in ("=", "<="):
        return other.value < bound.value
    if bound.bound == "<=" and other.bound in ("=", ">="):
        return other.value > bound.value
    return False


def _overlap(a: Number, b: Number) -> bool:
    """Two counts, one of them a range, that can both be true: "about 480" meets "between 500 and
    700", "about 400" does not (each end is given a tenth's room)."""
    (low_a, high_a), (low_b, high_b) = _interval(a), _interval(b)
    return low_a <= high_b * (1 + NUMBER_TOLERANCE) and low_b <= high_a * (1 + NUMBER_TOLERANCE)


def _interval(number: Number) -> tuple[float, float]:
    if number.bound == "between" and number.upper is not None:
        return number.value, number.upper
    if number.bound == ">=":
        return number.value, math.inf
    if number.bound == "<=":
        return -math.inf, number.value
    return number.value, number.value


def ranges_joined(numbers: Sequence[Number]) -> tuple[Number, ...]:
    """The least and the most of one range ("between 500 and 700 people": a count from "between" and
    the bound after it) as one count, so that it is compared whole."""
    joined: list[Number] = []
    for number in numbers:
        previous = joined[-1] if joined else None
        if (
            previous is not None and previous.bound == ">=" and previous.text.lower().startswith("between ")
            and number.bound == "<=" and previous.value < number.value
        ):  # fmt: skip
            written = previous.text if number.text in previous.text else f"{previous.text} and {number.text}"
            joined[-1] = replace(
                previous, bound="between", upper=number.value, kind=previous.kind or number.kind, text=written
            )
            continue
        joined.append(number)
    return tuple(joined)


@dataclass(frozen=True)
class AttackMeans:
    """The words that say how an attack was carried out, by class (``compare/data/attack_means.tsv``)."""

    classes: Mapping[str, str]
    pattern: re.Pattern[str]

    def found_in(self, text: str) -> frozenset[str]:
        return frozenset(self.classes[match.group(0).lower()] for match in self.pattern.finditer(text))


def load_attack_means() -> AttackMeans:
    classes = {phrase: kind for phrase, kind in data_rows("attack_means.tsv")}
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(classes, key=len, reverse=True))
    return AttackMeans(classes, re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE))


def _other_acts(left: Statement, right: Statement) -> bool:
    """Both tell how an attack was done, and never the same way: two acts, not two tellings of one."""
    return bool(left.means and right.means and not left.means & right.means)


def align_statements(
    statements: Sequence[Statement], vectors: np.ndarray, spoken: np.ndarray | None = None
) -> list[AlignedGroup]:
    """Groups of matching statements across articles, then each remaining substantive statement alone.

    A statement joins at most one group, matched to its best counterpart in each other article.
    ``spoken`` holds, row by row, the vector of the one utterance a statement reports (zeros for
    none): two statements giving one speaker match as well as what they have that speaker say."""
    count = len(statements)
    if count == 0:
        return []
    cosine = np.asarray(vectors @ vectors.T, dtype=np.float32)
    if spoken is not None:
        # Between two statements that give one speaker, what the speaker says decides; where both are
        # mostly that, it decides alone, or "Peskov said the strikes hit military infrastructure" and
        # "Peskov said the strikes were a response to attacks" match on their first five words.
        same = _same_voice(statements)
        said = same * np.asarray(spoken @ spoken.T, dtype=np.float32)
        mostly = np.array([statement.mostly_said and bool(spoken[i].any()) for i, statement in enumerate(statements)])
        only_said = (same > 0) & mostly[:, None] & mostly[None, :]
        cosine = np.where(only_said, said, np.maximum(cosine, said))
    else:
        only_said = np.zeros((count, count), dtype=bool)
    similarity = _match_scores(statements, cosine, only_said)
    articles = sorted({statement.article_id for statement in statements})
    by_article = {article: [i for i, s in enumerate(statements) if s.article_id == article] for article in articles}
    candidates: list[tuple[float, int, int]] = []
    for position, left_article in enumerate(articles):
        for right_article in articles[position + 1 :]:
            left, right = by_article[left_article], by_article[right_article]
            scores = similarity[np.ix_(left, right)]
            # Mutual best matches only: each sentence pairs with at most one in the other article.
            for row, i in enumerate(left):
                column = int(np.argmax(scores[row]))
                if scores[row, column] >= MATCH_THRESHOLD and int(np.argmax(scores[:, column])) == row:
                    pair = (statements[i], statements[right[column]])
                    if not _other_acts(*pair) and not _one_voice_two_tolls(*pair):
                        candidates.append((float(scores[row, column]), i, right[column]))
    # Strongest matches first; a group never takes two statements of one article, so a chain of
    # loose matches across many outlets cannot drift into one sprawling group.
    parent = list(range(count))
    outlets_of = {i: {statements[i].article_id} for i in range(count)}
    members_of = {i: [i] for i in range(count)}
    best_link: dict[int, float] = {}

    def find(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    links: list[tuple[int, int]] = []
    for score, i, j in sorted(candidates, reverse=True):
        root_i, root_j = find(i), find(j)
        if root_i == root_j or outlets_of[root_i] & outlets_of[root_j]:
            continue
        if similarity[np.ix_(members_of[root_i], members_of[root_j])].mean() < GROUP_COHESION:
            continue
        parent[root_j] = root_i
        outlets_of[root_i] |= outlets_of.pop(root_j)
        members_of[root_i] += members_of.pop(root_j)
        best_link[i] = max(best_link.get(i, 0.0), score)
        best_link[j] = max(best_link.get(j, 0.0), score)
        links.append((i, j))
    members: dict[int, list[int]] = {}
    for index in range(count):
        members.setdefault(find(index), []).append(index)
    links_of: dict[int, list[tuple[int, int]]] = {}
    for i, j in links:
        links_of.setdefault(find(i), []).append((i, j))
    groups = []
    alone: set[tuple[str, int]] = set()  # a sentence of several utterances is listed alone once
    for root, indices in members.items():
        chosen = tuple(statements[i] for i in indices)
        outlets = {statement.article_id for statement in chosen}
        if len(outlets) < 2:
            for statement in chosen:
                if statement.substantive and (statement.article_id, statement.sentence) not in alone:
                    alone.add((statement.article_id, statement.sentence))
                    groups.append(AlignedGroup("single", (statement,)))
            continue
        # Only statements matched to each other are compared: two that merely share a neighbour
        # may tell different events (Tuesday's bombing and Wednesday's).
        conflict = next(
            (found for i, j in links_of.get(root, ()) if (found := _conflict(statements[i], statements[j]))), None
        )
        score = round(max(best_link.get(i, 0.0) for i in indices), 3)
        groups.append(AlignedGroup("conflict" if conflict else "shared", chosen, conflict, score))
    order = {"conflict": 0, "shared": 1, "single": 2}
    groups.sort(key=lambda group: (order[group.label], group.statements[0].article_id, group.statements[0].start))
    return groups


def _same_voice(statements: Sequence[Statement]) -> np.ndarray:
    """1 where two statements of different articles give a speaker in common, else 0."""
    count = len(statements)
    same = np.zeros((count, count), dtype=np.float32)
    by_voice: dict[str, list[int]] = {}
    for index, statement in enumerate(statements):
        for voice in statement.voices:
            by_voice.setdefault(voice, []).append(index)
    for indices in by_voice.values():
        for i in indices:
            for j in indices:
                if statements[i].article_id != statements[j].article_id:
                    same[i, j] = 1.0
    return same


def _match_scores(
    statements: Sequence[Statement], similarity: np.ndarray, only_said: np.ndarray | None = None
) -> np.ndarray:
    """Cosine similarity with a bonus for the entities two statements share (at most two), for the
    same event type with the same actor, and for the same count of the same thing. Entities the
    story names everywhere earn nothing, nor do any where two statements are compared by what one
    speaker says (``only_said``): the speaker and their title are in both by construction."""
    count = len(statements)
    sentences = {(statement.article_id, statement.sentence): statement.entities for statement in statements}
    naming: dict[str, int] = {}
    for entities in sentences.values():  # a sentence of several utterances counts once
        for entity in entities:
            naming[entity] = naming.get(entity, 0) + 1
    common = {entity for entity, named in naming.items() if named > COMMON_ENTITY_SHARE * len(sentences)}
    telling = [statement.entities - common for statement in statements]
    only_tolls = voices_only_tolls(statements)
    ledes = lede_statements(statements)
    placed = [_placed(ledes, statement) for statement in statements]
    scores = similarity.copy()
    for i in range(count):
        for j in range(i + 1, count):
            shared = 0 if only_said is not None and only_said[i, j] else len(telling[i] & telling[j])
            bonus = ENTITY_BONUS * min(shared, 2)
            if statements[i].events & statements[j].events:
                bonus += EVENT_BONUS
            if _same_count(statements[i], statements[j]) or _same_slot(statements[i], statements[j]):
                bonus += NUMBER_BONUS
            scores[i, j] += bonus
            scores[j, i] += bonus
            if (
                _one_voice_one_toll(statements[i], statements[j])
                or _one_toll_told_twice(statements[i], statements[j])
                or _one_group_sized(statements[i], statements[j])
                or _one_measure_named_alike(placed[i], placed[j])
                or _one_damage_counted(statements[i], statements[j])
                or _one_voice_one_count(statements[i], statements[j])
                or _one_voice_one_toll_each(statements[i], statements[j], only_tolls)
            ):
                scores[i, j] = scores[j, i] = max(scores[i, j], MATCH_THRESHOLD)
    return scores


def _one_voice_one_toll(left: Statement, right: Statement) -> bool:
    """One speaker giving one toll, in one place on one day: "the minister said six people had died"
    and "the minister said six people lost their lives" tell one claim however else the two go on,
    and a small toll is as telling as a large one when the same person gives it."""
    if not left.voices & right.voices or not same_scene(left, right):
        return False
    return any(
        a.counts == b.counts and a.value == b.value and a.bound == b.bound and _a_days_toll(a) and _a_days_toll(b)
        and (a.day is None or b.day is None or a.day == b.day)
        for a in left.numbers
        for b in right.numbers
    )  # fmt: skip


def _one_toll_told_twice(left: Statement, right: Statement) -> bool:
    """The very toll, exact and telling, of one scene and day, whoever gives it: "killing 38 of the 67
    people on board" and "Thirty-eight people were killed and 29 survived" report one death toll, as
    "brought 212 miners to the surface" and "212 people were evacuated" one count of the rescued."""
    return same_scene(left, right) and any(
        (a.kind in _TOLL_KINDS or a.kind == "people rescued") and a.kind == b.kind and a.value == b.value and a.bound == b.bound == "="
        and a.value >= TELLING_COUNT and (a.day is None or b.day is None or a.day == b.day)
        and not (a.earlier or b.earlier or a.hypothetical or b.hypothetical)
        for a in left.numbers
        for b in right.numbers
    )  # fmt: skip


def _one_group_sized(left: Statement, right: Statement) -> bool:
    """Both give the size of one body of people of the story, in one place: "Its crew of 24, most of
    them Filipino, were safe" and "the crew of 23 were in good health" tell one thing, whoever says
    it and whether or not the two agree, as do "about 400 people on board" and "between 500 and 700
    people had been on board"."""
    return same_scene(left, right) and any(
        a.counts == b.counts
        and (a.counts in GROUP_NOUNS or a.counts == "people aboard")
        and not (a.earlier or b.earlier or a.hypothetical or b.hypothetical)
        for a in left.numbers
        for b in right.numbers
    )


def _one_voice_one_count(left: Statement, right: Statement) -> bool:
    """One speaker counting one thing named alike, in one scene: the minister's "3,500 rescue workers
    had been sent to the region" and his "more than 5,000 search and rescue personnel ... had been
    deployed" in another outlet tell one figure, agreeing or not."""
    return (
        bool(left.voices & right.voices)
        and same_scene(left, right)
        and any(
            a.counts == b.counts and a.counts is not None and bool(a.qualifiers & b.qualifiers)
            and not (a.earlier or b.earlier or a.hypothetical or b.hypothetical)
            for a in left.numbers
            for b in right.numbers
        )
    )  # fmt: skip


def voices_only_tolls(statements: Sequence[Statement]) -> frozenset[tuple[str, str, str]]:
    """(article, voice, kind) for each kind of toll a speaker gives in one statement only of an
    article, a toll of now (no "since" nor "this year")."""
    told: dict[tuple[str, str, str], set[tuple[int, int]]] = {}
    for statement in statements:
        for number in statement.numbers:
            if number.kind in _TOLL_KINDS and number.scope is None and not (number.earlier or number.hypothetical):
                for voice in statement.voices:
                    told.setdefault((statement.article_id, voice, number.kind), set()).add(
                        (statement.sentence, statement.part)
                    )
    return frozenset(key for key, where in told.items() if len(where) == 1)


def _one_voice_one_toll_each(left: Statement, right: Statement, only: frozenset[tuple[str, str, str]]) -> bool:
    """One speaker's only toll of a kind in each of two articles, in one scene: the governor's "two
    people had been injured" in one outlet and his "One person was injured" in another tell one
    figure, agreeing or not. A speaker who gives several tolls of a kind in an article (a monitor
    counting each town's dead) is left to the words around them (`voices_only_tolls`)."""
    return same_scene(left, right) and any(
        a.kind == b.kind and (left.article_id, voice, a.kind) in only and (right.article_id, voice, b.kind) in only
        for voice in left.voices & right.voices
        if not voice.startswith("unnamed:")  # "a monitoring group" in one, "another group" in the other
        for a in left.numbers
        for b in right.numbers
    )


def _one_damage_counted(left: Statement, right: Statement) -> bool:
    """Both count one kind of building destroyed (or damaged) in one scene: "So far 52 buildings had
    collapsed" and "At least 85 buildings collapsed in Van" tell one thing, agreeing or not."""
    return same_scene(left, right) and any(
        a.counts == b.counts
        and a.counts is not None
        and a.counts.endswith((" destroyed", " damaged"))
        and not (a.earlier or b.earlier or a.hypothetical or b.hypothetical)
        for a in left.numbers
        for b in right.numbers
    )


def _one_measure_named_alike(left: Statement, right: Statement) -> bool:
    """Shares named in the same two words in one place: "an interest rate of 3.4 percent" and "a
    preferential interest rate of 2 percent" give one measure, agreeing or not; so do two magnitudes
    of a quake in one place ("a magnitude 6.8 earthquake shook Van province", "a magnitude 7.1
    earthquake struck ... near the city of Van"), an aftershock's apart, and two depths of its focus.
    (``left`` and ``right`` carry their lede's places when they name none, `_placed`.)"""
    return same_scene(left, right) and any(
        (
            (a.counts == b.counts == "percent" and len(a.qualifiers & b.qualifiers) >= 2)
            or (a.counts == b.counts and a.counts in {"magnitude", "depth"} and share_a_place(left, right))
        )
        and not (a.earlier or b.earlier)
        for a in left.numbers
        for b in right.numbers
    )


def _one_voice_two_tolls(left: Statement, right: Statement) -> bool:
    """One speaker giving two tolls of one kind that do not agree ("56 civilians were killed ... as they
    fled a village near Manbij" and "at least 15 people were killed"), neither the figure the other was
    raised from: two counts, of two attacks or two moments, not one statement told twice. (Between
    two speakers that is a dispute, which `_conflict` finds.)"""
    if not left.voices & right.voices:
        return False
    mine = [n for n in left.numbers if _a_days_toll(n) and not n.earlier]
    theirs = [n for n in right.numbers if _a_days_toll(n) and not n.earlier]
    earlier = _earlier_figures(*left.numbers, *right.numbers)
    same_kind = [(a, b) for a in mine for b in theirs if a.counts == b.counts]
    return bool(same_kind) and not any(
        _compatible(a, b) or (a.counts, a.value) in earlier or (b.counts, b.value) in earlier for a, b in same_kind
    )


def _earlier_figures(*numbers: Number) -> set[tuple[str | None, float]]:
    """What the figures some count was raised or lowered from count, and their values ("up from 19")."""
    return {(n.counts, n.value) for n in numbers if n.earlier}


def _a_days_toll(number: Number) -> bool:
    """A toll of one night or one named day: "23 people had been killed in Thursday's protests", and
    the earlier figure it was raised from ("up from 19"), which is the same speaker's toll before."""
    return _is_toll(number, weekday=True) or (
        number.kind in _TOLL_KINDS and number.value >= 2 and number.day is not None and not number.hypothetical
    )


def _same_count(left: Statement, right: Statement) -> bool:
    """The same telling count of the same thing, or, in one place on one day, two tolls of the same
    kind that agree because one is a bound ("at least 72 people were killed", "killing at least 75")."""
    agreeing = _agreeing_toll if same_scene(left, right) else _equal
    return any(
        a.counts is not None and a.counts == b.counts and min(a.value, b.value) >= TELLING_COUNT and agreeing(a, b)
        for a in left.numbers
        for b in right.numbers
    )


def _same_slot(left: Statement, right: Statement) -> bool:
    """Shares of one thing that the words around them name alike, whatever their values: "Turnout
    reached 52 percent" and "Turnout was 49.8%" give one measure, agreeing or not. (Counts of people
    are left to their values: "three suicide bombers" and "two suicide bombers" are as often two
    moments of an attack as two tellings of one.)"""
    return any(
        a.counts == b.counts == "percent" and a.qualifiers & b.qualifiers and not (a.earlier or b.earlier)
        for a in left.numbers
        for b in right.numbers
    )


def _equal(a: Number, b: Number) -> bool:
    return a.value == b.value


def _agreeing_toll(a: Number, b: Number) -> bool:
    """The same count, or two tolls of one kind, close to each other, that agree because one is a bound."""
    if a.value == b.value:
        return True
    tolls = all(n.kind is not None and n.kind.endswith(("killed", "injured")) for n in (a, b))
    bounded = a.bound != "=" or b.bound != "="
    near = abs(a.value - b.value) <= TOLL_SPREAD * max(a.value, b.value)
    return tolls and bounded and near and _compatible(a, b)


_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
# A part of a named day is that day: "early on Wednesday", "in the early hours of Wednesday", "on
# Tuesday night".
_PART_OF_A_DAY = re.compile(
    r"(?:(?:early|late)\s+)?(?:(?:on|in the (?:early|small) hours of|early)\s+)?"
    r"(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)(?:\s+(?:morning|afternoon|evening|night))?",
    re.IGNORECASE,
)


def named_weekday(scope: str | None) -> str | None:
    """The weekday a count's time names when it is that day or a part of it, lower-cased."""
    found = _PART_OF_A_DAY.fullmatch(scope) if scope else None
    return found.group("day").lower() if found else None


def share_a_place(left: Statement, right: Statement) -> bool:
    """Both name one town or site, or one names a region the other's town lies in ("Karaganda region"
    and Shakhtinsk). Two towns of one region are two places."""
    return bool(left.places & right.places or left.regions & right.within or right.regions & left.within)


def same_scene(left: Statement, right: Statement) -> bool:
    """Nothing says the two are elsewhere or on another day: when both name towns or sites, they
    share one, and when both name a weekday, they share one. A day's tolls in a war are many and
    alike ("at least 21 civilians" in Idlib, "25 civilians" in Raqqa)."""
    if left.places and right.places and not share_a_place(left, right):
        return False
    days = [{day.lower() for day in _WEEKDAY.findall(s.text)} for s in (left, right)]
    return not (days[0] and days[1] and not days[0] & days[1])


def _conflict(left: Statement, right: Statement) -> str | None:
    """How two matched statements from different outlets contradict each other, if they do."""
    if one_outlet(left.outlet, right.outlet):
        return None
    numbers = _numbers_conflict(left.numbers, right.numbers)
    if numbers:
        return f"numbers differ {numbers}"  # "numbers differ (magnitude): 6.8 vs 7.1"
    denied = _denied(left, right) | _denied(right, left)
    if denied:
        return f"one denies what the other reports ({', '.join(sorted(denied))})"
    if len(left.dates) == 1 and len(right.dates) == 1 and left.dates != right.dates:
        return f"dates differ: {next(iter(left.dates))} vs {next(iter(right.dates))}"
    return None


def _denied(negating: Statement, asserting: Statement) -> set[str]:
    """Event types one statement only negates and the other only asserts, between the same two
    actors: "Malaysia has not accused North Korea" against "Malaysia accuses Pyongyang". With one
    actor or none in common the two may be about different acts."""
    types = (negating.negated_types - negating.asserted_types) & (asserting.asserted_types - asserting.negated_types)
    shared = negating.events & asserting.events
    return {kind for kind in types if sum(event.split(" ", 1)[0] == kind for event in shared) >= 2}


def one_outlet(left: str | None, right: str | None) -> bool:
    """Two articles of one named outlet: a later report updating an earlier one, not a dispute."""
    return left is not None and left == right


def places_in_article(statements: Sequence[Statement]) -> dict[tuple[str, int], int]:
    """Each statement's place among its article's, by (article, sentence), counting from 0 in the order
    given (a sentence lined up as several utterances counts once)."""
    places: dict[tuple[str, int], int] = {}
    seen: dict[str, int] = {}
    for statement in statements:
        key = (statement.article_id, statement.sentence)
        if key not in places:
            places[key] = seen.get(statement.article_id, 0)
            seen[statement.article_id] = places[key] + 1
    return places


def lede_statements(statements: Sequence[Statement]) -> list[Statement]:
    """Each article's first ``LEDE_STATEMENTS`` statements, in the order given: where a report gives
    its own account, before it recalls others."""
    places = places_in_article(statements)
    return [s for s in statements if places[(s.article_id, s.sentence)] < LEDE_STATEMENTS]


_Tolls = dict[tuple[str, dt.date | None, str | None], dict[str, tuple[Number, Statement]]]


def toll_conflicts(
    statements: Sequence[Statement], groups: Sequence[AlignedGroup], published: Mapping[str, dt.date | None]
) -> list[AlignedGroup]:
    """Casualty tolls that outlets give for one scene on one day and that cannot both be true.

    Two ledes rarely say "eight people were injured" and "four people were injured" in words alike
    enough to be matched as one statement, yet that is the disagreement a reader wants shown. Each
    article's toll of a kind ("people injured") is the highest count of it in its first statements;
    two articles' tolls are set against each other when they come from different outlets, were
    published on the same day, name a town in common and no weekday apart (``same_scene``), do not
    tell the attack as done by different means, and were not already matched to each other. Nothing
    less than a shared town (or a region and a town in it, the region's toll no smaller; a toll that
    names no place has its lede's), or a lede statement of one matched to the other's toll, will do: a
    story can hold two attacks of one day, and two ledes about them read much alike. The tolls in
    dispute of that kind and day make one conflict group.
    """
    group_of = _group_positions(groups)
    # Tolls of a named day ("on Wednesday") are set only against tolls of the same named day: "on
    # Tuesday" and "on Friday" in one province are two attacks more often than one.
    tolls: _Tolls = {}
    ledes = lede_statements(statements)
    for statement in ledes:
        for number in statement.numbers:
            running = _a_running_toll(number)
            kind = number.kind if (running or _is_toll(number, weekday=True)) and not number.earlier else None
            if kind is None:
                continue
            named_day = RUNNING if running else named_weekday(number.scope)
            by_article = tolls.setdefault((kind, published.get(statement.article_id), named_day), {})
            held = by_article.get(statement.article_id)
            if held is None or number.value > held[0].value:
                by_article[statement.article_id] = (number, statement)
    found = []
    for (kind, day, _), by_article in _untimed_joined(tolls).items():
        if day is None or len(by_article) < 2:
            continue
        told = sorted(by_article.values(), key=lambda pair: (pair[0].value, pair[1].article_id))
        disputes = [
            (a, b)
            for position, (a, left) in enumerate(told)
            for b, right in told[position + 1 :]
            if not one_outlet(left.outlet, right.outlet)
            and not _compatible(a, b)
            and same_scene(left, right)
            and not _other_acts(left, right)
            and _one_place_told(ledes, group_of, (a, left), (b, right))
            and not (a.qualifiers and b.qualifiers and not a.qualifiers & b.qualifiers)
            and not _matched(groups, left, right, (a, b))
        ]
        if disputes:
            # Only the tolls in dispute: a toll of the day from another town is no party to it.
            disputed = [pair for pair in told if any(pair[0] is a or pair[0] is b for a, b in disputes)]
            values = " vs ".join(dict.fromkeys(number.text for number, _ in disputed))
            found.append(AlignedGroup("conflict", tuple(s for _, s in disputed), f"tolls differ ({kind}): {values}"))
    return found


def _untimed_joined(tolls: _Tolls) -> _Tolls:
    """Tolls that name no day join those of the one named day their kind and date have, when there is
    only one and no article gives both: "Six miners were killed" and "killing at least nine miners"
    early on Thursday. With two named days ("on Tuesday", "on Friday") an untimed toll could be
    either's, and beside an article's own toll of the day ("Sixteen civilians ... were killed on Monday"
    across a province, then "seven people" in one town) it is a part; both stay apart."""
    named: _Tolls = {key: dict(by_article) for key, by_article in tolls.items() if key[2] not in {None, RUNNING}}
    joined: _Tolls = {}
    for (kind, day, day_named), by_article in tolls.items():
        if day_named == RUNNING:
            joined[(kind, day, day_named)] = by_article
        if day_named is not None:
            continue
        days = [key for key in named if key[:2] == (kind, day)]
        if len(days) == 1 and not by_article.keys() & named[days[0]].keys():
            for article, told in by_article.items():
                named[days[0]].setdefault(article, told)
        else:
            joined[(kind, day, day_named)] = by_article
    joined.update(named)
    return joined


def detention_conflicts(
    statements: Sequence[Statement], groups: Sequence[AlignedGroup], published: Mapping[str, dt.date | None]
) -> list[AlignedGroup]:
    """How many were detained, when two outlets' reports of one day each give one such count, told
    of no other time, and the two cannot both be true: "The State Security Service said it had
    detained three men" against "Latvian media reported that two people had been detained". An
    article that gives two different counts (a raid's, then the week's) gives none; two statements
    already matched were compared there."""
    counts: dict[str, list[tuple[Number, Statement]]] = {}
    for statement in statements:
        detained = [
            number for number in statement.numbers
            if number.counts == "people detained" and number.scope is None
            and not (number.earlier or number.hypothetical)
        ]  # fmt: skip
        wholes = [number.value for number in detained if not number.qualifiers]
        for number in detained:
            # "three men, two Latvian citizens and a Belarusian": the two are some of the three.
            if not (number.qualifiers and any(number.value < whole for whole in wholes)):
                counts.setdefault(statement.article_id, []).append((number, statement))
    told = sorted(
        (items[0] for items in counts.values() if len({number.value for number, _ in items}) == 1),
        key=lambda pair: (pair[0].value, pair[1].article_id),
    )
    disputed = {
        article
        for position, (a, left) in enumerate(told)
        for b, right in told[position + 1 :]
        if not one_outlet(left.outlet, right.outlet)
        and published.get(left.article_id) is not None
        and published.get(left.article_id) == published.get(right.article_id)
        and not _compatible(a, b)
        and same_scene(left, right)
        and not _matched(groups, left, right, (a, b))
        for article in (left.article_id, right.article_id)
    }
    chosen = [(number, statement) for number, statement in told if statement.article_id in disputed]
    if not chosen:
        return []
    values = " vs ".join(dict.fromkeys(number.text for number, _ in chosen))
    return [AlignedGroup("conflict", tuple(s for _, s in chosen), f"numbers differ (people detained): {values}")]


def _one_place_told(
    ledes: Sequence[Statement],
    group_of: Mapping[tuple[str, int], int],
    first: tuple[Number, Statement],
    second: tuple[Number, Statement],
) -> bool:
    """Two tolls told of one place: named alike (the lede's place for a toll that names none), or
    their ledes matched, and neither the toll of a region that holds the other's town."""
    (a, left), (b, right) = first, second
    placed_left, placed_right = _placed(ledes, left), _placed(ledes, right)
    if not (share_a_place(placed_left, placed_right) or _told_alike(group_of, ledes, left, right)):
        return False
    return not _a_part_of_the_wider_toll(placed_left, placed_right, a, b)


def _a_part_of_the_wider_toll(left: Statement, right: Statement, a: Number, b: Number) -> bool:
    """One toll is of a region and the other of a town in it, and the region's is no smaller: "16
    civilians were killed on Monday in heavy bombardment ... Idlib" holds "air strikes which killed
    seven people" in Khan Sheikhun. A region's toll below a town's in it ("Six miners were killed" in
    Karaganda region, "at least nine" in Shakhtinsk) is a dispute."""
    if left.places & right.places:
        return False
    if left.regions & right.within:
        return a.value >= b.value
    if right.regions & left.within:
        return b.value >= a.value
    return False


def _placed(ledes: Sequence[Statement], statement: Statement) -> Statement:
    """The statement, or when it names no place, the statement with the places its article's lede
    names: in "A government commission ... to investigate an accident at the Tentek mine in Karaganda
    region" followed by "Six miners were killed", the toll is Karaganda's."""
    if statement.places or statement.regions or statement.within:
        return statement
    own = [lede for lede in ledes if lede.article_id == statement.article_id]
    return replace(
        statement,
        places=frozenset().union(*(lede.places for lede in own)),
        regions=frozenset().union(*(lede.regions for lede in own)),
        within=frozenset().union(*(lede.within for lede in own)),
    )


def _told_alike(
    group_of: Mapping[tuple[str, int], int], ledes: Sequence[Statement], left: Statement, right: Statement
) -> bool:
    """One toll's statement is matched to a first statement of the other's article: the two ledes tell
    one scene, named or not ("rescued 104 people and recovered 78 bodies ... southwest of Pylos" and
    "104 people had been rescued", a sea with no town)."""
    for toll, other in ((left, right), (right, left)):
        group = group_of.get((toll.article_id, toll.sentence))
        if group is not None and any(
            group_of.get((lede.article_id, lede.sentence)) == group
            for lede in ledes
            if lede.article_id == other.article_id
        ):
            return True
    return False


def _group_positions(groups: Sequence[AlignedGroup]) -> dict[tuple[str, int], int]:
    """Which group across articles each statement is in, by (article, sentence)."""
    return {
        (statement.article_id, statement.sentence): position
        for position, group in enumerate(groups)
        if group.label != "single"
        for statement in group.statements
    }


def _matched(groups: Sequence[AlignedGroup], left: Statement, right: Statement, counts: tuple[Number, Number]) -> bool:
    """Whether the two counts were already compared: a group holds statements of both sentences that
    give them. Their sentences alone are not enough: in "A magnitude 6.8 earthquake shook Van province
    ..., the authority said, adding that 39 people had lost their lives" the quake's clause may be
    matched to the other report's lede while the toll's clause is not."""

    def gives(group: AlignedGroup, statement: Statement, count: Number) -> bool:
        return any(
            (held.article_id, held.sentence) == (statement.article_id, statement.sentence) and count in held.numbers
            for held in group.statements
        )

    return any(
        group.label != "single" and gives(group, left, counts[0]) and gives(group, right, counts[1]) for group in groups
    )


# What a running toll may count: an outbreak's cases as well as its dead. "killed at least 34 people ...
# since mid-January" is set against another outlet's running toll of that day, not a day's toll.
_RUNNING_KINDS = _TOLL_KINDS | {"people infected"}


def _a_running_toll(number: Number) -> bool:
    """A count of people killed, hurt, missing or infected from some start up to the report: "850
    cases since the start of the year" (`_time_of`)."""
    return (
        number.kind in _RUNNING_KINDS and number.value >= 2 and _time_of(number) == RUNNING and not number.hypothetical
    )


def _is_toll(number: Number, *, weekday: bool = False) -> bool:
    """A count of people killed or hurt, now; one alone is too often "one of them". With ``weekday``,
    a count of a named day ("killed 30 people on Wednesday") is one too."""
    return (
        number.kind in _TOLL_KINDS
        and number.value >= 2
        and (
            number.scope is None
            or _ONE_NIGHT.fullmatch(number.scope) is not None
            or (weekday and named_weekday(number.scope) is not None)
        )
        and not number.hypothetical
    )


# A count's time that is the attack's own night ("after a night of strikes that killed 12"), not a period
# over which tolls add up ("since August", "this year"). A weekday is the attack's day only for a toll
# set against another of the same weekday (`toll_conflicts`).
_ONE_NIGHT = re.compile(
    r"(?:(?:during|in|at|by|over)\s+)?(?:a|the|that|last)?\s*(?:night|overnight|tonight)", re.IGNORECASE
)
