import datetime as dt

from rashomon.timex.extract import find_times


def _times(engine, text, anchor):
    return {t.text: t for t in find_times(engine.pipeline.nlp(text), anchor=anchor)}


def test_times_in_running_text_with_tense(engine):
    found = _times(
        engine,
        "The ministers met on Oct. 15 and will meet again on Nov. 3; talks lasted three days.",
        dt.date(2025, 10, 21),
    )
    assert found["Oct. 15"].value == "2025-10-15" and found["Oct. 15"].anchored_on == "2025-10-21"
    assert found["Nov. 3"].value == "2025-11-03"
    assert found["three days"].type == "DURATION" and found["three days"].value == "P3D"


def test_without_a_publication_date_only_anchor_free_values(engine):
    text = (
        "Since the beginning of 2025 there were strikes within the first five months of the year, and more last week."
    )
    found = _times(engine, text, None)
    assert found["the beginning of 2025"].value == "2025"
    assert found["the first five months of the year"].interval == ("2025-01-01", "2025-05-31")
    assert found["last week"].value is None


def test_ranges_split_and_modifiers_trimmed(engine):
    found = _times(engine, "Output rose between 1994 and 1997, about 10:35 a.m. on Friday.", dt.date(1998, 8, 7))
    assert {"1994", "1997"} <= set(found)
    assert "10:35 a.m." in found or "10:35 a.m. on Friday" in found
    assert found["1994"].value == "1994" and found["1994"].type == "DATE"  # an end of a range, not a period


def test_reported_modals_and_participles_do_not_look_ahead(engine):
    thursday = dt.date(2000, 1, 6)
    found = _times(engine, "His relatives could not be located Wednesday in their hometown.", thursday)
    assert found["Wednesday"].value == "2000-01-05"  # "could" reports; the nearest Wednesday is yesterday
    found = _times(engine, "Those shares began trading in August and closed yesterday at $26.", dt.date(1989, 11, 1))
    assert found["August"].value == "1989-08"  # "began" here is done, not scheduled
    found = _times(engine, "The guidelines to be published in early November will decide.", dt.date(1989, 10, 30))
    assert found["early November"].value == "1989-11"
    found = _times(engine, "The ministers will meet on Friday.", thursday)
    assert found["Friday"].value == "2000-01-07"


def test_ages_and_model_numbers_are_not_times(engine):
    found = _times(engine, "The six-year-old boy used an 80486 computer.", dt.date(1998, 1, 1))
    assert not ({"six-year-old", "80486"} & set(found))


def test_a_day_and_its_hour_are_one_expression(engine):
    found = _times(
        engine, "Police closed the road Thursday night and reopened it at 9 a.m. Tuesday.", dt.date(2000, 4, 7)
    )
    assert found["Thursday night"].value == "2000-04-06TNI"
    assert found["9 a.m. Tuesday"].value == "2000-04-04T09:00"
    found = _times(engine, "The vote was held on Friday, Oct. 13, after weeks of talks.", dt.date(1989, 10, 27))
    assert found["Friday, Oct. 13"].value == "1989-10-13"


def test_references_to_an_earlier_date_use_it(engine):
    text = (
        "The plant was flooded on Oct. 23, 1998. Workers were evacuated at 10 p.m. "
        "Repairs were finished the following year."
    )
    found = _times(engine, text, dt.date(2000, 5, 1))
    assert found["10 p.m."].value == "1998-10-23T22:00"  # the day last named, not the publication date
    assert found["the following year"].value == "1999"


def test_a_duration_before_later_is_the_duration(engine):
    found = _times(engine, "Three days later the ceasefire collapsed.", dt.date(2001, 3, 4))
    assert found["Three days"].type == "DURATION" and found["Three days"].value == "P3D"


def test_a_frequency_word_in_a_title_is_no_time(engine):
    found = _times(engine, "Mr Lund wrote in The Daily Beast that the paper comes out weekly.", dt.date(2017, 3, 15))
    assert "Daily" not in found and "weekly" in found
