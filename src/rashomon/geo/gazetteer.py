"""Reading the gazetteer: candidate places for a name, from an SQLite file built once.

Lookups go to SQLite per name, so opening the gazetteer costs milliseconds whatever
its size; the same schema holds the bundled cities or a full GeoNames dump.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Protocol

from rashomon.entities.names import fold, name_key
from rashomon.errors import ConfigError
from rashomon.model import Place

# Bump when the build changes what is stored; an older file is then rebuilt.
GAZETTEER_VERSION = 1


class Gazetteer(Protocol):
    """What resolution needs from a gazetteer backend (SQLite here; PostgreSQL would do)."""

    def candidates(self, name: str) -> tuple[Place, ...]: ...

    def demonym(self, word: str) -> Place | None: ...

    def country(self, code: str) -> Place | None: ...

    def is_generic(self, name: str) -> bool: ...


@functools.lru_cache(maxsize=200_000)
def lookup_key(name: str) -> str:
    """The key a name is stored and looked up under ("Khmeimim Airbase" -> "khmeimim air base").

    Cached: the same few thousand names (places, candidates' names) recur in every article."""
    return name_key(name)


def abbreviation_key(text: str) -> str:
    """Abbreviations are matched with their dots ("calif.", "n.y."), never as bare words."""
    return fold(" ".join(text.split()))


@functools.cache
def _generic_names() -> frozenset[str]:
    text = resources.files("rashomon.geo.data").joinpath("generic_names.txt").read_text(encoding="utf-8")
    return frozenset(lookup_key(line) for line in text.splitlines() if line.strip() and not line.startswith("#"))


_FORMAL = re.compile(
    r"^(?:the )?(?:republic|kingdom|state|province|governorate|commonwealth|emirate|sultanate) of |"
    r" (?:state|province|governorate|city|region|oblast)$"
)

_COLUMNS = "p.id, p.geonameid, p.name, p.feature, p.country, p.admin1, p.lat, p.lon, p.population"


def _place(row: tuple[object, ...]) -> Place:
    pid, geonameid, name, feature, country, admin1, lat, lon, population = row
    return Place(
        id=str(pid),
        geonameid=int(geonameid) if geonameid is not None else None,  # type: ignore[call-overload]
        name=str(name),
        feature=str(feature),
        country=str(country) if country else None,
        admin1=str(admin1) if admin1 else None,
        lat=float(lat),  # type: ignore[arg-type]
        lon=float(lon),  # type: ignore[arg-type]
        population=int(population or 0),  # type: ignore[call-overload]
    )


@dataclass
class SqliteGazetteer:
    """Candidate places by name from a built gazetteer file (read-only)."""

    path: Path
    _connection: sqlite3.Connection = field(init=False, repr=False)
    _cache: dict[tuple[str, str], tuple[Place, ...]] = field(default_factory=dict, init=False, repr=False)
    _countries: dict[str, Place | None] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        if not self.path.exists():
            raise ConfigError(f"{self.path}: no gazetteer here; build it with `rashomon gazetteer build`")
        self._connection = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        version = self._connection.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        if version is None or int(version[0]) != GAZETTEER_VERSION:
            raise ConfigError(f"{self.path}: gazetteer from another version; rebuild with `rashomon gazetteer build`")

    def _lookup(self, key: str, kind: str) -> tuple[Place, ...]:
        cached = self._cache.get((key, kind))
        if cached is not None:
            return cached
        rows = self._connection.execute(
            f"SELECT DISTINCT {_COLUMNS} FROM names n JOIN places p ON p.id = n.place_id "
            "WHERE n.key = ? AND n.kind = ? ORDER BY p.population DESC LIMIT 200",
            (key, kind),
        ).fetchall()
        places = tuple(_place(row) for row in rows)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[(key, kind)] = places
        return places

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every place the name may refer to, most populous first."""
        key = lookup_key(name)
        found = self._lookup(key, "name") if key else ()
        if "." in name:
            found = self._lookup(abbreviation_key(name), "abbreviation") + found
        if not found:
            # "Republic of Armenia", "Oaxaca State", "Birmingham City": the place under its short name.
            short = _FORMAL.sub("", key)
            if short and short != key:
                found = self._lookup(short, "name")
        return found

    def demonym(self, word: str) -> Place | None:
        """The country a demonym or place adjective points to ("Syrian" -> Syria)."""
        key = lookup_key(word)
        found = self._lookup(key, "demonym") if key else ()
        return found[0] if found else None

    def country(self, code: str) -> Place | None:
        """The country with this ISO alpha-3 code."""
        if code not in self._countries:
            row = self._connection.execute(
                f"SELECT {_COLUMNS} FROM places p WHERE p.country = ? AND p.feature = 'country' LIMIT 1", (code,)
            ).fetchone()
            self._countries[code] = _place(row) if row else None
        return self._countries[code]

    def is_generic(self, name: str) -> bool:
        """Whether a name is an ordinary English word first ("Central", "Western")."""
        return lookup_key(name) in _generic_names()

    def stats(self) -> dict[str, int]:
        """Row counts, for `rashomon gazetteer info`."""
        places = self._connection.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        names = self._connection.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return {"places": int(places), "names": int(names)}


def open_gazetteer(path: Path) -> SqliteGazetteer:
    """Open a built gazetteer; a clear error when it is missing or stale."""
    return SqliteGazetteer(path)
