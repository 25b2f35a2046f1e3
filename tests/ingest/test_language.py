from rashomon.ingest.language import dominant_script, english_share


def test_english_prose_scores_high_and_german_low(fixture_path):
    english = (fixture_path / "moscow_talks.txt").read_text(encoding="utf-8")
    german = (fixture_path / "german.txt").read_text(encoding="utf-8")
    assert english_share(english) > 0.2
    assert english_share(german) < 0.1


def test_script_names():
    assert dominant_script("Владимир Путин встретился") == "CYRILLIC"
    assert dominant_script("بشار الأسد") == "ARABIC"
