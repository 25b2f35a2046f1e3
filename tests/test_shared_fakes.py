"""FA-KES: 804 rows, mostly cp1252 with stray bytes, 15 repeated texts."""

import re

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
