"""What reviewers decided, for the reports: one place for every format.

A workspace's comparison comes with a :class:`~numclaims.models.GroupReview` per group; each
report writes it beside the computed verdict through these helpers, so Markdown, HTML, CSV and
JSON say the same thing:

- :func:`shown_verdict`: the heading's verdict, the reviewer's first ("conflict (reviewer;
  computed: consistent)");
- :func:`markdown_lines` and :func:`html_parts`: the review line, any flag that new evidence
  goes against the review, and the notes, escaped;
- :func:`review_fields` and :data:`REVIEW_COLUMNS`: the same as data, for CSV and JSON.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import Any

from ..models import Group, GroupReview

Reviews = Mapping[str, GroupReview]
#: Columns a review adds to the CSV export, after the group's own.
REVIEW_COLUMNS = ("reviewed_verdict", "status", "review_notes", "review_flags")
#: A style for the HTML report's flags.
HTML_STYLE = ".flag { background: #fff3e0; border-left: 4px solid #ef6c00; " \
    "padding: .3rem .6rem; }"


def shown_verdict(group: Group, review: GroupReview | None) -> str:
    """The heading's verdict: the reviewer's, with the computed one beside it if it differs."""
    if review is None or not review.verdict:
        return group.verdict
    if review.verdict == group.verdict:
        return f"{review.verdict} (confirmed)"
    return f"{review.verdict} (reviewer; computed: {group.verdict})"


def review_line(review: GroupReview) -> str:
    """'verdict conflict, status needs work, by ana on 2026-12-02': who decided what."""
    parts = []
    if review.verdict:
        parts.append(f"verdict {review.verdict}")
    if review.status:
        parts.append(f"status {review.status}")
    if review.reviewed_by:
        parts.append(f"by {review.reviewed_by} on {(review.reviewed_at or '')[:10]}")
    if review.by_hand:
        parts.append("members arranged by hand")
    return ", ".join(parts)


def markdown_lines(review: GroupReview, escape: Callable[[str], str]) -> list[str]:
    """The review as Markdown lines for a group's card; ``escape`` is the report's escaper."""
    lines = []
    said = review_line(review)
    if said:
        lines += [f"**Review:** {escape(said)}", ""]
    for flag in review.flags:
        lines += [f"**⚠ New evidence:** {escape(flag)}", ""]
    if review.notes:
        lines += ["**Notes:**", "", *(f"- {escape(note)}" for note in review.notes), ""]
    return lines


def html_parts(review: GroupReview) -> list[str]:
    """The review as HTML elements for a group's section, escaped."""
    e = html.escape
    parts = []
    said = review_line(review)
    if said:
        parts.append(f'<p class="review"><strong>Review:</strong> {e(said)}</p>')
    parts += [f'<p class="flag"><strong>⚠ New evidence:</strong> {e(flag)}</p>'
              for flag in review.flags]
    if review.notes:
        parts.append('<ul class="review-notes">'
                     + "".join(f"<li>{e(note)}</li>" for note in review.notes) + "</ul>")
    return parts


def review_fields(review: GroupReview | None, *, flat: bool = False) -> dict[str, Any]:
    """The review as data: CSV cells (``flat``: lists joined with '; ') or JSON values."""
    review = review or GroupReview()
    notes: Any = "; ".join(review.notes) if flat else list(review.notes)
    flags: Any = "; ".join(review.flags) if flat else list(review.flags)
    fields = {"reviewed_verdict": review.verdict, "status": review.status,
              "review_notes": notes, "review_flags": flags}
    if not flat:
        fields.update(reviewed_by=review.reviewed_by, reviewed_at=review.reviewed_at)
    return fields
