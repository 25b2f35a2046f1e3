"""Latency of the API and the UI over a large store, measured from a loopback client.

The server runs in this process (uvicorn, one worker, as `rashomon serve` runs it); requests go
over a real socket. Each route is hit with varied parameters and its latencies summarised; the
first request of each route is a warm-up and not counted.
"""

from __future__ import annotations

import socket
import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from rashomon.store.sqlite import Store


@dataclass(frozen=True)
class RouteTiming:
    name: str
    kind: str  # "list", "ask", "page", "compare"
    requests: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    errors: int


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _routes(store: Store, per_route: int) -> list[tuple[str, str, list[str]]]:
    """(name, kind, urls) for every route measured, with parameters taken from the store itself."""
    entities = [e.id for e in store.entities(limit=per_route)]
    outlets = store.outlets()[:per_route] or [""]
    articles = [a.id for a in store.articles(limit=2000)][:: max(1, 2000 // per_route)][:per_route]
    stories = [s.id for s in store.stories(min_articles=2, limit=per_route)]
    words = ["attack", "oil prices", "Syria", "talks", "bank", "ceasefire", "election", "wheat", "rebels", "trade"]
    questions = [
        "What did Russia say about Assad's extradition?", "Who is Abu Mohammad al-Julani?",
        "How many people were killed in Aleppo?", "What did the Fed say about interest rates?",
        "Who attacked Deir ez-Zor?", "When did Putin meet al-Sharaa?", "What did Opec decide about output?",
    ]  # fmt: skip

    def cycle(items: Sequence[str]) -> list[str]:
        return [items[i % len(items)] for i in range(per_route)] if items else []

    return [
        (
            "GET /api/articles",
            "list",
            [f"/api/articles?limit=50&outlet={o}" if o else "/api/articles?limit=50" for o in cycle(outlets)],
        ),
        ("GET /api/entities", "list", ["/api/entities?limit=50"] * per_route),
        ("GET /api/events?actor=", "list", [f"/api/events?actor={e}&limit=50" for e in cycle(entities)]),
        ("GET /api/events?bbox=", "list", ["/api/events?bbox=32,35,37,42&limit=50"] * per_route),
        ("GET /api/quotes?speaker=", "list", [f"/api/quotes?speaker={e}&limit=50" for e in cycle(entities)]),
        ("GET /api/claims", "list", [f"/api/claims?outlet={o}&limit=50" for o in cycle(outlets)]),
        ("GET /api/search", "list", [f"/api/search?q={w}&limit=50" for w in cycle(words)]),
        ("GET /api/stories", "list", ["/api/stories?min_articles=2&limit=50"] * per_route),
        ("GET /api/ask", "ask", [f"/api/ask?q={q}" for q in cycle(questions)]),
        ("page /articles/ID", "page", [f"/articles/{a}" for a in cycle(articles)]),
        ("page /entities/ID", "page", [f"/entities/{e}" for e in cycle(entities)]),
        ("page /events", "page", ["/events?country=SYR"] * per_route),
        ("page /stories/ID (comparison, first view)", "compare", [f"/stories/{s}" for s in cycle(stories)]),
        ("page /stories/ID (comparison, seen before)", "page", [f"/stories/{s}" for s in cycle(stories)]),
    ]


def measure(
    db_path: Path, *, per_route: int = 40, on_route: Callable[[RouteTiming], None] | None = None
) -> list[RouteTiming]:
    import uvicorn

    from rashomon.api.app import create_app

    with Store.open_readonly(db_path) as store:
        routes = _routes(store, per_route)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    timings = []
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            for name, kind, urls in routes:
                if not urls:
                    continue
                client.get(urls[0])  # warm-up: loads models and fills caches, as a running server has
                latencies, errors = [], 0
                for url in urls:
                    start = time.perf_counter()
                    response = client.get(url)
                    latencies.append((time.perf_counter() - start) * 1000)
                    errors += response.status_code >= 400
                timing = RouteTiming(
                    name, kind, len(latencies), round(statistics.median(latencies), 1),
                    round(_percentile(latencies, 0.95), 1), round(max(latencies), 1), errors,
                )  # fmt: skip
                timings.append(timing)
                if on_route is not None:
                    on_route(timing)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    return timings
