import importlib

import pytest

PACKAGES = [
    "rashomon.ingest",
    "rashomon.nlp",
    "rashomon.entities",
    "rashomon.events",
    "rashomon.store",
    "rashomon.corpus",
    "rashomon.report",
    "rashomon.export",
    "rashomon.timex",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_names_exist(name):
    module = importlib.import_module(name)
    assert module.__all__, f"{name} declares no public API"
    for symbol in module.__all__:
        assert hasattr(module, symbol), f"{name}.__all__ lists missing {symbol}"
