"""How fast the dashboard answers, once the spaCy model is loaded.

    .venv/bin/python benchmarks/dashboard.py [--repeat 5]

Drives ``app.py`` with Streamlit's AppTest (the whole script, as a rerun in the browser would
run it, minus the network) and reports, in seconds:

- ``cold server``: the first page view of a fresh server: loading the spaCy model and the word
  lists (once per server), then opening a new default workspace and adding the seeds to it
  (reading and extracting them), as on a user's first start;
- ``seeds view``: a page view in a new session once the model has loaded, with every data
  cache cleared, so the workspace's claims are read, compared and charted again (median);
- ``seeds view, cached``: the same with extraction results and charts cached (median);
- ``filter change``: choosing an outlet in the filters above the tabs (median): the whole
  script reruns, as it does in the browser.

- ``browser: first full render``: in headless Chromium (Debian's ``/usr/bin/chromium``,
  driven by Playwright as tests/test_browser.py does), from opening the page of a running
  server whose model has loaded to the page finished: the summary, every card's table, chart
  and evidence, and the table of single-report figures drawn (median of fresh browser pages);
  beside it, the same for a trivial page served the same way in the same run.
  Skipped with ``--no-browser`` or without Chromium.

The budgets are 3 s for a seeds view and for the first full render in the browser, and 0.5 s
for a filter change; the exit status is 1 if any is exceeded. Because machines differ, each
figure is also given as a ratio to a ``baseline`` measured in the same run: AppTest running a
one-table Streamlit page, the least any page costs here (in the browser: that page served and
drawn in Chromium).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
BUDGETS = {"seeds view": 3.0, "seeds view, cached": 3.0, "filter change": 0.5,
           "browser: first full render": 3.0}
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
RENDER_MS = 300_000


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def new_page() -> AppTest:
    return AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)


BASELINE_PAGE = """
import pandas as pd
import streamlit as st
st.title("baseline")
st.dataframe(pd.DataFrame({"figure": ["400", "more than 400"], "value": [400, 400]}))
"""


def baseline(repeat: int) -> float:
    """The median time AppTest takes to run a trivial page: the floor under every figure."""
    pages = [AppTest.from_string(BASELINE_PAGE, default_timeout=60) for _ in range(repeat + 1)]
    pages[0].run()  # imports and Streamlit's own start-up, not counted
    return statistics.median(timed(lambda at=at: checked(at.run())) for at in pages[1:])


def checked(at: AppTest) -> AppTest:
    if at.exception:
        raise SystemExit(f"the page raised: {at.exception[0].value}")
    return at


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def served(script: Path) -> Iterator[str]:
    """A Streamlit server on a loopback port running ``script``; its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.25)
        else:
            raise SystemExit(f"streamlit did not start for {script}")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


def seed_cards() -> int:
    """How many groups of the seeds' story more than one article reports: a card each."""
    from numclaims.compare import compare
    from numclaims.extract import extract_documents
    from numclaims.read import read_paths

    documents = read_paths([str(ROOT / "seeds")]).documents
    groups = compare(extract_documents(documents), documents=documents).groups
    return sum(len({m.claim.doc_id for m in group.members}) > 1 for group in groups)


def browser_render(repeat: int) -> tuple[float, float]:
    """The first full render of the seeds story in Chromium after the model loaded, and of a
    trivial page, each the median over fresh browser pages."""
    from playwright.sync_api import sync_playwright

    cards = seed_cards()

    def dashboard_done(page: Any) -> None:
        # a card for each group more than one article reports: its table, chart and evidence;
        # the summary and the table of single-report figures besides
        groups = page.locator("[class*='st-key-group-']")
        groups.nth(cards - 1).wait_for(state="visible", timeout=RENDER_MS)
        page.locator("[data-testid='stVegaLiteChart'] .marks").nth(cards - 1).wait_for(
            timeout=RENDER_MS
        )
        page.locator("[data-testid='stMain'] mark").first.wait_for(timeout=RENDER_MS)
        page.locator("[data-testid='stDataFrame']").nth(cards + 1).wait_for(timeout=RENDER_MS)

    def trivial_done(page: Any) -> None:
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=RENDER_MS)

    def median_render(url: str, done: Callable[[Any], None], browser: Any) -> float:
        def once() -> float:
            page = browser.new_page(viewport={"width": 1280, "height": 2400})
            try:
                started = time.perf_counter()
                page.goto(url, wait_until="domcontentloaded")
                done(page)
                return time.perf_counter() - started
            finally:
                page.close()

        once()  # the model loads, the caches fill: not counted
        return statistics.median(once() for _ in range(repeat))

    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        trivial = Path(scratch) / "trivial.py"
        trivial.write_text(BASELINE_PAGE, encoding="utf-8")
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            with served(ROOT / "app.py") as url:
                seeds = median_render(url, dashboard_done, browser)
            with served(trivial) as url:
                floor = median_render(url, trivial_done, browser)
        finally:
            browser.close()
    return seeds, floor


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs to take the median of")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    arguments = parser.parse_args()
    repeat = arguments.repeat
    # AppTest runs without a server, which Streamlit warns about on every run.
    logging.disable(logging.WARNING)
    # A default workspace of its own, so the first page view fills it with the seeds and the
    # user's own workspace is never touched.
    os.environ.pop("NUMCLAIMS_DB", None)
    os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="numclaims-bench-")

    first = new_page()
    results = {"cold server": timed(lambda: checked(first.run()))}

    def fresh_view() -> float:
        st.cache_data.clear()  # the model is a cached resource: it stays loaded
        at = new_page()
        return timed(lambda: checked(at.run()))

    results["seeds view"] = statistics.median(fresh_view() for _ in range(repeat))
    pages = [new_page() for _ in range(repeat)]
    results["seeds view, cached"] = statistics.median(
        timed(lambda at=at: checked(at.run())) for at in pages
    )

    at = pages[-1]
    outlets = at.multiselect(key="f_outlet").options
    changes = []
    for i in range(repeat):
        at.multiselect(key="f_outlet").set_value([outlets[i % len(outlets)]])
        changes.append(timed(lambda: checked(at.run())))
    results["filter change"] = statistics.median(changes)

    floor = baseline(repeat)
    floors = {name: floor for name in results}
    if not arguments.no_browser and CHROMIUM.exists():
        seeds, trivial = browser_render(repeat)
        results["browser: first full render"] = seeds
        floors["browser: first full render"] = trivial
        print(f"{'browser: trivial page':<28} {trivial:7.3f} s")
    print(f"{'baseline page':<28} {floor:7.3f} s")
    over = False
    for name, seconds in results.items():
        budget = BUDGETS.get(name)
        verdict = "" if budget is None else ("ok" if seconds <= budget else "OVER BUDGET")
        over |= verdict == "OVER BUDGET"
        limit = f"(budget {budget:.1f} s)" if budget else ""
        ratio = f"{seconds / floors[name]:6.1f}x baseline"
        print(f"{name:<28} {seconds:7.3f} s  {ratio}  {limit:<16} {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
