from rashomon.eval.time import same_value, score_timeml
from rashomon.eval.timeml import read_timeml
from rashomon.model import TimeExpression


def _t(start, end, text, kind, value):
    return TimeExpression(start, end, text, kind, value, None, None, None)


def test_timeml_reader_offsets(fixture_path):
    document = read_timeml(fixture_path / "timeml_sample.tml")
    assert str(document.creation) == "2025-10-21"
    assert [(t.text, t.value) for t in document.timexes] == [("Oct. 15", "2025-10-15"), ("three days", "P3D")]
    assert all(document.text[t.start : t.end] == t.text for t in document.timexes)


def test_strict_relaxed_and_value_scores(fixture_path):
    document = read_timeml(fixture_path / "timeml_sample.tml")
    first, second = document.timexes
    predicted = (
        _t(first.start - 3, first.end, "on Oct. 15", "DATE", "2025-10-15"),  # relaxed only, right value
        _t(second.start, second.end, "three days", "DURATION", "P2D"),  # strict, wrong value
        _t(0, 3, "The", "DATE", "X"),  # spurious
    )
    scores = score_timeml([document], lambda _: predicted)
    assert scores["relaxed"]["recall"] == 1.0 and scores["strict"]["recall"] == 0.5
    assert scores["value"]["recall"] == 0.5 and scores["value"]["precision"] == round(1 / 3, 4)


def test_week_numbers_compare_with_or_without_padding():
    assert same_value("2000-W07", "2000-W7") and not same_value("2000-W07", "2000-W8")
