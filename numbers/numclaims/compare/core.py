"""Compare: line up the figures that measure the same thing, judge them, and say why.

The flow for one batch of claims:

1. read each claim (:func:`_read`): what it counts (a thing from ``things.toml``, or a unit's
   dimension), what happens to it (an event class from ``events.toml``), its time scope, the
   range its figure stands for (:func:`figure_range`) and where it comes from (its origin);
2. group (:func:`_group`): claims that count the same thing, with compatible events and time
   scopes, form one group. A claim is only ever checked against the groups of its block (one
   counted thing or dimension) filed under its event family and its months, so the cost grows
   with the claims, not with their square;
3. judge each group (:func:`_judge`): a verdict with a one-sentence reason, drift notes for
   figures that agree, and the number of independent origins;
4. order the groups: conflicts first, then the newest reports.

Grouping
--------
Claims share a group when they count the same thing (one set of ``things.toml``: drone = UAV =
Shahed-136; or units of one dimension: dollars and euros, compared after conversion), their
events are in one class of ``events.toml`` or in related classes (deployed = launched; pledged ~
supplied; never deployed and shot down), and their time scopes are compatible: a claim that
gives no time fits any; running totals fit when they start in the same period; periods fit when
they overlap; a phrase nobody could place on the calendar fits only itself. People counted as
speaking ("three officials said", "citing three people") count a report's sources. A claim
joins the group whose every member it fits, preferring one whose figures it agrees with.

The range rule
--------------
A figure stands for a range. Its bounds come from its qualifier ("more than 400" → 400 and up,
"nearly 500" → 450–500, "hundreds" → 100–1,000). A figure stated flat ("400", "6,000", a range
"5,000–6,000") is read as rounded to the place of its last non-zero digit and widened by half that
place: "400" stands for 350–450, "6,000" for 5,500–6,500, "1.5 million" for 1.45–1.55 million,
"3,958" for itself. Whole figures under ten and number words under a hundred ("three") are
exact; a number word of a round size ("a thousand", "billion-dollar") is rounded like its digits.
The widening is at most an eighth of the figure, so that "100" is 87.5–112.5, not 50–150.
A qualified figure keeps the bounds its qualifier gives: "more than 400" already says how far
from 400 the truth may lie, and its lower bound is firm.

The verdicts
------------
``single``: one report (one article, or copies of one article) and nothing to disagree with.
``consistent``: every figure's range overlaps every other's. ``evolving``: a running total
("since August", "so far", "to date") that changes with the date it was counted (its as-of
date, else its report date) in a direction that makes sense, i.e. never falls. A running
total that falls with a later date, or two figures of the same time scope and event whose
ranges do not overlap, is a ``conflict``.
``scope-differs``: the figures differ, but every pair that differs has a different time scope or
a related but different event, so they need not contradict each other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from .. import lexicon
from ..errors import LexiconError
from ..extract.timex import is_running_total
from ..models import CLAIM_FIELDS, Claim, Comparison, Document, Group, Member, Verdict

#: A flat figure is widened by at most this share of its value (see "The range rule").
MAX_ROUNDING_SHARE = 0.125
#: "about 500" without bounds from the extractor is read as 450–550.
ABOUT_SHARE = 0.1
#: Two articles are copies of one another when they share at least this many sentences...
COPY_MIN_SHARED = 2
#: ...and these make up at least this share of the shorter article's sentences.
COPY_MIN_SHARE = 0.5
#: Sentences shorter than this are too common to tell a copy ("Share it...").
COPY_MIN_SENTENCE = 30
#: A sentence found in more articles than this is boilerplate, not evidence of copying.
COPY_MAX_POSTING = 200
#: A period longer than this is filed as "wide" and checked against every claim of its block.
WIDE_MONTHS = 36
#: Verdicts in the order a fact-checker wants them: conflicts first.
VERDICT_ORDER: tuple[Verdict, ...] = (
    "conflict", "scope-differs", "evolving", "consistent", "single",
)
#: Columns of :func:`comparison_frame` that describe the group; the claim's fields follow.
GROUP_COLUMNS = ("group_id", "group_label", "verdict", "group_reason", "origins", "notes")
#: Columns of :func:`comparison_frame` that describe the claim's place in its group.
MEMBER_COLUMNS = ("low", "high", "reason", "origin")


# --------------------------------------------------------------------------------------------
# Public API


def compare(claims: Iterable[Claim], *, documents: Iterable[Document] | None = None) -> Comparison:
    """Group the claims that measure the same quantity and judge each group.

    ``documents``, when given, are the articles the claims come from; their text is used to
    recognise near-duplicates (a wire story reprinted, a page scraped twice). Without them,
    copies are recognised from the claims' sentences alone. Every claim ends up in exactly one
    group; a claim with no counterpart is a group of its own.
    """
    vocabulary = _vocabulary()
    claims = list(claims)
    copies = _copy_clusters(claims, documents)
    readings = [_read(claim, index, vocabulary) for index, claim in enumerate(claims)]
    origins = _origins(readings, copies, vocabulary)
    groups = [_judge(draft, origins, copies) for draft in _group(readings)]
    groups.sort(key=group_order)
    return Comparison(groups=groups)


def judge(claims: Iterable[Claim], *, documents: Iterable[Document] | None = None) -> Group:
    """Judge ``claims`` as one group, as they stand: for a group a reviewer formed by hand
    (claims moved, groups split or merged), so it gets a verdict, reason and origins of its own.
    """
    vocabulary = _vocabulary()
    claims = list(claims)
    if not claims:
        raise ValueError("a group needs at least one claim")
    copies = _copy_clusters(claims, documents)
    readings = [_read(claim, index, vocabulary) for index, claim in enumerate(claims)]
    origins = _origins(readings, copies, vocabulary)
    draft = _Draft(order=0, readings=[])
    for reading in readings:
        draft.add(reading)
    return _judge(draft, origins, copies)


def figure_range(claim: Claim) -> tuple[float | None, float | None]:
    """The range ``claim``'s figure stands for, in its own unit; None where open.

    Bounds come from the qualifier; a flat figure is widened by its rounding (see the module's
    "The range rule").
    """
    low, high = claim.lower, claim.upper
    if claim.qualifier in ("=", "range"):
        if low is None and high is None and claim.value is not None:
            low = high = claim.value
        margin = rounding(claim)
        low = None if low is None else low - margin
        high = None if high is None else high + margin
    elif claim.qualifier == "~" and low is None and high is None and claim.value is not None:
        low, high = claim.value * (1 - ABOUT_SHARE), claim.value * (1 + ABOUT_SHARE)
    elif claim.qualifier in (">", ">=") and low is None:
        low = claim.value
    elif claim.qualifier in ("<", "<=") and high is None:
        high = claim.value
    if low is not None and high is not None and low > high:  # bounds given the wrong way round
        low, high = high, low
    return low, high


def rounding(claim: Claim) -> float:
    """How far either way a flat figure may lie from what is written, in the claim's unit.

    Half the place value of the figure's last non-zero digit, at most an eighth of the figure;
    0 for whole figures under ten, number words under a hundred and whole figures with no
    trailing zeros ("3,958").
    """
    value = claim.value if claim.value is not None else claim.lower
    if not value:
        return 0.0
    numeral = _NUMERAL.search(claim.surface or "")
    if numeral is None:
        place = _word_place(abs(value))
    else:
        place = _digit_place(numeral.group().replace(",", ""), value)
    return min(place / 2, abs(value) * MAX_ROUNDING_SHARE)


def comparison_rows(comparison: Comparison) -> list[dict[str, Any]]:
    """One dict per claim: its group's columns, the claim's own fields, its place in the group."""
    rows = []
    for group in comparison.groups:
        for member in group.members:
            row: dict[str, Any] = {
                "group_id": group.id,
                "group_label": group.label,
                "verdict": group.verdict,
                "group_reason": group.reason,
                "origins": group.origins,
                "notes": "; ".join(group.notes),
            }
            row.update(member.claim.to_dict())
            row.update(low=member.low, high=member.high, reason=member.reason,
                       origin=member.origin)
            rows.append(row)
    return rows


def comparison_frame(comparison: Comparison) -> Any:
    """A pandas DataFrame in which each row is one claim beside its group.

    Columns: ``group_id``, ``group_label``, ``verdict``, ``group_reason``, ``origins``,
    ``notes``, then the claim's fields (those of ``numclaims extract --format jsonl``), then
    ``low``/``high`` (the range the figure is read as; NaN where open), ``reason`` (why the claim
    joined its group) and ``origin``.
    """
    import pandas as pd

    columns = [*GROUP_COLUMNS, *CLAIM_FIELDS, *MEMBER_COLUMNS]
    frame = pd.DataFrame(comparison_rows(comparison), columns=columns)
    return frame.astype({"low": "float64", "high": "float64"})


def range_text(low: float | None, high: float | None, *, unit: str | None = None) -> str:
    """A range in words: '350–450', 'at least 400', 'at most 99', '1.5 billion dollars'."""
    suffix = "%" if unit == "per cent" else f" {unit}" if unit else ""
    if low is not None and high is not None:
        if math.isclose(low, high):
            return f"{number_text(low)}{suffix}"
        return f"{number_text(low)}–{number_text(high)}{suffix}"
    if low is not None:
        return f"at least {number_text(low)}{suffix}"
    if high is not None:
        return f"at most {number_text(high)}{suffix}"
    return "any amount"


def number_text(value: float) -> str:
    """A number as a reader writes it: '6,000', '0.5', '1.125 billion'."""
    for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + f" {name}"
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


# --------------------------------------------------------------------------------------------
# Language data: things, units and events


@dataclass(frozen=True)
class _Thing:
    name: str
    label: str
    kind: str | None = None
    counts: str | None = None
    event: str | None = None


@dataclass(frozen=True)
class _EventClass:
    name: str
    label: str
    also: frozenset[str] = frozenset()
    speakers: str | None = None


@dataclass(frozen=True)
class _Unit:
    name: str
    label: str
    dimension: str
    factor: float
    slack: float = 0.0


@dataclass(frozen=True)
class _Vocabulary:
    things: dict[str, _Thing]
    thing_index: dict[str, str]
    longest_thing: int
    events: dict[str, _EventClass]
    event_index: dict[str, str]
    families: dict[str, str]
    units: dict[str, _Unit]
    unit_index: dict[str, str]
    unnamed_sources: frozenset[str]
    not_events: frozenset[str]
    calendar_words: frozenset[str]
    actor_index: dict[str, str]
    longest_actor: int


@cache
def _vocabulary() -> _Vocabulary:
    """things.toml and events.toml, read once and checked against each other."""
    _check_top_level("things", {"things", "units", "unnamed_sources"})
    _check_top_level("events", {"events", "not_events"})
    thing_entries = lexicon.section("things", "things", _THING_SCHEMA,
                                    required=("phrases", "label"))
    event_entries = lexicon.section("events", "events", _EVENT_SCHEMA,
                                    required=("phrases", "label"))
    unit_entries = lexicon.section("things", "units", _UNIT_SCHEMA,
                                   required=("names", "label", "dimension", "factor"))
    things = _things(thing_entries)
    events = _events(event_entries, things)
    actor_index = lexicon.phrase_index(
        "actors", lexicon.section("actors", "actors", {"names": list}, required=("names",)),
        field="names",
    )
    thing_index = lexicon.phrase_index("things", thing_entries)
    return _Vocabulary(
        things=things,
        thing_index=thing_index,
        longest_thing=max((len(p.split()) for p in thing_index), default=1),
        events=events,
        event_index=lexicon.phrase_index("events", event_entries),
        families=_families(events),
        units=_units(unit_entries),
        unit_index=lexicon.phrase_index("things", unit_entries, field="names"),
        unnamed_sources=frozenset(
            _source_name(source) for source in lexicon.words("things", "unnamed_sources")
        ),
        not_events=frozenset(lexicon.words("events", "not_events")),
        calendar_words=_calendar_words(),
        actor_index=actor_index,
        longest_actor=max((len(name.split()) for name in actor_index), default=1),
    )


_THING_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "phrases": list, "label": str, "kind": str, "counts": str, "event": str,
}
_EVENT_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "phrases": list, "label": str, "also": list, "speakers": str,
}
_UNIT_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "names": list, "label": str, "dimension": str, "factor": (int, float), "slack": (int, float),
}


def _check_top_level(name: str, allowed: set[str]) -> None:
    unknown = set(lexicon.read(name)) - allowed
    if unknown:
        raise LexiconError(f"data/en/{name}.toml", f"unknown key(s): {', '.join(sorted(unknown))}")


def _things(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, _Thing]:
    things = {
        name: _Thing(name, e["label"], e.get("kind"), e.get("counts"), e.get("event"))
        for name, e in entries.items()
    }
    for thing in things.values():
        if thing.counts is not None and thing.counts not in things:
            raise LexiconError("data/en/things.toml",
                               f"[things.{thing.name}] counts unknown thing {thing.counts!r}")
        if (thing.counts is None) != (thing.event is None):
            raise LexiconError("data/en/things.toml",
                               f"[things.{thing.name}] needs both counts and event, or neither")
    return things


def _events(
    entries: Mapping[str, Mapping[str, Any]], things: Mapping[str, _Thing]
) -> dict[str, _EventClass]:
    events = {
        name: _EventClass(name, e["label"], frozenset(e.get("also", ())), e.get("speakers"))
        for name, e in entries.items()
    }
    path = "data/en/events.toml"
    for event in events.values():
        for other in event.also:
            if other not in events:
                raise LexiconError(path, f"[events.{event.name}] also names unknown {other!r}")
        if event.speakers is not None and event.speakers not in things:
            raise LexiconError(path, f"[events.{event.name}] speakers names unknown thing")
    related: dict[str, set[str]] = defaultdict(set)
    for event in events.values():  # "also" is read both ways
        for other in event.also:
            related[event.name].add(other)
            related[other].add(event.name)
    events = {name: replace(event, also=frozenset(related[name])) for name, event in events.items()}
    for thing in things.values():
        if thing.event is not None and thing.event not in events:
            raise LexiconError("data/en/things.toml",
                               f"[things.{thing.name}] event {thing.event!r} is not in events.toml")
    return events


def _units(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, _Unit]:
    return {
        name: _Unit(name, e["label"], e["dimension"], float(e["factor"]),
                    float(e.get("slack", 0.0)))
        for name, e in entries.items()
    }


def _families(events: Mapping[str, _EventClass]) -> dict[str, str]:
    """Each event class's family: the classes linked to it through ``also``, named by one."""
    family = {name: name for name in events}

    def root(name: str) -> str:
        while family[name] != name:
            name = family[name]
        return name

    for event in events.values():
        for other in event.also:
            family[root(other)] = root(event.name)
    return {name: root(name) for name in events}


def _calendar_words() -> frozenset[str]:
    """Month and weekday names from time.toml, to keep their capitals in a group label."""
    words: set[str] = set()
    data = lexicon.read("time")
    for table in ("months", "weekdays"):
        entries = data.get(table)
        for entry in entries.values() if isinstance(entries, dict) else ():
            if isinstance(entry, dict):
                words.update(f for f in entry.get("forms", ()) if isinstance(f, str))
    return frozenset(words)


# --------------------------------------------------------------------------------------------
# Step 1: read each claim


@dataclass(frozen=True)
class _Scope:
    """A claim's time scope, as far as it can be compared with another's.

    ``kind`` is ``none`` (no time given), ``running`` (a running total: ``start`` is when the
    count starts, if known), ``period`` (a period from ``start`` to ``end``, either open) or
    ``text`` (a time phrase nobody could place on the calendar: "months before the war began").
    """

    kind: str
    start: tuple[dt.date, dt.date] | None = None
    end: tuple[dt.date, dt.date] | None = None
    text: str = ""
    label: str = ""

    @property
    def key(self) -> str:
        """Equal for scopes that say the same thing."""
        if self.kind == "running" and self.start is not None:
            return f"since {self.start[0]}..{self.start[1]}"
        if self.kind == "period" and (self.start or self.end):
            return f"{self.start and self.start[0]}..{self.end and self.end[1]}"
        return f"{self.kind} {self.text}".strip()


@dataclass
class _Reading:
    """What compare reads off one claim."""

    claim: Claim
    index: int
    block: tuple[str, ...] | None
    thing_word: str
    thing_label: str
    event: str | None
    event_word: str | None
    event_label: str | None
    scope: _Scope
    unit: _Unit | None
    low: float | None
    high: float | None
    reported: tuple[dt.date, dt.date] | None
    reckoned: tuple[dt.date, dt.date] | None
    actor: str | None = None
    origin: str = ""

    @property
    def family(self) -> str | None:
        return self.event if self.event is None else _vocabulary().families.get(self.event,
                                                                                  self.event)


def _read(claim: Claim, index: int, vocabulary: _Vocabulary) -> _Reading:
    low, high = figure_range(claim)
    unit = vocabulary.units.get(vocabulary.unit_index.get(_phrase(claim.unit or ""), ""))
    thing, thing_word = _thing(claim, vocabulary)
    event = _event(claim, vocabulary)
    event_class = vocabulary.events.get(event or "")
    if event_class is not None and event_class.speakers is not None:
        if thing is not None and thing.kind == "person":
            thing = vocabulary.things[event_class.speakers]
        else:
            event = None  # "300 deaths, officials said": the verb names the report
    if thing is not None and thing.counts is not None:  # deaths are people killed
        if event is None or event == thing.event:
            event = thing.event
        thing = vocabulary.things[thing.counts]
    block, thing_label = _block(claim, thing, thing_word, unit)
    scope = _scope(claim, vocabulary)
    reported = _date_range(claim.published)
    return _Reading(
        claim=claim,
        index=index,
        block=block,
        thing_word=thing_word,
        thing_label=thing_label,
        event=event,
        event_word=_phrase(claim.event or "") or None,
        event_label=_event_label(event, vocabulary),
        scope=scope,
        unit=unit,
        low=low,
        high=high,
        reported=reported,
        reckoned=_reckoned(claim, scope, reported),
        actor=_actor(claim.agent, vocabulary),
    )


def _thing(claim: Claim, vocabulary: _Vocabulary) -> tuple[_Thing | None, str]:
    """The counted thing from the entity, else from a phrase inside the noun phrase."""
    for text in (claim.entity, claim.noun_phrase):
        name, word = _look_up(text or "", vocabulary)
        if name is not None:
            return vocabulary.things[name], word
    # An amount with a unit names what it measures in its noun phrase ("unemployment rate").
    fallback = claim.entity or ((claim.noun_phrase or "").split() or [""])[-1]
    word = _singular(_phrase(fallback))
    return None, word


def _look_up(text: str, vocabulary: _Vocabulary) -> tuple[str | None, str]:
    """The longest phrase of ``things.toml`` in ``text`` (preferring later ones: the head)."""
    words = _phrase(text).split()
    for size in range(min(len(words), vocabulary.longest_thing), 0, -1):
        for start in range(len(words) - size, -1, -1):
            candidate = " ".join(words[start:start + size])
            for form in (candidate, _singular(candidate)):
                if form in vocabulary.thing_index:
                    return vocabulary.thing_index[form], candidate
    return None, ""


def _actor(agent: str | None, vocabulary: _Vocabulary) -> str | None:
    """The known actor an agent names ("Russian forces" → russia), or None when it names none
    or more than one ("Russian and Iranian officials")."""
    words = re.sub(r"['’]s\b", "", (agent or "").lower()).split()
    found = set()
    for size in range(min(len(words), vocabulary.longest_actor), 0, -1):
        for start in range(len(words) - size + 1):
            actor = vocabulary.actor_index.get(" ".join(words[start : start + size]))
            if actor is not None:
                found.add(actor)
    return found.pop() if len(found) == 1 else None


def _event(claim: Claim, vocabulary: _Vocabulary) -> str | None:
    word = _phrase(claim.event or "")
    if not word or word in vocabulary.not_events:
        return None
    return vocabulary.event_index.get(word) or vocabulary.event_index.get(_singular(word)) or word


def _event_label(event: str | None, vocabulary: _Vocabulary) -> str | None:
    if event is None:
        return None
    known = vocabulary.events.get(event)
    return known.label if known else f"({event})"


def _block(
    claim: Claim, thing: _Thing | None, word: str, unit: _Unit | None
) -> tuple[tuple[str, ...] | None, str]:
    """What the claim may only be compared within, and how a label names it."""
    trend = claim.trend or ""
    if claim.unit:
        dimension = unit.dimension if unit else f"unit {_phrase(claim.unit)}"
        label = unit.label if unit else _plural(_phrase(claim.unit))
        if dimension == "percentage":  # a share of what: 40% of voters is not 40% of homes
            subject = thing.name if thing else word
            if not subject:  # a share of nothing named is comparable to nothing
                return None, label
            return ("unit", dimension, subject, trend), label + (f" of {word}" if word else "")
        return ("unit", dimension, trend), label
    if thing is not None:
        return ("thing", thing.name, trend), thing.label
    if word:
        return ("thing", word, trend), _plural(word)
    return None, _phrase(claim.noun_phrase or "") or "unspecified figure"


def _scope(claim: Claim, vocabulary: _Vocabulary) -> _Scope:
    text = _phrase(claim.time_scope or "")
    start = _date_range(claim.period_start)
    end = _date_range(claim.period_end)
    as_of = claim.as_of or claim.as_of_start or claim.as_of_end
    running = is_running_total(text)
    if running or (start is not None and end is None) or (as_of and start is None and end is None):
        kind = "running"
        end = None
    elif start is not None or end is not None:
        kind = "period"
    elif text:
        kind = "text"
    else:
        return _Scope("none")
    scope = _Scope(kind, start, end, text)
    return _Scope(kind, start, end, text, _scope_label(claim, scope, vocabulary))


def _reckoned(
    claim: Claim, scope: _Scope, reported: tuple[dt.date, dt.date] | None
) -> tuple[dt.date, dt.date] | None:
    """When a running total was counted: its as-of date, else the end of its period, else the
    report date."""
    as_of = _date_range(claim.as_of)
    if claim.as_of_start or claim.as_of_end:
        first = _date_range(claim.as_of_start) or as_of
        last = _date_range(claim.as_of_end) or as_of or first
        if first and last:
            as_of = (first[0], last[1])
    return as_of or (_date_range(claim.period_end) if scope.kind == "running" else None) or reported


# --------------------------------------------------------------------------------------------
# Step 2: group


@dataclass
class _Draft:
    """A group being formed: its readings (the first is its reference) and what they share."""

    order: int
    readings: list[_Reading]
    events: set[str | None] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    scopes: dict[str, _Scope] = field(default_factory=dict)
    low: float | None = None
    high: float | None = None
    empty: bool = False

    def add(self, reading: _Reading) -> None:
        self.readings.append(reading)
        self.events.add(reading.event)
        if reading.actor is not None:
            self.actors.add(reading.actor)
        self.scopes.setdefault(reading.scope.key, reading.scope)
        low, high = _base_range(reading)
        if low is not None and (self.low is None or low > self.low):
            self.low = low
        if high is not None and (self.high is None or high < self.high):
            self.high = high
        self.empty = _apart(self.low, self.high)


def _group(readings: Sequence[_Reading]) -> list[_Draft]:
    """Form the groups, a block (one counted thing or dimension) at a time.

    Claims that name their event and time go first, then those that name their event, then
    the rest, each earliest report first: the groups take their shape from the claims that say
    most, and the others join the group that fits them best.
    """
    drafts: list[_Draft] = []
    blocks: dict[tuple[str, ...], _Block] = defaultdict(_Block)
    ordered = sorted(
        readings, key=lambda r: (r.event is None, r.scope.kind == "none", _report_order(r))
    )
    for reading in ordered:
        draft = None
        if reading.block is not None:
            draft = _best(reading, blocks[reading.block].candidates(reading))
        if draft is None:
            draft = _Draft(order=len(drafts), readings=[])
            drafts.append(draft)
            if reading.block is not None:
                blocks[reading.block].add(draft, reading)
        draft.add(reading)
    return drafts


_TimeKey = tuple[str, Any]


class _Block:
    """The groups of one counted thing or dimension, indexed by event family and by time.

    A group is filed under the event family and the months (or time phrase) of the claim that
    founded it; a claim is then checked only against the groups filed where it could fit: same
    family or none, overlapping months, the same starting month of a running total. Claims that
    give no time are checked against every group of their family.
    """

    def __init__(self) -> None:
        self.index: dict[str | None, dict[_TimeKey, list[_Draft]]] = defaultdict(
            lambda: defaultdict(list))

    def add(self, draft: _Draft, founder: _Reading) -> None:
        for key in _time_keys(founder.scope):
            self.index[founder.family][key].append(draft)

    def candidates(self, reading: _Reading) -> list[_Draft]:
        families = list(self.index) if reading.family is None else [reading.family, None]
        found: dict[int, _Draft] = {}
        for family in families:
            by_time = self.index.get(family)
            if not by_time:
                continue
            keys = by_time.keys() if reading.scope.kind == "none" else _lookup_keys(
                reading.scope, by_time)
            for key in list(keys):
                for draft in by_time.get(key, ()):
                    found.setdefault(draft.order, draft)
        return list(found.values())


def _time_keys(scope: _Scope) -> list[_TimeKey]:
    """Where a group founded by a claim of this scope is filed."""
    if scope.kind == "none":
        return [("any", None)]
    if scope.kind == "text":
        return [("text", scope.text)]
    if scope.kind == "running":
        months = _months(scope.start)
        return [("since", month) for month in months] if months else [("since", None)]
    span = (scope.start[0], scope.end[1]) if scope.start and scope.end else None
    months = _months(span)
    return [("month", month) for month in months] if months else [("wide", None)]


def _lookup_keys(scope: _Scope, filed: Mapping[_TimeKey, object]) -> list[_TimeKey]:
    """Where to look for groups a claim of this (known) scope could join."""
    keys: list[_TimeKey] = [("any", None)]
    if scope.kind == "text":
        return [*keys, ("text", scope.text)]
    kind = "since" if scope.kind == "running" else "month"
    own = [key for key in _time_keys(scope) if key[1] is not None]
    if not own:  # an open or unknown start: any group of its kind may fit
        return [*keys, *(key for key in filed if key[0] in (kind, "wide"))]
    return [*keys, *own, ("since", None) if kind == "since" else ("wide", None)]


def _months(span: tuple[dt.date, dt.date] | None) -> list[int]:
    """The months a span touches, or none when it is open or too long to file month by month."""
    if span is None:
        return []
    first = span[0].year * 12 + span[0].month - 1
    last = span[1].year * 12 + span[1].month - 1
    return list(range(first, last + 1)) if 0 <= last - first < WIDE_MONTHS else []


def _best(reading: _Reading, candidates: Iterable[_Draft]) -> _Draft | None:
    """The group the reading fits best, or None when it fits none.

    A reading that names no event is not placed by guesswork: when it fits groups of different
    events, it joins only one whose figures it agrees with.
    """
    low, high = _base_range(reading)
    scored = []
    for draft in candidates:
        if not _fits(reading, draft):
            continue
        agrees = not draft.empty and _overlap(low, high, draft.low, draft.high)
        score = (
            agrees,
            reading.scope.key in draft.scopes,
            reading.event in draft.events,
            len(draft.readings),
            -draft.order,
        )
        scored.append((score, draft))
    if reading.event is None:
        families = {_vocabulary().families.get(e, e) for _, d in scored for e in d.events if e}
        if len(families) > 1:
            scored = [(score, draft) for score, draft in scored if score[0]]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _fits(reading: _Reading, draft: _Draft) -> bool:
    """Whether the reading's event, time scope and actor are compatible with every member's."""
    if reading.actor is not None and draft.actors - {reading.actor}:
        return False  # "the US delivered 31 tanks" is not a figure for Germany's deliveries
    return all(_events_match(reading.event, event) for event in draft.events) and all(
        _scopes_match(reading.scope, scope) for scope in draft.scopes.values()
    )


def _events_match(one: str | None, other: str | None) -> bool:
    if one is None or other is None or one == other:
        return True
    known = _vocabulary().events.get(one)
    return known is not None and other in known.also


def _scopes_match(one: _Scope, other: _Scope) -> bool:
    """Compatible time scopes: unknown matches anything; otherwise like with like, overlapping.

    Running totals match when their starts overlap or either start is unknown; periods match
    when they overlap; unplaced phrases match only the same phrase.
    """
    if one.kind == "none" or other.kind == "none":
        return True
    if one.kind != other.kind:
        return False
    if one.kind == "text":
        return one.text == other.text
    if one.kind == "running":
        if one.start is None or other.start is None:
            return True
        return _dates_overlap(one.start, other.start)
    lo1, hi1 = one.start and one.start[0], one.end and one.end[1]
    lo2, hi2 = other.start and other.start[0], other.end and other.end[1]
    return (lo1 is None or hi2 is None or lo1 <= hi2) and (lo2 is None or hi1 is None or lo2 <= hi1)


# --------------------------------------------------------------------------------------------
# Step 3: judge


@dataclass
class _Judged:
    """A member's range as judged: in its own unit when the group shares one, else converted."""

    reading: _Reading
    low: float | None
    high: float | None


def _judge(draft: _Draft, origins: Mapping[int, str], copies: Mapping[str, str]) -> Group:
    readings = draft.readings
    for reading in readings:
        reading.origin = origins[reading.index]
    judged = _judged(readings)
    label = _label(draft)
    verdict, reason = _verdict(judged, label, copies)
    notes = _drift_notes(readings) if verdict in ("consistent", "single") else []
    members = [
        Member(reading.claim, reading.low, reading.high, _member_reason(reading, draft, label),
               origin=reading.origin)
        for reading in sorted(readings, key=_newest_first)
    ]
    return Group(
        id=_group_id(label, readings),
        label=label,
        verdict=verdict,
        reason=reason,
        origins=len({reading.origin for reading in readings}),
        notes=notes,
        members=members,
    )


def _judged(readings: Sequence[_Reading]) -> list[_Judged]:
    units = {reading.claim.unit for reading in readings}
    if len(units) == 1:
        return [_Judged(r, r.low, r.high) for r in readings]
    return [_Judged(r, *_base_range(r)) for r in readings]


def _verdict(
    judged: Sequence[_Judged], label: str, copies: Mapping[str, str]
) -> tuple[Verdict, str]:
    agree = _common(judged) is not None
    reports = {copies.get(j.reading.claim.doc_id, j.reading.claim.doc_id) for j in judged}
    if len(judged) == 1 or (agree and len(reports) == 1):
        return "single", _single_reason(judged)
    if agree:
        stated = {_stated(j.reading.claim) for j in judged}
        kinds = {j.reading.scope.kind for j in judged}
        if len(stated) > 1 and "running" in kinds and kinds <= {"running", "none"}:
            # "at least 35 killed since Monday", then "52": a total that grew, not one figure.
            running = _running_verdict(judged, label)
            if running is not None and running[0] == "evolving":
                return running
        return "consistent", _consistent_reason(judged)
    if any(j.reading.scope.kind == "running" for j in judged) and not any(
        j.reading.scope.kind in ("period", "text") for j in judged
    ):
        running = _running_verdict(judged, label)
        if running is not None:
            return running
    return _facet_verdict(judged)


def _stated(claim: Claim) -> float | None:
    """The number a claim states: its value, or the floor of a vague amount."""
    return claim.value if claim.value is not None else claim.lower


def _common(judged: Sequence[_Judged]) -> tuple[float | None, float | None] | None:
    """The range every member's range covers, or None when there is none."""
    lows = [j.low for j in judged if j.low is not None]
    highs = [j.high for j in judged if j.high is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    return None if _apart(low, high) else (low, high)


def _running_verdict(judged: Sequence[_Judged], label: str) -> tuple[Verdict, str] | None:
    """Evolving or conflict for a running total, or None when its report dates cannot tell.

    Members are taken in order of when they were counted; figures counted at one time must
    agree, and the total may not fall from one time to a later one.
    """
    by_time: dict[float, list[_Judged]] = defaultdict(list)
    for j in judged:
        if j.reading.reckoned is None:
            return None
        by_time[_midpoint(j.reading.reckoned)].append(j)
    if len(by_time) < 2:
        return None
    level: _Judged | None = None
    for when in sorted(by_time):
        same_time = by_time[when]
        if _common(same_time) is None:
            return "conflict", _apart_reason(*_widest_gap(same_time), "for the same date")
        floor = max((j for j in same_time if j.low is not None), key=lambda j: j.low or 0.0,
                    default=None)
        ceiling = min((j for j in same_time if j.high is not None),
                      key=lambda j: j.high or 0.0, default=None)
        if level is not None and ceiling is not None and level.low is not None \
                and ceiling.high is not None and ceiling.high < level.low:
            return "conflict", (
                f"The running total falls from {_cite(level)} to {_cite(ceiling)}, "
                f"which a count of {label} cannot do."
            )
        if floor is not None and (level is None or (floor.low or 0.0) >= (level.low or 0.0)):
            level = floor
    earliest = by_time[min(by_time)][0]
    latest = by_time[max(by_time)][0]
    return "evolving", (
        f"The running total rises from {_cite(earliest)} to {_cite(latest)}, as a count of "
        f"{label} may."
    )


def _facet_verdict(judged: Sequence[_Judged]) -> tuple[Verdict, str]:
    """Conflict when figures of one time scope and event disagree, else scope-differs."""
    facets: dict[tuple[str, str | None], list[_Judged]] = defaultdict(list)
    for j in judged:
        facets[(j.reading.scope.key, j.reading.event)].append(j)
    for facet in facets.values():
        if _common(facet) is None:
            return "conflict", _apart_reason(*_widest_gap(facet), "")
    high_side, low_side = _widest_gap(judged)
    return "scope-differs", _scope_reason(high_side, low_side)


def _widest_gap(judged: Sequence[_Judged]) -> tuple[_Judged, _Judged]:
    """The member whose range starts highest and the one whose range ends lowest."""
    high_side = max((j for j in judged if j.low is not None), key=lambda j: j.low or 0.0)
    low_side = min((j for j in judged if j.high is not None), key=lambda j: j.high or 0.0)
    return high_side, low_side


# --- the one-sentence reasons -----------------------------------------------------------------


def _single_reason(judged: Sequence[_Judged]) -> str:
    if len(judged) == 1:
        return f"Only one report: {_cite(judged[0])}."
    figures = _figure_list(judged)
    return f"Only one report, whose figures agree: {figures}."


def _consistent_reason(judged: Sequence[_Judged]) -> str:
    common = _common(judged)
    assert common is not None
    where = range_text(*common, unit=_shared_unit(judged))
    if len({_surface(j) for j in judged}) == 1:
        return f"Every report gives {_quote(judged[0])} ({_sources(judged)})."
    every = "both" if len({_surface(j) for j in judged}) == 2 else "all"
    return f"The figures agree: {_figure_list(judged)} {every} allow {where}."


def _apart_reason(high_side: _Judged, low_side: _Judged, suffix: str) -> str:
    unit = _shared_unit([high_side, low_side])
    suffix = f" {suffix}" if suffix else ""
    return (
        f"{_cite(low_side)} and {_cite(high_side)} "
        f"cannot both hold{suffix}: {range_text(low_side.low, low_side.high, unit=unit)} "
        f"against {range_text(high_side.low, high_side.high, unit=unit)}."
    )


def _scope_reason(high_side: _Judged, low_side: _Judged) -> str:
    one, other = high_side.reading, low_side.reading
    if one.scope.key != other.scope.key:
        differs = f"{_scoped(low_side)} while {_scoped(high_side)}"
        return f"{_cite(low_side)} and {_cite(high_side)} differ, but {differs}."
    return (
        f"{_cite(low_side)} and {_cite(high_side)} differ, but they count different events "
        f"({other.event_label or 'not stated'} against {one.event_label or 'not stated'})."
    )


def _scoped(j: _Judged) -> str:
    scope = j.reading.scope
    if scope.kind == "none":
        return f"{_quote(j)} gives no time"
    return f"{_quote(j)} has the time scope '{scope.label}'"


def _figure_list(judged: Sequence[_Judged], limit: int = 4) -> str:
    seen: dict[str, _Judged] = {}
    for j in sorted(judged, key=lambda j: _report_order(j.reading)):
        seen.setdefault(_surface(j), j)
    quoted = [_quote(j) for j in seen.values()]
    if len(quoted) > limit:
        quoted = [*quoted[:limit], f"{len(quoted) - limit} more"]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _cite(j: _Judged) -> str:
    """A figure with who reported it and when: '400' (RT, 2022-11-20)."""
    return f"{_quote(j)} ({_who(j.reading.claim)})"


def _quote(j: _Judged) -> str:
    return f"'{j.reading.claim.surface}'"


def _surface(j: _Judged) -> str:
    return _phrase(j.reading.claim.surface)


def _sources(judged: Sequence[_Judged], limit: int = 4) -> str:
    names = list(dict.fromkeys(_who(j.reading.claim) for j in judged))
    more = f"; {len(names) - limit} more" if len(names) > limit else ""
    return "; ".join(names[:limit]) + more


def _who(claim: Claim) -> str:
    """Who reported a figure, and when: the outlet (or the article), then the report date."""
    source = claim.outlet or _article_name(claim)
    if claim.attribution and _source_name(claim.attribution) != _source_name(claim.outlet):
        source = f"{source}, citing {claim.attribution}"
    return f"{source}, {_iso(claim.published)}" if claim.published else source


def _article_name(claim: Claim) -> str:
    """An article by its title (shortened), else its id: for articles whose outlet is unknown."""
    title = claim.title if not claim.title or len(claim.title) <= 50 else claim.title[:49] + "…"
    return f"'{title}'" if title else f"article {claim.doc_id}"


def _shared_unit(judged: Sequence[_Judged]) -> str | None:
    """How a range of these members is labelled: their unit, or the base unit they were
    converted to."""
    names = {j.reading.claim.unit for j in judged}
    if len(names) == 1:
        known = judged[0].reading.unit
        (name,) = names
        return known.label if known else (name and _plural(name))
    dimensions = {j.reading.unit.dimension for j in judged if j.reading.unit}
    for unit in _vocabulary().units.values():
        if unit.factor == 1.0 and unit.dimension in dimensions:
            return unit.label
    return None


# --- drift notes ----------------------------------------------------------------------------


def _drift_notes(readings: Sequence[_Reading]) -> list[str]:
    """How the figure changed as it travelled: a qualifier dropped or changed, a figure made
    vague or rounded, a unit converted. Each distinct way of writing the figure is compared with
    the ones reported before it."""
    forms: dict[tuple[str, str], _Reading] = {}
    for reading in sorted(readings, key=_report_order):
        forms.setdefault((_phrase(reading.claim.surface), reading.claim.unit or ""), reading)
    notes: list[str] = []
    earlier: list[_Reading] = []
    for reading in forms.values():
        note = next(filter(None, (_drift(before, reading) for before in earlier[:20])), None)
        if note:
            notes.append(note)
        earlier.append(reading)
    return notes


def _drift(before: _Reading, after: _Reading) -> str | None:
    one, other = before.claim, after.claim
    said = f"{_quote_claim(one)} ({_who(one)})"
    then = f"{_quote_claim(other)} ({_who(other)})"
    if (one.unit or "") != (other.unit or ""):
        return f"unit converted: {said} appears as {then}"
    if one.value is not None and one.value == other.value:
        if one.qualifier == other.qualifier:
            return None
        if "=" in (one.qualifier, other.qualifier):
            bare, qualified = (then, said) if other.qualifier == "=" else (said, then)
            return f"qualifier dropped: {bare} for {qualified}"
        return f"qualifier changed: {said} became {then}"
    if (one.qualifier == "vague") != (other.qualifier == "vague"):
        precise, vague = (said, then) if other.qualifier == "vague" else (then, said)
        return f"figure made vague: {precise} appears as {vague}"
    if _rounded(one, other) or _rounded(other, one):
        precise, rounded = (said, then) if _rounded(one, other) else (then, said)
        return f"figure rounded: {precise} appears as {rounded}"
    return None


def _rounded(precise: Claim, rounded: Claim) -> bool:
    """Whether ``rounded`` is ``precise`` rounded to the place ``rounded`` is written to."""
    if precise.value is None or rounded.value is None or precise.value == rounded.value:
        return False
    margin = rounding(rounded)
    close = abs(precise.value - rounded.value) <= margin
    return margin > 0 and close and rounding(precise) < margin


def _quote_claim(claim: Claim) -> str:
    return f"'{claim.surface}'"


# --- labels, ids and member reasons --------------------------------------------------------


def _label(draft: _Draft) -> str:
    """'drones deployed since August 2022': the thing, its event, the scope most members share."""
    words = [draft.readings[0].thing_label]
    events = Counter(r.event_label for r in draft.readings if r.event_label)
    if events:
        words.append(events.most_common(1)[0][0])
    scopes = Counter(r.scope.label for r in draft.readings)
    common, count = scopes.most_common(1)[0]
    if common and count * 2 > len(draft.readings):
        words.append(common)
    return " ".join(words)


def _group_id(label: str, readings: Sequence[_Reading]) -> str:
    """A stable, readable id: the label's slug and a short hash of the members."""
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60].rstrip("-") or "group"
    keys = sorted(f"{r.claim.doc_id}:{r.claim.start}:{r.claim.end}" for r in readings)
    digest = hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:6]
    return f"{slug}-{digest}"


def _member_reason(reading: _Reading, draft: _Draft, label: str) -> str:
    reference = draft.readings[0]
    if len(draft.readings) == 1:
        return f"no other report counts {label}"
    if reading is reference:
        return f"reference report for {label}"
    parts = [_thing_reason(reading, reference), _event_reason(reading, reference),
             _scope_reason_short(reading, reference)]
    return ", ".join(part for part in parts if part)


def _thing_reason(reading: _Reading, reference: _Reading) -> str:
    if reading.claim.unit or reference.claim.unit:
        one, other = reading.claim.unit or "", reference.claim.unit or ""
        if one == other:
            return f"same unit ({one})"
        return f"same dimension ({other} ≈ {one}, converted)"
    one, other = reading.thing_word, reference.thing_word
    what = "same source count" if reading.block and "source" in reading.block else "same thing"
    if not one or not other or _singular(one) == _singular(other):
        return f"{what} ({one or other or reading.thing_label})"
    return f"{what} ({other} ≈ {one})"


def _event_reason(reading: _Reading, reference: _Reading) -> str:
    one, other = reading.event_word, reference.event_word
    if reading.event is None or reference.event is None:
        return "event not stated" if reading.event is None else "event not stated in the reference"
    if reading.event != reference.event:
        return f"related events ({other} ~ {one})"
    if one == other:
        return f"same event ({one})"
    return f"same event class ({other} ≈ {one})"


def _scope_reason_short(reading: _Reading, reference: _Reading) -> str:
    one, other = reading.scope, reference.scope
    if one.kind == "none" and other.kind == "none":
        return "neither gives a time"
    if one.kind == "none":
        return "no time given"
    if other.kind == "none":
        return f"{one.label}; the reference gives no time"
    if one.key == other.key:
        return f"both {one.label}"
    return f"compatible times ({other.label}; {one.label})"


def _scope_label(claim: Claim, scope: _Scope, vocabulary: _Vocabulary) -> str:
    """The time scope as a label says it: 'since August 2022', 'on Jan. 6, 2023'."""
    as_of = claim.as_of if claim.as_of and not claim.as_of[:1].isdigit() else ""
    text = " ".join((claim.time_scope or as_of).split())
    anchor = scope.start or scope.end or _date_range(claim.as_of_start)
    if not text:
        if anchor is None:
            return "so far" if scope.kind == "running" else ""
        if scope.kind == "running":
            return f"since {_date_words(anchor)}"
        if scope.start and scope.end and scope.start != scope.end:
            return f"from {_date_words(scope.start)} to {_date_words(scope.end)}"
        return f"in {_date_words(anchor)}"
    first, _, rest = text.partition(" ")
    if first[:1].isupper() and first.lower() not in vocabulary.calendar_words and \
            (first[1:].islower() or len(first) == 1):
        text = first.lower() + (f" {rest}" if rest else "")
    if anchor is not None and not re.search(r"\b\d{4}\b", text):
        last = text.split()[-1].lower()
        if last.isdigit() and int(last) <= 31:
            text += f", {anchor[0].year}"
        elif last in vocabulary.calendar_words:
            text += f" {anchor[0].year}"
    return text


def _date_words(period: tuple[dt.date, dt.date]) -> str:
    start, end = period
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return f"{start.year}"
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and start.month == end.month:
        return start.strftime("%B %Y")
    return f"{start.day} {start.strftime('%B %Y')}"


# --------------------------------------------------------------------------------------------
# Origins and copies


def _copy_clusters(
    claims: Sequence[Claim], documents: Iterable[Document] | None
) -> dict[str, str]:
    """Map each article to a representative of its copies (itself when it has none).

    Two articles are copies when they share at least :data:`COPY_MIN_SHARED` sentences making
    up at least :data:`COPY_MIN_SHARE` of the shorter one. Sentences come from the documents'
    prose when given, else from the claims.
    """
    sentences: dict[str, set[str]] = defaultdict(set)
    if documents is not None:
        for document in documents:
            for sentence in re.split(r"(?<=[.!?…\"”])\s+|\n+", document.body_text()):
                _add_sentence(sentences[document.doc_id], sentence)
    for claim in claims:
        _add_sentence(sentences[claim.doc_id], claim.sentence)
        sentences.setdefault(claim.doc_id, set())
    postings: dict[str, list[str]] = defaultdict(list)
    for doc_id, doc_sentences in sentences.items():
        for sentence in doc_sentences:
            postings[sentence].append(doc_id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for docs in postings.values():
        if 1 < len(docs) <= COPY_MAX_POSTING:
            for i, one in enumerate(docs):
                for other in docs[i + 1:]:
                    shared[(one, other) if one < other else (other, one)] += 1
    parent = {doc_id: doc_id for doc_id in sentences}
    for (one, other), count in shared.items():
        shorter = min(len(sentences[one]), len(sentences[other]))
        if count >= COPY_MIN_SHARED and count >= COPY_MIN_SHARE * shorter:
            _union(parent, one, other)
    return {doc_id: _find(parent, doc_id) for doc_id in parent}


def _add_sentence(bucket: set[str], sentence: str) -> None:
    normal = " ".join(re.sub(r"[^\w]+", " ", sentence.lower()).split())
    if len(normal) >= COPY_MIN_SENTENCE:
        bucket.add(normal)


def _origins(
    readings: Sequence[_Reading], copies: Mapping[str, str], vocabulary: _Vocabulary
) -> dict[int, str]:
    """Map each reading to its origin: whoever the figure traces back to, as a report names it.

    A named attribution is the origin ("according to the Wall Street Journal" in five outlets is
    one origin); an unnamed one ("the report said") or none leaves the article's outlet, which
    stands for the article and its copies, as the origin. Claims of different articles with
    the same sentence share an origin: one copied the other.
    """
    names = {r.index: _source_name(r.claim.attribution) for r in readings}
    aliases = _initialisms({n for n in names.values() if n} |
                           {_source_name(r.claim.outlet) for r in readings if r.claim.outlet})
    parent: dict[str, str] = {}
    shown: dict[str, str] = {}
    keys: dict[int, str] = {}
    by_sentence: dict[str, tuple[str, str]] = {}
    for reading in readings:
        claim = reading.claim
        key = article = f"article {copies.get(claim.doc_id, claim.doc_id)}"
        shown.setdefault(article, _article_name(claim))
        _find(parent, article)
        outlet = _source_name(claim.outlet)
        if outlet:
            shown.setdefault(aliases.get(outlet, outlet), claim.outlet or outlet)
            _union(parent, article, aliases.get(outlet, outlet))
        name = names[reading.index]
        if name and name not in vocabulary.unnamed_sources:
            key = aliases.get(name, name)
            shown.setdefault(key, claim.attribution or name)
            _find(parent, key)
        sentence = " ".join(claim.sentence.lower().split())
        first_doc, first_key = by_sentence.setdefault(sentence, (claim.doc_id, key))
        if first_doc != claim.doc_id:
            _union(parent, first_key, key)
        keys[reading.index] = key
    display: dict[str, str] = {}
    for key in sorted(parent, key=lambda k: k.startswith("article ")):
        display.setdefault(_find(parent, key), shown.get(key, key))
    return {index: display[_find(parent, key)] for index, key in keys.items()}


def _source_name(text: str | None) -> str:
    """A source's name for matching: 'The Wall Street Journal's' → 'wall street journal'."""
    words = re.sub(r"['’]s\b", "", (text or "").lower())
    words = " ".join(re.sub(r"[^\w\-]+", " ", words).split())
    return words.removeprefix("the ")


def _initialisms(names: Iterable[str]) -> dict[str, str]:
    """Map an initialism to the name it stands for when both occur: 'wsj' → 'wall street
    journal'."""
    names = set(names)
    spelled: dict[str, str] = {}
    for name in names:
        parts = re.split(r"[\s\-]+", name)
        if len(parts) > 1:
            spelled.setdefault("".join(part[0] for part in parts if part), name)
    return {name: spelled[name] for name in names if " " not in name and name in spelled}


def _union(parent: dict[str, str], one: str, other: str) -> None:
    parent.setdefault(one, one)
    parent.setdefault(other, other)
    root_one, root_other = _find(parent, one), _find(parent, other)
    if root_one != root_other:
        parent[max(root_one, root_other)] = min(root_one, root_other)


def _find(parent: dict[str, str], key: str) -> str:
    parent.setdefault(key, key)
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


# --------------------------------------------------------------------------------------------
# Small helpers: words, numbers, dates


_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _digit_place(numeral: str, value: float) -> float:
    """The place value of the last non-zero digit of a figure written in digits, in the
    figure's unit ('400' → 100, '1.5' million → 100,000); 0 when nothing suggests rounding."""
    number = float(numeral)
    if number == 0:
        return 0.0
    scale = abs(value / number)
    if "." in numeral:
        return 10.0 ** -len(numeral.split(".")[1]) * scale
    zeros = len(numeral) - len(numeral.rstrip("0"))
    if zeros:
        return 10.0 ** zeros * scale
    return scale if scale > 1 else 0.0  # "2 million" is rounded to the million


def _word_place(value: float) -> float:
    """The place a figure written in words is rounded to: 'a thousand' → 1,000, 'three' → 0."""
    if value < 100:
        return 0.0
    place = 10.0 ** math.floor(math.log10(value))
    return place if math.isclose(value % place, 0, abs_tol=1e-9 * value) else 0.0


def _base_range(reading: _Reading) -> tuple[float | None, float | None]:
    """The reading's range in its dimension's base unit, widened by a conventional rate's slack."""
    unit = reading.unit
    if unit is None:
        return reading.low, reading.high
    low = None if reading.low is None else reading.low * unit.factor * (1 - unit.slack)
    high = None if reading.high is None else reading.high * unit.factor * (1 + unit.slack)
    return low, high


def _overlap(low: float | None, high: float | None, other_low: float | None,
             other_high: float | None) -> bool:
    return not _apart(low, other_high) and not _apart(other_low, high)


def _apart(low: float | None, high: float | None) -> bool:
    """Whether a lower bound lies above an upper bound (beyond float noise)."""
    if low is None or high is None:
        return False
    return low > high + 1e-9 * max(abs(low), abs(high), 1.0)


def _phrase(text: str) -> str:
    return " ".join(text.lower().split())


def _singular(word: str) -> str:
    """A naive singular for looking words up: 'drones' → 'drone', 'casualties' → 'casualty'."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def _plural(word: str) -> str:
    if not word or word.endswith("s") or word in ("people", "personnel", "staff"):
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x")):
        return word + "es"
    return word + "s"


def _iso(published: Any) -> str:
    return published.iso() if hasattr(published, "iso") else str(published)


def _date_range(iso: Any) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date at its precision covers: '2023-02' → 1–28 February 2023."""
    if iso is None:
        return None
    if hasattr(iso, "date") and hasattr(iso, "last_day"):
        return iso.date, iso.last_day
    text = str(iso).strip()[:10]
    try:
        if re.fullmatch(r"\d{4}", text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        if re.fullmatch(r"\d{4}-\d{2}", text):
            first = dt.date(int(text[:4]), int(text[5:]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day, day


def _dates_overlap(one: tuple[dt.date, dt.date], other: tuple[dt.date, dt.date]) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


def _midpoint(period: tuple[dt.date, dt.date]) -> float:
    return (period[0].toordinal() + period[1].toordinal()) / 2


def _report_order(reading: _Reading) -> tuple[float, str, int]:
    """Earliest report first; undated reports last."""
    when = _midpoint(reading.reported) if reading.reported else math.inf
    return when, reading.claim.doc_id, reading.claim.start


def _newest_first(reading: _Reading) -> tuple[bool, float, str, int]:
    """Newest report first; undated reports last."""
    when = -_midpoint(reading.reported) if reading.reported else 0.0
    return reading.reported is None, when, reading.claim.doc_id, reading.claim.start


def group_order(group: Group) -> tuple[int, float, str]:
    """Conflicts first, then the newest report first."""
    dates = [_date_range(m.claim.published) for m in group.members]
    newest = max((_midpoint(d) for d in dates if d), default=-math.inf)
    return (group.verdict != "conflict", -newest, group.label)
