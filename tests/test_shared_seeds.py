"""The issue's acceptance checks on the two reference articles in ../shared/seeds."""

import json

import pytest

from rashomon.cli import main
from rashomon.entities.names import name_key

NAMED_TAGS = [
    "Ahmed al-Sharaa",
    "Alexander Novak",
    "Bashar al-Assad",
    "Bedouin",
    "Damascus",
    "Druze",
    "HTS",
    "Israel",
    "Khmeimim Airbase",
    "Kremlin",
    "Middle East",
    "Moscow",
    "Russia",
    "Sergey Lavrov",
    "Syria",
    "Tartus naval facility",
    "Ukraine",
    "Vladimir Putin",
]


@pytest.fixture
def seeds(shared):
    return sorted(str(p) for p in (shared / "seeds").glob("*.txt"))


def test_analyze_second_seed(engine, seeds, capsys):
    assert main(["analyze", *seeds]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert second["published"] == "2025-10-21"
    assert second["byline"] == "Kevin Hughes"
    assert len(second["tags"]) == 23
    assert "Watch Russian Foreign Minister" not in second["text"]
    assert second["text"].rstrip().endswith("tested by its aftermath.")
    known = {name_key(form) for e in second["entities"] for form in [e["name"], *e["aliases"]]}
    matched = [tag for tag in NAMED_TAGS if name_key(tag) in known]
    assert len(matched) >= 17, sorted(set(NAMED_TAGS) - set(matched))
    assert first["published"] is None and first["entities"]


def test_ingest_seeds_resolves_entities_across_outlets(engine, seeds, tmp_path, capsys):
    db = str(tmp_path / "seeds.db")
    assert main(["--db", db, "ingest", "--quiet", *seeds]) == 0
    capsys.readouterr()
    assert main(["--db", db, "entities", "--json"]) == 0
    entities = json.loads(capsys.readouterr().out)

    def having(fragment):
        return [e for e in entities if any(fragment in form for form in [e["name"], *e["aliases"]])]

    sharaa = having("Sharaa")
    assert len(sharaa) == 1 and "Abu Mohammad al-Julani" in sharaa[0]["aliases"] and sharaa[0]["articles"] == 2
    forms = {sharaa[0]["name"], *sharaa[0]["aliases"]}
    assert {"Ahmad al-Sharaa", "Ahmed al-Sharaa"} <= forms
    base = having("meimim")
    assert len(base) == 1 and base[0]["type"] == "FAC" and base[0]["articles"] == 2
    hts = having("HTS")
    assert len(hts) == 1 and hts[0]["type"] == "ORG" and hts[0]["name"] == "Hayat Tahrir al-Sham"
    assert not [e for e in entities if e["name"] == "Tartus" and e["type"] == "ORG"]
    assert main(["--db", db, "ingest", "--quiet", *seeds]) == 0
    assert "ingested 0, unchanged 2" in capsys.readouterr().out
