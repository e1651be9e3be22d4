"""Opening a workspace's database: SQLite by default, PostgreSQL by URL, migrated on open.

SQLite runs in WAL mode with foreign keys on and a busy timeout, and every write transaction
starts with ``BEGIN IMMEDIATE``, so two writers queue instead of failing half-way. PostgreSQL
writers take a transaction-scoped advisory lock, so two writers there queue too: a decision is
checked against the state it is written into.

Every database error that reaches a user (locked, damaged, not a workspace, no server there)
becomes one :class:`~numclaims.errors.WorkspaceError` naming the workspace.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, Connection, Engine, make_url

from ..errors import WorkspaceError

#: Seconds a writer waits for another to finish before giving up with "locked".
DEFAULT_TIMEOUT = 10.0
#: The advisory lock number PostgreSQL writers hold (any constant; "numc" in ASCII).
PG_WRITE_LOCK = 0x6E756D63
#: The tables a numclaims workspace has; a database with other tables and none of ours is not
#: one, and is never written to.
OUR_TABLES = {"articles", "claims", "decisions", "groups", "group_claims", "settings",
              "snapshots"}


def database_url(url_or_path: str | os.PathLike[str]) -> URL:
    """The SQLAlchemy URL of a workspace given as a file path or a database URL.

    A path is an SQLite file; ``postgresql://…`` uses psycopg (version 3).
    """
    text = os.fspath(url_or_path)
    if "://" not in text:
        return URL.create("sqlite", database=str(Path(text).expanduser().resolve()))
    try:
        url = make_url(text)
    except sa.exc.ArgumentError:
        raise WorkspaceError(f"{text}: not a database URL or a file path") from None
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise WorkspaceError(f"{shown(url)}: only SQLite files and PostgreSQL URLs are supported")
    return url


def shown(url: URL) -> str:
    """How a workspace is named in messages: the file's path, or the URL without a password."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return url.render_as_string(hide_password=True)


def create(url: URL, *, timeout: float = DEFAULT_TIMEOUT) -> Engine:
    """An engine for ``url`` with the connection settings described in the module."""
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            folder = Path(url.database).parent
            if not folder.is_dir():
                raise WorkspaceError(f"{url.database}: the folder {folder} does not exist")
        engine = sa.create_engine(
            url, connect_args={"timeout": timeout, "check_same_thread": False}
        )
        sa.event.listen(engine, "connect", _sqlite_connect)
        sa.event.listen(engine, "begin", _sqlite_begin)
        return engine
    engine = sa.create_engine(
        url,
        connect_args={"connect_timeout": max(1, round(timeout))},
        pool_pre_ping=True,
    )
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN, so writes can take the lock up front.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
    finally:
        cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    writing = connection.get_execution_options().get("numclaims_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


@contextlib.contextmanager
def reading(engine: Engine, name: str) -> Iterator[Connection]:
    """A read transaction: one consistent snapshot of the workspace."""
    with translated(name), engine.connect() as connection, connection.begin():
        yield connection


@contextlib.contextmanager
def writing(engine: Engine, name: str) -> Iterator[Connection]:
    """A write transaction holding the workspace's write lock; rolled back on any error."""
    with translated(name), engine.connect() as connection:
        connection.execution_options(numclaims_write=True)
        with connection.begin():
            if engine.dialect.name == "postgresql":
                connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                                   {"key": PG_WRITE_LOCK})
            yield connection


@contextlib.contextmanager
def translated(name: str) -> Iterator[None]:
    """Database errors as one-line :class:`WorkspaceError`s naming the workspace."""
    try:
        yield
    except sa.exc.DBAPIError as exc:
        raise WorkspaceError(f"{name}: {_problem(exc)}") from None


def _problem(exc: sa.exc.DBAPIError) -> str:
    message = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    lowered = message.lower()
    if "locked" in lowered or "busy" in lowered:
        return "the workspace is locked by another program; try again when it has finished"
    if "not a database" in lowered or "malformed" in lowered or "corrupt" in lowered:
        return "the file is damaged or is not a numclaims workspace (SQLite says: " \
            f"{message})"
    if "readonly" in lowered or "read-only" in lowered:
        return "the workspace is read-only here"
    if "unable to open" in lowered:
        return "cannot open the file (is the folder writable?)"
    if exc.connection_invalidated or "connect" in lowered or "connection" in lowered:
        return f"cannot reach the database server ({message})"
    return message


def migrate(engine: Engine, name: str) -> None:
    """Bring the workspace's schema up to this version's, creating it in an empty database.

    A database with tables of its own and none of a workspace's is refused, as is a workspace
    made by a newer numclaims.
    """
    script = ScriptDirectory.from_config(_alembic_config())
    head = script.get_current_head()
    with reading(engine, name) as connection:
        if MigrationContext.configure(connection).get_current_revision() == head:
            return  # the usual case: no write lock needed, so a busy workspace still opens
    with writing(engine, name) as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        tables = set(sa.inspect(connection).get_table_names())
        if current is None and tables - {"alembic_version"} and not tables & OUR_TABLES:
            raise WorkspaceError(f"{name}: this database is not a numclaims workspace")
        known = {revision.revision for revision in script.walk_revisions()}
        if current is not None and current not in known:
            raise WorkspaceError(
                f"{name}: made by a newer numclaims (schema {current}); upgrade numclaims"
            )
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _alembic_config() -> Config:
    config = Config()
    location = resources.files("numclaims.store").joinpath("migrations")
    config.set_main_option("script_location", str(location))
    return config
