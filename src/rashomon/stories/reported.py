"""What a story's outlets report happening: its events merged across articles by who did what to whom."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources

from rashomon.model import Actor
from rashomon.store.events import StoredEvent


@dataclass(frozen=True)
class ReportedEvent:
    """One act as the story's articles tell it: its type, its two sides and who reports it."""

    type: str
    negated: bool
    source: str | None  # the name the first telling gives, or None when no one is named
    target: str | None
    trigger: str  # the commonest wording ("congratulated")
    outlets: tuple[str, ...]
    articles: tuple[str, ...]
    tellings: tuple[StoredEvent, ...]


@dataclass(frozen=True)
class VerbFamilies:
    """Verbs that tell one act in different words ("met", "held talks"), by the key each form gives."""

    by_phrase: Mapping[str, str] = field(default_factory=dict)  # "held talks" -> "meet"
    by_stem: Mapping[str, str] = field(default_factory=dict)  # "detain" -> "arrest"

    def predicate(self, trigger: str) -> str:
        """The family of the trigger's verb, or the verb's own stem when it has none."""
        phrase = " ".join(w for w in trigger.lower().split() if w not in _NEGATIONS)
        if phrase in self.by_phrase:
            return self.by_phrase[phrase]
        stem = verb_stem(trigger)
        return self.by_stem.get(stem, stem)


def load_verb_families() -> VerbFamilies:
    """The families of `stories/data/verb_families.tsv`."""
    text = (resources.files("rashomon.stories") / "data" / "verb_families.tsv").read_text(encoding="utf-8")
    by_phrase: dict[str, str] = {}
    by_stem: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        family, members = line.split("\t")
        for member in (m.strip().lower() for m in members.split("|")):
            if " " in member:
                by_phrase[member] = family
            else:
                by_stem[verb_stem(member)] = family
                by_phrase[member] = family  # an irregular form as written ("met", "struck")
    return VerbFamilies(by_phrase, by_stem)


def reported_events(events: Iterable[StoredEvent], families: VerbFamilies) -> list[ReportedEvent]:
    """The story's events with at least one side named (not only implied), one entry per type and pair of sides.

    Two tellings are one act when they have the same type, both negate it or neither does, and name
    the same sides: the same entity, or, with no entity, the same name ("police"). With one side
    unnamed they must also use the same verb, or verbs of one of ``families`` ("met", "held talks"):
    "Trump agreed" and "Trump will sign" share a type and an actor, but one side is too little to say
    they tell one act. The acts most outlets report come first.
    """
    grouped: dict[tuple[str, bool, str | None, str | None, str | None], list[StoredEvent]] = {}
    for stored in events:
        event = stored.event
        source, target = _side(event.source), _side(event.target)
        if source is None and target is None:
            continue
        predicate = families.predicate(event.trigger_text) if source is None or target is None else None
        key = (event.type, event.negated, source, target, predicate)
        grouped.setdefault(key, []).append(stored)
    reported = []
    for tellings in grouped.values():
        first = tellings[0].event
        words = [t.event.trigger_text.lower() for t in tellings]
        reported.append(
            ReportedEvent(
                type=first.type,
                negated=first.negated,
                source=named.name if (named := _named(first.source)) else None,
                target=named.name if (named := _named(first.target)) else None,
                trigger=max(dict.fromkeys(words), key=words.count),
                outlets=tuple(dict.fromkeys(t.outlet or "(outlet unknown)" for t in tellings)),
                articles=tuple(dict.fromkeys(t.article_id for t in tellings)),
                tellings=tuple(tellings),
            )
        )
    reported.sort(key=lambda r: (-len(r.outlets), -len(r.articles)))
    return reported


def verb_stem(trigger: str) -> str:
    """A key shared by the inflections of a trigger's verb: "agreed", "agrees" and "agree" give "agr",
    "offering" and "offered" "offer". The first word that is not a negation stands for the trigger ("held
    talks"); irregular forms ("held", "hold") keep apart, which only leaves two tellings unjoined."""
    words = [w for w in trigger.lower().split() if w not in _NEGATIONS]
    word = words[0] if words else trigger.lower()
    if not word.endswith("ss"):  # "press", "discuss"
        for suffix, replacement in _INFLECTIONS:
            if word.endswith(suffix) and len(word) - len(suffix) >= 2:
                word = word[: -len(suffix)] + replacement
                break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeioulsz":  # "stopped": "stopp" -> "stop"
        word = word[:-1]
    return word.rstrip("e") or word


_NEGATIONS = frozenset({"not", "n't", "never", "no"})
# Longest first: "ies" before "es" before "s".
_INFLECTIONS = (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))


def _named(actor: Actor | None) -> Actor | None:
    """The actor the text names; one the coder only implies (the country a strike happens in) is no one."""
    return None if actor is None or actor.implied else actor


def _side(actor: Actor | None) -> str | None:
    named = _named(actor)
    if named is None:
        return None
    return named.entity or f"name:{' '.join(named.name.lower().split())}"
