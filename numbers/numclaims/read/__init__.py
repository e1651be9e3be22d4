"""Reading: files, HTML pages, corpora, uploads, pasted text and web pages become
:class:`Document`s."""

from __future__ import annotations

from .documents import (
    CORPUS_KINDS,
    UPLOAD_LIMIT_BYTES,
    Record,
    iter_inputs,
    make_document,
    parse_published,
    read_meta,
    read_paths,
    read_record,
    read_upload,
    read_urls,
)
from .feeds import feed_links
from .web import Fetcher, FetchSettings, Page, default_cache_dir, is_url

__all__ = [
    "CORPUS_KINDS",
    "UPLOAD_LIMIT_BYTES",
    "FetchSettings",
    "Fetcher",
    "Page",
    "Record",
    "default_cache_dir",
    "feed_links",
    "is_url",
    "iter_inputs",
    "make_document",
    "parse_published",
    "read_meta",
    "read_paths",
    "read_record",
    "read_upload",
    "read_urls",
]
