"""Answers from the corpus only: cited sentences, or a refusal that says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.ask.answer import answer_json, ask, content_words
from rashomon.cli import main
from rashomon.eval.ask import Question, score_ask
from rashomon.store.sqlite import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.fixture(scope="module")
def store(engine, tmp_path_factory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("ask") / "ask.db"
    files = [str(FIXTURES / "kremlin_visit.txt"), str(FIXTURES / "moscow_talks.txt")]
    assert main(["--db", str(db), "ingest", "--quiet", *files]) == 0
    with Store.open(db) as opened:
        yield opened


def test_content_words_drop_question_and_stop_words():
    assert content_words("What did Peskov say about the Tartus naval facility?") == [
        "peskov",
        "tartus",
        "naval",
        "facility",
    ]


def test_answers_cite_their_sentences(store):
    result = ask(store, "Who did Putin receive in the Kremlin?")
    assert result.answered and result.citations
    top = result.citations[0]
    article = store.article(top.article)
    assert article is not None and article.text[top.start : top.end] == top.text  # the citation points at the text
    assert "received Syrian interim leader Ahmed al-Sharaa" in top.text


def test_an_alias_finds_the_person(store):
    result = ask(store, "What group did al-Julani once lead?")
    assert result.answered and any("Hayat Tahrir al-Sham" in c.text for c in result.citations)


def test_refuses_what_the_corpus_does_not_say(store):
    unknown = ask(store, "What did Emmanuel Macron say about the pier?")
    assert not unknown.answered and "Macron" in (unknown.reason or "")
    unsupported = ask(store, "How many satellites did Syria launch into orbit?")
    assert not unsupported.answered and unsupported.reason == "no sentence in the corpus supports an answer"
    assert answer_json(unsupported)["by_outlet"] == []


def test_scoring_counts_recall_and_refusals(store):
    questions = [
        Question("Who did Putin receive in the Kremlin?", True, ("received Syrian interim leader",)),
        Question("How many satellites did Syria launch into orbit?", False, ()),
    ]
    scores = score_ask(questions, lambda q: ask(store, q))
    assert scores["recall_at_3"] == 1.0 and scores["refusal_accuracy"] == 1.0


def test_what_someone_said_about_a_topic_needs_the_topic_in_the_sentence(store):
    # The fixture has Peskov speaking about the bases, never about wheat.
    assert ask(store, "What did Peskov say about the Tartus naval facility?").answered
    refused = ask(store, "What did Peskov say about wheat?")
    assert not refused.answered


def test_an_answer_names_the_story_articles_that_do_not_report_it(store):
    result = ask(store, "What did Sharaa thank Putin for?")
    assert result.answered
    cited = {c.article for c in result.citations}
    assert result.silent and not cited & {article for article, _ in result.silent}
    assert answer_json(result)["unmatched_in_story"]


def test_a_story_article_that_answers_beyond_the_top_is_shown_not_called_silent(store):
    result = ask(store, "Who visited Moscow?", top=1)
    assert [c.text.split()[1] for c in result.citations] == ["Ahmad"]
    assert not result.silent  # the other report answers too: it must not be said to leave this out
    (also,) = result.also
    article = store.article(also.article)
    assert article is not None and article.text[also.start : also.end] == also.text
    assert "received Syrian interim leader" in also.text
    assert answer_json(result)["also_in_story"][0]["article"] == also.article


def test_answers_from_two_articles_of_no_known_outlet_are_two_sources():
    from rashomon.ask.answer import Answer, Citation

    cited = (
        Citation("a1", None, None, 0, 10, "Talks were held."),
        Citation("a2", None, None, 0, 12, "Talks took place."),
        Citation("a3", "Wire", None, 0, 9, "Talks began."),
    )
    grouped = Answer("Were talks held?", True, cited).by_outlet()
    assert sorted(grouped) == ["Wire", "unknown outlet (a1)", "unknown outlet (a2)"]


def test_a_count_of_any_people_answers_how_many_people():
    from rashomon.ask.answer import _coverage, counted_term

    assert counted_term("How many people were detained in Kessel?") == "people"
    assert counted_term("How many tanks did Valdoria deliver?") is None
    sentence = "According to the ministry, 14 violators of public order were detained."
    assert _coverage(["people", "detained"], sentence, counted="people") == 1.0
    assert _coverage(["people", "detained"], sentence) == 0.5
    assert _coverage(["people", "detained"], "The ministry said people were detained.", counted="people") == 1.0
