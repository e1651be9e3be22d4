"""The ``numclaims`` command: a thin client over the library.

Each command parses its arguments, makes one library call and renders the result through the
one output layer (:func:`output_options` and :func:`emit`). A ``NumclaimsError`` becomes a
one-line ``Error: …`` and exit status 2.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from . import __version__
from .errors import NumclaimsError, one_line
from .read.web import CACHE_ENV, FetchSettings

if TYPE_CHECKING:
    from .batch import BatchSummary, Sources
    from .models import Corpus
    from .store import Workspace

EXTRACT_FORMATS = ("table", "csv", "json", "jsonl", "parquet")
COMPARE_FORMATS = ("markdown", "csv", "json", "html")
EXPORT_FORMATS = ("claimreview", *COMPARE_FORMATS)
LOG_FORMATS = ("table", "json")


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


def read_inputs(sources: Sources, fetch: FetchSettings) -> Corpus:
    """Read the articles in one process, report each unreadable input on standard error, and
    fail (exit 2) only when none was read."""
    from .batch import read_sources

    corpus = read_sources(sources, fetch)
    for problem in corpus.problems:
        click.echo(f"Error: {problem}", err=True)
    if not corpus.documents:
        raise click.exceptions.Exit(2)
    return corpus


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


class OneLineErrors(click.Group):
    """A command group whose usage errors (a missing option, a value of the wrong kind, an
    unknown command) are one line ``Error: …`` too, with the command's usage left to --help."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            command = f"{exc.ctx.command_path}: " if exc.ctx and exc.ctx.command_path else ""
            raise Failure(f"{command}{exc.format_message()} (see --help)") from None


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
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


# --------------------------------------------------------------------------------------------
# The workspace: a story's articles, claims and review decisions in one database


def db_option(command: Any) -> Any:
    """``--db``: the workspace, an SQLite file or a PostgreSQL URL (or ``NUMCLAIMS_DB``)."""
    return click.option(
        "--db",
        envvar="NUMCLAIMS_DB",
        metavar="FILE|URL",
        help="The workspace: an SQLite file (story.db, created if missing) or a "
        "postgresql:// URL. Default: $NUMCLAIMS_DB.",
    )(command)


def by_option(command: Any) -> Any:
    """``--by`` and ``--note``, shared by every command that records a decision."""
    command = click.option("--note", help="Why: kept in the log beside the decision.")(command)
    return click.option(
        "--by",
        "author",
        envvar="NUMCLAIMS_REVIEWER",
        help="Who decides. Default: $NUMCLAIMS_REVIEWER, else your login name.",
    )(command)


@contextlib.contextmanager
def workspace(db: str | None) -> Iterator[Workspace]:
    """The workspace named by ``--db``; any library error becomes one line ``Error: …``."""
    from .store import open_workspace

    if not db:
        raise Failure("no workspace: give --db story.db (or a postgresql:// URL), "
                      "or set NUMCLAIMS_DB")
    timeout = float(os.environ.get("NUMCLAIMS_DB_TIMEOUT") or 10)
    try:
        with open_workspace(db, timeout=timeout) as ws:
            yield ws
    except NumclaimsError as exc:
        raise Failure(str(exc)) from None


@cli.command()
@input_options
@db_option
@click.option("--by", "author", envvar="NUMCLAIMS_REVIEWER", help="Who adds them.")
def add(
    paths: tuple[str, ...],
    meta: str | None,
    url_lists: tuple[str, ...],
    feeds: tuple[str, ...],
    cache_dir: str | None,
    refresh: bool,
    outlet: str | None,
    published: str | None,
    db: str | None,
    author: str | None,
) -> None:
    """Add the articles at PATH... to a workspace; only new articles are extracted.

    \b
    Examples:
        numclaims add seeds/ --db story.db
        numclaims add wire.html --meta articles.csv --db story.db
        numclaims add --urls links.txt --db story.db
        cat pasted.txt | numclaims add - --outlet Reuters --published 2023-02-07 --db story.db
    """
    corpus = read_inputs(
        sources_of(paths, meta, url_lists, feeds, outlet, published),
        fetch_settings(cache_dir, refresh),
    )
    with workspace(db) as ws:
        result = ws.add_documents(corpus.documents, author=author)
    for problem in result.problems:
        click.echo(f"Error: {problem}", err=True)
    click.echo(
        f"Added {_count(len(result.added), 'article')} with {_count(result.claims, 'claim')}; "
        f"{_count(len(result.known), 'article')} already in the workspace."
    )


@cli.command()
@db_option
@click.option("--claims", "show_claims", is_flag=True,
              help="List each group's claims with their ids, and the figures taken out.")
def groups(db: str | None, show_claims: bool) -> None:
    """One line a group: id, verdict, status, label; '!' marks new evidence against a review.

    \b
    Examples:
        numclaims groups --db story.db
        numclaims groups --db story.db --claims
    """
    with workspace(db) as ws:
        reviewed = ws.comparison()
    lines = []
    for group in reviewed.comparison.groups:
        review = reviewed.reviews[group.id]
        verdict: str = group.verdict
        if review.verdict and review.verdict != group.verdict:
            verdict = f"{review.verdict} (computed {group.verdict})"
        elif review.verdict:
            verdict = f"{verdict} (confirmed)"
        flag = "!" if review.flags else " "
        lines.append(f"{group.id} {flag} {verdict:<34}  {review.status or '-':<10}  "
                     f"{' '.join(group.label.split())}")
        for flagged in review.flags if show_claims else []:
            lines.append(f"      ! {flagged}")
        for member in group.members if show_claims else []:
            lines.append("      " + _claim_line(member.claim, reviewed.corrected))
    if show_claims and reviewed.excluded:
        lines.append("Not claims:")
        lines += ["      " + _claim_line(c, reviewed.corrected) for c in reviewed.excluded]
    if not lines:
        lines.append("No groups yet: add articles with numclaims add PATH --db ...")
    emit("\n".join(lines), "-")


def _claim_line(claim: Any, corrected: dict[str, tuple[str, ...]]) -> str:
    from .store import claim_id

    cid = claim_id(claim)
    mark = f"  [corrected: {', '.join(corrected[cid])}]" if cid in corrected else ""
    surface = " ".join(claim.surface.split())
    return (f"{cid:<26} {surface:<24} {claim.outlet or 'outlet unknown'} · "
            f"{claim.published or 'no date'}{mark}")


@cli.command()
@click.argument("group")
@db_option
@click.option("--verdict", help="conflict, consistent, evolving, scope-differs, single, or "
              "'confirm' to accept the computed one.")
@click.option("--status", help="reviewed, needs-work or published.")
@by_option
def review(group: str, db: str | None, verdict: str | None, status: str | None,
           note: str | None, author: str | None) -> None:
    """Confirm or override GROUP's verdict, set its status, or leave a note.

    \b
    Examples:
        numclaims review g1a42ec91b5 --verdict conflict --note "the 6,000 counts another year"
        numclaims review g1a42ec91b5 --verdict confirm --status reviewed
    """
    with workspace(db) as ws:
        decision = _decide(lambda: ws.review(group, verdict=verdict, status=status,
                                             note=note, author=author))
    _recorded(decision)


@cli.command()
@click.argument("claim")
@db_option
@click.option("--value", help="The number stated.")
@click.option("--lower", help="The lower bound ('open' for none).")
@click.option("--upper", help="The upper bound ('open' for none).")
@click.option("--qualifier", help="=, ~, >, >=, <, <=, range or vague.")
@click.option("--unit", help="The unit (dollar, percentage, kilometre).")
@click.option("--entity", help="The thing counted (drone).")
@click.option("--event", help="What happens to it (deploy, shoot down).")
@click.option("--agent", help="Who does it.")
@click.option("--attribution", help="Who states the figure.")
@click.option("--time-scope", help="The phrase scoping the figure (since August).")
@by_option
def correct(claim: str, db: str | None, note: str | None, author: str | None,
            **fields: str | None) -> None:
    """Correct how CLAIM was read; the comparison follows.

    \b
    Examples:
        numclaims correct a589d08dd66a4:614-628 --value 450
        numclaims correct a589d08dd66a4:614-628 --qualifier ">" --lower 400 --upper open
    """
    given = {name: value for name, value in fields.items() if value is not None}
    with workspace(db) as ws:
        decision = _decide(lambda: ws.correct(claim, given, note=note, author=author))
    _recorded(decision)


@cli.command("not-a-claim")
@click.argument("claim")
@db_option
@click.option("--undo", is_flag=True, help="Put the figure back: it is a claim after all.")
@by_option
def not_a_claim(claim: str, db: str | None, undo: bool, note: str | None,
                author: str | None) -> None:
    """Take CLAIM out of the comparison: the figure is not a claim.

    \b
    Examples:
        numclaims not-a-claim a589d08dd66a4:614-628 --note "a model number"
    """
    with workspace(db) as ws:
        decision = _decide(lambda: ws.mark_not_a_claim(claim, undo=undo, note=note,
                                                       author=author))
    _recorded(decision)


@cli.command()
@click.argument("claim")
@db_option
@click.option("--to", "to", required=True, help="The group it belongs to.")
@by_option
def move(claim: str, db: str | None, to: str, note: str | None, author: str | None) -> None:
    """Move CLAIM into another group; both groups are judged again.

    \b
    Examples:
        numclaims move a589d08dd66a4:614-628 --to g1a42ec91b5
    """
    with workspace(db) as ws:
        decision = _decide(lambda: ws.move(claim, to=to, note=note, author=author))
    _recorded(decision)


@cli.command()
@click.argument("group")
@click.argument("claims", nargs=-1, required=True)
@db_option
@by_option
def split(group: str, claims: tuple[str, ...], db: str | None, note: str | None,
          author: str | None) -> None:
    """Split CLAIMS... off GROUP into a group of their own.

    \b
    Examples:
        numclaims split g1a42ec91b5 a589d08dd66a4:614-628
    """
    with workspace(db) as ws:
        decision = _decide(lambda: ws.split(group, list(claims), note=note, author=author))
    _recorded(decision)


@cli.command()
@click.argument("group")
@db_option
@click.option("--into", required=True, help="The group that takes GROUP's claims.")
@by_option
def merge(group: str, db: str | None, into: str, note: str | None,
          author: str | None) -> None:
    """Merge GROUP into another group; the merged group is judged again.

    \b
    Examples:
        numclaims merge gbbfb7220ab --into g1a42ec91b5
    """
    with workspace(db) as ws:
        decision = _decide(lambda: ws.merge(group, into=into, note=note, author=author))
    _recorded(decision)


@cli.command()
@db_option
@output_options(LOG_FORMATS, "table")
def log(db: str | None, fmt: str, output: str) -> None:
    """Every decision, oldest first: when, who, what, to what, and the note.

    \b
    Examples:
        numclaims log --db story.db
    """
    import json

    with workspace(db) as ws:
        decisions = ws.decisions()
        orphans = {d.seq for d in ws.comparison().orphans}
    if fmt == "json":
        rows = [{**vars(d), "describe": d.describe(), "applies": d.seq not in orphans}
                for d in decisions]
        emit(json.dumps(rows, ensure_ascii=False, indent=2), output)
        return
    lines = [
        f"{d.seq:>5}  {d.created_at}  {d.author:<12}  {d.target:<26}  {d.describe()}"
        + (f" — {' '.join(d.note.split())}" if d.note else "")
        + ("  [applies to nothing now]" if d.seq in orphans else "")
        for d in decisions
    ]
    emit("\n".join(lines) or "No decisions yet.", output)


@cli.command()
@db_option
@output_options(EXPORT_FORMATS, "markdown")
def export(db: str | None, fmt: str, output: str) -> None:
    """The workspace's comparison with the reviewers' verdicts and notes, or ClaimReview.

    'claimreview' writes schema.org ClaimReview JSON-LD for each reviewed group; set the
    organisation and the fact-check page's address first (numclaims settings).

    \b
    Examples:
        numclaims export --db story.db --format html -o story.html
        numclaims export --db story.db --format claimreview -o claimreview.json
    """
    from .output import publishable, render, render_claimreview

    with workspace(db) as ws:
        reviewed = ws.comparison()
        if fmt == "claimreview":
            publisher = _decide(ws.publisher)
            for group, why in publishable(reviewed.comparison, reviewed.reviews)[1]:
                click.echo(f"Left out {group.id}: {why}", err=True)
            rendered = render_claimreview(reviewed.comparison, reviewed.reviews, publisher)
        else:
            rendered = render(reviewed.comparison, fmt, reviews=reviewed.reviews)
    emit(rendered, output)


@cli.command()
@db_option
@click.option("--organisation", help="Your organisation's name (ClaimReview author).")
@click.option("--organisation-url", help="Your organisation's home page.")
@click.option("--review-url", help="Your fact-check page; {group} is replaced by the "
              "group's id (https://example.org/checks/{group}).")
def settings(db: str | None, organisation: str | None, organisation_url: str | None,
             review_url: str | None) -> None:
    """Show the workspace's settings, or set them ('' clears one).

    \b
    Examples:
        numclaims settings --db story.db --organisation "Example Fact Check" \\
            --review-url "https://example.org/checks/{group}"
    """
    with workspace(db) as ws:
        values = _decide(lambda: ws.set_settings(
            organisation=organisation, organisation_url=organisation_url,
            review_url=review_url,
        ))
    from .store import SETTINGS

    emit("\n".join(f"{key}: {values.get(key, '(not set)')}" for key in SETTINGS), "-")


@cli.command()
@db_option
def articles(db: str | None) -> None:
    """One line an article: id, outlet, report date, title.

    \b
    Examples:
        numclaims articles --db story.db
    """
    with workspace(db) as ws:
        documents = ws.documents()
    for document in documents:
        published = document.published.iso() if document.published else "no date"
        click.echo(one_line(f"{document.doc_id}  {document.outlet or 'unknown outlet'}  "
                            f"{published}  {document.title or ''}").rstrip())


@cli.command()
@click.argument("article")
@db_option
@by_option
def remove(article: str, db: str | None, note: str | None, author: str | None) -> None:
    """Take ARTICLE and its claims out of the story (the log keeps what was removed).

    \b
    Examples:
        numclaims remove a589d08dd66a4 --note "a duplicate of the wire copy" --db story.db
    """
    with workspace(db) as ws:
        decision = _decide(lambda: ws.remove_article(article, note=note, author=author))
    _recorded(decision)


@cli.command()
@db_option
def reextract(db: str | None) -> None:
    """Extract every article of the workspace again, after an upgrade of numclaims.

    Claims found again keep their ids, so decisions stay attached; `numclaims log` marks any
    decision whose claim is no longer found.

    \b
    Examples:
        numclaims reextract --db story.db
    """
    with workspace(db) as ws:
        found = ws.reextract()
    click.echo(f"Extracted {_count(found, 'claim')} again.")


def _decide(action: Callable[[], Any]) -> Any:
    try:
        return action()
    except NumclaimsError as exc:
        raise Failure(str(exc)) from None


def _recorded(decision: Any) -> None:
    click.echo(f"Recorded decision {decision.seq}: {decision.target} {decision.describe()}.")


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'s' if n != 1 else ''}"


def main() -> None:
    """Console entry point: ``numclaims``."""
    try:
        cli(standalone_mode=True)
    except NumclaimsError as exc:  # raised outside a command, e.g. while loading language data
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
