"""Where a leading dateline ends: "BEIRUT (Reuters) - ", "MOSCOW, March 3 -", "Beirut (AFP) -".

Plain text, no parse: the pipeline component that keeps a dateline a sentence of its own
(`nlp/dateline.py`) and entity resolution, which reads the dateline's town as a place, share it.
"""

from __future__ import annotations

import re

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)


# A town in capitals ("WASHINGTON", "NEW YORK", "ST. PETERSBURG"; a last word of three letters at
# least, so that "US - Russia talks" is no dateline), or in any case when an agency follows it ("Beirut
# (AFP)") or a date with its year after a name of three words at most ("Tbilisi, 16 November 2026").
_AGENCY = r"(?:\([^()\n]{1,40}\)|/[^/\n]{1,20}/)"
_AGENCY_PATTERN = re.compile(_AGENCY)
_DATELINE = re.compile(
    r"\A\s*(?:"
    rf"(?:[A-Z][A-Z.'\u2019]*[ -]){{0,3}}[A-Z][A-Z.'\u2019]{{2,}}(?:,[^\n\u2013\u2014-]{{1,40}})?\s*{_AGENCY}?"
    rf"|[A-Z][\w.'\u2019 -]{{2,40}}(?:,[^\n\u2013\u2014-]{{1,40}})?\s*{_AGENCY}"
    rf"|[A-Z][\w.'\u2019-]+(?: [A-Z][\w.'\u2019-]+){{0,2}},\s*{_FULL_DATE.pattern}"
    r")\s*(?:-{1,2}|\u2013|\u2014)\s+(?=\S)"
)


def dateline_end(text: str) -> int | None:
    """Where the article's own first sentence starts after a leading dateline, if it has one."""
    match = _DATELINE.match(text)
    if match is None:
        return None
    return match.end()


def dateline_town_end(text: str) -> int:
    """Where the town of a leading dateline ends (before its date or agency); 0 without a dateline."""
    end = dateline_end(text)
    if end is None:
        return 0
    head = text[:end]
    cut = min(
        (i for i in (head.find(","), head.find("("), head.find("/")) if i >= 0),
        default=len(head.rstrip(" -\u2013\u2014")),
    )
    return cut


def dateline_agency(text: str) -> tuple[int, int] | None:
    """Where the agency of a leading dateline lies, its brackets or slashes included ("(CAW)" in
    "AKTAU, Dec. 24, 2026 (CAW) - "): the outlet's credit, not a party to the story."""
    end = dateline_end(text)
    if end is None:
        return None
    found = _AGENCY_PATTERN.search(text, dateline_town_end(text), end)
    return found.span() if found else None


def dateline_date(text: str) -> str | None:
    """The date a leading dateline prints, when it gives the year ("BERLIN, March 3, 2026 -").

    A dateline without a year ("SEOUL, Aug. 20 (Yonhap) --") gives none: the year is not to be guessed.
    """
    end = dateline_end(text)
    if end is None:
        return None
    found = _FULL_DATE.search(text, dateline_town_end(text), end)
    return found.group(0) if found else None
