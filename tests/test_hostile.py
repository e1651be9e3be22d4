"""Hostile and broken inputs (issue 9): each one that broke numclaims, as a regression test named
after it. What every one must give: claims for what can be read, one reported problem for what
cannot, and never an exception out of a batch, a lost article or a claim that breaks its own
invariants."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest
from click.testing import CliRunner

from numclaims.cli import cli
from numclaims.errors import InputError
from numclaims.extract import claims as claims_module
from numclaims.extract import extract, extract_documents
from numclaims.extract.figures import find_figures
from numclaims.extract.timex import find_time_phrases
from numclaims.models import Claim, Document, PublicationDate, ReadProblem
from numclaims.read.documents import make_document, parse_published, read_paths

DRONES = "Russia has launched 400 drones at Ukraine since August, officials said."


def assert_invariants(claim: Claim) -> None:
    """What every claim must satisfy, whatever its input."""
    for number in (claim.value, claim.lower, claim.upper):
        assert number is None or math.isfinite(number), claim
    if claim.value is not None and claim.lower is not None and claim.upper is not None:
        low, high = sorted((claim.lower, claim.upper))
        assert low <= claim.value <= high or claim.qualifier in ("range",), claim
    if claim.lower is not None and claim.upper is not None:
        assert claim.lower <= claim.upper, claim
    for start, end in ((claim.period_start, claim.period_end), (claim.as_of_start, claim.as_of_end)):
        if start is not None and end is not None:
            assert start <= end, claim


# --------------------------------------------------------------------------------------------
# Numbers too large for a float


@pytest.mark.parametrize(
    "text",
    [
        "9" * 309 + " drones were shot down.",
        "1E309 drones were shot down.",
        "Officials said 1E309/½ drones were shot down.",
        "Officials said 1E309½ drones were shot down.",
        "99^300 drones were shot down.",
        "1.3x10^400 drones were shot down.",
        "1e99 billion drones were shot down.",
        "a " + "million " * 60 + "drones were shot down.",
    ],
    ids=["nines309", "1E309", "1E309-slash-half", "1E309-half", "99-pow-300", "x10-pow-400",
         "1e99-billion", "million-x60"],
)
def test_a_number_past_a_float_is_no_figure_and_no_crash(text: str) -> None:
    figures = find_figures(text)
    assert all(
        number is None or abs(number) <= 1e100
        for figure in figures
        for number in (figure.value, figure.lower, figure.upper)
    )
    for claim in extract(text, published="2023-02-07"):
        assert_invariants(claim)


def test_a_googol_is_still_a_number() -> None:
    [figure] = find_figures("1e100 atoms")
    assert figure.value == 1e100


def test_a_number_past_a_float_leaves_the_other_figures_of_its_sentence() -> None:
    claims = extract("1E309 drones and 400 missiles were fired.", published="2023-02-07")
    assert [claim.surface for claim in claims] == ["400"]


# --------------------------------------------------------------------------------------------
# Lone surrogates


def test_a_jsonl_line_with_a_lone_surrogate_is_read_with_a_replacement_character(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        '{"id": "a\\ud83d", "outlet": "X\\udc00", "text": "Officials said \\ud83d 400 drones '
        'were shot down."}\n',
        encoding="utf-8",
    )
    read = read_paths([str(corpus)])
    assert read.problems == []
    [document] = read.documents
    assert "\ufffd 400" in document.text and document.doc_id == "a\ufffd"
    assert document.outlet == "X\ufffd"
    [claim] = extract_documents(read.documents)
    assert claim.surface == "400" and document.text[claim.start : claim.end] == "400"
    json.dumps(claim.to_dict(), ensure_ascii=False).encode("utf-8")  # writable as UTF-8


def test_a_document_built_with_a_lone_surrogate_is_reported_not_raised() -> None:
    bad = Document("bad", "Officials said \ud83d 400 drones were shot down.", ((0, 45),))
    good = make_document(DRONES, doc_id="good", published="2023-02-07")
    problems: list[ReadProblem] = []
    claims = extract_documents([bad, good], problems=problems)
    assert {claim.doc_id for claim in claims} == {"good"}
    [problem] = problems
    assert problem.source == "bad" and "UnicodeEncodeError" in problem.problem
    assert "\n" not in str(problem) and "\ud83d" not in str(problem)


# --------------------------------------------------------------------------------------------
# Dates at the ends of the calendar


@pytest.mark.parametrize("published", ["9999-12", "9999-12-31", "9999", "0001-01-01", "0001-01",
                                       "0001"])
@pytest.mark.parametrize(
    "sentence",
    [
        "Next month 400 drones will be shot down.",
        "400 drones were shot down last September.",
        "400 drones were shot down on 3 Friday.",
        "400 drones were shot down 2 year ago.",
        "400 drones will be shot down next year.",
        "400 drones were shot down last week.",
        "400 drones will be shot down next Friday.",
        "400 drones were shot down in the past 3 months.",
        "400 drones were shot down since early next year.",
        "400 drones were shot down in recent years.",
        "400 drones will be shot down later this year.",
    ],
)
def test_a_publication_date_at_the_end_of_the_calendar(sentence: str, published: str) -> None:
    date = parse_published(published, source="test")
    for phrase in find_time_phrases(sentence, published=date):
        if phrase.period_start and phrase.period_end:
            assert phrase.period_start <= phrase.period_end
    for claim in extract(sentence, published=published):
        assert_invariants(claim)


def test_month_precision_in_december_9999_ends_on_the_31st() -> None:
    assert PublicationDate(dt.date(9999, 12, 1), "month").last_day == dt.date(9999, 12, 31)


def test_since_late_august_in_an_article_of_15_august_has_no_period_ending_before_it_starts(
) -> None:
    [claim] = extract("400 drones have been shot down since late August.",
                      published="2023-08-15")
    assert claim.time_scope == "since late August"
    assert_invariants(claim)


# --------------------------------------------------------------------------------------------
# One article's failure is that article's


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str, doc_id: str) -> None:
    """Make the extractor's step ``name`` fail for the article ``doc_id`` alone."""
    real = getattr(claims_module, name)

    def failing(candidate_or_documents, *args, **kwargs):  # type: ignore[no-untyped-def]
        documents = (
            [candidate_or_documents.document]
            if hasattr(candidate_or_documents, "document")
            else list(candidate_or_documents)
        )
        if any(document.doc_id == doc_id for document in documents):
            raise RuntimeError("boom\nforged line")
        return real(documents if not hasattr(candidate_or_documents, "document")
                    else candidate_or_documents, *args, **kwargs)

    monkeypatch.setattr(claims_module, name, failing)


@pytest.mark.parametrize("step", ["_figure_sentences", "_claims_in_sentence"])
def test_an_article_that_fails_is_reported_and_the_others_give_their_claims(
    monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    documents = [
        make_document(DRONES, doc_id=doc_id, published="2023-02-07")
        for doc_id in ("first", "bad", "last")
    ]
    _fail_on(monkeypatch, step, "bad")
    problems: list[ReadProblem] = []
    claims = extract_documents(documents, problems=problems)
    assert sorted({claim.doc_id for claim in claims}) == ["first", "last"]
    assert [str(p) for p in problems] == [
        "bad: could not be read for figures (RuntimeError: boom\\nforged line)"
    ]


def test_one_article_that_fails_raises_an_input_error_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fail_on(monkeypatch, "_claims_in_sentence", "bad")
    with pytest.raises(InputError) as raised:
        extract(DRONES, doc_id="bad", published="2023-02-07")
    assert raised.value.source == "bad"


def test_the_cli_gives_one_line_for_the_failed_article_and_the_others_claims(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    for name in ("a.txt", "bad.txt", "c.txt"):
        (tmp_path / name).write_text(f"Title\n\n{DRONES}\n", encoding="utf-8")
    bad = str(tmp_path / "bad.txt")
    _fail_on(monkeypatch, "_claims_in_sentence", bad)
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.stdout.splitlines()]
    assert {Path(claim["doc_id"]).name for claim in claims} == {"a.txt", "c.txt"}
    assert result.stderr.splitlines() == [
        f"Error: {bad}: could not be read for figures (RuntimeError: boom\\nforged line)"
    ]
