"""Who did it, when one outlet lays an act at a country's door and another has that country deny it.

"Latvian Prime Minister Arturs Kalnins said the sabotage had been ordered by Russian military
intelligence" in one report and "Russia had nothing to do with the damage to a gas pipeline in
Latvia, Foreign Ministry spokeswoman Yelena Markova said" in another share almost no words, yet they
are the two sides of the story's dispute. A statement that lays blame ("ordered by", "carried out
by", "blamed ... for", "was behind", "on the orders of") names whom it blames; a statement of another
outlet in which that same country (or a body of it: "the GRU" is Russia's) denies any part ("had
nothing to do with", "denied involvement") is the other side. Countries are compared, not words:
"Moscow", "Russia" and "Russian military intelligence" are one side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rashomon.compare.align import AlignedGroup, Statement, one_outlet
from rashomon.entities.names import name_key
from rashomon.entities.tables import EntityTables

_NAME = r"(?:the\s+)?(?P<{group}>[A-Z][\w'\u2019-]*(?:\s+[A-Za-z][\w'\u2019-]*){{0,3}})"
_BLAME = re.compile(
    r"\b(?:"
    r"(?:ordered|carried out|orchestrated|planned|paid for|directed|masterminded|sponsored|staged|commissioned)"
    r"\s+by\s+" + _NAME.format(group="by") + r"|blam(?:e|es|ed|ing)\s+" + _NAME.format(group="blamed")
    + r"\s+for\b|on\s+the\s+orders?\s+of\s+" + _NAME.format(group="orders")
    + r"|" + _NAME.format(group="behind") + r"\s+(?:was|were|is|are)\s+(?:responsible|behind)\b"
    r")"
)  # fmt: skip
_DENIAL = re.compile(
    _NAME.format(group="who")
    + r"\s+(?:(?:had|has|have)\s+nothing\s+to\s+do\s+with|(?:denied|denies|deny|rejected|rejects)\s+(?:any\s+)?"
    r"(?:involvement|responsibility|role|part)|(?:was|is|were)\s+not\s+(?:involved|behind|responsible))\b"
)
# "Russia has denied involvement in earlier acts of sabotage": the denial of other acts is no answer
# to this one's blame.
_OTHER_ACTS = re.compile(r"\b(?:earlier|previous|past|other|similar|prior)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# "It was unclear if the strike ... was carried out by Syrian planes": a question, not a blame.
_IN_DOUBT = re.compile(r"\b(?:unclear|not clear|uncertain|whether|not known|unknown)\b", re.IGNORECASE)


def _side(phrase: str, tables: EntityTables) -> str | None:
    """The country a phrase names or belongs to: "Russian military intelligence", "Moscow", "the GRU"."""
    words = phrase.split()
    for size in range(len(words), 0, -1):
        organisation = tables.organisation_by_name.get(name_key(" ".join(words[:size])))
        if organisation is not None and tables.organisations[organisation].country:
            return tables.organisations[organisation].country
    for word in words:
        if word[:1].isupper() and (country := tables.nation_of(word, seats=True)) is not None:
            return country
    return None


def blamed(statement: Statement, tables: EntityTables) -> dict[str, str]:
    """The countries a statement blames for an act, each with the words that blame it."""
    found: dict[str, str] = {}
    for match in _BLAME.finditer(statement.text):
        before = statement.text[max(0, match.start() - 120) : match.start()]
        if _NEGATED.search(before[-20:]) or _IN_DOUBT.search(before):
            continue  # "was not ordered by Moscow", "unclear if ... was carried out by Syrian planes"
        phrase = next(group for group in match.groups() if group)
        country = _side(phrase, tables)
        if country is not None:
            found.setdefault(country, match.group(0))
    return found


def denying(statement: Statement, tables: EntityTables) -> dict[str, str]:
    """The countries a statement says deny any part in an act, each with the words of the denial."""
    found: dict[str, str] = {}
    for match in _DENIAL.finditer(statement.text):
        if _OTHER_ACTS.search(statement.text[match.end() : match.end() + 40]):
            continue
        country = _side(match.group("who"), tables)
        if country is not None:
            found.setdefault(country, match.group(0))
    return found


def responsibility_conflicts(statements: Sequence[Statement], tables: EntityTables) -> list[AlignedGroup]:
    """One conflict per country that one outlet's article blames and another outlet's has deny it:
    the first blaming statement and the first denial of each article that takes part."""
    blames: dict[str, dict[str, tuple[Statement, str]]] = {}
    denials: dict[str, dict[str, tuple[Statement, str]]] = {}
    for statement in statements:
        for table, told in ((blames, blamed(statement, tables)), (denials, denying(statement, tables))):
            for country, words in told.items():
                table.setdefault(country, {}).setdefault(statement.article_id, (statement, words))
    found = []
    for country, denied_in in denials.items():
        pairs = [
            (blame, denial)
            for blame in blames.get(country, {}).values()
            for denial in denied_in.values()
            if blame[0].article_id != denial[0].article_id and not one_outlet(blame[0].outlet, denial[0].outlet)
        ]
        if not pairs:
            continue
        chosen = tuple(dict.fromkeys([*(blame[0] for blame, _ in pairs), *(denial[0] for _, denial in pairs)]))
        (_, blame_words), (_, denial_words) = pairs[0]
        found.append(AlignedGroup("conflict", chosen, f"responsibility disputed: {blame_words} vs {denial_words}"))
    return found
