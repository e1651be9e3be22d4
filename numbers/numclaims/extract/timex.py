"""Time phrases: the words that say when a figure holds, and the dates they stand for.

:func:`find_time_phrases` finds phrases such as "since August", "As of early January", "On Jan.
6", "in the past week" or "months before the conflict began" and resolves each against the
article's publication date. The words come from ``data/en/time.toml``; the candidates are found
with one regular expression built from them, so a sentence without a time word costs one scan.

Every phrase has a role: ``"as_of"`` (the moment a running total was counted: "as of", "as at",
"by"), ``"point"`` (a date that says when something was reported, not what a figure covers),
``"record"`` (the date a record is reckoned from: "the highest *since October 2014*", "for the
first time *since 2014*": the figure holds now, not over the years since) or ``"scope"``
(everything else). A date is a point when a reporting verb ("said", "reported",
"told", … listed in time.toml) comes just before it ("reported on Feb. 5", "told Reuters on
Tuesday") or just after it ("The White House on Friday said"), or when it opens a sentence whose
subject then reports ("On Feb. 5, The Wall Street Journal reported"); a date that closes a clause
before the source ("two were killed on Friday, the governor said") is the figure's scope.
``running_total`` is true when the words mark a cumulative count ("since", "so far", "to date",
"in total", "cumulative").

Resolution rules (``period_start``/``period_end`` are dates; None where open or unknown):

* A date that carries its year ("in 2021", "in late February 2022", "Oct. 17, 2022") resolves
  even without a publication date.
* Everything else needs the publication date, and none of it resolves when there is none or when
  its year is missing (``PublicationDate.year_missing``). A phrase also stays unresolved when
  the date is too coarse for it: days and weeks ("yesterday", "on Friday", "last week", "in the
  past 3 days", "in recent weeks") need a day; months named without a year and "this/last
  month" need the month; "this/last/next year" needs only the year.
* A month or a day named without a year is the most recent one not after publication: "since
  September" in February 2023 is 2022-09-01, "On Jan. 6" in an article of 2023-02-07 is
  2023-01-06. "last <month>" is the most recent such month strictly before the publication
  month, "next <month>" the first one strictly after it, "this <month>" the one of the same year.
  "September last year" takes last year's. After words that look ahead (time.toml's
  ``ahead_words``: "will", "set for", "scheduled", "due") a name without a year is the next one
  on or after publication instead ("will be ready by March" in January is this March, "a parade
  set for July 26" in January is this July's); after "for" alone it is the nearer of the two
  ("cancellations for Wednesday" on a Tuesday is the next day).
* A weekday is the most recent such day on or before publication ("on Friday"), or, as above,
  the next or the nearer one after words that look ahead or "for"; "last Friday" is
  strictly before, "next Friday" strictly after, "this Friday" in the same Monday–Sunday week.
* "this/last/next week" is a Monday–Sunday week; month and year are calendar months and years.
  "yesterday" and "today" are days; "N days/weeks/months/years ago" is the calendar day, week,
  month or year that contains the publication date minus N units.
* "the past N units" runs from the publication date minus N units to the publication date;
  "in recent days/weeks/months/years" reaches back 7, 28, 91 and 1,096 days (a convention).
* "early", "mid" and "late" cut a month at days 10 and 20 and a year at April and August, so
  "as of early January" is 1–10 January and "early next year" January–April; "the start of" and
  "the end of" are the first and last third. Quarters and halves cut a year.
* "earlier this month" runs from the month's first day to publication; "later this year" from
  publication to the year's end; "so far this year" is like "earlier" and a running total.
* "since X" runs from the start of X to publication (for a month-precision date, the month's last
  day: "since September" in a 2023-02 article is 2022-09-01..2023-02-28). "until X" ends with X,
  "before X" ends the day before X, "after X" starts the day after X; the other end is open.
  "between X and Y" and "from X to Y" run from the start of X to the end of Y, X being read
  relative to Y ("between March and May 2022").
* "so far" and "to date" alone end on the publication date with an open start; "in total" and
  "cumulative" mark a running total and leave both ends open.
* Phrases anchored on an event ("months before the conflict began", "before the war", "since the
  start of the war") are found with their text and role but left unresolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import IntEnum
from functools import cache
from typing import Any, Literal

from .. import lexicon
from ..errors import LexiconError
from ..models import PublicationDate

Role = Literal["scope", "as_of", "point", "record"]
Span = tuple[dt.date, dt.date]

__all__ = ["TimePhrase", "find_time_phrases", "is_running_total"]


@dataclass(frozen=True)
class TimePhrase:
    """A time phrase found in a text, and the period it stands for.

    ``start``/``end`` are offsets into the text given to :func:`find_time_phrases`;
    ``period_start``/``period_end`` are None where the period is open or cannot be known.
    """

    start: int
    end: int
    text: str
    role: Role
    period_start: dt.date | None
    period_end: dt.date | None
    running_total: bool


def find_time_phrases(text: str, *, published: PublicationDate | None) -> list[TimePhrase]:
    """Every time phrase in ``text``, in order, resolved against ``published``."""
    grammar = _grammar()
    clock = _Clock.of(published)
    phrases = []
    for match in grammar.pattern.finditer(text):
        phrase = _read(match, text, clock, grammar)
        if phrase is not None:
            phrases.append(phrase)
    return phrases


def is_running_total(phrase: str) -> bool:
    """Whether the words of ``phrase`` mark a cumulative count ("since August", "so far")."""
    return _grammar().running.search(phrase) is not None


# --- What is known of "now" ---------------------------------------------------------------------


class _Known(IntEnum):
    """How finely the publication date is known; a phrase needs at least some level to resolve."""

    YEAR = 1
    MONTH = 2
    DAY = 3


@dataclass(frozen=True)
class _Clock:
    """The publication date as a span (``first``..``last``) and how finely it is known."""

    first: dt.date
    last: dt.date
    level: _Known
    #: how a day or month named without its year is placed: the latest on or before
    #: publication ("past"), the next on or after it ("ahead"), or the nearer ("nearest")
    reading: Literal["past", "ahead", "nearest"] = "past"

    @classmethod
    def of(cls, published: PublicationDate | None) -> _Clock | None:
        if published is None or published.year_missing:
            return None
        return cls(published.date, published.last_day, _Known[published.precision.upper()])


def _now(clock: _Clock | None, level: _Known) -> dt.date | None:
    """The latest possible publication day, if the date is known at least to ``level``."""
    if clock is None or clock.level < level:
        return None
    return clock.last


# --- Calendar arithmetic -----------------------------------------------------------------------


def _month_span(year: int, month: int) -> Span:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _year_span(year: int) -> Span:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _week_span(day: dt.date) -> Span:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _year_toward(month: int, day: int, now: dt.date, step: int) -> int | None:
    """The year of the nearest ``month``/``day`` not after ``now`` (``step`` -1) or not before
    it (``step`` 1); a 29 February goes to the nearest leap year that way."""
    for year in range(now.year, now.year + 8 * step, step):
        try:
            if (dt.date(year, month, day) - now).days * step >= 0:
                return year
        except ValueError:
            continue
    return None


def _placed_year(month: int, day: int | None, clock: _Clock) -> int | None:
    """The year of a month, or a day, named without one, as the clock reads it: a month
    named "ahead" is the publication's own month or a later one."""
    now = clock.last
    past = _year_toward(month, day or 1, now, -1)
    if clock.reading == "past":
        return past
    ahead = _year_toward(month, day or calendar.monthrange(now.year, month)[1], clock.first, 1)
    if clock.reading == "ahead" or past is None or ahead is None:
        return ahead if ahead is not None else past
    middle = day or 15  # "nearest": the closer of the two, the past one on a tie
    back = (now - dt.date(past, month, min(middle, 28))).days
    forward = (dt.date(ahead, month, min(middle, 28)) - now).days
    return ahead if forward < back else past


def _day(year: int, month: int, day: int) -> Span | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date, date


# --- The grammar, built from data/en/time.toml ------------------------------------------------

_TABLES: dict[str, tuple[dict[str, type | tuple[type, ...]], tuple[str, ...]]] = {
    "months": ({"number": int, "forms": list}, ("number", "forms")),
    "weekdays": ({"number": int, "forms": list}, ("number", "forms")),
    "units": ({"forms": list, "plural": list}, ("forms", "plural")),
    "amounts": ({"forms": list, "value": int}, ("forms",)),
    "shifts": ({"forms": list, "offset": int}, ("forms", "offset")),
    "spans": ({"forms": list}, ("forms",)),
    "recent": ({"forms": list, "days": int}, ("forms", "days")),
    "deictic": ({"forms": list, "offset": int}, ("forms", "offset")),
    "ago": ({"forms": list}, ("forms",)),
    "one_back": ({"forms": list}, ("forms",)),
    "times_of_day": ({"forms": list}, ("forms",)),
    "period_parts": ({"forms": list, "days": list, "months": list}, ("forms",)),
    "relative_parts": ({"forms": list, "side": str, "running_total": bool}, ("forms", "side")),
    "prepositions": ({"forms": list, "meaning": str, "running_total": bool}, ("forms", "meaning")),
    "ranges": ({"forms": list, "joiners": list}, ("forms", "joiners")),
    "running_totals": ({"forms": list, "until_now": bool}, ("forms", "until_now")),
    "event_anchors": ({"forms": list}, ("forms",)),
    "roles": ({"forms": list}, ("forms",)),
}
_MEANINGS = {"since", "as_of", "within", "until", "before", "after"}
_SIDES = {"before", "after"}
_EVENT_LISTS = ("relations", "leads", "onsets", "events", "verbs")
_PATH = f"data/{lexicon.LANGUAGE}/time.toml"


def _norm(words: str) -> str:
    return " ".join(words.lower().split())


def _index(table: Mapping[str, Mapping[str, Any]], field: str = "forms") -> dict[str, str]:
    """Each form of ``table``, normalised, mapped to its entry's name (a form listed twice is an
    error)."""
    for name, entry in table.items():
        if not all(isinstance(form, str) and form.strip() for form in entry.get(field, ())):
            raise LexiconError(_PATH, f"{name}.{field} must list non-empty strings")
    return lexicon.phrase_index("time", table, field)


def _alt(forms: Any, *, cased: bool = False) -> str:
    """A regex alternation of ``forms``, longest first, ending on a word boundary.

    ``cased`` forms (month and weekday names) must be written capitalised, so "may" and "march"
    as verbs are not months; other forms may start with a capital ("Since August"). The phrase
    pattern is case-sensitive on purpose: an alternative that starts with a plain letter or a
    character class is skipped by the regex engine after one comparison, and that keeps a scan of
    a sentence cheap. Callers place these alternations at the start of a word.
    """
    branches, firsts = [], set()
    for form in sorted(set(forms), key=len, reverse=True):
        body = r"\s+".join(re.escape(word) for word in form.split())
        if cased:
            body = body[:1].upper() + body[1:]
        elif form[:1].isalpha():
            body = f"[{form[0]}{form[0].upper()}]{body[1:]}"
        tail = r"\b" if form[-1:].isalnum() else ""
        branches.append(body + tail)
        firsts.update({form[0].upper()} if cased else {form[0], form[0].upper()})
    first = "".join(re.escape(char) for char in sorted(firsts))
    return f"(?=[{first}])(?:{'|'.join(branches)})"


def _pair(name: str, entry: Mapping[str, Any], key: str, high: int) -> tuple[int, int] | None:
    value = entry.get(key)
    if value is None:
        return None
    if (
        len(value) != 2
        or not all(isinstance(v, int) for v in value)
        or not 1 <= value[0] <= value[1] <= high
    ):
        raise LexiconError(_PATH, f"[period_parts.{name}] {key} must be [first, last] in 1–{high}")
    return value[0], value[1]


@dataclass(frozen=True)
class _Grammar:
    pattern: re.Pattern[str]
    running: re.Pattern[str]
    report_before: re.Pattern[str]
    report_after: re.Pattern[str]
    report_after_subject: re.Pattern[str]
    record_before: re.Pattern[str]
    ahead_before: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    full_weekdays: frozenset[str]
    units: dict[str, str]
    amounts: dict[str, int | None]
    shifts: dict[str, int]
    recent: dict[str, int]
    deictic: dict[str, int]
    month_parts: dict[str, tuple[int, int]]
    year_parts: dict[str, tuple[int, int]]
    relative_parts: dict[str, str]
    prepositions: dict[str, str]
    until_now: dict[str, bool]


def _tables() -> dict[str, dict[str, dict[str, Any]]]:
    tables = {
        key: lexicon.section("time", key, schema, required=required)
        for key, (schema, required) in _TABLES.items()
    }
    for entry in tables["prepositions"].values():
        if entry["meaning"] not in _MEANINGS:
            raise LexiconError(
                _PATH,
                f"preposition meaning {entry['meaning']!r} is not one of "
                f"{', '.join(sorted(_MEANINGS))}",
            )
    for entry in tables["relative_parts"].values():
        if entry["side"] not in _SIDES:
            raise LexiconError(_PATH, f"relative part side {entry['side']!r} is not before/after")
    missing = set(_EVENT_LISTS) - set(tables["event_anchors"])
    if missing or {"report_verbs", "record_words", "ahead_words"} - set(tables["roles"]):
        raise LexiconError(_PATH, "[event_anchors] or [roles] lacks an entry")
    return tables


@cache
def _grammar() -> _Grammar:
    """The compiled grammar; built once, on first use."""
    t = _tables()
    index = {key: _index(t[key]) for key in _TABLES if key not in ("event_anchors", "roles")}
    plural = _index(t["units"], "plural")

    def forms(key: str, field: str = "forms") -> list[str]:
        return [form for entry in t[key].values() for form in entry[field]]

    def entry_value(key: str, field: str) -> dict[str, Any]:
        return {form: t[key][name].get(field) for form, name in index[key].items()}

    words = _Words(
        months=_alt(forms("months"), cased=True),
        weekdays=_alt(forms("weekdays"), cased=True),
        unit=_alt(forms("units")),
        any_unit=_alt(forms("units") + forms("units", "plural")),
        amount=_alt(forms("amounts")),
        shift=_alt(forms("shifts")),
        span=_alt(forms("spans")),
        recent=_alt(forms("recent")),
        deictic=_alt(forms("deictic")),
        ago=_alt(forms("ago")),
        trailing_back=_alt(t["one_back"]["trailing"]["forms"]),
        leading_back=_alt(t["one_back"]["leading"]["forms"]),
        time_of_day=_alt(forms("times_of_day")),
        part=_alt(forms("period_parts")),
        relative_part=_alt(forms("relative_parts")),
        preposition=_alt(forms("prepositions")),
        range_word=_alt(forms("ranges")),
        joiner=_alt(forms("ranges", "joiners")),
        cue=_alt(forms("running_totals")),
        year_word=_alt(t["units"]["year"]["forms"]),
        event={name: _alt(t["event_anchors"][name]["forms"]) for name in _EVENT_LISTS},
    )
    running = [
        *forms("running_totals"),
        *(f for e in t["prepositions"].values() if e.get("running_total") for f in e["forms"]),
        *(f for e in t["relative_parts"].values() if e.get("running_total") for f in e["forms"]),
    ]
    verbs = _alt(t["roles"]["report_verbs"]["forms"])
    parts = {form: t["period_parts"][name] for form, name in index["period_parts"].items()}
    return _Grammar(
        pattern=re.compile(_phrase_pattern(words)),
        running=re.compile(rf"\b(?<!up\s)(?<!up-){_alt(running)}", re.IGNORECASE),
        report_before=re.compile(rf"\b{verbs}{_REPORT_FILLER},?\s*\Z", re.IGNORECASE),
        report_after=re.compile(rf"\s+{verbs}", re.IGNORECASE),
        report_after_subject=re.compile(rf",?\s+{_REPORT_SUBJECT}{verbs}", re.IGNORECASE),
        record_before=re.compile(
            rf"\b{_alt(t['roles']['record_words']['forms'])}(?:\s+[\w-]+){{0,3}}\s+\Z",
            re.IGNORECASE),
        # in the date's own clause, and not "was scheduled for March 3", said after the day
        ahead_before=re.compile(
            rf"(?<!\bwas\s)(?<!\bwere\s)\b{_alt(t['roles']['ahead_words']['forms'])}\b"
            rf"(?:[^.,;!?\n]|(?<=\d)[.,](?=\d)){{0,50}}\Z", re.IGNORECASE),
        months={form: t["months"][name]["number"] for form, name in index["months"].items()},
        weekdays={form: t["weekdays"][name]["number"] for form, name in index["weekdays"].items()},
        full_weekdays=frozenset(t["weekdays"]),
        units={**index["units"], **plural},
        amounts=entry_value("amounts", "value"),
        shifts=entry_value("shifts", "offset"),
        recent=entry_value("recent", "days"),
        deictic=entry_value("deictic", "offset"),
        month_parts={
            form: pair
            for form, name in index["period_parts"].items()
            if (pair := _pair(name, parts[form], "days", 31))
        },
        year_parts={
            form: pair
            for form, name in index["period_parts"].items()
            if (pair := _pair(name, parts[form], "months", 12))
        },
        relative_parts=entry_value("relative_parts", "side"),
        prepositions=entry_value("prepositions", "meaning"),
        until_now=entry_value("running_totals", "until_now"),
    )


# A name between a reporting verb and the date ("told Mehr on Friday", "said in a statement on
# Friday"), or the subject before the verb ("On Feb. 5, The Wall Street Journal reported").
_NAME = r"(?-i:[A-Z])[\w’'.&-]*"
_REPORT_FILLER = (
    rf"(?:\s+(?:(?:the\s+)?{_NAME}|reporters|journalists|in\s+an?\s+(?:statement|interview|report|"
    rf"briefing|post|video|speech)))*"
)
_REPORT_SUBJECT = r"(?:(?:[^\W\d][\w’'.&-]*)\s+){0,4}?"

_DAY = r"(?<![\d.,:/])(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
_YEAR = r"(?<![\d.,$£€/])(?:1[89]\d\d|20\d\d)(?![\d:%/]|[.,]\d|s\b)"
_ISO = r"(?<![\d-])(?:1[89]|20)\d\d-[01]\d-[0-3]\d(?![\d-])"
_NUMBER = r"\d{1,3}"
# A clock time before the day it falls on: "by 5 pm Tuesday", "at 7 a.m. on Friday"
_CLOCK = r"(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:[ap]\.?m\b\.?)"


@dataclass(frozen=True)
class _Words:
    """Regex alternations of the words in time.toml."""

    months: str
    weekdays: str
    unit: str
    any_unit: str
    amount: str
    shift: str
    span: str
    recent: str
    deictic: str
    ago: str
    trailing_back: str
    leading_back: str
    time_of_day: str
    part: str
    relative_part: str
    preposition: str
    range_word: str
    joiner: str
    cue: str
    year_word: str
    event: dict[str, str]


def _core(w: _Words, p: str) -> str:
    """The alternatives for the time itself, their groups' names prefixed with ``p``."""
    month = rf"(?<!\w){w.months}(?![\w-])"
    return "|".join(
        [
            rf"(?P<{p}month>{month})(?:(?:(?<=\.)\s*|\s+)(?P<{p}month_day>{_DAY}))?"
            rf"(?:,?\s*(?P<{p}month_year>{_YEAR}))?",
            rf"(?P<{p}day>{_DAY})(?:\s+of)?\s+(?P<{p}day_month>{month})"
            rf"(?:,?\s*(?P<{p}day_year>{_YEAR}))?",
            rf"(?P<{p}iso>{_ISO})",
            rf"(?P<{p}year>{_YEAR})",
            rf"(?P<{p}span>{w.span}(?:\s+(?P<{p}span_n>{w.amount}|{_NUMBER}))?"
            rf"\s+(?P<{p}span_u>{w.any_unit}))",
            rf"(?P<{p}recent>{w.recent})",
            rf"(?P<{p}ago>{w.amount}|{_NUMBER})\s+(?P<{p}ago_u>{w.any_unit})\s+{w.ago}",
            rf"(?P<{p}back>[tT]he)\s+(?:(?P<{p}back_d>{w.weekdays})|(?P<{p}back_u>{w.unit}))"
            rf"\s+{w.trailing_back}(?![\w-])",
            rf"(?P<{p}back_lead>{w.leading_back})\s+(?P<{p}back_lead_d>{w.weekdays})(?![\w-])",
            rf"(?P<{p}shift>{w.shift})\s+(?:(?P<{p}shift_u>{w.unit})"
            rf"|(?P<{p}shift_m>{month})|(?P<{p}shift_d>{w.weekdays})(?![\w-]))",
            rf"(?P<{p}weekday>{w.weekdays})(?![\w-])",
            rf"(?P<{p}today>{w.deictic})",
            rf"(?P<{p}the>[tT]he)\s+(?P<{p}the_u>{w.unit})",
        ]
    )


def _phrase_pattern(w: _Words) -> str:
    """One pattern for every phrase shape: ranges, event anchors, dated phrases, bare cues."""
    part = r"(?:\s*-\s*|\s+)"
    ev = w.event
    # "between Friday, July 19 and Sunday, July 21": the weekday before a date adds nothing
    weekday = rf"(?:{w.weekdays},?\s+(?=\w+\s+\d|\d))?"
    range_ = (
        rf"(?P<range>{w.range_word})\s+"
        rf"(?:(?P<a_part>{w.part}){part})?{weekday}(?:{_core(w, 'a_')})\s*{w.joiner}\s*"
        rf"(?:(?P<b_part>{w.part}){part})?{weekday}(?:{_core(w, 'b_')})"
    )
    # "since the monsoon began in mid-June": the event's date is written, so the phrase is dated
    onset = (rf"(?:[tT]he|{_NAME}['’]s)\s+(?:[\w-]+\s+){{1,3}}?{ev['verbs']}\s+(?:in|on)\s+")
    month = rf"(?<!\w){w.months}(?![\w-])"
    event = (
        rf"(?!{w.preposition}\s+{onset}(?:{month}|{w.weekdays}|{w.part}|\d))"
        rf"(?P<event>(?:(?:(?:{w.amount}|{_NUMBER})\s+)?{w.any_unit}\s+|{ev['leads']}\s+)?"
        rf"(?P<event_relation>{ev['relations']})\s+(?:[tT]he\s+{ev['onsets']}\s+of\s+)?"
        rf"(?:[tT]he|{_NAME}['’]s)\s+(?:[\w-]+\s+)??{ev['events']}"
        rf"(?:\s+(?:in|of|on|against|with)\s+{_NAME})?(?:\s+{ev['verbs']})?)"
    )
    dated = (
        rf"(?:(?P<prep>{w.preposition})\s+(?:{onset})?)?(?:{_CLOCK}\s+(?:on\s+)?)?"
        rf"(?:(?P<relative_part>{w.relative_part})\s+|(?P<part>{w.part}){part})?"
        rf"(?:{_core(w, '')})"
        rf"(?:,?\s+(?:of\s+)?(?P<year_shift>{w.shift})\s+{w.year_word}(?![\w'’]))?"
        rf"(?:\s+{w.time_of_day})?"
        rf"(?:,?\s+(?P<trail>{w.cue}))?"
    )
    # "from December 21 to 31", "between 6 and 9 June": days of one month, the month written once
    days = (
        rf"(?P<days>(?:{w.range_word}\s+)?(?:(?P<days_month>{month})\s+)?"
        rf"(?P<days_first>{_DAY})\s*{w.joiner}\s*(?P<days_last>{_DAY})(?!\s+of\b)"
        rf"(?(days_month)|\s+(?P<days_month_after>{month}))(?:,?\s*(?P<days_year>{_YEAR}))?)"
    )
    cue = rf"(?P<cue>(?<!up\s)(?<!up-){w.cue})"
    # Every phrase starts a word; testing that first skips most positions cheaply.
    return rf"(?<!\w)(?=\w)(?:{range_}|{event}|{days}|{dated}|{cue})"


# --- Reading a match ----------------------------------------------------------------------------

_KINDS = (
    "month",
    "day",
    "iso",
    "year",
    "span",
    "recent",
    "ago",
    "back",
    "back_lead",
    "shift",
    "weekday",
    "today",
    "the",
)


def _kind(match: re.Match[str], p: str) -> str:
    return next(kind for kind in _KINDS if match.group(p + kind) is not None)


def _read(match: re.Match[str], text: str, clock: _Clock | None, g: _Grammar) -> TimePhrase | None:
    role: Role = "scope"
    if match.group("range") is not None:
        period = _calendar_bound(_range, match, clock, g)
    elif match.group("days") is not None:
        period = _calendar_bound(_days, match, clock, g)
    elif match.group("event") is not None:
        period = (None, None)
    elif match.group("cue") is not None:
        until_now = g.until_now[_norm(match.group("cue"))]
        period = (None, _now(clock, _Known.YEAR) if until_now else None)
    else:
        meaning = g.prepositions[_norm(match.group("prep"))] if match.group("prep") else "within"
        kind = _kind(match, "")
        if not _is_time(match, kind, text, g):
            return None
        clock = _reading(match, text, clock, g)
        period = _calendar_bound(_dated, match, kind, meaning, clock, g)
        if meaning == "as_of":
            role = "as_of"
        elif meaning == "within" and _reported(text, match.start(), match.end(), g):
            role = "point"
        elif meaning == "since" and g.record_before.search(text, max(0, match.start() - 40),
                                                          match.start()):
            return TimePhrase(match.start(), match.end(), match.group(), "record", *period,
                              running_total=False)
    phrase = match.group()
    if period[0] is not None and period[1] is not None and period[1] < period[0]:
        period = (None, None)  # "since late August" on 15 August: no such period yet
    running = is_running_total(phrase)
    if role == "point" and running:
        role = "scope"
    return TimePhrase(match.start(), match.end(), phrase, role, *period, running_total=running)


def _calendar_bound(
    resolve: Callable[..., tuple[dt.date | None, dt.date | None]], *args: Any
) -> tuple[dt.date | None, dt.date | None]:
    """The period a phrase resolves to, or an unresolved one where it would fall off the
    calendar ("next month" in December 9999, "2 years ago" in the year 1): Python's dates run
    from the year 1 to 9999, and a phrase reaching past them is left unknown, not guessed."""
    try:
        return resolve(*args)
    except (ValueError, OverflowError):
        return None, None


def _is_time(match: re.Match[str], kind: str, text: str, g: _Grammar) -> bool:
    """Whether the words are a time here: some are words in their own right and count only after
    a preposition or a modifier ("Theresa May", "2,021 drones", "The Sun", "USA Today")."""
    modified = match.group("part") or match.group("relative_part")
    if kind == "the":
        return bool(modified)
    if modified or match.group("prep") or match.group("year_shift"):
        return True
    if kind == "month":
        return bool(match.group("month_day") or match.group("month_year"))
    if kind == "weekday":
        return _norm(match.group("weekday")) in g.full_weekdays
    if kind == "today" and match.group()[:1].isupper():
        return _NAME_BEFORE.search(text, max(0, match.start() - 40), match.start()) is None
    return kind != "year"


_NAME_BEFORE = re.compile(r"[A-Z][\w&-]*\s+\Z")


def _reported(text: str, start: int, end: int, g: _Grammar) -> bool:
    """Whether the date says when something was reported, not what a figure covers.

    It does when a reporting verb comes just before it ("reported on Feb. 5", "told Reuters on
    Friday") or just after it ("The White House on Friday said"), or when it opens a sentence
    whose subject then reports ("On Feb. 5, The Wall Street Journal reported"). A date closing a
    clause before the source ("killed on Friday, the governor said") is the figure's scope.
    """
    before = text[max(0, start - 80) : start]
    if g.report_before.search(before) or g.report_after.match(text, end):
        return True
    opens_sentence = not before.strip() or before.rstrip()[-1] in _SENTENCE_ENDS
    return opens_sentence and g.report_after_subject.match(text, end) is not None


def _reading(match: re.Match[str], text: str, clock: _Clock | None, g: _Grammar) -> _Clock | None:
    """The clock for a date named without its year: one after words that look ahead ("set
    for July 26", "will strike on Friday") is the next such day, one after "for" alone
    ("cancellations for Wednesday") the nearer one."""
    if clock is None:
        return None
    if g.ahead_before.search(text, max(0, match.start() - 60), match.start()):
        return replace(clock, reading="ahead")
    if match.group("prep") and _norm(match.group("prep")) == "for":
        return replace(clock, reading="nearest")
    return clock


_SENTENCE_ENDS = frozenset(".!?:;\"“”'‘’\n")


def _dated(
    match: re.Match[str], kind: str, meaning: str, clock: _Clock | None, g: _Grammar
) -> tuple[dt.date | None, dt.date | None]:
    span = _span(match, kind, "", clock, g)
    if span is not None and match.group("relative_part"):
        span = _cut_at_now(span, g.relative_parts[_norm(match.group("relative_part"))], clock)
    if span is not None and match.group("trail"):
        span = _cut_at_now(span, "before", clock)
    now = _now(clock, _Known.YEAR)
    if meaning == "since":
        return (span[0] if span else None), now
    if span is None:
        return None, None
    if meaning == "until":
        return None, span[1]
    if meaning == "before":
        return None, span[0] - dt.timedelta(days=1)
    if meaning == "after":
        return span[1] + dt.timedelta(days=1), None
    return span


def _cut_at_now(span: Span, side: str, clock: _Clock | None) -> Span | None:
    """The part of ``span`` before or after publication ("earlier this month", "later this
    year")."""
    if clock is None:
        return None
    if side == "before":
        return span[0], min(span[1], clock.last)
    return max(span[0], clock.first), span[1]


def _range(
    match: re.Match[str], clock: _Clock | None, g: _Grammar
) -> tuple[dt.date | None, dt.date | None]:
    """ "between March and May": the second time first, then the first one relative to it."""
    last = _span(match, _kind(match, "b_"), "b_", clock, g)
    anchor = _Clock(last[1], last[1], _Known.DAY) if last else clock
    first = _span(match, _kind(match, "a_"), "a_", anchor, g)
    return (first[0] if first else None), (last[1] if last else None)


def _days(
    match: re.Match[str], clock: _Clock | None, g: _Grammar
) -> tuple[dt.date | None, dt.date | None]:
    """ "from December 21 to 31": the first day's start to the last day's end, in one month."""
    month = g.months[_norm(match.group("days_month") or match.group("days_month_after"))]
    first, last = (int(re.sub(r"\D", "", match.group(f"days_{end}"))) for end in ("first", "last"))
    if last < first:
        return None, None
    year_text = match.group("days_year")
    year = int(year_text) if year_text else _month_year(match, "days_", month, first, clock, g)
    if year is None:
        return None, None
    start, end = _day(year, month, first), _day(year, month, last)
    return (start[0] if start else None), (end[1] if end else None)


def _span(
    match: re.Match[str], kind: str, p: str, clock: _Clock | None, g: _Grammar
) -> Span | None:
    """The period of the time itself, with "early"/"mid"/"late"/quarters applied."""
    span = _RESOLVERS[kind](match, p, clock, g)
    part = match.group(p + "part")
    if span is None or part is None:
        return span
    start, end = span
    form = _norm(part)
    if start.day == 1 and end == _month_span(start.year, start.month)[1]:
        days = g.month_parts.get(form)
        if days is None:
            return span
        last = min(days[1], end.day)
        return start.replace(day=days[0]), start.replace(day=last)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        months = g.year_parts.get(form)
        if months is None:
            return span
        return _month_span(start.year, months[0])[0], _month_span(start.year, months[1])[1]
    return span


# --- One resolver per kind of time ----------------------------------------------------------------

_Resolver = Callable[[re.Match[str], str, _Clock | None, _Grammar], Span | None]


def _month_year(
    match: re.Match[str], p: str, month: int, day: int | None, clock: _Clock | None, g: _Grammar
) -> int | None:
    """The year of a month (or day) named without one: "since August", "On Jan. 6"."""
    shift = match.group("year_shift") if not p else None
    if shift is not None:
        now = _now(clock, _Known.YEAR)
        return now.year + g.shifts[_norm(shift)] if now else None
    if clock is None or _now(clock, _Known.MONTH) is None:
        return None
    return _placed_year(month, day, clock)


def _month(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    """ "Jan. 6", "January 6, 2023", "February 2022", "since August"."""
    month = g.months[_norm(match.group(p + "month"))]
    day_text, year_text = match.group(p + "month_day"), match.group(p + "month_year")
    day = int(re.sub(r"\D", "", day_text)) if day_text else None
    year = int(year_text) if year_text else _month_year(match, p, month, day, clock, g)
    if year is None:
        return None
    return _day(year, month, day) if day else _month_span(year, month)


def _day_month(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    """ "6 January", "31 March 2023", "20 Nov, 2022"."""
    month = g.months[_norm(match.group(p + "day_month"))]
    day = int(re.sub(r"\D", "", match.group(p + "day")))
    year_text = match.group(p + "day_year")
    year = int(year_text) if year_text else _month_year(match, p, month, day, clock, g)
    return _day(year, month, day) if year else None


def _iso(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    year, month, day = (int(n) for n in match.group(p + "iso").split("-"))
    return _day(year, month, day)


def _year(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span:
    return _year_span(int(match.group(p + "year")))


def _amount(words: str, g: _Grammar) -> int | None:
    return int(words) if words.isdigit() else g.amounts[_norm(words)]


def _back(now: dt.date, unit: str, amount: int) -> dt.date:
    """``now`` minus ``amount`` units."""
    if unit in ("month", "year"):
        return _add_months(now, -amount * (12 if unit == "year" else 1))
    days = {"hour": math.ceil(amount / 24), "day": amount}.get(unit, 7 * amount)
    return now - dt.timedelta(days=days)


def _past(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    """ "the past three weeks": from publication minus three weeks to publication."""
    now = _now(clock, _Known.DAY)
    amount_words = match.group(p + "span_n")
    amount = _amount(amount_words, g) if amount_words else 1
    if now is None or amount is None:
        return None
    return _back(now, g.units[_norm(match.group(p + "span_u"))], amount), now


def _recent(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    now = _now(clock, _Known.DAY)
    if now is None:
        return None
    return now - dt.timedelta(days=g.recent[_norm(match.group(p + "recent"))]), now


def _ago(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    """ "two weeks ago": the calendar week (day, month, year) that holds publication minus two
    weeks."""
    unit = g.units[_norm(match.group(p + "ago_u"))]
    amount = _amount(match.group(p + "ago"), g)
    level = {"year": _Known.YEAR, "month": _Known.MONTH}.get(unit, _Known.DAY)
    now = _now(clock, level)
    if now is None or amount is None:
        return None
    return _calendar_unit(_back(now, unit, amount), unit, hours_from=now)


def _one_back(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    """ "the Saturday before", "the previous Saturday": the Saturday a week before the one "on
    Saturday" names (the most recent on or before publication); "the week before", "the month
    earlier": the one before publication's, as "last week"."""
    weekday = match.group(p + "back_d") or match.group(p + "back_lead_d")
    if weekday is None:
        return _shifted_unit(g.units[_norm(match.group(p + "back_u"))], -1, clock)
    now = _now(clock, _Known.DAY)
    if now is None:
        return None
    day = _latest(g.weekdays[_norm(weekday)], now) - dt.timedelta(days=7)
    return day, day


def _calendar_unit(day: dt.date, unit: str, *, hours_from: dt.date) -> Span:
    if unit == "year":
        return _year_span(day.year)
    if unit == "month":
        return _month_span(day.year, day.month)
    if unit in ("week", "weekend"):
        return _week_span(day)
    if unit == "hour":
        return day, hours_from
    return day, day


def _shift(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    """ "last week", "next year", "last September", "last Friday"."""
    offset = g.shifts[_norm(match.group(p + "shift"))]
    if match.group(p + "shift_m") is not None:
        return _shifted_month(g.months[_norm(match.group(p + "shift_m"))], offset, clock)
    if match.group(p + "shift_d") is not None:
        return _shifted_weekday(g.weekdays[_norm(match.group(p + "shift_d"))], offset, clock)
    unit = g.units[_norm(match.group(p + "shift_u"))]
    return _shifted_unit(unit, offset, clock)


def _shifted_month(month: int, offset: int, clock: _Clock | None) -> Span | None:
    now = _now(clock, _Known.MONTH if offset else _Known.YEAR)
    if now is None:
        return None
    year = now.year
    if offset < 0 and month >= now.month:
        year -= 1
    elif offset > 0 and month <= now.month:
        year += 1
    return _month_span(year, month)


def _shifted_weekday(weekday: int, offset: int, clock: _Clock | None) -> Span | None:
    now = _now(clock, _Known.DAY)
    if now is None:
        return None
    if offset < 0:
        day = now - dt.timedelta(days=(now.weekday() - weekday - 1) % 7 + 1)
    elif offset > 0:
        day = now + dt.timedelta(days=(weekday - now.weekday() - 1) % 7 + 1)
    else:
        day = _week_span(now)[0] + dt.timedelta(days=weekday)
    return day, day


def _shifted_unit(unit: str, offset: int, clock: _Clock | None) -> Span | None:
    level = {"year": _Known.YEAR, "month": _Known.MONTH}.get(unit, _Known.DAY)
    now = _now(clock, level)
    if now is None or unit == "hour":
        return None
    if unit == "year":
        return _year_span(now.year + offset)
    if unit == "month":
        shifted = _add_months(now.replace(day=1), offset)
        return _month_span(shifted.year, shifted.month)
    if unit == "day":
        day = now + dt.timedelta(days=offset)
        return day, day
    monday = _week_span(now)[0] + dt.timedelta(days=7 * offset)
    if unit == "weekend":
        return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
    return monday, monday + dt.timedelta(days=6)


def _weekday(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    """ "on Friday": the most recent Friday on or before publication."""
    now = _now(clock, _Known.DAY)
    if now is None:
        return None
    weekday = g.weekdays[_norm(match.group(p + "weekday"))]
    day = _latest(weekday, now)
    if clock is not None and clock.reading != "past":
        ahead = now + dt.timedelta(days=(weekday - now.weekday()) % 7)
        if clock.reading == "ahead" or (ahead - now) < (now - day):
            day = ahead
    return day, day


def _latest(weekday: int, now: dt.date) -> dt.date:
    """The most recent such weekday on or before ``now``."""
    return now - dt.timedelta(days=(now.weekday() - weekday) % 7)


def _today(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    now = _now(clock, _Known.DAY)
    if now is None:
        return None
    day = now + dt.timedelta(days=g.deictic[_norm(match.group(p + "today"))])
    return day, day


def _the_unit(match: re.Match[str], p: str, clock: _Clock | None, g: _Grammar) -> Span | None:
    """ "the year" in "since the start of the year": the unit holding publication."""
    return _shifted_unit(g.units[_norm(match.group(p + "the_u"))], 0, clock)


_RESOLVERS: dict[str, _Resolver] = {
    "month": _month,
    "day": _day_month,
    "iso": _iso,
    "year": _year,
    "span": _past,
    "recent": _recent,
    "ago": _ago,
    "back": _one_back,
    "back_lead": _one_back,
    "shift": _shift,
    "weekday": _weekday,
    "today": _today,
    "the": _the_unit,
}
