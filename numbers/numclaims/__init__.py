"""numclaims: find the quantified claims in news articles and line up the figures that disagree.

The data flows one way: read (:mod:`~numclaims.read`) → extract (:mod:`~numclaims.extract`)
→ compare (:mod:`~numclaims.compare`) → output (:mod:`~numclaims.output`, the dashboard).
"""

from __future__ import annotations

from .compare import compare, judge
from .errors import InputError, LexiconError, ModelError, NumclaimsError
from .extract import (
    Figure,
    extract,
    extract_document,
    extract_documents,
    find_figures,
    load_pipeline,
)
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
from .output import claims_frame, comparison_frame, render, render_claims
from .read import make_document, read_paths, read_upload

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
    "judge",
    "load_pipeline",
    "make_document",
    "read_paths",
    "read_upload",
    "render",
    "render_claims",
]
