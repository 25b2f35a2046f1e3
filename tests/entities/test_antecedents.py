"""Whom a "he" or "she" stands for, on texts written for these tests (needs the spaCy model)."""

from rashomon.entities.antecedents import last_mention_before, person_for_pronoun
from rashomon.entities.resolve import resolve_entities


def _parse(engine, text):
    doc = engine.pipeline.nlp(text)
    entities = resolve_entities(
        doc, tables=engine.tables, gazetteer=engine.pipeline.gazetteer, known_people=engine.pipeline.known_people
    )
    return doc, entities


def _last_he(doc):
    index = max(token.i for token in doc if token.lower_ == "he")
    return doc[index : index + 1]


def test_a_subject_of_the_sentence_before_is_preferred_to_a_person_named_later(engine):
    doc, entities = _parse(engine, "David Miller wrote to Peter Grant on Monday. He asked for an inquiry.")
    person = person_for_pronoun(_last_he(doc), entities)
    assert person is not None and person.name == "David Miller"


def test_the_last_person_named_is_the_fallback_only_when_asked_for(engine):
    doc, entities = _parse(
        engine, "The report was written about Boris Keller. The weather stayed cold. Rain fell. He left early."
    )
    named = person_for_pronoun(_last_he(doc), entities)
    assert named is not None and named.name == "Boris Keller"
    assert person_for_pronoun(_last_he(doc), entities, last_named=False) is None


def test_last_mention_before_a_position(engine):
    doc, entities = _parse(engine, "David Miller spoke. Later Miller left. Miller returned.")
    (miller,) = [entity for entity in entities if entity.name == "David Miller"]
    mention = last_mention_before(miller, doc.text.index("returned"))
    assert mention is not None and mention.start == doc.text.index("Miller returned")
    assert last_mention_before(miller, 0) is None
