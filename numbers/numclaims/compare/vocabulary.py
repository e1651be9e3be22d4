"""The language data compare reads: things, events, units, actors and measures, checked on load.

``things.toml`` (what is counted: drone = UAV = Shahed-136), ``events.toml`` (what happens to
it: deployed ≈ launched), ``measures.toml`` (what a figure measures, however the sentence puts
it: "296 deaths" = "killed 296" = "296 dead"), ``actors.toml`` (who does it) and the units
compare can convert between. Country names come from the Unicode CLDR data that Babel ships, so
"in Morocco" is read as the whole of a story, not a part of it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any

from .. import lexicon
from ..errors import LexiconError

MEASURE_KINDS = ("running", "level", "occasion", "fixed")


@dataclass(frozen=True)
class Thing:
    name: str
    label: str
    kind: str | None = None
    counts: str | None = None
    event: str | None = None


@dataclass(frozen=True)
class EventClass:
    name: str
    label: str
    also: frozenset[str] = frozenset()
    speakers: str | None = None


@dataclass(frozen=True)
class Unit:
    name: str
    label: str
    dimension: str
    factor: float
    slack: float = 0.0


@dataclass(frozen=True)
class Measure:
    """What a figure measures (measures.toml): "people killed", "jobs cut", "magnitude"."""

    name: str
    label: str
    kind: str
    counts: frozenset[str] = frozenset()  # things (or nouns) its `words` may count; any if empty
    same: frozenset[str] = frozenset()  # things that count its whole, not a part
    units: frozenset[str] = frozenset()  # dimensions an amount must have; "count" for none
    placed: bool = True  # whether a place splits its figures
    by_doer: bool = True  # whether a named doer splits its figures
    dated: bool = True  # whether the day a figure is given for splits its figures
    offered: str | None = None  # the measure a figure becomes when a payment or offer states it
    moves: str | None = None  # the kind of a change in percent ("shares fell 60% on Thursday")
    of_people: str | None = None  # the measure a count of people is, in a sentence of no voting
    voting_words: frozenset[str] = frozenset()  # the words that keep a count of people this one
    #: whether a percentage with no noun that a named doer holds is this measure, in a sentence
    #: of ``voting_words``: "put Erdogan at 48%", "Labour on 40%"
    named_share: bool = False
    #: whether a figure with no doer named is everyone's, the sum of all doers' figures: the
    #: money pledged "by donors", never one donor's gift
    unnamed_is_whole: bool = False
    #: whether figures that cannot be one value are different quantities, never a conflict:
    #: each offer of a negotiation is its own
    distinct_values: bool = False
    #: whether any named doer owns its figures, split by name: the jobs a company cuts
    owned: bool = False


@dataclass(frozen=True)
class Vocabulary:
    things: dict[str, Thing]
    thing_index: dict[str, str]
    longest_thing: int
    events: dict[str, EventClass]
    event_index: dict[str, str]
    families: dict[str, str]
    units: dict[str, Unit]
    unit_index: dict[str, str]
    unnamed_sources: frozenset[str]
    not_events: frozenset[str]
    calendar_words: frozenset[str]
    day_words: frozenset[str]  # words of a time phrase that needs the publication day
    actor_index: dict[str, str]
    longest_actor: int
    measures: dict[str, Measure]
    measure_nouns: dict[str, str]  # phrase -> measure
    measure_heads: dict[str, str]  # a counted noun -> the measure it names as that noun only
    measure_words: dict[str, str]
    #: the measure words, and those that name a measure only for a sum of money ("lost $1.8bn")
    money_words: dict[str, str]
    longest_cue: int
    #: The words a measure's noun or verb phrase starts with, and ends with (singular forms
    #: too): a phrase that starts or ends with none of them names no measure.
    cue_edges: frozenset[str]
    countries: frozenset[str]
    generic_nouns: frozenset[str]
    broad_modifiers: frozenset[str]
    earlier_words: frozenset[str]
    stating_words: frozenset[str]  # "while the union counted 400,000": a source stating
    linking_money_words: frozenset[str]  # "the damage could cost $3bn": the subject names it
    epithet_nouns: frozenset[str]  # "the Xbox maker": no named doer
    severity_words: dict[str, str]  # "seriously" → "serious": a degree of harm narrows a count
    part_references: frozenset[str]  # "nine of them", "of those killed": some of a set named
    gatherings: frozenset[str]  # "600 sister marches" count marches, never a crowd
    #: the words before a place that name a part of it a crowd fills, claims.toml
    #: ``place.street_nouns``: "the packed streets of Hong Kong Island" is Hong Kong Island's
    street_head: re.Pattern[str]
    #: nouns written before a number that say what it measures (numbers.toml
    #: [measure_prefixes]): the 7 of "the magnitude 7 quake" names the quake, no figure
    number_prefixes: frozenset[str]
    capitals: dict[str, str]  # country (as country_key gives it) → its capital, lower case
    capital_adjectives: dict[str, str]  # "french" → "paris": "in the French capital"
    nationalities: dict[str, str]  # "jordanian" → "jordan": "14 Jordanian pilgrims"

    def family(self, event: str | None) -> str | None:
        return None if event is None else self.families.get(event, event)


_THING_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "phrases": list, "label": str, "kind": str, "counts": str, "event": str,
}
_EVENT_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "phrases": list, "label": str, "also": list, "speakers": str,
}
_UNIT_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "names": list, "label": str, "dimension": str, "factor": (int, float), "slack": (int, float),
}
_MEASURE_SCHEMA: dict[str, type | tuple[type, ...]] = {
    "label": str, "kind": str, "nouns": list, "words": list, "counts": list, "units": list,
    "placed": bool, "by_doer": bool, "dated": bool, "offered": str, "same": list, "moves": str,
    "money_words": list, "heads": list, "of_people": str, "voting_words": list,
    "named_share": bool, "unnamed_is_whole": bool, "distinct_values": bool, "owned": bool,
}


@cache
def load() -> Vocabulary:
    """The language data compare reads, loaded once and checked against itself."""
    _check_top_level("things", {"things", "units", "unnamed_sources", "generic_nouns",
                                "broad_modifiers"})
    _check_top_level("events", {"events", "not_events"})
    _check_top_level("measures", {"measures", "country_names", "earlier_words",
                                  "epithet_nouns", "capitals", "stating_words",
                                  "linking_money_words", "severity", "part_references",
                                  "gatherings"})
    capital_entries = lexicon.section("measures", "capitals",
                                      {"city": str, "adjectives": list}, required=("city",))
    capitals = {country: e["city"].lower() for country, e in capital_entries.items()}
    nationalities = {adjective.lower(): country for country, e in capital_entries.items()
                     for adjective in e.get("adjectives", ())}
    thing_entries = lexicon.section("things", "things", _THING_SCHEMA,
                                    required=("phrases", "label"))
    event_entries = lexicon.section("events", "events", _EVENT_SCHEMA,
                                    required=("phrases", "label"))
    unit_entries = lexicon.section("things", "units", _UNIT_SCHEMA,
                                   required=("names", "label", "dimension", "factor"))
    measure_entries = lexicon.section("measures", "measures", _MEASURE_SCHEMA,
                                      required=("label", "kind"))
    things = _things(thing_entries)
    events = _events(event_entries, things)
    actor_index = lexicon.phrase_index(
        "actors", lexicon.section("actors", "actors", {"names": list}, required=("names",)),
        field="names",
    )
    thing_index = lexicon.phrase_index("things", thing_entries)
    measure_nouns = lexicon.phrase_index("measures", measure_entries, field="nouns")
    measure_words = lexicon.phrase_index("measures", measure_entries, field="words")
    money_words = lexicon.phrase_index("measures", measure_entries, field="money_words")
    measure_heads = lexicon.phrase_index("measures", measure_entries, field="heads")
    return Vocabulary(
        things=things,
        thing_index=thing_index,
        longest_thing=max((len(p.split()) for p in thing_index), default=1),
        events=events,
        event_index=lexicon.phrase_index("events", event_entries),
        families=_families(events),
        units=_units(unit_entries),
        unit_index=lexicon.phrase_index("things", unit_entries, field="names"),
        unnamed_sources=frozenset(
            source_name(source) for source in lexicon.words("things", "unnamed_sources")
        ),
        not_events=frozenset(lexicon.words("events", "not_events")),
        calendar_words=_calendar_words(("months", "weekdays")),
        day_words=_calendar_words(("weekdays", "deictic")) | {"day", "days", "week", "weeks",
                                                              "weekend"},
        actor_index=actor_index,
        longest_actor=max((len(name.split()) for name in actor_index), default=1),
        measures=_measures(measure_entries),
        measure_nouns=measure_nouns,
        measure_heads=measure_heads,
        measure_words=measure_words,
        money_words={**measure_words, **money_words},
        longest_cue=max((len(p.split()) for p in (*measure_nouns, *measure_words, *money_words)),
                        default=1),
        cue_edges=frozenset(edge for p in (*measure_nouns, *measure_words, *money_words,
                                           *measure_heads)
                            for edge in (p.split()[0], p.split()[-1])),
        countries=_countries(),
        generic_nouns=frozenset(lexicon.words("things", "generic_nouns")),
        broad_modifiers=frozenset(lexicon.words("things", "broad_modifiers")),
        earlier_words=frozenset(lexicon.words("measures", "earlier_words")),
        stating_words=frozenset(lexicon.words("measures", "stating_words")),
        linking_money_words=frozenset(lexicon.words("measures", "linking_money_words")),
        epithet_nouns=frozenset(lexicon.words("measures", "epithet_nouns")),
        severity_words={word: degree for degree in ("serious", "minor")
                        for word in lexicon.words("measures", f"severity.{degree}")},
        part_references=frozenset(lexicon.words("measures", "part_references")),
        street_head=_street_head(lexicon.words("claims", "place.street_nouns")),
        gatherings=frozenset(lexicon.words("measures", "gatherings")),
        number_prefixes=frozenset(lexicon.words("numbers", "measure_prefixes.words.forms")),
        capitals=capitals,
        capital_adjectives={adjective: capitals[country]
                            for adjective, country in nationalities.items()},
        nationalities=nationalities,
    )


@lru_cache(maxsize=65536)
def _street_head(nouns: list[str]) -> re.Pattern[str]:
    words = "|".join(sorted((re.escape(n.lower()) for n in nouns), key=len, reverse=True))
    return re.compile(rf"^(?:the\s+)?(?:[a-z'’-]+\s+)?(?:{words})\s+of\s+(?:the\s+)?")


def source_name(text: str | None) -> str:
    """A source's name for matching: 'The Wall Street Journal's' → 'wall street journal'."""
    import re

    words = re.sub(r"['’]s\b", "", (text or "").lower())
    words = " ".join(re.sub(r"[^\w\-]+", " ", words).split())
    return words.removeprefix("the ")


def _check_top_level(name: str, allowed: set[str]) -> None:
    unknown = set(lexicon.read(name)) - allowed
    if unknown:
        raise LexiconError(f"data/en/{name}.toml", f"unknown key(s): {', '.join(sorted(unknown))}")


def _things(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, Thing]:
    things = {
        name: Thing(name, e["label"], e.get("kind"), e.get("counts"), e.get("event"))
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
    entries: Mapping[str, Mapping[str, Any]], things: Mapping[str, Thing]
) -> dict[str, EventClass]:
    events = {
        name: EventClass(name, e["label"], frozenset(e.get("also", ())), e.get("speakers"))
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


def _units(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, Unit]:
    return {
        name: Unit(name, e["label"], e["dimension"], float(e["factor"]),
                   float(e.get("slack", 0.0)))
        for name, e in entries.items()
    }


def _measures(entries: Mapping[str, Mapping[str, Any]]) -> dict[str, Measure]:
    measures = {}
    for name, entry in entries.items():
        if entry["kind"] not in MEASURE_KINDS or entry.get("moves", "level") not in MEASURE_KINDS:
            raise LexiconError("data/en/measures.toml",
                               f"[measures.{name}] kind and moves must be one of "
                               f"{', '.join(MEASURE_KINDS)}")
        measures[name] = Measure(
            name, entry["label"], entry["kind"],
            frozenset(c.lower() for c in entry.get("counts", ())),
            frozenset(s.lower() for s in entry.get("same", ())),
            frozenset(u.lower() for u in entry.get("units", ())),
            entry.get("placed", True),
            entry.get("by_doer", True),
            entry.get("dated", True),
            entry.get("offered"),
            entry.get("moves"),
            entry.get("of_people"),
            frozenset(w.lower() for w in entry.get("voting_words", ())),
            entry.get("named_share", False),
            entry.get("unnamed_is_whole", False),
            entry.get("distinct_values", False),
            entry.get("owned", False),
        )
    for name, measure in measures.items():
        for other in (measure.offered, measure.of_people):
            if other is not None and other not in measures:
                raise LexiconError("data/en/measures.toml",
                                   f"[measures.{name}] names {other!r}, no measure")
    return measures


def _families(events: Mapping[str, EventClass]) -> dict[str, str]:
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


def _calendar_words(tables: tuple[str, ...]) -> frozenset[str]:
    """The words of the forms of time.toml's ``tables``: month and weekday names, to keep their
    capitals in a group label; weekday names and "yesterday", to read a day of an article
    dated only to the month."""
    words: set[str] = set()
    data = lexicon.read("time")
    for table in tables:
        entries = data.get(table)
        for entry in entries.values() if isinstance(entries, dict) else ():
            if isinstance(entry, dict):
                words.update(f for f in entry.get("forms", ()) if isinstance(f, str))
    return frozenset(words)


def _countries() -> frozenset[str]:
    """Country and territory names in English, lower case: CLDR's (through Babel), their short
    forms ("Hong Kong" for "Hong Kong SAR China", "Congo" for "Congo - Kinshasa"), and the
    other names news uses (measures.toml ``country_names``: "the US", "Britain")."""
    from babel import Locale

    names: set[str] = set(lexicon.words("measures", "country_names"))
    for code, name in Locale("en").territories.items():
        if code.isalpha():
            name = name.lower()
            names.update({name, name.split(" - ")[0], name.removesuffix(" sar china")})
    return frozenset(names)
