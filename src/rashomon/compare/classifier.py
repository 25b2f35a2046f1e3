"""Sentence classifiers for framing: a logistic regression over the sentence embedding and a few
surface cues. Trained by ``scripts/train_framing.py``; the weights ship as project data."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from rashomon.compare.lexicon import LoadedLexicon

_FIRST_PERSON = re.compile(r"\b(?:I|we|our|us|my|me)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:should|must|ought|need to|needs to|have to|has to)\b", re.IGNORECASE)
_INTENSIFIER = re.compile(
    r"\b(?:very|truly|clearly|obviously|simply|utterly|extremely|absolutely|really|only)\b", re.IGNORECASE
)
_QUOTE = re.compile(r"[\"“”]")


def surface_features(text: str, lexicon: LoadedLexicon) -> list[float]:
    words = max(len(text.split()), 1)
    return [
        min(len(lexicon.find(text)), 3) / 3,
        min(len(_FIRST_PERSON.findall(text)), 3) / 3,
        min(len(_SECOND_PERSON.findall(text)), 3) / 3,
        min(len(_MODAL.findall(text)), 2) / 2,
        min(len(_INTENSIFIER.findall(text)), 3) / 3,
        float("!" in text or "?" in text),
        float(bool(_QUOTE.search(text))),
        min(words, 60) / 60,
    ]


def feature_matrix(texts: Sequence[str], vectors: np.ndarray, lexicon: LoadedLexicon) -> np.ndarray:
    surface = np.array([surface_features(text, lexicon) for text in texts], dtype=np.float32).reshape(len(texts), -1)
    return np.hstack([vectors.astype(np.float32), surface])


@dataclass(frozen=True)
class LinearClassifier:
    name: str
    positive: str
    negative: str
    weights: np.ndarray
    bias: float
    threshold: float
    trained_on: str

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-(features @ self.weights + self.bias))), dtype=np.float32)

    def labels(self, features: np.ndarray) -> list[str]:
        return [self.positive if p >= self.threshold else self.negative for p in self.probabilities(features)]

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name, "positive": self.positive, "negative": self.negative,
            "weights": [round(float(w), 6) for w in self.weights], "bias": round(self.bias, 6),
            "threshold": round(self.threshold, 4), "trained_on": self.trained_on,
        }  # fmt: skip


@dataclass(frozen=True)
class ReportedSpeech:
    """Finds sentences that report what someone said ("..., she said"; "according to officials").
    Such a sentence is the outlet reporting, not giving its own opinion, so it is never subjective."""

    pattern: re.Pattern[str]

    def marks(self, text: str) -> bool:
        return self.pattern.search(text) is not None


def load_reported_speech() -> ReportedSpeech:
    text = (resources.files("rashomon.compare") / "data" / "reporting_verbs.txt").read_text(encoding="utf-8")
    forms = sorted(
        {form for line in text.splitlines() if line and not line.startswith("#") for form in line.split()[1:]}
    )
    return ReportedSpeech(re.compile(r"\b(?:according to|" + "|".join(forms) + r")\b", re.IGNORECASE))


def subjectivity_labels(
    model: LinearClassifier, features: np.ndarray, texts: Sequence[str], speech: ReportedSpeech
) -> list[str]:
    """The classifier's labels, with every sentence that reports speech labelled objective."""
    return [
        model.negative if speech.marks(text) else label
        for text, label in zip(texts, model.labels(features), strict=True)
    ]


def load_classifier(name: str) -> LinearClassifier:
    data = json.loads((resources.files("rashomon.compare") / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return LinearClassifier(
        data["name"], data["positive"], data["negative"], np.array(data["weights"], dtype=np.float32),
        float(data["bias"]), float(data["threshold"]), data["trained_on"],
    )  # fmt: skip


def train_logistic(
    features: np.ndarray, labels: np.ndarray, *, l2: float = 1.0, iterations: int = 25
) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (features are few, rows a few thousand)."""
    rows, columns = features.shape
    design = np.hstack([features.astype(np.float64), np.ones((rows, 1))])
    theta = np.zeros(columns + 1)
    penalty = np.full(columns + 1, l2)
    penalty[-1] = 0.0
    for _ in range(iterations):
        probability = 1.0 / (1.0 + np.exp(-(design @ theta)))
        gradient = design.T @ (probability - labels) + penalty * theta
        curvature = (design * (probability * (1 - probability))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(curvature, gradient)
        theta -= step
        if np.abs(step).max() < 1e-6:
            break
    return theta[:-1].astype(np.float32), float(theta[-1])
