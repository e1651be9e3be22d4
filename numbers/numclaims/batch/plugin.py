"""The Dask worker plugin that makes each worker process ready once, when it starts."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

__all__ = ["ModelPlugin", "WARM_UP"]

#: One sentence through the whole extractor: loads the model and, with it, the language data,
#: the unit lexicon and the date parser, which load on first use.
WARM_UP = "Officials said on Monday that more than 400 drones had been deployed since August."


class ModelPlugin(WorkerPlugin):  # type: ignore[misc]
    """Loads the spaCy model (and everything extraction loads on first use) when a worker
    starts.

    Tasks then call :func:`numclaims.extract.load_pipeline`, cached per process, and find the
    model already loaded: each worker loads it once, however many tasks it runs, and its first
    task is as fast as its last.
    """

    name = "numclaims-spacy-model"

    def setup(self, worker: Any) -> None:
        from ..extract import extract_documents, load_pipeline
        from ..read import make_document

        extract_documents([make_document(WARM_UP, published="2023-02-07")], nlp=load_pipeline())
