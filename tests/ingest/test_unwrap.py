"""Joining hard-wrapped lines, on texts written for these tests."""

from rashomon.ingest.unwrap import unwrap_lines, wrap_width

WIRE = """Harbour officials in Port Elm said on Tuesday that the
ferry company would pay for repairs to the pier, which a
storm damaged last month, and that crossings would resume
next week.
    "We expect the first boats to sail on Monday," said
Ines Moreau, the harbour master. "The pier is safe now."
    The company said in a statement that it had agreed to
the terms and would publish its new timetable on Friday
after talks with the island council.
"""


def test_a_wrapped_wire_is_joined_into_its_paragraphs():
    lines = WIRE.split("\n")
    assert wrap_width(lines) is not None
    paragraphs = [line.strip() for line in unwrap_lines(lines) if line.strip()]
    assert paragraphs == [
        "Harbour officials in Port Elm said on Tuesday that the ferry company would pay for repairs to the pier, "
        "which a storm damaged last month, and that crossings would resume next week.",
        '"We expect the first boats to sail on Monday," said Ines Moreau, the harbour master. "The pier is safe now."',
        "The company said in a statement that it had agreed to the terms and would publish its new timetable "
        "on Friday after talks with the island council.",
    ]


def test_a_short_first_line_after_a_lost_dateline_runs_on_in_lower_case():
    lines = ["Showers continued in", "the bay on Monday, and the harbour master said that the", *WIRE.split("\n")]
    assert unwrap_lines(lines)[0].startswith("Showers continued in the bay on Monday")


def test_lines_that_are_sentences_or_paragraphs_are_left_alone():
    sentences = [
        "The ferry sank on Sunday near the harbour.",
        "The captain was rescued by fishermen who heard the alarm.",
        "Officials say the inquiry will start in May.",
        "Shop owners said the closure had cost them their weekend trade.",
        "The council has promised a fund to help them recover.",
        "The first crossing will be at seven in the morning.",
    ]
    assert wrap_width(sentences) is None
    assert unwrap_lines(sentences) == sentences
    paragraphs = ["A long paragraph " * 12, "Another paragraph " * 15, "A third " * 30, "x", "y", "z"]
    assert unwrap_lines(paragraphs) == paragraphs


def test_list_items_and_indented_lines_start_their_own_line():
    lines = [
        "The council listed the works it will pay for this year,",
        "after the storm that damaged the harbour and the pier:",
        "- new piles for the pier and a ramp for cars to the deck",
        "- a sea wall along the old town and the fishing harbour",
        "The harbour master said the list was agreed on Monday,",
        "and that the works would start before the summer ends.",
    ]
    joined = unwrap_lines(lines)
    assert joined[1].startswith("- new piles") and joined[2].startswith("- a sea wall")
