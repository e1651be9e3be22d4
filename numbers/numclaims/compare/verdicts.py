"""Verdicts: whether a group's figures agree, conflict, evolve or differ in scope, and why.

``single``: one report (one article, or copies of one) whose figures agree. ``consistent``:
every figure's range overlaps every other's (a flat figure read as rounded). For a running
count (measures.toml ``running``, or a figure scoped "since", "so far", "to date"),
``evolving`` when the figures grow as the date they were counted moves later (their as-of date,
else their report date), and ``conflict`` when a later count is lower or two counts of one
date cannot both hold. For a count at a moment (``level``), figures of different dates are
``evolving``; of one date that cannot both hold, a ``conflict``. For one value or one day's
event (``fixed``, ``occasion``), figures of the same time scope and event that cannot both hold
are a ``conflict``, and ``scope-differs`` where every pair that differs has a different time
scope or a related but different event. A figure restating another in a second unit never
votes: it is the same figure.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from ..models import Claim, Verdict
from .grouping import base_range, midpoint
from .measures import Reading
from .ranges import Bounds, common
from .reasons import (
    Judged,
    apart_reason,
    changing_reason,
    consistent_reason,
    falling_reason,
    rising_reason,
    same_day_reason,
    scope_reason,
    shared_unit,
    single_reason,
)
from .vocabulary import Vocabulary


def judged_ranges(readings: Sequence[Reading]) -> list[Judged]:
    """Each member's range in the unit most members give, the others converted to it (with
    their rates' slack), so "98 million euros" and "105 million euros" stay apart beside a
    "$116 million"; in the dimension's base unit where a unit is unknown."""
    units = Counter(reading.claim.unit for reading in readings)
    if len(units) == 1:
        return [Judged(r, r.low, r.high) for r in readings]
    name = units.most_common(1)[0][0]
    reference = next((r.unit for r in readings if r.claim.unit == name), None)
    if reference is None or any(r.unit is None for r in readings):
        return [Judged(r, *base_range(r)) for r in readings]
    judged = []
    for reading in readings:
        if reading.claim.unit == name:
            judged.append(Judged(reading, reading.low, reading.high))
            continue
        low, high = base_range(reading)
        judged.append(Judged(
            reading,
            None if low is None else low / (reference.factor * (1 + reference.slack)),
            None if high is None else high / (reference.factor * (1 - reference.slack)),
        ))
    return judged


def verdict(
    judged: Sequence[Judged], label: str, copies: Mapping[str, str], vocabulary: Vocabulary
) -> tuple[Verdict, str]:
    voting = [j for j in judged if j.reading.conversion_of is None] or list(judged)
    unit = shared_unit(judged, vocabulary)
    agreed = _common(voting)
    reports = {copies.get(j.reading.claim.doc_id, j.reading.claim.doc_id) for j in voting}
    if len(judged) == 1 or (agreed is not None and len(reports) == 1):
        return "single", single_reason(judged)
    kind = Counter(j.reading.kind for j in voting).most_common(1)[0][0]
    if kind == "running" or any(j.reading.kind == "running" for j in voting):
        running = _running_verdict(voting, label, unit)
        if running is not None and (agreed is None or running[0] == "evolving"):
            if agreed is None or len({_stated(j.reading.claim) for j in voting}) > 1:
                return running
    if agreed is not None:
        return "consistent", consistent_reason(voting, agreed, unit)
    if kind == "level":
        changing = _level_verdict(voting, unit)
        if changing is not None:
            return changing
    return _facet_verdict(voting, unit, vocabulary)


def _stated(claim: Claim) -> float | None:
    """The number a claim states: its value, or the floor of a vague amount."""
    return claim.value if claim.value is not None else claim.lower


def _common(judged: Sequence[Judged]) -> Bounds | None:
    return common([(j.low, j.high) for j in judged])


def _by_time(judged: Sequence[Judged]) -> dict[float, list[Judged]] | None:
    """The members by when they were counted. Members counted only to the month (an article
    dated "2023-08") cannot be put in order beside ones counted to the day; they are left out
    of the order where two or more days remain."""
    if any(j.reading.reckoned is None for j in judged):
        return None
    precise = [j for j in judged if _days(j) <= _PRECISE_DAYS]
    if len({midpoint(j.reading.reckoned) for j in precise if j.reading.reckoned}) < 2:
        precise = list(judged)
    by_time: dict[float, list[Judged]] = defaultdict(list)
    for j in precise:
        if j.reading.reckoned is not None:
            by_time[midpoint(j.reading.reckoned)].append(j)
    return by_time if len(by_time) >= 2 else None


_PRECISE_DAYS = 3


def _days(j: Judged) -> int:
    reckoned = j.reading.reckoned
    return (reckoned[1] - reckoned[0]).days + 1 if reckoned else 0


def _running_verdict(
    judged: Sequence[Judged], label: str, unit: str | None
) -> tuple[Verdict, str] | None:
    """Evolving or conflict for a running count, or None when its dates cannot tell.

    Members are taken in order of when they were counted; figures counted at one time must
    agree, and the total may not fall from one time to a later one.
    """
    by_time = _by_time(judged)
    if by_time is None:
        return _one_day_verdict(judged, label)
    # Counts of one date may differ: a toll rises through the day, and a report date says
    # nothing of the hour. A count below one confirmed on an earlier date is a fall.
    level: Judged | None = None
    for when in sorted(by_time):
        same_time = by_time[when]
        ceiling = max((j for j in same_time if j.high is not None),
                      key=lambda j: j.high or 0.0, default=None)
        if level is not None and ceiling is not None and level.low is not None \
                and ceiling.high is not None and ceiling.high < level.low \
                and not any(j.high is None for j in same_time):
            return "conflict", falling_reason(level, ceiling, label)
        floor = max((j for j in same_time if j.low is not None), key=lambda j: j.low or 0.0,
                    default=None)
        if floor is not None and (level is None or (floor.low or 0.0) >= (level.low or 0.0)):
            level = floor
    first = by_time[min(by_time)]
    earliest = min(first, key=lambda j: j.low if j.low is not None else float("inf"))
    latest = max(by_time[max(by_time)], key=lambda j: j.low or 0.0)
    return "evolving", rising_reason(earliest, latest, label)


def _one_day_verdict(judged: Sequence[Judged], label: str) -> tuple[Verdict, str] | None:
    """A running count reported several times on one day, with figures that cannot both
    hold: a toll moves between the day's updates, so the figures evolve (the reason says their
    order is unknown). Counts said to be of one day's events ("killed on Monday") must agree."""
    if any(j.reading.reckoned is None or j.reading.scope.kind == "period" for j in judged) or \
            len({j.reading.reckoned for j in judged}) != 1 or _common(judged) is not None:
        return None
    known = [j for j in judged if j.low is not None]
    if len(known) < 2:
        return None
    lowest = min(known, key=lambda j: j.low or 0.0)
    highest = max(known, key=lambda j: j.low or 0.0)
    return "evolving", same_day_reason(lowest, highest, label)


def _level_verdict(judged: Sequence[Judged], unit: str | None) -> tuple[Verdict, str] | None:
    """A count at a moment: figures of one date must agree; of different dates, it changed."""
    by_time = _by_time(judged)
    if by_time is None:
        return None
    for same_time in by_time.values():
        if _common(same_time) is None:
            return "conflict", apart_reason(*_widest_gap(same_time), "for the same date", unit)
    return "evolving", changing_reason(by_time[min(by_time)][0], by_time[max(by_time)][0])


def _facet_verdict(
    judged: Sequence[Judged], unit: str | None, vocabulary: Vocabulary
) -> tuple[Verdict, str]:
    """Conflict when figures of one time scope and event disagree, else scope-differs."""
    # A figure that gives no time speaks of its report's days: it is held against the figures
    # of a dated period or running count too, never against an event-anchored phrase ("months
    # before the war").
    facets: dict[tuple[str, str | None], list[Judged]] = defaultdict(list)
    for j in judged:  # a measure says what happened: its verbs ("put", "counted") do not
        facets[(j.reading.scope.key, None if j.reading.measure else j.reading.event)].append(j)
    dated = {key for key, facet in facets.items()
             if facet[0].reading.scope.kind in ("period", "running")}
    for j in judged:  # and so does a day its report's date cannot place
        if j.reading.scope.kind != "none" and not j.reading.scope.vague:
            continue
        for key in dated:
            if j.reading.event is None or key[1] is None or key[1] == j.reading.event or \
                    j.reading.measure is not None:
                facets[key].append(j)
    for facet in facets.values():
        if _common(facet) is None:
            return "conflict", apart_reason(*_widest_gap(facet), "", unit)
    high_side, low_side = _widest_gap(judged)
    return "scope-differs", scope_reason(high_side, low_side, vocabulary)


def _widest_gap(judged: Sequence[Judged]) -> tuple[Judged, Judged]:
    """The member whose range starts highest and the one whose range ends lowest."""
    high_side = max((j for j in judged if j.low is not None), key=lambda j: j.low or 0.0,
                    default=judged[0])
    low_side = min((j for j in judged if j.high is not None), key=lambda j: j.high or 0.0,
                   default=judged[-1])
    return high_side, low_side
