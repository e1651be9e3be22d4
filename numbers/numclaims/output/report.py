"""Present: the one output layer for every command.

:func:`render` writes a :class:`~numclaims.models.Comparison` as Markdown, CSV, JSON or HTML;
:func:`render_claims` writes a list of claims as a terminal table, CSV, JSON or JSON Lines.
Groups come in the comparison's order (conflicts first, then the newest reports) and the figures
of a group newest first, each beside its range, report date, outlet, attribution and quote.

Article text (figures, outlets, attributions, quotes, and the labels and reasons that repeat
them) is never trusted as markup: HTML escapes it with :func:`html.escape`, Markdown escapes its
punctuation so a pipe cannot break a table nor an asterisk start emphasis.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from ..compare.core import (
    GROUP_COLUMNS,
    MEMBER_COLUMNS,
    VERDICT_ORDER,
    comparison_rows,
    group_order,
    number_text,
    range_text,
)
from ..models import CLAIM_FIELDS, Claim, Comparison, Group, Member
from .review import (
    HTML_STYLE,
    REVIEW_COLUMNS,
    Reviews,
    html_parts,
    markdown_lines,
    review_fields,
    shown_verdict,
)

#: The formats :func:`render` writes.
FORMATS = ("markdown", "csv", "json", "html")
#: The formats :func:`render_claims` writes.
CLAIM_FORMATS = ("table", "csv", "json", "jsonl")
#: Columns of a group's side-by-side table.
FIGURE_COLUMNS = ("Figure", "Range", "Reported", "Outlet", "Attribution", "Time scope", "Quote",
                  "Why grouped")


def render(
    comparison: Comparison, fmt: str, *, reviews: Reviews | None = None
) -> str:
    """The comparison as text in format ``fmt``, one of :data:`FORMATS`.

    ``reviews``, by group id (a workspace's), puts the reviewers' verdicts, statuses, notes and
    flags beside the computed verdicts.
    """
    renderers: dict[str, Callable[[Sequence[Group], Reviews | None], str]] = {
        "markdown": _markdown,
        "csv": _csv,
        "json": _json,
        "html": _html,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return renderers[fmt](sorted(comparison.groups, key=group_order), reviews)


def render_claims(claims: Iterable[Claim], fmt: str) -> str:
    """The claims as text in format ``fmt``, one of :data:`CLAIM_FORMATS`.

    ``jsonl`` writes one ``Claim.to_dict()`` a line, ``json`` a list of them, ``csv`` one row a
    claim with those fields as columns, ``table`` an aligned table for reading in a terminal.
    """
    rows = [claim.to_dict() for claim in claims]
    if fmt == "jsonl":
        return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv_text(rows, CLAIM_FIELDS)
    if fmt == "table":
        return _claims_table(rows)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(CLAIM_FORMATS)}")


# --------------------------------------------------------------------------------------------
# Markdown


def _markdown(groups: Sequence[Group], reviews: Reviews | None = None) -> str:
    lines = ["# Figures compared", "", _summary(groups), ""]
    for group in groups:
        review = (reviews or {}).get(group.id)
        lines += [
            f"## {_md(group.label)} — {shown_verdict(group, review)}",
            "",
            f"**Verdict:** {group.verdict}. {_md(group.reason)}",
            "",
            f"**Independent origins:** {group.origins} · **Group id:** `{group.id}`",
            "",
        ]
        if review is not None:
            lines += markdown_lines(review, _md)
        if group.notes:
            lines += ["**Drift:**", "", *(f"- {_md(note)}" for note in group.notes), ""]
        lines.append("| " + " | ".join(FIGURE_COLUMNS) + " |")
        lines.append("|" + "---|" * len(FIGURE_COLUMNS))
        for member in group.members:
            lines.append("| " + " | ".join(_markdown_cells(member)) + " |")
        lines.append("")
    return "\n".join(lines)


def _markdown_cells(member: Member) -> list[str]:
    claim = member.claim
    before, figure, after = _quote_parts(claim)
    quote = f"{_md(before)}**{_md(figure)}**{_md(after)}".strip() if figure else _md(before)
    return [
        _md(claim.surface),
        _md(range_text(member.low, member.high)),
        _md(claim.published or "date unknown"),
        _md(claim.outlet or "outlet unknown"),
        _md(claim.attribution or ""),
        _md(claim.time_scope or ""),
        quote,
        _md(member.reason),
    ]


def _md(text: str) -> str:
    """Article words for a Markdown table cell: punctuation escaped, one line."""
    text = re.sub(r"\s+", " ", str(text))
    return re.sub(r"([\\`*_{}\[\]<>|#~&$])", r"\\\1", text)


def _summary(groups: Sequence[Group]) -> str:
    counts = Counter(group.verdict for group in groups)
    claims = sum(len(group.members) for group in groups)
    parts = [f"{counts[v]} {v}" for v in VERDICT_ORDER if counts[v]]
    return (f"{len(groups)} group{'s' if len(groups) != 1 else ''} of {claims} "
            f"claim{'s' if claims != 1 else ''}" + (f": {', '.join(parts)}." if parts else "."))


# --------------------------------------------------------------------------------------------
# CSV and JSON


def _csv(groups: Sequence[Group], reviews: Reviews | None = None) -> str:
    rows = comparison_rows(Comparison(list(groups)))
    columns: tuple[str, ...] = (*GROUP_COLUMNS, *CLAIM_FIELDS, *MEMBER_COLUMNS)
    if reviews is not None:
        columns = (*GROUP_COLUMNS, *REVIEW_COLUMNS, *CLAIM_FIELDS, *MEMBER_COLUMNS)
        for row in rows:
            row.update(review_fields(reviews.get(row["group_id"]), flat=True))
    return _csv_text(rows, columns)


def _csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: "" if value is None else value for key, value in row.items()})
    return buffer.getvalue()


def _json(groups: Sequence[Group], reviews: Reviews | None = None) -> str:
    document = {
        "groups": [
            {
                "id": group.id,
                "label": group.label,
                "verdict": group.verdict,
                "reason": group.reason,
                "origins": group.origins,
                "notes": list(group.notes),
                **({"review": review_fields(reviews.get(group.id))} if reviews is not None
                   else {}),
                "claims": [
                    {**member.claim.to_dict(), "low": member.low, "high": member.high,
                     "reason": member.reason, "origin": member.origin}
                    for member in group.members
                ],
            }
            for group in groups
        ]
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# --------------------------------------------------------------------------------------------
# HTML


_STYLE = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 80rem;
       padding: 0 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 2rem; }
th, td { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left;
         vertical-align: top; }
th { background: #f5f5f5; }
.verdict { border-radius: .3rem; color: #fff; padding: .1rem .45rem; font-size: .85em; }
.conflict { background: #c62828; } .scope-differs { background: #ef6c00; }
.evolving { background: #1565c0; } .consistent { background: #2e7d32; }
.single { background: #757575; }
mark { background: #fff59d; }
.notes { color: #555; }
""".strip() + "\n" + HTML_STYLE


def _html(groups: Sequence[Group], reviews: Reviews | None = None) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>numclaims: figures compared</title>",
        f"<style>{_STYLE}</style></head><body>",
        "<h1>Figures compared</h1>",
        f"<p>{e(_summary(groups))}</p>",
    ]
    for group in groups:
        review = (reviews or {}).get(group.id)
        shown = review.verdict if review is not None and review.verdict else group.verdict
        parts += [
            f'<section id="{e(group.id)}">',
            f'<h2>{e(group.label)} <span class="verdict {e(shown)}">'
            f"{e(shown_verdict(group, review))}</span></h2>",
            f"<p>{e(group.reason)}</p>",
            f"<p>Independent origins: {group.origins}</p>",
        ]
        if review is not None:
            parts += html_parts(review)
        if group.notes:
            parts.append('<ul class="notes">' + "".join(f"<li>{e(n)}</li>" for n in group.notes)
                         + "</ul>")
        parts.append("<table><thead><tr>" + "".join(f"<th>{c}</th>" for c in FIGURE_COLUMNS)
                     + "</tr></thead><tbody>")
        parts += [_html_row(member) for member in group.members]
        parts += ["</tbody></table>", "</section>"]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_row(member: Member) -> str:
    e = html.escape
    claim = member.claim
    before, figure, after = _quote_parts(claim)
    outlet = e(claim.outlet or "outlet unknown")
    if claim.url and re.match(r"https?://", claim.url):
        outlet = f'<a href="{e(claim.url)}">{outlet}</a>'
    cells = [
        e(claim.surface),
        e(range_text(member.low, member.high)),
        e(claim.published or "date unknown"),
        outlet,
        e(claim.attribution or ""),
        e(claim.time_scope or ""),
        f"{e(before)}<mark>{e(figure)}</mark>{e(after)}" if figure else e(before),
        e(member.reason),
    ]
    return "<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>"


# --------------------------------------------------------------------------------------------
# Claims table (numclaims extract)


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


# --------------------------------------------------------------------------------------------
# Helpers


def _quote_parts(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence split around its figure: before, the figure, after."""
    sentence = claim.sentence
    offset = claim.start - claim.sentence_start
    if not sentence[offset:offset + len(claim.surface)] == claim.surface or offset < 0:
        offset = sentence.find(claim.surface)
    if offset < 0:
        return sentence, "", ""
    end = offset + len(claim.surface)
    return sentence[:offset], sentence[offset:end], sentence[end:]


