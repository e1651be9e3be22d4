"""The batch runner: the same claims on a Dask cluster as in one process, streamed partitions,
one bad article one problem, and the progress bar.

Two clusters are started in this file, each of two worker processes (about five seconds
each): one by ``run(workers=2)``, one shared by the tests that use ``--scheduler``.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from numclaims.batch import (
    ListSink,
    Partition,
    PartitionResult,
    Progress,
    Sources,
    extract_claims,
    extract_each,
    partitions,
    run,
    run_partition,
)
from numclaims.batch import progress as progress_module
from numclaims.cli import cli
from numclaims.extract import extract_documents
from numclaims.models import Document, ReadProblem
from numclaims.read import Record, iter_inputs, make_document, read_paths

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data" / "documents"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty varied articles: the seeds with their dates, news sentences grouped into stories,
    an HTML record, and two bad lines."""
    rows: list[dict[str, object]] = []
    for number, path in enumerate(sorted(SEEDS.glob("*.txt"))):
        rows.append({"id": f"seed-{number}", "text": path.read_text(encoding="utf-8")})
    sentences = [
        json.loads(line)["sentence"]
        for line in (ROOT / "tests/data/news_sentences.jsonl").read_text().splitlines()[:60]
    ]
    for story in range(12):
        text = "\n\n".join(sentences[story * 5 : story * 5 + 5])
        rows.append({"id": f"story-{story}", "text": f"Story {story}\n\n{text}",
                     "published": f"2023-0{story % 9 + 1}-1{story % 9}", "outlet": f"O{story % 3}"})
    html = next(
        json.loads(line)
        for line in (DATA / "corpus.jsonl").read_text().splitlines()
        if '"html-1"' in line
    )
    rows.append(html)
    lines = [json.dumps(row) for row in rows]
    lines.insert(3, '{"id": "cut off", "text": ')
    lines.insert(9, json.dumps({"id": "no-text", "outlet": "Nowhere"}))
    path = tmp_path_factory.mktemp("batch") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A running two-worker cluster, as a newsroom's would be, for ``--scheduler``."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


def single_process(path: Path) -> tuple[list[object], list[ReadProblem]]:
    read = read_paths([str(path)])
    return extract_documents(read.documents), read.problems


def test_two_workers_give_exactly_the_claims_of_one_process(corpus: Path) -> None:
    expected, problems = single_process(corpus)
    kept = ListSink()
    summary = run(
        iter_inputs([str(corpus)]),
        write=lambda result: kept.write(result.claims),
        workers=2,
        partition_size=3,  # seven partitions over the two workers
    )
    assert summary.workers == 2
    assert len(expected) > 50
    assert kept.claims == expected
    assert summary.problems == problems
    assert (summary.articles, summary.read) == (19, 18)  # one record has no article


def test_the_cli_on_a_running_cluster_writes_what_one_process_writes(
    corpus: Path, scheduler: str, tmp_path: Path
) -> None:
    plain = CliRunner().invoke(cli, ["extract", str(corpus), "--format", "jsonl"])
    assert plain.exit_code == 0
    target = tmp_path / "claims.jsonl"
    on_cluster = CliRunner().invoke(
        cli,
        ["extract", str(corpus), "--scheduler", scheduler, "--format", "jsonl", "-o", str(target)],
    )
    assert on_cluster.exit_code == 0, on_cluster.output
    assert target.read_text(encoding="utf-8") == plain.stdout
    assert on_cluster.stderr == plain.stderr
    assert len(plain.stderr.splitlines()) == 2  # the two bad lines, one line each


def test_parquet_in_and_out_on_a_cluster(corpus: Path, scheduler: str, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    lines = [line for line in corpus.read_text().splitlines() if not line.endswith(": ")]
    good = [row for row in map(json.loads, lines) if "text" in row or "html" in row]
    columns = ("id", "text", "html", "outlet", "published")
    table = pa.Table.from_pylist([{key: row.get(key) for key in columns} for row in good])
    source = tmp_path / "corpus.parquet"
    pq.write_table(table, source, row_group_size=4)
    target = tmp_path / "claims.parquet"
    result = CliRunner().invoke(
        cli,
        ["extract", str(source), "--scheduler", scheduler, "--format", "parquet", "-o",
         str(target)],
    )
    assert result.exit_code == 0, result.output
    expected, _ = single_process(corpus)
    found = pq.read_table(target).to_pylist()
    assert [row["surface"] for row in found] == [claim.surface for claim in expected]  # type: ignore[attr-defined]


def test_compare_on_a_cluster_groups_the_gathered_claims(
    scheduler: str, tmp_path: Path
) -> None:
    story = tmp_path / "story.jsonl"
    story.write_text(
        json.dumps({"id": "a", "outlet": "Daily A", "published": "2024-03-02",
                    "text": "Flood\nAt least 40 people were killed in the floods, police said."})
        + "\n"
        + json.dumps({"id": "b", "outlet": "Daily B", "published": "2024-03-03",  # fewer, later
                      "text": "Flood\nThree people were killed in the floods, police said."})
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["compare", str(story), "--scheduler", scheduler, "--fail-on", "conflict"]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("Conflict: ")


def test_a_bad_record_on_a_worker_is_one_problem_and_the_rest_go_on(scheduler: str) -> None:
    good = make_document("Flood\nAt least 40 people were killed, police said.\n", doc_id="good")
    broken = Record("corpus.jsonl:2", ["not", "a", "mapping"])  # type: ignore[arg-type]
    kept = ListSink()
    summary = run(
        iter([good, broken]), write=lambda result: kept.write(result.claims), scheduler=scheduler
    )
    assert [claim.doc_id for claim in kept.claims] == ["good"]
    [problem] = summary.problems
    assert problem.source == "corpus.jsonl:2"
    assert problem.problem.startswith("cannot read the article: AttributeError")


# --------------------------------------------------------------------------------------------
# In one process


def test_partitions_stream_and_carry_the_problems_met_before_them() -> None:
    taken: list[int] = []

    def inputs() -> Iterator[Document | ReadProblem]:
        for number in range(10):
            taken.append(number)
            if number == 4:
                yield ReadProblem("x:5", "not valid JSON")
            else:
                yield make_document(f"{number} drones were seen.", doc_id=str(number))

    stream = partitions(inputs(), size=3)
    first = next(stream)
    assert [d.doc_id for d in first.items] == ["0", "1", "2"]  # type: ignore[union-attr]
    assert taken == [0, 1, 2]  # nothing read past the partition
    second = next(stream)
    assert second.problems == [ReadProblem("x:5", "not valid JSON")]
    assert [d.doc_id for d in second.items] == ["3", "5", "6"]  # type: ignore[union-attr]
    assert [p.index for p in [first, second, *stream]] == [0, 1, 2]


def test_one_article_that_breaks_the_extractor_is_one_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from numclaims.extract import claims as claims_module

    documents = [
        make_document("Flood\nAt least 40 people were killed.\n", doc_id="a"),
        make_document("Storm\nThey counted 500 drones.\n", doc_id="poison"),
        make_document("Fire\nMore than 300 homes burned.\n", doc_id="c"),
    ]
    real = claims_module._claims_in_sentence

    def fragile(candidate: Any, *args: Any) -> Any:
        if candidate.document.doc_id == "poison":
            raise OverflowError("cannot convert float infinity to integer")
        return real(candidate, *args)

    monkeypatch.setattr(claims_module, "_claims_in_sentence", fragile)
    seen: list[tuple[int, int]] = []
    claims, problems = extract_each(documents, progress=lambda a, c: seen.append((a, c)))
    assert sorted({claim.doc_id for claim in claims}) == ["a", "c"]
    assert problems == [
        ReadProblem(
            "poison", "could not be read for figures (OverflowError: cannot convert float "
            "infinity to integer)"
        )
    ]
    assert seen == [(3, len(claims))]


def test_run_partition_reads_records_and_keeps_their_problems_in_order() -> None:
    part = Partition(
        0,
        items=[Record("c.jsonl:1", {"id": "x", "text": "Officials counted 40 drones."}),
               Record("c.jsonl:2", {"id": "y", "published": "soon", "text": "5 drones."})],
        problems=[ReadProblem("c.jsonl:0", "before")],
    )
    result = run_partition(part)
    assert isinstance(result, PartitionResult)
    assert [p.source for p in result.problems] == ["c.jsonl:0", "c.jsonl:2"]
    assert {claim.doc_id for claim in result.claims} == {"x"}
    assert (result.articles, result.read) == (2, 1)


def test_extract_claims_in_one_process_is_the_plain_library_call(corpus: Path) -> None:
    expected, problems = single_process(corpus)
    kept = ListSink()
    summary = extract_claims(Sources(paths=[str(corpus)]), sink=kept)
    assert kept.claims == expected and summary.problems == problems


# --------------------------------------------------------------------------------------------
# The progress bar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_shows_articles_claims_and_rate_on_a_terminal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(progress_module, "DELAY_SECONDS", 0)
    monkeypatch.setattr(progress_module, "REFRESH_SECONDS", 0)
    screen = Terminal()
    with Progress(stream=screen) as bar:
        bar.start(10)
        bar.advance(4, 17)
    shown = screen.getvalue()
    assert "4/10" in shown and "17 claims" in shown and "articles/s" in shown


@pytest.mark.parametrize(("stream", "quiet"), [(io.StringIO(), False), (Terminal(), True)])
def test_no_progress_bar_when_quiet_or_not_a_terminal(
    monkeypatch: pytest.MonkeyPatch, stream: io.StringIO, quiet: bool
) -> None:
    monkeypatch.setattr(progress_module, "DELAY_SECONDS", 0)
    with Progress(stream=stream, quiet=quiet) as bar:
        bar.advance(4, 17)
    assert stream.getvalue() == ""


def test_python_dash_m_numclaims_starts_a_local_cluster(tmp_path: Path) -> None:
    import subprocess
    import sys

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a", "text": "Flood\nAt least 40 people were killed, police said."})
        + "\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "numclaims", "extract", str(corpus), "--workers", "1",
         "--format", "jsonl", "--quiet"],
        capture_output=True, text=True, timeout=240, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["doc_id"] for line in result.stdout.splitlines()] == ["a"]
