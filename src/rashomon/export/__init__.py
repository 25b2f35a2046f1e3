"""Exports of stored rows to files other tools read."""

from rashomon.export.gdelt import GDELT_COLUMNS, gdelt_rows

__all__ = ["GDELT_COLUMNS", "gdelt_rows"]
