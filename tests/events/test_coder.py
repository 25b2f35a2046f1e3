"""Event coding on sentences written for these tests (needs the spaCy model)."""

import pytest

from rashomon.entities.resolve import resolve_entities
from rashomon.events.coder import main_event


@pytest.fixture
def code(engine):
    def run(text):
        doc = engine.pipeline.nlp(text)
        entities = resolve_entities(
            doc, tables=engine.tables, gazetteer=engine.pipeline.gazetteer, known_people=engine.pipeline.known_people
        )
        return engine.coder.code(doc, entities, article_id="t")

    return run


def _main(code, text):
    event = main_event(code(text))
    assert event is not None, text
    return event


def test_visit_with_actor_codes_and_anchors(code):
    event = _main(
        code, "Russian President Vladimir Putin hosted the Syrian foreign minister in the Kremlin on Oct. 15."
    )
    assert (event.type, event.cameo, event.mode) == ("CONSULT", "043", "visit")
    assert (event.source.country, event.source.sector) == ("RUS", "GOV")
    assert event.target.country == "SYR"
    assert event.date.text == "Oct. 15" and event.place.text == "Kremlin"


def test_passive_voice_swaps_roles(code):
    event = _main(code, "Two Turkish soldiers were killed by Kurdish militants near the border.")
    assert event.type == "ASSAULT"
    assert event.source.text.endswith("militants") and event.target.country == "TUR"


def test_negation_of_cooperation_is_a_refusal(code):
    event = _main(code, "Egypt said it would not accept any more refugees from Sudan.")
    assert event.type == "REJECT" and event.negated


def test_denial_is_a_rejection(code):
    event = _main(code, "The Jordanian government denied the request for an extradition of the suspects.")
    assert event.type == "REJECT" and event.source.country == "JOR"


def test_intended_cooperation_is_agree_and_stated_hostility_a_threat(code):
    agree = _main(code, "Japan will provide food aid to North Korea next year.")
    assert agree.type == "AGREE" and agree.modality == "intended"
    threat = _main(code, "The rebels vowed to attack the capital within a week.")
    assert threat.type == "THREATEN"


def test_obligation_under_a_speech_verb_is_a_demand(code):
    event = _main(code, "The French president said Iran must release the detained sailors.")
    assert event.type == "REQUEST"
    assert event.source.country == "FRA" and event.target.country == "IRN"


def test_compound_actors_give_one_event_each(code):
    events = [e for e in code("Kenya and Uganda signed a trade agreement on Monday.") if e.type == "SUPPORT"]
    assert {e.source.country for e in events} == {"KEN", "UGA"}


def test_aerial_attacks_and_relative_clauses(code):
    airstrike = _main(code, "Israeli airstrikes targeted an army depot near Damascus.")
    assert airstrike.cameo == "195" and airstrike.source.country == "ISR"
    events = code("Police arrested the protesters who blocked the highway to the airport.")
    blocked = next(e for e in events if e.trigger_text.startswith("blocked"))
    assert blocked.type == "PROTEST" and blocked.source.text.endswith("protesters")


def test_not_every_verb_is_an_event(code):
    assert code("The minister struck a conciliatory tone in his speech.") == ()
    assert code("The weather was pleasant in Geneva on Tuesday.") == ()


def test_provided_as_a_conjunction_is_not_aid(code):
    events = code("Syria is open to cooperation, provided it benefits Damascus.")
    assert not [e for e in events if e.type == "AID"]


def test_passive_in_form_active_in_meaning(code):
    event = _main(code, "Serbian forces were engaged in heavy fighting near the border with Kosovo.")
    assert event.type == "ASSAULT" and event.source is not None and event.source.country == "SRB"


def test_the_subject_of_a_passive_accusation_or_request_undergoes_it(code):
    (accused,) = [e for e in code("The Valdorian minister was accused of corruption.") if e.type == "ACCUSE"]
    assert accused.source is None and accused.target is not None and accused.target.text.endswith("minister")
    (urged,) = [e for e in code("The rebels were urged to lay down their arms.") if e.type == "REQUEST"]
    assert urged.source is None and urged.target is not None and urged.target.text == "rebels"
    (opposed,) = [e for e in code("Valdoria is opposed to the new sanctions.") if e.cameo.startswith("12")]
    assert opposed.source is not None and opposed.source.text == "Valdoria"


def test_an_actor_keeps_the_bracket_that_closes_its_abbreviation(code):
    event = _main(code, "The Valdorian Liberation Front (VLF) rejected the ceasefire.")
    assert event.source is not None and event.source.text == "Valdorian Liberation Front (VLF)"
    event = _main(code, "Foreign Minister Anna Berg (pictured left) rejected the ceasefire.")
    assert event.source is not None and event.source.text == "Foreign Minister Anna Berg"


def test_a_participle_taken_for_the_subject_gives_way_to_its_noun(code):
    (event,) = [
        e for e in code("The Red Cross operating in Valdoria said the army must withdraw.") if e.type == "REQUEST"
    ]
    assert event.source is not None and event.source.text == "Red Cross"


def test_calling_something_a_name_is_no_telephone_call(code):
    assert not [e for e in code("A Valdorian minister called the move a crime.") if e.cameo == "041"]
    assert not [e for e in code("Lavrov called the talks constructive.") if e.cameo == "041"]
    assert not [e for e in code("His new venture, called Brainlink, will study memory.") if e.cameo == "041"]
    assert "REQUEST" in [e.type for e in code("The Valdorian government calls upon its neighbours to help.")]


def test_a_dateline_town_is_not_the_actor(code):
    event = _main(code, "MOSCOW, March 3 /Wire/ - Russian bombers struck rebel positions near Idlib.")
    assert event.source is not None and event.source.text == "Russian bombers"


def test_a_reporting_source_is_not_the_actor_of_a_passive_clause_it_reports(code):
    events = code("Valdorian state media says tunnels were used to launch the assault on Kessel.")
    assault = [e for e in events if e.type == "ASSAULT"]
    assert assault and all(e.source is None or "media" not in e.source.text for e in assault)
    forced = _main(code, "The rebels were forced to withdraw from Kessel after heavy shelling.")
    assert forced.source is not None and forced.source.text == "rebels"


def test_a_verb_joined_to_a_passive_relative_clause_has_its_subject(code):
    event = _main(code, "Petar Kovac, 52, who was born in Kessel but later took his uncle's name, attacked the guards.")
    assert event.source is not None and "Kovac" in event.source.text


def test_a_thing_or_an_idea_is_no_actor(code):
    events = code("The new budget rejects any rise in taxes.")
    assert events and all(e.source is None for e in events)
    protest = _main(code, "Thousands of students protested outside the parliament in Kampala on Friday.")
    assert protest.source is not None and protest.source.text == "Thousands of students"


def test_a_storm_that_hits_is_no_attack_but_a_bomb_that_kills_is(code):
    assert not [e for e in code("The storm hit the coast of Mozambique on Monday.") if e.type == "ASSAULT"]
    bomb = _main(code, "A roadside bomb killed four soldiers in Kandahar.")
    assert bomb.type == "ASSAULT" and bomb.target is not None and bomb.target.text == "four soldiers"


def test_an_owners_measures_that_hit_are_no_attack_but_an_owners_strikes_are(code):
    assert not [e for e in code("Berg's tough austerity measures hit the poorest families.") if e.type == "ASSAULT"]
    strike = _main(code, "Valdoria's airstrikes hit a hospital in Oskar.")
    assert strike.type == "ASSAULT" and strike.source is not None and strike.source.text == "Valdoria's airstrikes"


def test_to_demonstrate_something_is_no_protest(code):
    assert not [e for e in code("The minister has demonstrated an appetite for short meetings.") if e.type == "PROTEST"]
    assert not [e for e in code("The test demonstrated that the dam was safe.") if e.type == "PROTEST"]
    protest = _main(code, "Students demonstrated in Oskar on Monday.")
    assert protest.type == "PROTEST" and protest.source is not None and protest.source.text == "Students"


def test_a_bare_count_of_people_acts_and_undergoes(code):
    protest = _main(code, "Thousands demonstrated outside parliament against the new law.")
    assert protest.type == "PROTEST" and protest.source is not None and protest.source.text == "Thousands"
    (arrest,) = [e for e in code("Hundreds were arrested in Oskar.") if e.type == "COERCE"]
    assert arrest.target is not None and arrest.target.text == "Hundreds"
    assert not [e for e in code("Thousands of euros were stolen.") if e.target is not None]


def test_a_participle_with_a_subject_and_no_auxiliary_is_passive_in_sense(code):
    text = "The crackdown has seen hundreds killed and many thousands jailed."
    (killed,) = [e for e in code(text) if e.type == "ASSAULT"]
    assert killed.source is None and killed.target is not None and killed.target.text == "hundreds"
    (war,) = [
        e for e in code("Valdoria was devastated by civil war, with tens of thousands killed.") if e.cameo == "190"
    ]
    assert war.source is None and war.target is not None and war.target.text == "tens of thousands"


def test_hosting_troops_or_refugees_is_no_visit(code):
    assert not [
        e for e in code("Valdoria and Oskaria both host tens of thousands of US troops.") if e.type == "CONSULT"
    ]
    assert not [e for e in code("Oskar is hosting up to 300,000 refugees.") if e.type == "CONSULT"]
    visit = _main(code, "President Berg hosted the Valdorian prime minister in Oskar.")
    assert visit.type == "CONSULT"


def test_releasing_or_receiving_a_thing_frees_or_hosts_no_one(code):
    assert not [e for e in code("The budget office released its report on Monday.") if e.type == "RETREAT"]
    assert not [e for e in code("The report, released on Monday, dealt a setback to Berg.") if e.type == "RETREAT"]
    assert not [e for e in code("Berg will receive a tax credit of $4,900.") if e.type in {"CONSULT", "AGREE"}]
    freed = [e for e in code("Mubarak was released from detention on Friday.") if e.cameo == "0841"]
    assert freed and freed[0].target is not None and freed[0].target.text == "Mubarak"
    assert _main(code, "President Berg received the Valdorian delegation in Oskar.").type == "CONSULT"
    assert [e.cameo for e in code("The Greens welcomed the survey's findings.")] == ["051"]
    ship = [e for e in code("Pirates agreed to release the ship and its crew.") if e.trigger_text == "release"]
    assert ship, "a crew joined to the ship is someone"


def test_pleading_guilty_is_no_appeal(code):
    assert not [e for e in code("Half of the 25 defendants have pleaded guilty so far.") if e.type == "REQUEST"]
    assert _main(code, "Aid groups are pleading for access to Oskar.").type == "REQUEST"


def test_a_participle_used_as_a_preposition_is_no_act(code):
    assert not [e for e in code("It caused concern given the housing crisis in Oskar.") if e.type == "AID"]
    assert _main(code, "Following the vote, Berg resigned.").source.text == "Berg"


def test_a_call_for_a_clause_is_an_appeal_and_backing_down_a_concession(code):
    assert _main(code, "Berg has called for the tax to be abolished.").type == "REQUEST"
    assert _main(code, "The peers backed down over the residency rights.").type == "CONCEDE"


def test_talking_about_a_topic_is_no_consultation(code):
    assert not [e for e in code("Berg talked about the claim that the mayor lied.") if e.type == "CONSULT"]
    assert _main(code, "Berg talked with the Valdorian president about trade.").type == "CONSULT"
    assert not code("I wish I knew the answers.")


def test_a_journey_to_nowhere_named_is_no_visit(code):
    assert not [e for e in code("Police arrived at the scene of the attack.") if e.type == "CONSULT"]
    assert not [e for e in code("They were seized while travelling by motorcycle.") if e.type == "CONSULT"]
    trip = [e for e in code("Berg was travelling to Asia without the press corps.") if e.type == "CONSULT"]
    assert trip and trip[0].source is not None and trip[0].source.text == "Berg"
    assert _main(code, "Berg will visit Oskar next month.").target.text == "Oskar"


def test_the_noun_a_past_participle_follows_undergoes_it(code):
    killed = [
        e for e in code("Three soldiers killed in the ambush near Gao were buried on Sunday.") if e.type == "ASSAULT"
    ]
    assert killed and killed[0].source is None and killed[0].target.text == "Three soldiers"


def test_unnamed_people_are_a_target_when_no_one_else_is(code):
    event = _main(code, "Police arrested two men outside the station.")
    assert event.type == "COERCE" and event.target is not None and event.target.text == "two men"


def test_a_gerund_after_a_preposition_has_the_subject_or_the_object_of_its_verb(code):
    welcome = [e for e in code("The Valdorian president opened the summit by welcoming the Kessel delegation.")
               if e.trigger_text == "welcoming"]  # fmt: skip
    assert welcome and welcome[0].source.text == "Valdorian president"
    attack = [e for e in code("Kessel accused Valdoria of attacking its border posts.") if e.type == "ASSAULT"]
    assert attack and attack[0].source.text == "Valdoria"


def test_a_party_named_in_a_clause_describing_the_source_is_not_the_target(code):
    event = _main(code, "Kenyan villagers who spoke to AFP blamed the floods on a new dam upstream.")
    assert event.type == "ACCUSE" and event.source.text == "Kenyan villagers"
    assert event.target is None or "AFP" not in event.target.text


def test_one_named_party_is_never_both_source_and_target(code):
    events = code("The reports of a deployment were later denied by both Ankara and Cairo.")
    assert events and all(
        event.target is None or (event.source.entity, event.source.name) != (event.target.entity, event.target.name)
        for event in events
        if event.source is not None
    )


def test_a_credit_line_is_no_event(code):
    assert code("Maria Lopez in Lima and Tom Becker in Quito contributed to this report.") == ()
    assert _main(code, "Japan contributed to the relief fund for Haiti.").type == "AID"


def test_fighting_a_thing_is_no_assault_but_fighting_a_war_is(code):
    assert code("Farmers in the valley have fought the new irrigation tax for years.") == ()
    assert code("The mayor vowed to fight corruption in the port.") == ()
    war = _main(code, "Russia fought a war with Georgia in 2008.")
    assert war.type == "ASSAULT" and war.target.country == "GEO"


def test_a_contrast_a_permission_and_a_musing_are_no_events(code):
    assert code("The scans differed when people acted knowingly as opposed to recklessly.") == ()
    assert code("Residents of the old quarter are welcome to do so.") == ()
    assert code("I often wonder what it must have been like to live in Carthage under Roman rule.") == ()
    assert _main(code, "Farmers in the valley are opposed to the new dam.").type == "REJECT"


def test_shooting_down_an_idea_rejects_it_and_abusing_power_is_no_assault(code):
    idea = _main(code, "Chancellor Vogel shot down the prospect of early talks with Lisbon.")
    assert idea.type == "REJECT"
    assert _main(code, "Rebels shot down a government helicopter near Hama.").type == "ASSAULT"
    assert code("The mayor chose to abuse his official power.") == ()
    assert _main(code, "Police said the guard had abused three inmates.").type == "ASSAULT"


def test_this_or_another_is_no_one_who_acts(code):
    (helping,) = code("This could be particularly useful for helping people with rare blood types.")
    assert helping.source is None


def test_a_number_that_declines_and_a_trade_that_yields_gains_are_no_events(code):
    assert code("The number of wild hamsters in Belgium has declined by more than 99 percent.") == ()
    assert code("Exports to Brazil declined to 3.2 percent of output last year.") == ()
    assert code("Trade between the two regions is likely to yield more shared opportunities.") == ()
    assert _main(code, "The Belgian minister declined to comment on the report.").type == "REJECT"
    assert _main(code, "The rebels yielded to the army's demands on Monday.").type == "CONCEDE"


def test_an_everyday_act_with_no_one_named_on_either_side_is_no_event(code):
    assert code("It gives me great hope, she says.") == ()
    assert code("The new budget calls for a sharp rise in military spending.") == ()
    assert _main(code, "The European Union gave Chad 20 million euros for its schools.").type == "AID"
    assert _main(code, "Three people were killed on Monday.").type == "ASSAULT"


def _refusals(code, text):
    return [event for event in code(text) if event.type == "REJECT" and event.trigger_text.startswith("refused")]


def test_he_carries_the_last_sentences_subject_across_a_sentence(code):
    (refusal,) = _refusals(
        code,
        "David Miller, the father of the fallen diver, has demanded an inquiry into the operation. "
        "He refused to meet the governor at the harbour.",
    )
    assert refusal.source.name == "David Miller" and refusal.source.text == "He"


def test_he_inside_a_quotation_is_not_given_to_the_speaker_before_it(code):
    (refusal,) = _refusals(
        code,
        'Senator Paul Grant spoke on Monday. "It was wrong that he refused to meet the families," Grant said.',
    )
    assert refusal.source is None


def test_he_is_not_given_to_a_person_only_named_sentences_back(code):
    (refusal,) = _refusals(
        code,
        "The report was written about Boris Keller. The weather stayed cold. Rain fell on the city. "
        "The streets flooded. He refused to meet the mayor.",
    )
    assert refusal.source is None


def test_she_is_not_given_to_a_man(code):
    (refusal,) = _refusals(code, "Mr Daniel Ortiz arrived in Lisbon on Monday. She refused to meet the mayor.")
    assert refusal.source is None


def test_she_after_a_named_persons_mother_is_not_that_person(code):
    (visit,) = [
        event
        for event in code(
            "Zhao Mingyu was sentenced in 1995. Zhao's mother said she was relieved when the court agreed to "
            "review the case. She had visited the provincial court many times since 2005."
        )
        if event.trigger_text.startswith("visited")
    ]
    assert visit.source is None


def test_officials_of_todays_news_carry_their_own_country(code):
    # Without the known people, both took the country of the sentence, which is the other side's.
    event = _main(code, "Kaja Kallas criticised Moscow for the strikes.")
    assert (event.source.country, event.target.country) == ("IGO", "RUS")
    event = _main(code, "Mark Rutte warned Russia that NATO would defend every inch of its territory.")
    assert event.source.country == "IGO"


def test_an_act_its_actor_denies_is_negated(code):
    struck = next(e for e in code("The army denied it had shelled the village.") if e.type == "ASSAULT")
    assert struck.negated and struck.modality == "asserted"
    targeting = next(e for e in code("The Kremlin denied targeting civilians.") if e.trigger_text == "targeting")
    assert targeting.negated


def test_an_act_told_as_someone_s_claim_is_reported(code):
    targeted = next(
        e for e in code("Russia rejected Ukrainian claims that civilians were targeted.") if e.type == "ASSAULT"
    )
    assert (targeted.modality, targeted.reported_by) == ("reported", "Ukrainian claims")
    # a relative clause is no claim's content: Ramirez's denial is the outlet's statement
    denial = next(e for e in code("It is a claim that Ramirez vehemently denies.") if e.trigger_text == "denies")
    assert denial.modality == "asserted"


def test_an_actor_of_no_one_country_does_not_take_the_sentence_s(code):
    # "led by Washington" named the only country of the sentence; European leaders are not American.
    event = _main(code, "Sergei Lavrov accused European leaders of sabotaging peace efforts led by Washington.")
    assert (event.source.country, event.target.country) == ("RUS", None)
    # A title is one country's: Russia's deputy foreign minister is still Russian.
    event = _main(code, "Russia's Deputy Foreign Minister Gennady Gatilov met the envoy in Geneva.")
    assert event.source.country == "RUS"


def _by_trigger(events, word):  # type: ignore[no-untyped-def]
    return next(e for e in events if e.trigger_text == word)


def test_whom_a_verb_asks_or_forces_acts_in_the_infinitive_and_the_act_is_not_done(code):
    events = code("The rights group called on Western governments to withdraw their troops from the region.")
    withdraw = next(e for e in events if e.trigger_text.startswith("withdraw"))
    assert withdraw.source.text == "Western governments" and withdraw.modality == "hypothetical"
    events = code("The army forced the rebels to surrender the town.")
    assert _by_trigger(events, "surrender").source.text == "rebels"


def test_a_demand_that_someone_act_is_no_act_of_theirs(code):
    events = code("Thousands marched in Belgrade, demanding that President Tomas Rell call early elections.")
    calls = [e for e in events if e.trigger_text == "call"]
    assert calls and all(e.modality == "hypothetical" for e in calls)


def test_a_telephone_call_to_offer_something_keeps_its_caller(code):
    events = code("Putin called his Turkish counterpart to offer condolences over the strike.")
    offer = _by_trigger(events, "offer")
    assert offer.source.country == "RUS" and offer.modality != "hypothetical"


def test_a_verb_that_uses_something_to_act_keeps_its_subject(code):
    events = code("Iraqi forces used tanks to attack the snipers near the bridge.")
    assert _by_trigger(events, "attack").source.text == "Iraqi forces"


def test_they_of_a_time_clause_is_the_subject_of_its_main_clause(code):
    text = (
        "According to the Valdorian Interior Ministry, 14 protesters were detained in Kessel after they "
        "attacked police officers."
    )
    attack = next(e for e in code(text) if e.type == "ASSAULT")
    assert attack.source is not None and "protesters" in attack.source.name


def test_an_act_done_without_is_not_done(code):
    text = "The Valdorian opposition made claims of fraud in Kessel without presenting any evidence."
    events = code(text)
    assert events and all(e.negated for e in events if "present" in text[e.trigger.start : e.trigger.end])


def test_a_party_of_an_adverbial_clause_with_its_own_subject_is_not_the_target(code):
    events = code(
        "Valdia has seized at least five foreign tankers in the Gulf since 2023, often after the United States "
        "confiscated Valdian oil cargoes."
    )
    seized = _by_trigger(events, "seized")
    assert seized.target is None or seized.target.country != "USA"


def test_who_ordered_an_act_is_not_its_target(code):
    events = code("The ship was seized on the order of the court after a complaint by a fisherman.")
    assert all(e.target is None or e.target.text != "court" for e in events)


def test_subjecting_positions_to_fire_or_returning_fire_is_an_attack_and_holding_fire_none(code):
    events = code("Units of the Valdian army subjected Kesseli army positions to fire from small arms on Sunday.")
    attack = next(e for e in events if e.trigger_text.startswith("subjected"))
    assert attack.type == "ASSAULT" and attack.source.text.startswith("Units of the Valdian army")
    assert attack.target.text.startswith("Kesseli army positions")
    returned = code("Valdian troops returned fire on Sunday.")
    assert [e.type for e in returned if e.trigger_text.startswith("returned")] == ["ASSAULT"]
    assert all(e.type != "ASSAULT" for e in code("Valdian troops held fire on Sunday."))
