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
- ``filter change``: choosing an outlet in the All claims tab (median). This reruns the whole
  script; in the browser the filters sit in a fragment and rerun only the table.

The budgets are 3 s for a seeds view and 0.5 s for a filter change; the exit status is 1 if
either is exceeded. Because machines differ, each figure is also given as a ratio to a
``baseline`` measured in the same run: AppTest running a one-table Streamlit page, the least any
page costs here.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import streamlit as st
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
BUDGETS = {"seeds view": 3.0, "seeds view, cached": 3.0, "filter change": 0.5}


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs to take the median of")
    repeat = parser.parse_args().repeat
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
    print(f"{'baseline page':<20} {floor:7.3f} s")
    over = False
    for name, seconds in results.items():
        budget = BUDGETS.get(name)
        verdict = "" if budget is None else ("ok" if seconds <= budget else "OVER BUDGET")
        over |= verdict == "OVER BUDGET"
        limit = f"(budget {budget:.1f} s)" if budget else ""
        ratio = f"{seconds / floor:6.1f}x baseline"
        print(f"{name:<20} {seconds:7.3f} s  {ratio}  {limit:<16} {verdict}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
