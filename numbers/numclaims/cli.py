"""The ``numclaims`` command: a thin client over the library.

Each command parses its arguments, makes one library call and renders the result through the
one output layer (:func:`output_options` and :func:`emit`). A ``NumclaimsError`` becomes a
one-line ``Error: …`` and exit status 2.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import NumclaimsError, one_line
from .read.web import CACHE_ENV, FetchSettings

if TYPE_CHECKING:
    from .batch import BatchSummary, Sources

EXTRACT_FORMATS = ("table", "csv", "json", "jsonl", "parquet")
COMPARE_FORMATS = ("markdown", "csv", "json", "html")


class Failure(click.ClickException):
    """A library error, shown as one line ``Error: …`` with exit status 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(one_line(message))


def output_options(formats: tuple[str, ...], default: str) -> Callable[[Any], Any]:
    """``--format`` and ``-o/--output``, shared by every command that writes a result."""

    def decorate(command: Any) -> Any:
        command = click.option(
            "-o",
            "--output",
            default="-",
            show_default=True,
            help="Write the result to this file; '-' is standard output. Checked before any "
            "work is done.",
        )(command)
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(formats),
            default=default,
            show_default=True,
            help="Output format.",
        )(command)

    return decorate


def input_options(command: Any) -> Any:
    """``PATH...``, ``--meta``, the web inputs and the standard-input metadata, shared by every
    command that reads articles. Paths are plain strings: the reader reports each bad one."""
    options = [
        click.option(
            "--published",
            help="Publication date of the article on standard input ('-'), e.g. 2023-02-07.",
        ),
        click.option("--outlet", help="Outlet of the article on standard input ('-')."),
        click.option(
            "--refresh", is_flag=True, help="Fetch web pages again even when they are cached."
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False),
            envvar=CACHE_ENV,
            help=f"Folder for fetched pages (default: the user cache folder; or ${CACHE_ENV}).",
        ),
        click.option(
            "--feed",
            "feeds",
            multiple=True,
            metavar="URL",
            help="An RSS/Atom feed or sitemap: read every article it lists. Repeatable.",
        ),
        click.option(
            "--urls",
            "url_lists",
            multiple=True,
            metavar="FILE",
            help="A file of article URLs, one a line ('#' starts a comment). Repeatable.",
        ),
        click.option(
            "--meta", help="Sidecar CSV with columns file, outlet, url, published, title."
        ),
        click.argument("paths", nargs=-1),
    ]
    for option in options:
        command = option(command)
    return command


def batch_options(command: Any) -> Any:
    """``--workers``, ``--scheduler`` and ``--quiet``."""
    command = click.option(
        "--quiet", "-q", is_flag=True, help="No progress bar on standard error."
    )(command)
    command = click.option(
        "--scheduler",
        metavar="ADDRESS",
        help="Run on an existing Dask cluster, e.g. tcp://10.0.0.5:8786.",
    )(command)
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        help="Run on a local Dask cluster of this many worker processes.",
    )(command)


def emit(rendered: str, output: str) -> None:
    """Write a rendered result to standard output or a file."""
    if not rendered.endswith("\n"):
        rendered += "\n"
    if output == "-":
        click.echo(rendered, nl=False)
        return
    try:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(rendered)
    except OSError as exc:
        raise Failure(f"{output}: cannot write: {exc.strerror or exc}") from None


def check_output(output: str, fmt: str) -> None:
    """Fail now, before any work, when the result could not be written to ``output``."""
    if output == "-":
        if fmt == "parquet":
            raise click.UsageError("Parquet is binary: write it to a file with -o FILE.")
        return
    problem = writable_problem(output)
    if problem:
        raise Failure(f"{output}: {problem}")


def writable_problem(output: str) -> str | None:
    """Why ``output`` cannot be written, or None."""
    path = Path(output)
    if path.is_dir():
        return "cannot write: a directory"
    parent = path.parent
    if not parent.is_dir():
        return f"cannot write: no such directory {str(parent)!r}"
    if path.exists():
        return None if os.access(path, os.W_OK) else "cannot write: permission denied"
    return None if os.access(parent, os.W_OK | os.X_OK) else "cannot write: permission denied"


def sources_of(
    paths: tuple[str, ...],
    meta: str | None,
    url_lists: tuple[str, ...],
    feeds: tuple[str, ...],
    outlet: str | None,
    published: str | None,
) -> Sources:
    if not (paths or url_lists or feeds):
        raise click.UsageError("Give at least one PATH, --urls FILE or --feed URL.")
    if (outlet or published) and "-" not in paths:
        raise click.UsageError("--outlet and --published describe standard input: give '-'.")
    from .batch import Sources

    return Sources(
        paths=paths,
        meta=meta,
        url_lists=url_lists,
        feeds=feeds,
        outlet=outlet,
        published=published,
        stdin=sys.stdin,
    )


def report_problems(summary: BatchSummary, *, count: bool = False) -> None:
    """One ``Error:`` line per problem (with ``count``, then how many failed beside how many
    were read, for a report that must say what it leaves out); exit 2 when none was read."""
    for problem in summary.problems:
        click.echo(f"Error: {problem}", err=True)
    if summary.read == 0:
        raise click.exceptions.Exit(2)
    if count and summary.problems:
        failed = len(summary.problems)
        click.echo(
            f"{failed} input{'s' if failed != 1 else ''} failed (listed above); the report "
            f"covers the {summary.read} article{'s' if summary.read != 1 else ''} read.",
            err=True,
        )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="numclaims")
def cli() -> None:
    """Find the quantified claims in news articles and line up the figures that disagree.

    PATH may be a .txt article (first line is its title), an .html page, a .jsonl, .csv or
    .parquet corpus, a directory of those (its articles.csv, if any, supplies outlets and
    dates), a web address (http:// or https://), or '-' for standard input:

        cat article.txt | numclaims extract - --format jsonl
    """


@cli.command()
@input_options
@output_options(EXTRACT_FORMATS, "table")
@batch_options
def extract(
    paths: tuple[str, ...],
    meta: str | None,
    url_lists: tuple[str, ...],
    feeds: tuple[str, ...],
    cache_dir: str | None,
    refresh: bool,
    outlet: str | None,
    published: str | None,
    fmt: str,
    output: str,
    workers: int | None,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """List every quantified claim in the articles at PATH... ('-' reads standard input).

    \b
    Examples:
        numclaims extract seeds/
        numclaims extract story.html --format jsonl -o claims.jsonl
        numclaims extract a.txt b.txt --meta articles.csv --format csv
        numclaims extract https://example.com/news/story.html
        numclaims extract --feed https://example.com/rss.xml --format jsonl
        cat story.txt | numclaims extract - --outlet Reuters --published 2023-02-07
        numclaims extract corpus.jsonl --workers 2 --format parquet -o claims.parquet
    """
    from .batch import STREAMED_FORMATS, ListSink, Progress, extract_claims, open_sink
    from .output import render_claims

    sources = sources_of(paths, meta, url_lists, feeds, outlet, published)
    check_output(output, fmt)
    sink = open_sink(fmt, output)
    try:
        with Progress(quiet=quiet) as progress:
            summary = extract_claims(
                sources,
                sink=sink,
                fetch=fetch_settings(cache_dir, refresh),
                workers=workers,
                scheduler=scheduler,
                progress=progress,
            )
    except NumclaimsError as exc:
        raise Failure(str(exc)) from None
    finally:
        sink.close()
    report_problems(summary)
    if fmt not in STREAMED_FORMATS:
        assert isinstance(sink, ListSink)
        emit(render_claims(sink.claims, fmt), output)


@cli.command()
@input_options
@output_options(COMPARE_FORMATS, "markdown")
@batch_options
@click.option(
    "--fail-on",
    type=click.Choice(["conflict"]),
    help="Exit with status 1 when any group has this verdict, naming those groups on standard "
    "error (for use in a workflow).",
)
def compare(
    paths: tuple[str, ...],
    meta: str | None,
    url_lists: tuple[str, ...],
    feeds: tuple[str, ...],
    cache_dir: str | None,
    refresh: bool,
    outlet: str | None,
    published: str | None,
    fmt: str,
    output: str,
    workers: int | None,
    scheduler: str | None,
    quiet: bool,
    fail_on: str | None,
) -> None:
    """Group the figures that measure the same thing across articles and judge them.

    Conflicts come first, then the newest reports. '-' reads standard input.

    \b
    Examples:
        numclaims compare seeds/
        numclaims compare corpus.jsonl --format html -o report.html
        numclaims compare *.txt --meta articles.csv --fail-on conflict
        numclaims compare --urls links.txt
        numclaims compare big-corpus.jsonl --workers 2 --format json -o groups.json
    """
    from .batch import Progress, compare_sources
    from .output import render

    sources = sources_of(paths, meta, url_lists, feeds, outlet, published)
    check_output(output, fmt)
    try:
        with Progress(quiet=quiet) as progress:
            comparison, summary = compare_sources(
                sources,
                fetch=fetch_settings(cache_dir, refresh),
                workers=workers,
                scheduler=scheduler,
                progress=progress,
            )
    except NumclaimsError as exc:
        raise Failure(str(exc)) from None
    report_problems(summary, count=True)
    emit(render(comparison, fmt), output)
    if fail_on:
        failing = [group for group in comparison.groups if group.verdict == fail_on]
        for group in failing:
            click.echo(one_line(f"{fail_on.capitalize()}: {group.label}: {group.reason}"), err=True)
        if failing:
            raise click.exceptions.Exit(1)


def fetch_settings(cache_dir: str | None, refresh: bool) -> FetchSettings:
    return FetchSettings(cache_dir=Path(cache_dir) if cache_dir else None, refresh=refresh)


def main() -> None:
    """Console entry point: ``numclaims``."""
    try:
        cli(standalone_mode=True)
    except NumclaimsError as exc:  # raised outside a command, e.g. while loading language data
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
