"""Scoring story grouping: B-cubed and pairwise F1 of predicted clusters against gold events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping, Sequence


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_clusters(gold: Mapping[str, Hashable], predicted: Mapping[str, Hashable]) -> dict[str, float | int]:
    """B³ (per item, averaged) and pairwise precision/recall/F1 over the items ``gold`` labels.

    An item the prediction left out counts as a cluster of its own."""
    items = sorted(gold)
    labels = {item: predicted.get(item, ("alone", item)) for item in items}
    by_predicted: dict[Hashable, set[str]] = defaultdict(set)
    by_gold: dict[Hashable, set[str]] = defaultdict(set)
    for item in items:
        by_predicted[labels[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = recall = 0.0
    for item in items:
        cluster, truth = by_predicted[labels[item]], by_gold[gold[item]]
        shared = len(cluster & truth)
        precision += shared / len(cluster)
        recall += shared / len(truth)
    precision /= len(items) or 1
    recall /= len(items) or 1
    true_pairs = sum(len(group) * (len(group) - 1) // 2 for group in by_gold.values())
    predicted_pairs = sum(len(group) * (len(group) - 1) // 2 for group in by_predicted.values())
    both = 0
    for group in by_predicted.values():
        counts: dict[Hashable, int] = defaultdict(int)
        for item in group:
            counts[gold[item]] += 1
        both += sum(n * (n - 1) // 2 for n in counts.values())
    pair_precision = both / predicted_pairs if predicted_pairs else 0.0
    pair_recall = both / true_pairs if true_pairs else 0.0
    return {
        "items": len(items),
        "gold_clusters": len(by_gold),
        "predicted_clusters": len(by_predicted),
        "bcubed_precision": round(precision, 4),
        "bcubed_recall": round(recall, 4),
        "bcubed_f1": round(_f1(precision, recall), 4),
        "pairwise_precision": round(pair_precision, 4),
        "pairwise_recall": round(pair_recall, 4),
        "pairwise_f1": round(_f1(pair_precision, pair_recall), 4),
    }


def same_event_pair_recall(
    groups: Mapping[tuple[str, str], Sequence[tuple[str, str]]], story_of: Mapping[str, object]
) -> dict[str, float | int]:
    """Of the pairs of articles from different outlets that a corpus marks as one event (FA-KES: same
    day, same place), the share that landed in one story. Precision cannot be read off such gold:
    two same-day reports from one city may still be two events."""
    pairs = together = 0
    for members in groups.values():
        for i, (left, left_outlet) in enumerate(members):
            for right, right_outlet in members[i + 1 :]:
                if left_outlet == right_outlet or left == right:
                    continue
                pairs += 1
                together += story_of.get(left) is not None and story_of.get(left) == story_of.get(right)
    return {"pairs": pairs, "grouped": together, "pair_recall": round(together / pairs, 4) if pairs else 0.0}
