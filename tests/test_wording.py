"""Word tests several layers share."""

from __future__ import annotations

from rashomon.wording import named_as_a_settlement, named_as_fought_over, same_word


def test_a_word_and_its_short_inflection_are_one_word():
    assert same_word("kill", "killed") and same_word("syria", "syrian")
    assert not same_word("war", "warsaw") and not same_word("rig", "rigged")
    assert same_word("rig", "rigged", shortest=3)


def test_a_name_after_the_town_of_is_a_settlement():
    text = "A hotel in the town of Bahrain collapsed; talks were held in Bahrain."
    assert named_as_a_settlement(text, text.index("Bahrain"))
    assert not named_as_a_settlement(text, text.rindex("Bahrain"))


def test_a_name_fought_over_is_a_place():
    for text in ("since the siege of Mariupol", "the battle for Bakhmut", "after the shelling of the Kharkiv"):
        assert named_as_fought_over(text, len(text) - len(text.split()[-1]))
    for text in ("a spokesman of Hamas", "following the fall of Assad"):
        assert not named_as_fought_over(text, len(text) - len(text.split()[-1]))


def test_two_forms_of_one_stem_are_one_word():
    assert same_word("mediated", "mediation") and same_word("elected", "election")
    assert not same_word("station", "stated") and not same_word("border", "borrowed")
