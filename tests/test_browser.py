"""The dashboard in a real browser: the server started on a loopback port, headless Chromium.

Uses Debian's ``chromium`` (``apt-get install chromium``), driven through Playwright's Python
package; Playwright's own browser download is not needed. Saves ``artifacts/dashboard.png``.
The server opens a workspace of its own (``streamlit run app.py -- --db story.db``), filled
with the seeds beforehand.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from numclaims.store import open_workspace

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "artifacts" / "dashboard.png"
STARTUP_SECONDS = 60
RENDER_MS = 180_000  # the first page view loads the spaCy model
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is missing: apt-get install chromium"
    ),
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_healthy(server: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        try:  # waits a moment, and notices a server that died on start
            server.wait(timeout=0.25)
        except subprocess.TimeoutExpired:
            continue
        pytest.fail(f"streamlit exited with status {server.returncode}")
    pytest.fail(f"streamlit was not healthy after {STARTUP_SECONDS} s")


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory, session_extractor: Any,
             seed_documents: list[Any]) -> Path:
    path = tmp_path_factory.mktemp("browser") / "story.db"
    with open_workspace(path) as ws:
        ws.add_documents(seed_documents, extract=session_extractor)
    return path


@pytest.fixture(scope="module")
def dashboard(story_db: Path) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
            "--server.headless", "true",
            "--server.port", str(port),
            "--server.address", "127.0.0.1",
            "--browser.gatherUsageStats", "false",
            "--", "--db", str(story_db),
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_healthy(server, url)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def test_the_seeds_story_shows_in_chromium(dashboard: str, story_db: Path) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    with open_workspace(story_db) as ws:
        groups_of = [{m.claim.doc_id for m in g.members} for g in ws.comparison().comparison.groups]
    cards = sum(len(articles) > 1 for articles in groups_of)  # the others fold into one table
    assert 0 < cards < len(groups_of)

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 2400})
            page.goto(dashboard, wait_until="domcontentloaded")
            main = page.locator("[data-testid='stMain']")
            groups = page.locator("[class*='st-key-group-']")
            try:
                groups.nth(cards - 1).wait_for(state="visible", timeout=RENDER_MS)
            except PlaywrightTimeout:
                pytest.fail(f"fewer than {cards} groups showed; the page says:\n"
                            f"{main.inner_text()}")
            # The script goes on after the last card: the single-report table comes last.
            for heading in ("The story at a glance", "Figures only one report gives"):
                try:
                    main.get_by_text(heading).first.wait_for(state="visible", timeout=RENDER_MS)
                except PlaywrightTimeout:
                    pytest.fail(f"no '{heading}' showed; the page says:\n{main.inner_text()}")
            assert groups.count() == cards
            text = main.inner_text()
            assert "consistent" in text  # single-report figures sit in a table (a canvas)
            assert "conflict" in text or "scope-differs" in text
            assert page.locator("[data-testid='stException']").count() == 0
            # Wait for the page to finish: the charts drawn, the evidence sentences shown.
            page.locator("[data-testid='stVegaLiteChart'] .marks").nth(cards - 1).wait_for(
                timeout=RENDER_MS
            )
            page.locator("[data-testid='stMain'] mark").first.wait_for(timeout=RENDER_MS)
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
        finally:
            browser.close()
    assert SCREENSHOT.stat().st_size > 10_000


PASTED = (
    "US officials said Russia has deployed 300 Iranian-made attack drones against Ukraine "
    "since August 2022."
)
NOTE = "The 6,000 counts another year"


def test_an_article_an_override_and_its_note_survive_a_reload(
    dashboard: str, story_db: Path
) -> None:
    from playwright.sync_api import expect, sync_playwright

    with open_workspace(story_db) as ws:
        gid = next(g.id for g in ws.comparison().comparison.groups
                   if {"thousands", "at least 6,000"} <= {m.claim.surface for m in g.members})
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 2400})
            # The first article pasted loads the spaCy model in the server: allow for it.
            page.set_default_timeout(RENDER_MS)
            page.goto(dashboard, wait_until="domcontentloaded")
            articles = page.locator("[data-testid='stMetric']").filter(has_text="articles")
            expect(articles).to_contain_text("5", timeout=RENDER_MS)

            # Add an article: paste it in the sidebar.
            page.locator(".st-key-paste_text textarea").fill(PASTED)
            page.locator(".st-key-paste_outlet input").fill("Test Wire")
            page.locator(".st-key-paste_date input").fill("2023-03-01")
            page.get_by_role("button", name="Add article").click()
            expect(articles).to_contain_text("6", timeout=RENDER_MS)

            # Override a verdict with a note.
            group = page.locator(f".st-key-group-{gid}")
            group.get_by_text("Review this group").click()
            group.locator(f".st-key-verdict-{gid}").get_by_text("conflict", exact=True).click()
            group.locator(f".st-key-note-{gid} textarea").fill(NOTE)
            group.get_by_role("button", name="Save review").click()
            expect(group).to_contain_text("(computed: consistent)", timeout=RENDER_MS)
            expect(group).to_contain_text(NOTE, timeout=RENDER_MS)

            # Reload: a new session, the same workspace.
            page.reload(wait_until="domcontentloaded")
            expect(articles).to_contain_text("6", timeout=RENDER_MS)
            group = page.locator(f".st-key-group-{gid}")
            expect(group).to_contain_text("(computed: consistent)", timeout=RENDER_MS)
            expect(group).to_contain_text(NOTE, timeout=RENDER_MS)
            main = page.locator("[data-testid='stMain']")
            expect(main).to_contain_text("Test Wire", timeout=RENDER_MS)
            assert page.locator("[data-testid='stException']").count() == 0
        finally:
            browser.close()
