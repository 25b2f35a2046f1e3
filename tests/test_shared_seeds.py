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


def _events_by(record):
    text = record["text"]

    def find(trigger_word, sentence_word=None):
        for event in record["events"]:
            sentence = text[event["sentence"]["start"] : event["sentence"]["end"]]
            if event["trigger"]["text"].startswith(trigger_word) and (
                sentence_word is None or sentence_word in sentence
            ):
                return event
        raise AssertionError(f"no event triggered by {trigger_word!r}")

    return find


def test_seed_events(engine, seeds, capsys):
    assert main(["analyze", *seeds]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    in_first, in_second = _events_by(first), _events_by(second)

    hosted = in_second("hosted")
    assert (hosted["type"], hosted["mode"]) == ("CONSULT", "visit")
    assert hosted["source"]["name"] == "Vladimir Putin" and hosted["target"]["name"] == "Ahmed al-Sharaa"
    assert hosted["date"]["text"] == "Oct. 15" and hosted["date_source"] == "sentence"

    strikes = in_first("targeted", "General Staff")
    assert strikes["type"] == "ASSAULT" and strikes["cameo"] == "195"
    assert strikes["source"]["country"] == "ISR" and strikes["date"]["text"] == "July 2025"

    denied = in_first("denied")
    assert denied["type"] == "REJECT" and denied["source"]["country"] == "RUS"
    assert in_first("raised", "extradition")["type"] == "REQUEST"

    asylum = in_second("granted")
    assert asylum["type"] == "AID" and asylum["context"] == "asylum" and asylum["source"]["country"] == "RUS"

    readiness = in_second("assist")
    assert readiness["type"] == "AGREE" and readiness["modality"] == "intended"

    talks = in_first("held", "Belousov")
    assert talks["type"] == "CONSULT" and talks["source"]["name"] == "Andrei Belousov"  # the known person's name
    assert talks["source"]["country"] == "RUS"
    assert (talks["source"]["country"], talks["target"]["country"]) == ("RUS", "SYR")

    deployed = in_first("deployed")
    assert deployed["type"] == "MOBILIZE" and deployed["source"]["country"] == "ISR"
    assert deployed["target"]["country"] == "SYR"


# Reference positions (degrees) of the places the seeds name; the issue asks for 10 km.
SEED_PLACES = {
    "Tartus": (34.889, 35.887),
    "Damascus": (33.513, 36.292),
    "Moscow": (55.756, 37.617),
    "Hmeimim": (35.401, 35.949),
    "Khmeimim Airbase": (35.401, 35.949),
    "Kremlin": (55.752, 37.617),
}


def test_seed_places_resolve_within_ten_km(engine, seeds, capsys):
    from rashomon.geo.distance import distance_km

    assert main(["analyze", *seeds]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    seen = set()
    for record in records:
        for place in record["places"]:
            if place["text"] in SEED_PLACES:
                lat, lon = SEED_PLACES[place["text"]]
                assert place["lat"] is not None, place
                assert distance_km(lat, lon, place["lat"], place["lon"]) < 10, place
                seen.add(place["text"])
    assert seen == set(SEED_PLACES)
    first, second = records
    assert first["focus"]["country"]["country"] == "SYR" and second["focus"]["city"]["name"] == "Moscow"
    hosted = _events_by(second)("hosted")
    assert hosted["place_source"] == "sentence" and hosted["place"]["name"] == "the Kremlin"


def test_seed_quotes_and_claims(engine, seeds, capsys):
    assert main(["analyze", *seeds]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())

    def quote(words):
        found = [q for q in second["quotes"] if words in q["text"]]
        assert found, words
        return found[0]

    putin = quote("Throughout these decades")
    assert (
        putin["kind"] == "direct" and putin["speaker"]["name"] == "Vladimir Putin" and putin["speaker"]["text"] == "he"
    )
    for words in ("Part of Syria’s food supply", "We are trying to redefine", "We are re-establishing relations"):
        assert quote(words)["kind"] == "direct" and quote(words)["speaker"]["name"] == "Ahmed al-Sharaa", words
    lavrov = quote("physical extermination")
    assert lavrov["kind"] == "mixed" and lavrov["speaker"]["name"] == "Sergey Lavrov"
    novak = quote("Russia was ready to provide support")
    assert novak["kind"] == "indirect" and novak["speaker"]["name"] == "Alexander Novak"
    peskov = quote("future of Russian installations")
    assert peskov["kind"] == "indirect" and peskov["speaker"]["name"] == "Dmitry Peskov"

    enoch = [c for c in second["claims"] if "Russia’s military presence in Syria – which began" in c["text"]]
    assert enoch and enoch[0]["attribution"]["kind"] == "tool"
    strikes = [q for c in first["claims"] for q in c["quantities"] if q["unit"] == "airstrikes"]
    assert strikes and (strikes[0]["value"], strikes[0]["bound"]) == (300, ">=")
    assert strikes[0]["time_scope"] == "within the first five months of the year"
    assert second["sourcing"]["listed_sources"] == [] and first["sourcing"]["listed_sources"] is None


def test_seeds_form_one_story_and_the_comparison_cites_what_each_reports(engine, seeds, tmp_path, capsys):
    db = str(tmp_path / "seeds.db")
    assert main(["--db", db, "ingest", "--quiet", *seeds]) == 0
    capsys.readouterr()
    assert main(["--db", db, "stories", "--json"]) == 0
    (story,) = json.loads(capsys.readouterr().out)
    assert story["articles"] == 2 and len(story["members"]) == 2
    assert main(["--db", db, "compare", story["id"], "--json"]) == 0
    comparison = json.loads(capsys.readouterr().out)
    first, second = (a["id"] for a in comparison["articles"])
    assert comparison["articles"][1]["outlet"] == "Dangerous.News"

    def statements(label, article):
        return [s["text"] for g in comparison["groups"] if g["label"] == label
                for s in g["statements"] if s["article"] == article]  # fmt: skip

    shared_first = " ".join(statements("shared", first))
    shared_second = " ".join(statements("shared", second))
    assert "Ahmad al-Sharaa’s visit to Moscow" in shared_first and "in the Kremlin" in shared_second
    assert "Tartus" in shared_first and "Khmeimim Airbase" in shared_second
    named_by_both = {s["name"] for s in comparison["subjects"] if len(s["mentioned_by"]) == 2}
    assert {"Kremlin", "Vladimir Putin", "Ahmed al-Sharaa"} <= named_by_both
    assert any("meimim" in name for name in named_by_both) and any("Tartus" in name for name in named_by_both)
    both_themes = {t["term"] for t in comparison["themes"] if len(t["used_by"]) == 2}
    assert {"reconstruction", "bases"} <= both_themes

    only_first = " ".join(statements("single", first))
    for fact in ("extradition", "over 300 airstrikes", "Belousov", "wheat"):
        assert fact in only_first, fact
    only_second = " ".join(statements("single", second))
    for fact in ("asylum", "Lavrov", "Hayat Tahrir al-Sham", "49-year lease", "in 2017", "Novak", "Druze"):
        assert fact in only_second, fact

    framing = {f["article"]: f for f in comparison["framing"]}
    loaded_first = {u["term"] for u in framing[first]["loaded_words"]}
    assert {"aggression", "strategic foresight", "skepticism"} <= loaded_first
    loaded_second = {u["term"] for u in framing[second]["loaded_words"]}
    assert {"dictator", "ousted", "scorched-earth"} <= loaded_second
    assert any("Enoch" in c["text"] for c in framing[second]["ai_tool_citations"])
    assert framing[second]["listed_sources"] == []
    labels = framing[second]["labels"]
    assert any("interim leader" in c["text"] for c in labels["Ahmed al-Sharaa"])
    assert any("formerly the leader" in c["text"] for c in labels["Ahmed al-Sharaa"])
    # "support for the ousted dictator", a sentence after "Bashar al-Assad's regime": the label is Assad's.
    assert [c["text"] for c in labels["Bashar al-Assad"]] == ["ousted dictator"]
    text = {a["id"]: a for a in comparison["articles"]}
    del text
    # Every statement cites its sentence: offsets into the stored article text.
    for group in comparison["groups"]:
        for s in group["statements"]:
            assert s["end"] > s["start"] and s["sentence"] >= 0
