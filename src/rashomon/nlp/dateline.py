"""A leading dateline is a sentence of its own: "BEIRUT (Reuters) - Syrian troops attacked ...".

Left to itself the parser reads the town as the subject of the first clause ("MOSCOW" struck
targets in Idlib; "DAMASCUS" said government forces launched an assault), and every layer that
reads subjects (events, quotes, claims) then takes the town for the actor or the speaker. A
pipeline component that runs before the parser marks the first word after the dateline's dash
as a sentence start, which the parser keeps.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT = "rashomon_dateline"
_LONGEST_DATELINE_TOKENS = 40

# A town in capitals ("WASHINGTON", "NEW YORK", "ST. PETERSBURG"; a last word of three letters at
# least, so that "US - Russia talks" is no dateline), or in any case when an agency follows it ("Beirut (AFP)").
_AGENCY = r"(?:\([^()\n]{1,40}\)|/[^/\n]{1,20}/)"
_DATELINE = re.compile(
    r"\A\s*(?:"
    rf"(?:[A-Z][A-Z.'\u2019]*[ -]){{0,3}}[A-Z][A-Z.'\u2019]{{2,}}(?:,[^\n\u2013\u2014-]{{1,40}})?\s*{_AGENCY}?"
    rf"|[A-Z][\w.'\u2019 -]{{2,40}}(?:,[^\n\u2013\u2014-]{{1,40}})?\s*{_AGENCY}"
    r")\s*(?:-{1,2}|\u2013|\u2014)\s+(?=\S)"
)


def dateline_end(text: str) -> int | None:
    """Where the article's own first sentence starts after a leading dateline, if it has one."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    return match.end()


@Language.component(COMPONENT)
def mark_dateline(doc: Doc) -> Doc:
    end = dateline_end(doc[:_LONGEST_DATELINE_TOKENS].text)  # Doc.text would join every token
    if end is None:
        return doc
    for token in doc[1:]:
        # The dateline is one sentence: "MOSCOW, March 3" is no sentence without its agency.
        token.is_sent_start = token.idx >= end
        if token.is_sent_start:
            break
    return doc
