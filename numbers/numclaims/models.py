"""The records that flow through numclaims: documents in, claims out."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from .errors import one_line

Precision = Literal["day", "month", "year"]
Qualifier = Literal["=", "~", ">", ">=", "<", "<=", "range", "vague"]
Trend = Literal["up", "down"]


@dataclass(frozen=True)
class PublicationDate:
    """When an article was published, as far as anyone knows.

    ``date`` is the first day of the known period: 2023-02-01 with ``precision="month"`` means
    "some day in February 2023". ``inferred`` is true when numclaims read the date from the
    article's own text instead of being told it; ``year_missing`` is true when that text gave no
    year ("7 February, 06:46 PM") and the year was not supplied either, so the date must not be
    trusted for resolving time phrases.
    """

    date: dt.date
    precision: Precision = "day"
    inferred: bool = False
    year_missing: bool = False
    text: str | None = None

    def iso(self) -> str:
        """ISO 8601 at the date's own precision: ``2023``, ``2023-02`` or ``2023-02-07``.

        A date whose year is unknown is written ``--02-07`` (ISO 8601's month-day form).
        """
        if self.year_missing:
            return f"--{self.date.month:02d}-{self.date.day:02d}"
        if self.precision == "year":
            return f"{self.date.year:04d}"
        if self.precision == "month":
            return f"{self.date.year:04d}-{self.date.month:02d}"
        return self.date.isoformat()

    @property
    def last_day(self) -> dt.date:
        """The last day the article can have been published on."""
        if self.precision == "year":
            return dt.date(self.date.year, 12, 31)
        if self.precision == "month":
            return dt.date(
                self.date.year,
                self.date.month,
                calendar.monthrange(self.date.year, self.date.month)[1],
            )
        return self.date


@dataclass(frozen=True)
class Document:
    """One article as read.

    ``text`` is the article's text exactly as read (the decoded file, the JSONL line's text, or
    the text extracted from HTML); every claim's ``start``/``end`` index into it. ``body`` lists
    the ``(start, end)`` character ranges of ``text`` that are article prose: page furniture
    (reading times, share prompts, newsletter blurbs, teasers after the article) and paragraphs
    that repeat an earlier one are left out, so they produce no claims.
    """

    doc_id: str
    text: str
    body: tuple[tuple[int, int], ...]
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: PublicationDate | None = None
    source: str | None = None

    def body_text(self) -> str:
        """The article prose alone, paragraphs joined by blank lines (for display and hashing)."""
        return "\n\n".join(self.text[start:end] for start, end in self.body)


@dataclass
class Claim:
    """A quantified statement in one article: a figure, what it counts, when, and who says so.

    Bounds follow the conventions in the README: ``lower``/``upper`` are None where open.
    ``start``/``end`` are offsets of the figure in the document's ``text``;
    ``sentence_start`` is the offset of ``sentence`` in the same text.
    """

    doc_id: str
    sentence: str
    start: int
    end: int
    surface: str
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: Qualifier
    sentence_start: int = 0
    trend: Trend | None = None
    unit: str | None = None
    dimension: str | None = None
    #: the ISO 4217 code of a sum's currency ("HK$5bn" → "HKD"), None for no money
    currency: str | None = None
    entity: str | None = None
    noun_phrase: str | None = None
    event: str | None = None
    agent: str | None = None
    place: str | None = None
    part_of: str | None = None
    time_scope: str | None = None
    period_start: str | None = None
    period_end: str | None = None
    as_of: str | None = None
    as_of_start: str | None = None
    as_of_end: str | None = None
    attribution: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The claim as a plain dict, with the stable field names of ``--format jsonl``."""
        return dataclasses.asdict(self)


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Claim))


@dataclass(frozen=True)
class ReadProblem:
    """An input that could not be read, kept so a batch can report it and carry on."""

    source: str
    problem: str

    def __str__(self) -> str:
        # Names and problems can hold what an input contained (a file name with a newline):
        # escaped, a problem prints as one line.
        return one_line(f"{self.source}: {self.problem}")


@dataclass
class Corpus:
    """What a batch read produced: the documents, and the inputs that failed."""

    documents: list[Document] = field(default_factory=list)
    problems: list[ReadProblem] = field(default_factory=list)


Verdict = Literal["consistent", "conflict", "evolving", "scope-differs", "single"]
#: Verdicts in the order a fact-checker wants them: conflicts first.
VERDICT_ORDER: tuple[Verdict, ...] = (
    "conflict", "scope-differs", "evolving", "consistent", "single",
)


@dataclass
class Member:
    """A claim inside a group, with the range it is read as and why it joined the group.

    ``stated_low``/``stated_high`` are the bounds its words state; ``low``/``high`` the range it
    is read as when a flat figure may be rounded ("40" is read as 35–45). None where open.
    """

    claim: Claim
    low: float | None
    high: float | None
    reason: str
    #: Whoever the figure traces back to: a named attribution, else the outlet or the article.
    origin: str = ""
    stated_low: float | None = None
    stated_high: float | None = None


@dataclass
class Group:
    """Claims from one or more articles that measure the same quantity, and the verdict on them."""

    id: str
    label: str
    verdict: Verdict
    reason: str
    origins: int
    notes: list[str]
    members: list[Member]
    #: What the group measures, in words a reader can check: the thing, the place, how it
    #: behaves over time, the time scope and the doer.
    quantity: str = ""
    #: The figures by source when more than one source gives them ("the interior ministry:
    #: '1.1 million' (3 outlets)").
    sources: list[str] = field(default_factory=list)


@dataclass
class Comparison:
    """Every group of a comparison, conflicts first."""

    groups: list[Group]


#: The states a reviewer puts a group in.
Status = Literal["reviewed", "needs work", "published"]
STATUSES: tuple[str, ...] = ("reviewed", "needs work", "published")


@dataclass
class GroupReview:
    """What reviewers decided about one group, replayed from a workspace's decision log.

    ``verdict`` is the reviewer's verdict (the computed one confirmed, or another put in its
    place); None while nobody has judged the group. ``notes`` are the reviewers' notes, oldest
    first, each with who wrote it and when. ``flags`` say where evidence that arrived after a
    decision goes against it ("reviewed as consistent, but a new figure lies outside every
    range"); a flagged decision is kept, never silently dropped, and shown beside the verdict.
    ``by_hand`` is true when a reviewer moved claims into or out of the group, split or merged
    it, so its computed verdict judges the members as the reviewer arranged them.
    """

    verdict: Verdict | None = None
    status: Status | None = None
    notes: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    reviewed_by: str | None = None
    reviewed_at: str | None = None
    by_hand: bool = False
