"""numclaims: find the quantified claims in news articles and line up the figures that disagree."""

from __future__ import annotations

from .errors import InputError, LexiconError, ModelError, NumclaimsError
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

__version__ = "0.1.0"

__all__ = [
    "Claim",
    "Comparison",
    "Corpus",
    "Document",
    "Group",
    "InputError",
    "LexiconError",
    "Member",
    "ModelError",
    "NumclaimsError",
    "PublicationDate",
    "ReadProblem",
    "__version__",
]
