"""The two jobs a client runs over many articles: extract the claims, or compare them.

Without ``workers`` or ``scheduler`` a job is the single-process path, as it always was:
:func:`numclaims.read.read_paths`, then :func:`numclaims.extract.extract_documents` (a chunk of
articles at a time, for the progress bar and so one bad article is one problem), then
:func:`numclaims.compare.compare` with the documents. With them, the corpus streams through a
Dask cluster (:func:`numclaims.batch.runner.run`) and compare groups the gathered claims
without the article texts, which are never all in memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from ..compare import compare
from ..models import Claim, Comparison, Corpus, Document, PublicationDate
from ..read import Fetcher, FetchSettings, iter_inputs, read_paths
from .progress import Progress
from .runner import BatchSummary, run
from .sinks import ClaimSink, ListSink
from .work import PARTITION_SIZE, PartitionResult, extract_each

__all__ = ["Sources", "compare_sources", "count_articles", "extract_claims", "read_sources"]


@dataclass(frozen=True)
class Sources:
    """What to read: the arguments of :func:`numclaims.read.read_paths`."""

    paths: Sequence[str] = ()
    meta: str | None = None
    url_lists: Sequence[str] = ()
    feeds: Sequence[str] = ()
    outlet: str | None = None
    published: PublicationDate | dt.date | str | None = None
    stdin: TextIO | None = None

    def options(self, fetcher: Fetcher) -> dict[str, Any]:
        """The keyword arguments of :func:`numclaims.read.read_paths` and ``iter_inputs``."""
        return {"meta": self.meta, "stdin": self.stdin, "url_lists": self.url_lists,
                "feeds": self.feeds, "fetcher": fetcher, "outlet": self.outlet,
                "published": self.published}


def extract_claims(
    sources: Sources,
    *,
    sink: ClaimSink,
    fetch: FetchSettings | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
    partition_size: int = PARTITION_SIZE,
) -> BatchSummary:
    """Read ``sources`` and write their claims to ``sink``, in input order.

    Every unreadable input and every article that breaks the extractor is a problem in the
    summary; the others go on.
    """
    if workers is None and scheduler is None:
        summary, claims, _ = _single_process(sources, fetch, progress)
        sink.write(claims)
        return summary

    if progress is not None:
        progress.start(count_articles(sources))

    def write(result: PartitionResult) -> None:
        sink.write(result.claims)
        if progress is not None:
            progress.advance(result.articles, len(result.claims))

    with Fetcher(fetch) as fetcher:
        inputs = iter_inputs(sources.paths, **sources.options(fetcher))
        return run(
            inputs,
            write=write,
            workers=workers,
            scheduler=scheduler,
            fetch=fetch,
            partition_size=partition_size,
        )


def compare_sources(
    sources: Sources,
    *,
    fetch: FetchSettings | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Progress | None = None,
) -> tuple[Comparison, BatchSummary]:
    """Read ``sources``, extract their claims and compare them, as ``numclaims compare`` does.

    On one process the articles' text helps recognise copies (a wire story reprinted); on a
    cluster the claims' sentences alone do, so no article text is kept.
    """
    if workers is None and scheduler is None:
        summary, claims, documents = _single_process(sources, fetch, progress)
        return compare(claims, documents=documents), summary
    kept = ListSink()
    summary = extract_claims(
        sources, sink=kept, fetch=fetch, workers=workers, scheduler=scheduler, progress=progress
    )
    return compare(kept.claims), summary


def read_sources(sources: Sources, fetch: FetchSettings | None = None) -> Corpus:
    """Every article ``sources`` name, read in this process, with what could not be read."""
    with Fetcher(fetch) as fetcher:
        return read_paths(sources.paths, **sources.options(fetcher))


def _single_process(
    sources: Sources, fetch: FetchSettings | None, progress: Progress | None
) -> tuple[BatchSummary, list[Claim], list[Document]]:
    corpus = read_sources(sources, fetch)
    if progress is not None:
        progress.start(len(corpus.documents))
    claims, failed = extract_each(
        corpus.documents, progress=progress.advance if progress is not None else None
    )
    summary = BatchSummary(
        articles=len(corpus.documents),
        read=len(corpus.documents) - len(failed),
        claims=len(claims),
        problems=[*corpus.problems, *failed],
        workers=1,
    )
    return summary, claims, corpus.documents


def count_articles(sources: Sources) -> int | None:
    """How many articles ``sources`` hold, when that is cheap to know (JSONL and Parquet files
    alone: their lines and rows), else None. For the progress bar's time left."""
    if sources.url_lists or sources.feeds or not sources.paths:
        return None
    total = 0
    for given in sources.paths:
        path = Path(given)
        try:
            if path.suffix.lower() == ".jsonl" and path.is_file():
                total += _count_lines(path)
            elif path.suffix.lower() == ".parquet" and path.is_file():
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            else:
                return None
        except Exception:  # a file the reader will report on; no total then
            return None
    return total


def _count_lines(path: Path) -> int:
    lines = 0
    with path.open("rb") as handle:
        for line in handle:
            lines += bool(line.strip())
    return lines
