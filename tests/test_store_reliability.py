"""The workspace under stress: a writer killed mid-way, two writers at once, a locked, damaged
or foreign database, a server that is not there. Each failure is one line, and the workspace
is left as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from numclaims.cli import cli
from numclaims.store import open_workspace

ROOT = Path(__file__).resolve().parents[1]

# Records notes on the first group until killed, printing each one's number once committed.
NOTE_WRITER = """
import sys
from numclaims.store import open_workspace
ws = open_workspace(sys.argv[1])
group = ws.comparison().comparison.groups[0].id
print("ready", flush=True)
sys.stdin.readline()
for i in range(int(sys.argv[3])):
    ws.review(group, note=f"{sys.argv[2]}-{i}", author=sys.argv[2])
    print(i, flush=True)
"""

# Adds batches of made-up articles (claims made up too: no model needed) until killed.
ARTICLE_WRITER = """
import sys
from numclaims.models import Claim
from numclaims.read import make_document
from numclaims.store import open_workspace

def extract(documents):
    return [Claim(doc_id=d.doc_id, sentence=d.text, start=0, end=3, surface="400",
                  value=400.0, lower=400.0, upper=400.0, qualifier="=", entity="drone",
                  event="deploy") for d in documents]

ws = open_workspace(sys.argv[1])
print("ready", flush=True)
for batch in range(1000):
    documents = [make_document(f"400 drones were deployed, report {batch}-{n}. " * 40,
                               doc_id=f"{batch}-{n}") for n in range(200)]
    ws.add_documents(documents, extract=extract)
    print(batch, flush=True)
"""


def writer(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        cwd=ROOT,
    )


def committed_until_killed(process: subprocess.Popen[str], enough: int) -> list[str]:
    """Let the writer commit ``enough`` times, kill it with SIGKILL, and return every line it
    printed (each one a write that had committed)."""
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "ready", process.stderr
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()
    lines = []
    for line in process.stdout:
        lines.append(line.strip())
        if len(lines) >= enough:
            break
    os.kill(process.pid, signal.SIGKILL)
    rest, _ = process.communicate()  # what it printed before the kill; closes the pipes
    assert process.returncode == -signal.SIGKILL
    return lines + rest.split()


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


@pytest.fixture
def seeded(tmp_path: Path, extractor: Any, seed_documents: list[Any]) -> Path:
    path = tmp_path / "story.db"
    with open_workspace(path) as ws:
        ws.add_documents(seed_documents, extract=extractor)
    return path


def test_a_decision_writer_killed_mid_way_leaves_every_committed_decision(
    seeded: Path,
) -> None:
    lines = committed_until_killed(writer(NOTE_WRITER, str(seeded), "ana", "100000"), 15)
    assert integrity(seeded) == "ok"
    with open_workspace(seeded) as ws:
        notes = {d.note for d in ws.decisions()}
        ws.review(ws.comparison().comparison.groups[0].id, note="after the crash")
    assert {f"ana-{i}" for i in lines} <= notes
    assert integrity(seeded) == "ok"


def test_an_article_writer_killed_mid_batch_leaves_whole_batches(tmp_path: Path) -> None:
    path = tmp_path / "story.db"
    open_workspace(path).close()
    process = writer(ARTICLE_WRITER, str(path))
    lines = committed_until_killed(process, 3)
    assert integrity(path) == "ok"
    with open_workspace(path) as ws:
        documents = ws.documents()
        claims = ws.comparison().claims
    batches = len(documents) // 200
    assert len(documents) % 200 == 0 and batches >= len(lines)  # no half batch
    assert len(claims) == len(documents)


def test_two_writers_at_once_lose_nothing(workspace_url: str, extractor: Any,
                                          seed_documents: list[Any]) -> None:
    with open_workspace(workspace_url) as ws:
        ws.add_documents(seed_documents, extract=extractor)
    count = 20
    processes = [writer(NOTE_WRITER, workspace_url, name, str(count)) for name in ("ana", "bo")]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready", process.communicate()[1]
    for process in processes:  # both start writing at once
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    for process in processes:
        _, errors = process.communicate(timeout=300)
        assert process.returncode == 0, errors
    with open_workspace(workspace_url) as ws:
        decisions = ws.decisions()
        group = ws.comparison().comparison.groups[0]
        notes = ws.comparison().reviews[group.id].notes
    expected = {f"{name}-{i}" for name in ("ana", "bo") for i in range(count)}
    assert {d.note for d in decisions} == expected
    assert len({d.seq for d in decisions}) == 2 * count
    assert len(notes) == 2 * count


def cli_run(*args: str, env: dict[str, str] | None = None) -> Any:
    return CliRunner().invoke(cli, list(args), env=env)


def one_error_line(result: Any) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    return str(lines[0])


def test_a_locked_workspace_is_one_line_and_unchanged(seeded: Path) -> None:
    with open_workspace(seeded) as ws:
        group = ws.comparison().comparison.groups[0].id
    holder = sqlite3.connect(seeded, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        result = cli_run("review", group, "--verdict", "conflict", "--db", str(seeded),
                         env={"NUMCLAIMS_DB_TIMEOUT": "0.2"})
        assert "locked" in one_error_line(result)
        # Reading still works while another program writes.
        assert cli_run("groups", "--db", str(seeded)).exit_code == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    with open_workspace(seeded) as ws:
        assert ws.decisions() == []


def test_a_damaged_file_is_one_line_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "story.db"
    garbage = b"\x89 not a database at all \x00" * 400
    path.write_bytes(garbage)
    for command in (["groups"], ["review", "g1234567890", "--verdict", "conflict"]):
        line = one_error_line(cli_run(*command, "--db", str(path)))
        assert "damaged" in line and str(path) in line
    assert path.read_bytes() == garbage


def test_a_half_written_workspace_is_refused(seeded: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.db"
    with open_workspace(seeded):
        pass
    cut.write_bytes(seeded.read_bytes()[:8192])  # the first pages only: a copy cut short
    result = cli_run("groups", "--db", str(cut))
    assert result.exit_code == 2
    assert one_error_line(result)


def test_a_database_that_is_not_a_workspace_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE people (name TEXT)")
    line = one_error_line(cli_run("groups", "--db", str(path)))
    assert "not a numclaims workspace" in line
    with sqlite3.connect(path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert tables == {"people"}


def test_a_server_that_is_not_there_is_one_line_without_the_password() -> None:
    url = "postgresql://ana:secret@127.0.0.1:1/story"  # loopback, a port nothing listens on
    line = one_error_line(cli_run("groups", "--db", url, env={"NUMCLAIMS_DB_TIMEOUT": "1"}))
    assert "cannot reach the database server" in line and "secret" not in line


def test_no_workspace_given_is_one_line() -> None:
    line = one_error_line(cli_run("groups", env={"NUMCLAIMS_DB": ""}))
    assert "--db" in line
