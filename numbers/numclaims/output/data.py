"""CSV, JSON and JSON Lines: strict, and safe to open.

JSON is strict: a bound that is not finite (an "infinite" upper bound) is written ``null``,
never ``Infinity``; JSON Lines escape the line and paragraph separators (U+2028, U+2029) and
NEL (U+0085), which some readers take for line ends, so one claim is always one line. A CSV
cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``, ``@``,
a tab or a carriage return) gets a leading apostrophe, as OWASP's CSV-injection advice says;
a number stays a number.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections.abc import Iterable, Sequence
from typing import Any

from ..models import Group
from .review import Reviews, review_fields

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_LINE_BREAKS = {"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"}


def csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
    return buffer.getvalue()


def csv_cell(value: Any) -> Any:
    """A value as a spreadsheet may safely read it: None blank, text that would be a formula
    made text."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def strict(value: Any) -> Any:
    """``value`` with every non-finite float made None, so it is valid JSON."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: strict(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [strict(item) for item in value]
    return value


def json_text(value: Any, *, indent: int | None = 2) -> str:
    return json.dumps(strict(value), ensure_ascii=False, indent=indent, allow_nan=False) + "\n"


def jsonl_text(rows: Iterable[dict[str, Any]]) -> str:
    lines = []
    for row in rows:
        line = json.dumps(strict(row), ensure_ascii=False, allow_nan=False)
        for char, escaped in _LINE_BREAKS.items():
            line = line.replace(char, escaped)
        lines.append(line + "\n")
    return "".join(lines)


def comparison_document(
    groups: Sequence[Group], reviews: Reviews | None = None
) -> dict[str, Any]:
    """The comparison as ``numclaims compare --format json`` writes it; with ``reviews`` (a
    workspace's), each group also carries its ``review``."""
    return {
        "groups": [
            {
                "id": group.id,
                "label": group.label,
                "verdict": group.verdict,
                "reason": group.reason,
                "origins": group.origins,
                "notes": list(group.notes),
                "quantity": group.quantity,
                "sources": list(group.sources),
                **({"review": review_fields(reviews.get(group.id))} if reviews is not None
                   else {}),
                "claims": [
                    {**member.claim.to_dict(), "low": member.low, "high": member.high,
                     "stated_low": member.stated_low, "stated_high": member.stated_high,
                     "reason": member.reason, "origin": member.origin}
                    for member in group.members
                ],
            }
            for group in groups
        ]
    }
