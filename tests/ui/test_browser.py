"""The pages in a real browser: headless Chromium (Debian's `chromium`) loads them over HTTP.

Skipped when no Chromium is installed; `make ui-check` installs it and runs these.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from rashomon.cli import main

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (make ui-check installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"]  # fmt: skip


@pytest.fixture(scope="module")
def server(engine, tmp_path_factory):  # type: ignore[no-untyped-def]
    import uvicorn

    from rashomon.api.app import create_app

    db = tmp_path_factory.mktemp("browser") / "browser.db"
    files = [str(FIXTURES / name) for name in ("kremlin_visit.txt", "moscow_talks.txt", "hostile.html")]
    assert main(["--db", str(db), "ingest", "--quiet", *files]) == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    for _ in range(100):
        if running.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", tmp_path_factory.mktemp("profile")
    running.should_exit = True
    thread.join(timeout=5)


def _dom(server, path: str) -> str:  # type: ignore[no-untyped-def]
    base, profile = server
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", base + path],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return result.stdout


def test_click_through_from_home_to_an_entity(server):
    home = _dom(server, "/")
    article = re.findall(r'href="(/articles/[^"]+)"', home)[0]
    page = _dom(server, article)
    entity = re.findall(r'href="(/entities/[^"]+)"', page)[0]
    assert "Timeline of events" in _dom(server, entity)
    assert "<circle" in _dom(server, "/events")


def test_click_through_from_an_entity_to_its_story_comparison(server):
    home = _dom(server, "/")
    article = re.findall(r'href="(/articles/[^"]+)"', home)[0]
    entity_links = re.findall(r'href="(/entities/[^"]+)"', _dom(server, article))
    for link in entity_links:
        stories = re.findall(r'href="(/stories/[^"]+)"', _dom(server, link))
        if stories:
            break
    else:
        pytest.fail("no entity page links to a story")
    page = _dom(server, stories[0])
    assert "Statements lined up" in page and "The articles side by side" in page
    assert re.search(r'id="A-s\d+"', page) and re.search(r'href="#A-s\d+"', page)
    assert "<script" not in page.lower()


def test_hostile_article_is_inert_in_the_browser(server):
    home = _dom(server, "/")
    for link in re.findall(r'href="(/articles/[^"]+)"', home):
        page = _dom(server, link)
        if "pier" in page:
            break
    else:
        pytest.fail("the hostile article is not listed")
    assert "<script" not in page.lower()
    assert not re.search(r"<[^>]+\son\w+\s*=", page, re.IGNORECASE)
    assert 'href="javascript:' not in page.lower()
    assert "alert(" not in page or "&lt;script&gt;" in page  # any alert() left is visible text
