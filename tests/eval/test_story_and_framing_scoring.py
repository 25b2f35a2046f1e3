from __future__ import annotations

import pytest

from rashomon.eval.framing import macro_f1
from rashomon.eval.stance import fnc_score
from rashomon.eval.stories import score_clusters


def test_perfect_and_lumped_clusterings():
    gold = {"1": "x", "2": "x", "3": "y", "4": "y"}
    perfect = score_clusters(gold, {"1": 1, "2": 1, "3": 2, "4": 2})
    assert perfect["bcubed_f1"] == 1.0 and perfect["pairwise_f1"] == 1.0
    lumped = score_clusters(gold, {key: 0 for key in gold})
    assert lumped["bcubed_precision"] == 0.5 and lumped["bcubed_recall"] == 1.0
    assert lumped["pairwise_precision"] == pytest.approx(2 / 6, abs=1e-4)
    alone = score_clusters(gold, {})
    assert alone["bcubed_precision"] == 1.0 and alone["pairwise_f1"] == 0.0


def test_fnc_score_weights_the_related_split_and_the_exact_stance():
    gold = ["unrelated", "agree", "discuss", "disagree"]
    assert fnc_score(gold, gold) == 1.0
    # All related pairs called "discuss": 0.25 + (1 + 0.25 + 1) ... of 0.25 + 3 * 1.0
    assert fnc_score(gold, ["unrelated", "discuss", "discuss", "discuss"]) == pytest.approx(
        (0.25 + 0.25 + 1 + 0.25) / 3.25
    )
    assert fnc_score(gold, ["agree"] * 4) == pytest.approx((0 + 1 + 0.25 + 0.25) / 3.25)


def test_macro_f1_averages_both_classes():
    scores = macro_f1(["SUBJ", "OBJ", "OBJ", "OBJ"], ["SUBJ", "SUBJ", "OBJ", "OBJ"])
    assert scores["f1_subj"] == pytest.approx(0.6667, abs=1e-4) and scores["f1_obj"] == 0.8
    assert scores["macro_f1"] == pytest.approx(0.7333, abs=1e-4)
