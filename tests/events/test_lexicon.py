from rashomon.events.lexicon import load_lexicon, parse_pattern
from rashomon.events.ontology import PLOVER_TYPES, load_ontology


def test_pattern_syntax():
    pattern = parse_pattern("hold +talks|meeting", "040")
    assert (pattern.lemma, pattern.particle, pattern.objects) == ("hold", None, frozenset({"talks", "meeting"}))
    assert parse_pattern("call for", "020").particle == "for"
    assert parse_pattern("carry out +attack", "190").specificity == 3


def test_every_code_in_the_data_files_is_a_known_cameo_code_with_a_plover_type():
    ontology = load_ontology()
    lexicon = load_lexicon()
    codes = {p.cameo for patterns in lexicon.patterns.values() for p in patterns if p.cameo != "-"}
    codes |= set(lexicon.nouns.values())
    for code in codes:
        assert ontology.knows(code), f"unknown CAMEO code {code}"
        coding = ontology.plover_for(code)
        assert coding is not None and coding.type in PLOVER_TYPES, code


def test_ontology_lookups():
    ontology = load_ontology()
    assert ontology.plover_for("042").type == "CONSULT" and ontology.plover_for("042").mode == "visit"
    assert ontology.plover_for("0841").type == "RETREAT"
    assert ontology.plover_for("163").type == "SANCTION"
    assert ontology.plover_for("020").type == "REQUEST"
    assert ontology.quad_class("042") == 1 and ontology.quad_class("073") == 2
    assert ontology.quad_class("112") == 3 and ontology.quad_class("190") == 4
    assert ontology.goldstein("190") == -10.0
