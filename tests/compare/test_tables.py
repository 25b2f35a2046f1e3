"""The comparison's tables."""

from __future__ import annotations

from rashomon.compare.tables import data_rows


def test_rows_are_split_at_tabs_without_comments():
    rows = data_rows("genre_labels.tsv")
    assert ["opinion", "opinion"] in rows and ["news analysis", "analysis"] in rows
    assert all(len(row) == 2 and not row[0].startswith("#") for row in rows)
