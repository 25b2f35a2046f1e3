"""Speaker resolution on parses fixed by hand, for the misparses the model makes on real text."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from rashomon.model import DocEntity, Mention
from rashomon.quotes.speakers import resolve_speaker


def _entity(doc: Doc, name: str, kind: str) -> DocEntity:
    start = doc.text.index(name)
    mention = Mention(start, start + len(name), name, kind, 0)
    return DocEntity(name.lower(), name, kind, (), (mention,), (name.lower(),))


def test_a_name_before_its_description_is_the_speaker_when_the_parser_heads_the_phrase_with_the_description():
    # How the model parses "Prof Helen Stokes-Lampard, chair of the Royal College of GPs, said ...":
    # "chair" is the subject and the name hangs from it.
    words = [
        "Prof",
        "Irena",
        "Vass",
        "-",
        "Holm",
        ",",
        "chair",
        "of",
        "the",
        "Harbour",
        "Board",
        ",",
        "said",
        "so",
        ".",
    ]
    heads = [4, 4, 4, 4, 6, 6, 12, 6, 10, 10, 7, 12, 12, 12, 12]
    deps = ["compound", "compound", "compound", "punct", "nmod", "punct", "nsubj", "prep", "det", "compound",
            "pobj", "punct", "ROOT", "advmod", "punct"]  # fmt: skip
    spaces = [True, True, False, False, False, True, True, True, True, True, False, True, True, False, False]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PUNCT",
           "VERB", "ADV", "PUNCT"]  # fmt: skip
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    person = _entity(doc, "Irena Vass-Holm", "PERSON")
    board = _entity(doc, "the Harbour Board", "ORG")
    speaker = doc[0:11]
    assert speaker.root.text == "chair"
    assert resolve_speaker(speaker, (person, board), doc.text) == person
