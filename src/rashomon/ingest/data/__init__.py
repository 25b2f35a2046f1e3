"""The data tables of this layer, and how to read one."""

from __future__ import annotations

from importlib import resources


def table_lines(name: str) -> list[str]:
    """The lines of table ``name`` that hold data: blank lines and "#" comments left out."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
