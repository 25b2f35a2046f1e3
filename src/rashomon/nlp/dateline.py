"""A leading dateline is a sentence of its own: "BEIRUT (Reuters) - Syrian troops attacked ...".

Left to itself the parser reads the town as the subject of the first clause ("MOSCOW" struck
targets in Idlib; "DAMASCUS" said government forces launched an assault), and every layer that
reads subjects (events, quotes, claims) then takes the town for the actor or the speaker. A
pipeline component that runs before the parser marks the first word after the dateline's dash
as a sentence start, which the parser keeps.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rashomon.datelines import dateline_end

COMPONENT = "rashomon_dateline"
_LONGEST_DATELINE_TOKENS = 40


@Language.component(COMPONENT)
def mark_dateline(doc: Doc) -> Doc:
    end = dateline_end(doc[:_LONGEST_DATELINE_TOKENS].text)  # Doc.text would join every token
    if end is None:
        return doc
    for token in doc[1:]:
        # The dateline is one sentence: "MOSCOW, March 3" is no sentence without its agency.
        token.is_sent_start = token.idx >= end
        if token.is_sent_start:
            # Nor is the first word after it: the parser ended "China" there before "and Indonesia
            # on Wednesday signed ...".
            if token.i + 1 < len(doc) and "\n" not in token.whitespace_:
                doc[token.i + 1].is_sent_start = False
            break
    return doc
