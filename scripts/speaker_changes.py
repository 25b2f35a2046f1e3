"""Record who every quote of a sample of articles is attributed to, or show how two records differ.

    python scripts/speaker_changes.py dump FILE.jsonl OUT.json [--every 9]
    python scripts/speaker_changes.py diff BEFORE.json AFTER.json [--sample 40] [--seed 0]

``dump`` annotates every n-th record of a JSONL file of articles (fields "text" and "title") with
the pipeline of the working tree and writes, for each quote, its speaker phrase, the name it
resolves to and that entity's type, with the text around it. Run it before and after a change to
the quotes layer; ``diff`` prints how many speakers changed and a seeded sample of the changes
for judging by hand. No gold names the entity behind "he" or "who" in running news text; reading
such a sample is how speaker resolution was checked (docs/EVALUATION.md, "Quotes").
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from rashomon.config import Settings
from rashomon.model import Article
from rashomon.service import Engine


def dump(source: Path, out: Path, every: int) -> None:
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [
        Article(id=f"a{n}", source_id=str(n), origin=source.name, title=row.get("title"), outlet=None, url=None,
                published=None, byline=None, tags=(), text=row["text"])
        for n, row in enumerate(rows[::every])
        if row.get("text")
    ]  # fmt: skip
    engine = Engine.load(Settings())
    found = {}
    for annotated in engine.annotate(articles, batch_size=16):
        types = {entity.id: entity.type for entity in annotated.entities}
        text = annotated.article.text
        for quote in annotated.quotes:
            speaker = quote.speaker
            if speaker is None:
                continue
            context = text[max(0, min(speaker.start, quote.start) - 200) : max(speaker.end, quote.end)]
            found[f"{annotated.article.id}|{quote.start}"] = [
                speaker.text,
                speaker.name,
                types.get(speaker.entity or ""),
                context,
            ]
    out.write_text(json.dumps(found, ensure_ascii=False), encoding="utf-8")
    print(f"{len(articles)} articles, {len(found)} attributed quotes -> {out}")


def diff(before_path: Path, after_path: Path, sample: int, seed: int) -> None:
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    changed = sorted(
        key
        for key in before.keys() & after.keys()
        if (before[key][1] or before[key][0]) != (after[key][1] or after[key][0])
    )
    print(f"{len(before.keys() & after.keys())} quotes in both, {len(changed)} speakers changed")
    for n, key in enumerate(sorted(random.Random(seed).sample(changed, min(sample, len(changed))))):
        old, new = before[key], after[key]
        print(f"{n:2d} [{new[0]}] {old[1]!r} ({old[2]}) -> {new[1]!r} ({new[2]})\n    {new[3][-300:]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump")
    dumping.add_argument("source", type=Path)
    dumping.add_argument("out", type=Path)
    dumping.add_argument("--every", type=int, default=9, help="annotate every n-th record")
    differing = commands.add_parser("diff")
    differing.add_argument("before", type=Path)
    differing.add_argument("after", type=Path)
    differing.add_argument("--sample", type=int, default=40)
    differing.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    if args.command == "dump":
        dump(args.source, args.out, args.every)
    else:
        diff(args.before, args.after, args.sample, args.seed)


if __name__ == "__main__":
    main()
