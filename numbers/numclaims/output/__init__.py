"""Output: claims and comparisons as tables, CSV, JSON, Markdown and HTML."""

from __future__ import annotations

from .report import CLAIM_FORMATS, FORMATS, render, render_claims

__all__ = ["CLAIM_FORMATS", "FORMATS", "render", "render_claims"]
