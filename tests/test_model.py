"""The dataclasses passed between stages."""

from __future__ import annotations

from rashomon.model import Quote, TextSpan


def test_a_quote_s_pieces_are_its_parts_or_its_whole_span():
    whole = Quote(10, 20, "we will go", "direct", None, None, None)
    assert whole.pieces == (TextSpan(10, 20),)
    cut = Quote(10, 40, "A ... B", "direct", None, None, None, parts=(TextSpan(10, 15), TextSpan(30, 40)))
    assert cut.pieces == (TextSpan(10, 15), TextSpan(30, 40))


def test_a_quotation_in_two_pieces_gives_its_words_without_the_cue_between():
    text = "\u201cWe will stay,\u201d the mayor said. \u201cThe port is ours.\u201d"
    start, end = 1, len(text) - 1
    quote = Quote(start, end, text[start:end], "direct", None, "said", None, (TextSpan(1, 13), TextSpan(33, 50)))
    assert quote.words == "We will stay \u2026 The port is ours."
    whole = Quote(start, end, text[start:end], "direct", None, "said", None)
    assert whole.words == whole.text
