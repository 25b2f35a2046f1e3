"""Every table exports to JSON lines, CSV and Parquet with the same columns."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from rashomon.cli import main


@pytest.fixture(scope="module")
def database(engine, tmp_path_factory):  # type: ignore[no-untyped-def]
    fixture_path = Path(__file__).resolve().parents[1] / "fixtures"
    db = tmp_path_factory.mktemp("export") / "export.db"
    assert main(["--db", str(db), "ingest", "--quiet", str(fixture_path / "kremlin_visit.txt"),
                 str(fixture_path / "moscow_talks.txt")]) == 0  # fmt: skip
    return str(db)


@pytest.mark.parametrize("table", ["articles", "entities", "events", "quotes", "claims", "places"])
def test_each_table_in_each_format(database, table, tmp_path, capsys):
    import pyarrow.parquet as pq

    capsys.readouterr()
    assert main(["--db", database, "export", "--table", table, "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records, table
    assert (
        main(["--db", database, "export", "--table", table, "--format", "csv", "--output", str(tmp_path / "t.csv")])
        == 0
    )
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(records)
    out = tmp_path / "t.parquet"
    assert main(["--db", database, "export", "--table", table, "--format", "parquet", "--output", str(out)]) == 0
    parquet = pq.read_table(out)
    assert parquet.num_rows == len(records) and parquet.column_names == list(rows[0])


def test_quotes_flatten_speakers_and_filter(database, capsys):
    capsys.readouterr()
    assert main(["--db", database, "export", "--table", "quotes", "--format", "csv", "--speaker", "Peskov"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert rows and all(row["speaker_name"] == "Dmitry Peskov" for row in rows)


def test_gdelt_is_for_events_and_parquet_needs_a_file(database, capsys):
    assert main(["--db", database, "export", "--table", "quotes", "--format", "gdelt"]) == 2
    assert "events only" in capsys.readouterr().err
    assert main(["--db", database, "export", "--table", "events", "--format", "parquet"]) == 2
    assert "--output" in capsys.readouterr().err
