"""A line break ends a sentence, and the closing marks before it stay with the sentence they close."""

from __future__ import annotations

import pytest


@pytest.mark.model
def test_a_quotation_closed_at_a_paragraph_end_does_not_open_the_next_sentence(engine):
    text = (
        '"This was an act of piracy," said Ana Petrov, the firm\'s chief. "We call for the release of the crew."\n'
        "The Valdian navy said it had tracked the tanker into Valdian waters.\n"
    )
    sentences = [sentence.text.strip() for sentence in engine.pipeline.nlp(text).sents]
    assert sentences[-1] == "The Valdian navy said it had tracked the tanker into Valdian waters."
    assert sentences[-2].endswith('release of the crew."')


@pytest.mark.model
def test_blank_lines_between_paragraphs_make_one_break(engine):
    text = "The talks ended (without a deal)\n\nBoth sides left Kessel on Monday."
    sentences = [sentence.text.strip() for sentence in engine.pipeline.nlp(text).sents]
    assert sentences == ["The talks ended (without a deal)", "Both sides left Kessel on Monday."]


@pytest.mark.model
def test_a_line_broken_inside_a_sentence_is_not_a_paragraph(engine):
    for text in (
        "DW: Mr.\nGrunberg, many Dutch citizens followed the populist politician. Was it anger?",
        "The minister, who spoke in Kessel\n, said the talks would resume on Monday.",
    ):
        sentences = [sentence.text for sentence in engine.pipeline.nlp(text).sents]
        assert not any(sentence.lstrip().startswith((",", "Grunberg")) for sentence in sentences), sentences
