"""Cross-article steps over stored rows."""

from rashomon.corpus.entities import link_entity

__all__ = ["link_entity"]
