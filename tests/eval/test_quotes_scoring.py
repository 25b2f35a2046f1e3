from rashomon.eval.quotes import read_polnear, score_polnear
from rashomon.model import Quote, Speaker, TextSpan


def _quote(text: str, content: str, speaker: str, cue: str, kind: str = "indirect") -> Quote:
    start = text.index(content)
    s = text.index(speaker)
    c = text.index(cue)
    return Quote(
        start,
        start + len(content),
        content,
        kind,
        TextSpan(c, c + len(cue)),
        cue,
        Speaker(s, s + len(speaker), speaker),
    )


def test_reads_brat_and_scores_overlap_speaker_cue_and_direct_recall(fixture_path):
    (document,) = read_polnear(fixture_path / "polnear_sample")
    assert len(document.attributions) == 2
    text = document.text
    perfect = score_polnear([document], lambda t: (
        _quote(t, "that the bridge would reopen in May", "The mayor", "said"),
        _quote(t, "We are ready", "she", "added", "direct"),
    ))  # fmt: skip
    assert perfect["content_overlap_0.8"]["f1"] == 1.0  # type: ignore[index]
    assert perfect["speaker_accuracy"] == perfect["cue_accuracy"] == perfect["direct_quote_recall"] == 1.0
    # Half the content: counts at overlap 0.3, not at 0.8; a wrong speaker is a speaker miss.
    partial = score_polnear([document], lambda t: (_quote(t, "the bridge would reopen", "she", "said"),))
    assert partial["content_overlap_0.3"]["recall"] == 0.5  # type: ignore[index]
    assert partial["content_overlap_0.8"]["recall"] == 0.0  # type: ignore[index]
    assert partial["speaker_accuracy"] == 0.0 and partial["direct_quote_recall"] == 0.0
    assert text.startswith("The mayor")
