"""Numbers and ranges in words, one formatter for every stage and client.

Compare writes them into its reasons, the reports and the dashboard show them; all of them go
through these functions, so "1.5 billion" reads the same everywhere.
"""

from __future__ import annotations

import math
import re


def number_text(value: float) -> str:
    """A number as a reader writes it: '6,000', '0.5', '1.125 billion'."""
    if not math.isfinite(value):
        return "no limit" if value > 0 else "minus no limit"
    for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + f" {name}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def range_text(low: float | None, high: float | None, *, unit: str | None = None) -> str:
    """A range in words: '350–450', 'at least 400', 'at most 99', '1.5 billion dollars'."""
    suffix = "%" if unit == "per cent" else f" {unit}" if unit else ""
    if low is not None and high is not None:
        if math.isclose(low, high):
            return f"{number_text(low)}{suffix}"
        return f"{number_text(low)}–{number_text(high)}{suffix}"
    if low is not None:
        return f"at least {number_text(low)}{suffix}"
    if high is not None:
        return f"at most {number_text(high)}{suffix}"
    return "any amount"


def reading_text(
    stated: tuple[float | None, float | None], read: tuple[float | None, float | None]
) -> str:
    """A figure's stated bounds, and the range it is read as when those differ: '40, read as
    35–45 when rounding is allowed'; 'at least 6,000'."""
    said = range_text(*stated)
    if _same(stated, read):
        return said
    return f"{said}, read as {range_text(*read)} when rounding is allowed"


def _same(one: tuple[float | None, float | None], other: tuple[float | None, float | None]) -> bool:
    return all(
        (a is None and b is None) or (a is not None and b is not None and math.isclose(a, b))
        for a, b in zip(one, other, strict=True)
    )


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:&])")


def markdown_escape(text: str, *, one_line: bool = False) -> str:
    """Article words for Markdown: its punctuation escaped, so a pipe cannot break a table, an
    asterisk start emphasis or a bracket a link; ``one_line`` joins lines for a table cell."""
    text = str(text)
    if one_line:
        text = re.sub(r"\s+", " ", text)
    return _MARKDOWN.sub(r"\\\1", text)
