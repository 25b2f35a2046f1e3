"""A line break in a stored text ends a paragraph, and so a sentence.

Every ingest path writes one paragraph per line (hard-wrapped text is joined first,
`ingest.unwrap`). Left to itself the parser sometimes runs a sentence across the break, and a
quotation closed at the end of a paragraph then opens the next one: `crew."` / `The U.S. Navy's
Fifth Fleet said ...` became the sentence `" The U.S. Navy's Fifth Fleet said ...`, which no
layer reading quotation marks can take apart again. A component before the parser marks the
first word of each paragraph as a sentence start and the closing marks and the break before it
as belonging to the sentence they close. A line that goes on in lower case or after a title
("Mr." / "Grünberg") was broken inside its sentence, and is left to the parser.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "rashomon_paragraphs"
_BREAK = re.compile(r"\n\s*")
_CLOSING_BRACKETS = frozenset(")]")
_CONTINUING_MARKS = frozenset(",;:.)]}")
_TITLE_ABBREVIATIONS = frozenset("mr. mrs. ms. dr. prof. gen. lt. col. sen. rep. gov. st. mt.".split())


@Language.component(COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    text = doc.text  # rebuilt from every token on each read: once per document, and only breaks are visited
    for found in _BREAK.finditer(text):
        if found.end() >= len(text):
            break
        span = doc.char_span(found.end(), found.end() + 1, alignment_mode="expand")
        if span is None or span.start == 0 or span[0].idx != found.end():
            continue
        following = span[0]
        if following.is_lower or following.text in _CONTINUING_MARKS:
            continue  # ", many Dutch citizens ...": the line went on; a break inside a sentence
        before = next((t for t in reversed(doc[: following.i]) if not t.is_space), None)
        if before is None or before.lower_ in _TITLE_ABBREVIATIONS:
            continue  # "Mr." / "Grünberg": a name broken across two lines
        following.is_sent_start = True
        closing = following.i - 1
        while closing > 0 and (
            doc[closing].is_space or doc[closing].is_quote or doc[closing].text in _CLOSING_BRACKETS
        ):
            doc[closing].is_sent_start = False
            closing -= 1
    return doc
