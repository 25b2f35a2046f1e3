"""The embedded store: one SQLite file, schema and migrations in one place."""

from rashomon.store.events import EventFilter, StoredEvent
from rashomon.store.schema import SCHEMA_VERSION
from rashomon.store.sqlite import Store

__all__ = ["SCHEMA_VERSION", "EventFilter", "Store", "StoredEvent"]
