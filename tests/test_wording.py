"""Word tests several layers share."""

from __future__ import annotations

from rashomon.wording import named_as_a_settlement, same_word


def test_a_word_and_its_short_inflection_are_one_word():
    assert same_word("kill", "killed") and same_word("syria", "syrian")
    assert not same_word("war", "warsaw") and not same_word("rig", "rigged")
    assert same_word("rig", "rigged", shortest=3)


def test_a_name_after_the_town_of_is_a_settlement():
    text = "A hotel in the town of Bahrain collapsed; talks were held in Bahrain."
    assert named_as_a_settlement(text, text.index("Bahrain"))
    assert not named_as_a_settlement(text, text.rindex("Bahrain"))
