"""Loaded words (project data) and the patterns that find them in text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rashomon.compare.tables import data_rows


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
    terms = {
        term.lower(): LoadedTerm(term.lower(), category, neutral)
        for term, category, neutral in data_rows("loaded_terms.tsv")
    }
    # Longest first, so "strategic foresight" wins over "foresight".
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return LoadedLexicon(terms, re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE))
