"""Score temporal expressions on TimeML gold (TBAQ), TempEval-3 style.

Extraction: strict (same offsets) and relaxed (overlapping) precision, recall and F1.
Value F1: a prediction counts when it overlaps a gold expression and has the same TIMEX3
value; precision over all predictions, recall over all gold expressions.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from rashomon.eval.timeml import TimeMLDocument
from rashomon.model import TimeExpression

Tagger = Callable[[TimeMLDocument], tuple[TimeExpression, ...]]


_WEEK = re.compile(r"-W0(\d)")


def same_value(predicted: str | None, gold: str) -> bool:
    """TIMEX3 values equal, counting 2000-W07 and 2000-W7 as the same week."""
    if predicted is None:
        return False
    return _WEEK.sub(r"-W\1", predicted) == _WEEK.sub(r"-W\1", gold)


def _f1(hits: int, predicted: int, gold: int) -> dict[str, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def score_timeml(documents: Iterable[TimeMLDocument], tag: Tagger) -> dict[str, object]:
    counts: Counter[str] = Counter()
    value_misses: Counter[str] = Counter()
    for document in documents:
        predicted = tag(document)
        counts["gold"] += len(document.timexes)
        counts["predicted"] += len(predicted)
        used: set[int] = set()
        for gold in document.timexes:
            match = next(
                (i for i, p in enumerate(predicted) if i not in used and p.start < gold.end and gold.start < p.end),
                None,
            )
            if match is None:
                continue
            used.add(match)
            found = predicted[match]
            counts["relaxed"] += 1
            counts["strict"] += found.start == gold.start and found.end == gold.end
            counts["type"] += found.type == gold.type
            if same_value(found.value, gold.value):
                counts["value"] += 1
            else:
                value_misses[f"{gold.type}"] += 1
        counts["documents"] += 1
    return {
        "documents": counts["documents"],
        "gold": counts["gold"],
        "predicted": counts["predicted"],
        "strict": _f1(counts["strict"], counts["predicted"], counts["gold"]),
        "relaxed": _f1(counts["relaxed"], counts["predicted"], counts["gold"]),
        "value": _f1(counts["value"], counts["predicted"], counts["gold"]),
        "type_accuracy": round(counts["type"] / counts["relaxed"], 4) if counts["relaxed"] else 0.0,
        "value_misses_by_gold_type": dict(value_misses),
    }
