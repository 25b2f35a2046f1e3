"""Train the framing sentence classifiers and write their weights into the package.

    python scripts/train_framing.py [--shared ../shared]

subjectivity: CheckThat! 2025 task 1 English train (threshold chosen on dev; dev-test never seen).
bias: BABE SG2 without its held-out fifth (see rashomon.eval.framing.babe_held_out).
Re-run only when the features or the model change; `rashomon eval framing` scores the result.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from rashomon.compare.classifier import LinearClassifier, feature_matrix, load_reported_speech, train_logistic
from rashomon.compare.lexicon import load_loaded_lexicon
from rashomon.embed import SentenceEncoder
from rashomon.eval.framing import babe_held_out, macro_f1, read_babe, read_checkthat

PACKAGE_DATA = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "compare" / "data"


def _labels(probabilities: np.ndarray, threshold: float, positive: str, negative: str, never: np.ndarray) -> list[str]:
    return [positive if p >= threshold and not no else negative for p, no in zip(probabilities, never, strict=True)]


def _best_threshold(
    probabilities: np.ndarray, gold: list[str], positive: str, negative: str, never: np.ndarray
) -> float:
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.8, 0.02):
        predicted = _labels(probabilities, float(threshold), positive, negative, never)
        best = max(best, (macro_f1(gold, predicted)["macro_f1"], float(threshold)))
    return best[1]


def _fit(
    train: np.ndarray,
    labels: np.ndarray,
    tune: np.ndarray,
    tune_gold: list[str],
    positive: str,
    negative: str,
    never: np.ndarray | None = None,
) -> tuple[float, float, float]:
    """(score on the tuning set, L2 strength, threshold), the strength and threshold chosen on the tuning set.
    ``never`` marks tuning rows that are labelled negative whatever the model says."""
    never = np.zeros(len(tune_gold), bool) if never is None else never
    best = (-1.0, 1.0, 0.5)
    for l2 in L2_GRID:
        weights, bias = train_logistic(train, labels, l2=l2)
        probabilities = 1.0 / (1.0 + np.exp(-(tune @ weights + bias)))
        threshold = _best_threshold(probabilities, tune_gold, positive, negative, never)
        predicted = _labels(probabilities, threshold, positive, negative, never)
        best = max(best, (macro_f1(tune_gold, predicted)["macro_f1"], l2, threshold))
    return best


L2_GRID = (0.3, 1.0, 4.0, 16.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default="../shared")
    args = parser.parse_args()
    shared = Path(args.shared)
    encoder = SentenceEncoder(threads=2)
    lexicon = load_loaded_lexicon()

    def features(texts: list[str]) -> np.ndarray:
        return feature_matrix(texts, encoder.encode(texts), lexicon)

    folder = shared / "eval" / "framing" / "checkthat2025-task1-subjectivity"
    train, dev = read_checkthat(folder / "train_en.tsv"), read_checkthat(folder / "dev_en.tsv")
    train_x, labels = features([s.text for s in train]), np.array([s.label == "SUBJ" for s in train], float)
    # Sentences that report speech are labelled objective whatever the model says
    # (rashomon.compare.classifier.subjectivity_labels), so the threshold is chosen on dev that way.
    speech = load_reported_speech()
    reported = np.array([speech.marks(s.text) for s in dev])
    score, l2, threshold = _fit(
        train_x, labels, features([s.text for s in dev]), [s.label for s in dev], "SUBJ", "OBJ", reported
    )
    weights, bias = train_logistic(train_x, labels, l2=l2)
    trained_on = (
        f"CheckThat! 2025 task 1 English train; L2 {l2} and threshold chosen on dev, "
        "with sentences that report speech labelled objective"
    )
    model = LinearClassifier("subjectivity", "SUBJ", "OBJ", weights, bias, threshold, trained_on)
    (PACKAGE_DATA / "subjectivity.json").write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    print(f"subjectivity: dev macro-F1 {score:.3f}, L2 {l2}, threshold {threshold:.2f}")

    babe = [s for s in read_babe(shared / "eval" / "framing" / "BABE" / "final_labels_SG2.csv") if not babe_held_out(s)]
    cut = len(babe) * 4 // 5
    fit, tune = babe[:cut], babe[cut:]
    fit_x, fit_y = features([s.text for s in fit]), np.array([s.label == "Biased" for s in fit], float)
    score, l2, threshold = _fit(
        fit_x, fit_y, features([s.text for s in tune]), [s.label for s in tune], "Biased", "Non-biased"
    )
    weights, bias = train_logistic(
        features([s.text for s in babe]), np.array([s.label == "Biased" for s in babe], float), l2=l2
    )
    trained_on = f"BABE SG2 without its held-out fifth; L2 {l2} and threshold chosen on a fifth of the rest"
    model = LinearClassifier("bias", "Biased", "Non-biased", weights, bias, threshold, trained_on)
    (PACKAGE_DATA / "bias.json").write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    print(f"bias: {len(babe)} sentences, tuning macro-F1 {score:.3f}, L2 {l2}, threshold {threshold:.2f}")


if __name__ == "__main__":
    main()
