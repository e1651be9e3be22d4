"""Shared fixtures: the seed articles, the hand-made gold answers and the peer's specs.

The gold and peer material live in ``../shared/`` beside the repository (read-only); set
``NUMCLAIMS_SHARED`` to point elsewhere.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from local_site import LocalSite
from numclaims.read.web import CACHE_ENV

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("NUMCLAIMS_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold"
PEER = SHARED / "peer" / "recognizers-text"
#: Without ../shared, every test that reads it is skipped with this one reason.
SHARED_MISSING = not GOLD.is_dir()
NEEDS_SHARED = (
    f"needs the gold answers and the peer's specs in {SHARED}, which is not there "
    "(check out shared/ beside the repository, or set NUMCLAIMS_SHARED)"
)
#: The fixtures that read ../shared; tests of a module marked ``pytestmark =
#: pytest.mark.shared`` need it too.
SHARED_FIXTURES = frozenset({"gold_claims", "gold_negatives", "gold_groups", "gold_articles"})


def shared_records(name: str) -> list[dict[str, Any]]:
    """The records of a gold JSONL file, or none without ../shared (their tests are skipped)."""
    return [] if SHARED_MISSING else _jsonl(GOLD / name)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "shared: reads ../shared (the gold and the peer's specs)")


def pytest_report_header(config: pytest.Config) -> str | None:
    return f"numclaims: {NEEDS_SHARED}; those tests are skipped" if SHARED_MISSING else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not SHARED_MISSING:
        return
    skip = pytest.mark.skip(reason=NEEDS_SHARED)
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        # a parametrization over gold records that are not there
        empty = any(
            str(mark.kwargs.get("reason", "")).startswith("got empty parameter set")
            for mark in item.iter_markers("skip")
        )
        if fixtures & SHARED_FIXTURES or item.get_closest_marker("shared") or empty:
            item.add_marker(skip, append=False)


def load_script(name: str) -> ModuleType:
    """A script of ``scripts/`` imported as a module, so a test can call its scoring function."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def gold_claims() -> list[dict[str, Any]]:
    """The 14 hand-annotated claims of ``seeds.jsonl``."""
    return _jsonl(GOLD / "seeds.jsonl")


@pytest.fixture(scope="session")
def gold_negatives() -> list[dict[str, Any]]:
    """Surfaces in the seeds that must not come out as claims."""
    return _jsonl(GOLD / "seeds-negatives.jsonl")


@pytest.fixture(scope="session")
def gold_groups() -> dict[str, Any]:
    """The seven expected groups with their accepted verdicts."""
    return json.loads((GOLD / "seeds-groups.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gold_articles() -> dict[str, dict[str, str]]:
    """What a user knows of each seed article (outlet, date and its precision), by file name."""
    with (GOLD / "seeds-articles.csv").open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The seed articles' raw text, by file name."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}


# --------------------------------------------------------------------------------------------
# Workspaces: SQLite files and a real PostgreSQL server this session starts itself


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit()
                   else 0)
    return found[-1].parent if found else None


class PostgresServer:
    """A throw-away PostgreSQL cluster in a temporary folder, reached on a unix socket only
    (``listen_addresses`` is empty, so it opens no TCP port). As root, the server runs as the
    ``postgres`` user (or ``nobody``), since PostgreSQL refuses to run as root."""

    def __init__(self, bindir: Path) -> None:
        import shutil
        import subprocess
        import tempfile

        self.bindir = bindir
        self.folder = Path(tempfile.mkdtemp(prefix="numclaims-pg-"))
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            import pwd

            user = "postgres"
            try:
                pwd.getpwnam(user)
            except KeyError:
                user = "nobody"
            self.prefix = ["runuser", "-u", user, "--"]
            shutil.chown(self.folder, user=user)
        self.data = self.folder / "data"
        self.run = subprocess.run
        self._call("initdb", "-D", str(self.data), "-U", "numclaims", "-A", "trust",
                   "-E", "UTF8", "--no-instructions")
        self._call("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "server.log"),
                   "-w", "-t", "60", "-o",
                   f"-k {self.folder} -c listen_addresses='' -c fsync=off -p 5432",
                   "start")
        self.databases = 0

    def _call(self, program: str, *args: str) -> None:
        result = self.run([*self.prefix, str(self.bindir / program), *args],
                          capture_output=True, text=True, cwd=self.folder)
        if result.returncode != 0:
            raise RuntimeError(f"{program} failed: {result.stdout}{result.stderr}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://numclaims@/{database}?host={self.folder}&port=5432"

    def new_database(self) -> str:
        """The URL of a new, empty database on this server."""
        import psycopg

        self.databases += 1
        name = f"story_{self.databases}"
        with psycopg.connect(host=str(self.folder), port=5432, user="numclaims",
                             dbname="postgres", autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {name}")
        return self.url(name)

    def stop(self) -> None:
        import shutil

        try:
            self._call("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Any:
    """A PostgreSQL server for the store's tests; skipped only where its binaries are absent
    (and never in CI, which installs them)."""
    bindir = _postgres_bin()
    if bindir is None:
        message = ("PostgreSQL server binaries not found under /usr/lib/postgresql: "
                   "apt-get install postgresql to run the workspace tests on PostgreSQL")
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    server = PostgresServer(bindir)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def workspace_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty workspace's address: an SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "story.db")
    return str(request.getfixturevalue("postgres_server").new_database())


class RecordingExtractor:
    """The real extractor, run once per article text and date for the whole session, that
    records which articles each call was asked to extract."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, object], list[Any]] = {}
        self.calls: list[list[str]] = []

    def __call__(self, documents: list[Any]) -> list[Any]:
        import dataclasses

        from numclaims.extract import extract_documents

        self.calls.append([d.doc_id for d in documents])
        todo = {(d.text, d.published): d for d in documents
                if (d.text, d.published) not in self.cache}
        if todo:
            found = extract_documents(list(todo.values()))
            for key, document in todo.items():
                self.cache[key] = [c for c in found if c.doc_id == document.doc_id]
        return [
            dataclasses.replace(claim, doc_id=d.doc_id)
            for d in documents for claim in self.cache[(d.text, d.published)]
        ]


@pytest.fixture(scope="session")
def session_extractor() -> RecordingExtractor:
    return RecordingExtractor()


@pytest.fixture
def extractor(session_extractor: RecordingExtractor) -> RecordingExtractor:
    """The session's extractor with its record of calls emptied."""
    session_extractor.calls.clear()
    return session_extractor


@pytest.fixture(scope="session")
def seed_documents() -> list[Any]:
    from numclaims.read import read_paths

    return read_paths([str(SEEDS)]).documents

@pytest.fixture(scope="session", autouse=True)
def user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The dashboard's default workspace lives in a folder of the test run, never the user's."""
    folder = tmp_path_factory.mktemp("user-data")
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = before


@pytest.fixture(scope="session")
def seeds_workspace(tmp_path_factory: pytest.TempPathFactory,
                    session_extractor: RecordingExtractor, seed_documents: list[Any]) -> Path:
    """A workspace holding the seeds, made once for the session: copy it, never open it."""
    from numclaims.store import open_workspace

    path = tmp_path_factory.mktemp("seeds-workspace") / "story.db"
    with open_workspace(path) as ws:
        ws.add_documents(seed_documents, extract=session_extractor)
    return path


def copy_of(template: Path, folder: Path) -> Path:
    """A copy of the workspace file ``template`` in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "story.db"
    path.write_bytes(template.read_bytes())
    return path


@pytest.fixture
def seeds_copy(seeds_workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the seeds' workspace, which the dashboard opens (``NUMCLAIMS_DB``)."""
    path = copy_of(seeds_workspace, tmp_path / "workspace")
    monkeypatch.setenv("NUMCLAIMS_DB", str(path))
    return path


@pytest.fixture(scope="session", autouse=True)
def page_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Fetched pages go to a folder of the test run, never the user's cache."""
    folder = tmp_path_factory.mktemp("page-cache")
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


@pytest.fixture(scope="session")
def site() -> Iterator[LocalSite]:
    """A news site on 127.0.0.1 (see ``local_site.py``), for the whole test session."""
    with LocalSite() as running:
        yield running
