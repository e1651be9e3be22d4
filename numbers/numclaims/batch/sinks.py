"""Where a batch run's claims go, a partition at a time: JSONL or Parquet, streamed to a file
as they arrive, or kept in memory (to compare, or to render as a table, CSV or JSON).

Claims alone are small next to the articles they come from (a sentence each, no article text),
so keeping them all for grouping costs a fraction of keeping the corpus.
"""

from __future__ import annotations

import sys
from typing import IO, Any, Protocol

from ..models import CLAIM_FIELDS, Claim
from ..output import render_claims

__all__ = ["ClaimSink", "JsonlSink", "ListSink", "ParquetSink", "STREAMED_FORMATS", "open_sink"]

#: Formats written as the claims arrive; the others need every claim first.
STREAMED_FORMATS = ("jsonl", "parquet")
_FLOAT_FIELDS = frozenset({"value", "lower", "upper"})
_INT_FIELDS = frozenset({"start", "end", "sentence_start"})


class ClaimSink(Protocol):
    def write(self, claims: list[Claim]) -> None: ...

    def close(self) -> None: ...


class ListSink:
    """Keeps the claims, in order."""

    def __init__(self) -> None:
        self.claims: list[Claim] = []

    def write(self, claims: list[Claim]) -> None:
        self.claims.extend(claims)

    def close(self) -> None:
        pass


class JsonlSink:
    """One claim a line through the one output layer (``render_claims(…, "jsonl")``)."""

    def __init__(self, output: str) -> None:
        self._own = output != "-"
        self._handle: IO[str] = (
            open(output, "w", encoding="utf-8") if self._own else sys.stdout  # noqa: SIM115
        )

    def write(self, claims: list[Claim]) -> None:
        if claims:
            self._handle.write(render_claims(claims, "jsonl"))
            self._handle.flush()

    def close(self) -> None:
        if self._own:
            self._handle.close()


class ParquetSink:
    """A Parquet file, one row group a partition, columns the fields of ``--format jsonl``."""

    def __init__(self, output: str) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        def kind(name: str) -> Any:
            if name in _FLOAT_FIELDS:
                return pa.float64()
            return pa.int64() if name in _INT_FIELDS else pa.string()

        self._schema = pa.schema([(name, kind(name)) for name in CLAIM_FIELDS])
        self._writer = pq.ParquetWriter(output, self._schema)

    def write(self, claims: list[Claim]) -> None:
        if claims:
            import pyarrow as pa

            rows = [claim.to_dict() for claim in claims]
            self._writer.write_table(pa.Table.from_pylist(rows, schema=self._schema))

    def close(self) -> None:
        self._writer.close()


def open_sink(fmt: str, output: str) -> ClaimSink:
    """A streaming sink for ``jsonl`` or ``parquet`` (a file, not standard output), else a list."""
    if fmt == "jsonl":
        return JsonlSink(output)
    if fmt == "parquet":
        if output == "-":
            raise ValueError("Parquet is binary: write it to a file with -o")
        return ParquetSink(output)
    return ListSink()
