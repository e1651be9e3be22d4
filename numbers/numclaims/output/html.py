"""The comparison as one self-contained HTML page, laid out like the Markdown report. Every
piece of article text is escaped with :func:`html.escape`; a link is written only for an
``http(s)`` address."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from ..models import Group, GroupReview, Member
from .markdown import FIGURE_COLUMNS, SINGLE_COLUMNS
from .review import HTML_STYLE, Reviews, html_parts, shown_verdict
from .story import counts_line, member_range, multi_report, quote_parts, single_report_members
from .story import summary as story_summary

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
.notes, .measures { color: #555; }
""".strip()

e = html.escape


def render_html(groups: Sequence[Group], reviews: Reviews | None = None) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        "<title>numclaims: figures compared</title>",
        f"<style>{_STYLE}\n{HTML_STYLE}</style></head><body>",
        "<h1>Figures compared</h1>",
        f"<p>{e(counts_line(groups))}</p>",
    ]
    rows = story_summary(groups)
    if rows:
        parts += ["<h2>Story summary</h2>", "<table><thead><tr><th>Quantity</th><th>Verdict</th>"
                  "<th>Figures by source and date</th></tr></thead><tbody>"]
        for row in rows:
            figures = " · ".join(e(f) for f in row.figures)
            parts.append(
                f'<tr><td><a href="#{e(row.group.id)}">{e(row.group.label)}</a></td>'
                f"<td>{_badge(row.group, (reviews or {}).get(row.group.id))}</td>"
                f"<td>{figures}</td></tr>")
        parts.append("</tbody></table>")
    for group in groups:
        if multi_report(group):
            parts += _card(group, (reviews or {}).get(group.id))
    singles = single_report_members(groups)
    if singles:
        parts += ["<h2>Figures only one report gives</h2>", "<table><thead><tr>"
                  + "".join(f"<th>{c}</th>" for c in SINGLE_COLUMNS) + "</tr></thead><tbody>"]
        for group, member in singles:
            claim = member.claim
            cells = [e(claim.surface), e(group.label), e(member_range(member)),
                     e(claim.published or "date unknown"), _outlet(member),
                     e(claim.attribution or ""), _quote(member)]
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _card(group: Group, review: GroupReview | None) -> list[str]:
    parts = [
        f'<section id="{e(group.id)}">',
        f"<h2>{e(group.label)} {_badge(group, review)}</h2>",
        f"<p>{e(group.reason)}</p>",
        *(html_parts(review) if review is not None else []),
        f'<p class="measures">Measures: {e(group.quantity)}</p>',
        f"<p>Independent origins: {group.origins}</p>",
    ]
    if group.sources:
        parts.append("<ul>" + "".join(f"<li>{e(line)}</li>" for line in group.sources) + "</ul>")
    if group.notes:
        parts.append('<ul class="notes">' + "".join(f"<li>{e(n)}</li>" for n in group.notes)
                     + "</ul>")
    parts.append("<table><thead><tr>" + "".join(f"<th>{c}</th>" for c in FIGURE_COLUMNS)
                 + "</tr></thead><tbody>")
    for member in group.members:
        claim = member.claim
        cells = [e(claim.surface), e(member_range(member)), e(claim.published or "date unknown"),
                 _outlet(member), e(claim.attribution or ""), e(claim.time_scope or ""),
                 e(claim.place or ""), _quote(member), e(member.reason)]
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    parts += ["</tbody></table>", "</section>"]
    return parts


def _badge(group: Group, review: GroupReview | None = None) -> str:
    shown = review.verdict if review is not None and review.verdict else group.verdict
    return f'<span class="verdict {e(shown)}">{e(shown_verdict(group, review))}</span>'


def _outlet(member: Member) -> str:
    claim = member.claim
    outlet = e(claim.outlet or "outlet unknown")
    if claim.url and re.match(r"https?://", claim.url):
        outlet = f'<a href="{e(claim.url)}">{outlet}</a>'
    return outlet


def _quote(member: Member) -> str:
    before, figure, after = quote_parts(member.claim)
    return f"{e(before)}<mark>{e(figure)}</mark>{e(after)}" if figure else e(before)
