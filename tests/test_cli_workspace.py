"""The workspace commands: add, groups, review, correct, not-a-claim, move, split, merge, log,
export, settings, reextract."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from numclaims.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = str(ROOT / "seeds")


def run(*args: str, db: Path | None = None, ok: bool = True) -> Any:
    env = {"NUMCLAIMS_DB": str(db) if db else "", "NUMCLAIMS_REVIEWER": "ana"}
    result = CliRunner().invoke(cli, list(args), env=env)
    if ok:
        assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the seeds, made once; tests copy it."""
    db = tmp_path_factory.mktemp("story") / "story.db"
    first = run("add", SEEDS, db=db)
    assert first.stdout.startswith("Added 5 articles with 14 claims; 0 articles already")
    return db


@pytest.fixture
def db(story: Path, tmp_path: Path) -> Path:
    from numclaims.store import open_workspace

    copy = tmp_path / "story.db"
    with open_workspace(story):  # checkpoints the WAL into the file
        pass
    copy.write_bytes(story.read_bytes())
    return copy


def groups(db: Path) -> dict[str, str]:
    lines = run("groups", db=db).stdout.splitlines()
    return {line.split()[0]: line for line in lines}


def group_holding(db: Path, *surfaces: str) -> tuple[str, dict[str, str]]:
    """The id of the group holding these figures, and its claims' ids by figure."""
    current, found = None, {}
    members: dict[str, dict[str, str]] = {}
    for line in run("groups", "--claims", db=db).stdout.splitlines():
        if re.match(r"^g[0-9a-f]{10} ", line):
            current = line.split()[0]
            members[current] = {}
        elif current and line.startswith("      a"):
            cid, rest = line.split(None, 1)
            surface = re.split(r"\s{2,}", rest.strip())[0]
            members[current][surface] = cid
    for gid, claims in members.items():
        if set(surfaces) <= set(claims):
            found = claims
            return gid, found
    raise AssertionError(f"no group holds {surfaces}: {members}")


def test_adding_again_extracts_nothing_and_paths_do_not_matter(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    before = groups(db)
    for spelling in ("seeds", "./seeds/"):
        result = run("add", spelling, db=db)
        assert result.stdout.strip() == (
            "Added 0 articles with 0 claims; 5 articles already in the workspace.")
    assert groups(db) == before and len(before) == 7
    assert all(re.match(r"^g[0-9a-f]{10}$", gid) for gid in before)


def test_review_correct_and_the_log(db: Path) -> None:
    gid, claims = group_holding(db, "thousands", "at least 6,000")
    result = run("review", gid, "--verdict", "conflict", "--note", "6,000 is <i>another</i> year",
                 db=db)
    assert result.stdout.startswith("Recorded decision 1: ")
    assert "conflict (computed consistent)" in groups(db)[gid]
    run("review", gid, "--status", "needs-work", db=db)
    assert "needs work" in groups(db)[gid]
    run("correct", claims["at least 6,000"], "--value", "6,500", "--attribution", "WSJ", db=db)
    listing = run("groups", "--claims", db=db).stdout
    assert f"{claims['at least 6,000']}" in listing and "[corrected: value, attribution]" in listing
    log = run("log", db=db).stdout.splitlines()
    assert len(log) == 3 and all("ana" in line for line in log)
    assert "verdict conflict — 6,000 is <i>another</i> year" in log[0]
    assert "corrected value = 6500.0, attribution = WSJ" in log[2]
    entries = json.loads(run("log", "--format", "json", db=db).stdout)
    assert [e["kind"] for e in entries] == ["review", "review", "correct"]


def test_exports_carry_the_review_beside_the_computed_verdict(db: Path) -> None:
    gid, _ = group_holding(db, "thousands", "at least 6,000")
    run("review", gid, "--verdict", "conflict", "--note", "6,000 is <i>another</i> year", db=db)
    markdown = run("export", db=db).stdout
    assert "drones produced — conflict (reviewer; computed: consistent)" in markdown
    assert r"6,000 is \<i\>another\</i\> year" in markdown
    page = run("export", "--format", "html", db=db).stdout
    assert "6,000 is &lt;i&gt;another&lt;/i&gt; year" in page and "<i>another" not in page
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv", db=db).stdout)))
    reviewed = [r for r in rows if r["group_id"] == gid]
    assert reviewed and all(r["reviewed_verdict"] == "conflict" for r in reviewed)
    assert all(r["verdict"] == "consistent" for r in reviewed)
    data = json.loads(run("export", "--format", "json", db=db).stdout)
    [group] = [g for g in data["groups"] if g["id"] == gid]
    assert group["review"]["reviewed_verdict"] == "conflict"
    assert group["review"]["reviewed_by"] == "ana"


def test_claimreview_needs_the_settings_first(db: Path, tmp_path: Path) -> None:
    gid, _ = group_holding(db, "400", "more than 400")
    run("review", gid, "--verdict", "confirm", db=db)
    refused = run("export", "--format", "claimreview", db=db, ok=False)
    assert refused.exit_code == 2 and "settings" in refused.stderr
    run("settings", "--organisation", "Example Check", "--review-url",
        "https://example.org/checks/{group}", db=db)
    out = tmp_path / "claimreview.json"
    run("export", "--format", "claimreview", "-o", str(out), db=db)
    [review] = json.loads(out.read_text(encoding="utf-8"))
    assert review["url"] == f"https://example.org/checks/{gid}"
    assert review["author"]["name"] == "Example Check"


def test_not_a_claim_move_split_and_merge(db: Path) -> None:
    deployed, claims = group_holding(db, "400", "more than 400")
    produced, _ = group_holding(db, "thousands", "at least 6,000")
    run("move", claims["400"], "--to", produced, db=db)
    assert group_holding(db, "400", "thousands")[0] == produced
    run("split", produced, claims["400"], db=db)
    alone, _ = group_holding(db, "400")
    assert alone not in (produced, deployed)
    run("merge", alone, "--into", deployed, db=db)
    assert group_holding(db, "400", "more than 400")[0] == deployed
    run("not-a-claim", claims["400"], "--note", "a model number", db=db)
    listing = run("groups", "--claims", db=db).stdout
    assert listing.split("Not claims:")[1].strip().startswith(claims["400"])
    run("not-a-claim", claims["400"], "--undo", db=db)
    assert "Not claims:" not in run("groups", "--claims", db=db).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "g0000000000", "--verdict", "conflict"], "no such group"),
        (["review", "{group}", "--verdict", "maybe"], "is not one of"),
        (["correct", "{claim}", "--value", "lots"], "'lots' is not a number"),
        (["correct", "a000000000000:0-3", "--value", "4"], "no such claim"),
        (["move", "{claim}", "--to", "gnope"], "no such group"),
        (["split", "{group}", "a000000000000:0-3"], "not in group"),
        (["merge", "{group}", "--into", "{group}"], "into itself"),
        (["settings", "--review-url", "ftp://example.org"], "not an http"),
        (["move", "{claim}"], "Missing option '--to'"),
        (["review", "{group}", "--colour", "red"], "No such option"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(db: Path, args: list[str],
                                                   message: str) -> None:
    gid, claims = group_holding(db, "400", "more than 400")
    filled = [a.replace("{group}", gid).replace("{claim}", claims["400"]) for a in args]
    before = db.read_bytes(), run("log", db=db).stdout
    result = run(*filled, db=db, ok=False)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and message in lines[0], lines
    assert run("log", db=db).stdout == before[1] == "No decisions yet.\n"


def test_reextract_keeps_ids_and_decisions(db: Path) -> None:
    gid, _ = group_holding(db, "400", "more than 400")
    run("review", gid, "--verdict", "conflict", db=db)
    assert run("reextract", db=db).stdout.strip() == "Extracted 14 claims again."
    assert "conflict (computed consistent)" in groups(db)[gid]


def test_add_reads_standard_input(db: Path) -> None:
    pasted = ("US officials said Russia has deployed 300 Iranian-made attack drones against "
              "Ukraine since August 2022.\n")
    result = CliRunner().invoke(cli, ["add", "-", "--db", str(db)], input=pasted)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Added 1 article with ")
