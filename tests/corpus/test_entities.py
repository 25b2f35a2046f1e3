"""Corpus linking with hand-built document entities (no model needed)."""

from rashomon.corpus.entities import link_entity
from rashomon.entities.resolve import entity_id, entity_keys
from rashomon.model import Annotation, Article, DocEntity, Mention, Provenance
from rashomon.store import Store


def _entity(name, entity_type="PERSON", aliases=(), mentions=1):
    keys = entity_keys(entity_type, name, list(aliases), None)
    fake = tuple(Mention(i * 10, i * 10 + len(name), name, entity_type, 0) for i in range(mentions))
    return DocEntity(entity_id(keys[0]), name, entity_type, tuple(aliases), fake, keys)


def _link(store, entity, article):
    """Store a stub article holding ``entity``'s mentions, linked as ingest does."""
    text = " ".join(m.text.ljust(9) for m in entity.mentions)
    stub = Article(article, article, article, None, None, None, None, None, (), text)
    with store.transaction():
        store.insert_article(Annotation(stub, (), (), Provenance("test", "none", "0")))
        corpus_id = link_entity(store, entity, article_id=article)
        store.insert_mentions(article, corpus_id, entity.mentions)
    return corpus_id


def test_spelling_variants_join(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        first = _link(store, _entity("Ahmad al-Sharaa"), "a1")
        second = _link(store, _entity("Ahmed al-Sharaa", aliases=("Abu Mohammad al-Julani",)), "a2")
        third = _link(store, _entity("Abu Mohammed al-Jolani"), "a3")
        assert first == second == third
        (stored,) = store.entities()
        assert {"Ahmed al-Sharaa", "Abu Mohammad al-Julani", "Abu Mohammed al-Jolani"} <= set(stored.aliases)


def test_surname_first_then_full_name_upgrades(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        short = _link(store, _entity("Putin"), "a1")
        full = _link(store, _entity("Vladimir Putin", aliases=("Putin",)), "a2")
        assert short == full
        assert store.entities()[0].name == "Vladimir Putin"


def test_a_shared_surname_does_not_merge_two_people(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        bashar = _link(store, _entity("Bashar al-Assad", aliases=("Assad",)), "a1")
        hafez = _link(store, _entity("Hafez al-Assad", aliases=("Assad",)), "a2")
        assert bashar != hafez
        # With two bearers and neither dominant, a bare surname stays on its own.
        alone = _link(store, _entity("Assad"), "a3")
        assert alone not in {bashar, hafez}


def test_different_types_do_not_merge(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        person = _link(store, _entity("Jordan Peterson"), "a1")
        country = _link(store, _entity("Jordan", entity_type="GPE"), "a2")
        assert person != country


def test_a_surname_goes_to_a_far_more_mentioned_bearer(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        donald = _link(store, _entity("Donald Trump", mentions=12), "a1")
        _link(store, _entity("Melania Trump", mentions=2), "a2")
        assert _link(store, _entity("Trump"), "a3") == donald


def test_a_full_name_typed_person_here_and_organisation_there_is_one_entity(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        as_org = _link(store, _entity("Staffan de Mistura", entity_type="ORG"), "a1")
        assert store.entities()[0].type == "ORG"
        assert _link(store, _entity("Staffan de Mistura", mentions=3), "a2") == as_org
        (stored,) = store.entities()
        assert stored.type == "PERSON"  # the article that read him as a person names him three times
        # Reports typing him an organisation as many times over tie the count: the stored type stays.
        assert _link(store, _entity("Staffan de Mistura", entity_type="ORG"), "a3") == as_org
        assert _link(store, _entity("Staffan de Mistura", entity_type="ORG"), "a4") == as_org
        assert store.entities()[0].type == "PERSON"
        assert _link(store, _entity("Staffan de Mistura", entity_type="ORG"), "a5") == as_org
        assert store.entities()[0].type == "ORG"


def test_a_single_word_typed_two_ways_stays_two_entities(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        company = _link(store, _entity("Ford", entity_type="ORG", mentions=3), "a1")
        person = _link(store, _entity("Ford"), "a2")
        assert company != person
