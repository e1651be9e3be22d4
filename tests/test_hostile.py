"""Hostile and broken inputs (issue 9): each one that broke numclaims, as a regression test named
after it. What every one must give: claims for what can be read, one reported problem for what
cannot, and never an exception out of a batch, a lost article or a claim that breaks its own
invariants."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from pathlib import Path
from typing import Any

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
    periods = ((claim.period_start, claim.period_end), (claim.as_of_start, claim.as_of_end))
    for start, end in periods:
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
    """Make the extractor's step ``name`` fail for the article ``doc_id`` alone (or, in a
    workspace, where ids are made from the text, for the article whose text holds it)."""
    real = getattr(claims_module, name)

    def failing(candidate_or_documents, *args, **kwargs):  # type: ignore[no-untyped-def]
        documents = (
            [candidate_or_documents.document]
            if hasattr(candidate_or_documents, "document")
            else list(candidate_or_documents)
        )
        if any(document.doc_id == doc_id or doc_id in document.text for document in documents):
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


# --------------------------------------------------------------------------------------------
# No silent loss, no duplicates


LEAD = "Title\n\n" + "The fighting went on through the night, the army said. " * 10 + "\n\n"


def test_a_fact_box_ending_an_article_gives_its_claims() -> None:
    text = LEAD + "The toll so far:\n- 1,200 soldiers killed\n- 3,000 wounded\n"
    claims = extract(text, published="2023-02-07")
    assert [claim.surface for claim in claims] == ["1,200", "3,000"]


def test_100000_lines_of_n_drones_are_all_article_prose() -> None:
    text = LEAD + "\n".join(f"{n} drones" for n in range(1, 100_001))
    document = make_document(text, published="2023-02-07")
    assert len(document.body) == 100_002  # the title, the lead, then every line


def test_1500_lines_of_n_drones_give_1500_claims() -> None:
    # (a bare 1800 to 2099 is read as a year, numbers.toml [years]: kept out of this list)
    text = LEAD + "\n".join(f"{n} drones" for n in range(1, 1501))
    claims = extract(text, published="2023-02-07")
    assert [claim.value for claim in claims] == [float(n) for n in range(1, 1501)]


def test_short_label_lines_without_figures_still_end_the_page() -> None:
    document = make_document(LEAD + "Ukraine Today\nWorld News")
    assert document.body_text().endswith("the army said.")


def test_a_paywall_ends_the_article_with_its_prices() -> None:
    document = make_document(
        LEAD + "You've reached your limit of free articles this month.\n"
        "Smart Quarterly\n₹900\n3 Months\n₹300/Month\n"
    )
    assert document.body_text().endswith("the army said.")


def test_a_sentence_over_3000_characters_gives_each_figure_once() -> None:
    sentence = ", ".join(f"{n} drones hit sector {n + 1000}" for n in range(1, 41)) + "."
    assert len(sentence) > 1000
    text = (sentence + " ") * 3  # one sentence, far past the parser's limit
    text = text.replace(". ", ", and ") + "."
    assert len(text) > 3000
    claims = extract(text, published="2023-02-07")
    spans = [(claim.start, claim.end) for claim in claims]
    assert len(spans) == len(set(spans))
    assert len(claims) == len(find_figures(text))


def test_a_run_without_spaces_is_parsed_in_bounded_windows() -> None:
    text = "(" * 20_000 + "400 drones" + ")" * 20_000
    [claim] = extract(text, published="2023-02-07")
    assert claim.surface == "400" and len(claim.sentence) < 1000


def test_two_corpus_files_numbering_records_1_stay_two_articles(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(json.dumps({"id": "1", "text": DRONES}) + "\n",
                                     encoding="utf-8")
    paths = [str(tmp_path / "a.jsonl"), str(tmp_path / "b.jsonl")]
    forward, backward = read_paths(paths), read_paths(paths[::-1])
    ids = sorted(document.doc_id for document in forward.documents)
    assert ids == [f"{paths[0]}:1", f"{paths[1]}:1"]
    assert sorted(document.doc_id for document in backward.documents) == ids
    assert forward.problems == []


def test_one_corpus_file_using_an_id_twice_reports_it_and_keeps_both(tmp_path: Path) -> None:
    corpus = tmp_path / "a.jsonl"
    corpus.write_text(
        "\n".join(json.dumps({"id": "1", "text": DRONES}) for _ in range(2)) + "\n",
        encoding="utf-8",
    )
    read = read_paths([str(corpus)])
    assert [document.doc_id for document in read.documents] == [f"{corpus}:1", f"{corpus}:2"]
    assert len(read.problems) == 2 and "has the id '1'" in read.problems[0].problem


def test_a_jsonl_id_unique_across_files_is_kept_as_written(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "rt-1", "text": DRONES}) + "\n",
                                      encoding="utf-8")
    [document] = read_paths([str(tmp_path / "a.jsonl")]).documents
    assert document.doc_id == "rt-1"


def test_a_csv_with_an_unterminated_quote_reports_its_line_and_reads_the_rows_after(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "c.csv"
    corpus.write_text(
        'id,text\n1,"400 drones\n2,500 drones\n3,600 drones\n', encoding="utf-8"
    )
    read = read_paths([str(corpus)])
    assert [document.doc_id for document in read.documents] == ["2", "3"]
    [problem] = read.problems
    assert problem.source == f"{corpus}:2" and "unterminated quote" in problem.problem


def test_a_csv_field_over_the_limit_names_its_line_and_the_other_rows_are_read(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from numclaims.read import documents

    monkeypatch.setattr(documents, "CSV_FIELD_LIMIT", 100)
    corpus = tmp_path / "c.csv"
    corpus.write_text(
        f'id,text\n1,400 drones\n2,"{"x" * 200}"\n3,600 drones\n', encoding="utf-8"
    )
    read = read_paths([str(corpus)])
    assert [document.doc_id for document in read.documents] == ["1", "3"]
    [problem] = read.problems
    assert problem.source == f"{corpus}:3" and "over the limit of 100" in problem.problem


# --------------------------------------------------------------------------------------------
# Output: the same report whatever the order of the inputs; strict JSON; safe CSV


def test_the_seeds_in_any_order_give_the_same_report_text() -> None:
    from numclaims import compare
    from numclaims.output import render

    seeds = sorted(str(path) for path in (Path(__file__).parents[1] / "seeds").glob("*.txt"))
    meta = str(Path(__file__).parents[1] / "seeds" / "articles.csv")
    reports = set()
    for order in (seeds, seeds[::-1], seeds[2:] + seeds[:2]):
        corpus = read_paths(order, meta=meta)
        claims = extract_documents(corpus.documents)
        comparison = compare(claims, documents=corpus.documents)
        reports.add((render(comparison, "markdown"), render(comparison, "json")))
    assert len(reports) == 1


def _claim_with(**fields: object) -> Claim:
    base = dict(doc_id="a", sentence="s", start=0, end=1, surface="4", value=4.0, lower=4.0,
                upper=4.0, qualifier="=")
    return Claim(**{**base, **fields})  # type: ignore[arg-type]


def test_jsonl_output_is_strict_json_one_claim_a_line() -> None:
    from numclaims.output import render_claims

    claim = _claim_with(sentence="one\u2028two\u0085three\u2029four", upper=math.inf,
                        qualifier=">=")
    [line] = render_claims([claim], "jsonl").splitlines()
    record = json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} in JSON"))
    assert record["upper"] is None and record["sentence"] == claim.sentence
    for text in ("json", "jsonl"):
        assert "Infinity" not in render_claims([claim], text)


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)",
                                  "\t=1"])
def test_a_csv_cell_that_would_be_a_formula_is_written_as_text(cell: str) -> None:
    import csv
    import io

    from numclaims.output import render_claims

    rendered = render_claims([_claim_with(title=cell, outlet=cell)], "csv")
    [row] = list(csv.DictReader(io.StringIO(rendered)))
    assert row["title"] == "'" + cell and row["outlet"] == "'" + cell
    assert row["value"] == "4.0"  # a number stays a number


def test_an_origin_is_named_the_same_whatever_the_order_of_its_reports() -> None:
    from numclaims import compare
    from numclaims.output import render

    sentences = [
        ("a", "AP", "More than 1,000 people were killed, the Interior Ministry said."),
        ("b", "BBC", "About 1,000 people were killed, the interior ministry said."),
        ("c", "CNN", "Some 1,000 people were killed, according to the ministry of interior."),
        ("d", "DW", "At least 2,000 people were killed, the ministry said."),
    ]
    documents = [
        make_document(f"Title {doc_id}\n\n{text}", doc_id=doc_id, outlet=outlet,
                      published="2023-09-10")
        for doc_id, outlet, text in sentences
    ]
    claims = {d.doc_id: extract_documents([d]) for d in documents}
    reports = set()
    for order in (documents, documents[::-1], documents[1:] + documents[:1]):
        ordered = [claim for d in order for claim in claims[d.doc_id]]
        reports.add(render(compare(ordered, documents=order), "markdown"))
    assert len(reports) == 1


# --------------------------------------------------------------------------------------------
# The dashboard: poison articles never blank the story


def _page() -> Any:
    from streamlit.testing.v1 import AppTest

    return AppTest.from_file(str(Path(__file__).parents[1] / "app.py"), default_timeout=180).run()


def _groups(at: Any) -> int:
    return sum(1 for m in at.tabs[0].markdown if m.value.startswith("####"))


@pytest.mark.usefixtures("seeds_copy")
def test_poison_uploads_leave_the_story_and_the_page_says_which_failed() -> None:
    at = _page()
    groups = _groups(at)
    records = [
        {"id": "surrogate", "text": "Officials said \ud83d 400 drones were shot down."},
        {"id": "huge", "text": "9" * 309 + " drones and 1E309/½ missiles were fired."},
        {"id": "end-of-time", "published": "9999-12", "text": "Next month 400 drones will come."},
        {"id": "start-of-time", "published": "0001-01-01", "text": "2 year ago 5 drones came."},
        {"id": "furniture", "text": "Share this article\nSubscribe"},
    ]
    data = "\n".join(json.dumps(r) for r in records).encode("utf-8")
    at.file_uploader(key="uploads").set_value([("poison.jsonl", data, "application/json")]).run()
    assert not at.exception
    assert _groups(at) >= groups  # the seeds' groups all stay
    assert int(next(m.value for m in at.metric if m.label == "articles")) >= 5 + 4
    assert int(next(m.value for m in at.metric if m.label == "articles")) == 5 + 5
    assert not any("Traceback" in e.value for e in at.error)


@pytest.mark.usefixtures("seeds_copy")
def test_an_article_that_fails_is_named_and_the_story_stays() -> None:
    at = _page()
    groups = _groups(at)
    with pytest.MonkeyPatch.context() as patch:
        _fail_on(patch, "_claims_in_sentence", "Poison Daily reports")
        at.text_area(key="paste_text").set_value(f"Poison Daily reports. {DRONES}")
        at.text_input(key="paste_outlet").set_value("Poison Daily")
        at.button(key="FormSubmitter:paste-Add article").click().run()
    assert not at.exception
    shown = [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]  # Markdown escapes off
    assert any("pasted article 1" in m and "RuntimeError" in m for m in shown), shown
    assert not any("Traceback" in m or "\n" in m for m in shown), shown
    assert _groups(at) == groups
    assert int(next(m.value for m in at.metric if m.label == "articles")) == 5


@pytest.mark.usefixtures("seeds_copy")
def test_an_added_article_can_be_removed_and_the_log_keeps_it() -> None:
    import os

    from numclaims.store import open_workspace

    at = _page()
    at.text_area(key="paste_text").set_value(DRONES)
    at.text_input(key="paste_outlet").set_value("Removable Daily")
    at.button(key="FormSubmitter:paste-Add article").click().run()
    assert any("Added" in s.value for s in at.sidebar.success)
    assert int(next(m.value for m in at.metric if m.label == "articles")) == 6
    with open_workspace(os.environ["NUMCLAIMS_DB"]) as ws:
        [added] = [d.doc_id for d in ws.documents() if d.outlet == "Removable Daily"]
    at.selectbox(key="remove_article").set_value(added)
    at.button(key="FormSubmitter:remove-Remove").click().run()
    assert not at.exception and not at.error
    reloaded = _page()
    assert int(next(m.value for m in reloaded.metric if m.label == "articles")) == 5
    with open_workspace(os.environ["NUMCLAIMS_DB"]) as ws:
        assert [d.kind for d in ws.decisions()] == ["remove"]


@pytest.mark.parametrize("text", ["almost one in seven", "nearly one in three", "about 1/3 of",
                                  "nearly two-thirds of", "almost 1,234.5678901234"])
def test_a_rounded_bound_never_leaves_out_its_own_value(text: str) -> None:
    [figure] = find_figures(text)
    assert figure.value is not None and figure.lower is not None and figure.upper is not None
    assert figure.lower <= figure.value <= figure.upper


def test_a_page_of_he_said_parses_each_stretch_of_text_once() -> None:
    claims_module._people_in_block.cache_clear()
    text = "Title\n\nJohn Kirby spoke on Monday. " + " ".join(
        f"“We sent {n} drones,” he said." for n in range(1, 301)
    )
    claims = extract(text, published="2023-02-07")
    assert len(claims) == 300 and claims[0].attribution == "John Kirby"
    parsed = claims_module._people_in_block.cache_info()
    assert parsed.misses <= len(text) // claims_module.PRONOUN_LOOKBACK + 1


@pytest.mark.usefixtures("seeds_copy")
def test_a_pasted_article_is_never_hidden_by_a_date_range_picked_before_it() -> None:
    at = _page()
    before = at.date_input[0]
    first, last = before.value
    before.set_value((first, last)).run()  # the user touched the picker: the full range
    at.text_area(key="paste_text").set_value(DRONES)
    at.text_input(key="paste_date").set_value("2024-05-01")
    at.button(key="FormSubmitter:paste-Add article").click().run()
    assert not at.exception
    total = int(next(m.value for m in at.metric if m.label == "claims"))
    captions = [c.value for c in at.tabs[1].caption]
    assert f"{total} of {total} claims" in captions, captions
