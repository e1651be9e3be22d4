"""The story workspace: articles, claims and a team's review decisions in one database.

SQLite by default (one file a story), PostgreSQL by URL for a team; one schema through
SQLAlchemy Core, migrated by Alembic when a workspace is opened. The API::

    ws = open_workspace("story.db")                  # or "postgresql://…"
    ws.add_documents(read_paths(["seeds/"]).documents)   # extracts only what is new
    reviewed = ws.comparison()                       # decisions re-applied
    ws.review(group_id, verdict="conflict", note="…")
    ws.correct(claim_id, {"value": "450"})
    ws.decisions()                                   # the append-only log

Ids are stable and made from content (:mod:`numclaims.store.ids`); decisions are replayed over
every recompute (:mod:`numclaims.store.review`).
"""

from __future__ import annotations

from .decisions import CORRECTABLE, KINDS, Decision
from .ids import article_id, canonical_url, claim_id, group_id
from .review import Reviewed, corrected_claim, replay
from .workspace import (
    SETTINGS,
    Added,
    Workspace,
    default_workspace_path,
    open_workspace,
    reviewer,
)

__all__ = [
    "CORRECTABLE",
    "KINDS",
    "SETTINGS",
    "Added",
    "Decision",
    "Reviewed",
    "Workspace",
    "article_id",
    "canonical_url",
    "claim_id",
    "corrected_claim",
    "default_workspace_path",
    "group_id",
    "open_workspace",
    "replay",
    "reviewer",
]
