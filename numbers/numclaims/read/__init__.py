"""Reading: files, HTML pages, corpora, uploads and pasted text become :class:`Document`s."""

from __future__ import annotations

from .documents import (
    UPLOAD_LIMIT_BYTES,
    make_document,
    parse_published,
    read_meta,
    read_paths,
    read_upload,
)

__all__ = [
    "UPLOAD_LIMIT_BYTES",
    "make_document",
    "parse_published",
    "read_meta",
    "read_paths",
    "read_upload",
]
