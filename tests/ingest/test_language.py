from rashomon.ingest.language import dominant_script, english_share


def test_english_prose_scores_high_and_german_low(fixture_path):
    english = (fixture_path / "moscow_talks.txt").read_text(encoding="utf-8")
    german = (fixture_path / "german.txt").read_text(encoding="utf-8")
    assert english_share(english) > 0.2
    assert english_share(german) < 0.1


def test_script_names():
    assert dominant_script("Владимир Путин встретился") == "CYRILLIC"
    assert dominant_script("بشار الأسد") == "ARABIC"


def test_other_languages_are_named_and_english_tables_are_not_refused(fixture_path):
    from rashomon.ingest.language import other_language

    german = (fixture_path / "german.txt").read_text(encoding="utf-8")
    assert other_language(german)[0] == "German"
    table = (
        "Shr 34 cts vs 1.19 dlrs\nNet 807,000 vs 2,858,000\nAssets 510.2 mln vs 479.7 mln\nLoans 299.2 mln vs 327.2 mln "
        * 3
    )
    assert other_language(table) is None
