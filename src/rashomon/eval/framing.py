"""Readers and scorers for the framing suites: CheckThat! 2025 subjectivity, BABE sentence bias."""

from __future__ import annotations

import ast
import csv
import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rashomon.compare.lexicon import LoadedLexicon


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    label: str
    marked_words: tuple[str, ...] = ()  # BABE: the words annotators marked as biased


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
                rows.append(LabelledSentence(text, label, parse_marked_words(row.get("biased_words") or "")))
    return rows


def parse_marked_words(cell: str) -> tuple[str, ...]:
    """BABE writes the marked words as a Python list literal: "['bizarre', 'characteristically']"."""
    try:
        words = ast.literal_eval(cell) if cell.strip() else []
    except (ValueError, SyntaxError):
        return ()
    return tuple(str(word).lower() for word in words) if isinstance(words, list) else ()


_TOKEN = re.compile(r"[\w'-]+")


def score_loaded_words(sentences: Sequence[LabelledSentence], lexicon: LoadedLexicon) -> dict[str, float]:
    """How well the loaded-word list agrees with BABE's annotators: of the terms it finds, the share
    whose words annotators marked as biased in that sentence (term precision) and the share of
    sentences with a find that are labelled biased (against that label's base rate); of the words
    annotators marked, the share the list finds (word recall; the list is short by design)."""
    finds = marked_found = 0
    with_find = biased_with_find = 0
    marked_total = marked_covered = 0
    for sentence in sentences:
        marked = set(sentence.marked_words)
        found = lexicon.find(sentence.text)
        covered: set[str] = set()
        for start, end, _term in found:
            words = {word.lower() for word in _TOKEN.findall(sentence.text[start:end])}
            finds += 1
            marked_found += bool(words & marked)
            covered |= words
        if found:
            with_find += 1
            biased_with_find += sentence.label == "Biased"
        marked_total += len(marked)
        marked_covered += len(marked & covered)
    biased = sum(sentence.label == "Biased" for sentence in sentences)
    return {
        "sentences": len(sentences),
        "terms_found": finds,
        "term_precision": round(marked_found / finds, 4) if finds else 0.0,
        "sentences_with_a_find": with_find,
        "biased_share_with_a_find": round(biased_with_find / with_find, 4) if with_find else 0.0,
        "biased_share_overall": round(biased / len(sentences), 4) if sentences else 0.0,
        "marked_word_recall": round(marked_covered / marked_total, 4) if marked_total else 0.0,
    }


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
