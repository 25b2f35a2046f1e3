"""A story's comparison assembled from the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.cli import main
from rashomon.compare.build import FramingModels, _ArticleFacts, _merge_same_names, compare_story
from rashomon.entities.tables import load_entity_tables
from rashomon.model import CorpusEntity, Mention, Quote, Speaker
from rashomon.store.sqlite import ArticleEntity, Store

WIRES = Path(__file__).resolve().parents[1] / "fixtures" / "compare"


def _compared(engine, db: Path, *fixtures: str):  # type: ignore[no-untyped-def]
    """Ingest fixture articles into a fresh store and compare the one story they make."""
    assert main(["--db", str(db), "ingest", "--quiet", *(str(WIRES / name) for name in fixtures)]) == 0
    with Store.open(db) as store:
        (story,) = store.stories()
        return compare_story(store, story.id, FramingModels.load(engine.encoder))


@pytest.mark.model
def test_an_agency_dateline_is_not_a_statement(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Both reports open with the agency's "MERLO, March 4. /VNA/.": the same words, but no statement
    # two outlets share.
    comparison = _compared(engine, tmp_path / "wire.db", "wire_talks_1.txt", "wire_talks_2.txt")
    texts = [s.text for group in comparison.groups for s in group.statements]
    assert texts and not [text for text in texts if "/VNA/" in text]
    assert any(group.label == "shared" and "Kessel" in group.statements[0].text for group in comparison.groups)


@pytest.mark.model
def test_a_place_named_only_in_the_dateline_gets_no_tone(engine, tmp_path):  # type: ignore[no-untyped-def]
    comparison = _compared(engine, tmp_path / "flood.db", "dateline_flood.txt")
    tones = [tone for framing in comparison.framing for tone in framing.tone]
    assert all(tone.sentences > 0 for tone in tones)
    assert "KORVA" not in {tone.name for tone in tones}


@pytest.mark.model
def test_a_town_is_no_actor_to_take_a_tone_toward(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire's first report of a flood, naming the towns it struck.
    comparison = _compared(engine, tmp_path / "flood.db", "flood_swat_wire_day1.txt")
    toward = {tone.name for framing in comparison.framing for tone in framing.tone}
    assert toward and not toward & {"Mingora", "Bahrain"}


def _entity(entity_id: str, name: str, kind: str, *sentences: int, country: str | None = None) -> ArticleEntity:
    corpus = CorpusEntity(entity_id, name, kind, country, (), (), len(sentences), 1)
    return ArticleEntity(corpus, tuple(Mention(0, len(name), name, kind, s) for s in sentences))


def test_one_name_is_one_entity_within_a_story():
    # The corpus keeps "al-Bab" tagged as a place and as an organisation apart; the story names it once,
    # as the place when it is named as often as each (two mentions each here).
    first = _ArticleFacts(None, (), (_entity("e-loc", "al-Bab", "LOC", 0, 2), _entity("e-org", "al-Bab", "ORG", 3)),
                          {"e-org": ["town"]}, (), (), ())  # type: ignore[arg-type]  # fmt: skip
    second = _ArticleFacts(None, (), (_entity("e-org", "Al-Bab", "ORG", 1),), {}, (), (), ())  # type: ignore[arg-type]
    merged = _merge_same_names([first, second], load_entity_tables())
    assert [[(e.entity.id, len(e.mentions)) for e in item.entities] for item in merged] == [
        [("e-loc", 3)],
        [("e-loc", 1)],
    ]
    assert merged[0].roles == {"e-loc": ["town"]}
    # Named more often as a body, it stays the body.
    third = _ArticleFacts(None, (), (_entity("e-org", "Al-Bab", "ORG", 4, 5),), {}, (), (), ())  # type: ignore[arg-type]
    merged = _merge_same_names([first, second, third], load_entity_tables())
    assert {e.entity.id for item in merged for e in item.entities} == {"e-org"}


def test_a_nationality_is_its_country_within_a_story():
    first = _ArticleFacts(None, (), (_entity("e-turkish", "Turkish", "NORP", 0, 1, country="TUR"),
                                     _entity("e-ankara", "Ankara", "GPE", 2, country="TUR")),
                          {}, (), (), ())  # type: ignore[arg-type]  # fmt: skip
    second = _ArticleFacts(None, (), (_entity("e-turkey", "Turkey", "GPE", 0, country="TUR"),), {}, (), (), ())  # type: ignore[arg-type]
    merged = _merge_same_names([first, second], load_entity_tables())
    assert [sorted(e.entity.name for e in item.entities) for item in merged] == [["Ankara", "Turkey"], ["Turkey"]]


def test_shorter_forms_of_a_name_are_one_person_within_a_story():
    first = _ArticleFacts(None, (), (_entity("e-full", "Recep Tayyip Erdoğan", "PERSON", 0),
                                     _entity("e-jong-un", "Kim Jong-un", "PERSON", 1)),
                          {}, (), (), ())  # type: ignore[arg-type]  # fmt: skip
    second = _ArticleFacts(None, (), (_entity("e-short", "Tayyip Erdogan", "PERSON", 0, 1),
                                      _entity("e-jong-nam", "Kim Jong-nam", "PERSON", 2)),
                           {}, (), (), ())  # type: ignore[arg-type]  # fmt: skip
    merged = _merge_same_names([first, second], load_entity_tables())
    names = [sorted(e.entity.name for e in item.entities) for item in merged]
    assert names == [["Kim Jong-un", "Recep Tayyip Erdoğan"], ["Kim Jong-nam", "Recep Tayyip Erdoğan"]]


def test_a_shorter_form_joins_the_one_fuller_name_that_holds_it_and_so_do_its_quotes():
    # "Failaq al Rahman", a group the model tagged as a person, shares the family name but does not
    # hold "Abdel Rahman": it must not keep the director's two forms apart. A bare "Kim" beside two
    # Kims joins neither.
    said = Quote(0, 10, "it began", "indirect", None, "said", Speaker(0, 12, "Abdel Rahman", "e-short", "Abdel Rahman"))
    # The same person's quote under another spelling of his full name is listed under the story's one.
    added = Quote(
        20,
        30,
        "it grew",
        "indirect",
        None,
        "added",
        Speaker(20, 36, "Rami Abdel-Rahman", "e-full", "Rami Abdel-Rahman"),
    )
    first = _ArticleFacts(None, (), (_entity("e-full", "Rami Abdel Rahman", "PERSON", 0),
                                     _entity("e-short", "Abdel Rahman", "PERSON", 1, 2),
                                     _entity("e-group", "Failaq al Rahman", "PERSON", 3),
                                     _entity("e-jong-un", "Kim Jong-un", "PERSON", 4),
                                     _entity("e-jong-nam", "Kim Jong-nam", "PERSON", 5),
                                     _entity("e-kim", "Kim", "PERSON", 6)),
                          {}, (said, added), (), ())  # type: ignore[arg-type]  # fmt: skip
    (merged,) = _merge_same_names([first], load_entity_tables())
    assert sorted(e.entity.name for e in merged.entities) == [
        "Failaq al Rahman", "Kim", "Kim Jong-nam", "Kim Jong-un", "Rami Abdel Rahman",
    ]  # fmt: skip
    assert [(q.speaker.entity, q.speaker.name) for q in merged.quotes if q.speaker] == [
        ("e-full", "Rami Abdel Rahman")
    ] * 2


def _written(entity_id: str, name: str, *forms: str) -> ArticleEntity:
    """A person the corpus calls ``name``, written in this article as ``forms``."""
    corpus = CorpusEntity(entity_id, name, "PERSON", None, (), (), len(forms), 1)
    return ArticleEntity(corpus, tuple(Mention(0, len(form), form, "PERSON", n) for n, form in enumerate(forms)))


def test_a_short_form_linked_to_someone_the_story_never_names_is_not_shown_as_them():
    # Across the corpus "Kim" and "Trump" were linked to the most-mentioned bearers elsewhere.
    first = _ArticleFacts(None, (), (_written("e-jong-nam", "Kim Jong-nam", "Kim Jong-nam"),
                                     _written("e-connie", "Connie Kim", "Kim", "Kim"),
                                     _written("e-donald", "Donald Trump", "Donald Trump"),
                                     _written("e-melania", "Melania Trump", "Trump"),
                                     _written("e-obama", "Barack Obama", "Obama")),
                          {}, (), (), ())  # type: ignore[arg-type]  # fmt: skip
    (merged,) = _merge_same_names([first], load_entity_tables())
    names = sorted(e.entity.name for e in merged.entities)
    # "Kim" is Kim Jong-nam's family name, written first, as "Trump" is Donald Trump's. No one else
    # in the story is an Obama: the corpus's link stands.
    assert names == ["Barack Obama", "Donald Trump", "Kim Jong-nam"]
    # A first name is no family name: a "Connie" the story shares with Connie Lee is called "Connie".
    second = _ArticleFacts(None, (), (_written("e-lee", "Connie Lee", "Connie Lee"),
                                      _written("e-connie", "Connie Kim", "Connie")),
                           {}, (), (), ())  # type: ignore[arg-type]  # fmt: skip
    (merged,) = _merge_same_names([second], load_entity_tables())
    assert sorted(e.entity.name for e in merged.entities) == ["Connie", "Connie Lee"]


@pytest.mark.model
def test_tone_toward_an_actor_leaves_out_what_the_actor_says(engine, tmp_path):  # type: ignore[no-untyped-def]
    # The monitoring group reports deaths and an attack: those are its words, not the article's
    # judgement of it. A quotation's words do count toward the actor they name (Halek).
    comparison = _compared(engine, tmp_path / "shelling.db", "monitor_shelling.txt")
    tones = {tone.name: tone for framing in comparison.framing for tone in framing.tone}
    assert "Varnsk Monitoring Group" not in tones or tones["Varnsk Monitoring Group"].unfavourable == 0
    halek = next(tone for name, tone in tones.items() if "Halek" in name)
    assert halek.unfavourable >= 1
    assert any("corrupt" in example.text for example in halek.examples)


def test_a_place_named_as_where_something_happened_takes_no_tone():
    from rashomon.compare.align import Statement
    from rashomon.compare.build import _mentions_toward

    text = "The brutal attack in Ardania killed 75. Ardania condemned the attack. Talks in Lodz failed."
    ardania = CorpusEntity("e-ard", "Ardania", "GPE", None, (), (), 2, 1)
    mentions = tuple(Mention(s, s + 7, "Ardania", "GPE", n) for n, s in enumerate((21, 40)))
    entity = ArticleEntity(ardania, mentions)

    def statement(start: int, end: int) -> Statement:
        return Statement("a", "A", 0, start, end, text[start:end], frozenset({"e-ard"}), (), frozenset(),
                         frozenset(), True)  # fmt: skip

    assert _mentions_toward(entity, statement(0, 39), text) == []
    assert _mentions_toward(entity, statement(40, 69), text) == [mentions[1]]
    # A person in the same place is still who the words are about.
    person = ArticleEntity(CorpusEntity("e-p", "Ardania", "PERSON", None, (), (), 1, 1), mentions[:1])
    assert _mentions_toward(person, statement(0, 39), text) == [mentions[0]]
    # "in central Ardania" is where it happened too.
    text = "Violent groups attacked police officers in central Ardania on Saturday."
    where = ArticleEntity(ardania, (Mention(51, 58, "Ardania", "GPE", 0),))
    assert _mentions_toward(where, statement(0, len(text)), text) == []


def test_a_sentence_inside_a_quotation_is_its_speakers_words_not_the_outlets_opinion():
    from rashomon.compare.align import Statement
    from rashomon.compare.build import _mostly_quoted

    text = '"The past days have been hard," the minister said. "But we cannot let these events divide us."'
    second = text.index("But")

    def statement(start: int, end: int) -> Statement:
        return Statement("a", "A", 0, start, end, text[start:end], frozenset(), (), frozenset(), frozenset(), True)

    quotations = [(1, text.index(",")), (second, len(text) - 1)]
    assert _mostly_quoted(statement(second - 1, len(text)), quotations)
    assert not _mostly_quoted(statement(0, second - 1), quotations)


@pytest.mark.model
def test_two_undated_wires_disagree_on_the_toll_of_one_night(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a Western and a Russian wire on the same strikes, dated only by their
    # datelines, with no outlet; one gives "at least 12" killed in Kyiv, the other "eight" in "the capital".
    comparison = _compared(engine, tmp_path / "night.db", "strikes_berlin_wire.txt", "strikes_moscow_wire.txt")
    assert {str(article.published) for article in comparison.articles} == {"2026-03-03"}
    conflicts = _conflicts(comparison)
    assert conflicts == ["tolls differ (people killed): eight vs at least 12"]


def _conflicts(comparison) -> list[str | None]:  # type: ignore[no-untyped-def]
    """What each conflict of the comparison says, in its order."""
    return [group.conflict for group in comparison.groups if group.label == "conflict"]


def _shared_sentences(comparison) -> list[set[str]]:  # type: ignore[no-untyped-def]
    return [
        {statement.text for statement in group.statements} for group in comparison.groups if group.label != "single"
    ]


def _lined_up(comparison, first: str, second: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether one group across articles holds a sentence with each of the two pieces of text."""
    return any(
        any(first in text for text in group) and any(second in text for text in group)
        for group in _shared_sentences(comparison)
    )


@pytest.mark.model
def test_what_one_speaker_says_is_matched_clause_by_clause(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: an independent and a pro-government report on one protest. The first puts
    # two things the president said in one sentence; the second gives them in two.
    comparison = _compared(engine, tmp_path / "protest.db", "protest_belgrade_wire.txt", "protest_belgrade_state.txt")
    shared = _shared_sentences(comparison)
    no_early_vote = next(group for group in shared if any("no early vote" in text for text in group))
    assert any("no early elections" in text for text in no_early_vote)
    assert _lined_up(comparison, "22 people were detained", "22 rioters")


@pytest.mark.model
def test_two_different_things_one_speaker_said_are_not_one_statement(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Peskov's "the strikes hit military infrastructure only" and "the strikes were a response to
    # Ukrainian attacks" open alike; what he says differs.
    comparison = _compared(engine, tmp_path / "night.db", "strikes_berlin_wire.txt", "strikes_moscow_wire.txt")
    for group in _shared_sentences(comparison):
        assert not (
            any("military infrastructure only" in text for text in group)
            and any("a response to Ukrainian attacks" in text for text in group)
        )


@pytest.mark.model
def test_two_tolls_of_one_named_day_in_one_town_conflict(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a government-side report of one strike on a hospital, each
    # giving its toll "on Wednesday".
    comparison = _compared(engine, tmp_path / "hospital.db", "hospital_nairobi_wire.txt", "hospital_port_sudan.txt")
    conflicts = _conflicts(comparison)
    assert "tolls differ (people killed): 30 vs 43" in conflicts


@pytest.mark.model
def test_two_reports_of_an_election_disagree_on_the_shares_and_the_fraud_and_agree_on_the_arrests(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a government-side report of one election, each with its own
    # result and turnout, and the same count of arrests under different words.
    comparison = _compared(
        engine, tmp_path / "election.db", "election_tbilisi_wire.txt", "election_tbilisi_government.txt"
    )
    assert set(_conflicts(comparison)) == {
        "numbers differ (percent): 54 percent vs 52.3%",
        "numbers differ (percent): 52 percent vs 49.8%",
        "one calls unfounded what the other reports: ballot stuffing",
    }
    shared = [{s.text for s in group.statements} for group in comparison.groups if group.label == "shared"]
    assert any("Police said 14 people were detained." in texts for texts in shared)
    # What is disputed is not also listed as told by one article only.
    singles = [group.statements[0].text for group in comparison.groups if group.label == "single"]
    assert not [text for text in singles if "ballot stuffing" in text or "Turnout" in text]


@pytest.mark.model
def test_two_reports_of_a_verdict_disagree_on_the_term(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a government-side report of one verdict, each with its own term.
    comparison = _compared(
        engine, tmp_path / "verdict.db", "verdict_istanbul_wire.txt", "verdict_istanbul_government.txt"
    )
    conflicts = set(_conflicts(comparison))
    assert "numbers differ (prison term): eight years and two months vs 10 years" in conflicts
    named = {subject.name for subject in comparison.subjects if len(subject.articles) == 2}
    assert "Republican People's Party" in named  # "(CHP)" in one, "CHP" in the other


@pytest.mark.model
def test_two_reports_of_a_protest_share_the_ministers_toll_and_one_calls_protesters_goons(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a government-side report of one protest, and the wire's report
    # two days on. Both first reports give the minister's toll of six in other words.
    comparison = _compared(
        engine,
        tmp_path / "protest.db",
        "protest_nairobi_wire.txt",
        "protest_nairobi_government.txt",
        "protest_nairobi_wire_day3.txt",
    )
    assert {article.outlet for article in comparison.articles} == {None, "The National Sentinel", "Global Wire Service"}
    shared = _shared_sentences(comparison)
    assert any(
        any("six people had died" in text for text in group)
        and any("six people lost their lives" in text for text in group)
        for group in shared
    )
    # the commission's toll two days on, "up from 19", is its first toll raised, not a dispute
    assert any(
        any("19 people were killed" in text for text in group)
        and any("23 people had been killed" in text for text in group)
        for group in shared
    )
    assert not [group for group in comparison.groups if group.label == "conflict"]
    sentinel = next(framing for framing in comparison.framing if framing.outlet == "The National Sentinel")
    assert [use.term for use in sentinel.loaded] == ["goons"]
    # "did not respond to requests for comment" quotes no one
    assert "Opposition leaders" not in {speaker.name for speaker in sentinel.speakers}


@pytest.mark.model
def test_two_reports_of_a_prisoner_swap_share_the_mediation_and_do_not_set_its_parts_against_its_whole(
    engine, tmp_path
):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a Russian state report of one exchange. "390 prisoners each",
    # "Three hundred and ninety Russian servicemen" and "270 soldiers and 120 civilians" are parts and
    # wholes of one count, not a dispute.
    comparison = _compared(engine, tmp_path / "swap.db", "swap_kyiv_wire.txt", "swap_moscow_state.txt")
    assert _conflicts(comparison) == []
    shared = _shared_sentences(comparison)
    assert any(any("mediation of the United Arab Emirates" in text for text in group) for group in shared)
    wire = next(framing for framing in comparison.framing if framing.outlet == "Global Wire Service")
    assert "Ukraine's coordination headquarters for the treatment of prisoners of war" in {
        speaker.name for speaker in wire.speakers
    }
    assert "Mariupol" not in {tone.name for tone in wire.tone}  # a besieged city, no actor


@pytest.mark.model
def test_an_opinion_column_is_labelled_so_and_judges_more_than_the_report(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire report of a protest and a column on it, titled "Opinion: ...".
    comparison = _compared(engine, tmp_path / "column.db", "protest_nairobi_wire.txt", "protest_nairobi_opinion.txt")
    by_outlet = {framing.outlet: framing for framing in comparison.framing}
    column, report = by_outlet["The Lakeside Review"], by_outlet[None]
    assert column.genre is not None and column.genre.kind == "opinion" and report.genre is None
    assert column.subjective_share > 0.5 > report.subjective_share


@pytest.mark.model
def test_two_accounts_of_a_tanker_seizure_dispute_its_waters_and_its_crew(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and an Iranian state report of one seizure. The Guards are one
    # actor under three names; where the tanker was stopped and how many crew it had are the disputes.
    comparison = _compared(engine, tmp_path / "tanker.db", "tanker_hormuz_wire.txt", "tanker_hormuz_state.txt")
    conflicts = _conflicts(comparison)
    assert "numbers differ (crew): 24 vs 23" in conflicts
    assert any(
        conflict is not None
        and conflict.startswith("places differ (waters)")
        and "in international waters" in conflict
        and "inside Iranian territorial waters" in conflict
        for conflict in conflicts
    )
    shared = _shared_sentences(comparison)
    assert any(
        any("Revolutionary Guards seized" in text for text in group)
        and any("Islamic Revolution Guards Corps (IRGC) on Monday seized" in text for text in group)
        for group in shared
    )
    named_by_both = {subject.name for subject in comparison.subjects if len(subject.articles) == 2}
    assert "Islamic Revolutionary Guard Corps" in named_by_both


@pytest.mark.model
def test_two_accounts_of_an_air_crash_share_its_toll_and_name_the_same_people(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a Russian state agency on one crash. "killing 38 of the 67
    # people on board" and "Thirty-eight people were killed" give one toll (67 is everyone on board,
    # not a second toll); a nationality before a title is no part of the president's name, and a
    # dateline's agency is no party to the story. The one dispute is the drone attack the agency
    # says there was none of.
    comparison = _compared(engine, tmp_path / "crash.db", "crash_aktau_wire.txt", "crash_aktau_state.txt")
    (denial,) = [group for group in comparison.groups if group.label == "conflict"]
    assert denial.conflict == "one denies what the other reports: drone attack"
    assert [statement.text.split(",")[0] for statement in denial.statements] == [
        "The Embraer 190",
        "The Grozny airport was closed on Wednesday morning because of heavy fog",
    ]
    shared = _shared_sentences(comparison)
    assert any(
        any("killing 38 of the 67 people on board" in text for text in group)
        and any("Thirty-eight people were killed" in text for text in group)
        for group in shared
    )
    names = {subject.name for subject in comparison.subjects}
    assert "Kassym-Jomart Tokayev" in names and "CAW" not in names and "Kazakh city" not in names


@pytest.mark.model
def test_two_capitals_accounts_of_a_border_clash_blame_each_other(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a report from each side of one clash. Each says the other opened fire;
    # that is the dispute, and the two ledes are not shown as agreeing. "Armenia's Defence Ministry"
    # and "the Armenian Defence Ministry" are one body of the story.
    comparison = _compared(engine, tmp_path / "border.db", "border_clash_yerevan.txt", "border_clash_baku.txt")
    (conflict,) = [group for group in comparison.groups if group.label == "conflict"]
    assert conflict.conflict == (
        "sides differ (who attacked whom): Azerbaijan against Armenia vs Armenia against Azerbaijan"
    )
    assert all(
        group.label != "shared" for group in comparison.groups if set(group.statements) <= set(conflict.statements)
    )
    named_by_both = {subject.name for subject in comparison.subjects if len(subject.articles) == 2}
    assert {"Armenian Defence Ministry", "Azerbaijan", "Armenia"} <= named_by_both
    # Soldiers killed are no hostile tone toward their country; an accusation against it is.
    tones = {(framing.outlet, tone.name): tone for framing in comparison.framing for tone in framing.tone}
    killed = [c for c in tones["Caucasus Daily", "Armenia"].examples if "Two Armenian soldiers were killed" in c.text]
    assert killed == [] and tones["Baku Herald", "Yerevan"].unfavourable == 1


@pytest.mark.model
def test_two_accounts_of_a_shipwreck_set_tolls_counts_aboard_and_a_denied_tow_against_each_other(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a state broadcaster on one migrant boat that sank at sea. No
    # town is named by both ledes, but both tell the same rescue of 104 people, so their tolls ("78
    # bodies", "At least 79 people drowned") are set against each other; "between 500 and 700
    # people had been on board" is one range against "about 400 people on board"; survivors' "tried
    # to tow it" is what the coast guard denies.
    comparison = _compared(engine, tmp_path / "boat.db", "shipwreck_pylos_wire.txt", "shipwreck_pylos_state.txt")
    assert set(_conflicts(comparison)) == {
        "tolls differ (people killed): 78 vs At least 79",
        "numbers differ (people aboard): between 500 and 700 vs about 400",
        "one denies what the other reports: tow the vessel",
    }
    shared = _shared_sentences(comparison)
    assert any(
        any("rescued 104 people" in text for text in group)
        and any("104 people had been rescued" in text for text in group)
        for group in shared
    )


@pytest.mark.model
def test_a_blame_and_a_denial_of_it_are_one_dispute_and_a_speakers_word_is_not_the_outlets(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a Baltic wire and a Moscow paper on one pipeline blast. The wire has the
    # prime minister lay it at Russian military intelligence's door; the paper has Moscow say it had
    # nothing to do with it, "calling the accusations ... baseless" (the spokeswoman's word).
    comparison = _compared(engine, tmp_path / "blast.db", "pipeline_iecava_wire.txt", "pipeline_iecava_state.txt")
    assert set(_conflicts(comparison)) == {
        "responsibility disputed: ordered by Russian military intelligence vs Russia had nothing to do with",
        "numbers differ (people detained): two vs three",  # "three men, two Latvian citizens and ...": three
    }
    paper = next(framing for framing in comparison.framing if framing.outlet == "Moskva Segodnya")
    assert [use.term for use in paper.loaded] == []
    assert "Russophobic" not in {subject.name for subject in comparison.subjects}
    wire = next(framing for framing in comparison.framing if framing.outlet == "Baltic News Wire")
    speakers = {speaker.name: speaker for speaker in wire.speakers}
    assert speakers["Arturs Kalnins"].direct == 1  # "Kalnins told reporters", a name read as a plural noun
    assert speakers["Lithuania's foreign minister"].indirect == 2  # not the Latvian prime minister


@pytest.mark.model
def test_two_readings_of_one_earthquake_set_magnitude_and_tolls_against_each_other(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a state radio on one earthquake. The radio names "Van
    # province", a name the model leaves untagged; its "on Friday morning" is the wire's "early on
    # Friday"; "more than 600" injured cannot be 580, round as 600 is; the aftershock's magnitude is
    # not the quake's; and the quake's clause matched to the wire's lede leaves the toll's clause of
    # the same sentence to be compared on its own. Buildings collapsed are counted as destroyed, and
    # one minister's count of rescuers is one figure in both.
    comparison = _compared(engine, tmp_path / "quake.db", "quake_van_wire.txt", "quake_van_state.txt")
    assert (
        set(_conflicts(comparison))
        == {
            "tolls differ (people killed): 39 vs at least 41",
            "tolls differ (people injured): 580 vs more than 600",
            "numbers differ (magnitude): 6.8 vs 7.1",
            "numbers differ (depth): 7 km vs 10 km",  # the radio's names no town but its lede's province
            "numbers differ (building destroyed): 52 vs At least 85",  # buildings collapsed; the radio's 52 was tagged no number
            "numbers differ (personnel): more than 5,000 vs 3,500",  # the minister's rescuers, as each outlet has him
        }
    )
    assert "Van" in {subject.name for subject in comparison.subjects}


@pytest.mark.model
def test_a_mine_blast_told_by_a_wire_and_a_state_agency_sets_their_tolls_against_each_other(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a state agency on one mine blast. "Killing at least nine
    # miners" counts people killed as "six miners were killed" does; "14 trapped" and "11 remain
    # unaccounted for" are the missing; the agency's toll names no place, but its lede names
    # "Karaganda region", where the wire's Shakhtinsk lies; and its toll names no day, where the
    # wire's is "early on Thursday". Those brought to the surface and those evacuated were rescued.
    comparison = _compared(engine, tmp_path / "mine.db", "mine_shakhtinsk_wire.txt", "mine_shakhtinsk_state.txt")
    assert set(_conflicts(comparison)) == {
        "tolls differ (people killed): Six vs at least nine",
        "tolls differ (people missing): 11 vs 14",
    }
    # "brought 212 miners to the surface" and "212 people were evacuated to safety": one count of the rescued.
    assert _lined_up(comparison, "212 miners", "212 people")


@pytest.mark.model
def test_a_ministry_denying_an_outbreaks_spread_disputes_the_wire_that_reports_it(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a state paper on one cholera outbreak. "Sofala province" and
    # "Mozambique's central Sofala province" name one place; "denied reports that the disease had
    # spread to Manica province" is matched to "Cases have also been confirmed in ... Manica". The
    # ledes give running counts: the ministry's "21 deaths and 850 cases", the WHO's "at least 34" and
    # "more than 1,200".
    comparison = _compared(engine, tmp_path / "cholera.db", "cholera_beira_wire.txt", "cholera_beira_state.txt")
    assert set(_conflicts(comparison)) == {
        "one denies what the other reports: the disease had spread to Manica province",
        # counts up to each report, "since the start of the year" and "since mid-January"
        "tolls differ (people killed): 21 vs at least 34",
        "tolls differ (people infected): 850 vs more than 1,200",
    }
    named = {subject.name: subject for subject in comparison.subjects}
    assert "Sofala" in named and "Sofala province" not in named
    assert len({citation.article_id for citation in named["Sofala"].citations}) == 2


@pytest.mark.model
def test_two_accounts_of_a_deal_set_its_worth_and_its_rate_against_each_other(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a wire and a state agency on one loan deal. "about $10 billion" and "12
    # billion U.S. dollars" are one sum told two ways; "an interest rate of 3.4 percent over 40 years"
    # and "a preferential interest rate of 2 percent" one rate (the 40 years are its term, not its
    # time). The agency's first sentence is whole after its dateline, the wire's own name ("a document
    # seen by Pacific Wire") is no place, and words inside quotation marks are the speakers'.
    comparison = _compared(engine, tmp_path / "deal.db", "rail_jakarta_wire.txt", "rail_jakarta_state.txt")
    assert set(_conflicts(comparison)) == {
        "numbers differ (money): 12 billion U.S. dollars vs about $10 billion",
        "numbers differ (percent): 2 percent vs 3.4 percent",
    }
    agency = next(framing for framing in comparison.framing if framing.outlet == "Huaxia News Agency")
    assert [use.term for use in agency.loaded] == ["smeared"]


@pytest.mark.model
def test_a_drone_strike_told_by_both_sides_lines_up_the_governors_words_clause_by_clause(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a Ukrainian wire and a Russian state agency on one night's drone attack on
    # a refinery town. The wire's governor "said drone debris had fallen on an industrial site and that
    # two people had been injured"; the agency gives the two things he said in two sentences, the
    # first inside a quotation that opens with "Debris" ("... he wrote"), the second as "One person
    # was injured". The plant's owner calls a strike on it false.
    comparison = _compared(engine, tmp_path / "drone.db", "drone_saratov_kyiv.txt", "drone_saratov_moscow.txt")
    assert set(_conflicts(comparison)) == {
        "one calls unfounded what the other reports: a strike",
        "numbers differ (people injured): One vs two",
    }
    assert _lined_up(comparison, "drone debris had fallen", '"Debris from a downed drone')
    agency = next(framing for framing in comparison.framing if framing.outlet == "Moscow State News Agency")
    assert "Debris" not in {speaker.name for speaker in agency.speakers}


@pytest.mark.model
def test_a_village_one_side_says_it_took_and_the_other_denies_losing_is_in_dispute(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a Russian state agency's "have liberated the settlement of Novoselivka"
    # and a Ukrainian wire's "denied Moscow's claim that the village had been captured". The words
    # differ ("liberated", "captured") and the denial names the village apart from the clause.
    comparison = _compared(
        engine, tmp_path / "village.db", "village_novoselivka_kyiv.txt", "village_novoselivka_moscow.txt"
    )
    assert _conflicts(comparison) == ["one denies what the other reports: the village had been captured"]
    (conflict,) = [group for group in comparison.groups if group.label == "conflict"]
    assert any("have liberated the settlement of Novoselivka" in s.text for s in conflict.statements)


@pytest.mark.model
def test_a_spokeswoman_calling_accusations_unfounded_disputes_the_wire_that_reports_them(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a Russian state agency and a Baltic wire on one expulsion of diplomats.
    # The agency has the spokeswoman call "the accusations of espionage against them absurd and
    # unfounded"; the wire has Lithuania accuse the diplomats "of espionage".
    comparison = _compared(engine, tmp_path / "expel.db", "expulsion_vilnius_state.txt", "expulsion_vilnius_wire.txt")
    assert _conflicts(comparison) == ["one calls unfounded what the other reports: espionage"]


@pytest.mark.model
def test_a_wire_that_restates_the_official_figure_beside_another_source_s_is_in_no_dispute(engine, tmp_path):  # type: ignore[no-untyped-def]
    # Written for this test: a state radio gives the statistics institute's 32.9 percent; a wire gives
    # independent economists' 63.2 percent "nearly double the 32.9 percent reported by the state
    # statistics institute". The outlets agree on what the institute said; the sources differ, within
    # one report. "the Turkish Statistical Institute (TurkStat)" is one body under both names.
    comparison = _compared(engine, tmp_path / "cpi.db", "inflation_ankara_state.txt", "inflation_ankara_wire.txt")
    assert _conflicts(comparison) == []
    assert _lined_up(comparison, "32.9 percent in September", "63.2 percent")
    radio = next(framing for framing in comparison.framing if framing.outlet == "Anatolian State Radio")
    assert "TurkStat" not in {speaker.name for speaker in radio.speakers}
