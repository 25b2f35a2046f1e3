"""Readers and scorers for the framing suites: CheckThat! 2025 subjectivity, BABE sentence bias."""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    label: str


def read_checkthat(path: Path) -> list[LabelledSentence]:
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row.get("sentence") and row.get("label") in {"SUBJ", "OBJ"}:
                rows.append(LabelledSentence(row["sentence"], row["label"]))
    return rows


def read_babe(path: Path) -> list[LabelledSentence]:
    rows = []
    seen = set()
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            label = row.get("label_bias")
            text = (row.get("text") or "").strip()
            if label in {"Biased", "Non-biased"} and text and text not in seen:
                seen.add(text)
                rows.append(LabelledSentence(text, label))
    return rows


def babe_held_out(sentence: LabelledSentence) -> bool:
    """The fixed fifth of BABE the shipped bias model never trains on (chosen by a hash of the text)."""
    return int(hashlib.sha1(sentence.text.encode("utf-8")).hexdigest(), 16) % 5 == 0


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    labels = sorted(set(gold))
    scores: dict[str, float] = {}
    for label in labels:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores[f"f1_{label.lower()}"] = (
            round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0
        )
    scores["macro_f1"] = round(sum(scores.values()) / len(labels), 4) if labels else 0.0
    scores["accuracy"] = (
        round(sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold), 4) if gold else 0.0
    )
    return scores
