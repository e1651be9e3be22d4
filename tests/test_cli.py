"""The ``numclaims`` command, run as a user would: arguments in, text and exit status out."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from numclaims.cli import cli
from numclaims.models import CLAIM_FIELDS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")

RT_LINE = (
    "Russian forces have already deployed 400 Iranian-made attack drones since August, "
    "according to the report.\n"
)


def run(*args: str, stdin: str | None = None) -> click.testing.Result:
    return CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_is_documented_and_has_help(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output
    assert f"numclaims {command}" in README, f"the README does not show `numclaims {command}`"


def test_extract_jsonl_has_the_stable_field_names() -> None:
    result = run("extract", "seeds", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    claims = [json.loads(line) for line in result.output.splitlines()]
    assert claims and all(list(claim) == list(CLAIM_FIELDS) for claim in claims)
    assert {claim["doc_id"] for claim in claims} >= {"seeds/004_b137af0b349f0bed.txt"}


def test_extract_reads_standard_input() -> None:
    result = run("extract", "-", "--format", "json", stdin=RT_LINE)
    assert result.exit_code == 0, result.output
    [claim] = json.loads(result.output)
    assert (claim["doc_id"], claim["surface"], claim["entity"]) == ("-", "400", "drone")


def test_a_jsonl_corpus_gives_each_claim_its_line_id(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        json.dumps({"id": "rt-1", "text": RT_LINE, "published": "2022-11-20"}) + "\n",
        encoding="utf-8",
    )
    result = run("extract", str(corpus), "--format", "jsonl")
    assert [json.loads(line)["doc_id"] for line in result.output.splitlines()] == ["rt-1"]


def test_one_bad_input_is_reported_and_the_others_are_read(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    good = tmp_path / "good.txt"
    good.write_text("Headline\n" + RT_LINE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(binary), str(good), "--format", "csv"])
    assert result.exit_code == 0
    assert "400" in result.stdout
    [error] = result.stderr.splitlines()
    assert error.startswith(f"Error: {binary}: ")


def test_nothing_readable_exits_2_with_one_line_per_input(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(empty), str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 2
    assert "Traceback" not in result.output


def test_output_file(tmp_path: Path) -> None:
    target = tmp_path / "claims.csv"
    result = run("extract", "-", "--format", "csv", "-o", str(target), stdin=RT_LINE)
    assert result.exit_code == 0 and result.output == ""
    assert target.read_text(encoding="utf-8").splitlines()[0].split(",")[:3] == [
        "doc_id",
        "sentence",
        "start",
    ]


def test_compare_seeds_json_has_the_stable_shape() -> None:
    result = run("compare", "seeds", "--format", "json")
    assert result.exit_code == 0, result.output
    groups = json.loads(result.output)["groups"]
    assert len(groups) == 7  # the seven groups of ../shared/gold/seeds-groups.json, no others
    assert {"id", "label", "verdict", "reason", "origins", "notes", "claims"} <= set(groups[0])
    assert set(CLAIM_FIELDS) <= set(groups[0]["claims"][0])


def test_fail_on_conflict_exits_1_when_reports_conflict(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Flood\nAt least 40 people were killed in the floods, police said.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Flood\nThree people were killed in the floods, police said.\n", encoding="utf-8"
    )
    (tmp_path / "articles.csv").write_text(
        "file,outlet,published\na.txt,Daily A,2024-03-02\nb.txt,Daily B,2024-03-02\n",
        encoding="utf-8",
    )
    plain = run("compare", str(tmp_path))
    assert plain.exit_code == 0
    assert re.search(r"conflict", plain.output)
    strict = CliRunner().invoke(cli, ["compare", str(tmp_path), "--fail-on", "conflict"])
    assert strict.exit_code == 1


def test_python_dash_m_numclaims_is_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "numclaims", "--help"], capture_output=True, text=True, check=True
    )
    assert "extract" in result.stdout and "compare" in result.stdout
