"""What the dashboard shows, computed without the dashboard.

``app.py`` holds layout and widgets; every table, chart, highlight and filter it shows comes from
here, so each can be tested on its own. Nothing in this module imports streamlit.

The flow of one page view:

1. :func:`build_story` turns the session's articles (the seeds, uploads and pasted texts), with
   the outlet and date the user corrected, into documents → claims → a comparison;
2. :func:`group_frame` and :func:`timeline_chart` show one group's figures side by side and
   against their report dates; :func:`highlight` shows the sentence each figure came from;
3. :func:`claims_table` lists every claim beside its group's verdict, and :func:`filter_claims`
   narrows it down.

Tables keep their values typed (report dates as datetimes, bounds as floats, links as plain
URLs) so the page formats them with column configuration, not with pre-formatted strings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import html
import math
import re
import zlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any, Literal

import altair as alt
import pandas as pd

from .compare import compare
from .errors import InputError
from .formatting import range_text
from .models import (
    STATUSES,
    Claim,
    Comparison,
    Document,
    Group,
    GroupReview,
    Member,
    PublicationDate,
    ReadProblem,
)
from .output.story import figure_and_source, multi_report
from .read.documents import PLACEHOLDER_YEAR, make_document, parse_published

#: The verdicts in the order the page explains them, each with the colour it is drawn in.
VERDICT_COLOURS: dict[str, str] = {
    "conflict": "red",
    "scope-differs": "orange",
    "evolving": "blue",
    "consistent": "green",
    "single": "gray",
}
#: What the all-claims table says of a claim that no group took in.
UNGROUPED = "not grouped"
#: What the tables and chart call an article whose outlet nobody supplied.
UNKNOWN_OUTLET = "outlet unknown"
#: A pasted article longer than this is refused (about 100 pages of prose).
MAX_PASTE_CHARS = 500_000

Extractor = Callable[[Document], list[Claim]]


# --------------------------------------------------------------------------------------------
# The story: the session's articles → documents → claims → comparison


@dataclass(frozen=True)
class ArticleEdit:
    """The outlet and report date a user gave an article, replacing what was read.

    ``published`` is ISO text at its own precision (``"2023"``, ``"2023-02"``,
    ``"2023-02-07"``); an empty string or None clears the field.
    """

    outlet: str | None = None
    published: str | None = None


@dataclass
class Story:
    """Everything one page view shows: the articles as edited, their claims, the comparison."""

    documents: list[Document]
    claims: list[Claim]
    comparison: Comparison
    problems: list[ReadProblem] = field(default_factory=list)
    #: The reviewers' decisions by group id, when the story comes from a workspace.
    reviews: dict[str, GroupReview] = field(default_factory=dict)
    #: Figures a reviewer marked as not claims.
    excluded: list[Claim] = field(default_factory=list)
    #: The fields a reviewer corrected, by claim id.
    corrected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: :func:`claims_table`'s frame, made once a page view (the filters, the story and the
    #: claims tab all read it)
    claims_frame: pd.DataFrame | None = field(default=None, init=False, repr=False,
                                              compare=False)

    def document(self, doc_id: str) -> Document | None:
        """The article with this id, if the story has it."""
        return next((d for d in self.documents if d.doc_id == doc_id), None)

    def verdict(self, group: Group) -> str:
        """The verdict to show first: the reviewer's where there is one, else the computed."""
        review = self.reviews.get(group.id)
        return review.verdict if review is not None and review.verdict else group.verdict


def build_story(
    documents: Iterable[Document],
    *,
    extract: Extractor,
    edits: Mapping[str, ArticleEdit] | None = None,
    problems: Iterable[ReadProblem] = (),
) -> Story:
    """The comparison of ``documents`` after applying ``edits`` (keyed by ``doc_id``).

    ``extract`` turns one document into its claims; the page passes a cached one. Two documents
    with the same id (an upload named like a seed) are told apart by a numeric suffix. An edit
    whose date cannot be read is kept out and reported among the story's problems.
    """
    edits = edits or {}
    problems = list(problems)
    edited: list[Document] = []
    for document in unique_ids(documents):
        edit = edits.get(document.doc_id)
        if edit is not None:
            try:
                document = apply_edit(document, edit)
            except InputError as exc:
                problems.append(ReadProblem(exc.source, exc.problem))
        edited.append(document)
    claims: list[Claim] = []
    for document in edited:
        try:
            claims += extract(document)
        except Exception as exc:  # one article's failure is that article's: the story stays
            problems.append(article_problem(document, exc))
    comparison, failed = _compared(edited, claims)
    problems += failed
    return Story(edited, claims, comparison, problems)


def article_problem(document: Document, exc: Exception) -> ReadProblem:
    """What the page says of an article that could not be used: its name and one line."""
    if isinstance(exc, InputError):
        return ReadProblem(short_id(exc.source), exc.problem)
    detail = " ".join(str(exc).split())[:200]
    return ReadProblem(short_id(document.doc_id), f"could not be read ({type(exc).__name__}: "
                       f"{detail})")


def _compared(
    documents: list[Document], claims: list[Claim]
) -> tuple[Comparison, list[ReadProblem]]:
    """The comparison of the claims; should it fail, the articles whose claims make it fail are
    left out of it, one by one, and reported, so the others are still compared."""
    try:
        return compare(claims, documents=documents), []
    except Exception:  # an article's claims broke the comparison: find which
        pass
    problems: list[ReadProblem] = []
    kept: list[Claim] = []
    for document in documents:
        own = [claim for claim in claims if claim.doc_id == document.doc_id]
        try:
            compare(kept + own, documents=documents)
        except Exception as exc:
            problems.append(article_problem(document, exc))
            continue
        kept += own
    return compare(kept, documents=documents), problems


def without(documents: Iterable[Document], removed: Iterable[str]) -> list[Document]:
    """The documents but those whose ids the user removed."""
    gone = set(removed)
    return [document for document in documents if document.doc_id not in gone]


def workspace_story(reviewed: Any, problems: Iterable[ReadProblem] = ()) -> Story:
    """The story of a workspace: its comparison with every decision re-applied
    (a :class:`numclaims.store.Reviewed`)."""
    return Story(
        documents=list(reviewed.documents),
        claims=list(reviewed.claims),
        comparison=reviewed.comparison,
        problems=list(problems),
        reviews=dict(reviewed.reviews),
        excluded=list(reviewed.excluded),
        corrected=dict(reviewed.corrected),
    )


def unique_ids(documents: Iterable[Document]) -> list[Document]:
    """The documents, renamed ``name-2``, ``name-3`` … where an id was already taken."""
    seen: set[str] = set()
    result = []
    for document in documents:
        doc_id, n = document.doc_id, 1
        while doc_id in seen:
            n += 1
            doc_id = f"{document.doc_id}-{n}"
        seen.add(doc_id)
        if doc_id != document.doc_id:
            document = dataclasses.replace(document, doc_id=doc_id)
        result.append(document)
    return result


def apply_edit(document: Document, edit: ArticleEdit) -> Document:
    """The document with the user's outlet and date; a date that cannot be read raises."""
    outlet = (edit.outlet or "").strip() or None
    published = read_date(edit.published, source=short_id(document.doc_id))
    return dataclasses.replace(document, outlet=outlet, published=published)


def read_date(text: str | None, *, source: str = "date") -> PublicationDate | None:
    """A report date typed by a user (``2023-02-07``, ``2023-02``, ``Feb 7, 2023``); blank is None.

    A date without a year raises :class:`InputError`: it would be read in a placeholder year.
    """
    published = parse_published((text or "").strip() or None, source=source)
    if published is not None and published.year_missing:
        raise InputError(source, f"{text!r} has no year; write it as 2023-02-07")
    return published


def restamp(claims: Iterable[Claim], document: Document) -> list[Claim]:
    """Claims extracted from the same text under another id, outlet, title or link.

    The page caches extraction on an article's text and date, the two things claims depend on;
    the rest of what a claim carries about its article is set again from the document.
    """
    return [
        dataclasses.replace(
            claim,
            doc_id=document.doc_id,
            outlet=document.outlet,
            url=document.url,
            title=document.title,
            published=document.published.iso() if document.published else None,
        )
        for claim in claims
    ]


def pasted_document(
    text: str,
    *,
    number: int,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
) -> Document:
    """An article pasted into the page, as the ``number``-th pasted document.

    Empty or oversized text and an unreadable date raise :class:`InputError`.
    """
    source = f"pasted article {number}"
    if not text.strip():
        raise InputError(source, "the text is empty")
    if len(text) > MAX_PASTE_CHARS:
        raise InputError(
            source, f"the text is too long ({len(text):,} characters; at most {MAX_PASTE_CHARS:,})"
        )
    return make_document(
        text,
        doc_id=f"pasted-{number}",
        source=source,
        title=(title or "").strip() or None,
        outlet=(outlet or "").strip() or None,
        published=read_date(published, source=source),
    )


def added_text(added: int, known: int) -> str:
    """What adding articles did, in words: "2 articles added, 1 already in the story"."""
    parts = [f"{added} article{'s' if added != 1 else ''} added"]
    if known:
        parts.append(f"{known} already in the story")
    return ", ".join(parts)


def summary(story: Story) -> dict[str, int]:
    """The headline counts: articles, claims, groups, and groups whose figures conflict (by
    the reviewer's verdict where there is one)."""
    return {
        "articles": len(story.documents),
        "claims": len(story.claims),
        "groups": len(story.comparison.groups),
        "conflicts": sum(story.verdict(g) == "conflict" for g in story.comparison.groups),
    }


# --------------------------------------------------------------------------------------------
# Review: what reviewers decided, and the choices the review forms offer

#: The review form's verdict choices: leave it, accept the computed one, or say another.
KEEP = "keep as it is"
VERDICT_CHOICES = (KEEP, "confirm", *VERDICT_COLOURS)
STATUS_CHOICES = (KEEP, *STATUSES)
#: The correction form's fields: what the page calls each, and the claim field it sets.
CORRECTION_FIELDS = {"value": "value", "low": "lower", "high": "upper",
                     "qualifier": "qualifier", "counts": "entity", "unit": "unit",
                     "attribution": "attribution", "time scope": "time_scope"}
QUALIFIER_CHOICES = (KEEP, "=", "~", ">", ">=", "<", "<=", "range", "vague")


def review_markdown(story: Story, group: Group) -> str | None:
    """One Markdown line of what reviewers decided about the group; None when nothing.

    "Reviewer: :red-badge[conflict] (computed: consistent) · needs work · ana, 2026-12-02".
    """
    review = story.reviews.get(group.id)
    if review is None:
        return None
    parts = []
    if review.verdict:
        said = f"Reviewer: {verdict_badge(review.verdict)}"
        if review.verdict != group.verdict:
            said += f" (computed: {group.verdict})"
        else:
            said += " (confirmed)"
        parts.append(said)
    if review.status:
        parts.append(f"**{review.status}**")
    if review.reviewed_by:
        parts.append(markdown_text(f"{review.reviewed_by}, {(review.reviewed_at or '')[:10]}"))
    if review.by_hand:
        parts.append("members arranged by hand")
    return " · ".join(parts) or None


def review_choice(verdict: str, status: str, note: str) -> dict[str, str | None]:
    """The review form's answers as :meth:`Workspace.review` arguments ('keep' is None)."""
    return {
        "verdict": None if verdict == KEEP else verdict,
        "status": None if status == KEEP else status,
        "note": note.strip() or None,
    }


def correction(answers: Mapping[str, str]) -> dict[str, str]:
    """The correction form's filled-in fields as claim fields; blank ones are left as they are.

    ``answers`` are keyed by the page's names (:data:`CORRECTION_FIELDS`); ``open`` in a
    bound's field means "no bound".
    """
    return {
        CORRECTION_FIELDS[shown]: given.strip()
        for shown, given in answers.items()
        if shown in CORRECTION_FIELDS and given.strip() and given.strip() != KEEP
    }


def workspace_address(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[str, bool]:
    """Which workspace the page opens, and whether it is the default one (filled with the
    seeds on first start): ``-- --db story.db``, else ``NUMCLAIMS_DB``, else the default."""
    from .store import default_workspace_path

    args = list(argv)
    for index, arg in enumerate(args):
        if arg == "--db" and index + 1 < len(args):
            return args[index + 1], False
        if arg.startswith("--db="):
            return arg.split("=", 1)[1], False
    if environ.get("NUMCLAIMS_DB"):
        return environ["NUMCLAIMS_DB"], False
    return str(default_workspace_path()), True


#: How many groups the Story tab shows at a time; a big story is read a page at a time.
GROUPS_PER_PAGE = 20


def story_pages(groups: Sequence[Group], size: int = GROUPS_PER_PAGE) -> int:
    """How many pages of ``size`` groups the Story tab has (at least one)."""
    return max(1, math.ceil(len(groups) / size))


def story_page(groups: Sequence[Group], page: int, size: int = GROUPS_PER_PAGE) -> list[Group]:
    """The groups on page ``page`` (from 1) of the Story tab, in the comparison's order."""
    page = min(max(1, page), story_pages(groups, size))
    return list(groups[(page - 1) * size: page * size])


def page_caption(groups: Sequence[Group], page: int, size: int = GROUPS_PER_PAGE) -> str:
    """'Groups 21–40 of 168': which groups the page shows."""
    page = min(max(1, page), story_pages(groups, size))
    first = (page - 1) * size + 1
    last = min(page * size, len(groups))
    return f"Groups {first}–{last} of {len(groups)}"


def claim_label(claim: Claim) -> str:
    """How a picker names a figure: as written, its outlet and date."""
    return f"{claim.surface} · {claim.outlet or UNKNOWN_OUTLET} · {claim.published or 'no date'}"


# --------------------------------------------------------------------------------------------
# Articles


ARTICLE_COLUMNS = ["article", "title", "outlet", "report date", "date precision", "claims", "link"]


def articles_frame(story: Story) -> pd.DataFrame:
    """One row per article: id, title, outlet, report date, how many claims, its link."""
    counts = pd.Series([claim.doc_id for claim in story.claims], dtype="object").value_counts()
    rows = [
        {
            "article": short_id(document.doc_id),
            "title": document.title,
            "outlet": document.outlet,
            "report date": _timestamp(document.published),
            "date precision": document.published.precision if document.published else None,
            "claims": int(counts.get(document.doc_id, 0)),
            "link": safe_url(document.url),
        }
        for document in story.documents
    ]
    frame = pd.DataFrame(rows, columns=ARTICLE_COLUMNS)
    frame["report date"] = pd.to_datetime(frame["report date"])
    frame["claims"] = frame["claims"].astype("int64")
    return frame


def outlets(story: Story) -> list[str]:
    """Every outlet the story's claims come from, as the tables and charts name them."""
    return sorted({claim.outlet or UNKNOWN_OUTLET for claim in story.claims})


@functools.lru_cache(maxsize=65536)
def short_id(doc_id: str) -> str:
    """An article's id without its directories: a file's name, a corpus line's ``name:line``."""
    return PurePath(doc_id).name or doc_id


def article_label(document: Document) -> str:
    """How a picker names an article: its outlet and date, then its title or id."""
    outlet = document.outlet or UNKNOWN_OUTLET
    date = document.published.iso() if document.published else "no date"
    return f"{outlet} · {date} · {document.title or short_id(document.doc_id)}"


def article_html(document: Document, claims: Iterable[Claim] = ()) -> str:
    """The article's prose as escaped HTML paragraphs, with each claim's figure in ``<mark>``.

    Page furniture (the parts of ``text`` outside ``body``) is left out.
    """
    marks = sorted((claim.start, claim.end) for claim in claims if claim.doc_id == document.doc_id)
    paragraphs = []
    for start, end in document.body:
        inside = [(a - start, b - start) for a, b in marks if start <= a and b <= end]
        paragraphs.append(f"<p>{mark_spans(document.text[start:end], inside)}</p>")
    return "\n".join(paragraphs)


# --------------------------------------------------------------------------------------------
# Evidence: the sentence with its figure highlighted


def mark_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` escaped for HTML, with each ``(start, end)`` range wrapped in ``<mark>``.

    Overlapping or out-of-range spans are dropped rather than producing broken markup.
    """
    pieces, at = [], 0
    for start, end in sorted(spans):
        if start < at or end <= start or end > len(text):
            continue
        pieces.append(html.escape(text[at:start]))
        pieces.append(f"<mark>{html.escape(text[start:end])}</mark>")
        at = end
    pieces.append(html.escape(text[at:]))
    return "".join(pieces)


def highlight(claim: Claim) -> str:
    """The claim's sentence as escaped HTML with its figure wrapped in ``<mark>``."""
    sentence = claim.sentence
    start = claim.start - claim.sentence_start
    end = start + len(claim.surface)
    if sentence[start:end] != claim.surface:
        start = sentence.find(claim.surface)
        end = start + len(claim.surface)
    if start < 0 or not claim.surface:
        return html.escape(sentence)
    return mark_spans(sentence, [(start, end)])


def evidence_html(claim: Claim) -> str:
    """One line of evidence: outlet and date, the highlighted sentence, a link to the article."""
    outlet = html.escape(claim.outlet or UNKNOWN_OUTLET)
    date = html.escape(claim.published or "no date")
    url = safe_url(claim.url)
    where = html.escape(claim.title or short_id(claim.doc_id))
    link = (
        f'<a href="{html.escape(url, quote=True)}" target="_blank" rel="noopener">{where}</a>'
        if url
        else f"{where} (text under Articles)"
    )
    said = f" — {html.escape(claim.attribution)}" if claim.attribution else ""
    return (
        f"<p><b>{outlet}</b>, {date}{said}<br>"
        f"{highlight(claim)}<br><small>{link}</small></p>"
    )


def safe_url(url: str | None) -> str | None:
    """The URL if it is a web link; anything else (``javascript:``, files) is not linked."""
    if url and re.match(r"^https?://[^\s]+$", url.strip(), re.IGNORECASE):
        return url.strip()
    return None


def markdown_text(text: str) -> str:
    """``text`` with Markdown's punctuation escaped, so article words show as written."""
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:])", r"\\\1", text)


# --------------------------------------------------------------------------------------------
# One group: its figures side by side


def thing_counted(claim: Claim) -> str:
    """What a figure counts or measures: the counted noun, else the unit."""
    return claim.entity or claim.unit or claim.noun_phrase or ""


def verdict_badge(verdict: str) -> str:
    """The verdict as a coloured Streamlit Markdown badge (the verdict words are ours, not an
    article's, so they need no escaping)."""
    return f":{VERDICT_COLOURS.get(verdict, 'gray')}-badge[{verdict}]"


def origins_text(group: Group) -> str:
    """How many independent origins the group's figures trace back to, in words."""
    return f"{group.origins} independent origin{'s' if group.origins != 1 else ''}"


#: The side-by-side table: what a fact-checker reads first (the figure, its stated bounds, when
#: and by whom it was reported, who said it, the link) comes first, to fit 1,280 pixels.
GROUP_COLUMNS = [
    "mark",
    "figure",
    "stated",
    "report date",
    "outlet",
    "attribution",
    "link",
    "read as",
    "time scope",
    "event",
    "doer",
    "article",
    "why grouped",
]
#: What the mark column says of a figure whose range leaves out another's in a conflict.
CONFLICT_MARK = "⚠ conflicts"


def ordered_members(group: Group) -> list[Member]:
    """The group's figures in report-date order, undated last: the order of its table, its
    evidence and its timeline's legend alike."""
    return sorted(group.members, key=lambda m: _sort_date(m.claim.published))


def group_frame(group: Group) -> pd.DataFrame:
    """The group's figures side by side, in report-date order (:func:`ordered_members`).

    Every cell is text as a reader writes it, so nothing shows "None" or is cut short: the
    figure as written, its ``stated`` bounds ("at least 400"), the report date at its own
    precision ("7 Feb 2023", "Feb 2023", "2023"), the range it is ``read as`` when rounding is
    allowed, and a ``mark`` on the figures that conflict with another.
    """
    conflicting = conflicting_members(group)
    rows = [
        {
            "mark": CONFLICT_MARK if id(member) in conflicting else "",
            "figure": member.claim.surface,
            "stated": range_text(*_stated(member), unit=member.claim.unit),
            "report date": report_date_text(member.claim.published),
            "outlet": member.claim.outlet or UNKNOWN_OUTLET,
            "attribution": member.claim.attribution or "",
            "link": safe_url(member.claim.url) or "",
            "read as": range_text(member.low, member.high, unit=member.claim.unit),
            "time scope": member.claim.time_scope or "",
            "event": member.claim.event or "",
            "doer": member.claim.agent or "",
            "article": member.claim.title or short_id(member.claim.doc_id),
            "why grouped": member.reason,
        }
        for member in ordered_members(group)
    ]
    return pd.DataFrame(rows, columns=GROUP_COLUMNS)


SUMMARY_COLUMNS = ["verdict", "quantity", "figures by source and date", "reports"]
SINGLE_COLUMNS = ["verdict", "figure", "stated", "measures", "report date", "outlet", "attribution",
                  "sentence", "link", "group"]


def split_story(groups: Sequence[Group]) -> tuple[list[Group], list[Group]]:
    """The groups more than one article reports (each worth a card), and those only one report
    gives (folded into one table), each in the story's order."""
    several = [group for group in groups if multi_report(group)]
    return several, [group for group in groups if not multi_report(group)]


def summary_frame(story: Story, groups: Sequence[Group]) -> pd.DataFrame:
    """What a fact-checker reads first: each quantity more than one article reports, its
    verdict (the reviewer's where there is one) and its figures by source, oldest first."""
    rows = []
    for group in groups:
        ordered = sorted(group.members, key=lambda m: (m.claim.published or "~", m.claim.start))
        rows.append({
            "verdict": story.verdict(group),
            "quantity": group.label,
            "figures by source and date": " · ".join(
                dict.fromkeys(figure_and_source(member) for member in ordered)),
            "reports": len({member.claim.doc_id for member in group.members}),
        })
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def single_label(group: Group) -> str:
    """A single-report group in a chooser: "'400' drones deployed (RT, 2022-11-20)"."""
    claim = group.members[0].claim
    more = f" and {len(group.members) - 1} more" if len(group.members) > 1 else ""
    return f"'{claim.surface}'{more}: {group.label} ({claim.outlet or UNKNOWN_OUTLET}, " \
        f"{report_date_text(claim.published) or 'date unknown'})"


def singles_frame(groups: Sequence[Group]) -> pd.DataFrame:
    """The figures only one report gives, one row each, in one table instead of a card each
    (the verdict is ``single`` unless the one report gives the quantity more than once)."""
    rows = [
        {
            "verdict": group.verdict,
            "figure": member.claim.surface,
            "stated": range_text(*_stated(member), unit=member.claim.unit),
            "measures": group.label,
            "report date": report_date_text(member.claim.published),
            "outlet": member.claim.outlet or UNKNOWN_OUTLET,
            "attribution": member.claim.attribution or "",
            "sentence": member.claim.sentence,
            "link": safe_url(member.claim.url) or "",
            "group": group.id,
        }
        for group in groups
        for member in ordered_members(group)
    ]
    return pd.DataFrame(rows, columns=SINGLE_COLUMNS)


def _stated(member: Member) -> tuple[float | None, float | None]:
    if member.stated_low is not None or member.stated_high is not None:
        return member.stated_low, member.stated_high
    return member.claim.lower, member.claim.upper


def conflicting_members(group: Group) -> set[int]:
    """The ``id()`` of each member of a conflict that stands against the others: whose range
    meets fewer of the others' than the most agreed-on figure's does ("small number" against
    two "hundreds"); when no two figures agree, every one."""
    if group.verdict != "conflict":
        return set()
    agreeing = {
        id(member): sum(
            1 for other in group.members if other is not member and not _disjoint(member, other)
        )
        for member in group.members
    }
    most = max(agreeing.values(), default=0)
    return {key for key, count in agreeing.items() if count < most or most == 0}


def _disjoint(one: Member, other: Member) -> bool:
    low = -math.inf if one.low is None else one.low
    high = math.inf if one.high is None else one.high
    other_low = -math.inf if other.low is None else other.low
    other_high = math.inf if other.high is None else other.high
    return high < other_low or other_high < low


def report_date_text(published: str | None) -> str:
    """A report date at its own precision: "7 Feb 2023", "Feb 2023", "2023"; blank if none.

    A month-precision date is never shown as a made-up first day.
    """
    if not published:
        return ""
    try:
        if published.startswith("--"):  # the year is unknown: "--02-07"
            day = dt.date(PLACEHOLDER_YEAR, int(published[2:4]), int(published[5:7]))
            return f"{day.day} {day:%b} (year unknown)"
        if len(published) == 4:
            return published
        if len(published) == 7:
            return f"{dt.date(int(published[:4]), int(published[5:7]), 1):%b %Y}"
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return published
    return f"{day.day} {day:%b %Y}"


def _sort_date(published: str | None) -> tuple[int, str]:
    return (1, "") if not published or published.startswith("--") else (0, published)


#: Colours for outlets, one per outlet by its name, so an outlet keeps its colour from chart
#: to chart and when articles are added (Tableau 20).
OUTLET_PALETTE = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d", "#ff9d9a", "#86bcb6", "#8cd17d", "#f1ce63",
    "#d4a6c8", "#fabfd2", "#d7b5a6", "#79706e",
)


def outlet_colour(outlet: str) -> str:
    """The colour an outlet is drawn in, wherever it appears."""
    return OUTLET_PALETTE[zlib.crc32(outlet.encode("utf-8")) % len(OUTLET_PALETTE)]


# --------------------------------------------------------------------------------------------
# One group: its figures against their report dates


TIMELINE_COLUMNS = [
    "x",
    "report date",
    "outlet",
    "figure",
    "attribution",
    "bounds",
    "y_from",
    "y_to",
    "kind",
]
#: The marker each kind of figure gets in the timeline (a range's ends get short ticks).
KIND_SHAPES = {
    "exact": "circle",
    "open above": "triangle-up",
    "open below": "triangle-down",
}
#: What the markers mean, for a caption beside the timelines.
TIMELINE_KEY = (
    "● an exact figure · ┃ a range, from its lower to its upper bound · "
    "▲ open above (\"more than\") · ▼ open below (\"fewer than\")"
)


#: Axis numbers as a reader says them: 6,000, 1.5 million, 10 billion (a Vega expression).
AXIS_NUMBER = (
    "abs(datum.value) >= 1e9 ? format(datum.value / 1e9, ',~f') + ' billion'"
    " : abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',~f') + ' million'"
    " : format(datum.value, ',~f')"
)


@dataclass(frozen=True)
class Scale:
    """The y axis of a timeline: its type and the edges open bounds are drawn to."""

    type: Literal["linear", "log"]
    bottom: float
    top: float

    def ticks(self) -> list[float]:
        """Axis ticks for a log scale, one per power of ten; empty for linear (Vega's own)."""
        if self.type != "log":
            return []
        first, last = math.ceil(math.log10(self.bottom)), math.floor(math.log10(self.top))
        return [10.0**k for k in range(first, last + 1)]


def y_scale(members: Sequence[Member]) -> Scale | None:
    """A y scale that shows every figure of the group, or None when none has a number.

    Figures a factor of ten or more apart (``a small number`` against ``hundreds``) go on a log
    scale so both stay readable; otherwise the scale starts at zero. The top leaves room for
    the markers of open bounds.
    """
    values = [v for m in members for v in (m.low, m.high, m.claim.value) if v is not None]
    if not values:
        return None
    lowest, highest = min(values), max(values)
    if lowest > 0 and highest / lowest >= 10:
        return Scale("log", lowest / 2, highest * 2)
    # Counts start at zero, so a rounding difference looks as small as it is.
    bottom = 0.0 if lowest >= 0 else lowest * 1.25
    pad = (highest - bottom) * 0.25 or 1.0
    return Scale("linear", bottom, highest + pad)


def timeline_frame(group: Group, scale: Scale | None = None) -> pd.DataFrame:
    """One row per figure: where the timeline draws it.

    ``x`` is the report date, spread by a few days where several figures share one so none hides
    another; ``report date`` is the date as known (``2023-02``). A figure with a range spans
    ``y_from``–``y_to``; an open bound is drawn to the scale's edge. Figures with no report date
    or no number cannot be placed and are left out.
    """
    scale = scale or y_scale(group.members)
    rows = []
    for member in group.members:
        claim = member.claim
        when = _timestamp(claim.published)
        if scale is None or when is None:
            continue
        low, high = member.low, member.high
        if low is None and high is None:
            if claim.value is None:
                continue
            low = high = claim.value
        if low is not None and high is not None and low == high:
            kind = "exact"
        elif high is None:
            kind = "open above"
        elif low is None:
            kind = "open below"
        else:
            kind = "bound"
        rows.append(
            {
                "x": when,
                "report date": claim.published,
                "outlet": claim.outlet or UNKNOWN_OUTLET,
                "figure": claim.surface,
                "attribution": claim.attribution or "",
                "bounds": bounds_text(low, high),
                "y_from": low if low is not None else scale.bottom,
                "y_to": high if high is not None else scale.top,
                "kind": kind,
            }
        )
    frame = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    frame["x"] = _spread(pd.to_datetime(frame["x"]))
    return frame.astype({"y_from": "float64", "y_to": "float64"})


def _spread(dates: pd.Series) -> pd.Series:
    if dates.empty:
        return dates
    span = (dates.max() - dates.min()) if len(dates) > 1 else pd.Timedelta(0)
    step = max(pd.Timedelta(days=2), span / 40)
    position = dates.groupby(dates).cumcount()
    size = dates.groupby(dates).transform("size")
    return dates + (position - (size - 1) / 2) * step


def bounds_text(low: float | None, high: float | None) -> str:
    """A range for a tooltip: ``6,000–open``, ``450–500``, ``3``."""
    def number(v: float | None) -> str:
        return "open" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}"

    if low is not None and low == high:
        return number(low)
    return f"{number(low)}–{number(high)}"


def timeline_chart(group: Group, *, outlets: Sequence[str] = ()) -> alt.LayerChart | None:
    """The group's figures against their report dates, coloured by outlet.

    An exact figure is a point; a range is a bar from its lower to its upper bound; an open bound
    runs to the edge of the chart and ends in a triangle pointing the way it is open. Each outlet
    has its own colour (:func:`outlet_colour`) in every chart. None when no figure can be placed.
    """
    scale = y_scale(group.members)
    frame = timeline_frame(group, scale)
    if scale is None or frame.empty:
        return None
    counted = next((thing_counted(m.claim) for m in group.members if thing_counted(m.claim)), "")
    x_pad = pd.Timedelta(days=20)
    x = alt.X(
        "x:T",
        title="report date",
        scale=alt.Scale(domain=[_day(frame["x"].min() - x_pad), _day(frame["x"].max() + x_pad)]),
        axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount={"interval": "month", "step": 1}),
    )
    y_scale_spec = alt.Scale(type=scale.type, domain=[scale.bottom, scale.top], nice=False)
    y_axis = alt.Axis(
        labelExpr=AXIS_NUMBER, values=scale.ticks() or alt.Undefined, title=counted or "figure"
    )

    def y(field: str) -> alt.Y:
        return alt.Y(f"{field}:Q", scale=y_scale_spec, axis=y_axis)

    colour = alt.Color(
        "outlet:N",
        title="outlet",
        scale=alt.Scale(domain=(domain := list(outlets or sorted(frame["outlet"].unique()))),
                        range=[outlet_colour(outlet) for outlet in domain]),
        # The legend names only this group's outlets; the scale keeps every outlet's colour.
        legend=alt.Legend(orient="bottom", columns=3, values=sorted(frame["outlet"].unique())),
    )
    tooltip = [
        alt.Tooltip("figure:N"),
        alt.Tooltip("bounds:N", title="read as"),
        alt.Tooltip("outlet:N"),
        alt.Tooltip("report date:N"),
        alt.Tooltip("attribution:N"),
    ]
    spans = (
        alt.Chart(frame)
        .transform_filter(alt.datum.kind != "exact")
        .mark_rule(strokeWidth=5, opacity=0.6)
        .encode(x=x, y=y("y_from"), y2="y_to:Q", color=colour, tooltip=tooltip)
    )
    ends = _end_markers(frame)
    caps = (
        alt.Chart(ends)
        .transform_filter(alt.datum.kind == "bound")
        .mark_tick(orient="horizontal", thickness=2, size=16)
        .encode(x=x, y=y("y"), color=colour, tooltip=tooltip)
    )
    shape = alt.Shape(
        "kind:N",
        scale=alt.Scale(domain=list(KIND_SHAPES), range=list(KIND_SHAPES.values())),
        legend=None,
    )
    markers = (
        alt.Chart(ends)
        .transform_filter(alt.datum.kind != "bound")
        .mark_point(filled=True, size=120, opacity=1)
        .encode(x=x, y=y("y"), color=colour, shape=shape, tooltip=tooltip)
    )
    return alt.LayerChart(layer=[spans, caps, markers], height=320)


def _end_markers(frame: pd.DataFrame) -> pd.DataFrame:
    """Where markers go: the point of an exact figure, both ends of a range, the open end."""
    rows = []
    for row in frame.to_dict("records"):
        kind = row["kind"]
        if kind == "exact":
            rows.append({**row, "y": row["y_from"]})
        elif kind == "bound":
            rows += [{**row, "y": row["y_from"]}, {**row, "y": row["y_to"]}]
        elif kind == "open above":
            rows.append({**row, "y": row["y_to"]})
        else:
            rows.append({**row, "y": row["y_from"]})
    return pd.DataFrame(rows, columns=[*TIMELINE_COLUMNS, "y"])


def _day(when: pd.Timestamp) -> alt.DateTime:
    return alt.DateTime(year=when.year, month=when.month, date=when.day)


# --------------------------------------------------------------------------------------------
# All claims, filterable


#: The all-claims table, in the order a fact-checker reads it; ``reported`` (the report date
#: as a timestamp, for the date filter) is not shown.
CLAIM_COLUMNS = [
    "figure",
    "stated",
    "report date",
    "outlet",
    "attribution",
    "verdict",
    "link",
    "counts",
    "event",
    "time scope",
    "group",
    "sentence",
    "article",
]


def claims_table(story: Story) -> pd.DataFrame:
    """Every claim beside its group's label and verdict (``not grouped`` when none took it).

    One row a claim, in the story's order; cells are text (blank where nothing is known), and
    the hidden ``reported`` column holds the report date's first day for the date filter.
    Made once for a story; do not change the frame returned.
    """
    if story.claims_frame is not None:
        return story.claims_frame
    placed: dict[tuple[str, int, int], Group] = {}
    for group in story.comparison.groups:
        for member in group.members:
            placed[_claim_key(member.claim)] = group
    rows = []
    for claim in story.claims:
        found = placed.get(_claim_key(claim))
        rows.append(
            {
                "figure": claim.surface,
                "stated": range_text(claim.lower, claim.upper, unit=claim.unit),
                "report date": report_date_text(claim.published),
                "outlet": claim.outlet or UNKNOWN_OUTLET,
                "attribution": claim.attribution or "",
                "verdict": story.verdict(found) if found else UNGROUPED,
                "link": safe_url(claim.url) or "",
                "counts": thing_counted(claim),
                "event": claim.event or "",
                "time scope": claim.time_scope or "",
                "group": found.label if found else "",
                "sentence": claim.sentence,
                "article": claim.title or short_id(claim.doc_id),
                "reported": _timestamp(claim.published),
            }
        )
    frame = pd.DataFrame(rows, columns=[*CLAIM_COLUMNS, "reported"])
    frame["reported"] = pd.to_datetime(frame["reported"])
    story.claims_frame = frame
    return frame


def filter_story(story: Story, chosen: ClaimFilter) -> list[Group]:
    """The story's groups as the filters narrow them: each keeps the figures that pass, and a
    group none of whose figures pass is left out. Verdicts stay those of the whole group."""
    shown = filter_claims(claims_table(story), chosen)
    passing = {_claim_key(story.claims[i]) for i in shown.index}
    groups = []
    for group in story.comparison.groups:
        members = [m for m in group.members if _claim_key(m.claim) in passing]
        if members:
            groups.append(dataclasses.replace(group, members=members))
    return groups


def date_filter_key(available: tuple[dt.date, dt.date] | None) -> str:
    """The date picker's widget key, new whenever the story's date range changes, so a range
    picked before an article was added never hides the new article's claims."""
    return "f_dates" if available is None else f"f_dates-{available[0]}-{available[1]}"


def _claim_key(claim: Claim) -> tuple[str, int, int]:
    return (claim.doc_id, claim.start, claim.end)


@dataclass(frozen=True)
class ClaimFilter:
    """What the all-claims table is narrowed to; an empty choice keeps everything."""

    outlets: tuple[str, ...] = ()
    counts: tuple[str, ...] = ()
    verdicts: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    search: str = ""

    @property
    def active(self) -> bool:
        """Whether any filter narrows the claims."""
        return bool(self.outlets or self.counts or self.verdicts or self.date_from
                    or self.date_to or self.search.strip())


def filter_options(frame: pd.DataFrame) -> dict[str, Any]:
    """The choices each filter offers: outlets, things counted, verdicts, the date range."""
    dates = frame["reported"].dropna()
    return {
        "outlets": sorted(frame["outlet"].dropna().unique()),
        "counts": sorted(c for c in frame["counts"].dropna().unique() if c),
        "verdicts": [v for v in [*VERDICT_COLOURS, UNGROUPED] if v in set(frame["verdict"])],
        "dates": (dates.min().date(), dates.max().date()) if not dates.empty else None,
    }


def date_bounds(
    chosen: Sequence[dt.date], available: tuple[dt.date, dt.date] | None
) -> tuple[dt.date | None, dt.date | None]:
    """The date filter a date picker's choice means: none while it spans every report date.

    A picker starts on the full range; filtering then would drop the undated claims the user
    never asked to hide. A half-made choice (only a start picked) filters from that start.
    """
    picked = tuple(chosen)
    if not picked or available is None or picked == tuple(available):
        return None, None
    return picked[0], picked[1] if len(picked) > 1 else None


def filter_claims(frame: pd.DataFrame, chosen: ClaimFilter) -> pd.DataFrame:
    """The rows of :func:`claims_table` that pass every filter.

    A date range keeps claims reported within it (a month-precision date counts as its first
    day) and drops undated ones; the search matches any text column, ignoring case.
    """
    keep = pd.Series(True, index=frame.index)
    if chosen.outlets:
        keep &= frame["outlet"].isin(chosen.outlets)
    if chosen.counts:
        keep &= frame["counts"].isin(chosen.counts)
    if chosen.verdicts:
        keep &= frame["verdict"].isin(chosen.verdicts)
    if chosen.date_from is not None:
        keep &= frame["reported"] >= pd.Timestamp(chosen.date_from)
    if chosen.date_to is not None:
        keep &= frame["reported"] < pd.Timestamp(chosen.date_to) + pd.Timedelta(days=1)
    needle = chosen.search.strip().casefold()
    if needle:
        text_columns = [c for c in SEARCHED_COLUMNS if c in frame]
        found = pd.Series(False, index=frame.index)
        for column in text_columns:
            found |= frame[column].fillna("").astype(str).str.casefold().str.contains(
                needle, regex=False
            )
        keep &= found
    return frame[keep]


SEARCHED_COLUMNS = [
    "figure",
    "counts",
    "event",
    "time scope",
    "attribution",
    "outlet",
    "group",
    "sentence",
    "article",
]


# --------------------------------------------------------------------------------------------
# Helpers


def _timestamp(published: PublicationDate | str | None) -> pd.Timestamp | None:
    """A report date as a timestamp: the first day of its period; None where there is none or
    pandas cannot hold it (its timestamps run from 1677 to 2262: "9999-12" is no time to plot)."""
    if published is None:
        return None
    try:
        if isinstance(published, PublicationDate):
            return pd.Timestamp(published.date)
        return pd.Timestamp(published if len(published) > 4 else f"{published}-01-01")
    except (ValueError, OverflowError):
        return None
