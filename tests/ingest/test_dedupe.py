from rashomon.ingest.dedupe import Signature, article_id, minhash

BASE = " ".join(f"word{i}" for i in range(300))


def test_id_ignores_case_quotes_and_spacing():
    assert article_id("Putin’s  visit\nto Moscow") == article_id("putin's visit to moscow")
    assert article_id("one text") != article_id("another text")


def test_near_duplicates_share_bands_and_score_high():
    edited = BASE.replace("word150", "changed")
    first, second = minhash(BASE), minhash(edited)
    assert first.similarity(second) > 0.9
    assert set(first.bands()) & set(second.bands())


def test_unrelated_texts_score_low():
    other = " ".join(f"token{i}" for i in range(300))
    assert minhash(BASE).similarity(minhash(other)) < 0.1


def test_signature_round_trips_through_bytes():
    signature = minhash(BASE)
    assert Signature.from_bytes(signature.to_bytes()) == signature
