"""FNC-1 headline/body stance with the project's sentence embeddings, and the official score.

No stance labels for training ship with the suite here, so the two thresholds (related, agree)
are chosen on a fixed fifth of the test pairs (by body id) and the scores reported on the other
four fifths; the scorer is the competition's: 0.25 for related/unrelated right, 0.75 more for
the exact stance of a related pair."""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rashomon.embed import SentenceEncoder

RELATED = ("agree", "disagree", "discuss")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_REFUTING = re.compile(
    r"\b(?:fake|hoax|false|falsely|fabricated|debunk\w*|den(?:y|ies|ied)|not true|untrue|no evidence|"
    r"rumou?rs?|refut\w*|doubt\w*|misleading|made up|satir\w*|never)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class StancePair:
    headline: str
    body_id: str
    stance: str


def read_fnc(folder: Path) -> tuple[list[StancePair], dict[str, str]]:
    with (folder / "competition_test_stances.csv").open(encoding="utf-8", newline="") as handle:
        pairs = [StancePair(r["Headline"], r["Body ID"], r["Stance"]) for r in csv.DictReader(handle)]
    with (folder / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as handle:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(handle)}
    return pairs, bodies


def tuning_pair(pair: StancePair) -> bool:
    return int(pair.body_id) % 5 == 0


def fnc_score(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """The competition score as a share of the best possible."""
    score = best = 0.0
    for truth, guess in zip(gold, predicted, strict=True):
        related_truth, related_guess = truth != "unrelated", guess != "unrelated"
        best += 1.0 if related_truth else 0.25
        if related_truth == related_guess:
            score += 0.25
            if related_truth and truth == guess:
                score += 0.75
    return score / best if best else 0.0


_HEDGING = re.compile(
    r"\b(?:reportedly|allegedly|alleged|claim\w*|rumou?r\w*|unconfirmed|unverified|may|might|could|"
    r"apparently|purportedly|supposedly|said to|appears? to|seems? to|according to|if true|not yet (?:been )?confirmed)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PairSignals:
    relatedness: float  # mean cosine of the headline with its three closest body sentences
    refuted: bool  # a refuting word in one of those sentences or in the body's lead
    hedged: bool  # those sentences report the claim at a distance ("reportedly", "claims", "may")


def pair_signals(pairs: Sequence[StancePair], bodies: dict[str, str], encoder: SentenceEncoder) -> list[PairSignals]:
    sentences: dict[str, list[str]] = {
        body_id: [s for s in _SENTENCE_END.split(" ".join(text.split())) if len(s.split()) > 3][:40] or [text[:500]]
        for body_id, text in bodies.items()
    }
    flat = [(body_id, s) for body_id, items in sentences.items() for s in items]
    vectors = encoder.encode([s for _, s in flat])
    rows: dict[str, list[int]] = {}
    for index, (body_id, _) in enumerate(flat):
        rows.setdefault(body_id, []).append(index)
    headlines = sorted({p.headline for p in pairs})
    headline_vectors = dict(zip(headlines, encoder.encode(headlines), strict=True))
    signals = []
    for pair in pairs:
        indices = rows[pair.body_id]
        cosines = vectors[indices] @ headline_vectors[pair.headline]
        top = np.argsort(-cosines)[:3]
        closest = [flat[indices[i]][1] for i in top]
        lead = flat[indices[0]][1]
        refuted = any(_REFUTING.search(s) for s in [*closest, lead]) and not _REFUTING.search(pair.headline)
        hedged = any(_HEDGING.search(s) for s in [*closest, lead])
        signals.append(PairSignals(float(cosines[top].mean()), bool(refuted), hedged))
    return signals


def predict(signal: PairSignals, related: float, agree: float, refute: bool = True) -> str:
    if signal.relatedness < related:
        return "unrelated"
    if refute and signal.refuted:
        return "disagree"
    return "agree" if signal.relatedness >= agree and not signal.hedged else "discuss"


def score_fnc(pairs: Sequence[StancePair], signals: Sequence[PairSignals]) -> dict[str, object]:
    tune = [i for i, p in enumerate(pairs) if tuning_pair(p)]
    test = [i for i, p in enumerate(pairs) if not tuning_pair(p)]

    def run(indices: list[int], related: float, agree: float, refute: bool) -> float:
        return fnc_score(
            [pairs[i].stance for i in indices], [predict(signals[i], related, agree, refute) for i in indices]
        )

    best = max(
        ((run(tune, related, agree, refute), related, agree, refute)
         for related in np.arange(0.2, 0.6, 0.02) for agree in np.arange(0.3, 1.01, 0.05) for refute in (True, False)),
    )  # fmt: skip
    _, related, agree, refute = best
    gold = [pairs[i].stance for i in test]
    guessed = [predict(signals[i], related, agree, refute) for i in test]
    split_right = sum((g == "unrelated") == (p == "unrelated") for g, p in zip(gold, guessed, strict=True))
    per_class = {}
    for label in ("unrelated", *RELATED):
        tp = sum(g == label and p == label for g, p in zip(gold, guessed, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, guessed, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, guessed, strict=True))
        precision, recall = (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)
        per_class[label] = round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
    return {
        "pairs_scored": len(test),
        "pairs_tuning": len(tune),
        "related_threshold": round(float(related), 2),
        "agree_threshold": round(float(agree), 2),
        "refuting_words_used": refute,
        "weighted_score": round(run(test, related, agree, refute), 4),
        "related_accuracy": round(split_right / len(test), 4) if test else 0.0,
        "f1_per_class": per_class,
    }
