"""What one outlet reports and another calls unfounded: a dispute no number or negated event shows.

"The opposition coalition made unfounded claims of ballot stuffing" in one report, and "the
coalition said it had recorded ballot stuffing at more than 300 polling stations" in another, are
seldom alike enough to be matched as one statement, yet they are the two sides of one dispute. A
statement that dismisses claims, allegations or reports "of" something (``unfounded``,
``baseless``, ``fabricated`` ...; or "denied reports of") names what it dismisses; a statement of
another outlet in the same story that tells that very thing, in its words, is what is dismissed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from rashomon.compare.align import AlignedGroup, Statement, one_outlet
from rashomon.wording import same_word

_CLAIM_NOUNS = r"(?:claims?|allegations?|accusations?|reports?|charges?|stories|rumou?rs)"
_DISMISSAL = re.compile(
    r"\b(?:"
    rf"(?:unfounded|baseless|groundless|false|fabricated|fake|bogus|untrue|unsubstantiated)\s+{_CLAIM_NOUNS}"
    rf"|(?:denied|denies|deny|denying|dismissed|dismisses|dismissing|rejected|rejects|rejecting)\s+"
    rf"(?:the\s+|any\s+|all\s+)?{_CLAIM_NOUNS}"
    r")\s+(?:of|about)\s+(?P<what>[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,4})",
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


def dismissed_things(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """What the sentence calls unfounded, as written and as its content words: "ballot stuffing"."""
    found = []
    for match in _DISMISSAL.finditer(text):
        words = []
        for word in match.group("what").split():
            if word.lower() in _PHRASE_END:
                break
            words.append(word)
        content = tuple(w.lower() for w in words if w.lower() not in STOP_WORDS and not _WHEN.fullmatch(w))
        if content and (len(content) > 1 or len(content[0]) >= _LEAST_LETTERS):
            found.append((" ".join(words), content))
    return found


def tells(text: str, content: Sequence[str]) -> bool:
    """The sentence tells the thing: it holds each of its content words, together, and says nothing
    right before them that denies it ("no ballot stuffing was recorded")."""
    words = [(m.start(), m.group(0).lower()) for m in _WORD.finditer(text)]
    for position, (_, word) in enumerate(words):
        if not same_word(word, content[0], shortest=3):  # "rig" and "rigged"
            continue
        following = [w for _, w in words[position : position + len(content) + 2]]
        if all(any(same_word(term, w, shortest=3) for w in following) for term in content):
            before = text[max(0, words[position][0] - 30) : words[position][0]].lower()
            if not _NEGATION_BEFORE.search(before):
                return True
    return False


def with_dismissals(statements: Sequence[Statement], groups: Sequence[AlignedGroup]) -> list[AlignedGroup]:
    """The groups, and for each statement that calls unfounded what statements of other outlets
    tell, one conflict of it and the first such statement of each other article. A group that
    already matched it with one of them is that conflict instead of a shared report."""
    result = list(groups)
    dismissing_statements = {(s.article_id, s.sentence): dismissed_things(s.text) for s in statements}
    for dismissing in statements:
        for written, content in dismissing_statements[(dismissing.article_id, dismissing.sentence)]:
            tellings = []
            for article in dict.fromkeys(s.article_id for s in statements if s.article_id != dismissing.article_id):
                telling = next(
                    (
                        s for s in statements
                        if s.article_id == article
                        and not one_outlet(s.outlet, dismissing.outlet)
                        and not dismissing_statements[(s.article_id, s.sentence)]
                        and tells(s.text, content)
                    ),
                    None,
                )  # fmt: skip
                if telling is not None:
                    tellings.append(telling)
            if not tellings:
                continue
            reason = f"one calls unfounded what the other reports: {written}"
            for position, group in enumerate(result):
                matched = [s for s in tellings if s in group.statements]
                if group.label == "shared" and dismissing in group.statements and matched:
                    result[position] = AlignedGroup("conflict", group.statements, reason, group.similarity)
                    tellings = [s for s in tellings if s not in matched]
            if tellings:
                result.insert(0, AlignedGroup("conflict", (*tellings, dismissing), reason))
    return result
