"""numclaims: find the quantified claims in news articles and line up the figures that disagree.

The data flows one way: read (:mod:`~numclaims.documents`) → extract (:mod:`~numclaims.extract`)
→ compare (:mod:`~numclaims.compare`) → present (:mod:`~numclaims.report`, the dashboard).
"""

from __future__ import annotations

from .compare import compare, comparison_frame
from .documents import make_document, read_paths, read_upload
from .errors import InputError, LexiconError, ModelError, NumclaimsError
from .extract import claims_frame, extract, extract_document, extract_documents
from .figures import Figure, find_figures
from .models import (
    Claim,
    Comparison,
    Corpus,
    Document,
    Group,
    Member,
    PublicationDate,
    ReadProblem,
)
from .pipeline import load_pipeline
from .report import render, render_claims

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Comparison",
    "Corpus",
    "Document",
    "Figure",
    "Group",
    "InputError",
    "LexiconError",
    "Member",
    "ModelError",
    "NumclaimsError",
    "PublicationDate",
    "ReadProblem",
    "__version__",
    "claims_frame",
    "compare",
    "comparison_frame",
    "extract",
    "extract_document",
    "extract_documents",
    "find_figures",
    "load_pipeline",
    "make_document",
    "read_paths",
    "read_upload",
    "render",
    "render_claims",
]
