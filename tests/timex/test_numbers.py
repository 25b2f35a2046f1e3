"""Numbers written as words."""

from __future__ import annotations

import pytest

from rashomon.timex.numbers import is_number_word, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-four", 24),
        ("1,200", 1200),
        ("a dozen", 12),
        ("two dozen", 24),
        ("one hundred twelve", 112),
        ("Three hundred and ninety", 390),
        ("two thousand five hundred", 2500),
        ("one thousand and one", 1001),
        ("fifteen hundred", 1500),
        ("several", "X"),
        ("a couple of", 2),
        ("and", None),
        ("ninety days", None),
    ],
)
def test_number_words(words: str, value: int | str | None):
    assert parse_number(words) == value


def test_the_words_a_written_count_may_hold():
    assert all(is_number_word(word) for word in ("Three", "hundred", "and", "ninety", "dozen", "thousand"))
    assert not any(is_number_word(word) for word in ("million", "Russian", "servicemen"))
