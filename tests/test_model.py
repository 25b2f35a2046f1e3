"""The dataclasses passed between stages."""

from __future__ import annotations

from rashomon.model import Quote, TextSpan


def test_a_quote_s_pieces_are_its_parts_or_its_whole_span():
    whole = Quote(10, 20, "we will go", "direct", None, None, None)
    assert whole.pieces == (TextSpan(10, 20),)
    cut = Quote(10, 40, "A ... B", "direct", None, None, None, parts=(TextSpan(10, 15), TextSpan(30, 40)))
    assert cut.pieces == (TextSpan(10, 15), TextSpan(30, 40))
