"""The work of one batch task, the same in a Dask worker as in the single process.

A task gets a :class:`Partition`: some documents already read, some records still to read
(corpus lines, web addresses), and the problems the reader met on the way to them. It reads the
records with :func:`numclaims.read.read_record` and extracts the claims with
:func:`numclaims.extract.extract_documents`, exactly as the single-process path does, so both
give the same claims. One article that fails, to read or to extract, is one problem; the others
in its partition go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from ..errors import InputError
from ..extract import extract_documents, load_pipeline
from ..models import Claim, Document, ReadProblem
from ..read import Fetcher, FetchSettings, Record, read_record
from ..read.documents import Input

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "PARTITION_SIZE",
    "Partition",
    "PartitionResult",
    "extract_each",
    "partitions",
    "run_partition",
]

#: Articles a task handles: enough to keep spaCy's ``nlp.pipe`` batches full, few enough that a
#: worker's memory holds only a handful of articles at a time.
PARTITION_SIZE = 32

Item = Document | Record


@dataclass
class Partition:
    """Articles for one task, in input order, with the reading problems met before them."""

    index: int
    items: list[Item] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)

    def sources(self) -> list[str]:
        return [
            item.where if isinstance(item, Record) else item.source or item.doc_id
            for item in self.items
        ]


@dataclass
class PartitionResult:
    """What a task found: the claims, in article order, and every problem, in input order."""

    index: int
    articles: int  # handed to the task
    read: int  # read into a document and extracted
    claims: list[Claim]
    problems: list[ReadProblem]


def partitions(inputs: Iterable[Input], *, size: int = PARTITION_SIZE) -> Iterator[Partition]:
    """``inputs`` cut into partitions of ``size`` articles, streamed: one partition in memory."""
    current = Partition(0)
    for item in inputs:
        if isinstance(item, ReadProblem):
            current.problems.append(item)
            continue
        current.items.append(item)
        if len(current.items) >= size:
            yield current
            current = Partition(current.index + 1)
    if current.items or current.problems:
        yield current


def run_partition(partition: Partition, fetch: FetchSettings | None = None) -> PartitionResult:
    """Read and extract one partition (a batch task; also run in-process)."""
    fetcher = _fetcher(fetch or FetchSettings())
    documents: list[Document] = []
    problems = list(partition.problems)
    for item in partition.items:
        if isinstance(item, Document):
            documents.append(item)
            continue
        try:
            documents.append(read_record(item, fetcher=fetcher))
        except InputError as exc:
            problems.append(ReadProblem(exc.source, exc.problem))
        except Exception as exc:  # the per-article boundary: anything unexpected, one line
            problems.append(ReadProblem(item.where, _unexpected("read", exc)))
    claims, failed = extract_each(documents, nlp=load_pipeline())
    return PartitionResult(
        index=partition.index,
        articles=len(partition.items),
        read=len(documents) - len(failed),
        claims=claims,
        problems=problems + failed,
    )


def extract_each(
    documents: Sequence[Document],
    *,
    nlp: Language | None = None,
    chunk_size: int = PARTITION_SIZE,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Claim], list[ReadProblem]]:
    """The claims of ``documents`` (one ``nlp.pipe`` stream a chunk) and the articles that failed.

    One article that breaks the extractor is one problem and costs its neighbours nothing.
    ``progress(articles, claims)`` is called after each chunk.
    """
    claims: list[Claim] = []
    problems: list[ReadProblem] = []
    for start in range(0, len(documents), chunk_size):
        chunk = documents[start : start + chunk_size]
        found, failed = _extract_chunk(chunk, nlp)
        claims.extend(found)
        problems.extend(failed)
        if progress is not None:
            progress(len(chunk), len(found))
    return claims, problems


def _extract_chunk(
    chunk: Sequence[Document], nlp: Language | None
) -> tuple[list[Claim], list[ReadProblem]]:
    # extract_documents keeps each article's failure to that article, as a problem
    problems: list[ReadProblem] = []
    return extract_documents(chunk, nlp=nlp, problems=problems), problems


def _unexpected(stage: str, exc: Exception) -> str:
    return f"cannot {stage} the article: {type(exc).__name__}: {exc}"


@cache
def _fetcher(settings: FetchSettings) -> Fetcher:
    """One fetcher (one HTTP connection pool) per process and settings."""
    return Fetcher(settings)
