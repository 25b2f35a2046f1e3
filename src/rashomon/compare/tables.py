"""The comparison's tab-separated tables (``compare/data/*.tsv``), read one way."""

from __future__ import annotations

from importlib import resources


def data_rows(name: str) -> list[list[str]]:
    """The rows of ``compare/data/NAME``, each split at its tabs and stripped; comments and blank lines left out."""
    text = (resources.files("rashomon.compare") / "data" / name).read_text(encoding="utf-8")
    return [
        [cell.strip() for cell in line.split("\t")]
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    ]
