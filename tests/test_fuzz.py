"""Fuzzing (issue 9): text made of the pieces that broke numclaims before, thrown at each stage.

Whatever the input, no stage raises anything but an :class:`InputError`, and what comes out
keeps its invariants: figures lie inside the text with finite numbers, periods never end before
they start, corpora read line by line, output is strict JSON. Examples are bounded so the suite
stays fast; ``benchmarks/fuzz.py`` runs the same generators for as long as you like.
"""

from __future__ import annotations

import datetime as dt
import json
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from numclaims.errors import InputError
from numclaims.extract import extract_documents
from numclaims.extract.figures import find_figures
from numclaims.extract.timex import find_time_phrases
from numclaims.models import PublicationDate, ReadProblem
from numclaims.output import render_claims
from numclaims.read.documents import make_document, read_upload
from test_hostile import assert_invariants

#: Pieces of text that have broken numclaims, or look as if they might.
PIECES = [
    "400", "1,200", "6,000", "1.5", "9" * 309, "1E309", "1e308", "½", "/", "3/4", "1E309/½",
    "99^300", "1.3x10^400", "million", "billion", "hundreds", "a", "half", "dozen", "one", "two",
    "thirty-five", "more than", "at least", "nearly", "between", "and", "to", "or", "-", "–",
    "%", "per cent", "$", "€", "£", "km", "drones", "people", "killed", "wounded", "said",
    "according to", "officials", "since", "late", "early", "August", "September", "last",
    "next", "month", "year", "week", "Friday", "3 Friday", "2 year ago", "ago", "today",
    "yesterday", "so far", "as of", "in", "on", "by", "the", "(", ")", "[", "]", ",", ".", ":",
    ";", "\n", "\n\n", "- ", "• ", "\ud83d", "\udc00", "\u2028", "\u0085", "\x00", "\t", "  ",
    "@", "=", "+", "http://x.y/1", "a@b.cc", "0800 555 111", "2023-02-07", "Feb. 5", "06:46 PM",
    "1990s", "80s", "Shahed-136", "F-16", "No. 10", "'", '"', "’", "\u200b", "é", "日本",
]

texts = st.lists(st.sampled_from(PIECES), max_size=40).map(" ".join) | st.text(max_size=200)
published = st.one_of(
    st.none(),
    st.builds(
        PublicationDate,
        st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)).map(
            lambda d: d.replace(day=1)
        ),
        st.sampled_from(["day", "month", "year"]),
    ),
    st.sampled_from([dt.date(9999, 12, 31), dt.date(1, 1, 1)]).map(PublicationDate),
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_find_figures_never_raises_and_its_figures_lie_in_the_text(text: str) -> None:
    for figure in find_figures(text):
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.surface
        for number in (figure.value, figure.lower, figure.upper):
            assert number is None or math.isfinite(number)


@settings(max_examples=400, deadline=None)
@given(texts, published)
def test_time_phrases_never_raise_and_never_end_before_they_start(
    text: str, date: PublicationDate | None
) -> None:
    for phrase in find_time_phrases(text, published=date):
        if phrase.period_start is not None and phrase.period_end is not None:
            assert phrase.period_start <= phrase.period_end


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_make_document_reads_any_text_or_says_why(text: str) -> None:
    try:
        document = make_document(text)
    except InputError:
        return
    assert len(document.text) == len(text)
    document.text.encode("utf-8")  # no lone surrogate left
    for start, end in document.body:
        assert 0 <= start < end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400), st.sampled_from(["x.txt", "x.jsonl", "x.csv", "x.html"]))
def test_read_upload_of_any_bytes_gives_documents_or_problems(data: bytes, name: str) -> None:
    corpus = read_upload(name, data)
    for problem in corpus.problems:
        assert "\n" not in problem.source


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map(" ".join),
        min_size=1, max_size=20,
    ),
)
def test_jsonl_corpus_lines_are_read_one_by_one(lines: list[str]) -> None:
    data = "\n".join(json.dumps({"id": str(i % 3), "text": line}) for i, line in enumerate(lines))
    corpus = read_upload("c.jsonl", data.encode("utf-8", "surrogatepass"))
    assert len(corpus.documents) + len(corpus.problems) >= len([x for x in lines if x.strip()])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(texts, published), min_size=1, max_size=4))
def test_extraction_never_raises_and_claims_keep_their_invariants(
    articles: list[tuple[str, PublicationDate | None]],
) -> None:
    documents = []
    for number, (text, date) in enumerate(articles):
        try:
            documents.append(make_document(text, doc_id=f"d{number}", published=date))
        except InputError:
            continue
    problems: list[ReadProblem] = []
    claims = extract_documents(documents, problems=problems)
    assert problems == []  # the boundary is for the unforeseen; nothing here should reach it
    for claim in claims:
        assert_invariants(claim)
    for line in render_claims(claims, "jsonl").splitlines():
        json.loads(line, parse_constant=_no_constants)
    json.loads(render_claims(claims, "json"), parse_constant=_no_constants)


def _no_constants(name: str) -> None:
    raise AssertionError(f"{name} is not JSON")
