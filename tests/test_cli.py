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

from local_site import LocalSite
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
        # a later report that counts fewer dead: a toll cannot fall
        "file,outlet,published\na.txt,Daily A,2024-03-02\nb.txt,Daily B,2024-03-03\n",
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


# --------------------------------------------------------------------------------------------
# The web, standard input's metadata, and the checks that come before the work


def test_extract_a_url_and_a_feed(site: LocalSite, tmp_path: Path) -> None:
    cache = ["--cache-dir", str(tmp_path / "cache")]
    page = run("extract", site.url("/news/a.html"), "--format", "jsonl", *cache)
    assert page.exit_code == 0, page.output
    claims = [json.loads(line) for line in page.stdout.splitlines()]
    assert {c["doc_id"] for c in claims} == {site.url("/news/a.html")}
    assert {c["outlet"] for c in claims} == {"Daily A"}
    assert "40" in {c["surface"].split()[-1] for c in claims}
    fed = CliRunner().invoke(
        cli, ["extract", "--feed", site.url("/feed.xml"), "--format", "jsonl", *cache]
    )
    assert fed.exit_code == 0
    assert {json.loads(line)["outlet"] for line in fed.stdout.splitlines()} == {
        "Daily A",
        "Daily B",
    }
    assert fed.stderr.splitlines() == [
        f"Error: {site.url('/news/missing.html')}: HTTP 404 Not Found"
    ]


def test_compare_a_file_of_urls_names_the_conflicting_groups(
    site: LocalSite, tmp_path: Path
) -> None:
    links = tmp_path / "links.txt"
    links.write_text(
        f"{site.url('/news/a.html')}\n{site.url('/news/b.html')}\n{site.url('/loop')}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        ["compare", "--urls", str(links), "--fail-on", "conflict", "--cache-dir", str(tmp_path)],
    )
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors[0] == f"Error: {site.url('/loop')}: too many redirects (more than 5)"
    assert errors[1] == "1 input failed (listed above); the report covers the 2 articles read."
    conflicts = [line for line in errors if line.startswith("Conflict: ")]
    assert conflicts and any("40" in line and "Three" in line for line in conflicts), errors


def test_standard_input_takes_an_outlet_and_a_date() -> None:
    text = "Flood\nAt least 40 people were killed in the floods since Monday, police said.\n"
    result = run(
        "extract", "-", "--outlet", "Daily A", "--published", "2024-03-02", "--format", "json",
        stdin=text,
    )
    assert result.exit_code == 0, result.output
    (claim,) = json.loads(result.output)
    assert (claim["outlet"], claim["published"]) == ("Daily A", "2024-03-02")
    assert claim["period_start"] == "2024-02-26"  # "since Monday" resolved against the date


def test_outlet_without_standard_input_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["extract", "seeds", "--outlet", "RT"])
    assert result.exit_code == 2 and "standard input" in result.stderr


@pytest.mark.parametrize("target", ["missing-dir/claims.json", "."])
def test_an_unwritable_output_fails_before_any_work(
    site: LocalSite, tmp_path: Path, target: str
) -> None:
    before = sum(site.hits.values())
    output = str(tmp_path / target)
    result = CliRunner().invoke(cli, ["extract", site.url("/news/b.html"), "-o", output])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {output}: cannot write")
    assert "Traceback" not in result.output
    assert sum(site.hits.values()) == before  # nothing was fetched


def test_a_missing_meta_file_is_one_error_line_and_the_rest_is_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Headline\n" + RT_LINE, encoding="utf-8")
    missing = tmp_path / "nope.csv"
    result = CliRunner().invoke(cli, ["extract", str(good), "--meta", str(missing)])
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"Error: {missing}: no such file or directory"]


def test_an_unreadable_file_does_not_stop_the_option_parser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import os

    locked = tmp_path / "locked.txt"
    locked.write_text("Headline\n" + RT_LINE, encoding="utf-8")
    real_open = os.open

    def deny(path: object, flags: int, *args: object) -> int:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    # As a user without the permission sees it: click's own readable check would say no.
    monkeypatch.setattr(os, "access", lambda path, *_args, **_kw: str(path) != str(locked))
    monkeypatch.setattr(os, "open", deny)
    arguments = ["extract", str(locked), "-", "--format", "csv"]
    result = CliRunner().invoke(cli, arguments, input=RT_LINE)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [f"Error: {locked}: permission denied"]
    assert "400" in result.stdout


def test_a_file_name_with_a_newline_gives_one_error_line(tmp_path: Path) -> None:
    forged = tmp_path / "x.txt\nError: seeds are fine"
    forged.write_bytes(b"\x00")
    result = CliRunner().invoke(cli, ["extract", str(forged), "seeds"])
    assert result.exit_code == 0
    assert len(result.stderr.splitlines()) == 1 and "\\n" in result.stderr


def test_parquet_output_holds_the_same_claims_as_jsonl(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    jsonl = run("extract", "seeds", "--format", "jsonl")
    target = tmp_path / "claims.parquet"
    assert run("extract", "seeds", "--format", "parquet", "-o", str(target)).exit_code == 0
    rows = pq.read_table(target).to_pylist()
    assert rows == [json.loads(line) for line in jsonl.stdout.splitlines()]


def test_parquet_to_standard_output_is_refused() -> None:
    result = CliRunner().invoke(cli, ["extract", "seeds", "--format", "parquet"])
    assert result.exit_code == 2 and "-o FILE" in result.stderr


def test_no_progress_bar_when_standard_error_is_not_a_terminal() -> None:
    result = CliRunner().invoke(cli, ["extract", "seeds", "--format", "csv"])
    assert result.stderr == ""
