"""Alembic's environment for the workspace: always run by numclaims on a connection it opened.

numclaims runs the migrations itself when it opens a workspace (:mod:`numclaims.store.engine`),
passing its connection in ``config.attributes["connection"]``; there is no ``alembic.ini``.
"""

from __future__ import annotations

from alembic import context

from numclaims.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
