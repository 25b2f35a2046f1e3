from rashomon.ingest.headlines import headline_end, headline_words


def _headline(text: str) -> str | None:
    end = headline_end(text, 0, headline_words())
    return None if end is None else text[:end].strip()


def test_a_headline_ends_before_a_word_that_opens_a_sentence():
    assert _headline("Dam talks stall in Lusaka The two sides met for six hours.") == "Dam talks stall in Lusaka"
    assert _headline('Miners strike for pay "We cannot feed our children," one said.') == "Miners strike for pay"
    assert _headline("Who owns the ferries? Officials say nobody knows.") == "Who owns the ferries?"


def test_a_headline_goes_on_after_a_joining_word_and_inside_single_quotes():
    assert _headline("Mayor hits back at The Gazette Its editor quit.") == "Mayor hits back at The Gazette"
    assert _headline("'Hope is all I have' for miners The mine closed.") == "'Hope is all I have' for miners"


def test_a_headline_that_meets_a_full_stop_or_runs_long_cannot_be_told():
    assert _headline("Storm hits Port Elm again Ana Lopez said it was late. The ferry sank.") is None
    assert _headline(" ".join(["word"] * 30) + " The end.") is None


def test_a_headline_alone_on_its_line_ends_with_the_line():
    assert _headline("Dam talks stall in Lusaka\nThe two sides met.") == "Dam talks stall in Lusaka"
