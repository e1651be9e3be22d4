"""Output: the one layer every command and the dashboard write through.

:func:`render` writes a :class:`~numclaims.models.Comparison` as Markdown, CSV, JSON or HTML;
:func:`render_claims` writes a list of claims as a terminal table, CSV, JSON or JSON Lines.
Groups come in the comparison's order (conflicts first, then the newest reports) and the figures
of a group newest first, each beside its stated bounds, report date, outlet, attribution and
quote. Article text is never trusted as markup, nor as a spreadsheet formula.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..formatting import number_text
from ..models import CLAIM_FIELDS, Claim, Comparison, Group
from .claimreview import Publisher, publishable, render_claimreview, verdict_words
from .data import comparison_document, csv_text, json_text, jsonl_text
from .frames import (
    COMPARISON_COLUMNS,
    GROUP_COLUMNS,
    MEMBER_COLUMNS,
    claims_frame,
    comparison_frame,
    comparison_rows,
)
from .html import render_html
from .markdown import render_markdown
from .review import REVIEW_COLUMNS, Reviews, review_fields

__all__ = [
    "CLAIM_FORMATS",
    "FORMATS",
    "GROUP_COLUMNS",
    "MEMBER_COLUMNS",
    "Publisher",
    "claims_frame",
    "comparison_frame",
    "comparison_rows",
    "publishable",
    "render",
    "render_claimreview",
    "render_claims",
    "verdict_words",
]

#: The formats :func:`render` writes.
FORMATS = ("markdown", "csv", "json", "html")
#: The formats :func:`render_claims` writes.
CLAIM_FORMATS = ("table", "csv", "json", "jsonl")


def render(comparison: Comparison, fmt: str, *, reviews: Reviews | None = None) -> str:
    """The comparison as text in format ``fmt``, one of :data:`FORMATS`.

    ``reviews``, by group id (a workspace's), puts the reviewers' verdicts, statuses, notes and
    flags beside the computed verdicts.
    """
    renderers: dict[str, Callable[[Sequence[Group], Reviews | None], str]] = {
        "markdown": render_markdown,
        "csv": _csv,
        "json": lambda groups, reviews: json_text(comparison_document(groups, reviews)),
        "html": render_html,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return renderers[fmt](comparison.groups, reviews)


def _csv(groups: Sequence[Group], reviews: Reviews | None) -> str:
    rows = comparison_rows(Comparison(list(groups)))
    columns: tuple[str, ...] = COMPARISON_COLUMNS
    if reviews is not None:
        columns = (*GROUP_COLUMNS, *REVIEW_COLUMNS, *CLAIM_FIELDS, *MEMBER_COLUMNS)
        for row in rows:
            row.update(review_fields(reviews.get(row["group_id"]), flat=True))
    return csv_text(rows, columns)


def render_claims(claims: Iterable[Claim], fmt: str) -> str:
    """The claims as text in format ``fmt``, one of :data:`CLAIM_FORMATS`.

    ``jsonl`` writes one ``Claim.to_dict()`` a line, ``json`` a list of them, ``csv`` one row a
    claim with those fields as columns, ``table`` an aligned table for reading in a terminal.
    """
    rows = [claim.to_dict() for claim in claims]
    if fmt == "jsonl":
        return jsonl_text(rows)
    if fmt == "json":
        return json_text(rows)
    if fmt == "csv":
        return csv_text(rows, CLAIM_FIELDS)
    if fmt == "table":
        return _claims_table(rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(CLAIM_FORMATS)}")


_TABLE_COLUMNS = (("doc_id", 24), ("surface", 22), ("lower", 14), ("upper", 14),
                  ("entity", 14), ("unit", 10), ("event", 12), ("time_scope", 20),
                  ("attribution", 22), ("published", 10))


def _claims_table(rows: Sequence[dict[str, Any]]) -> str:
    def cell(value: Any, width: int) -> str:
        text = "" if value is None else str(value)
        if isinstance(value, float):
            text = number_text(value)
        text = " ".join(text.split())
        if len(text) <= width:
            return text.ljust(width)
        # A path is told apart by its end ("…_968472edce05b8bf.txt"), anything else by its start.
        return ("…" + text[1 - width :]) if "/" in text else (text[: width - 1] + "…")

    lines = ["  ".join(name.ljust(width) for name, width in _TABLE_COLUMNS).rstrip()]
    lines.append("  ".join("-" * width for _, width in _TABLE_COLUMNS))
    for row in rows:
        lines.append("  ".join(cell(row.get(name), width) for name, width in _TABLE_COLUMNS)
                     .rstrip())
    return "\n".join(lines) + "\n"
