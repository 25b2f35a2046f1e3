"""The scorers, on gold files written for these tests, with a stub coder."""

import json
from pathlib import Path

from rashomon.eval.events import load_petrarch, load_plover_gold, score_petrarch, score_plover
from rashomon.eval.runner import check_floors, flatten
from rashomon.model import Actor, Event, TextSpan

ROOT = Path(__file__).resolve().parents[2]


def _event(event_type, cameo, source=None, target=None):
    def actor(country):
        return Actor(0, 1, "x", None, "x", country, None) if country else None

    return Event("v1", event_type, None, None, cameo, 1, 0.0, actor(source), actor(target), False, "asserted",
                 TextSpan(0, 1), "x", TextSpan(0, 10))  # fmt: skip


def test_plover_gold_maps_legacy_labels_and_skips_documentation(fixture_path):
    gold = load_plover_gold(fixture_path / "plover_sample.json")
    assert [g.type for g in gold] == ["REQUEST", "ASSAULT", "CONSULT", "SANCTION"]
    assert gold[0].sources == {"CHL"} and gold[1].targets == frozenset()


def test_plover_gold_reads_its_own_country_codes_as_iso(fixture_path):
    (record,) = load_plover_gold(fixture_path / "plover_sample.json")[3:]
    assert (record.sources, record.targets) == ({"JPN"}, {"ITA"})


def test_plover_scoring_counts_type_and_countries(fixture_path):
    gold = load_plover_gold(fixture_path / "plover_sample.json")
    answers = {
        gold[0].text: (_event("REQUEST", "100", "CHL", "PER"),),
        gold[1].text: (_event("ASSAULT", "195", None, "TUR"),),
        gold[2].text: (),
        gold[3].text: (_event("SANCTION", "160", "JPN", "ITA"),),
    }
    scores = score_plover(gold, lambda text: answers[text])
    assert scores["type_accuracy"] == round(3 / 4, 4)
    assert scores["exact_match"] == round(2 / 4, 4)  # T-2 has a target the gold does not
    assert scores["per_type"]["CONSULT"]["type_accuracy"] == 0.0
    assert scores["confusions"] == {"CONSULT->NONE": 1}


def test_petrarch_file_is_read_despite_its_broken_xml(fixture_path):
    sentences = load_petrarch(fixture_path / "petrarch_sample.xml")
    assert [s.id for s in sentences] == ["S1", "S2"]
    assert sentences[0].text == "The envoy visited Beijing."
    assert len(sentences[1].codings) == 2
    scores = score_petrarch(
        sentences, lambda text: (_event("CONSULT", "042"),) if "visited" in text else (_event("ASSAULT", "195"),)
    )
    assert scores["root_agreement"] == round(2 / 3, 4)


def test_floors_are_checked(tmp_path):
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"events": {"plover_gsr.type_accuracy": 0.9}}))
    scores = {"suite": "events", "plover_gsr": {"type_accuracy": 0.8, "per_type": {"X": {"type_accuracy": 0.1}}}}
    assert flatten(scores) == {"plover_gsr.type_accuracy": 0.8}
    (breach,) = check_floors(scores, floors)
    assert "below the floor" in str(breach)


def test_committed_scores_meet_the_committed_floors():
    for suite in ("events", "time"):
        scores = json.loads((ROOT / "eval" / "results" / f"{suite}.json").read_text())
        assert check_floors(scores, ROOT / "eval" / "floors.json") == [], suite
