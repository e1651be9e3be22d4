"""The workspace's tables, in SQLAlchemy Core: one schema for SQLite and PostgreSQL.

The migrations under ``migrations/versions/`` create and change these tables; a test checks
that migrating an empty database gives exactly this schema.

- ``articles``: each article as read (its text, the prose ranges, title, URL, outlet, report
  date) and where it came from. ``seq`` is the order articles were added.
- ``claims``: the claims extracted from each article, as extracted (a reviewer's corrections
  are decisions, applied when the comparison is made). ``seq`` is the order claims were added,
  which names a group (see :mod:`numclaims.store.ids`).
- ``decisions``: every decision a reviewer made, append-only (triggers refuse updates and
  deletes); the current state of the review is derived by replaying them in ``seq`` order.
- ``groups``, ``group_claims``: the last comparison made, with the reviewers' verdicts and
  statuses, kept for anyone who reads the database with SQL (numclaims reads ``snapshots``).
- ``settings``: the organisation's name and addresses for ClaimReview, and the like.
- ``snapshots``: the last comparison made, whole, with the revision and the numclaims version
  that made it, so that opening a workspace need not compare again (:mod:`.snapshot`).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(32), nullable=False, unique=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("body", sa.JSON, nullable=False),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.Text),
    sa.Column("published_date", sa.String(10)),
    sa.Column("published_precision", sa.String(8)),
    sa.Column("published_inferred", sa.Boolean, nullable=False, default=False),
    sa.Column("published_year_missing", sa.Boolean, nullable=False, default=False),
    sa.Column("published_text", sa.Text),
    sa.Column("source", sa.Text),
    sa.Column("added_at", sa.String(32), nullable=False),
    sa.Column("added_by", sa.Text),
    sa.Column("extracted_with", sa.String(32), nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(64), nullable=False, unique=True),
    sa.Column(
        "article_id",
        sa.String(32),
        sa.ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("start_offset", sa.Integer, nullable=False),
    sa.Column("end_offset", sa.Integer, nullable=False),
    sa.Column("surface", sa.Text, nullable=False),
    sa.Column("fields", sa.JSON, nullable=False),
)

decisions = sa.Table(
    "decisions",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("target", sa.String(64), nullable=False, index=True),
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("author", sa.Text, nullable=False),
    sa.Column("created_at", sa.String(32), nullable=False),
)

groups = sa.Table(
    "groups",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("verdict", sa.String(16), nullable=False),
    sa.Column("reviewed_verdict", sa.String(16)),
    sa.Column("status", sa.String(16)),
    sa.Column("flags", sa.Text),
)

group_claims = sa.Table(
    "group_claims",
    metadata,
    sa.Column(
        "group_id", sa.String(32), sa.ForeignKey("groups.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "claim_id", sa.String(64), sa.ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
    ),
)

settings = sa.Table(
    "settings",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

snapshots = sa.Table(
    "snapshots",
    metadata,
    sa.Column("revision", sa.String(32), primary_key=True),
    sa.Column("made_with", sa.String(64), nullable=False),
    sa.Column("body", sa.JSON, nullable=False),
)
