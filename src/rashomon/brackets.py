"""Brackets at the end of a phrase: a name's abbreviation to keep, or an aside to leave out."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

_NAME_PARTS = {"PROPN", "NOUN", "PUNCT", "NUM", "ADJ", "CCONJ"}


def open_bracket(tokens: Sequence[Token]) -> int | None:
    """Where the bracket that the last token closes was opened in ``tokens``, if it was."""
    if not tokens or tokens[-1].text != ")":
        return None
    depth = 0
    for position in range(len(tokens) - 2, -1, -1):
        text = tokens[position].text
        if text == ")":
            depth += 1
        elif text == "(":
            if depth == 0:
                return position
            depth -= 1
    return None


def names_inside(tokens: Sequence[Token]) -> bool:
    """A bracket holding a name or an abbreviation ("(FIS)", "(D-Conn.)"), not a clause or a note."""
    return bool(tokens) and all(token.pos_ in _NAME_PARTS for token in tokens)


def without_trailing_aside(tokens: list[Token]) -> list[Token]:
    """The phrase without a closing bracket that holds an aside: "Rex Tillerson (pictured above left)"."""
    opening = open_bracket(tokens)
    if opening is not None and not names_inside(tokens[opening + 1 : -1]):
        return tokens[:opening]
    return tokens
