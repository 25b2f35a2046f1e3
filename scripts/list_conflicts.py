"""List every conflict the comparisons of a store's stories claim, for reading by hand.

    python scripts/list_conflicts.py --db STORE [--stories 150] [--json conflicts.json] [--groups groups.jsonl]

Takes the stories with the most outlets first (as `rashomon stories` lists them), compares each,
and prints the conflicts by kind, then each conflict with the statements of its group. There is no
gold for conflicts between outlets; this is how their precision is checked on a corpus that was
not used to tune them (docs/EVALUATION.md, "Conflicts").
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from rashomon.compare.build import FramingModels, compare_story
from rashomon.embed import SentenceEncoder
from rashomon.store.sqlite import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--stories", type=int, default=150, help="stories of two or more outlets, most outlets first")
    parser.add_argument("--json", type=Path, help="also write the conflicts here")
    parser.add_argument(
        "--groups", type=Path, help="also write every group across outlets here, one JSON object a line (to diff runs)"
    )
    args = parser.parse_args()
    found = []
    groups: list[dict[str, object]] = []
    aligned = 0
    with Store.open(args.db) as store:
        models = FramingModels.load(SentenceEncoder(threads=2))
        stories = [story for story in store.stories(min_articles=2) if story.outlet_count >= 2][: args.stories]
        for story in stories:
            comparison = compare_story(store, story.id, models)
            for group in comparison.groups:
                aligned += group.label != "single"
                if group.label != "single":
                    groups.append({
                        "story": story.id, "label": group.label, "conflict": group.conflict,
                        "statements": [[s.article_id, s.sentence, s.outlet, s.text] for s in group.statements],
                    })  # fmt: skip
                if group.label == "conflict":
                    found.append({
                        "story": story.id,
                        "conflict": group.conflict,
                        "statements": [
                            {"article": s.article_id, "outlet": s.outlet, "sentence": s.sentence, "text": s.text}
                            for s in group.statements
                        ],
                    })  # fmt: skip
    kinds = Counter((item["conflict"] or "").split(":")[0].split(" (")[0] for item in found)
    print(f"{len(stories)} stories, {aligned} groups across outlets, {len(found)} conflicts: {dict(kinds)}")
    for item in found:
        print(f"\n{item['story']}  {item['conflict']}")
        for statement in item["statements"]:
            print(f"  [{statement['outlet']} s{statement['sentence']}] {statement['text'][:160]}")
    if args.json:
        args.json.write_text(json.dumps(found, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.groups:
        lines = [json.dumps(group, ensure_ascii=False) for group in groups]
        args.groups.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


if __name__ == "__main__":
    main()
