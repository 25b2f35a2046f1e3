from rashomon.model import CorpusEntity, Mention
from rashomon.report.html import highlight

ENTITY = CorpusEntity("e1", "Syria", "GPE", "SYR", (), (), 1, 1)


def test_untrusted_text_is_escaped_and_mentions_marked():
    text = 'Syria <script>alert("x")</script> <img src=x onerror=alert(1)>'
    html = str(highlight(text, [(Mention(0, 5, "Syria", "GPE", 0), ENTITY)]))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert html.startswith('<p><mark class="t-GPE" title="Syria (GPE)"><a href="#e1">Syria</a></mark>')


def test_paragraphs_and_overlapping_marks():
    text = "Syria talks\nnext day"
    marks = [(Mention(0, 5, "Syria", "GPE", 0), ENTITY), (Mention(2, 7, "ria t", "GPE", 0), ENTITY)]
    html = str(highlight(text, marks))
    assert html.count("<mark") == 1 and html.count("<p>") == 2
