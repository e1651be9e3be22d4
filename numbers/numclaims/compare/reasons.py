"""The words of a comparison: group labels, what a group measures, why each member joined, the
one-sentence reasons for verdicts and the figures by source.

Everything here names the figures as written and says who reported them and when, so a reader
can go back to the sentence.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..formatting import range_text
from ..models import Claim
from .measures import Reading, Scope, date_range, doer, phrase, plural, singular
from .origins import article_name
from .vocabulary import Vocabulary, source_name

#: how a written place opens when it is a place phrase of its own ("in Santiago")
_PLACE_LEADS = ("in ", "at ", "across ")


@dataclass
class Judged:
    """A member's range as judged: in its own unit when the group shares one, else converted."""

    reading: Reading
    low: float | None
    high: float | None


# --- labels and what a group measures ---------------------------------------------------------


def label(readings: Sequence[Reading], vocabulary: Vocabulary) -> str:
    """'people killed in Al Haouz province', 'drones deployed since August 2022': the measure (or
    the thing and its event), the place, and the time scope most members share."""
    reference = readings[0]
    words = [reference.thing_label]
    if reference.measure is None:
        events = Counter(r.event_label for r in readings if r.event_label)
        if events:
            words.append(events.most_common(1)[0][0])
    place = place_text(readings)
    if place:
        words.append(place)
    doers = Counter(name for r in readings if (name := _named_doer(r)))
    if doers:  # "jobs cut by Orbix" beside "jobs cut by Zenith"
        words.append("by " + doers.most_common(1)[0][0])
    scopes = Counter(scope_label(r.claim, r.scope, vocabulary) for r in readings)
    common, count = scopes.most_common(1)[0]
    if common and count * 2 > len(readings):
        words.append(common)
    return " ".join(words)


def place_text(readings: Sequence[Reading]) -> str:
    """The place the group's figures are scoped to, as the first member wrote it."""
    if readings[0].place is None:
        return ""
    key = readings[0].place
    places = [r.claim.place for r in readings if r.claim.place]
    # "in Paris" rather than "in the capital", where members write both
    if key.startswith("country "):
        country = _country_name(key)
        written = next((place for place in places if country in place.lower()), "")
        if not written:  # "14 Jordanian pilgrims died in Mecca": Jordan's
            return f"from {country.title()}"
    else:
        naming = [place for place in places if key in place.lower()]
        # "in Santiago" rather than "the streets of Santiago"
        written = next((place for place in naming if place.lower().startswith(_PLACE_LEADS)),
                       naming[0] if naming else places[0] if places else "")
    text = " ".join(written.strip(" ,").split())
    text = re.sub(r"(?i)\s+alone$", "", text)  # "In Yangbi county alone"
    text = text[:1].lower() + text[1:] if text[:3].lower() in ("in ", "at ") else text
    if text[:3].lower() == "on ":  # "the Women's March on Washington": in Washington
        text = "in " + text[3:]
    return text if text.lower().startswith(("in ", "across ", "at ")) else f"in {text}"


def quantity(readings: Sequence[Reading], vocabulary: Vocabulary) -> str:
    """What the group measures, in plain words a reader can check against each sentence."""
    reference = readings[0]
    what = reference.thing_label
    if reference.measure is None and reference.event_label:
        what += f" {reference.event_label}"
    parts = [what]
    place = place_text(readings)
    parts.append(place if place else "no place named, or the story's own")
    kind = reference.kind
    parts.append({
        "running": "a running count, growing as reports come in",
        "level": "a count at a moment, that may rise or fall",
        "occasion": "a count for one day's event",
        "fixed": "one value, whatever the report date",
    }[kind])
    scopes = {scope_label(r.claim, r.scope, vocabulary) for r in readings} - {""}
    if scopes:
        parts.append("time: " + "; ".join(sorted(scopes)))
    doers = sorted({text for r in readings if r.actor and (text := _doer_text(r))})
    if doers:
        parts.append("by " + ", ".join(doers[:3]))
    return "; ".join(parts)


def _doer_text(reading: Reading) -> str:
    """The doer as written: the agent, or the source a pronoun stands for."""
    return " ".join((doer(reading.claim) or "").split())


def _named_doer(reading: Reading) -> str:
    """A company or body named as the doer of its own figure, as written ("Zenith" of "Zenith
    shares"); "" for none and for the known actors of actors.toml."""
    if not reading.actor or not reading.actor.startswith("name "):
        return ""
    names = set(reading.actor.split()[1:])
    return " ".join(word for word in _doer_text(reading).split()
                    if word.lower().removesuffix("'s").removesuffix("’s") in names)


def group_id(label_text: str, readings: Sequence[Reading]) -> str:
    """A stable, readable id: the label's slug and a short hash of the members."""
    slug = re.sub(r"[^a-z0-9]+", "-", label_text.lower()).strip("-")[:60].rstrip("-") or "group"
    keys = sorted(f"{r.claim.doc_id}:{r.claim.start}:{r.claim.end}" for r in readings)
    digest = hashlib.sha1("\n".join(keys).encode("utf-8")).hexdigest()[:6]
    return f"{slug}-{digest}"


def scope_label(claim: Claim, scope: Scope, vocabulary: Vocabulary) -> str:
    """The time scope as a label says it: 'since August 2022', 'on Jan. 6, 2023'."""
    as_of = claim.as_of if claim.as_of and not claim.as_of[:1].isdigit() else ""
    text = " ".join((claim.time_scope or as_of).split())
    anchor = scope.start or scope.end or date_range(claim.as_of_start)
    if not text:
        if anchor is None:
            return "so far" if scope.kind == "running" and claim.time_scope else ""
        if scope.kind == "running":
            return f"since {date_words(anchor)}"
        if scope.start and scope.end and scope.start != scope.end:
            return f"from {date_words(scope.start)} to {date_words(scope.end)}"
        return f"in {date_words(anchor)}"
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


def date_words(period: tuple[dt.date, dt.date]) -> str:
    start, end = period
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return f"{start.year}"
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1 and start.month == end.month:
        return start.strftime("%B %Y")
    return f"{start.day} {start.strftime('%B %Y')}"


# --- why each member joined -------------------------------------------------------------------


def member_reason(reading: Reading, readings: Sequence[Reading], label_text: str,
                  vocabulary: Vocabulary) -> str:
    reference = readings[0]
    if len(readings) == 1:
        return f"no other report counts {label_text}"
    if reading is reference:
        return f"reference report for {label_text}"
    if reading.conversion_of is not None:
        return "the same figure in another unit, written beside it"
    echoed = next((r for r in readings if r.index == reading.echo_of), None)
    if echoed is not None:
        who = echoed.claim.outlet or echoed.claim.doc_id
        parts = [f"the same figure in much the same words as {who}'s '{echoed.claim.surface}'",
                 _place_reason(reading), _scope_reason_short(reading, reference, vocabulary)]
        return ", ".join(part for part in parts if part)
    parts = [_what_reason(reading, reference), _place_reason(reading),
             _event_reason(reading, reference),
             _scope_reason_short(reading, reference, vocabulary)]
    return ", ".join(part for part in parts if part)


def _what_reason(reading: Reading, reference: Reading) -> str:
    if reading.measure is not None:
        one, other = reading.measure_word, reference.measure_word
        said = f"'{other}' ≈ '{one}'" if one and other and one != other else f"'{one or other}'"
        units = reading.claim.unit or "", reference.claim.unit or ""
        converted = f"; {units[1]} ≈ {units[0]}, converted" if units[0] != units[1] else ""
        return f"same measure ({reading.measure.label}: {said}{converted})"
    if reading.claim.unit or reference.claim.unit:
        one, other = reading.claim.unit or "", reference.claim.unit or ""
        if one == other:
            return f"same unit ({one})"
        return f"same dimension ({other} ≈ {one}, converted)"
    one, other = reading.thing_word, reference.thing_word
    what = "same source count" if reading.block and "source" in reading.block else "same thing"
    if not one or not other or singular(one) == singular(other):
        return f"{what} ({one or other or reading.thing_label})"
    return f"{what} ({other} ≈ {one})"


def _place_reason(reading: Reading) -> str:
    if reading.place and reading.claim.place:
        return f"same place ({reading.claim.place})"
    if reading.place and reading.place.startswith("country "):
        return f"same nationality ({_country_name(reading.place).title()})"
    return ""


def _country_name(key: str) -> str:
    """The country a place key names ("country south_korea" → "south korea")."""
    return key.removeprefix("country ").replace("_", " ")


def _event_reason(reading: Reading, reference: Reading) -> str:
    if reading.measure is not None:
        return ""
    one, other = reading.event_word, reference.event_word
    if reading.event is None or reference.event is None:
        return "event not stated" if reading.event is None else "event not stated in the reference"
    if reading.event != reference.event:
        return f"related events ({other} ~ {one})"
    if one == other:
        return f"same event ({one})"
    return f"same event class ({other} ≈ {one})"


def _scope_reason_short(reading: Reading, reference: Reading, vocabulary: Vocabulary) -> str:
    one, other = reading.scope, reference.scope
    if reading.kind == "occasion" and reading.day is not None:
        return f"same day ({date_words(reading.day)})"
    said, reference_said = (scope_label(reading.claim, one, vocabulary),
                            scope_label(reference.claim, other, vocabulary))
    if one.kind == "none" and other.kind == "none":
        return "neither gives a time"
    if one.kind == "none":
        return "no time given"
    if other.kind == "none":
        return f"{said}; the reference gives no time"
    if one.key == other.key:
        return f"both {said}"
    return f"compatible times ({reference_said}; {said})"


# --- the figures by source ----------------------------------------------------------------------


def sources(readings: Sequence[Reading]) -> list[str]:
    """The group's figures by source, when they come from more than one: "the interior ministry:
    1.1 million (3 outlets) · the CGT union: 2.5 million (4 outlets)"."""
    by_origin: dict[str, list[Reading]] = defaultdict(list)
    for reading in readings:
        if reading.conversion_of is None:
            by_origin[reading.origin].append(reading)
    if len(by_origin) < 2:
        return []
    lines = []
    for origin, members in sorted(by_origin.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        figures = list(dict.fromkeys(m.claim.surface for m in sorted(members, key=_when)))
        shown = ", ".join(f"'{f}'" for f in figures[:4]) + (
            f" and {len(figures) - 4} more" if len(figures) > 4 else "")
        outlets = {m.claim.outlet or m.claim.doc_id for m in members}
        count = f"{len(outlets)} outlet{'s' if len(outlets) != 1 else ''}"
        lines.append(f"{origin}: {shown} ({count})")
    return lines


def _when(reading: Reading) -> tuple[dt.date, int]:
    day = reading.reckoned[0] if reading.reckoned else dt.date.max
    return day, reading.claim.start


# --- verdict reasons ----------------------------------------------------------------------------


def single_reason(judged: Sequence[Judged]) -> str:
    if len(judged) == 1:
        return f"Only one report: {cite(judged[0])}."
    return f"Only one report, whose figures agree: {figure_list(judged)}."


def consistent_reason(judged: Sequence[Judged], common: tuple[float | None, float | None],
                      unit: str | None) -> str:
    where = range_text(*common, unit=unit)
    if len({surface(j) for j in judged}) == 1:
        return f"Every report gives {quote(judged[0])} ({sources_text(judged)})."
    every = "both" if len({surface(j) for j in judged}) == 2 else "all"
    return f"The figures agree: {figure_list(judged)} {every} allow {where}."


def apart_reason(high_side: Judged, low_side: Judged, suffix: str, unit: str | None) -> str:
    suffix = f" {suffix}" if suffix else ""
    return (
        f"{cite(low_side)} and {cite(high_side)} "
        f"cannot both hold{suffix}: {range_text(low_side.low, low_side.high, unit=unit)} "
        f"against {range_text(high_side.low, high_side.high, unit=unit)}."
    )


def scope_reason(high_side: Judged, low_side: Judged, vocabulary: Vocabulary) -> str:
    one, other = high_side.reading, low_side.reading
    if one.scope.key != other.scope.key:
        differs = f"{scoped(low_side, vocabulary)} while {scoped(high_side, vocabulary)}"
        return f"{cite(low_side)} and {cite(high_side)} differ, but {differs}."
    return (
        f"{cite(low_side)} and {cite(high_side)} differ, but they count different events "
        f"({other.event_label or 'not stated'} against {one.event_label or 'not stated'})."
    )


def rising_reason(earliest: Judged, latest: Judged, label_text: str) -> str:
    return (f"The running total rises from {cite(earliest)} to {cite(latest)}, as a count of "
            f"{label_text} may.")


def same_day_reason(lowest: Judged, highest: Judged, label_text: str) -> str:
    return (f"Reports of one day give {cite(lowest)} and {cite(highest)}: a count of "
            f"{label_text} rises through the day, and the report dates cannot say which came "
            f"first. Check the hour of each update.")


def falling_reason(level: Judged, ceiling: Judged, label_text: str) -> str:
    return (f"The running total falls from {cite(level)} to {cite(ceiling)}, which a count of "
            f"{label_text} cannot do.")


def changing_reason(earliest: Judged, latest: Judged) -> str:
    return (f"The figure changes over time, from {cite(earliest)} to {cite(latest)}: each is the "
            f"count on its own date.")


def scoped(j: Judged, vocabulary: Vocabulary) -> str:
    scope = j.reading.scope
    if scope.kind == "none":
        return f"{quote(j)} gives no time"
    return f"{quote(j)} has the time scope '{scope_label(j.reading.claim, scope, vocabulary)}'"


def figure_list(judged: Sequence[Judged], limit: int = 4) -> str:
    seen: dict[str, Judged] = {}
    for j in sorted(judged, key=lambda j: _when(j.reading)):
        seen.setdefault(surface(j), j)
    quoted = [quote(j) for j in seen.values()]
    if len(quoted) > limit:
        quoted = [*quoted[:limit], f"{len(quoted) - limit} more"]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def cite(j: Judged) -> str:
    """A figure with who reported it and when: '400' (RT, 2022-11-20)."""
    return f"{quote(j)} ({who(j.reading.claim)})"


def quote(j: Judged) -> str:
    return f"'{j.reading.claim.surface}'"


def surface(j: Judged) -> str:
    return phrase(j.reading.claim.surface)


def sources_text(judged: Sequence[Judged], limit: int = 4) -> str:
    names = list(dict.fromkeys(who(j.reading.claim) for j in judged))
    more = f"; {len(names) - limit} more" if len(names) > limit else ""
    return "; ".join(names[:limit]) + more


def who(claim: Claim) -> str:
    """Who reported a figure, and when: the outlet (or the article), then the report date."""
    source = claim.outlet or article_name(claim)
    if claim.attribution and source_name(claim.attribution) != source_name(claim.outlet):
        source = f"{source}, citing {claim.attribution}"
    return f"{source}, {claim.published}" if claim.published else source


def shared_unit(judged: Sequence[Judged], vocabulary: Vocabulary) -> str | None:
    """How a range of these members is labelled: their unit, or the base unit they were
    converted to."""
    names = Counter(j.reading.claim.unit for j in judged)
    if len(names) == 1:
        known = judged[0].reading.unit
        name = judged[0].reading.claim.unit
        return known.label if known else (name and plural(name))
    if all(j.reading.unit is not None for j in judged):  # converted to the most given unit
        most = names.most_common(1)[0][0]
        reference = next(j.reading.unit for j in judged if j.reading.claim.unit == most)
        return reference.label if reference is not None else None
    dimensions = {j.reading.unit.dimension for j in judged if j.reading.unit}
    for unit in vocabulary.units.values():
        if unit.factor == 1.0 and unit.dimension in dimensions:
            return unit.label
    return None
