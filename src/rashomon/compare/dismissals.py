"""What one outlet reports and another calls unfounded: a dispute no number or negated event shows.

"The opposition coalition made unfounded claims of ballot stuffing" in one report, and "the
coalition said it had recorded ballot stuffing at more than 300 polling stations" in another, are
seldom alike enough to be matched as one statement, yet they are the two sides of one dispute. A
statement that dismisses claims, allegations or reports "of" something (``unfounded``,
``baseless``, ``fabricated`` ...; or "denied reports of") names what it dismisses; a statement of
another outlet in the same story that tells that very thing, in its words, is what is dismissed.

An act can be denied as a claim is: "At no point did we attempt to tow the vessel" against
survivors' "a patrol boat tried to tow it", "there had been no drone attack on the city" against
"air defences were repelling a drone attack", "The Kremlin denied targeting civilians" against
"the strikes targeted civilians".

A denial of reports "that" something happened names a clause that others tell in words of their own
("denied reports that the disease had spread to Manica province" against "Cases have also been
confirmed in ... Manica"): it is a dispute with the statement alignment already matched it to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.compare.align import AlignedGroup, Statement, one_outlet, places_in_article
from rashomon.wording import same_word

_CLAIM_NOUNS = r"(?:claims?|allegations?|accusations?|reports?|charges?|stories|rumou?rs)"
_DISMISSAL = re.compile(
    r"\b(?:"
    rf"(?:unfounded|baseless|groundless|false|fabricated|fake|bogus|untrue|unsubstantiated)\s+{_CLAIM_NOUNS}"
    rf"|(?:denied|denies|deny|denying|dismissed|dismisses|dismissing|rejected|rejects|rejecting)\s+"
    rf"(?:the\s+|any\s+|all\s+)?{_CLAIM_NOUNS}"
    rf"|(?P<calling>call(?:s|ed|ing)?)\s+(?:the\s+|these\s+|such\s+)?{_CLAIM_NOUNS}"
    r")\s+(?:of|about)\s+(?P<what>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,4})",
    re.IGNORECASE,
)
# "calling the accusations of espionage against them absurd and unfounded": what the claims are called
# comes after what they are of.
_CALLED_UNFOUNDED = re.compile(
    r"[^.;:]{0,60}?\b(?:absurd|unfounded|baseless|groundless|false|fabricated|ridiculous|untrue|lies|a lie|nonsense)\b",
    re.IGNORECASE,
)
# What is dismissed ends where its noun phrase does: "ballot stuffing without presenting evidence".
_PHRASE_END = frozenset(
    "without with in at on by from for to against during after before since as while which that who and or but".split()
)
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# A telling that itself says the thing did not happen is no report of it.
_NEGATION_BEFORE = re.compile(r"\b(?:no|not|never|without|denied|denies|deny|rejected|unfounded|baseless)\b")
# "Wednesday's chemical weapons attack": the day is when, not what; other outlets date it otherwise.
_WHEN = re.compile(r"(?i)(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)days?(?:'?s)?|last|recent|latest")
_LEAST_LETTERS = 4  # a thing named in one word is named by a word of some length ("fraud", not "it")

# Denying an act: "denied targeting civilians", "denied attempting a tow", "did not attempt to tow",
# "at no point did we try to", "there had been no drone attack".
_TRYING = r"(?:attempt(?:ed|ing)?|tr(?:y|ied|ying))\s+(?:to\s+)?"
_ACT_DENIAL = re.compile(
    r"\b(?:"
    rf"(?:denied|denies|deny|denying)\s+(?:ever\s+)?(?:{_TRYING}(?:an?\s+)?(?P<tried>[a-z][\w'-]*)|(?P<doing>[a-z][\w'-]*ing))"
    rf"|(?:(?:did|does|do|had|has|have)\s+not|didn't|hadn't|never|at no point\s+(?:did|had)\s+\w+)\s+{_TRYING}(?P<act>[a-z][\w'-]*)"
    r"|there\s+(?:had been|has been|have been|was|were)\s+no\s+(?P<thing>(?:[a-z][\w'-]*\s+)?(?:attacks?|strikes?|"
    r"air\s*strikes?|shelling|bombing|raids?|explosions?|clash(?:es)?|fighting|assaults?|incursions?|shooting))\b"
    r")(?P<rest>(?:\s+[A-Za-z][\w'-]*){0,4})",
    re.IGNORECASE,
)
# An object that points back at what the story is about ("tow the vessel", "tow it") names nothing
# another report must repeat: "tried to tow it" is the act all the same.
_REFERRING = frozenset("the it them him her this that its their his".split())
# A denial that something happened at all, and its telling, are set against each other only in the
# first statements of their articles, where each gives its own account of the story's event: deep in a
# long piece "There were no terror attacks in the French capital this month" is about another time.
OWN_ACCOUNT = 10
# An act denied in one word ("attempt to tow it") is set against other reports only when few of the
# story's statements tell it: then they tell this act.
_RARE_ACT = 3
# Verbs too common to be the act denied.
_GENERIC_ACTS = frozenset("be do have get go make take say see use put let give come know happen".split())


def dismissed_things(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """What the sentence calls unfounded, as written and as its content words: "ballot stuffing"."""
    found = []
    for match in _DISMISSAL.finditer(text):
        if match.group("calling") and not _CALLED_UNFOUNDED.match(text, match.start("what")):
            continue  # "called the reports of shelling alarming"
        words = []
        for word in match.group("what").split():
            if word.lower() in _PHRASE_END:
                break
            words.append(word)
        content = tuple(w.lower() for w in words if w.lower() not in STOP_WORDS and not _WHEN.fullmatch(w))
        if content and (len(content) > 1 or len(content[0]) >= _LEAST_LETTERS):
            found.append((" ".join(words), content))
    return found


@dataclass(frozen=True)
class DeniedAct:
    written: str  # "tow the vessel"
    content: tuple[str, ...]  # the words that tell it: ("tow",)
    # "there had been no drone attack": denied to have happened at all, which holds for one place and
    # time only, so it is set against a telling that names something it names ("Grozny").
    happened: bool = False


def denied_acts(text: str) -> list[DeniedAct]:
    """The acts the sentence says were not done: "tow the vessel", told by ("tow",); "targeting
    civilians", told by ("targeting", "civilians")."""
    found = []
    for match in _ACT_DENIAL.finditer(text):
        head = next(match.group(name) for name in ("tried", "doing", "act", "thing") if match.group(name))
        if head.lower() in _GENERIC_ACTS | STOP_WORDS:
            continue
        rest = []
        for word in match.group("rest").split():
            if word.lower() in _PHRASE_END:
                break
            rest.append(word)
        written = " ".join([head, *rest])
        if match.group("thing"):
            content = tuple(w.lower() for w in head.split())
        elif rest and rest[0].lower() in _REFERRING:
            content = (head.lower(),)
        else:
            content = (head.lower(), *(w.lower() for w in rest if w.lower() not in STOP_WORDS))
        if len(content) > 1 or len(content[0]) >= 3:
            found.append(DeniedAct(written, content, happened=match.group("thing") is not None))
    return found


def _negated_before(text: str, start: int) -> bool:
    """A word right before ``start`` says the thing did not happen: "no ballot stuffing", "never captured"."""
    return _NEGATION_BEFORE.search(text[max(0, start - 30) : start].lower()) is not None


def tells(text: str, content: Sequence[str]) -> bool:
    """The sentence tells the thing: it holds each of its content words, together, and says nothing
    right before them that denies it ("no ballot stuffing was recorded")."""
    words = [(m.start(), m.group(0).lower()) for m in _WORD.finditer(text)]
    for position, (_, word) in enumerate(words):
        if not same_word(word, content[0], shortest=3):  # "rig" and "rigged"
            continue
        following = [w for _, w in words[position : position + len(content) + 2]]
        if all(any(same_word(term, w, shortest=3) for w in following) for term in content):
            if not _negated_before(text, words[position][0]):
                return True
    return False


# "The ministry denied reports that the disease had spread to Manica province": what is denied is a
# clause, which other reports tell in their own words ("Cases have also been confirmed in ... Manica").
# Whose claim it is may stand before the noun: "denied Moscow's claim that the village had been
# captured", "rejected Russian claims that ..."; a claim "to have" done something is one too.
_DENIED_THAT = re.compile(
    rf"\b(?:denied|denies|deny|denying|dismissed|dismisses|rejected|rejects)\s+(?:the\s+)?"
    rf"(?:(?-i:[A-Z])[\w-]*(?:'s|\u2019s)?\s+)?{_CLAIM_NOUNS}\s+(?:that|to\s+have)\s+"
    r"(?P<what>[^,.;:]{8,120})",
    re.IGNORECASE,
)
# "took control of", "gained full control over": a place changing hands in words the word list cannot hold.
_TAKING_CONTROL = re.compile(
    r"\b(?:took|taken|taking|gained|established|seized)\s+(?:full\s+)?control\b", re.IGNORECASE
)
# How far from its capture word a telling names the place taken: "liberated the settlement of Novoselivka".
_CAPTURED_PLACE_WINDOW = 60


# A statement that itself reports a denial ("The government ... denied using chemical weapons") tells
# nothing the denial disputes.
_A_DENIAL = re.compile(r"\b(?:den(?:ied|ies|y|ying|ial)|reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?)\b", re.IGNORECASE)


def denied_clause(text: str) -> str | None:
    """What a statement denies reports of, when it is a clause: "the disease had spread to Manica
    province"."""
    found = _DENIED_THAT.search(text)
    return found.group("what").strip() if found else None


def _capture_spans(text: str, capture_words: frozenset[str]) -> list[tuple[int, int]]:
    """Where the sentence tells a place changing hands, unless it says so right before ("no village
    was captured")."""
    spans = [(m.start(), m.end()) for m in _WORD.finditer(text) if m.group(0).lower() in capture_words]
    spans += [(m.start(), m.end()) for m in _TAKING_CONTROL.finditer(text)]
    return [(start, end) for start, end in spans if not _negated_before(text, start)]


def denied_capture(text: str, capture_words: frozenset[str]) -> str | None:
    """A denied claim that a place changed hands: "the village had been captured" in "denied Moscow's
    claim that the village had been captured"."""
    what = denied_clause(text)
    if what is None or not any(word.lower() in capture_words for word in _WORD.findall(what)):
        return None
    return what


def _tells_a_capture_of(
    telling: Statement,
    denial: Statement,
    named: Mapping[tuple[str, str], Sequence[tuple[int, int]]],
    capture_words: frozenset[str],
) -> bool:
    """The statement tells a place changing hands and names, close to the words that tell it, something
    the denial names: the place taken."""
    spans = [
        (start, end)
        for entity in telling.entities & denial.entities
        for start, end in named.get((telling.article_id, entity), ())
        if telling.start <= start and end <= telling.end
    ]
    for capture_start, capture_end in _capture_spans(telling.text, capture_words):
        first, last = telling.start + capture_start, telling.start + capture_end
        if any(
            start - last <= _CAPTURED_PLACE_WINDOW and first - end <= _CAPTURED_PLACE_WINDOW for start, end in spans
        ):
            return True
    return False


def capture_denials(
    statements: Sequence[Statement],
    named: Mapping[tuple[str, str], Sequence[tuple[int, int]]],
    capture_words: frozenset[str],
) -> list[AlignedGroup]:
    """A statement denying another side's claim that a place was taken ("denied Moscow's claim that
    the village had been captured"), set against each other outlet's own account of taking it
    ("Units ... have liberated the settlement of Novoselivka"): the two say "captured" and
    "liberated", and the denial names the place apart from the clause, so neither the words nor the
    alignment line them up. ``named`` holds where each article names each entity that can be taken: a
    town, a site, a body or a person, not a state or a nationality ("Russian forces captured ..." and
    "denied Russian claims that ..." name no one place)."""
    rank = places_in_article(statements)
    found = []
    for denial in statements:
        what = denied_capture(denial.text, capture_words)
        if what is None:
            continue
        tellings = []
        for article in dict.fromkeys(s.article_id for s in statements if s.article_id != denial.article_id):
            telling = next(
                (
                    s for s in statements
                    if s.article_id == article and not one_outlet(s.outlet, denial.outlet)
                    and rank[(s.article_id, s.sentence)] < OWN_ACCOUNT and not _A_DENIAL.search(s.text)
                    and _tells_a_capture_of(s, denial, named, capture_words)
                ),
                None,
            )  # fmt: skip
            if telling is not None:
                tellings.append(telling)
        if tellings:
            found.append(AlignedGroup("conflict", (*tellings, denial), f"one denies what the other reports: {what}"))
    return found


def _with_denied_clauses(groups: Sequence[AlignedGroup], dismissing: set[tuple[str, int]]) -> list[AlignedGroup]:
    """A group already matched a statement that denies reports of a clause with another outlet's that
    tells the same thing and reports no denial: the two are one dispute."""
    result = []
    for group in groups:
        if group.label == "shared":
            for statement in group.statements:
                what = denied_clause(statement.text)
                if what is None:
                    continue
                others = [
                    s for s in group.statements
                    if not one_outlet(s.outlet, statement.outlet) and (s.article_id, s.sentence) not in dismissing
                    and not _A_DENIAL.search(s.text)
                ]  # fmt: skip
                if others:
                    group = AlignedGroup("conflict", group.statements, f"one denies what the other reports: {what}",
                                         group.similarity)  # fmt: skip
                    break
        result.append(group)
    return result


def with_dismissals(statements: Sequence[Statement], groups: Sequence[AlignedGroup]) -> list[AlignedGroup]:
    """The groups, and for each statement that calls unfounded what statements of other outlets
    tell, one conflict of it and the first such statement of each other article. A group that
    already matched it with one of them is that conflict instead of a shared report."""
    result = list(groups)
    dismissing_statements = {
        (s.article_id, s.sentence): [
            *(
                (written, content, "one calls unfounded what the other reports", False)
                for written, content in dismissed_things(s.text)
            ),
            *(
                (act.written, act.content, "one denies what the other reports", act.happened)
                for act in denied_acts(s.text)
                if len(act.content) > 1 or sum(tells(other.text, act.content) for other in statements) <= _RARE_ACT
            ),  # "did not try to stop it" against any of the story's stops is too loose
        ]
        for s in statements
    }
    dismissing_sentences = {key for key, found in dismissing_statements.items() if found}
    result = _with_denied_clauses(result, dismissing_sentences)
    rank = places_in_article(statements)
    for dismissing in statements:
        for written, content, kind, happened in dismissing_statements[(dismissing.article_id, dismissing.sentence)]:
            if happened and rank[(dismissing.article_id, dismissing.sentence)] >= OWN_ACCOUNT:
                continue
            tellings = []
            for article in dict.fromkeys(s.article_id for s in statements if s.article_id != dismissing.article_id):
                telling = next(
                    (
                        s for s in statements
                        if s.article_id == article
                        and not one_outlet(s.outlet, dismissing.outlet)
                        and not dismissing_statements[(s.article_id, s.sentence)]
                        and (not happened or (
                            s.entities & dismissing.entities and rank[(s.article_id, s.sentence)] < OWN_ACCOUNT
                        ))
                        and tells(s.text, content)
                    ),
                    None,
                )  # fmt: skip
                if telling is not None:
                    tellings.append(telling)
            if not tellings:
                continue
            reason = f"{kind}: {written}"
            for position, group in enumerate(result):
                matched = [s for s in tellings if s in group.statements]
                if group.label == "shared" and dismissing in group.statements and matched:
                    result[position] = AlignedGroup("conflict", group.statements, reason, group.similarity)
                    tellings = [s for s in tellings if s not in matched]
            if tellings:
                result.insert(0, AlignedGroup("conflict", (*tellings, dismissing), reason))
    return result
