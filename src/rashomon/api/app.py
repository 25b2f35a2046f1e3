"""The HTTP API: read-only JSON over the store, with an OpenAPI description at /openapi.json.

Every list takes ``limit`` and an opaque ``cursor`` and answers ``{"items": [...],
"next_cursor": ...}``; every error is ``{"error": {"status", "code", "message"}}``. A token,
when configured, is required as ``Authorization: Bearer TOKEN`` on every request.
"""

import base64
import binascii
import hmac
import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from rashomon import __version__
from rashomon.ask.answer import answer_json, ask
from rashomon.compare.build import ComparisonCache, FramingModels
from rashomon.compare.output import comparison_json
from rashomon.errors import StoreError
from rashomon.jsonout import (
    article_metadata_json,
    claim_json,
    corpus_entity_json,
    event_json,
    place_json,
    place_mention_json,
    quote_json,
    reported_json,
    story_json,
    with_source,
)
from rashomon.store.events import EventFilter
from rashomon.store.quotes import QuoteFilter
from rashomon.store.sqlite import Store
from rashomon.stories.reported import load_verb_families, reported_events
from rashomon.ui.pages import add_pages

MAX_LIMIT = 200
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Cursor = Annotated[
    str | None, Query(description="next_cursor of the previous page (opaque)", pattern=r"^[A-Za-z0-9_=-]+$")
]


class ErrorDetail(BaseModel):
    status: int
    code: str
    message: str


class ErrorBody(BaseModel):
    """Every error: ``{"error": {"status", "code", "message"}}``."""

    error: ErrorDetail


def _decode_cursor(cursor: str | None) -> int:
    if not cursor:
        return 0
    try:
        value = json.loads(base64.urlsafe_b64decode(cursor.encode()).decode())
        offset = int(value["o"])
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise HTTPException(400, "cursor is not one this API handed out") from exc
    if offset < 0:
        raise HTTPException(400, "cursor is not one this API handed out")
    return offset


def _encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"o": offset}).encode()).decode()


def page(fetch: Callable[[int], Sequence[Any]], render: Callable[[Any], dict[str, object]], *, limit: int,
         cursor: str | None) -> dict[str, object]:  # fmt: skip
    """One page: ``fetch(n)`` returns the first n rows in a stable order."""
    offset = _decode_cursor(cursor)
    rows = list(fetch(offset + limit + 1))[offset:]
    more = len(rows) > limit
    return {
        "items": [render(row) for row in rows[:limit]],
        "next_cursor": _encode_cursor(offset + limit) if more else None,
    }


def _error(status: int, message: str) -> JSONResponse:
    codes = {400: "bad_request", 401: "unauthorized", 404: "not_found", 405: "method_not_allowed",
             422: "invalid_parameter", 503: "unavailable"}  # fmt: skip
    return JSONResponse(
        {"error": {"status": status, "code": codes.get(status, "error"), "message": message}}, status_code=status
    )


def create_app(db_path: Path, *, token: str | None = None, cors_origins: Sequence[str] = ()) -> FastAPI:
    """The API over the database at ``db_path`` (opened read-only for each request)."""
    errors: dict[int | str, dict[str, Any]] = {
        status: {"model": ErrorBody, "description": description}
        for status, description in (
            (400, "a cursor this API did not hand out"),
            (401, "the API token is missing or wrong"),
            (404, "no such article or entity"),
            (422, "a parameter out of range or malformed"),
            (503, "no database, or one that needs an upgrade"),
        )
    }
    app = FastAPI(
        responses=errors,
        title="Rashomon API",
        version=__version__,
        description="Read-only access to a Rashomon store: articles, entities, events, quotes, claims, places.",
        docs_url=None,  # the interactive docs page loads scripts from a CDN; the spec itself is local
        redoc_url=None,
    )
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"])

    @app.middleware("http")
    async def require_token(request: Request, call_next):  # type: ignore[no-untyped-def]
        if token is not None:
            sent = request.headers.get("authorization", "")
            if not hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()):
                return _error(401, "send the API token as 'Authorization: Bearer TOKEN'")
        return await call_next(request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        return _error(422, problems or "invalid request")

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        return _error(503, exc.message)

    def store() -> Iterator[Store]:
        opened = Store.open_readonly(db_path)
        try:
            yield opened
        finally:
            opened.close()

    Db = Annotated[Store, Depends(store)]
    loaded: dict[str, FramingModels] = {}

    def framing_models() -> FramingModels:
        # Loaded on the first comparison asked for, then kept for the life of this app.
        if "models" not in loaded:
            loaded["models"] = FramingModels.load()
        return loaded["models"]

    comparisons = ComparisonCache(framing_models)
    verb_families = load_verb_families()
    add_pages(app, store, framing_models, comparisons)

    @app.get("/api/articles", summary="articles, oldest first")
    def articles(db: Db, outlet: str | None = None, limit: Limit = 50, cursor: Cursor = None) -> dict[str, object]:
        return page(lambda n: db.articles(outlet=outlet, limit=n), article_metadata_json, limit=limit, cursor=cursor)

    @app.get("/api/articles/{article_id}", summary="one article with everything found in it")
    def article(db: Db, article_id: str) -> dict[str, object]:
        found = db.article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        where = QuoteFilter(article=found.id)
        return {
            **article_metadata_json(found),
            "text": found.text,
            "boilerplate": [{"kind": b.kind, "text": b.text} for b in found.boilerplate],
            "entities": [
                {
                    **corpus_entity_json(item.entity),
                    "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in item.mentions],
                }
                for item in db.article_entities(found.id)
            ],
            "events": [event_json(s.event) for s in db.events(EventFilter(article=found.id))],
            "quotes": [quote_json(s.quote) for s in db.quotes(where)],
            "claims": [claim_json(s.claim) for s in db.claims(where)],
            "places": [place_mention_json(m) for m in db.article_places(found.id)],
        }

    @app.get("/api/entities", summary="canonical entities, most mentioned first")
    def entities(db: Db, type: str | None = None, limit: Limit = 50, cursor: Cursor = None) -> dict[str, object]:
        return page(lambda n: db.entities(entity_type=type, limit=n), corpus_entity_json, limit=limit, cursor=cursor)

    @app.get("/api/entities/{entity_id}", summary="one entity with its quotes and events")
    def entity(db: Db, entity_id: str) -> dict[str, object]:
        found = db.entity(entity_id)
        if found is None:
            raise HTTPException(404, f"no entity {entity_id!r}")
        return {
            **corpus_entity_json(found),
            "quotes": [with_source(quote_json(s.quote), s) for s in db.quotes(QuoteFilter(speaker=found.id))],
            "events": [with_source(event_json(s.event), s) for s in db.events(EventFilter(actor=found.id))],
        }

    @app.get("/api/events", summary="coded events, oldest publication first")
    def events(
        db: Db, actor: str | None = None, type: str | None = None, country: str | None = None,
        outlet: str | None = None, since: str | None = None, until: str | None = None, place: str | None = None,
        bbox: Annotated[str | None, Query(description="south,west,north,east")] = None,
        entity: Annotated[str | None, Query(description="exactly this entity id, as source or target")] = None,
        limit: Limit = 50, cursor: Cursor = None,
    ) -> dict[str, object]:  # fmt: skip
        box = None
        if bbox:
            try:
                south, west, north, east = (float(part) for part in bbox.split(","))
            except ValueError as exc:
                raise HTTPException(422, "bbox: four numbers, south,west,north,east") from exc
            box = (south, west, north, east)

        def fetch(n: int) -> list[Any]:
            return db.events(EventFilter(actor=actor, entity=entity, type=type, country=country, outlet=outlet,
                                         since=since, until=until, place=place, bbox=box, limit=n))  # fmt: skip

        return page(fetch, lambda s: with_source(event_json(s.event), s), limit=limit, cursor=cursor)

    def quote_like(
        read: Callable[[Store], Callable[[QuoteFilter], list[Any]]], render: Callable[[Any], dict[str, object]]
    ):  # type: ignore[no-untyped-def]
        def route(
            db: Db, speaker: str | None = None, outlet: str | None = None, since: str | None = None,
            until: str | None = None, text: str | None = None, kind: str | None = None, limit: Limit = 50,
            cursor: Cursor = None,
            naming: Annotated[str | None, Query(description="an entity id named inside the words, any spelling")] = None,
        ) -> dict[str, object]:  # fmt: skip
            def fetch(n: int) -> list[Any]:
                return read(db)(QuoteFilter(speaker=speaker, outlet=outlet, since=since, until=until, text=text,
                                            kind=kind, naming=naming, limit=n))  # fmt: skip

            return page(fetch, lambda stored: with_source(render(stored), stored), limit=limit, cursor=cursor)

        return route

    app.get("/api/quotes", summary="quotes with their speakers")(
        quote_like(lambda db: db.quotes, lambda stored: quote_json(stored.quote))
    )
    app.get("/api/claims", summary="claims with their attribution and numbers; kind is the attribution kind")(
        quote_like(lambda db: db.claims, lambda stored: claim_json(stored.claim))
    )

    @app.get("/api/places", summary="places the articles mention, most mentioned first")
    def places(db: Db, country: str | None = None, limit: Limit = 50, cursor: Cursor = None) -> dict[str, object]:
        return page(
            lambda n: db.place_counts(country=country, limit=n),
            lambda row: {**(place_json(row.place) or {}), "mentions": row.mentions, "articles": row.articles},
            limit=limit, cursor=cursor,
        )  # fmt: skip

    @app.get("/api/stories", summary="stories: articles grouped by the event they report, most outlets first")
    def stories(
        db: Db, outlet: str | None = None, entity: str | None = None,
        min_articles: Annotated[int, Query(ge=1, le=1_000_000)] = 1, limit: Limit = 50, cursor: Cursor = None,
    ) -> dict[str, object]:  # fmt: skip
        return page(
            lambda n: db.stories(min_articles=min_articles, outlet=outlet, entity=entity, limit=n),
            story_json, limit=limit, cursor=cursor,
        )  # fmt: skip

    @app.get("/api/stories/{story_id}", summary="one story: its articles, their events, and the acts outlets report")
    def story(db: Db, story_id: str) -> dict[str, object]:
        found = db.story(story_id)
        if found is None:
            raise HTTPException(404, f"no story {story_id!r}")
        events = [s for a in found.articles for s in db.events(EventFilter(article=a.article_id))]
        return story_json(
            found,
            [with_source(event_json(s.event), s) for s in events],
            [reported_json(r) for r in reported_events(events, verb_families)],
        )

    @app.get("/api/stories/{story_id}/compare", summary="a story's articles compared: aligned statements and framing")
    def compare(db: Db, story_id: str) -> dict[str, object]:
        if db.story(story_id) is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return comparison_json(comparisons.get(db, story_id))

    @app.get("/api/ask", summary="answer a question from the corpus only: cited sentences, or a refusal")
    def ask_route(
        db: Db, q: Annotated[str, Query(min_length=1, max_length=500)], top: Annotated[int, Query(ge=1, le=10)] = 3
    ) -> dict[str, object]:
        return answer_json(ask(db, q, top=top, encoder=framing_models().encoder))

    @app.get("/api/search", summary="sentences containing all the words, newest first")
    def search(
        db: Db, q: Annotated[str, Query(min_length=1)], limit: Limit = 50, cursor: Cursor = None
    ) -> dict[str, object]:
        return page(
            lambda n: db.search_sentences(q, limit=n),
            lambda row: {"article": row[0], "start": row[1], "end": row[2], "text": row[3]},
            limit=limit, cursor=cursor,
        )  # fmt: skip

    return app
