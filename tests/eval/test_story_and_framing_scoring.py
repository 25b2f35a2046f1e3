from __future__ import annotations

import pytest

from rashomon.compare.lexicon import load_loaded_lexicon
from rashomon.eval.framing import LabelledSentence, macro_f1, parse_marked_words, score_loaded_words
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


def test_babe_marked_words_are_read_from_their_list_literal():
    assert parse_marked_words("['Bizarre', 'characteristically']") == ("bizarre", "characteristically")
    assert parse_marked_words("[]") == () and parse_marked_words("") == () and parse_marked_words("[unclosed") == ()


def test_loaded_words_are_scored_against_the_words_annotators_marked():
    sentences = [
        # found and marked
        LabelledSentence("The regime's thugs beat the protesters.", "Biased", ("thugs",)),
        # found, not marked
        LabelledSentence("The chaos at the airport lasted two days.", "Non-biased", ()),
        # marked, not found
        LabelledSentence("The senator's absurd plan failed.", "Biased", ("absurd",)),
        LabelledSentence("The bill passed the house.", "Non-biased", ()),
    ]
    scores = score_loaded_words(sentences, load_loaded_lexicon())
    # "regime" and "thugs" in the first sentence, "chaos" in the second: one of three marked.
    assert scores["terms_found"] == 3
    assert scores["term_precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert scores["sentences_with_a_find"] == 2 and scores["biased_share_with_a_find"] == 0.5
    assert scores["biased_share_overall"] == 0.5
    assert scores["marked_word_recall"] == 0.5
