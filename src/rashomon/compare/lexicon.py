"""Loaded words (project data) and the patterns that find them in text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class LoadedTerm:
    term: str
    category: str  # pejorative, emotive, partisan, doubt, laudatory
    neutral: str


@dataclass(frozen=True)
class LoadedLexicon:
    terms: dict[str, LoadedTerm]
    pattern: re.Pattern[str]

    def find(self, text: str) -> list[tuple[int, int, LoadedTerm]]:
        return [
            (match.start(), match.end(), self.terms[match.group(0).lower().replace("\u2011", "-")])
            for match in self.pattern.finditer(text)
        ]


def load_loaded_lexicon() -> LoadedLexicon:
    rows = (resources.files("rashomon.compare") / "data" / "loaded_terms.tsv").read_text(encoding="utf-8")
    terms: dict[str, LoadedTerm] = {}
    for line in rows.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, category, neutral = line.split("\t")
        terms[term.lower()] = LoadedTerm(term.lower(), category, neutral)
    # Longest first, so "strategic foresight" wins over "foresight".
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return LoadedLexicon(terms, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE))
