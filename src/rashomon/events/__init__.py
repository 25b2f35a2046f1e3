"""Events: who did what to whom, coded in PLOVER and CAMEO from the dependency parse."""

from rashomon.events.coder import EventCoder, build_event_coder, main_event
from rashomon.events.ontology import PLOVER_TYPES, Ontology, load_ontology

__all__ = ["PLOVER_TYPES", "EventCoder", "Ontology", "build_event_coder", "load_ontology", "main_event"]
