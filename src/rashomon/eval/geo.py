"""Geoparsing scores: GeoWebNews toponyms and CLIFF's hand-coded focus countries.

Recognition is scored on exact character spans against the GeoWebNews toponyms that carry
coordinates (the resolvable ones, of every type: literal, metonymic, modifiers, embedded).
Resolution (Acc@161km, mean and median error) is scored on the correctly recognised ones;
a toponym we found but could not resolve counts as a miss, as in Gritta et al. (2019).
"""

from __future__ import annotations

import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rashomon.geo.distance import EARTH_RADIUS_KM, distance_km
from rashomon.model import Focus, PlaceMention

ACCURACY_KM = 161.0  # 100 miles, the customary threshold


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    kind: str
    lat: float
    lon: float


@dataclass(frozen=True)
class GeoDocument:
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True)
class FocusDocument:
    text: str
    country: str | None  # ISO alpha-2, as CLIFF's annotators coded it; None for "no country"


def read_geowebnews(path: Path) -> list[GeoDocument]:
    """Articles and their resolvable toponyms from GeoWebNews' XML."""
    documents = []
    for article in ET.parse(path).getroot():
        toponyms = []
        for node in article.find("toponyms") or ():
            lat, lon = node.findtext("latitude"), node.findtext("longitude")
            if not lat or not lon:
                continue
            toponyms.append(
                GoldToponym(int(node.findtext("start") or 0), int(node.findtext("end") or 0),
                            node.findtext("extractedName") or "", node.findtext("type") or "", float(lat), float(lon))
            )  # fmt: skip
        documents.append(GeoDocument(article.findtext("text") or "", tuple(toponyms)))
    return documents


def read_cliff_focus(folder: Path) -> list[FocusDocument]:
    documents = []
    for path in sorted(folder.glob("*.json")):
        for row in json.loads(path.read_text(encoding="utf-8")):
            documents.append(FocusDocument(row["text"], row.get("handCodedCountryCode") or None))
    return documents


def _ratio(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


def score_geowebnews(
    documents: Iterable[GeoDocument], parse: Callable[[str], tuple[PlaceMention, ...]]
) -> dict[str, object]:
    gold_total = predicted_total = matched = within = count = 0
    errors: list[float] = []
    for document in documents:
        count += 1
        gold = {(t.start, t.end): t for t in document.toponyms}
        mentions = parse(document.text)
        gold_total += len(gold)
        predicted_total += len(mentions)
        for mention in mentions:
            toponym = gold.get((mention.start, mention.end))
            if toponym is None:
                continue
            matched += 1
            if mention.place is None:
                errors.append(math.pi * EARTH_RADIUS_KM)  # unresolved: as far off as can be
                continue
            error = distance_km(toponym.lat, toponym.lon, mention.place.lat, mention.place.lon)
            errors.append(error)
            within += error <= ACCURACY_KM
    precision, recall = _ratio(matched, predicted_total), _ratio(matched, gold_total)
    errors.sort()
    return {
        "documents": count,
        "gold_toponyms": gold_total,
        "predicted": predicted_total,
        "recognition": {
            "precision": precision,
            "recall": recall,
            "f1": round(2 * precision * recall / (precision + recall), 4) if precision + recall else 0.0,
        },
        "resolution": {
            "accuracy_161km": _ratio(within, matched),
            "mean_error_km": round(sum(errors) / len(errors), 1) if errors else None,
            "median_error_km": round(errors[len(errors) // 2], 1) if errors else None,
            "scored": matched,
        },
    }


def score_focus(
    documents: Iterable[FocusDocument], focus: Callable[[str], Focus], alpha2: Callable[[str], str | None]
) -> dict[str, object]:
    total = right = 0
    for document in documents:
        found = focus(document.text)
        code = alpha2(found.country.country) if found.country and found.country.country else None
        total += 1
        right += code == document.country
    return {"documents": total, "country_accuracy": _ratio(right, total)}
