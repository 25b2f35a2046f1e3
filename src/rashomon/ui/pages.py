"""The web UI: server-rendered pages over the same read-only store as the API.

No page runs a script or loads anything from elsewhere; every response carries a Content
Security Policy that forbids both, so even a mistake in escaping could not run article code.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from rashomon import __version__
from rashomon.ask.answer import ask
from rashomon.compare.build import ComparisonCache, FramingModels
from rashomon.model import Quote
from rashomon.store.events import EventFilter
from rashomon.store.quotes import QuoteFilter
from rashomon.store.sqlite import Store
from rashomon.ui.render import Highlight, event_day, highlight_text, timeline, world_map
from rashomon.ui.story import comparison_context

# An entity page stays fast for "Syria" in a large store: its first events, rows and co-mentions
# are drawn from bounded samples (the page says how many it shows).
_ENTITY_ROWS = 200
_EVENT_ROWS = 500  # rows listed on the events page; its count, timeline and map cover every match
_CO_MENTION_ARTICLES = 300

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)


def _quote_label(quote: Quote) -> str:
    who = (quote.speaker.name or quote.speaker.text) if quote.speaker else "no speaker named"
    return f"{quote.kind} quote — {who}"


def add_pages(
    app: FastAPI, store: Callable[[], Iterator[Store]], framing_models: Callable[[], FramingModels],
    comparisons: ComparisonCache,
) -> None:  # fmt: skip
    """Register the UI routes on ``app``; ``store`` is the API's read-only store dependency,
    ``framing_models`` hands out the (lazily loaded) models, ``comparisons`` the story comparisons."""
    environment = Environment(loader=PackageLoader("rashomon.ui", "templates"), autoescape=select_autoescape())
    environment.filters["day"] = event_day
    Db = Annotated[Store, Depends(store)]

    def render(name: str, **context: object) -> HTMLResponse:
        html = environment.get_template(name).render(version=__version__, **context)
        return HTMLResponse(html, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(db: Db) -> HTMLResponse:
        return render(
            "home.html.j2",
            articles=db.articles(limit=200)[::-1][:30],
            entities=db.entities(limit=20),
            counts={table: db.count(table) for table in ("articles", "entities", "events", "quotes", "claims")},
        )

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    def ask_page(db: Db, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
        result = ask(db, q, encoder=framing_models().encoder) if q.strip() else None
        return render("ask.html.j2", q=q, answer=result)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search(db: Db, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
        hits = db.search_sentences(q, limit=100) if q.strip() else []
        titles = {a.id: a for a in db.articles()} if hits else {}
        return render("search.html.j2", q=q, hits=hits, articles=titles)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article(db: Db, article_id: str) -> HTMLResponse:
        found = db.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        entities = db.article_entities(found.id)
        places = db.article_places(found.id)
        quotes = db.quotes(QuoteFilter(article=found.id))
        marks = [
            Highlight(
                m.start, m.end, "entity", f"{item.entity.name} ({item.entity.type})", f"/entities/{item.entity.id}"
            )
            for item in entities
            for m in item.mentions
        ]
        marks += [Highlight(p.start, p.end, "place", p.place.name if p.place else "unresolved place") for p in places]
        marks += [Highlight(s.quote.start, s.quote.end, "quote", _quote_label(s.quote)) for s in quotes]
        return render(
            "article.html.j2",
            article=found,
            body=highlight_text(found.text, marks),
            entities=entities,
            events=db.events(EventFilter(article=found.id)),
            quotes=quotes,
            claims=db.claims(QuoteFilter(article=found.id)),
            places=places,
            story=db.story_of(found.id),
        )

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity(db: Db, entity_id: str) -> HTMLResponse:
        found = db.entity(entity_id)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        days = db.event_days(EventFilter(entity=found.id))
        return render(
            "entity.html.j2",
            entity=found,
            events=db.events(EventFilter(entity=found.id, limit=_ENTITY_ROWS)),
            events_total=sum(days.values()),
            timeline=timeline(Counter({day: count for day, count in days.items() if day})),
            quotes_by=db.quotes(QuoteFilter(speaker_entity=found.id, limit=_ENTITY_ROWS)),
            quotes_about=db.quotes(QuoteFilter(naming=found.id, limit=_ENTITY_ROWS)),
            co_mentioned=db.co_mentioned(found.id, articles=_CO_MENTION_ARTICLES, limit=15),
            stories=db.stories(entity=found.id, limit=30),
        )

    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories(db: Db) -> HTMLResponse:
        return render("stories.html.j2", stories=db.stories(limit=300))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story(db: Db, story_id: str) -> HTMLResponse:
        if db.story(story_id) is None:
            raise HTTPException(404, f"no story {story_id!r}")
        comparison = comparisons.get(db, story_id)
        return render("story.html.j2", links=True, **comparison_context(comparison))

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events(
        db: Db, actor: str | None = None, type: str | None = None, country: str | None = None,
        place: str | None = None, since: str | None = None, until: str | None = None,
    ) -> HTMLResponse:  # fmt: skip
        where = EventFilter(actor=actor or None, type=type or None, country=country or None, place=place or None,
                            since=since or None, until=until or None)  # fmt: skip
        counted = db.event_days(where)
        days = Counter({day: n for day, n in counted.items() if day})
        located = db.event_locations(where)
        dots = [(p, n, f"/events?place={p.name}") for p, n in located]
        countries = frozenset(p.country for p, _ in located if p.country)
        found = db.events(replace(where, limit=_EVENT_ROWS))
        return render(
            "events.html.j2",
            events=found,
            total=sum(counted.values()),
            timeline=timeline(days),
            map=world_map(dots, highlight=countries),
            filters={
                "actor": actor or "",
                "type": type or "",
                "country": country or "",
                "place": place or "",
                "since": since or "",
                "until": until or "",
            },
        )

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response
