"""The first workspace: articles, claims, decisions (append-only), groups, settings.

Revision ID: 0001
Revises:
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

APPEND_ONLY = "decisions are append-only: record a new decision instead"


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(32), nullable=False, unique=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("body", sa.JSON, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("outlet", sa.Text),
        sa.Column("published_date", sa.String(10)),
        sa.Column("published_precision", sa.String(8)),
        sa.Column("published_inferred", sa.Boolean, nullable=False),
        sa.Column("published_year_missing", sa.Boolean, nullable=False),
        sa.Column("published_text", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("added_at", sa.String(32), nullable=False),
        sa.Column("added_by", sa.Text),
        sa.Column("extracted_with", sa.String(32), nullable=False),
    )
    op.create_table(
        "claims",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column(
            "article_id", sa.String(32), sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("start_offset", sa.Integer, nullable=False),
        sa.Column("end_offset", sa.Integer, nullable=False),
        sa.Column("surface", sa.Text, nullable=False),
        sa.Column("fields", sa.JSON, nullable=False),
    )
    op.create_index("ix_claims_article_id", "claims", ["article_id"])
    op.create_table(
        "decisions",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("target", sa.String(64), nullable=False),
        sa.Column("payload", sa.JSON, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("author", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_decisions_target", "decisions", ["target"])
    op.create_table(
        "groups",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("verdict", sa.String(16), nullable=False),
        sa.Column("reviewed_verdict", sa.String(16)),
        sa.Column("status", sa.String(16)),
        sa.Column("flags", sa.Text),
    )
    op.create_table(
        "group_claims",
        sa.Column(
            "group_id", sa.String(32), sa.ForeignKey("groups.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(
            "claim_id", sa.String(64), sa.ForeignKey("claims.id", ondelete="CASCADE"),
            primary_key=True,
        ),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
    )
    # The log is append-only in the database itself, not only by convention of this code.
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION numclaims_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
        )
        op.execute(
            "CREATE TRIGGER decisions_append_only BEFORE UPDATE OR DELETE ON decisions "
            "FOR EACH ROW EXECUTE FUNCTION numclaims_append_only()"
        )
    else:
        for event in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER decisions_no_{event.lower()} BEFORE {event} ON decisions "
                f"BEGIN SELECT RAISE(ABORT, '{APPEND_ONLY}'); END"
            )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP TRIGGER decisions_append_only ON decisions")
        op.execute("DROP FUNCTION numclaims_append_only()")
    for table in ("settings", "group_claims", "groups", "decisions", "claims", "articles"):
        op.drop_table(table)
