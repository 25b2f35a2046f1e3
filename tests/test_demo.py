import csv

import pytest

from rashomon import demo
from rashomon.config import Settings
from rashomon.errors import RashomonError
from rashomon.store import Store


def test_topic_subset_keeps_syria_articles(tmp_path):
    source = tmp_path / "NewsArticles.csv"
    with source.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["article_id", "publish_date", "article_source_link", "title", "subtitle", "text"])
        writer.writerow(
            ["1", "2017/2/7", "https://tass.com/world/1", "Talks in Astana", "", "Syrian delegations met in Astana."]
        )
        writer.writerow(
            ["2", "2017/2/8", "https://www.bbc.co.uk/news/2", "Budget vote", "", "Parliament passed the budget."]
        )
    target = tmp_path / "subset.jsonl"
    assert demo.write_topic_subset(source, target) == 1
    assert '"newsarticles-1"' in target.read_text(encoding="utf-8")


def test_demo_falls_back_to_bundled_samples(engine, tmp_path, monkeypatch, capsys):
    def offline(cache_dir):
        raise RashomonError("no network")

    monkeypatch.setattr(demo, "fetch_news_articles", offline)
    settings = Settings(db_path=tmp_path / "demo.db")
    report = tmp_path / "out" / "report.html"
    assert demo.run_demo(settings=settings, report=report, cache_dir=tmp_path / "cache") == 0
    assert "using the bundled sample articles" in capsys.readouterr().out
    assert report.exists()
    with Store.open(settings.db_path) as store:
        assert store.count("articles") == len(demo.bundled_samples()) == 3


def test_the_corpus_gets_its_paragraphs_and_source_line_back():
    text = (
        'The talks ended on Friday.-"We will meet again," the envoy said. Their leader,-Abu Ahmad, '
        "left early,-as planned. The pro-government al-Watan daily agreed. - - - - Deaths - a dozen - rose. "
        "Source:-Al Jazeera and news agencies"
    )
    restored = demo.restore_layout(text)
    assert restored == (
        'The talks ended on Friday.\n\n"We will meet again," the envoy said. Their leader, Abu Ahmad, '
        "left early, as planned. The pro-government al-Watan daily agreed.\n\nDeaths - a dozen - rose."
        "\n\nSource: Al Jazeera and news agencies"
    )


def test_marks_the_corpus_garbled_are_put_back_where_they_can_be_told():
    text = '"We won"t stay on the right,"?he said, near the terrorists"?positions. "?at least ten'
    assert demo.restore_layout(text) == (
        '"We won\'t stay on the right," he said, near the terrorists\' positions. "?at least ten'
    )


def test_dashes_and_quotation_marks_before_a_word_are_put_back():
    text = 'The move "?which bypassed parliament "?ignited protests, called a "myth"?that spread. "?at least'
    assert demo.restore_layout(text) == (
        'The move \u2014 which bypassed parliament \u2014 ignited protests, called a "myth" that spread. "?at least'
    )
    assert demo.restore_marks('US \u201cnot seeking to interfere"?with ties with Russia "?diplomat') == (
        'US \u201cnot seeking to interfere" with ties with Russia \u2014 diplomat'
    )


def test_a_space_lost_after_a_title_is_put_back():
    text = "Mr-Jones spoke after President-Trump; the President-elect had left."
    assert demo.restore_layout(text) == "Mr Jones spoke after President Trump; the President-elect had left."


def test_titles_get_their_apostrophes_back_too():
    row = {
        "article_id": "7", "publish_date": "2017-03-02", "article_source_link": "https://example.org/7",
        "title": 'Operation run under Russian advisers"?guidance', "text": "Body.",
    }  # fmt: skip
    assert demo._record(row)["title"] == "Operation run under Russian advisers' guidance"


@pytest.mark.parametrize(
    ("last_sentence", "trailer"),
    [
        ("The shooter was not linked to any group.", "Are you in the area? Email news@example.org."),
        ("Check out the full segment above.", "Share this slide: Don't miss the video everyone watches. Learn more"),
    ],
)
def test_a_trailer_run_on_from_the_last_sentence_is_its_own_paragraph(last_sentence, trailer):
    assert demo.restore_layout(f"{last_sentence} {trailer}") == f"{last_sentence}\n\n{trailer}"
