"""Claims and comparisons as rows: the one shape every table, CSV and DataFrame is built from."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..models import CLAIM_FIELDS, Claim, Comparison

#: Columns of :func:`comparison_rows` that describe the group; the claim's fields follow.
GROUP_COLUMNS = ("group_id", "group_label", "verdict", "group_reason", "origins", "notes",
                 "quantity", "sources")
#: Columns of :func:`comparison_rows` that describe the claim's place in its group.
MEMBER_COLUMNS = ("low", "high", "stated_low", "stated_high", "reason", "origin")
#: Every column of :func:`comparison_rows`, in order.
COMPARISON_COLUMNS = (*GROUP_COLUMNS, *CLAIM_FIELDS, *MEMBER_COLUMNS)


def comparison_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One dict per claim: its group's columns, the claim's own fields, its place in the group."""
    rows = []
    for group in comparison.groups:
        for member in group.members:
            row: dict[str, Any] = {
                "group_id": group.id,
                "group_label": group.label,
                "verdict": group.verdict,
                "group_reason": group.reason,
                "origins": group.origins,
                "notes": "; ".join(group.notes),
                "quantity": group.quantity,
                "sources": "; ".join(group.sources),
            }
            row.update(member.claim.to_dict())
            row.update(low=member.low, high=member.high, stated_low=member.stated_low,
                       stated_high=member.stated_high, reason=member.reason,
                       origin=member.origin)
            rows.append(row)
    return rows


def comparison_frame(comparison: Comparison) -> Any:
    """A pandas DataFrame in which each row is one claim beside its group.

    Columns: :data:`GROUP_COLUMNS`, then the claim's fields (those of ``numclaims extract
    --format jsonl``), then :data:`MEMBER_COLUMNS`: ``low``/``high`` (the range the figure is
    read as, rounding allowed; NaN where open), ``stated_low``/``stated_high`` (the bounds its
    words state), ``reason`` (why the claim joined its group) and ``origin``.
    """
    import pandas as pd

    frame = pd.DataFrame(comparison_rows(comparison), columns=list(COMPARISON_COLUMNS))
    return frame.astype({"low": "float64", "high": "float64", "stated_low": "float64",
                         "stated_high": "float64"})


def claims_frame(claims: Sequence[Claim]) -> Any:
    """A pandas DataFrame of claims, one row a claim, columns the fields of ``--format jsonl``."""
    import pandas as pd

    return pd.DataFrame([claim.to_dict() for claim in claims], columns=list(CLAIM_FIELDS))
