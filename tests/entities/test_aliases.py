from rashomon.entities.aliases import find_abbreviations, find_stated_aliases

TEXT = "He once led Hayat Tahrir al-Sham (HTS) under the alias Abu Mohammad al-Julani, officials said."


def test_abbreviation_long_form_is_found_from_initials():
    (found,) = find_abbreviations(TEXT)
    assert found.short == "HTS"
    assert TEXT[found.long_start : found.long_end] == "Hayat Tahrir al-Sham"


def test_parenthesised_words_that_are_not_abbreviations_are_ignored():
    assert find_abbreviations("The talks (held in Moscow) went well.") == []
    assert find_abbreviations("The United Nations (UK) said.") == []


def test_stated_alias_span():
    (alias,) = find_stated_aliases(TEXT)
    assert TEXT[alias.start : alias.end] == "Abu Mohammad al-Julani"
    assert find_stated_aliases("also known as Abu Ali, he said")[0].end == len("also known as Abu Ali")
