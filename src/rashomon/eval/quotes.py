"""Attribution scores on PolNeAR (brat Source / Cue / Content), dev split.

A predicted quote matches a gold attribution when their contents overlap by at least the
threshold, measured in word tokens as |shared| / max(|predicted|, |gold|) (both spans must
cover that share of each other; a quotation in pieces around its cue counts its pieces, as
the gold marks them); pairs are matched one to one, best overlap first. Content
precision, recall and F1 are reported at overlap 0.3 and 0.8. On the pairs matched at 0.3,
the speaker is right when the predicted speaker span shares a word with the gold Source (or
both are absent), and the cue when the spans share a word. Direct-quote recall is recall at
0.3 over the gold contents that are themselves in quotation marks. Articles annotated by
more than one annotator are scored against the first annotation in file-name order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rashomon.model import Quote

_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTE_MARKS = '"\u201c\u201d'


@dataclass(frozen=True)
class GoldAttribution:
    content: tuple[tuple[int, int], ...]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None


@dataclass(frozen=True)
class AttributionDocument:
    name: str
    text: str
    attributions: tuple[GoldAttribution, ...]


def _spans(field: str) -> tuple[tuple[int, int], ...]:
    offsets = field.split(" ", 1)[1]
    return tuple((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";")))


def read_polnear(folder: Path) -> list[AttributionDocument]:
    """The dev articles and their attributions (one annotator's file per article)."""
    documents = []
    chosen: dict[str, Path] = {}
    for path in sorted((folder / "attributions").glob("*.ann")):
        article = re.sub(r"_[0-9a-f]{4}$", "", path.stem)
        chosen.setdefault(article, path)
    for article, path in sorted(chosen.items()):
        text_path = folder / "text" / f"{article}.txt"
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
        relations = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 2:
                spans[parts[0]] = (parts[1].split(" ", 1)[0], _spans(parts[1]))
            elif line.startswith("E") and len(parts) >= 2:
                relations.append(dict(arg.split(":", 1) for arg in parts[1].split()))
        attributions = []
        for relation in relations:
            content = tuple(
                span for role, ref in relation.items() if role.startswith("Content") for span in spans[ref][1]
            )
            if not content:
                continue
            source = spans[relation["Source"]][1][0] if "Source" in relation else None
            cue = spans[relation["Cue"]][1][0] if "Cue" in relation else None
            attributions.append(GoldAttribution(tuple(sorted(content)), source, cue))
        documents.append(AttributionDocument(article, text, tuple(attributions)))
    return documents


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> frozenset[int]:
    """Start offsets of the word tokens inside the spans."""
    return frozenset(m.start() for start, end in spans for m in _WORD.finditer(text, start, end))


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / max(len(a), len(b))


def _is_direct(text: str, spans: tuple[tuple[int, int], ...]) -> bool:
    start, end = spans[0][0], spans[-1][1]
    before = text[max(0, start - 2) : start]
    inside = text[start:end].strip()
    return (inside[:1] in _QUOTE_MARKS or any(c in _QUOTE_MARKS for c in before)) and (
        inside[-1:] in _QUOTE_MARKS
        or any(c in _QUOTE_MARKS for c in text[end : end + 2])
        or inside[-2:-1] in _QUOTE_MARKS
    )


def _prf(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _match(predicted: list[frozenset[int]], gold: list[frozenset[int]], threshold: float) -> list[tuple[int, int]]:
    pairs = sorted(
        ((_overlap(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold) if p & g),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    matched = []
    for score, i, j in pairs:
        if score < threshold or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j))
    return matched


def score_polnear(
    documents: Iterable[AttributionDocument], extract: Callable[[str], tuple[Quote, ...]]
) -> dict[str, object]:
    totals = {"predicted": 0, "gold": 0, "hits_30": 0, "hits_80": 0, "speaker_ok": 0, "speaker_n": 0,
              "cue_ok": 0, "cue_n": 0, "direct_gold": 0, "direct_hits": 0, "documents": 0}  # fmt: skip
    for document in documents:
        text = document.text
        quotes = extract(text)
        predicted = [_tokens(text, [(p.start, p.end) for p in q.pieces]) for q in quotes]
        gold = [_tokens(text, a.content) for a in document.attributions]
        totals["documents"] += 1
        totals["predicted"] += len(predicted)
        totals["gold"] += len(gold)
        matched = _match(predicted, gold, 0.3)
        totals["hits_30"] += len(matched)
        totals["hits_80"] += len(_match(predicted, gold, 0.8))
        direct = {j for j, a in enumerate(document.attributions) if _is_direct(text, a.content)}
        totals["direct_gold"] += len(direct)
        totals["direct_hits"] += sum(1 for _, j in matched if j in direct)
        for i, j in matched:
            quote, attribution = quotes[i], document.attributions[j]
            totals["speaker_n"] += 1
            if attribution.source is None or quote.speaker is None:
                totals["speaker_ok"] += attribution.source is None and quote.speaker is None
            else:
                totals["speaker_ok"] += bool(
                    _tokens(text, [attribution.source]) & _tokens(text, [(quote.speaker.start, quote.speaker.end)])
                )
            if attribution.cue is not None:
                totals["cue_n"] += 1
                if quote.cue is not None:
                    totals["cue_ok"] += bool(
                        _tokens(text, [attribution.cue]) & _tokens(text, [(quote.cue.start, quote.cue.end)])
                    )
    return {
        "documents": totals["documents"],
        "gold": totals["gold"],
        "predicted": totals["predicted"],
        "content_overlap_0.3": _prf(totals["hits_30"], totals["predicted"], totals["gold"]),
        "content_overlap_0.8": _prf(totals["hits_80"], totals["predicted"], totals["gold"]),
        "speaker_accuracy": round(totals["speaker_ok"] / totals["speaker_n"], 4) if totals["speaker_n"] else 0.0,
        "cue_accuracy": round(totals["cue_ok"] / totals["cue_n"], 4) if totals["cue_n"] else 0.0,
        "direct_quote_recall": round(totals["direct_hits"] / totals["direct_gold"], 4)
        if totals["direct_gold"]
        else 0.0,
        "direct_gold": totals["direct_gold"],
    }
