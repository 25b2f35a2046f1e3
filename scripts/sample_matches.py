"""Print a random sample of the statement pairs that comparisons call the same, for judging by hand.

    python scripts/sample_matches.py --db STORE [--stories 60] [--pairs 30] [--seed 0]

Compares the stories of two or more outlets with the most outlets first, takes every pair of
statements from different articles that share a "reported by several" group (a group of four
holds six pairs), and prints a seeded random sample of them. There is no gold for statement
alignment; reading such a sample is how its precision was checked (docs/EVALUATION.md,
"Statement alignment").
"""

from __future__ import annotations

import argparse
import itertools
import random
from pathlib import Path

from rashomon.compare.build import FramingModels, compare_story
from rashomon.embed import SentenceEncoder
from rashomon.store.sqlite import Store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--stories", type=int, default=60, help="stories of two or more outlets, most outlets first")
    parser.add_argument("--pairs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    pairs = []
    with Store.open(args.db) as store:
        models = FramingModels.load(SentenceEncoder(threads=2))
        stories = [story for story in store.stories(min_articles=2) if story.outlet_count >= 2][: args.stories]
        for story in stories:
            for group in compare_story(store, story.id, models).groups:
                if group.label != "single":
                    pairs += [
                        (story.id, len(group.statements), a, b) for a, b in itertools.combinations(group.statements, 2)
                    ]
    print(f"{len(stories)} stories, {len(pairs)} statement pairs in groups across outlets")
    for number, (story, size, a, b) in enumerate(random.Random(args.seed).sample(pairs, min(args.pairs, len(pairs)))):
        print(f"\n{number:2d}  {story}, a group of {size}")
        print(f"  [{a.outlet} s{a.sentence}] {a.text[:200]}")
        print(f"  [{b.outlet} s{b.sentence}] {b.text[:200]}")


if __name__ == "__main__":
    main()
