"""The ``numclaims`` command: a thin client over the library.

Each command parses its arguments, makes one library call and renders the result through the
one output layer (:func:`output_options` and :func:`emit`). A ``NumclaimsError`` becomes a
one-line ``Error: …`` and exit status 2.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import click

from . import __version__
from .errors import NumclaimsError
from .models import Claim, Corpus, ReadProblem

EXTRACT_FORMATS = ("table", "csv", "json", "jsonl")
COMPARE_FORMATS = ("markdown", "csv", "json", "html")


class Failure(click.ClickException):
    """A library error, shown as one line ``Error: …`` with exit status 2."""

    exit_code = 2


def output_options(formats: tuple[str, ...], default: str) -> Callable[[Any], Any]:
    """``--format`` and ``-o/--output``, shared by every command that writes a result."""

    def decorate(command: Any) -> Any:
        command = click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, writable=True, allow_dash=True),
            default="-",
            show_default=True,
            help="Write the result to this file; '-' is standard output.",
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
    """``PATH...`` and ``--meta``, shared by every command that reads articles."""
    command = click.option(
        "--meta",
        type=click.Path(exists=True, dir_okay=False),
        help="Sidecar CSV with columns file, outlet, url, published, title.",
    )(command)
    return click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True))(
        command
    )


def emit(rendered: str, output: str) -> None:
    """Write a rendered result to standard output or a file."""
    if not rendered.endswith("\n"):
        rendered += "\n"
    if output == "-":
        click.echo(rendered, nl=False)
    else:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(rendered)


def read_inputs(paths: tuple[str, ...], meta: str | None) -> Corpus:
    """Read the articles, report each unreadable input on stderr, fail only if none was read."""
    from .read import read_paths

    corpus = read_paths(list(paths), meta=meta, stdin=sys.stdin)
    for problem in corpus.problems:
        click.echo(f"Error: {problem}", err=True)
    if not corpus.documents:
        raise click.exceptions.Exit(2)
    return corpus


def extract_claims(corpus: Corpus) -> list[Claim]:
    """The claims of the articles read; an article that fails gets its own error line, and the
    others still give theirs."""
    from .extract import extract_documents

    problems: list[ReadProblem] = []
    claims = extract_documents(corpus.documents, problems=problems)
    for problem in problems:
        click.echo(f"Error: {problem}", err=True)
    corpus.problems.extend(problems)
    return claims


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="numclaims")
def cli() -> None:
    """Find the quantified claims in news articles and line up the figures that disagree.

    PATH may be a .txt article (first line is its title), an .html page, a .jsonl or .csv corpus,
    a directory of those (its articles.csv, if any, supplies outlets and dates), or '-' for
    standard input:

        cat article.txt | numclaims extract - --format jsonl
    """


@cli.command()
@input_options
@output_options(EXTRACT_FORMATS, "table")
def extract(paths: tuple[str, ...], meta: str | None, fmt: str, output: str) -> None:
    """List every quantified claim in the articles at PATH... ('-' reads standard input).

    \b
    Examples:
        numclaims extract seeds/
        numclaims extract story.html --format jsonl -o claims.jsonl
        numclaims extract a.txt b.txt --meta articles.csv --format csv
    """
    from .output import render_claims

    corpus = read_inputs(paths, meta)
    try:
        claims = extract_claims(corpus)
    except NumclaimsError as exc:
        raise Failure(str(exc)) from None
    emit(render_claims(claims, fmt), output)


@cli.command()
@input_options
@output_options(COMPARE_FORMATS, "markdown")
@click.option(
    "--fail-on",
    type=click.Choice(["conflict"]),
    help="Exit with status 1 when any group has this verdict (for use in a workflow).",
)
def compare(
    paths: tuple[str, ...], meta: str | None, fmt: str, output: str, fail_on: str | None
) -> None:
    """Group the figures that measure the same thing across articles and judge them.

    Conflicts come first, then the newest reports. '-' reads standard input.

    \b
    Examples:
        numclaims compare seeds/
        numclaims compare corpus.jsonl --format html -o report.html
        numclaims compare *.txt --meta articles.csv --fail-on conflict
    """
    from .compare import compare as compare_claims
    from .output import render

    corpus = read_inputs(paths, meta)
    try:
        comparison = compare_claims(extract_claims(corpus), documents=corpus.documents)
    except NumclaimsError as exc:
        raise Failure(str(exc)) from None
    emit(render(comparison, fmt), output)
    if fail_on and any(group.verdict == fail_on for group in comparison.groups):
        raise click.exceptions.Exit(1)


def main() -> None:
    """Console entry point: ``numclaims``."""
    try:
        cli(standalone_mode=True)
    except NumclaimsError as exc:  # raised outside a command, e.g. while loading language data
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
