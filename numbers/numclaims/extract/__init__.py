"""Extraction: figures, time phrases and the claims they make, from documents."""

from __future__ import annotations

from .claims import extract, extract_document, extract_documents
from .figures import Figure, find_figures
from .pipeline import load_pipeline

__all__ = [
    "Figure",
    "extract",
    "extract_document",
    "extract_documents",
    "find_figures",
    "load_pipeline",
]
