"""CAMEO codes and their PLOVER type, mode, context, QuadClass and Goldstein value (package data)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip


@dataclass(frozen=True)
class PloverCoding:
    type: str
    mode: str | None
    context: str | None


@dataclass(frozen=True)
class Ontology:
    """Lookups over the CAMEO code table and the CAMEO->PLOVER map."""

    labels: dict[str, str]
    goldstein_values: dict[str, float]
    plover: dict[str, PloverCoding]

    def knows(self, cameo: str) -> bool:
        return cameo in self.labels or cameo in self.goldstein_values

    def plover_for(self, cameo: str) -> PloverCoding | None:
        """The PLOVER coding of a CAMEO code, from its longest listed prefix."""
        for size in range(len(cameo), 1, -1):
            found = self.plover.get(cameo[:size])
            if found is not None:
                return found
        return None

    def goldstein(self, cameo: str) -> float | None:
        for size in range(len(cameo), 1, -1):
            if cameo[:size] in self.goldstein_values:
                return self.goldstein_values[cameo[:size]]
        return None

    @staticmethod
    def quad_class(cameo: str) -> int:
        """GDELT QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict."""
        root = int(cameo[:2])
        if root <= 5:
            return 1
        if root <= 8:
            return 2
        if root <= 13:
            return 3
        return 4

    @staticmethod
    def root(cameo: str) -> str:
        return cameo[:2]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("rashomon.events.data").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def load_ontology() -> Ontology:
    labels: dict[str, str] = {}
    goldstein: dict[str, float] = {}
    for row in _rows("cameo_codes.tsv"):
        code, label, value = [*row, "", ""][:3]
        labels[code] = label
        if value:
            goldstein[code] = float(value)
    plover = {}
    for row in _rows("cameo_plover.tsv"):
        code, event_type, mode, context = [*row, "", "", ""][:4]
        plover[code] = PloverCoding(event_type.strip(), mode.strip() or None, context.strip() or None)
    return Ontology(labels, goldstein, plover)
