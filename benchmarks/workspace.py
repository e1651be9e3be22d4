"""The story workspace against the in-memory path, in one run. Not a test: run it, read it.

    .venv/bin/python benchmarks/workspace.py [--articles 1000] [--claims 10000] [--repeat 3]

1. **Adding articles.** ``--articles`` distinct articles (the seeds, each copy signed off by a
   different desk so its text, and so its id, is its own) added to a new SQLite workspace with
   ``Workspace.add_documents`` (extraction, the rows, and the comparison kept for SQL readers),
   against the in-memory path the CLI's ``compare`` takes: ``extract_documents`` then
   ``compare``. Then the same articles added again, which extracts nothing.
2. **Opening a workspace.** A workspace of ``--claims`` claims from a tenth as many articles
   (benchmarks/compare.py's synthetic news cycle), opened with every decision re-applied
   (``open_workspace`` + ``comparison``: the comparison the workspace kept when it last
   changed, read back; and what the dashboard computes from it before drawing:
   ``views.workspace_story``, the summary and the all-claims table), against ``compare`` on
   the same claims held in memory; then the dashboard's first page view of that workspace in a
   new session (Streamlit's AppTest running ``app.py``, Streamlit's caches cleared), and AppTest
   on a trivial page for scale. The target is under 2 s, the spaCy model being loaded already
   (opening a workspace does not need it).

Each figure is the best of ``--repeat`` runs (adding: one run, it is long) and its ratio to
the in-memory path measured in the same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import string
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from numclaims import views
from numclaims.compare import compare
from numclaims.extract import extract_documents, load_pipeline
from numclaims.models import Claim, Document
from numclaims.read import make_document, read_paths
from numclaims.store import open_workspace

ROOT = Path(__file__).resolve().parents[1]
TARGET_OPEN = 2.0


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def best_of(repeat: int, action: Callable[[], object]) -> float:
    return min(timed(action) for _ in range(repeat))


def desk(index: int) -> str:
    """A sign-off with no digits in it (digits would be figures): 'desk ab', 'desk ac'…"""
    letters = string.ascii_lowercase
    name = ""
    index += 27
    while index:
        index, rest = divmod(index, 26)
        name = letters[rest] + name
    return f"Filed by the {name} desk."


def articles(count: int) -> list[Document]:
    seeds = read_paths([str(ROOT / "seeds")]).documents
    made = []
    for index in range(count):
        seed = seeds[index % len(seeds)]
        made.append(make_document(f"{seed.text}\n{desk(index)}", doc_id=f"{index}",
                                  outlet=seed.outlet, published=seed.published.iso()
                                  if seed.published else None, title=seed.title))
    return made


def adding(count: int) -> None:
    documents = articles(count)
    nlp = load_pipeline()
    extract_documents(documents[:1], nlp=nlp)  # warm: the model and word lists load once

    def in_memory() -> None:
        compare(extract_documents(documents, nlp=nlp), documents=documents)

    memory = timed(in_memory)
    with tempfile.TemporaryDirectory() as folder:
        with open_workspace(Path(folder) / "story.db") as ws:
            extract = lambda docs: extract_documents(docs, nlp=nlp)  # noqa: E731
            stored = timed(lambda: ws.add_documents(documents, extract=extract))
            again = timed(lambda: ws.add_documents(documents, extract=extract))
            claims = len(ws.comparison().claims)
    print(f"adding {count:,} articles ({claims:,} claims)")
    print(f"  in memory (extract + compare)   {memory:8.2f} s")
    print(f"  into a workspace                {stored:8.2f} s  {stored / memory:5.2f}x in memory")
    print(f"  the same articles again         {again:8.2f} s  {again / memory:5.2f}x in memory"
          "  (nothing extracted)")


def synthetic(claims: int) -> tuple[list[Claim], list[Document]]:
    spec = importlib.util.spec_from_file_location("bench_compare", ROOT / "benchmarks" /
                                                  "compare.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_compare"] = module
    spec.loader.exec_module(module)
    made, documents = module.make_corpus(claims, max(1, claims // 10))
    # Reprints share their original's text, and so its id in a workspace: give each article a
    # text of its own, and each claim its own offsets, as extraction would.
    documents = [dataclasses.replace(d, text=f"{d.text}\n{desk(i)}")
                 for i, d in enumerate(documents)]
    seen: dict[str, int] = {}
    placed = []
    for claim in made:
        n = seen.get(claim.doc_id, 0)
        seen[claim.doc_id] = n + 1
        placed.append(dataclasses.replace(claim, start=n * 10, end=n * 10 + 3))
    return placed, documents


def opening(count: int, repeat: int) -> None:
    claims, documents = synthetic(count)
    from numclaims.store import article_id

    ids = {d.doc_id: article_id(d) for d in documents}
    renamed = [dataclasses.replace(d, doc_id=ids[d.doc_id]) for d in documents]
    by_doc: dict[str, list[Claim]] = {}
    for claim in claims:
        by_doc.setdefault(ids[claim.doc_id], []).append(
            dataclasses.replace(claim, doc_id=ids[claim.doc_id]))
    memory = best_of(repeat, lambda: compare(claims, documents=documents))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "story.db"
        with open_workspace(path) as ws:
            ws.add_documents(renamed, extract=lambda docs: [c for d in docs
                                                            for c in by_doc[d.doc_id]])
            group = ws.comparison().comparison.groups[0].id
            ws.review(group, verdict="conflict", note="a decision to re-apply")

        def open_and_compare() -> None:
            with open_workspace(path) as ws:
                ws.comparison()

        def dashboard_data() -> None:
            with open_workspace(path) as ws:
                story = views.workspace_story(ws.comparison())
                views.summary(story)
                views.claims_table(story)

        stored = best_of(repeat, open_and_compare)
        page = best_of(repeat, dashboard_data)
        view, trivial = page_view(path, repeat)
    verdict = "ok" if page <= TARGET_OPEN else "OVER TARGET"
    shown = "ok" if view <= TARGET_OPEN else "OVER TARGET"
    print(f"opening a workspace of {len(claims):,} claims from {len(documents):,} articles")
    print(f"  in memory (compare)             {memory:8.2f} s")
    print(f"  open + comparison()             {stored:8.2f} s  {stored / memory:5.2f}x in memory")
    print(f"  ... + the dashboard's tables    {page:8.2f} s  {page / memory:5.2f}x in memory"
          f"  (target {TARGET_OPEN:.0f} s: {verdict})")
    print(f"  the dashboard's page view       {view:8.2f} s  {view / memory:5.2f}x in memory"
          f"  (target {TARGET_OPEN:.0f} s: {shown}; a trivial page: {trivial:.2f} s)")


def page_view(path: Path, repeat: int) -> tuple[float, float]:
    """The best first page view of the workspace at ``path``, and of a trivial page."""
    import logging
    import os

    import streamlit as st
    from streamlit.testing.v1 import AppTest

    logging.disable(logging.WARNING)  # AppTest runs without a server, and says so every run
    os.environ["NUMCLAIMS_DB"] = str(path)

    def view() -> None:
        st.cache_data.clear()
        st.cache_resource.clear()  # the comparison is made again; the engine opened again
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.run()
        assert not at.exception, at.exception

    view()  # Streamlit's own start-up, not counted
    def trivial() -> None:
        AppTest.from_string("import streamlit as st\nst.title('trivial')").run()

    trivial()
    return best_of(repeat, view), best_of(repeat, trivial)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    opening(args.claims, args.repeat)
    adding(args.articles)


if __name__ == "__main__":
    main()
