"""Entity resolution on a parsed article (needs the spaCy model)."""

import pytest

from rashomon.config import Settings
from rashomon.ingest.clean import clean_document
from rashomon.model import RawDocument
from rashomon.nlp.annotate import annotate_articles


@pytest.fixture
def entities(engine, fixture_path):
    text = (fixture_path / "kremlin_visit.txt").read_text(encoding="utf-8")
    annotation = _annotated(engine, text, "k")
    return {e.name: e for e in annotation.entities}, annotation.article


def _annotated(engine, text, name):  # type: ignore[no-untyped-def]
    article = clean_document(RawDocument(name, name, text, "text"), settings=Settings())
    (annotation,) = annotate_articles([article], pipeline=engine.pipeline, tables=engine.tables)
    return annotation


def _people(engine, text, name):  # type: ignore[no-untyped-def]
    """The article's people by name."""
    return {e.name: e for e in _annotated(engine, text, name).entities if e.type == "PERSON"}


def test_surname_mentions_join_the_full_name(entities):
    by_name, article = entities
    putin = by_name["Vladimir Putin"]
    assert putin.type == "PERSON" and "Putin" in putin.aliases
    assert [article.text[m.start : m.end] for m in putin.mentions] == [m.text for m in putin.mentions]


def test_stated_alias_and_abbreviation(entities):
    by_name, _ = entities
    assert "Abu Mohammad al-Julani" in by_name["Ahmed al-Sharaa"].aliases
    hts = by_name["Hayat Tahrir al-Sham"]
    assert hts.type == "ORG" and "HTS" in hts.aliases and len(hts.mentions) >= 3


def test_gazetteer_fixes_domain_entities(entities):
    by_name, _ = entities
    assert by_name["Hmeimim air base"].type == "FAC"
    assert by_name["Tartus naval base"].type == "FAC"
    assert not any(e.type == "ORG" and "Tartus" in e.name for e in by_name.values())


def test_roles_carry_their_country(entities):
    by_name, _ = entities
    assert ("President", "RUS") in {(r.title, r.country) for r in by_name["Vladimir Putin"].roles}
    assert ("interim leader", "SYR") in {(r.title, r.country) for r in by_name["Ahmed al-Sharaa"].roles}
    assert by_name["Ahmed al-Sharaa"].country == "SYR"
    assert by_name["Dmitry Peskov"].country == "RUS"


def test_two_people_sharing_a_surname_stay_apart(engine):
    text = (
        "Melania Trump visited a hospital in Washington on Monday. Later that day President Donald Trump "
        "met the Jordanian king. Trump said the talks went well, and he thanked the king for his visit."
    )
    annotation = _annotated(engine, text, "t")
    people = {e.name: e for e in annotation.entities if e.type == "PERSON"}
    assert {"Melania Trump", "Donald Trump"} <= set(people)
    assert "Melania Trump" not in people["Donald Trump"].aliases
    assert "Trump" in people["Donald Trump"].aliases


def test_a_king_and_his_son_named_after_him_stay_apart(engine):
    text = (
        "Crown Prince Mohammed bin Salman met the French president in Riyadh on Sunday. "
        "King Salman did not attend. Bin Salman later said the talks had gone well, and Salman "
        "sent a letter of thanks."
    )
    annotation = _annotated(engine, text, "s")
    son = next(e for e in annotation.entities if e.name == "Mohammed bin Salman")
    assert not {"Salman", "King Salman"} & set(son.aliases)
    assert any(alias.lower() == "bin salman" for alias in son.aliases)


def test_other_names_of_a_country_are_one_entity_but_its_capital_is_not(engine):
    text = "The U.S. and Britain said the United States would send aid to Jordan; officials in Washington said the UK agreed."
    annotation = _annotated(engine, text, "c")
    by_name = {e.name: e for e in annotation.entities}
    assert "U.S." in by_name["United States"].aliases and "UK" in by_name["Britain"].aliases
    assert by_name["Washington"].country == "USA" and "Washington" not in by_name["United States"].aliases
    assert "country:USA" in by_name["United States"].keys


def test_a_name_does_not_end_in_a_conjunction(engine):
    from rashomon.entities.resolve import _trim

    doc = engine.pipeline.nlp("Rebels held al-Bab and its outskirts.")
    span = doc.char_span(doc.text.index("al-Bab"), doc.text.index(" its"))
    trimmed = _trim(span, "ORG", engine.tables)
    assert trimmed is not None and trimmed.text == "al-Bab"


def test_a_title_of_an_organisation_is_not_the_organisation_s_role(engine):
    text = (
        "Police arrested Omar Saleh, the local chief of Diwan al-Hisba, in the old city. "
        "Syrian Foreign Minister Walid Muallem said the arrest was lawful."
    )
    annotation = _annotated(engine, text, "r")
    titles = {e.name: [r.title for r in e.roles] for e in annotation.entities}
    assert not [name for name, roles in titles.items() if any(t.lower().endswith(" of") for t in roles)]
    assert "Foreign Minister" in titles["Walid Muallem"]


def test_one_name_the_model_types_two_ways_is_one_entity(engine):
    from rashomon.entities.resolve import _Candidate, _link

    doc = engine.pipeline.nlp("Rebels attacked Jobar on Sunday. The fighting in Jobar went on all night.")
    first, second = (i for i, token in enumerate(doc) if token.text == "Jobar")
    found = [
        _Candidate(doc[first : first + 1], doc[first].idx, doc[first].idx + 5, "Jobar", "GPE", None, "jobar"),
        _Candidate(doc[second : second + 1], doc[second].idx, doc[second].idx + 5, "Jobar", "ORG", None, "jobar"),
    ]
    links = _link(doc.text, found, {})
    assert links.find(0) == links.find(1)


def test_a_verb_the_model_ran_into_a_name_is_not_part_of_it(engine):
    text = "Protests mar Jeff Sessions confirmation.\n\nThe hearing was delayed, and Bashar al-Assad said nothing."
    names = {entity.name for entity in _annotated(engine, text, "m").entities}
    assert "Jeff Sessions" in names and "Bashar al-Assad" in names
    assert not any(name.startswith("mar ") for name in names)


def test_a_persons_name_cut_after_its_particle_takes_the_family_name(engine):
    from rashomon.entities.resolve import _trim
    from rashomon.entities.tables import load_entity_tables

    doc = engine.pipeline.nlp.make_doc("Marine Le Pen and Marine Lebrun spoke.")
    tables = load_entity_tables()
    assert _trim(doc[0:2], "PERSON", tables).text == "Marine Le Pen"  # type: ignore[union-attr]
    assert _trim(doc[4:6], "PERSON", tables).text == "Marine Lebrun"  # type: ignore[union-attr]
    assert _trim(doc[0:2], "ORG", tables).text == "Marine Le"  # type: ignore[union-attr]
    glued = engine.pipeline.nlp.make_doc("Penelope hundreds of thousands and Mohammed bin Salman met Kim Jong-un")
    assert _trim(glued[0:4], "PERSON", tables).text == "Penelope"  # type: ignore[union-attr]
    assert _trim(glued[5:8], "PERSON", tables).text == "Mohammed bin Salman"  # type: ignore[union-attr]
    assert _trim(glued[9:], "PERSON", tables).text == "Kim Jong-un"  # type: ignore[union-attr]


def test_a_family_name_with_its_particle_joins_the_full_name_whatever_its_type(engine):
    from rashomon.entities.resolve import _Candidate, _link

    text = "Leila de Lima was arrested. De Lima denied it, and Marine Le Pen and Jean-Marie Le Pen agreed with Le Pen."
    doc = engine.pipeline.nlp.make_doc(text)

    def candidate(surface: str, label: str, nth: int = 0) -> _Candidate:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        span = doc.char_span(start, start + len(surface))
        assert span is not None
        return _Candidate(span, start, start + len(surface), surface, label, None, surface.lower())

    found = [
        candidate("Leila de Lima", "ORG"),
        candidate("De Lima", "ORG"),
        candidate("Marine Le Pen", "PERSON"),
        candidate("Jean-Marie Le Pen", "PERSON"),
        candidate("Le Pen", "FAC", nth=2),
    ]
    links = _link(text, found, {})
    assert links.find(0) == links.find(1)
    # Two people of the family: the bare family name is not given to either.
    assert len({links.find(2), links.find(3), links.find(4)}) == 3


def test_the_country_of_an_office_is_not_part_of_its_holder_s_name(engine):
    from rashomon.entities.resolve import _trim
    from rashomon.entities.tables import load_entity_tables

    doc = engine.pipeline.nlp.make_doc("The UN Special Envoy for Syria Staffan de Mistura and Syria Campaign spoke.")
    tables = load_entity_tables()
    assert _trim(doc[5:9], "ORG", tables).text == "Staffan de Mistura"  # type: ignore[union-attr]
    assert _trim(doc[10:12], "ORG", tables).text == "Syria Campaign"  # type: ignore[union-attr]


def test_a_name_after_an_honorific_is_a_person_s_without_it(engine):
    from spacy.tokens import Span

    from rashomon.entities.resolve import _candidates
    from rashomon.entities.tables import load_entity_tables

    doc = engine.pipeline.nlp.make_doc("Ms Le Pen and Mr. de Mistura met Amnesty International.")
    doc.ents = [Span(doc, 0, 3, label="ORG"), Span(doc, 4, 7, label="GPE"), Span(doc, 8, 10, label="ORG")]
    found = [(c.text, c.label) for c in _candidates(doc, doc.text, load_entity_tables())]
    assert found == [("Le Pen", "PERSON"), ("de Mistura", "PERSON"), ("Amnesty International", "ORG")]


def test_a_korean_name_without_the_family_name_joins_the_full_name(engine):
    text = (
        "Kim Jong-un ordered the test. Jong-un watched it, and his grandfather Kim Il-sung's portrait hung "
        "behind him. Il-sung founded the state."
    )
    entities = {entity.name: entity for entity in _annotated(engine, text, "k").entities}
    assert {"Jong-un"} <= set(entities["Kim Jong-un"].aliases)
    assert {"Il-sung"} <= set(entities["Kim Il-sung"].aliases)
    assert "Jong-un" not in entities and "Il-sung" not in entities


def test_an_organisation_known_by_several_names_is_one_entity_in_every_article(engine):
    first = _annotated(engine, "The IMF said on Monday that growth in Greece would slow this year.", "imf1")
    second = _annotated(
        engine, "The International Monetary Fund approved a loan to Egypt on Tuesday, officials said.", "imf2"
    )
    (imf,) = [e for e in first.entities if e.name == "International Monetary Fund"]
    (fund,) = [e for e in second.entities if e.name == "International Monetary Fund"]
    assert imf.type == fund.type == "ORG"
    assert imf.keys[0] == fund.keys[0] == "gz:imf" and imf.id == fund.id


def test_an_acronym_is_not_a_surname(engine):
    text = (
        "North Korean leader Kim Jong Un ordered another missile test on Sunday. "
        "The UN condemned the launch, and U.N. diplomats met in New York."
    )
    by_name = {e.name: e for e in _annotated(engine, text, "kim").entities}
    kim = next(e for name, e in by_name.items() if name.startswith("Kim Jong"))
    assert not {"UN", "U.N."} & set(kim.aliases)
    assert [m.text for m in by_name["United Nations"].mentions] == ["UN", "U.N."]


def test_a_capitalised_office_before_a_name_is_a_title_not_part_of_the_name(engine):
    text = (
        "Prosecutor Anne Delvaux said the attacker had been known to police. "
        "Superintendent Tom Brady of the county police said roads would reopen. Prosecutor Delvaux added "
        "that drugs were found in his car."
    )
    people = _people(engine, text, "pros")
    assert {"Anne Delvaux", "Tom Brady"} <= set(people)
    assert not any(name.startswith(("Prosecutor", "Superintendent")) for name in people)
    assert len(people["Anne Delvaux"].mentions) == 2


def test_a_committee_chair_is_a_title_and_a_surname_tagged_as_a_group_joins_the_full_name(engine):
    text = (
        "House Intelligence Committee Chair Devin Nunes went to the White House on Tuesday. "
        "Nunes said he had seen the documents. The Nunes memo was discussed."
    )
    annotation = _annotated(engine, text, "chair")
    people = [e for e in annotation.entities if "Nunes" in e.name]
    # The model tags the last "Nunes" as a group (NORP): it is still the man named in full.
    assert [(e.name, e.type) for e in people] == [("Devin Nunes", "PERSON")]
    assert [m.text for m in people[0].mentions][-1] == "Nunes" and people[0].mentions[-1].label == "NORP"


def test_hashtags_handles_links_time_zones_and_storm_categories_name_no_one(engine):
    text = (
        "The storm made landfall at 10:00 GMT as a Category 3 cyclone. #CycloneDebbie trended after "
        "@TheresaMay posted pic.twitter.com/bsAojjUJZM on Monday. Amazon.com said deliveries would stop."
    )
    names = {e.name for e in _annotated(engine, text, "tags").entities}
    assert not {"GMT", "Category 3", "CycloneDebbie", "TheresaMay", "pic.twitter.com/bsAojjUJZM"} & names
    assert "Amazon.com" in names


def test_a_word_for_hatred_of_a_people_names_no_one(engine):
    text = 'Moscow rejects Riga\'s "Russophobic" claims. She called the accusations baseless and Russophobic.'
    names = {e.name for e in _annotated(engine, text, "phobic").entities}
    assert "Russophobic" not in names and "Moscow" in names


def test_a_word_that_opens_the_sentence_is_no_part_of_a_name(engine):
    text = (
        "Gala ends in confusion\n"
        "The producer Jordan Holloway began his speech as the orchestra played. Behind Holloway, stagehands "
        "started to run. Holloway said the mistake was nobody's fault."
    )
    people = _people(engine, text, "gala")
    assert not any(name.startswith("Behind") for name in people)
    assert "Holloway" in people["Jordan Holloway"].aliases


def test_a_chinese_or_korean_name_is_repeated_by_its_first_word(engine):
    text = (
        "Ports deal signed\n"
        "Premier Li Keqiang met the Korean minister Park Tae-sun in Tianjin on Monday. Li said trade would "
        "grow. Park praised the port. The banker Denise Wong was also there."
    )
    people = _people(engine, text, "ports")
    assert "Li" in people["Li Keqiang"].aliases
    assert "Park" in people["Park Tae-sun"].aliases


def test_a_surname_two_people_share_is_not_pooled_when_the_model_takes_it_for_a_firm(engine):
    text = (
        "Family seeks compensation\n"
        '"The family should be given compensation," says Wang Dianxue, a lawyer from Beijing Jingshi Law Firm. '
        "The family also asked for the costs of its long litigation, Wang adds. The court must publish any "
        "agreement, Wang said. Another lawyer, Wang Shujin, said the case was rare. Wang added that the court "
        "would answer within a month."
    )
    people = _people(engine, text, "wang")
    assert len(people["Wang Dianxue"].mentions) == 3
    assert len(people["Wang Shujin"].mentions) == 2


def test_a_country_named_as_a_body_is_the_country_and_a_nationality_is_no_part_of_a_name(engine):
    text = (
        "Delegation arrives\n"
        "A delegation from the DPRK arrived in Kuala Lumpur on Tuesday. The DPRK wants the body returned. North "
        "Korea has denied any role. Police said Indonesian Siti Aisyah, 25, had been paid 400 ringgit."
    )
    entities = {e.name: e for e in _annotated(engine, text, "dprk").entities}
    assert entities["North Korea"].type == "GPE" and len(entities["North Korea"].mentions) == 3
    people = [e.name for e in entities.values() if e.type == "PERSON"]
    assert "Siti Aisyah" in people and not any(name.startswith("Indonesian") for name in people)


def test_a_datelines_capitals_are_not_the_places_name(engine):
    text = (
        "SEOUL, March 3 -- The harbour authority of Incheon said on Monday that the ferry to the islands "
        "would resume next week. Seoul has said it will pay for the repairs to the pier."
    )
    places = {e.name: e for e in _annotated(engine, text, "d").entities if e.type == "GPE"}
    assert [m.text for m in places["Seoul"].mentions] == ["SEOUL", "Seoul"]


_SUMMIT = (
    "BERLIN, March 3, 2026 \u2014 Friedrich Merz and Keir Starmer promised on Tuesday to send more "
    "air-defence systems to Ukraine after a night of Russian drone strikes on Kyiv.\n\n"
    "Merz met Starmer and Emmanuel Macron in Berlin. Kaja Kallas criticised Moscow for the strikes.\n"
)


def test_a_surname_the_model_missed_joins_the_full_name(engine):
    by_name = {e.name: e for e in _annotated(engine, _SUMMIT, "summit").entities}
    merz = by_name["Friedrich Merz"]
    assert [m.text for m in merz.mentions] == ["Friedrich Merz", "Merz"]
    assert merz.country == "DEU"  # a known person of today's news


def test_a_surname_inside_another_name_is_left_alone(engine):
    text = "Donald Trump spoke on Monday. Ivanka Trump travelled with him and Trump thanked her.\n"
    trump = next(e for e in _annotated(engine, text, "t").entities if e.name == "Donald Trump")
    ivanka = text.index("Ivanka Trump") + len("Ivanka ")
    assert ivanka not in {m.start for m in trump.mentions}
    assert text.rindex("Trump") in {m.start for m in trump.mentions}


def test_a_capital_the_model_took_for_a_person_is_the_place(engine):
    by_name = {e.name: e for e in _annotated(engine, _SUMMIT, "summit").entities}
    assert (by_name["Kyiv"].type, by_name["Kyiv"].country) == ("GPE", "UKR")


def test_the_town_of_a_dateline_is_a_place(engine):
    berlin = next(e for e in _annotated(engine, _SUMMIT, "summit").entities if e.name == "Berlin")
    assert (berlin.type, berlin.country, len(berlin.mentions)) == ("GPE", "DEU", 2)


def test_the_town_of_a_dateline_in_ordinary_case_is_a_place(engine):
    text = "Mingora, 4 September 2026 \u2014 Prime Minister Shehbaz Sharif on Thursday visited the flooded valley.\n"
    by_name = {e.name: e for e in _annotated(engine, text, "flood").entities}
    assert by_name["Mingora"].type == "GPE"


def test_a_dateline_town_named_nowhere_else_is_shown_in_ordinary_case(engine):
    text = "ISTANBUL, April 14, 2026 \u2014 An earthquake hit Turkey's Izmir province on Tuesday, officials said.\n"
    by_name = {e.name: e for e in _annotated(engine, text, "q").entities}
    assert by_name["Istanbul"].type == "GPE"
    # the model takes "Izmir" for a person; "province" after it says otherwise
    assert by_name["Izmir"].type == "GPE"


def test_a_square_is_no_person_and_the_commission_is_the_european_one_named_before(engine):
    # Written for this test.
    text = (
        "Protesters filled Slavija Square in Belgrade on Saturday. The European Commission urged restraint. "
        '"Peaceful protest is a right," a Commission spokesperson said.'
    )
    by_name = {e.name: e for e in _annotated(engine, text, "s").entities}
    assert by_name["Slavija Square"].type == "FAC"
    commission = by_name["European Commission"]
    assert len(commission.mentions) == 2 and "Commission" not in by_name


def test_the_short_form_of_an_organisation_is_no_key_across_articles():
    from rashomon.entities.resolve import entity_keys

    keys = entity_keys("ORG", "European Commission", ["Commission"], None)
    assert "name:org:commission" not in keys and "name:org:european commission" in keys


@pytest.mark.parametrize(
    ("name", "bare"),
    [("Georgian Dream party", "name:org:georgian dream"), ("Labour Party", None), ("Georgian Dream", None)],
)
def test_a_party_is_known_without_the_word_party_when_its_name_keeps_two_words(name: str, bare: str | None):
    from rashomon.entities.resolve import entity_keys

    keys = entity_keys("ORG", name, [], None)
    added = [key for key in keys if key.startswith("name:") and key != f"name:org:{name.lower()}"]
    assert added == ([bare] if bare else [])


def test_an_acronym_the_article_never_spells_out_in_brackets_is_the_one_organisation_it_abbreviates(engine):
    # Written for this test.
    text = (
        "The Rapid Support Forces shelled the hospital on Wednesday. The RSF denied any role. "
        "Students at the University of Kent marched in the UK."
    )
    by_name = {e.name: e for e in _annotated(engine, text, "r").entities}
    assert len(by_name["Rapid Support Forces"].mentions) == 2 and "RSF" not in by_name
    assert len(by_name["University of Kent"].mentions) == 1  # "UK" is the country


def test_an_acronym_in_brackets_after_a_name_is_that_organisations_in_any_language(engine):
    # Written for this test: the acronym spells the party's name in its own language.
    text = (
        "Thousands of supporters of the Valdorian People's Party (VHP) rallied in Kessel on Thursday. "
        "The VHP said it would appeal the verdict."
    )
    by_name = {e.name: e for e in _annotated(engine, text, "rally").entities}
    party = next(e for name, e in by_name.items() if "People's Party" in name)
    assert "VHP" not in by_name and "VHP" in party.aliases


def test_a_short_name_in_brackets_made_of_pieces_of_the_name_is_that_organisations(engine):
    # Written for this test: "TurkStat" is pieces of "Turkish Statistical Institute", in order.
    text = (
        "Inflation slowed to 32.9 percent, the Turkish Statistical Institute (TurkStat) said on Friday. "
        "TurkStat said food prices rose 28.4 percent."
    )
    by_name = {e.name: e for e in _annotated(engine, text, "stat").entities}
    assert "TurkStat" not in by_name and "TurkStat" in by_name["Turkish Statistical Institute"].aliases


def test_a_common_word_opening_a_sentence_and_the_last_word_of_a_bill_are_no_people(engine):
    # Written for this test: the model takes "Calm" and the "Bill" of "the Finance Bill" for people,
    # and "Interior Cabinet" (of the Kenyan title "Cabinet Secretary") for a body.
    text = (
        "NAIROBI, June 25, 2027 \u2014 Calm returned to the streets of Nairobi on Friday. Interior Cabinet "
        "Secretary Kipchumba Murkomen said the Finance Bill would pass."
    )
    names = {e.name: e.type for e in _annotated(engine, text, "n").entities}
    assert names.get("Kipchumba Murkomen") == "PERSON"
    assert not {"Calm", "Bill", "Interior Cabinet"} & set(names)


def test_what_is_besieged_is_a_place(engine):
    text = "Some of the soldiers had been held since the siege of Mariupol in 2022."
    names = {e.name: e.type for e in _annotated(engine, text, "m").entities}
    assert names.get("Mariupol") == "GPE"


def test_the_guards_are_one_organisation_under_their_names_and_short_form(engine):
    text = (
        "The naval forces of the Islamic Revolution Guards Corps (IRGC) seized a tanker on Monday, the Guards said. "
        "Iran's Revolutionary Guards have seized five tankers since 2023."
    )
    organisations = [e for e in _annotated(engine, text, "guards").entities if e.type == "ORG"]
    (guards,) = [e for e in organisations if e.name == "Islamic Revolutionary Guard Corps"]
    assert {"IRGC", "Guards", "Revolutionary Guards"} <= set(guards.aliases) and guards.country == "IRN"


def test_a_nationality_the_model_calls_a_person_or_a_place_with_a_common_noun_is_no_name(engine):  # type: ignore[no-untyped-def]
    text = "Azerbaijani forces opened fire near the Kazakh city of Aktau, Azerbaijani officials said."
    entities = _annotated(engine, text, "nationality").entities
    assert {(e.name, e.type) for e in entities} == {("Azerbaijani", "NORP"), ("Aktau", "GPE")}
    # (A nationality run into a title and a name is left out of the name: the crash fixtures' test.)
