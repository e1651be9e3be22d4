"""Batch runs: extraction over a corpus of any size, in this process or on a Dask cluster.

The batch runner only arranges the work. Each task reads and extracts with the same functions
as the single-process path (:func:`numclaims.read.read_record`,
:func:`numclaims.extract.extract_documents`), so both give the same claims.
"""

from __future__ import annotations

from .jobs import Sources, compare_sources, count_articles, extract_claims, read_sources
from .progress import Progress
from .runner import BatchSummary, cluster_client, run
from .sinks import STREAMED_FORMATS, ClaimSink, JsonlSink, ListSink, ParquetSink, open_sink
from .work import (
    PARTITION_SIZE,
    Partition,
    PartitionResult,
    extract_each,
    partitions,
    run_partition,
)

__all__ = [
    "PARTITION_SIZE",
    "STREAMED_FORMATS",
    "BatchSummary",
    "ClaimSink",
    "JsonlSink",
    "ListSink",
    "ParquetSink",
    "Partition",
    "PartitionResult",
    "Progress",
    "Sources",
    "cluster_client",
    "compare_sources",
    "count_articles",
    "extract_claims",
    "extract_each",
    "open_sink",
    "partitions",
    "read_sources",
    "run",
    "run_partition",
]
