"""Clean real news pages from outside the corpus and compare with another extractor's text.

    python scripts/check_html_pages.py [--show PAGE]

The newspaper4k 0.9.6 source distribution on PyPI ships saved news pages (CNN, TIME, WIRED,
Fox 13, Yonhap ...) in tests/data/html, with that library's own text and metadata for each in
tests/data/txt and tests/data/metadata. Its text is another program's output, not a gold
standard: word precision and recall against it show where the two disagree, and `--show PAGE`
prints our text and the furniture we took out of it, to read. The archive is downloaded once
into the cache with pip and checked against its pinned hash; nothing of it enters the repo.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

from rashomon.config import Settings, default_cache_dir
from rashomon.ingest.clean import clean_document
from rashomon.ingest.readers import read_inputs
from rashomon.model import RawDocument

SDIST = "newspaper4k==0.9.6"
SDIST_SHA256 = "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e"
ENGLISH_PAGES = (
    "article_with_br", "article_with_divs", "cleveland.com1", "cnn_001", "cnn_002", "cnn_article",
    "cnn_test_nlp", "fox13now_001", "time_001", "video_article_02", "wired_001", "yna_co_kr",
)  # fmt: skip


def pages_folder(cache: Path) -> Path:
    """tests/data of the newspaper4k sdist, unpacked in the cache (downloaded the first time)."""
    folder = cache / "newspaper4k-0.9.6-pages"
    if (folder / "html").is_dir():
        return folder
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary=:all:", SDIST]
        subprocess.run([*command, "-d", scratch], check=True, timeout=600)
        archive = next(Path(scratch).glob("newspaper4k-*.tar.gz"))
        if hashlib.sha256(archive.read_bytes()).hexdigest() != SDIST_SHA256:
            raise SystemExit(f"{archive.name}: sha256 does not match the pinned hash")
        with tarfile.open(archive) as tar:
            prefix = "newspaper4k-0.9.6/tests/data/"
            members = [m for m in tar.getmembers() if m.name.startswith(prefix) and m.isfile()]
            for member in members:
                target = folder / member.name.removeprefix(prefix)
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                if source is not None:
                    target.write_bytes(source.read())
    return folder


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", help="print our text and furniture for this page")
    args = parser.parse_args()
    folder = pages_folder(default_cache_dir())
    settings = Settings()
    for name in ENGLISH_PAGES:
        raw = next(d for d in read_inputs([str(folder / "html" / f"{name}.html")], settings=settings))
        if not isinstance(raw, RawDocument):
            print(f"{name}: {raw}")
            continue
        article = clean_document(raw, settings=settings)
        theirs = (folder / "txt" / f"{name}.txt").read_text(encoding="utf-8")
        meta = json.loads((folder / "metadata" / f"{name}.json").read_text(encoding="utf-8"))
        ours_words, their_words = _words(article.text), _words(theirs)
        shared = sum((ours_words & their_words).values())
        precision = shared / max(1, sum(ours_words.values()))
        recall = shared / max(1, sum(their_words.values()))
        print(f"{name}: words P {precision:.2f} R {recall:.2f} | outlet {article.outlet!r} | byline {article.byline!r}")
        print(f"    title {article.title!r}  (theirs: {meta.get('title')!r}, authors {meta.get('authors')})")
        if args.show == name:
            print(article.text)
            print("--- furniture:", [(block.kind, block.text) for block in article.boilerplate])


if __name__ == "__main__":
    main()
