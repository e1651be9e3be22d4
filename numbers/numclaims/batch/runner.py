"""Running extraction over a corpus: in this process, or on a Dask cluster.

:func:`run` arranges the work and nothing else: the inputs are streamed into partitions
(:func:`~numclaims.batch.work.partitions`), each partition is one task
(:func:`~numclaims.batch.work.run_partition`, the same reading and extraction functions as the
single-process path), and the results are handed to ``write`` in input order as they arrive.

On Dask, at most a few partitions per worker are in flight, so neither this process nor a
worker ever holds more than a handful of partitions: memory stays flat however large the
corpus. Each worker loads the spaCy model once, when it starts (:class:`ModelPlugin`).
``workers=N`` starts a ``LocalCluster`` of N processes with one thread each (spaCy holds the
GIL: processes, not threads, use the cores); ``scheduler="tcp://host:8786"`` uses a running
cluster, whose workers must have numclaims installed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..errors import NumclaimsError
from ..models import ReadProblem
from ..read import FetchSettings
from ..read.documents import Input
from .work import PARTITION_SIZE, Partition, PartitionResult, partitions, run_partition

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["BatchSummary", "cluster_client", "run"]

#: Partitions in flight per worker: one running, a couple queued, so no worker waits.
IN_FLIGHT_PER_WORKER = 3


@dataclass
class BatchSummary:
    """What a run did: articles handed to tasks, those read, claims found, every problem."""

    articles: int = 0
    read: int = 0
    claims: int = 0
    problems: list[ReadProblem] = field(default_factory=list)
    workers: int = 0


def run(
    inputs: Iterable[Input],
    *,
    write: Callable[[PartitionResult], None],
    workers: int | None = None,
    scheduler: str | None = None,
    fetch: FetchSettings | None = None,
    partition_size: int = PARTITION_SIZE,
) -> BatchSummary:
    """Extract the claims of ``inputs``, handing each partition's result to ``write`` in order.

    Without ``workers`` or ``scheduler`` the partitions run here, one after another.
    """
    summary = BatchSummary()
    parts = partitions(inputs, size=partition_size)

    def take(result: PartitionResult) -> None:
        summary.articles += result.articles
        summary.read += result.read
        summary.claims += len(result.claims)
        summary.problems.extend(result.problems)
        write(result)

    if workers is None and scheduler is None:
        summary.workers = 1
        for part in parts:
            take(run_partition(part, fetch))
        return summary
    with cluster_client(workers=workers, scheduler=scheduler) as client:
        summary.workers = len(client.nthreads())
        _run_on(client, parts, take, fetch, window=IN_FLIGHT_PER_WORKER * summary.workers)
    return summary


@contextmanager
def cluster_client(*, workers: int | None, scheduler: str | None) -> Iterator[Client]:
    """A Dask client on a new LocalCluster of ``workers`` processes, or on ``scheduler``."""
    import dask
    from distributed import Client, LocalCluster

    cluster = None
    try:
        if scheduler is not None:
            client = Client(scheduler, timeout="30s")
        else:
            # Dask's statistical profiler samples every worker's stack and keeps what it saw:
            # a worker's memory would grow with the corpus (about 10 MB per 1,000 articles).
            with dask.config.set({"distributed.worker.profile.enabled": False}):
                cluster = LocalCluster(
                    n_workers=workers or 1,
                    threads_per_worker=1,
                    processes=True,
                    # Any free port: a fixed one (Dask's 8787) clashes with another cluster
                    # on the machine and says so on standard error.
                    dashboard_address=":0",
                    silence_logs=logging.ERROR,
                )
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        where = scheduler or "a local cluster"
        raise NumclaimsError(
            f"cannot start or reach the Dask scheduler at {where}: {exc}"
        ) from None
    try:
        from .plugin import ModelPlugin

        client.register_plugin(ModelPlugin())
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_on(
    client: Client,
    parts: Iterator[Partition],
    take: Callable[[PartitionResult], None],
    fetch: FetchSettings | None,
    *,
    window: int,
) -> None:
    from distributed import as_completed

    run_id = uuid.uuid4().hex[:8]
    sent: dict[int, tuple[list[str], list[ReadProblem]]] = {}
    finished: dict[int, PartitionResult] = {}
    next_index = 0
    queue = as_completed()

    def submit() -> bool:
        part = next(parts, None)
        if part is None:
            return False
        sent[part.index] = (part.sources(), part.problems)
        queue.add(
            client.submit(
                run_partition, part, fetch, key=f"numclaims-{run_id}-{part.index}", pure=False
            )
        )
        return True

    for _ in range(max(window, 1)):
        if not submit():
            break
    for future in queue:
        index = int(str(future.key).rsplit("-", 1)[1])
        try:
            result = future.result()
        except Exception as exc:  # the task itself died (a worker lost): its articles fail
            sources, problems = sent[index]
            lost = [ReadProblem(source, f"the batch task failed: {exc}") for source in sources]
            result = PartitionResult(index, len(sources), 0, [], problems + lost)
        future.release()
        finished[index] = result
        while next_index in finished:
            take(finished.pop(next_index))
            sent.pop(next_index, None)
            next_index += 1
        submit()
