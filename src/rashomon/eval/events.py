"""Score the event coder on the PLOVER gold records and the PETRARCH-2 validation set.

PLOVER_GSR_CAMEO.txt is labelled with PLOVER 0.5b1; its DEMAND, DISAPPROVE, FIGHT
and INVESTIGATE are mapped to today's REQUEST, ACCUSE, ASSAULT and ACCUSE. Each
record is one sentence with one event; the coder's main event for the sentence
(the trigger nearest the root of the parse) is compared with it. A country is
right when it is one of the gold actor codes (compound actors list several);
an absent gold actor wants no actor. The file writes three countries with codes of
its own beside ISO 3166 (Japan as JAP, Italy as ITL and, once, Vietnam as VTN where
its other Vietnam records say VNM); they are read as the ISO codes the coder gives.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rashomon.model import Event

LEGACY_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
GOLD_COUNTRY_SYNONYMS = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
Coder = Callable[[str], tuple[Event, ...]]


@dataclass(frozen=True)
class GoldEvent:
    id: str
    text: str
    type: str
    sources: frozenset[str]
    targets: frozenset[str]


def _codes(actors: object) -> frozenset[str]:
    # A few records carry a string ("" or a stray context word) where an actor list belongs: no actor.
    if not isinstance(actors, list):
        return frozenset()
    codes = (
        str(actor.get("code", "")).upper()[:3] for actor in actors if isinstance(actor, dict) and actor.get("code")
    )
    return frozenset(GOLD_COUNTRY_SYNONYMS.get(code, code) for code in codes)


def load_plover_gold(path: Path) -> list[GoldEvent]:
    records = json.loads(path.read_text(encoding="utf-8"))
    gold = []
    for record in records:
        if record.get("event") == "DOCUMENT" or not record.get("text"):
            continue
        event_type = LEGACY_TYPES.get(record["event"], record["event"])
        gold.append(
            GoldEvent(
                record["id"], record["text"], event_type, _codes(record.get("source")), _codes(record.get("target"))
            )
        )
    return gold


def _country_right(gold: frozenset[str], actor_country: str | None, has_actor: bool) -> bool:
    if not gold:
        return not has_actor or actor_country is None
    return actor_country is not None and actor_country in gold


def score_plover(gold: list[GoldEvent], code: Coder) -> dict[str, object]:
    from rashomon.events.coder import main_event

    totals: Counter[str] = Counter()
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    for record in gold:
        event = main_event(code(record.text))
        predicted = event.type if event else "NONE"
        source = event.source if event else None
        target = event.target if event else None
        type_ok = predicted == record.type
        source_ok = _country_right(record.sources, source.country if source else None, source is not None)
        target_ok = _country_right(record.targets, target.country if target else None, target is not None)
        exact = type_ok and source_ok and target_ok
        totals.update({"n": 1, "type": type_ok, "source": source_ok, "target": target_ok, "exact": exact})
        by_type[record.type].update({"n": 1, "type": type_ok, "exact": exact})
        confusion[(record.type, predicted)] += 1
        if not type_ok:
            misses.append({"id": record.id, "gold": record.type, "predicted": predicted})
    n = totals["n"] or 1
    return {
        "records": totals["n"],
        "type_accuracy": round(totals["type"] / n, 4),
        "source_country_accuracy": round(totals["source"] / n, 4),
        "target_country_accuracy": round(totals["target"] / n, 4),
        "exact_match": round(totals["exact"] / n, 4),
        "per_type": {
            name: {
                "n": c["n"],
                "type_accuracy": round(c["type"] / c["n"], 4),
                "exact_match": round(c["exact"] / c["n"], 4),
            }
            for name, c in sorted(by_type.items())
        },
        "confusions": {f"{g}->{p}": count for (g, p), count in confusion.most_common() if g != p},
    }


@dataclass(frozen=True)
class PetrarchSentence:
    id: str
    text: str
    codings: tuple[tuple[str, str, str], ...]


_SENTENCE = re.compile(r"<Sentence\b[^>]*\bid=\"(?P<id>[^\"]+)\"[^>]*>(?P<body>.*?)(?=<Sentence\b|</Sentences>)", re.S)
_CODING = re.compile(r"<EventCoding\b(?P<attrs>[^>]*)/?>")
_ATTRIBUTE = re.compile(r"(\w+)=\"([^\"]*)\"")
_TEXT = re.compile(r"<Text>(?P<text>.*?)</Text>", re.S)


def load_petrarch(path: Path) -> list[PetrarchSentence]:
    """Sentences with their gold codings. The file is not well-formed XML (a self-closed
    <Sentence/> is later closed again), so it is read with patterns, not an XML parser."""
    raw = path.read_text(encoding="utf-8")
    sentences = []
    for match in _SENTENCE.finditer(raw):
        body = match.group("body")
        text = _TEXT.search(body)
        codings = []
        for coding in _CODING.finditer(body):
            attributes = dict(_ATTRIBUTE.findall(coding.group("attrs")))
            if attributes.get("eventcode"):
                codings.append(
                    (attributes["eventcode"], attributes.get("sourcecode", ""), attributes.get("targetcode", ""))
                )
        if text and codings:
            sentences.append(
                PetrarchSentence(match.group("id"), re.sub(r"\s+", " ", text.group("text")).strip(), tuple(codings))
            )
    return sentences


def score_petrarch(sentences: list[PetrarchSentence], code: Coder) -> dict[str, object]:
    from rashomon.events.coder import main_event

    codings = matched = main_matched = 0
    for sentence in sentences:
        events = code(sentence.text)
        roots = {event.cameo[:2] for event in events}
        main = main_event(events)
        for eventcode, _source, _target in sentence.codings:
            codings += 1
            matched += eventcode[:2] in roots
            main_matched += main is not None and main.cameo[:2] == eventcode[:2]
    return {
        "sentences": len(sentences),
        "codings": codings,
        "root_agreement": round(matched / max(codings, 1), 4),
        "main_event_root_agreement": round(main_matched / max(codings, 1), 4),
    }
