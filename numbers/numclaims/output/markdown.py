"""The comparison as a Markdown report, in the order a fact-checker reads it: the story summary
(each quantity more than one article gives, with its figures by source and date and its
verdict), then a card for each of those quantities, then one table of the figures only one
report gives. Article text is escaped: a pipe cannot break a table nor an asterisk start
emphasis."""

from __future__ import annotations

from collections.abc import Sequence

from ..formatting import markdown_escape
from ..models import Group, GroupReview, Member
from .review import Reviews, markdown_lines, shown_verdict
from .story import counts_line, member_range, multi_report, quote_parts, single_report_members
from .story import summary as story_summary

#: Columns of a quantity's side-by-side table: the figure, its bounds, when and by whom first.
FIGURE_COLUMNS = ("Figure", "Stated / read as", "Reported", "Outlet", "Attribution",
                  "Time scope", "Place", "Quote", "Why grouped")
#: Columns of the table of figures only one report gives.
SINGLE_COLUMNS = ("Figure", "What", "Stated / read as", "Reported", "Outlet", "Attribution",
                  "Quote")


def render_markdown(groups: Sequence[Group], reviews: Reviews | None = None) -> str:
    lines = ["# Figures compared", "", counts_line(groups), ""]
    rows = story_summary(groups)
    if rows:
        lines += ["## Story summary", "",
                  "| Quantity | Verdict | Figures by source and date |", "|---|---|---|"]
        for row in rows:
            figures = " · ".join(_md(f) for f in row.figures)
            verdict = shown_verdict(row.group, (reviews or {}).get(row.group.id))
            lines.append(f"| {_md(row.group.label)} | {verdict} | {figures} |")
        lines.append("")
    for group in groups:
        if multi_report(group):
            lines += _card(group, (reviews or {}).get(group.id))
    singles = single_report_members(groups)
    if singles:
        lines += ["## Figures only one report gives", "",
                  "| " + " | ".join(SINGLE_COLUMNS) + " |", "|" + "---|" * len(SINGLE_COLUMNS)]
        for group, member in singles:
            claim = member.claim
            lines.append("| " + " | ".join([
                _md(claim.surface), _md(group.label), _md(member_range(member)),
                _md(claim.published or "date unknown"), _md(claim.outlet or "outlet unknown"),
                _md(claim.attribution or ""), _quote(member),
            ]) + " |")
        lines.append("")
    return "\n".join(lines)


def _card(group: Group, review: GroupReview | None) -> list[str]:
    lines = [
        f"## {_md(group.label)} — {shown_verdict(group, review)}",
        "",
        f"**Verdict:** {group.verdict}. {_md(group.reason)}",
        "",
        *(markdown_lines(review, _md) if review is not None else []),
        f"**Measures:** {_md(group.quantity)}",
        "",
        f"**Independent origins:** {group.origins} · **Group id:** `{group.id}`",
        "",
    ]
    if group.sources:
        lines += ["**By source:**", "", *(f"- {_md(line)}" for line in group.sources), ""]
    if group.notes:
        lines += ["**Drift:**", "", *(f"- {_md(note)}" for note in group.notes), ""]
    lines.append("| " + " | ".join(FIGURE_COLUMNS) + " |")
    lines.append("|" + "---|" * len(FIGURE_COLUMNS))
    for member in group.members:
        claim = member.claim
        lines.append("| " + " | ".join([
            _md(claim.surface), _md(member_range(member)), _md(claim.published or "date unknown"),
            _md(claim.outlet or "outlet unknown"), _md(claim.attribution or ""),
            _md(claim.time_scope or ""), _md(claim.place or ""), _quote(member),
            _md(member.reason),
        ]) + " |")
    lines.append("")
    return lines


def _quote(member: Member) -> str:
    before, figure, after = quote_parts(member.claim)
    return f"{_md(before)}**{_md(figure)}**{_md(after)}".strip() if figure else _md(before)


def _md(text: str) -> str:
    return markdown_escape(text, one_line=True)
