"""Writing rows: JSON lines, CSV and Parquet, to a file or a stream."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TextIO

from rashomon.errors import RashomonError


def _columns(rows: Sequence[dict[str, object]]) -> list[str]:
    """Every key in first-seen order: rows of one table may lack a nested object's columns."""
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    # An object that is null in some rows ("speaker": null) is its prefixed columns elsewhere.
    return [
        column for column in seen
        if not (any(other.startswith(column + "_") for other in seen) and all(row.get(column) is None for row in rows))
    ]  # fmt: skip


def write_jsonl(rows: Iterable[dict[str, object]], out: TextIO) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(rows: Iterable[dict[str, object]], out: TextIO) -> int:
    materialised = list(rows)
    writer = csv.DictWriter(out, fieldnames=_columns(materialised), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(materialised)
    return len(materialised)


def write_parquet(rows: Iterable[dict[str, object]], path: Path) -> int:
    """One Parquet file; column types are inferred from the values (nulls where a row lacks one)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is in requirements.lock
        raise RashomonError("Parquet export needs pyarrow (pip install pyarrow)") from exc
    materialised = list(rows)
    columns = _columns(materialised)
    table = pa.Table.from_pylist([{column: row.get(column) for column in columns} for row in materialised])
    pq.write_table(table, path)
    return len(materialised)
