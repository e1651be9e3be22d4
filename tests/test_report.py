"""Report: the comparison as Markdown, CSV, JSON and HTML, and claims for ``extract``."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from numclaims.compare import compare
from numclaims.models import CLAIM_FIELDS, Claim, Comparison
from numclaims.output import (
    CLAIM_FORMATS,
    FORMATS,
    GROUP_COLUMNS,
    MEMBER_COLUMNS,
    render,
    render_claims,
)
from numclaims.output.markdown import FIGURE_COLUMNS

NASTY = 'Officials said *400* drones | <script>alert("x")</script> [link](http://x) were used.'


def claim(surface: str, value: float, *, doc: str, sentence: str, **fields: Any) -> Claim:
    start = sentence.find(surface)
    fields.setdefault("qualifier", "=")
    fields.setdefault("lower", value)
    fields.setdefault("upper", value)
    return Claim(doc_id=doc, sentence=sentence, start=start, end=start + len(surface),
                 surface=surface, value=value, entity=fields.pop("entity", "drone"),
                 event=fields.pop("event", "deploy"), **fields)


@pytest.fixture
def comparison() -> Comparison:
    day = {"time_scope": "on Monday", "period_start": "2023-03-06", "period_end": "2023-03-06"}
    return compare([
        claim("400", 400, doc="a", sentence=NASTY, outlet="Outlet | A", published="2023-03-07",
              attribution="<b>officials</b>", url="https://example.org/a"),
        claim("400", 400, doc="b", sentence="Kyiv said 400 drones were used.", outlet="B",
              published="2023-03-08", url="javascript:alert(1)"),
        claim("12,000", 12000, doc="c", sentence="Police said 12,000 people marched on Monday.",
              outlet="C", published="2023-03-07", entity="people", event="march", **day),
        claim("40,000", 40000, doc="d",
              sentence="Organisers said 40,000 people marched on Monday.", outlet="D",
              published="2023-03-09", entity="people", event="march", **day),
    ])


def test_every_format_renders(comparison: Comparison) -> None:
    assert set(FORMATS) == {"markdown", "csv", "json", "html"}
    for fmt in FORMATS:
        assert render(comparison, fmt).endswith("\n")


def test_an_unknown_format_is_refused(comparison: Comparison) -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(comparison, "xml")


def test_json_keeps_the_claim_fields_of_extract(comparison: Comparison) -> None:
    document = json.loads(render(comparison, "json"))
    assert list(document) == ["groups"]
    first = document["groups"][0]
    assert list(first) == ["id", "label", "verdict", "reason", "origins", "notes", "quantity",
                           "sources", "claims"]
    assert first["verdict"] == "conflict"
    for group in document["groups"]:
        for row in group["claims"]:
            assert list(row) == [*CLAIM_FIELDS, "low", "high", "stated_low", "stated_high",
                                 "reason", "origin"]
    deployed = document["groups"][1]
    assert deployed["claims"][0]["low"] == 350 and deployed["claims"][0]["high"] == 450
    assert deployed["claims"][0]["stated_low"] == deployed["claims"][0]["stated_high"] == 400


def test_markdown_puts_conflicts_first_and_newest_first(comparison: Comparison) -> None:
    text = render(comparison, "markdown")
    assert text.index("— conflict") < text.index("— consistent")
    conflict = text[text.index("— conflict"):text.index("— consistent")]
    assert conflict.index("| 40,000 |") < conflict.index("| 12,000 |")  # 9 March before 7 March


def test_markdown_escapes_article_text(comparison: Comparison) -> None:
    text = render(comparison, "markdown")
    row = next(line for line in text.splitlines() if "script" in line)
    # the pipe in the quote and in the outlet do not add a column
    assert row.count(" | ") == len(FIGURE_COLUMNS) - 1
    assert "Outlet \\| A" in row
    assert "\\*400\\*" not in row  # the figure is bolded, not its stars
    assert "**400**" in row
    assert "\\<script\\>" in row and "\\[link\\]" in row
    assert "\\<b\\>officials\\</b\\>" in row


def test_html_escapes_all_article_text(comparison: Comparison) -> None:
    page = render(comparison, "html")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>officials" not in page
    assert "Outlet | A" in page
    assert '<a href="https://example.org/a">' in page
    assert "javascript:" not in page
    assert '<span class="verdict conflict">conflict</span>' in page
    assert "<mark>400</mark>" in page


def test_csv_has_one_row_per_claim_beside_its_group(comparison: Comparison) -> None:
    rows = list(csv.DictReader(io.StringIO(render(comparison, "csv"))))
    assert len(rows) == 4
    assert list(rows[0]) == [*GROUP_COLUMNS, *CLAIM_FIELDS, *MEMBER_COLUMNS]
    assert rows[0]["verdict"] == "conflict"
    assert rows[0]["sentence"] == "Organisers said 40,000 people marched on Monday."
    assert [r["sentence"] for r in rows if r["doc_id"] == "a"] == [NASTY]


def test_the_seed_report_lists_the_seven_groups(
    gold_claims: list[dict[str, Any]], gold_articles: dict[str, dict[str, str]]
) -> None:
    claims = [
        claim(g["surface"], g["value"], doc=g["file"], sentence=g["sentence"],
              qualifier=g["qualifier"], lower=g["lower"], upper=g["upper"], unit=g["unit"],
              entity=g["entity"], event=g["event"], time_scope=g["time_scope"],
              attribution=g["attribution"], published=gold_articles[g["file"]]["published"],
              outlet=gold_articles[g["file"]]["outlet"] or None)
        for g in gold_claims
    ]
    text = render(compare(claims), "markdown")
    assert text.count("\n## ") == 7
    assert "7 groups of 14 claims" in text


# --- claims, for numclaims extract ----------------------------------------------------------


@pytest.fixture
def claims() -> list[Claim]:
    return [
        claim("400", 400, doc="a", sentence=NASTY, published="2023-03-07"),
        claim("three", 3, doc="b", sentence="Three, officials said.", entity="official",
              event="say"),
    ]


def test_claims_render_in_every_extract_format(claims: list[Claim]) -> None:
    assert set(CLAIM_FORMATS) == {"table", "csv", "json", "jsonl"}
    lines = render_claims(claims, "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == [c.to_dict() for c in claims]
    assert json.loads(render_claims(claims, "json")) == [c.to_dict() for c in claims]
    rows = list(csv.DictReader(io.StringIO(render_claims(claims, "csv"))))
    assert list(rows[0]) == list(CLAIM_FIELDS) and rows[0]["sentence"] == NASTY
    table = render_claims(claims, "table").splitlines()
    assert table[0].split()[:3] == ["doc_id", "surface", "lower"]
    assert len(table) == 4


def test_an_unknown_claim_format_is_refused(claims: list[Claim]) -> None:
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        render_claims(claims, "yaml")


def test_an_empty_comparison_renders_in_every_format() -> None:
    empty = compare([])
    assert json.loads(render(empty, "json")) == {"groups": []}
    assert "0 groups of 0 claims." in render(empty, "markdown")
    assert render(empty, "csv").splitlines() == [
        ",".join([*GROUP_COLUMNS, *CLAIM_FIELDS, *MEMBER_COLUMNS])
    ]
