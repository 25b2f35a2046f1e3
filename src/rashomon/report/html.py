"""Render the store as one self-contained HTML file (no scripts, no remote loads)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from rashomon import __version__
from rashomon.model import Article, CorpusEntity, Event, Mention
from rashomon.store.events import EventFilter
from rashomon.store.quotes import StoredQuote
from rashomon.store.sqlite import ArticleEntity, Store


@dataclass(frozen=True)
class ArticleView:
    article: Article
    body_html: Markup
    entities: tuple[ArticleEntity, ...]
    duplicates: int
    events: tuple[Event, ...] = ()


def highlight(text: str, marks: list[tuple[Mention, CorpusEntity]]) -> Markup:
    """Escape ``text`` and wrap each mention in a <mark> naming its entity."""
    parts: list[str] = []
    cursor = 0
    for mention, entity in sorted(marks, key=lambda pair: pair[0].start):
        if mention.start < cursor:
            continue
        parts.append(str(escape(text[cursor : mention.start])))
        title = f"{entity.name} ({entity.type})"
        parts.append(
            f'<mark class="t-{escape(entity.type)}" title="{escape(title)}">'
            f'<a href="#{escape(entity.id)}">{escape(text[mention.start : mention.end])}</a></mark>'
        )
        cursor = mention.end
    parts.append(str(escape(text[cursor:])))
    paragraphs = "".join(parts).split("\n")
    return Markup("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))


def render_report(store: Store, *, title: str = "Rashomon report", max_articles: int | None = None) -> str:
    """The report as an HTML string."""
    environment = Environment(
        loader=PackageLoader("rashomon.report", "templates"), autoescape=select_autoescape(["html", "j2"])
    )
    articles = store.articles(limit=max_articles)
    views = []
    for article in articles:
        found = tuple(store.article_entities(article.id))
        marks = [(mention, item.entity) for item in found for mention in item.mentions]
        duplicates = sum(1 for source in store.sources_of(article.id) if source.status == "duplicate")
        events = tuple(stored.event for stored in store.events(EventFilter(article=article.id)))
        views.append(ArticleView(article, highlight(article.text, marks), found, duplicates, events))
    entities = [entity for entity in store.entities() if entity.mention_count > 0]
    quotes_by: dict[str, list[StoredQuote]] = {}
    for stored in store.quotes():
        if stored.quote.speaker is not None and stored.quote.speaker.entity:
            quotes_by.setdefault(stored.quote.speaker.entity, []).append(stored)
    return environment.get_template("report.html.j2").render(
        title=title,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        articles=views,
        article_total=store.count("articles"),
        entities=entities,
        quotes_by=quotes_by,
        failures=store.failures(),
        event_total=store.count("events"),
        sources=store.count("sources"),
    )


def write_report(store: Store, path: Path, *, title: str = "Rashomon report", max_articles: int | None = None) -> Path:
    """Write the report to ``path`` (creating its directory) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_report(store, title=title, max_articles=max_articles), encoding="utf-8")
    return path
