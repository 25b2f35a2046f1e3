"""The mood of a reported clause: said to be so, or only wanted."""

from __future__ import annotations

from spacy.tokens import Token


def plain_form_complement(verb: Token) -> bool:
    """ "demanding that President Vucic call early elections": a clause under another verb whose
    verb has its plain form and no auxiliary (a mandative subjunctive) says what someone wants
    done, not what was said or done. The plain form stands even after a singular subject, where
    the tagger reads a present ("Vucic call" tagged VBP)."""
    if verb.dep_ != "ccomp":
        return False
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if auxiliaries:  # "asked that the vote be delayed": a passive in the plain form
        return len(auxiliaries) == 1 and auxiliaries[0].lower_ == "be" and auxiliaries[0].dep_ == "auxpass"
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return verb.tag_ == "VB" or (verb.tag_ == "VBP" and bool(subjects) and subjects[0].tag_ in {"NN", "NNP"})
