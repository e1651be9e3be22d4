"""Comparison: the claims that measure one quantity, grouped and judged."""

from __future__ import annotations

from .core import compare, comparison_frame, comparison_rows, judge

__all__ = ["compare", "comparison_frame", "comparison_rows", "judge"]
