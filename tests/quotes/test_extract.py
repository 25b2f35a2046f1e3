"""Quotes on sentences written for these tests."""

from __future__ import annotations

import pytest

from rashomon.entities.resolve import resolve_entities
from rashomon.model import Quote
from rashomon.quotation_marks import quoted_spans


@pytest.fixture(scope="module")
def quotes(engine):  # type: ignore[no-untyped-def]
    from rashomon.quotes.extract import find_quotes

    def run(text: str) -> tuple[Quote, ...]:
        doc = engine.pipeline.nlp(text)
        pipeline = engine.pipeline
        entities = resolve_entities(
            doc, tables=engine.tables, gazetteer=pipeline.gazetteer, known_people=pipeline.known_people
        )
        return find_quotes(doc, entities, cues=engine.cues)

    return run


def _last_speaker(quotes, text):  # type: ignore[no-untyped-def]
    """The last quote of ``text`` that has a speaker."""
    return [q for q in quotes(text) if q.speaker is not None][-1]


def test_marks_pair_curly_straight_and_typewriter_quotes():
    text = "He said: \u201cOne two.\n\u201cThree four,\u201d she added. The \"final defeat\" and ``a test'' came."
    assert [text[s.start : s.end] for s in quoted_spans(text)] == [
        "One two.\n\u201cThree four,", "final defeat", "a test",
    ]  # fmt: skip


def test_direct_quote_with_speaker_after_and_continuation(quotes):
    text = (
        "Mayor Lena Ortiz spoke at the harbour on Monday. \u201cThe new pier will open in June,\u201d Ortiz said. "
        "\u201cWe have waited for it for ten years.\u201d"
    )
    found = quotes(text)
    # One quote in two parts around its cue, as attribution corpora mark it.
    (direct,) = [q for q in found if q.kind == "direct"]
    assert direct.text.startswith("The new pier will open in June") and direct.text.endswith("for ten years")
    assert direct.speaker is not None and direct.speaker.name == "Lena Ortiz" and direct.cue_text == "said"
    later = quotes(text + " The council met on Tuesday.\n\u201cIt will bring jobs to the whole coast.\u201d")
    continued = [q for q in later if q.text.startswith("It will bring jobs")]
    assert continued and continued[0].cue is None and continued[0].speaker.name == "Lena Ortiz"  # type: ignore[union-attr]


def test_indirect_speech_according_to_and_pronoun_speaker(quotes):
    text = (
        "Finance Minister Tomas Berg told reporters that the budget would be balanced by 2027. "
        "He added that taxes would not rise. According to the central bank, inflation fell to 3 percent."
    )
    found = {q.text: q for q in quotes(text)}
    told = found["that the budget would be balanced by 2027"]
    assert told.kind == "indirect" and told.cue_text == "told" and told.speaker.name == "Tomas Berg"  # type: ignore[union-attr]
    added = found["that taxes would not rise"]
    assert added.speaker.text == "He" and added.speaker.name == "Tomas Berg"  # type: ignore[union-attr]
    bank = found["inflation fell to 3 percent"]
    assert bank.cue_text == "According to" and bank.speaker.text == "the central bank"  # type: ignore[union-attr]


def test_scare_quotes_are_not_quotes_but_mixed_speech_keeps_them(quotes):
    text = (
        "Critics called the plan a \u201cdisaster\u201d. The minister warned that the region faced "
        "\u201ca long winter\u201d without new pipelines."
    )
    found = quotes(text)
    assert not any(q.text == "disaster" for q in found)
    winter = [q for q in found if "a long winter" in q.text]
    assert winter and winter[0].kind == "mixed" and winter[0].cue_text == "warned"


def test_things_do_not_speak(quotes):
    found = quotes("The summit highlighted mutual interests in trade and energy between the two countries.")
    assert found == ()


def test_cues_inside_a_quotation_belong_to_it(quotes):
    text = "\u201cI think the talks will fail, and I want everyone to know it,\u201d the senator said."
    found = quotes(text)
    assert len(found) == 1 and found[0].kind == "direct" and found[0].speaker.text == "the senator"  # type: ignore[union-attr]


def test_he_after_an_unnamed_speaker_is_that_speaker_not_the_last_person_named(quotes):
    text = (
        "President Lena Ortiz visited the port on Monday. A dock worker said the cranes had stood idle for "
        "a month. \u201cWe just want to work again,\u201d he said."
    )
    (worker, pronoun) = [q for q in quotes(text) if q.speaker is not None][-2:]
    assert worker.speaker.text == "A dock worker"  # type: ignore[union-attr]
    assert pronoun.speaker.text == "he" and pronoun.speaker.name == "A dock worker"  # type: ignore[union-attr]
    assert pronoun.speaker.entity is None  # type: ignore[union-attr]
    # A person named in between is who "he" is.
    named = text.replace("\u201cWe", "Ortiz's aide Tomas Berg listened. \u201cWe")
    last = _last_speaker(quotes, named)
    assert last.speaker.name == "Tomas Berg"  # type: ignore[union-attr]


def test_he_is_the_last_subject_not_a_person_named_in_passing(quotes):
    text = (
        "Army spokesman Idris Qadir blamed the attacks on hostile powers. Writing on Twitter, he said the "
        "border was closed. \u201cWe shall respond,\u201d he said."
    )
    pronouns = [q for q in quotes(text) if q.speaker is not None and q.speaker.text == "he"]
    assert len(pronouns) == 2
    assert {q.speaker.name for q in pronouns} == {"Idris Qadir"}  # type: ignore[union-attr]


def test_he_does_not_reach_back_past_a_few_sentences(quotes):
    text = (
        "A dock worker said the cranes had stood idle for a month. The port opened in 1901. Its cranes came "
        "from Scotland. Trade grew for decades. Then the strikes began. \u201cWe just want to work again,\u201d he said."
    )
    last = _last_speaker(quotes, text)
    assert last.speaker.text == "he" and last.speaker.name != "A dock worker"  # type: ignore[union-attr]


def test_a_name_after_a_possessive_outlet_is_the_speaker_not_the_outlet(quotes):
    # The model misses this name and tags only the outlet.
    text = 'Al Jazeera\'s Kamal Hyder, reporting from the capital, said: "We are told the toll will rise."'
    (quote,) = quotes(text)
    assert quote.speaker.entity is None  # type: ignore[union-attr]
    assert quote.speaker.name == "Kamal Hyder"  # type: ignore[union-attr]


def test_who_is_named_by_the_noun_it_stands_for(quotes):
    text = "The credits were a nod to health insurers who say they are needed to keep premiums down."
    (quote,) = [q for q in quotes(text) if q.speaker is not None]
    assert quote.speaker.text == "who"  # type: ignore[union-attr]
    assert quote.speaker.name == "health insurers"  # type: ignore[union-attr]


def test_they_after_a_plural_speaker_is_that_speaker(quotes):
    text = (
        "Peace activists demand that the government abandon its support for the militias. This, they say, "
        "would improve the country's image abroad."
    )
    last = _last_speaker(quotes, text)
    assert last.speaker.text == "they" and last.speaker.name == "Peace activists"  # type: ignore[union-attr]


def test_a_family_name_the_model_missed_is_the_person_of_that_name(quotes):
    text = (
        "Opposition leader Maarten Veldhuis promised to close the border. Veldhuis, 53, has vowed to "
        "ban foreign funding of parties."
    )
    found = [q for q in quotes(text) if q.speaker is not None and q.speaker.text == "Veldhuis"]
    assert found and all(q.speaker.name == "Maarten Veldhuis" for q in found)  # type: ignore[union-attr]


def _speaker_names(found: tuple[Quote, ...]) -> dict[str, str | None]:
    return {q.speaker.text: q.speaker.name for q in found if q.speaker is not None}


def test_it_is_a_body_not_a_demonym_before_a_noun(quotes):
    text = (
        "The Turkish army says a Russian jet crossed into its airspace on Friday. It said the plane "
        "ignored ten warnings. Syrian troops entered the town on Saturday, and they said the rebels "
        "had fled. The Kurds left the valley. They said the army had shelled it."
    )
    names = _speaker_names(quotes(text))
    assert names["It"] not in {"Russian", "Turkish"}
    assert names["they"] != "Syrian"
    assert names["They"] == "Kurds"


def test_the_diplomat_is_the_person_just_quoted_when_the_description_fits(quotes):
    text = (
        'Alexei Petrov, Russia\'s ambassador in Tehran, said on Monday that the talks would go on. "We are ready," '
        'the diplomat said. Senator Mary Quinn said the deal was weak. "It will fail," the '
        "ambassador said."
    )
    found = {q.text: q.speaker for q in quotes(text) if q.speaker is not None}
    assert found["We are ready"].name == "Alexei Petrov"  # type: ignore[union-attr]
    # Quinn is a senator, not an ambassador: the ambassador is someone else.
    assert found["It will fail"].name != "Mary Quinn"  # type: ignore[union-attr]


def test_a_description_of_another_nationality_is_someone_else(quotes):
    text = (
        'Russian Foreign Minister Sergei Lavrov said the talks would go on. "We are ready," the American diplomat said.'
    )
    (_, described) = quotes(text)
    assert described.speaker is not None and described.speaker.name is None


def test_the_ministry_is_the_ministry_named_before(quotes):
    text = (
        "The Russian Defense Ministry said on Monday that its jets had hit a depot near Palmyra. "
        "The World Health Organization said supplies were low. The defense ministry said the "
        "operation would go on. The court said the case was closed."
    )
    names = _speaker_names(quotes(text))
    assert names["The defense ministry"] == "Russian Defense Ministry"
    assert names["The court"] is None  # no court was named


def test_a_section_label_before_a_colon_is_no_speaker(quotes):
    text = (
        "Fighting raged near the old city on Sunday.\n"
        "OPINION: Implications for a transition under the old guard in the capital\n"
        "PENCE: Well, look, we are going to keep working on it."
    )
    speakers = [q.speaker.text for q in quotes(text) if q.speaker is not None]
    assert speakers == ["PENCE"]


def test_an_article_that_opens_with_its_author_and_a_colon_is_not_one_long_quote(quotes):
    column = " ".join(f"The speech made promise number {n} to the chamber and the country." for n in range(40))
    text = f"Arlo Venn: A master of symbols {column}\nVENN: That is all, thank you."
    found = [(q.speaker.text, q.text) for q in quotes(text) if q.speaker is not None]
    assert [speaker for speaker, _ in found] == ["VENN"] and found[0][1].startswith("That is all")


def test_the_reader_addressed_as_you_is_no_source(quotes):
    text = "You can find all our coverage of the floods here. Officials said the river would rise again."
    assert [q.speaker.text for q in quotes(text) if q.speaker is not None] == ["Officials"]


def test_a_description_followed_by_the_name_is_that_person_not_the_body_in_it(quotes):
    text = (
        'According to the UN envoy for the peace process, Mikael Varga, the law crosses a "very thick red '
        'line". The city council leader, Marek Novak, said the bridge would reopen.'
    )
    found = quotes(text)
    names = _speaker_names(found)
    assert names["the UN envoy for the peace process"] == "Mikael Varga"
    assert found[0].text.startswith("the law crosses")
    assert names["The city council leader"] == "Marek Novak"


def test_the_head_of_a_body_is_a_source(quotes):
    found = quotes("The head of the Valdorian Red Cross said the camps were full.")
    assert [q.text for q in found] == ["the camps were full"]
    assert found[0].speaker is not None and found[0].speaker.text == "The head of the Valdorian Red Cross"


def test_state_media_is_a_source_and_the_dateline_town_is_not(quotes):
    # The tagger lemmatises "media" to "medium"; the parser took the town for a second subject.
    found = quotes("KESSEL, March 3 (Wire) - Valdorian state media said army units shelled the port on Friday.")
    assert [q.text for q in found] == ["army units shelled the port on Friday"]
    assert found[0].speaker is not None and found[0].speaker.text == "Valdorian state media"


def test_an_indefinite_description_is_someone_new_unless_it_stands_beside_a_name(quotes):
    text = (
        "Valdorian Defence Minister Petar Kovac said the wall was needed. "
        "A Palestinian Cabinet minister called the plan a crime. Another minister said it was too late. "
        "Opposition leader Dara Velk led the march. The protests were led by Velk, a charismatic opposition "
        "leader who said the vote was rigged."
    )
    names = _speaker_names(quotes(text))
    assert names["Valdorian Defence Minister Petar Kovac"] == "Petar Kovac"
    assert names["A Palestinian Cabinet minister"] is None
    assert names["Another minister"] is None
    assert names["who"] == "Dara Velk"


def test_the_subject_of_a_passive_cue_is_not_its_speaker(quotes):
    text = (
        "The harbour board is expected to approve the plan on Friday. The divers were told the search "
        "would resume. Mayor Lena Ortiz was told by officials that the pier was unsafe."
    )
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["to approve the plan on Friday"] is None
    assert found["the search would resume"] is None
    speaker = found["that the pier was unsafe"]
    assert speaker is not None and speaker.text == "officials"


def test_she_two_sentences_on_is_still_the_subject_the_pronouns_carried(quotes):
    text = (
        "The singer Mara Lind met fans on Friday. In the days before the gala, Lind had been urged to withdraw "
        "because of Governor Piet Olsen's stance on the law. Still, she told reporters that her decision was "
        "final. Now, however, she said she wants to help people."
    )
    found = {q.text: q.speaker for q in quotes(text)}
    assert found["to withdraw because of Governor Piet Olsen's stance on the law"] is None
    speaker = found["she wants to help people"]
    assert speaker is not None and speaker.name == "Mara Lind"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A date is not a speaker.
        (
            "(08.02.2017) A United Nations report says that the authorities are negligent about the water supply.",
            "A United Nations report",
        ),
        # A speaker keeps the bracket that closes an abbreviation.
        (
            "The leader of the Valdorian Freedom Party (VFP) said that the vote had been rigged.",
            "The leader of the Valdorian Freedom Party (VFP)",
        ),
        # A document published by a body is that body's word.
        (
            "The party won 54 percent, according to final results published by the Valdorian election commission.",
            "the Valdorian election commission",
        ),
        # So is a body's own estimate.
        (
            "The ferry, which had about 400 people on board according to the Valdorian coast guard's estimate, sank.",
            "the Valdorian coast guard",
        ),
        # A long name after a preposition stays in the speaker.
        (
            "Observers from the Organization for Security and Co-operation in Europe (OSCE) said that the vote "
            "was marred by pressure on voters.",
            "Observers from the Organization for Security and Co-operation in Europe (OSCE)",
        ),
        # A clause on a word inside the speaker's name is not part of it.
        (
            "The pro-Western Coalition for Change, which came second with 27.1%, said it had recorded ballot stuffing.",
            "The pro-Western Coalition for Change",
        ),
        # Armies, rebels and monitors are sources.
        ("The Valdorian army said the militia had shelled the hospital.", "The Valdorian army"),
        ("The military said the rebels had fired rockets at the town.", "The military"),
        ("Rebels said they had taken the town of Kessel.", "Rebels"),
        ("The militia said it had taken the town of Kessel.", "The militia"),
    ],
)
def test_the_speaker_is_the_phrase_that_names_them(quotes, text: str, speaker: str):
    (quote,) = quotes(text)
    assert quote.speaker.text == speaker  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # A woman named by her honorific, then a man: "she" is the woman.
        (
            "Ms Varga met members of parliament in Budapest on Friday. The visit came a week after Peter Holm "
            "called for new sanctions. \u201cI have always opposed the sanctions,\u201d she said.",
            "Varga",
        ),
        # "She" does not continue the mayor's quotes.
        (
            "\u201cThe bridge will reopen next week,\u201d said Mayor Daniel Roth. The council disagreed. "
            "\u201cThat date is a fantasy,\u201d she said.",
            None,
        ),
        # Past Peter Holm, the last "person" named is "Brexit", which the model takes for one: no one.
        (
            "Brexit dominated the talks in Leeds on Monday. The team had lost again. Peter Holm, the coach, was "
            "furious. The fans booed. The stadium emptied. \u201cIt was a disgrace,\u201d she said.",
            None,
        ),
    ],
)
def test_she_is_never_a_man(quotes, text, speaker):
    last = _last_speaker(quotes, text)
    assert last.speaker.text == "she" and last.speaker.name == speaker  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("sentence", "cue", "said"),
    [
        ("Foreign Minister Sergei Lavrov accused European leaders of sabotaging the talks.", "accused",
         "European leaders of sabotaging the talks"),
        ("Kaja Kallas criticised Moscow for the strikes.", "criticised", "Moscow for the strikes"),
        ("Zelensky urged Washington to follow.", "urged", "Washington to follow"),
        # A value put on the object is part of what is said.
        ("An independent monitoring group estimated the crowd at around 140,000.", "estimated",
         "the crowd at around 140,000"),
        ("Police put the number at 36,000.", "put", "the number at 36,000"),
    ],
)  # fmt: skip
def test_what_an_accusation_an_appeal_or_an_estimate_says_runs_past_its_object(quotes, sentence, cue, said):
    assert {q.cue_text: q.text for q in quotes(sentence)}[cue] == said


def test_putting_things_somewhere_is_no_claim(quotes):
    assert not [q for q in quotes("Workers put the boxes on the shelf.") if q.cue_text == "put"]


def test_the_speakers_next_act_is_not_part_of_what_they_reported(quotes):
    text = "Mayor Lena Brandt said there would be no new tax and called on the council to approve the budget."
    said = {q.cue_text: q for q in quotes(text)}
    assert said["said"].text == "there would be no new tax"
    assert said["called"].text == "the council to approve the budget"
    assert said["called"].speaker.name == "Lena Brandt"  # type: ignore[union-attr]


def test_how_or_when_someone_spoke_is_not_what_they_said(quotes):
    text = (
        "One official, speaking on condition of anonymity, described the talks as tense. "
        "The minister spoke on state television on Sunday. The envoy spoke on the crisis in the north."
    )
    said = [(q.cue_text, q.text) for q in quotes(text)]
    assert ("spoke", "the crisis in the north") in said
    assert not any(text in {"condition of anonymity", "state television"} for _, text in said)


def test_a_demand_that_someone_call_elections_is_not_their_speech(quotes):
    text = "Thousands marched in the capital, demanding that President Tomas Rell call early elections."
    assert not [q for q in quotes(text) if q.speaker is not None and q.speaker.name == "Tomas Rell"]


def test_they_after_a_lone_place_is_not_the_place(quotes):
    text = (
        "Families who fled the fighting reached Aleppo on Monday. They said the roads were full of checkpoints. "
        "Canada and Norway joined the appeal. They said the camps needed winter tents."
    )
    names = [q.speaker.name for q in quotes(text) if q.speaker is not None and q.speaker.text == "They"]
    assert names[0] != "Aleppo"
    assert names[1] == "Norway"


def test_the_commission_is_the_commission_on_something_named_before(quotes):
    text = (
        "The Kenya National Commission on Human Rights said 19 people were killed. "
        "The commission said most of the dead had been shot by police."
    )
    speakers = [q.speaker for q in quotes(text) if q.speaker is not None]
    assert [s.name for s in speakers] == ["Kenya National Commission on Human Rights"] * 2


def test_a_source_the_parser_hung_on_the_last_noun_before_the_cue_is_the_speaker(quotes):
    text = (
        "The exchange took place on the border with Belarus, Ukraine's coordination headquarters for the "
        "treatment of prisoners of war said."
    )
    (quote,) = quotes(text)
    assert quote.text == "The exchange took place on the border with Belarus"
    assert quote.speaker is not None and quote.speaker.text.startswith("Ukraine's coordination headquarters")


def test_a_quotation_after_a_colon_is_the_quote_without_its_introduction(quotes):
    text = (
        "Senator Ana Lind scolded him: \u201cThe scientific community is almost unanimous against you on these "
        "products,\u201d she said."
    )
    (quote,) = quotes(text)
    assert text[quote.start : quote.end].startswith("The scientific community")


def test_a_clause_the_writer_adds_after_a_quotation_is_not_quoted(quotes):
    text = (
        "The advert ends with footage of Tomas Rell saying, \u201cThat makes me smart,\u201d when his rival "
        "blasted him for not paying income taxes."
    )
    (quote,) = [q for q in quotes(text) if "smart" in text[q.start : q.end]]
    assert text[quote.start : quote.end] == "That makes me smart"


def test_a_description_of_another_office_or_country_is_not_the_minister_named_before(quotes):
    text = (
        "Valdorian Prime Minister Arturs Kalnins said the blast was sabotage. "
        'Lithuania\'s foreign minister called the blast "another link in a chain of attacks".'
    )
    called = next(quote for quote in quotes(text) if "another link" in quote.text)
    assert called.speaker is not None and called.speaker.entity is None
    text = 'Prime Minister Arturs Kalnins spoke in Riga. The prime minister said the pipeline "will be repaired".'
    repaired = next(quote for quote in quotes(text) if "repaired" in quote.text)
    assert repaired.speaker is not None and repaired.speaker.name == "Arturs Kalnins"


def test_a_family_name_the_model_takes_for_a_plural_noun_is_the_person(quotes):
    text = (
        "Prime Minister Arturs Kalnins visited the site on Sunday. "
        '"This was a deliberate attack on our infrastructure," Kalnins told reporters in Riga.'
    )
    attack = next(quote for quote in quotes(text) if "deliberate attack" in quote.text)
    assert attack.speaker is not None and attack.speaker.name == "Arturs Kalnins"


def test_a_person_the_quotation_names_is_not_the_he_who_wrote_it(quotes):
    # Written for this test: the quotation opens with a person as its subject; "he" is still the
    # governor quoted the sentence before, not the man he tells of.
    text = (
        'Governor Sergei Volkov said a storm had cut power to the city. "Ivan Sorokin drove the first truck '
        'through the blocked road. Crews cleared it by noon," he wrote on his channel.'
    )
    speaker = _last_speaker(quotes, text).speaker
    assert speaker is not None and speaker.name == "Sergei Volkov"
