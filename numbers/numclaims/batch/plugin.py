"""The Dask worker plugin that loads the spaCy model once per worker process."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

__all__ = ["ModelPlugin"]


class ModelPlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads the spaCy model when a worker starts.

    Tasks then call :func:`numclaims.extract.load_pipeline`, cached per process, and find the
    model already loaded: each worker loads it once, however many tasks it runs.
    """

    name = "numclaims-spacy-model"

    def setup(self, worker: Any) -> None:
        from ..extract import load_pipeline

        load_pipeline()
