"""Reading articles: the seeds' furniture and repeats, dates, files, corpora, HTML, uploads."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from numclaims import lexicon
from numclaims.errors import InputError, LexiconError
from numclaims.models import Document, PublicationDate
from numclaims.read import documents
from numclaims.read.documents import (
    PLACEHOLDER_YEAR,
    make_document,
    parse_published,
    read_meta,
    read_paths,
    read_upload,
)

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data" / "documents"

# Gold negatives that are page furniture or a teaser: they must fall outside the body. The
# others (dates inside sentences) are the extractor's business.
FURNITURE_WHYS = {
    "page furniture",
    "newsletter furniture",
    "the page's timestamp",
    "a date in an unrelated teaser",
}


def _seed(name_prefix: str) -> Document:
    path = next(SEEDS.glob(f"{name_prefix}_*.txt"))
    return make_document(path.read_text(encoding="utf-8"), doc_id=path.name)


def _in_body(document: Document, start: int, end: int) -> bool:
    return any(low <= start and end <= high for low, high in document.body)


def _occurrences(text: str, surface: str) -> list[int]:
    found, start = [], text.find(surface)
    while start != -1:
        found.append(start)
        start = text.find(surface, start + 1)
    return found


def _body_lines(document: Document) -> list[str]:
    return [document.text[start:end] for start, end in document.body]


# --------------------------------------------------------------------------------------------
# The seed articles


@pytest.fixture(scope="module")
def seed_documents() -> dict[str, Document]:
    return {
        path.name: make_document(path.read_text(encoding="utf-8"), doc_id=path.name)
        for path in sorted(SEEDS.glob("*.txt"))
    }


def test_every_gold_claim_sentence_is_inside_the_body(
    seed_documents: dict[str, Document], gold_claims: list[dict[str, Any]]
) -> None:
    for claim in gold_claims:
        document = seed_documents[claim["file"]]
        starts = _occurrences(document.text, claim["sentence"])
        assert starts, f"{claim['file']}: gold sentence not in the text: {claim['sentence']!r}"
        assert any(_in_body(document, s, s + len(claim["sentence"])) for s in starts), (
            f"{claim['file']}: gold sentence left out of the body: {claim['sentence'][:70]!r}"
        )


def test_gold_furniture_negatives_are_outside_the_body(
    seed_documents: dict[str, Document], gold_negatives: list[dict[str, Any]]
) -> None:
    checked = 0
    for negative in gold_negatives:
        if negative["why"] not in FURNITURE_WHYS:
            continue
        document = seed_documents[negative["file"]]
        starts = _occurrences(document.text, negative["surface"])
        assert starts, f"{negative['file']}: {negative['surface']!r} not in the text"
        for start in starts:
            assert not _in_body(document, start, start + len(negative["surface"])), (
                f"{negative['file']}: {negative['surface']!r} ({negative['why']}) is in the body"
            )
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize(
    ("prefix", "furniture"),
    [
        (
            "000",
            [
                "News Feed",
                "1 min read",
                "Avatar",
                "The Kyiv Independent news desk",
                "We are the news team of the Kyiv Independent.",
                "Read more",
                "U.S. President Donald Trump's remarks",
                "full technical documentation on the production of drones",
                "Show More",
            ],
        ),
        ("001", ["Share it...", "Leave a Reply"]),
        (
            "002",
            [
                "7 February, 06:46 PM",
                "Video of day",
                "Follow us on Twitter",
                "Ukraine Today",
                "Fresh daily newsletter",
                "Daily at 9am EST",
                "Show more news",
            ],
        ),
        (
            "003",
            [
                "World",
                "Rudaw moderates all comments",
                "your comments must meet our community guidelines",
                "profanity, threats",
                "Comments are not edited",
                "Post a comment",
            ],
        ),
        ("004", ["20 Nov, 2022 07:28 / Updated 2 years ago"]),
    ],
)
def test_seed_furniture_is_outside_the_body(prefix: str, furniture: list[str]) -> None:
    document = _seed(prefix)
    body = document.body_text()
    for surface in furniture:
        assert surface in document.text, f"seed {prefix}: {surface!r} not in the text"
        assert surface not in body, f"seed {prefix}: furniture {surface!r} is in the body"


def test_seed_003_second_copy_of_the_body_is_left_out() -> None:
    document = _seed("003")
    sentence = "In exchange, Russia has offered Iran billions of dollars in military equipment"
    assert len(_occurrences(document.text, sentence)) == 2
    assert len(_occurrences(document.body_text(), sentence)) == 1
    lines = _body_lines(document)
    assert len(lines) == len(set(lines))
    # The copy starts with the second "Russia has been using Iranian UAVs" paragraph.
    second_copy = _occurrences(document.text, "Russia has been using Iranian UAVs")[1]
    assert all(end < second_copy for _, end in document.body)


def test_seed_000_repeated_headline_is_left_out() -> None:
    document = _seed("000")
    headline = "WSJ: Moscow, Tehran move forward with plans to build Iranian-designed drone plant"
    assert len(_occurrences(document.text, headline)) == 2
    assert len(_occurrences(document.body_text(), headline)) == 1
    assert document.title is not None and document.title.startswith(headline)


def test_seed_001_title_line_stays_in_the_body() -> None:
    document = _seed("001")
    title = "Iran and Russia to build a factory to produce thousands of drones in Russia"
    assert document.title == title
    assert _body_lines(document)[0] == title


def test_seed_003_caption_first_line_is_not_a_title() -> None:
    # The first prose line is a 219-character photo caption, not a headline.
    assert _seed("003").title is None


def test_body_offsets_index_the_text_exactly(seed_documents: dict[str, Document]) -> None:
    for name, document in seed_documents.items():
        for start, end in document.body:
            piece = document.text[start:end]
            assert piece == piece.strip() and piece, f"{name}: range {start}-{end} is not a line"
            assert "\n" not in piece


# --------------------------------------------------------------------------------------------
# Publication dates from the text


def test_seed_004_date_is_read_from_its_timestamp_line() -> None:
    published = _seed("004").published
    assert published == PublicationDate(
        dt.date(2022, 11, 20), "day", inferred=True, year_missing=False, text="20 Nov, 2022 07:28"
    )


def test_seed_002_timestamp_without_year_is_year_missing() -> None:
    published = _seed("002").published
    assert published is not None
    assert published.year_missing and published.inferred
    assert published.precision == "day"
    assert (published.date.month, published.date.day) == (2, 7)
    assert published.date.year == PLACEHOLDER_YEAR
    assert published.text == "7 February, 06:46 PM"


def test_photo_caption_date_is_not_the_publication_date() -> None:
    # Seed 000's caption says "Oct. 17, 2022" near the top; the article is from February 2023.
    assert _seed("000").published is None


def test_timestamp_line_with_byline_gives_the_date() -> None:
    text = (
        "Drone strikes rise in Kharkiv\n"
        "By Maria Lindqvist | Published 6 February 2023, 10:15 GMT\n"
        "Drone strikes on Kharkiv rose to 120 last month, the regional governor said on Monday."
    )
    document = make_document(text)
    assert document.published is not None
    assert document.published.iso() == "2023-02-06" and document.published.inferred
    assert "Lindqvist" not in document.body_text()


def test_supplied_date_wins_and_dateparser_is_not_called(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("dateparser was called although the date was supplied")

    monkeypatch.setattr(documents, "_date_parser", refuse)
    text = (SEEDS / "004_b137af0b349f0bed.txt").read_text(encoding="utf-8")
    document = make_document(text, published="2022-11-21")
    assert document.published == PublicationDate(dt.date(2022, 11, 21), "day")


def test_text_without_timestamp_does_not_call_dateparser(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("dateparser was called for a text without a timestamp line")

    monkeypatch.setattr(documents, "_date_parser", refuse)
    assert _seed("001").published is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-02-07", PublicationDate(dt.date(2023, 2, 7), "day")),
        ("2023-02", PublicationDate(dt.date(2023, 2, 1), "month")),
        ("2023", PublicationDate(dt.date(2023, 1, 1), "year")),
        ("2023-02-06T09:15:00+00:00", PublicationDate(dt.date(2023, 2, 6), "day")),
        (dt.date(2023, 2, 7), PublicationDate(dt.date(2023, 2, 7), "day")),
        (dt.datetime(2023, 2, 7, 18, 46), PublicationDate(dt.date(2023, 2, 7), "day")),
        ("Feb 7, 2023", PublicationDate(dt.date(2023, 2, 7), "day", text="Feb 7, 2023")),
        ("February 2023", PublicationDate(dt.date(2023, 2, 1), "month", text="February 2023")),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_published(value: Any, expected: PublicationDate | None) -> None:
    assert parse_published(value, source="test") == expected


def test_parse_published_without_year_is_year_missing_not_this_year() -> None:
    published = parse_published("7 February", source="test")
    assert published is not None and published.year_missing and not published.inferred
    assert published.date == dt.date(PLACEHOLDER_YEAR, 2, 7)


@pytest.mark.parametrize("value", ["yesterday", "late in the year", "2023-13-01", "soon"])
def test_parse_published_rejects_what_is_not_a_date(value: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_published(value, source="articles.csv")
    assert caught.value.source == "articles.csv"


def test_make_document_with_unreadable_date_names_the_source() -> None:
    with pytest.raises(InputError, match="^paste: cannot read 'whenever'"):
        make_document("Some text.", published="whenever", source="paste")


def test_make_document_of_empty_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="empty"):
        make_document("  \n ")


# --------------------------------------------------------------------------------------------
# Furniture on news pages in general


NEWS_PAGE_TEXT = "\n".join(
    [
        "Home > World > Europe",
        "Read more: Ukraine's power grid after the winter",
        "Drones hit Odesa port for a third night",
        "By Jane Doe and John Smith, Reuters",
        "Listen to this article",
        "Photo: Reuters",
        "Russia launched 35 drones at the port of Odesa overnight, the regional governor "
        "said on Tuesday, the third attack on the city in as many nights.",
        "Advertisement",
        "Story continues below advertisement",
        "Copyright lawsuits rose 12% in 2022, the report said.",
        "By August, Russia had deployed 400 drones.",
        "Sign up for our newsletter",
        "We use cookies to improve your experience on our site.",
        "Click here to see the full map",
        "Related: Iran denies it supplies drones to Russia",
        "The governor said air defences destroyed 31 of the drones, and that falling "
        "debris damaged two grain warehouses and a fuel depot.",
        "Reporting by Jane Doe; Editing by John Smith",
        "Tags: Ukraine, Russia, drones",
        "Most read",
        "Harbour ferry fares to rise 12% from July",
        "© 2023 Reuters. All rights reserved.",
    ]
)


def test_common_news_furniture_is_outside_the_body() -> None:
    lines = _body_lines(make_document(NEWS_PAGE_TEXT))
    assert lines == [
        "Drones hit Odesa port for a third night",
        "Russia launched 35 drones at the port of Odesa overnight, the regional governor said on "
        "Tuesday, the third attack on the city in as many nights.",
        "Copyright lawsuits rose 12% in 2022, the report said.",
        "By August, Russia had deployed 400 drones.",
        "The governor said air defences destroyed 31 of the drones, and that falling debris "
        "damaged two grain warehouses and a fuel depot.",
    ]


def test_read_more_link_at_the_top_does_not_swallow_the_article() -> None:
    text = (
        "Read more\n"
        "Comments\n"
        "Russia has deployed more than 400 Iranian-made drones since August, officials said.\n"
    )
    document = make_document(text)
    assert _body_lines(document) == [text.splitlines()[2]]


def test_short_article_keeps_its_last_short_line() -> None:
    # The trailing-label rule needs prose before it: a pasted headline alone stays.
    assert _body_lines(make_document("Russia deploys 400 drones")) == ["Russia deploys 400 drones"]


def test_crlf_and_indented_lines_give_exact_offsets() -> None:
    text = "\ufeffTitle of the piece\r\n\r\n   Officials counted 40 drones on Monday.  \r\n"
    document = make_document(text)
    assert [text[s:e] for s, e in document.body] == [
        "\ufeffTitle of the piece".strip(),
        "Officials counted 40 drones on Monday.",
    ]


def test_furniture_file_loads_and_every_example_matches() -> None:
    patterns = documents._patterns()
    for kind in ("line", "end"):
        for name, entry in lexicon.read("furniture")[kind].items():
            for example in entry["examples"]:
                assert patterns.furniture.fullmatch(" ".join(example.split())), (kind, name)


def _fake_furniture(monkeypatch: pytest.MonkeyPatch, entry: dict[str, Any]) -> None:
    real = lexicon.read

    def read(name: str) -> Any:
        if name == "furniture":
            return {"line": {"broken": entry}, "end": {}}
        return real(name)

    monkeypatch.setattr(lexicon, "read", read)


def test_furniture_pattern_that_does_not_compile_is_a_lexicon_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_furniture(monkeypatch, {"pattern": "(unclosed", "examples": []})
    with pytest.raises(LexiconError, match=r"\[line.broken\] pattern does not compile"):
        documents._furniture_patterns("line")


def test_furniture_example_that_does_not_match_is_a_lexicon_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_furniture(monkeypatch, {"pattern": "advertisement", "examples": ["Sponsored"]})
    with pytest.raises(LexiconError, match="'Sponsored' does not match"):
        documents._furniture_patterns("line")


def test_furniture_entry_with_unknown_key_is_a_lexicon_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _fake_furniture(monkeypatch, {"pattern": "ad", "examples": ["Ad"], "exampels": []})
    with pytest.raises(LexiconError, match="unknown key"):
        documents._furniture_patterns("line")


# --------------------------------------------------------------------------------------------
# Reading files and directories


def test_reading_the_seeds_directory_applies_articles_csv(
    monkeypatch: pytest.MonkeyPatch, gold_articles: dict[str, dict[str, str]]
) -> None:
    monkeypatch.chdir(ROOT)
    corpus = read_paths(["seeds/"])
    assert corpus.problems == []
    assert [d.doc_id for d in corpus.documents] == [
        f"seeds/{name}" for name in sorted(gold_articles)
    ]
    for document in corpus.documents:
        gold = gold_articles[Path(document.doc_id).name]
        assert document.outlet == (gold["outlet"] or None), document.doc_id
        assert document.published is not None
        assert document.published.iso() == gold["published"], document.doc_id
        assert document.published.precision == gold["published_precision"], document.doc_id
        assert not document.published.inferred and not document.published.year_missing


def test_single_seed_file_is_read_with_its_path_as_id() -> None:
    corpus = read_paths([str(SEEDS / "004_b137af0b349f0bed.txt")])
    (document,) = corpus.documents
    assert document.doc_id == str(SEEDS / "004_b137af0b349f0bed.txt")
    assert document.published is not None and document.published.iso() == "2022-11-20"


def test_meta_csv_with_relative_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DATA)
    corpus = read_paths(["articles/report.txt"], meta="meta-sidecar.csv")
    assert corpus.problems == []
    (document,) = corpus.documents
    assert document.doc_id == "articles/report.txt"
    assert document.outlet == "The Harbour Courier"
    assert document.url == "https://courier.example.org/report"
    # Supplied "2023-03" wins over the page's "3 March, 09:10 AM"; the blank title is unknown.
    assert document.published == PublicationDate(dt.date(2023, 3, 1), "month")
    assert document.title == "Report: drone strikes rose in February"


def test_meta_csv_names_a_file_by_its_bare_name(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Officials counted 40 drones.\n", encoding="utf-8")
    meta = tmp_path / "elsewhere" / "meta.csv"
    meta.parent.mkdir()
    meta.write_text("file,outlet,published\none.txt,Rudaw,2023-06-09\n", encoding="utf-8")
    corpus = read_paths([str(tmp_path / "one.txt")], meta=str(meta))
    assert corpus.documents[0].outlet == "Rudaw"


def test_explicit_meta_wins_over_the_directorys_articles_csv(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Officials counted 40 drones.\n", encoding="utf-8")
    (tmp_path / "articles.csv").write_text(
        "file,outlet,published\none.txt,Rudaw,2023-06-09\n", encoding="utf-8"
    )
    override = tmp_path / "override.csv"
    override.write_text("file,outlet,published\none.txt,,2023-06-10\n", encoding="utf-8")
    corpus = read_paths([str(tmp_path)], meta=str(override))
    (document,) = corpus.documents
    assert document.outlet == "Rudaw"
    assert document.published == PublicationDate(dt.date(2023, 6, 10), "day")


def test_meta_with_a_bad_date_is_a_problem_and_the_article_is_still_read(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Officials counted 40 drones.\n", encoding="utf-8")
    meta = tmp_path / "meta.csv"
    meta.write_text("file,published\none.txt,someday\n", encoding="utf-8")
    corpus = read_paths([str(tmp_path / "one.txt")], meta=str(meta))
    assert len(corpus.documents) == 1
    assert [p.source for p in corpus.problems] == [str(tmp_path / "one.txt")]
    assert "someday" in corpus.problems[0].problem


def test_read_meta_requires_a_file_column(tmp_path: Path) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text("outlet,published\nRudaw,2023\n", encoding="utf-8")
    with pytest.raises(InputError, match="'file' column"):
        read_meta(meta)


def test_read_meta_keeps_known_non_blank_columns() -> None:
    rows = read_meta(SEEDS / "articles.csv")
    assert rows["001_237e2393b13176b7.txt"] == {"published": "2023-02"}
    assert rows["002_06491cfb09ffdbed.txt"]["outlet"] == "NV (New Voice of Ukraine)"


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("binary.txt", "binary, not text: it contains NUL bytes"),
        ("empty.txt", "empty: no text to read"),
        ("whitespace.txt", "only whitespace: no text to read"),
        ("latin1.txt", "not UTF-8 text: invalid byte 0xe9 at offset 3"),
        ("no-article.html", "no article text found in the HTML (only page furniture)"),
        (
            "report.pdf",
            "unknown file type '.pdf': numclaims reads .txt, .html, .htm, .jsonl, .csv, "
            ".parquet files",
        ),
        ("missing.txt", "no such file or directory"),
    ],
)
def test_unreadable_file_is_a_one_line_problem_and_the_rest_is_read(
    name: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    good = str(SEEDS / "001_237e2393b13176b7.txt")
    corpus = read_paths([str(DATA / name), good])
    assert [(p.source, p.problem) for p in corpus.problems] == [(str(DATA / name), problem)]
    assert [d.doc_id for d in corpus.documents] == [good]
    assert capsys.readouterr() == ("", "")


def test_directory_without_articles_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("nothing here", encoding="utf-8")
    corpus = read_paths([str(tmp_path)])
    assert corpus.documents == []
    assert corpus.problems[0].source == str(tmp_path)


def test_directory_files_are_read_sorted_and_not_recursively() -> None:
    def file_of(source: str | None) -> str:
        return Path(source or "").name.split(":")[0]  # "corpus.jsonl:3" → "corpus.jsonl"

    corpus = read_paths([str(DATA)])
    names = {file_of(item.source) for item in [*corpus.documents, *corpus.problems]}
    assert "report.txt" not in names and "report.pdf" not in names
    read_order = [file_of(document.source) for document in corpus.documents]
    assert read_order == sorted(read_order)


# --------------------------------------------------------------------------------------------
# Corpora: JSONL and CSV


def test_jsonl_corpus_with_bad_lines() -> None:
    path = str(DATA / "corpus.jsonl")
    corpus = read_paths([path])
    by_id = {d.doc_id: d for d in corpus.documents}
    assert set(by_id) == {"html-1", "kyiv-post-1", f"{path}:3"}
    expected = {
        f"{path}:2": "not valid JSON: Unterminated string",
        f"{path}:4": "no article: the record needs a 'text', 'html' or 'url' field",
        f"{path}:7": "expected a JSON object, found list",
        f"{path}:8": "cannot read 'late in the year' as a publication date",
    }
    assert [p.source for p in corpus.problems] == list(expected)
    for problem in corpus.problems:
        assert problem.problem.startswith(expected[problem.source]), problem
    kyiv = by_id["kyiv-post-1"]
    assert kyiv.outlet == "Kyiv Post" and kyiv.url == "https://kyivpost.example/1"
    assert kyiv.published == PublicationDate(dt.date(2023, 2, 6), "day")
    assert "Advertisement" not in kyiv.body_text()
    assert kyiv.source == f"{path}:1"
    assert by_id[f"{path}:3"].outlet == "IRNA"


def test_jsonl_html_record_is_read_with_trafilatura() -> None:
    corpus = read_paths([str(DATA / "corpus.jsonl")])
    page = next(d for d in corpus.documents if d.doc_id == "html-1")
    assert page.title == "Plant to open next year"
    assert page.published is not None and page.published.iso() == "2023-06-09"
    assert "billions of dollars" in page.body_text()
    assert "All rights reserved" not in page.body_text()


def test_csv_corpus() -> None:
    path = str(DATA / "corpus.csv")
    corpus = read_paths([path])
    (document,) = corpus.documents
    assert document.doc_id == "rudaw-1" and document.outlet == "Rudaw"
    assert document.title == "Drone plant"
    assert document.published == PublicationDate(dt.date(2023, 6, 9), "day")
    assert _body_lines(document) == [
        "The White House said Iran had provided Russia with hundreds of drones.",
        "Kirby said the plant would be operational early next year.",
    ]
    assert [(p.source, p.problem.split(":")[0]) for p in corpus.problems] == [
        (f"{path}:8", "no article")
    ]


def test_csv_without_text_column_points_to_meta() -> None:
    corpus = read_paths([str(DATA / "meta-sidecar.csv")])
    assert corpus.documents == []
    assert "pass it as --meta" in corpus.problems[0].problem


def test_jsonl_record_with_wrong_type_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "x", "text": ["a", "list"]}) + "\n", encoding="utf-8")
    corpus = read_paths([str(path)])
    assert corpus.problems[0].problem == "text must be a string, not list"


# --------------------------------------------------------------------------------------------
# HTML


def test_html_news_page_via_trafilatura() -> None:
    corpus = read_paths([str(DATA / "news-page.html")])
    assert corpus.problems == []
    (page,) = corpus.documents
    assert page.title == "Drone plant in Tatarstan to make 6,000 drones, officials say"
    assert page.outlet == "The Harbour Courier"
    assert page.url == "https://courier.example.org/world/2023/02/06/drone-plant"
    assert page.published is not None
    assert page.published.iso() == "2023-02-06" and page.published.inferred
    body = page.body_text()
    assert "could produce at least 6,000 drones" in body
    assert "more than 540 Iranian-made drones" in body
    for furniture in ["Advertisement", "Subscribe", "cookies", "Most read", "ferry", "©"]:
        assert furniture not in body, furniture
    # text is trafilatura's extraction: the body indexes it exactly.
    assert all(page.text[s:e].strip() == page.text[s:e] for s, e in page.body)


def test_html_supplied_metadata_wins_over_the_page(tmp_path: Path) -> None:
    meta = tmp_path / "meta.csv"
    meta.write_text(
        f"file,outlet,published\n{DATA / 'news-page.html'},Courier,2023-02-07\n", encoding="utf-8"
    )
    corpus = read_paths([str(DATA / "news-page.html")], meta=str(meta))
    (page,) = corpus.documents
    assert page.outlet == "Courier"
    assert page.published == PublicationDate(dt.date(2023, 2, 7), "day")


# --------------------------------------------------------------------------------------------
# Standard input and uploads


def test_stdin_is_read_as_dash() -> None:
    text = (SEEDS / "004_b137af0b349f0bed.txt").read_text(encoding="utf-8")
    corpus = read_paths(["-"], stdin=io.StringIO(text))
    (document,) = corpus.documents
    assert document.doc_id == "-"
    assert document.published is not None and document.published.iso() == "2022-11-20"


def test_stdin_html_is_read_as_html() -> None:
    html = (DATA / "news-page.html").read_text(encoding="utf-8")
    corpus = read_paths(["-"], stdin=io.StringIO(html))
    assert corpus.documents[0].outlet == "The Harbour Courier"


def test_empty_stdin_is_a_problem() -> None:
    corpus = read_paths(["-"], stdin=io.StringIO(""))
    assert [(p.source, p.problem) for p in corpus.problems] == [("-", "empty: no text to read")]


def test_upload_of_a_text_article_with_outlet_and_date() -> None:
    data = (SEEDS / "002_06491cfb09ffdbed.txt").read_bytes()
    corpus = read_upload("nv.txt", data, outlet="NV", published="2023-02-07")
    (document,) = corpus.documents
    assert document.doc_id == "nv.txt" and document.outlet == "NV"
    assert document.published == PublicationDate(dt.date(2023, 2, 7), "day")


def test_upload_too_large_says_its_size_and_the_limit() -> None:
    corpus = read_upload("big.txt", b"x" * 2001, max_bytes=2000)
    assert corpus.problems[0].problem == "too large: 2,001 bytes (the limit is 2,000 bytes)"


def test_upload_of_a_corpus_fills_in_missing_outlets() -> None:
    corpus = read_upload("c.jsonl", (DATA / "corpus.jsonl").read_bytes(), outlet="Wire")
    outlets = {d.doc_id: d.outlet for d in corpus.documents}
    assert outlets["kyiv-post-1"] == "Kyiv Post" and outlets["html-1"] == "Wire"


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("scan.pdf", b"%PDF", "unknown file type '.pdf'"),
        ("notes", b"text", "a file without an extension"),
        ("x.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary, not text"),
        ("x.html", b"<html><body></body></html>", "no article text found in the HTML"),
    ],
)
def test_bad_upload_is_a_problem(name: str, data: bytes, problem: str) -> None:
    corpus = read_upload(name, data)
    assert corpus.documents == []
    assert corpus.problems[0].source == name
    assert corpus.problems[0].problem.startswith(problem)


# --------------------------------------------------------------------------------------------
# Hostile files (issue 9): nothing hangs, every problem is one line


def test_a_fifo_named_x_txt_is_a_problem_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("Headline\nOfficials counted 40 drones.\n", encoding="utf-8")
    corpus = read_paths([str(fifo), str(good)])
    assert [(p.source, p.problem) for p in corpus.problems] == [
        (str(fifo), "a named pipe (FIFO), not a regular file: only regular files are read")
    ]
    assert [d.doc_id for d in corpus.documents] == [str(good)]


def test_a_device_named_x_jsonl_is_a_problem_not_an_endless_read(tmp_path: Path) -> None:
    device = tmp_path / "zero.jsonl"
    device.symlink_to("/dev/zero")
    (problem,) = read_paths([str(device)]).problems
    assert problem.problem.startswith("a character device, not a regular file")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_a_bom_are_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "article.txt"
    text = "Headline\nOfficials counted 40 drones in Kyiv — ‘at least’.\n"
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    path.write_bytes(bom + text.encode(encoding))
    (document,) = read_paths([str(path)]).documents
    assert document.text == text


def test_a_utf16_jsonl_corpus_with_a_bom_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    line = json.dumps({"id": "a", "text": "Officials counted 40 drones."}, ensure_ascii=False)
    path.write_bytes((line + "\n").encode("utf-16"))
    assert [d.doc_id for d in read_paths([str(path)]).documents] == ["a"]


def test_a_symlink_loop_is_named_as_a_loop(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (problem,) = read_paths([str(loop)]).problems
    assert problem.problem == "a loop of symbolic links: it leads back to itself"


def test_a_file_name_with_a_newline_cannot_forge_a_second_error_line(tmp_path: Path) -> None:
    name = tmp_path / "a\nError: everything is fine.txt"
    name.write_bytes(b"")
    (problem,) = read_paths([str(name)]).problems
    assert problem.source == str(name)  # the record keeps the real name
    assert "\n" not in str(problem) and "a\\nError: everything" in str(problem)


def test_an_unreadable_file_is_one_problem(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Officials counted 40 drones.\n", encoding="utf-8")
    real_open = os.open

    def deny(path: Any, flags: int, *args: Any) -> int:
        if Path(path) == secret:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", deny)
    corpus = read_paths([str(secret), str(SEEDS / "001_237e2393b13176b7.txt")])
    assert [(p.source, p.problem) for p in corpus.problems] == [(str(secret), "permission denied")]
    assert len(corpus.documents) == 1


def test_invalid_utf8_in_a_jsonl_corpus_names_its_line_and_keeps_the_lines_before(
    tmp_path: Path,
) -> None:
    path = tmp_path / "c.jsonl"
    good = json.dumps({"id": "a", "text": "Officials counted 40 drones."}).encode()
    path.write_bytes(good + b"\n" + b'{"id": "b", "text": "caf\xe9"}\n')
    corpus = read_paths([str(path)])
    assert [d.doc_id for d in corpus.documents] == ["a"]
    (problem,) = corpus.problems
    assert problem.source == f"{path}:2" and problem.problem.startswith("not UTF-8 text")


# --------------------------------------------------------------------------------------------
# Parquet corpora and streaming


def test_a_parquet_corpus_reads_like_the_same_jsonl(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {"id": "a", "text": "Officials counted 40 drones.", "published": dt.date(2023, 2, 6)},
        {"id": None, "text": "About 300 people were evacuated.", "published": None},
        {"id": "c", "text": "", "published": None},
    ]
    path = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path)
    corpus = read_paths([str(path)])
    assert [d.doc_id for d in corpus.documents] == ["a", f"{path}:2"]
    assert corpus.documents[0].published == PublicationDate(dt.date(2023, 2, 6), "day")
    assert [(p.source, p.problem.split(":")[0]) for p in corpus.problems] == [
        (f"{path}:3", "no article")
    ]


def test_a_file_that_is_not_parquet_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "corpus.parquet"
    path.write_bytes(b"id,text\n1,two\n")
    (problem,) = read_paths([str(path)]).problems
    assert problem.problem.startswith("not a Parquet file")


def test_corpus_records_stream_one_at_a_time(tmp_path: Path) -> None:
    from numclaims.read import Record, iter_inputs

    path = tmp_path / "c.jsonl"
    path.write_text(
        "".join(json.dumps({"id": str(i), "text": f"{i} drones."}) + "\n" for i in range(5)),
        encoding="utf-8",
    )
    items = iter_inputs([str(path)])
    first = next(items)
    assert isinstance(first, Record) and first.fields["id"] == "0"
    items.close()  # the file closes with the generator
