"""Scoring `ask` on the project's own question set (eval/ask/questions.jsonl)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rashomon.ask.answer import Answer


@dataclass(frozen=True)
class Question:
    question: str
    answerable: bool
    support: tuple[str, ...]
    corpus: str = "seeds+fakes"


def read_questions(path: Path) -> list[Question]:
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            questions.append(
                Question(row["question"], bool(row["answerable"]), tuple(row.get("support") or ()),
                         row.get("corpus", "seeds+fakes"))
            )  # fmt: skip
    return questions


def _normal(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u2018", "'").split()).lower()


def score_ask(questions: list[Question], answer: Callable[[str], Answer]) -> dict[str, object]:
    found = refused = answered = 0
    misses: list[str] = []
    wrongly_answered: list[str] = []
    for item in questions:
        result = answer(item.question)
        if item.answerable:
            answered += result.answered
            texts = [_normal(c.text) for c in result.citations[:3]]
            if any(_normal(s) in text for s in item.support for text in texts):
                found += 1
            else:
                misses.append(item.question)
        else:
            if result.answered:
                wrongly_answered.append(item.question)
            else:
                refused += 1
    answerable = sum(q.answerable for q in questions)
    unanswerable = len(questions) - answerable
    return {
        "questions": len(questions),
        "answerable": answerable,
        "unanswerable": unanswerable,
        "recall_at_3": round(found / answerable, 4) if answerable else 0.0,
        "refusal_accuracy": round(refused / unanswerable, 4) if unanswerable else 0.0,
        "answered_share": round(answered / answerable, 4) if answerable else 0.0,
        "missed": misses,
        "answered_but_unanswerable": wrongly_answered,
    }
