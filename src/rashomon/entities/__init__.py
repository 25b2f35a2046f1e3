"""Entities: names, aliases, roles and their resolution within and across articles."""

from rashomon.entities.resolve import resolve_entities
from rashomon.entities.tables import EntityTables, load_entity_tables

__all__ = ["EntityTables", "load_entity_tables", "resolve_entities"]
