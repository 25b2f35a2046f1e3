"""Show how the quotes and events of two stores of the same input differ, row by row.

    python scripts/store_changes.py BEFORE.db AFTER.db [--context 120]

Ingest one file into two stores, one with the code before a change and one with the code after
(a `git worktree` of the old commit on PYTHONPATH runs the old code), then run this. Quotes are
matched by article and span, events by article and trigger; each one added, removed or changed is
printed with the text before it, for judging by hand. This is how the fourteenth session's quote
and event changes were counted (docs/EVALUATION.md, "Quotes" and "Events").
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Iterator

_QUOTES = "SELECT article_id, start, end, speaker_text, speaker_name, text FROM quotes"
_EVENTS = "SELECT article_id, trigger_start, trigger_text, cameo, source_text, target_text FROM events"


def _rows(db: sqlite3.Connection, query: str) -> dict[tuple[str, int], tuple[object, ...]]:
    return {(row[0], row[1]): row for row in db.execute(query)}


def _changes(
    before: sqlite3.Connection, after: sqlite3.Connection, query: str, shown: slice
) -> Iterator[tuple[str, tuple[str, int], str]]:
    old, new = _rows(before, query), _rows(after, query)
    for key in sorted(old.keys() | new.keys()):
        was, now = old.get(key), new.get(key)
        if was == now:
            continue
        mark = "+" if was is None else "-" if now is None else "~"
        line = " ==> ".join(str(row[shown]) for row in (was, now) if row is not None)
        yield mark, key, line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--context", type=int, default=120, help="characters of article text before each row")
    args = parser.parse_args()
    before, after = sqlite3.connect(args.before), sqlite3.connect(args.after)
    for label, query, shown in (("quote", _QUOTES, slice(3, 6)), ("event", _EVENTS, slice(2, 6))):
        counts = {"+": 0, "-": 0, "~": 0}
        for mark, (article_id, offset), line in _changes(before, after, query, shown):
            counts[mark] += 1
            (text,) = after.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone() or ("",)
            context = text[max(0, offset - args.context) : offset + 60].replace("\n", " ")
            print(f"{mark}{label} {line}\n    ...{context}\n")
        print(f"{label}s: {counts['+']} added, {counts['-']} removed, {counts['~']} changed\n")


if __name__ == "__main__":
    main()
