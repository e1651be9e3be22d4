"""Output: claims and comparisons as tables, CSV, JSON, Markdown and HTML; ClaimReview."""

from __future__ import annotations

from .claimreview import Publisher, publishable, render_claimreview, verdict_words
from .report import CLAIM_FORMATS, FORMATS, render, render_claims

__all__ = [
    "CLAIM_FORMATS",
    "FORMATS",
    "Publisher",
    "publishable",
    "render",
    "render_claimreview",
    "render_claims",
    "verdict_words",
]
