"""FA-KES: 804 rows, mostly cp1252 with stray bytes, 15 repeated texts; same-day reports of one
strike from different outlets share a story, and their different death tolls show as a conflict."""

import re

from rashomon.compare.build import FramingModels, compare_story
from rashomon.service import ingest_paths
from rashomon.store import Store

MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2\u20ac\ufffd\u2022]")


def test_fakes_csv_accounts_for_every_row(engine, shared, settings):
    path = str(shared / "corpora" / "fakes_syria" / "fakes.csv")
    with Store.open(settings.db_path) as store:
        first = ingest_paths([path], settings=settings, engine=engine, store=store)
        assert first.failed == 0
        assert first.stored + first.duplicates == 804
        assert first.duplicates >= 15
        assert store.count("sources") == 804
        exact = [s for a in store.articles() for s in store.sources_of(a.id) if s.duplicate_kind == "exact"]
        assert len(exact) == 15
        articles = store.articles()
        assert all(a.outlet and a.published for a in articles)
        assert not [a.title for a in articles if a.title and MOJIBAKE.search(a.title)]
        second = ingest_paths([path], settings=settings, engine=engine, store=store)
        assert (second.stored, second.duplicates, second.unchanged) == (0, 0, 804)
        assert store.count("sources") == 804
        _idlib_strike_tolls_conflict(store, engine)


def _idlib_strike_tolls_conflict(store, engine):  # type: ignore[no-untyped-def]
    # 8 April 2017: Al-Ahram "killed 15 civilians including four children", Al-Araby Al-Jadeed
    # "at least 18 civilians including five children", the same air strike in Idlib.
    titles = {a.title: a.id for a in store.articles()}
    ahram = titles["Strike kills 15 including 4 children in Syrias Idlib Monitor"]
    araby = titles["Strike on Syrias Idlib kills 18 including five children"]
    story = store.story_of(ahram)
    assert story is not None and story == store.story_of(araby)
    comparison = compare_story(store, story, FramingModels.load(engine.encoder))
    conflicts = [g for g in comparison.groups if g.label == "conflict"]
    # The monitor's two tolls are two counts, not one statement told twice: a toll conflict of the day.
    assert any({ahram, araby} <= set(g.articles) and "tolls differ" in (g.conflict or "") for g in conflicts)
