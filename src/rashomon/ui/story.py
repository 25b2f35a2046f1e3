"""Render a story comparison as HTML: the UI's story page and `rashomon compare --html`."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon import __version__
from rashomon.compare.build import Comparison
from rashomon.compare.output import LABEL_TITLES


def comparison_context(comparison: Comparison) -> dict[str, object]:
    return {
        "c": comparison,
        "sentences": comparison.sentences,
        "labels": LABEL_TITLES,
        "counts": {label: sum(g.label == label for g in comparison.groups) for label in LABEL_TITLES},
    }


def comparison_page(comparison: Comparison) -> str:
    """A self-contained page (no script, no remote loads) for `rashomon compare --html`."""
    environment = Environment(loader=PackageLoader("rashomon.ui", "templates"), autoescape=select_autoescape())
    template = environment.get_template("compare_standalone.html.j2")
    return template.render(version=__version__, links=False, **comparison_context(comparison))
