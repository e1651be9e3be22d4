"""Grouping: which claims measure the same quantity.

Claims share a group when they measure the same thing (one measure of ``measures.toml``, one
thing of ``things.toml``, or units of one dimension), in the same place (a province's toll is
not the nation's), with compatible events and time scopes, by the same doer where one is
named, and, for a one-day event (a march, a vote), on the same day. A figure restating another
in a second unit ("77 km (48 miles)") is in its group. A part of a figure given just before it
("including 400,000 in the capital") never joins that figure's group.

A claim is only ever checked against the groups of its block filed under its event family and
its months, so the cost grows with the claims, not with their square.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .. import lexicon
from ..settings import CompareSettings
from .measures import (
    Reading,
    Scope,
    actors_match,
    country_key,
    is_whole_place,
    part_label,
    phrase,
    place_key,
    singular,
)
from .ranges import apart, overlap
from .vocabulary import Vocabulary


@dataclass
class Draft:
    """A group being formed: its readings (the first is its reference) and what they share."""

    order: int
    readings: list[Reading]
    events: set[str | None] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    scopes: dict[str, Scope] = field(default_factory=dict)
    #: The days of a one-day event its members give, and whether a member's words gave them.
    days: list[tuple[tuple[dt.date, dt.date], bool]] = field(default_factory=list)
    #: The latest report date of a member that gives no time: it speaks of its own days.
    undated_report: dt.date | None = None
    #: The latest end of a member's period ("in 1960", "last year").
    period_end: dt.date | None = None
    low: float | None = None
    high: float | None = None
    empty: bool = False
    #: The members of each sentence (document, sentence start).
    sentences: dict[tuple[str, int, str], list[Reading]] = field(default_factory=dict)

    def add(self, reading: Reading) -> None:
        self.readings.append(reading)
        self.sentences.setdefault(_sentence_of(reading), []).append(reading)
        self.events.add(reading.event)
        if reading.actor is not None:
            self.actors.add(reading.actor)
        self.scopes.setdefault(reading.scope.key, reading.scope)
        if reading.kind == "occasion" and reading.day is not None:
            self.days.append((reading.day, reading.day_written))
        if reading.scope.kind == "none" and reading.reported is not None:
            self.undated_report = max(self.undated_report or reading.reported[0],
                                      reading.reported[0])
        if reading.scope.kind == "period" and reading.scope.end is not None:
            self.period_end = max(self.period_end or reading.scope.end[1], reading.scope.end[1])
        low, high = base_range(reading)
        if low is not None and (self.low is None or low > self.low):
            self.low = low
        if high is not None and (self.high is None or high < self.high):
            self.high = high
        self.empty = apart(self.low, self.high)


def link(readings: Sequence[Reading], vocabulary: Vocabulary, settings: CompareSettings) -> None:
    """Mark conversions and parts, and keep places only where they split a whole.

    A figure right after another of the same dimension, in brackets ("77 km (48 miles)",
    "€410m ($450m)"), restates it: it takes the first one's measure, place and scope. A figure
    that is a part of the one before it keeps apart from that one's group.
    """
    by_sentence: dict[tuple[str, int], list[Reading]] = defaultdict(list)
    for reading in readings:
        by_sentence[(reading.claim.doc_id, reading.claim.sentence_start)].append(reading)
    story_places = _story_places(readings, vocabulary)
    for sentence in by_sentence.values():
        sentence.sort(key=lambda r: r.claim.start)
        for first, second in zip(sentence, sentence[1:], strict=False):
            if _restates(first, second):
                second.conversion_of = first.index
                second.block, second.measure = first.block, first.measure
                second.place, second.scope, second.actor = first.place, first.scope, first.actor
                second.event, second.event_label = first.event, first.event_label
                second.thing_label = first.thing_label
            elif second.claim.part_of and second.claim.part_of == first.claim.surface:
                second.whole = first.index
                _measured_as_whole(second, first)
            else:
                _counted_alike(second, first, vocabulary)
        _parts_of_a_whole_named(sentence)
        _places_of_breakdowns(sentence, story_places, vocabulary)
    _other_countries(readings, vocabulary)


def _story_places(readings: Sequence[Reading], vocabulary: Vocabulary) -> frozenset[str]:
    """The places two or more articles give figures for or write in a figure's sentence:
    where the story happens."""
    articles: dict[str, set[str]] = defaultdict(set)
    for reading in readings:
        if (key := place_key(reading.claim.place, vocabulary)) is not None:
            articles[key].add(reading.claim.doc_id)
    named = {key for reading in readings if _names_a_disaster(reading)
             and (key := place_key(reading.claim.place, vocabulary)) is not None}
    for reading in readings:  # bounded: only the few places of named disasters are looked for
        for key in named:
            if key in reading.claim.sentence.lower():
                articles[key].add(reading.claim.doc_id)
    return frozenset(place for place, docs in articles.items() if len(docs) >= 2)


def _counted_alike(second: Reading, first: Reading, vocabulary: Vocabulary) -> None:
    """A figure a source only states, naming nothing ("82,000 marched, police said, while the
    union counted 400,000") or only a figure ("the ministry's figure is 700,000"), counts what
    the sentence's figure before it counts."""
    if second.measure is not None or second.block is None or \
            second.block[:2] not in (("count", ""), ("thing", "people")) or \
            first.measure is None or first.block is None or first.block[2] != "count":
        return
    stated = (second.claim.event or "").lower() in vocabulary.stating_words
    if not stated and singular(phrase(second.claim.entity or "")) not in vocabulary.generic_nouns:
        return
    second.measure, second.block = first.measure, first.block
    second.thing_label = first.thing_label


def _parts_of_a_whole_named(sentence: Sequence[Reading]) -> None:
    """Figures of things counted among a whole written with its own figure: "11 teens, 26
    foreigners and 98 women among the 154 lives lost", "Among the 154 people who died were 11
    teenagers" are teenagers and women killed, parts of the toll."""
    for whole in sentence:
        claim = whole.claim
        at = claim.start - claim.sentence_start
        lead = _WHOLE_LEAD.search(claim.sentence[max(0, at - 12):at].lower())
        if lead is None:
            continue
        for part in sentence:
            if part is not whole and (lead.group(1) == "among" or part.claim.start < claim.start):
                _measured_as_whole(part, whole)


#: the words right before a whole's figure that make the figures of its sentence its parts
_WHOLE_LEAD = re.compile(r"\b(among|of)\s+(?:the\s+)?$")


def _measured_as_whole(part: Reading, whole: Reading) -> None:
    """A part that names only what it counts measures what its whole does: "133 killed, at
    least five children among them" are five children killed, not five children."""
    if part.measure is not None or whole.measure is None or part.block is None or \
            part.block[0] != "thing" or whole.block is None or whole.block[2] != "count":
        return
    part.measure = whole.measure
    part.block = ("measure", whole.measure.name, "count", part.block[1], "")
    part.thing_label = part_label(whole.measure, part.thing_label)


def _other_countries(readings: Sequence[Reading], vocabulary: Vocabulary) -> None:
    """A figure for a country other than the story's is that country's: "72 killed in India"
    is no report of Nepal's toll, and "the capital" is the story's country's. The story's
    country is the one the most articles name in their figures' sentences; where no country
    leads, countries split nothing."""
    named = {reading.index: country for reading in readings
             if reading.place is None and (reading.measure is None or reading.measure.placed)
             and (country := country_key(reading.claim.place, vocabulary)) is not None}
    for reading in readings:  # "90% of its employees in India": India's staff, in any story
        if reading.index in named and _place_of_the_whole(reading):
            reading.place = f"country {named.pop(reading.index)}"
    # "more than 90% of its India staff": India's staff; "of French trains" may be the story's
    wholes = {reading.index: whole for reading in readings if reading.place is None
              and (whole := _country_of_the_whole(reading, vocabulary)) is not None}
    # "14 Jordanian pilgrims died in Mecca", "658 Egyptians": their country's part of the toll
    nationals = {reading.index: country for reading in readings
                 if (country := _nationality(reading, vocabulary)) is not None}
    if not named and not nationals and not wholes and \
            not any(r.place and r.place.endswith("capital") for r in readings):
        return
    articles: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, int]] = set()
    for reading in readings:
        claim = reading.claim
        if (claim.doc_id, claim.sentence_start) in seen:
            continue
        seen.add((claim.doc_id, claim.sentence_start))
        for country in _countries_in(claim.sentence, vocabulary):
            articles[country].add(claim.doc_id)
    ranked = sorted(((len(docs), country) for country, docs in articles.items()), reverse=True)
    story = None if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]) \
        else ranked[0][1]
    for reading in readings:
        if reading.index in wholes:
            country, by_name = wholes[reading.index]
            if by_name or country != story:
                reading.place = f"country {country}"
    if story is None:  # "the French capital" is Paris in any story
        for reading in readings:
            if reading.place is not None and reading.place.endswith(" capital"):
                reading.place = _capital(reading.place, "", vocabulary)
        return
    for reading in readings:
        country = nationals.get(reading.index, named.get(reading.index))
        if country is not None and country != story:
            reading.place = f"country {country}"
        elif reading.place is not None:
            reading.place = _capital(reading.place, story, vocabulary)
    _places_beside_the_whole(readings, story, vocabulary)


def _nationality(reading: Reading, vocabulary: Vocabulary) -> str | None:
    """The country of the people a count of people names by nationality ("14 Jordanian
    pilgrims", "deaths among Egyptians", "98 Indians"), or None."""
    measure = reading.measure
    if measure is not None and not measure.placed or reading.block is None or reading.claim.unit:
        return None
    words = [word.strip(".,;:'’") for word in (reading.claim.noun_phrase or "").split()]
    # of people only: "Iranian drones" are no Iranians
    of_people = measure is not None and "people" in measure.counts
    for at, word in enumerate(words):
        if word[:1].isupper() and (of_people or at == len(words) - 1):
            country = vocabulary.nationalities.get(singular(word.lower()))
            if country is not None:
                return country
    if of_people and words:  # "deaths among Egyptians alone had risen to 600"
        claim = reading.claim
        at = claim.start - claim.sentence_start
        among = [m for m in _AMONG.finditer(claim.sentence)
                 if m.group(1).lower() == " ".join(words).lower()]
        if among:
            nearest = min(among, key=lambda m: abs(m.start() - at))
            return vocabulary.nationalities.get(singular(nearest.group(2).lower()))
    return None


#: a count's noun and the people it is among: "deaths among Egyptians"
_AMONG = re.compile(r"\b([a-z]+) among (?:the )?([A-Z][a-z]+s)\b")


#: the words of the whole a share is of, to its end: "of its India staff", "of Twitter's
#: total Indian headcount"
_WHOLE_WORDS = re.compile(r"\s*of\s+((?:(?!(?:over|in|on|at|for|to|from|with|who|that|which|and|"
                          r"by|as)\b)[\w'’-]+\s*){1,5})")


def _country_of_the_whole(reading: Reading,
                          vocabulary: Vocabulary) -> tuple[str, bool] | None:
    """The country whose whole a share is of ("more than 90% of its India staff", "90 per cent
    of Twitter's total Indian headcount"), and whether it is written by name: a country named
    as a modifier is a part of the whole in any story ("its India staff"), where an adjective
    may be the story's own ("a fifth of French trains")."""
    if not _is_share(reading):
        return None
    claim = reading.claim
    at = claim.end - claim.sentence_start
    whole = _WHOLE_WORDS.match(claim.sentence[at : at + 60])  # bounded work
    if whole is None:
        return None
    for word in whole.group(1).split()[:-1]:  # modifiers of the whole's noun, not the noun
        word = re.sub(r"['’]s$", "", word)
        if not word[:1].isupper():
            continue
        country = country_key(word, vocabulary)
        if country is not None:
            return country, True
        country = vocabulary.nationalities.get(word.lower())
        if country is not None:
            return country, False
    return None


def _places_beside_the_whole(readings: Sequence[Reading], story: str,
                             vocabulary: Vocabulary) -> None:
    """Where a measure is given both for the story's whole country, by name ("killed 3,958 in
    Libya", "nationwide"), and for a place within it ("11,300 in Derna"), the place's figures
    are the place's, even where a sentence gives only the one: a city's toll is not the
    nation's."""
    wholes: set[tuple[str, ...]] = set()
    for reading in readings:
        if reading.block is not None and reading.measure is not None and reading.measure.placed \
                and reading.claim.place and (country_key(reading.claim.place, vocabulary) == story
                                             or is_whole_place(reading.claim.place)):
            wholes.add(reading.block)
    for reading in readings:
        if reading.place is None and reading.block in wholes and reading.claim.place and \
                country_key(reading.claim.place, vocabulary) is None:
            reading.place = _capital(place_key(reading.claim.place, vocabulary) or "", story,
                                     vocabulary) or None


def _capital(place: str, story: str, vocabulary: Vocabulary) -> str:
    """"capital" as the city it names: the story's country's ("in the capital"), or the one
    its adjective names ("in the French capital"), so it lines up with "in Paris"."""
    if place == "capital":
        return vocabulary.capitals.get(story, place)
    if place.endswith(" capital"):
        return vocabulary.capital_adjectives.get(place.removesuffix(" capital"), place)
    return place


def _countries_in(sentence: str, vocabulary: Vocabulary) -> set[str]:
    """The countries a sentence names, as :func:`country_key` gives them."""
    words = _WORDS.findall(sentence.lower())
    found = set()
    for size in (1, 2, 3):
        for start in range(len(words) - size + 1):
            country = country_key(" ".join(words[start:start + size]), vocabulary)
            if country is not None:
                found.add(country)
    return found


def _places_of_breakdowns(sentence: Sequence[Reading], story_places: frozenset[str],
                          vocabulary: Vocabulary) -> None:
    """Keep a figure's place only where the place splits a whole: in a breakdown (figures of
    one sentence for different places, "30 in Ouarzazate, 13 in Marrakech") or for a part
    ("including 400,000 in the capital"). A place written once for the figure of a sentence
    is where the story happens ("the quake in Al Haouz killed 296"): that figure is the whole."""
    places: dict[tuple[str, ...] | None, set[str]] = defaultdict(set)
    for reading in sentence:
        if reading.place is not None:
            places[reading.block].add(reading.place)
    for reading in sentence:
        if reading.place is None or reading.claim.part_of:
            continue
        if len(places[reading.block]) < 2 and not _counted_by_place(reading) and \
                not _place_alone(reading) and not _place_of_the_whole(reading) and \
                not (_names_a_disaster(reading) and
                     place_key(reading.claim.place, vocabulary) not in story_places):
            # "the Uttarakhand floods that killed almost 6,000" in a story of a cyclone in
            # Odisha: another event's figure, kept apart; "the Beirut explosion, which killed
            # at least 135" in a story of Beirut is the story's
            reading.place = None


def _names_a_disaster(reading: Reading) -> bool:
    """Whether the figure's place names the disaster it counts ("the Uttarakhand floods that
    killed almost 6,000 people")."""
    place = reading.claim.place or ""
    if not place:
        return False
    match = re.search(re.escape(place) + r"\s+([a-z]+)", reading.claim.sentence)
    return match is not None and match.group(1) in _disaster_nouns()


@cache
def _disaster_nouns() -> frozenset[str]:
    return frozenset(lexicon.words("claims", "place.disaster_nouns"))


def _place_alone(reading: Reading) -> bool:
    """Whether the sentence counts the place on its own ("In Yangbi county alone, 5 were
    killed", "3,000 in the capital alone"): a part, never the whole."""
    place = reading.claim.place or ""
    return bool(place) and (place.lower().endswith(" alone") or re.search(
        re.escape(place) + r",?\s+alone\b", reading.claim.sentence) is not None)


def _is_share(reading: Reading) -> bool:
    """Whether the figure is a share, in per cent ("71%", "a quarter of")."""
    return reading.unit is not None and reading.unit.name == "percentage"


def _place_of_the_whole(reading: Reading) -> bool:
    """Whether the place scopes the whole a share is of ("90% of its employees in India",
    "half of the homes in Derna", "In North Carolina, 71% of stations"): the share is that
    place's, not the story's. A count of some ("its 17 branches in California") keeps the
    story's place rules."""
    claim = reading.claim
    place = claim.place or ""
    after = claim.sentence[claim.end - claim.sentence_start:]
    if not _is_share(reading) or not place:
        return False
    if re.match(r"\s+of\s+(?:the|its|their|his|her|our|all)\b[^,.;:]{0,60}?" + re.escape(place),
                after):
        return True
    # "In North Carolina, 71% of stations had no gas", "in the Raleigh area, where 72% of
    # stations": a share of a whole written after its place is a share of the place's whole
    before = claim.sentence[:claim.start - claim.sentence_start]
    return place in before and re.match(r"\s+of\s+", after) is not None


def _counted_by_place(reading: Reading) -> bool:
    """Whether the figure is one place's count of one day's event: a crowd "in Haifa" is
    Haifa's, however the sentence is written; a toll "in Derna" is the flood's."""
    return reading.measure is not None and reading.measure.kind == "occasion"


def _symbol(surface: str) -> str:
    """The currency sign written before a sum's digits: "$US" of "about $US209 billion"."""
    head = re.split(r"\d", surface, maxsplit=1)[0]
    return head.split()[-1] if head.split() else ""


def _restates(first: Reading, second: Reading) -> bool:
    claim, other = first.claim, second.claim
    between = claim.sentence[claim.end - claim.sentence_start:other.start - claim.sentence_start]
    if not 0 < len(between) <= 3 or "(" not in between and "[" not in between:
        return False
    if claim.unit is None or other.unit is None:
        return False
    if claim.unit == other.unit:  # "$US209 billion ($318 billion)": the second in A$
        return claim.dimension == "currency" and _symbol(claim.surface) != _symbol(other.surface)
    same = first.unit is not None and second.unit is not None and \
        first.unit.dimension == second.unit.dimension
    return same or (claim.dimension is not None and claim.dimension == other.dimension)


def group(
    readings: Sequence[Reading], vocabulary: Vocabulary, settings: CompareSettings
) -> list[Draft]:
    """Form the groups, a block (one measure, thing or dimension) at a time.

    Claims that name their event and time go first, then those that name their event, then
    the rest, each earliest report first: the groups take their shape from the claims that say
    most, and the others join the group that fits them best. Conversions go with the figure
    they restate.
    """
    drafts: list[Draft] = []
    placed: dict[int, Draft] = {}
    blocks: dict[tuple[str, ...], _Block] = defaultdict(lambda: _Block(vocabulary, settings))
    # the blocks of each dimension, where a figure nothing names may find the group it agrees
    # with ("handed Barcelona €222m" beside "the €222m fee")
    by_dimension: dict[tuple[str, str], set[tuple[str, ...]]] = defaultdict(set)
    ordered = sorted(
        readings, key=lambda r: (r.conversion_of is not None, r.weak, r.event is None,
                                 r.scope.kind == "none", _report_order(r))
    )
    for reading in ordered:
        draft = placed.get(reading.conversion_of) if reading.conversion_of is not None else None
        if draft is None and reading.block is not None:
            keys = [reading.block]
            if reading.weak:
                keys += sorted(by_dimension[_dimension(reading.block)] - {reading.block})
            candidates = [c for key in keys for c in blocks[key].candidates(reading)]
            # "150,000 Britons" beside "150,000 people left stranded": a thing a measure counts
            # whole may join, where it agrees, that measure's group
            loose = [c for key in sorted(_measures_counting(reading, by_dimension, vocabulary))
                     for c in blocks[key].candidates(reading)]
            # bounded work: a page of thousands of unnamed figures makes as many groups
            candidates = candidates[-settings.max_candidates:]
            loose = loose[-settings.max_candidates:]
            draft = _best(reading, candidates, placed, vocabulary, settings, loose=loose)
        if draft is None:
            draft = Draft(order=len(drafts), readings=[])
            drafts.append(draft)
            if reading.block is not None:
                blocks[reading.block].add(draft, reading)
                by_dimension[_dimension(reading.block)].add(reading.block)
        draft.add(reading)
        placed[reading.index] = draft
    return _with_echoes_joined(_without_strays(drafts, settings), readings, vocabulary, settings)


def _with_echoes_joined(drafts: list[Draft], readings: Sequence[Reading], vocabulary: Vocabulary,
                        settings: CompareSettings) -> list[Draft]:
    """Join a group only one article gives to another article's group that gives the same
    figure in much the same words, where the words read off the claims named the quantity two
    ways: "94.6% voted to reject" and "almost 95% of members voted the offer down", "7.48
    million residents" and "a population of 7.48 million". The figures must agree, place, doer,
    event and time must fit (:func:`fits`), and the words around the two figures must be
    alike: the cosine of their words weighted by how rare each is among the story's sentences
    (words every sentence of the story has, its names and its verbs of saying, weigh little).

    Candidates are found by value, a figure's groups filed under the order of magnitude of its
    number, so the cost grows with the claims, not their square."""
    contexts = {r.index: _context_words(r, settings) for r in readings}
    rarity = _rarity(readings, contexts)
    norms = {index: math.sqrt(sum(rarity[w] ** 2 for w in words))
             for index, words in contexts.items()}
    numbers = {r.index: _echo_number(r) for r in readings}
    keys = {r.index: _value_key(r, numbers[r.index]) for r in readings}
    by_value: dict[tuple[str, int], list[tuple[Draft, Reading]]] = defaultdict(list)
    for draft in drafts:
        for reading in draft.readings:
            key = keys[reading.index]
            if key is not None:
                by_value[key].append((draft, reading))
    joined: set[int] = set()  # orders of the drafts joined into another
    for draft in drafts:
        docs = {r.claim.doc_id for r in draft.readings}
        if len(docs) != 1:
            continue
        # the members of other articles that state the same value, most alike first
        alike: dict[int, tuple[float, int, Draft]] = {}
        for reading in draft.readings:
            key = keys[reading.index]
            if key is None:
                continue
            for step in (-1, 0, 1):  # bounded work: the latest members filed near the value
                for other, member in by_value.get((key[0], key[1] + step),
                                                  [])[-settings.echo_candidates:]:
                    if other is draft or other.order in joined or member.claim.doc_id in docs \
                            or not _same_value(reading, member, numbers, settings):
                        continue
                    score = _cosine(contexts[reading.index], contexts[member.index], rarity,
                                    norms[reading.index] * norms[member.index])
                    if _specific(reading) and reading.claim.value == member.claim.value:
                        score += 1.0  # "386,810" in two articles is one figure, whatever
                        # the words around it
                    if score >= settings.echo_similarity and \
                            score > alike.get(other.order, (-1.0, 0, other))[0]:
                        alike[other.order] = (score, member.index, other)
        ranked = sorted(alike.values(), key=lambda found: (-found[0], found[2].order))
        target = next(((index, other) for _, index, other in ranked[:settings.echo_tries]
                       if _may_join(draft, other, vocabulary, settings)), None)
        if target is not None:
            for reading in draft.readings:
                reading.echo_of = target[0]
                target[1].add(reading)
            joined.add(draft.order)
    return [draft for draft in drafts if draft.order not in joined]


def _may_join(single: Draft, other: Draft, vocabulary: Vocabulary,
              settings: CompareSettings) -> bool:
    """Whether a one-article group may join another by its words: one dimension, no two
    quantities the words named apart, no narrowing against another, and place, doer, event
    and time that fit."""
    first, head = single.readings[0], other.readings[0]
    one, two = _echo_dimension(first), _echo_dimension(head)
    if one is None or two is None or one[0] != two[0]:
        return False
    if one[1] != two[1] and first.measure is None and head.measure is None:
        return False  # a rise is no fall; a measure ("jobs cut") says the direction itself
    if first.block != head.block and _named(first, vocabulary) and _named(head, vocabulary):
        return False  # the words named two quantities: "killed" and "injured" are two, killed
        # officials are not killed people
    if first.narrowing != head.narrowing and first.narrowing and head.narrowing:
        return False
    return all(fits(r, other, vocabulary, settings) for r in single.readings)


def _specific(reading: Reading) -> bool:
    """Whether a figure is written with at least three significant digits ("386,810",
    "94.6%", "7.48 million"): two articles giving exactly it give one figure."""
    value = reading.claim.value
    if value is None or reading.claim.qualifier == "vague":
        return False
    digits = f"{abs(value):.10g}".replace(".", "").lstrip("0").rstrip("0")
    return len(digits) >= 3


def _echo_number(reading: Reading) -> float | None:
    """The number a figure states, in its dimension's base unit: the middle of its stated
    bounds, or the one bound it states."""
    low, high = reading.stated
    if low is not None and high is not None:
        number = (low + high) / 2
    elif low is not None or high is not None:
        number = low if low is not None else high  # type: ignore[assignment]
    else:
        return None
    return number * (reading.unit.factor if reading.unit is not None else 1.0)


def _named(reading: Reading, vocabulary: Vocabulary) -> bool:
    """Whether the words read off the claim name what it measures: a measure of measures.toml
    or a thing of things.toml other than people in general."""
    block = reading.block
    return reading.measure is not None or (
        block is not None and block[0] == "thing" and block[1] in vocabulary.things
        and block[1] != "people")


def _echo_dimension(reading: Reading) -> tuple[str, str] | None:
    """A figure's dimension and trend, also where nothing but its unit says what it measures
    ("94.6% to reject the offer")."""
    if reading.block is not None:
        return _dimension(reading.block)
    if reading.unit is None:
        return None
    return reading.unit.dimension, reading.claim.trend or ""


def _value_key(reading: Reading, number: float | None) -> tuple[str, int] | None:
    """Where a figure of this number (:func:`_echo_number`) is filed for finding its echoes:
    its dimension and the twentieth of an order of magnitude its number falls in."""
    dimension = _echo_dimension(reading)
    if dimension is None or number is None or number <= 0:
        return None
    return dimension[0], math.floor(math.log10(number) * 20)


def _same_value(one: Reading, other: Reading, numbers: Mapping[int, float | None],
                settings: CompareSettings) -> bool:
    """Whether two figures state one value: their numbers lie within ``echo_value_share`` of
    each other, and a vague amount is only the same vague amount ("tens of thousands")."""
    if (one.claim.qualifier == "vague") != (other.claim.qualifier == "vague"):
        return False
    if one.claim.qualifier == "vague":
        return one.stated == other.stated
    a, b = numbers[one.index], numbers[other.index]
    if a is None or b is None:
        return False
    return abs(a - b) <= settings.echo_value_share * max(abs(a), abs(b))


_CONTEXT_WORD = re.compile(r"[a-z][a-z'’-]{2,}")


def _context_words(reading: Reading, settings: CompareSettings) -> frozenset[str]:
    """The words either side of the figure in its sentence, lower case."""
    claim = reading.claim
    at = max(0, claim.start - claim.sentence_start)
    end = max(at, claim.end - claim.sentence_start)
    sentence = claim.sentence.lower()
    width = settings.echo_context_words
    before = _CONTEXT_WORD.findall(sentence[:at])[-width:]
    after = _CONTEXT_WORD.findall(sentence[end:])[:width]
    return frozenset(singular(word) for word in (*before, *after))


def _rarity(readings: Sequence[Reading], contexts: Mapping[int, frozenset[str]]
            ) -> dict[str, float]:
    """How rare each word is among the figures' contexts: the log of their number over the
    number that hold the word."""
    holding: dict[str, int] = defaultdict(int)
    for words in contexts.values():
        for word in words:
            holding[word] += 1
    total = max(len(readings), 1)
    return {word: math.log((1 + total) / count) for word, count in holding.items()}


def _cosine(one: frozenset[str], other: frozenset[str], rarity: Mapping[str, float],
            norm: float) -> float:
    """The cosine of two contexts, given the product of their lengths."""
    if not norm:
        return 0.0
    return sum(rarity[w] ** 2 for w in one & other) / norm


def _without_strays(drafts: list[Draft], settings: CompareSettings) -> list[Draft]:
    """Give a sum of money ("a deal worth $68.7bn") that no other member comes near, and that
    lies ``settings.stray_factor`` times or more from the rest's median, a group of its own:
    in a story of one deal, "$26.2bn" is another deal's price, not a conflicting report of this
    one. Counts are disputed by such factors (police and organisers of one march); they stay."""
    kept: list[Draft] = []
    for draft in drafts:
        first = draft.readings[0]
        if len(draft.readings) < 3 or first.kind != "fixed" or first.unit is None or \
                first.unit.dimension != "currency":
            kept.append(draft)
            continue
        centres = [_centre(r) for r in draft.readings]
        known = sorted(c for c in centres if c is not None)
        if not known:
            kept.append(draft)
            continue
        median = known[len(known) // 2]
        stays: list[Reading] = []
        strays: list[Reading] = []
        for reading, centre in zip(draft.readings, centres, strict=True):
            far = centre is not None and median > 0 and centre > 0 and \
                max(centre / median, median / centre) >= settings.stray_factor
            near = any(overlap(base_range(reading), base_range(other))
                       for other in draft.readings if other is not reading)
            (strays if far and not near and reading.conversion_of is None else stays).append(
                reading)
        kept.append(_redrafted(draft, stays))
        kept += [_redrafted(Draft(order=draft.order, readings=[]), [r]) for r in strays]
    return kept


def _redrafted(draft: Draft, readings: Sequence[Reading]) -> Draft:
    if len(readings) == len(draft.readings):
        return draft
    fresh = Draft(order=draft.order, readings=[])
    for reading in readings:
        fresh.add(reading)
    return fresh


def _centre(reading: Reading) -> float | None:
    low, high = base_range(reading)
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def _measures_counting(
    reading: Reading, by_dimension: Mapping[tuple[str, str], set[tuple[str, ...]]],
    vocabulary: Vocabulary,
) -> set[tuple[str, ...]]:
    """For a counted thing no measure was read for, the blocks of the measures that count it
    whole (measures.toml ``same``) or count it as their part ("two pilots" beside "two pilots
    on board"); for a measure, the blocks of the things it counts whole or as its part."""
    block = reading.block
    if block is None:
        return set()
    keys = by_dimension[_dimension(block)]
    if block[0] == "thing" and reading.measure is None:
        names = {m.name for m in vocabulary.measures.values() if block[1] in m.same}
        return {key for key in keys if key[0] == "measure" and (
            key[1] in names or key[2] == "count" and key[3] == block[1])}
    if block[0] == "measure" and block[2] == "count" and reading.measure is not None:
        same = reading.measure.same if not block[3] else {block[3]}
        return {key for key in keys if key[0] == "thing" and key[1] in same}
    return set()


def _dimension(block: tuple[str, ...]) -> tuple[str, str]:
    """A block's dimension and trend: ("currency", "") for money, ("count", "up") for a rise."""
    if block[0] == "unit":
        return block[1], block[-1]
    if block[0] == "measure":
        return block[2], block[-1]
    if block[0] in ("share", "multiple"):
        return block[0], block[-1]
    return "count", block[-1]


_TimeKey = tuple[str, Any]
_WORDS = re.compile(r"[a-z]+(?:['’][a-z]+)?")


class _Block:
    """The groups of one block, indexed by event family and by time.

    A group is filed under the event family and the months (or time phrase) of the claim that
    founded it; a claim is then checked only against the groups filed where it could fit: same
    family or none, overlapping months, the same starting month of a running total. Claims that
    give no time are checked against every group of their family.
    """

    def __init__(self, vocabulary: Vocabulary, settings: CompareSettings) -> None:
        self.vocabulary = vocabulary
        self.settings = settings
        self.index: dict[str | None, dict[_TimeKey, list[Draft]]] = defaultdict(
            lambda: defaultdict(list))

    def add(self, draft: Draft, founder: Reading) -> None:
        for key in _time_keys(founder.scope, self.settings):
            self.index[self._family(founder)][key].append(draft)

    def _family(self, reading: Reading) -> str | None:
        """The event family a group is filed under: none for a measure, which says what
        happened itself ("296 dead" and "killed 296" are one), nor for an event no class
        knows."""
        if reading.measure is not None or reading.event not in self.vocabulary.events:
            return None
        return self.vocabulary.family(reading.event)

    def candidates(self, reading: Reading) -> list[Draft]:
        family = self._family(reading)
        families = list(self.index) if family is None else [family, None]
        found: dict[int, Draft] = {}
        for name in families:
            by_time = self.index.get(name)
            if not by_time:
                continue
            keys = by_time.keys() if reading.scope.kind == "none" or _as_of(reading.scope) \
                else _lookup_keys(
                reading.scope, by_time, self.settings)
            limit = self.settings.max_candidates  # bounded work: the latest groups of a key
            for key in list(keys):
                for draft in by_time.get(key, [])[-limit:]:
                    found.setdefault(draft.order, draft)
        return [found[order] for order in sorted(found)][-self.settings.max_candidates:]


def _time_keys(scope: Scope, settings: CompareSettings) -> list[_TimeKey]:
    """Where a group founded by a claim of this scope is filed."""
    if scope.kind == "none" or _as_of(scope):
        return [("any", None)]
    if scope.kind == "text":
        return [("text", scope.text)]
    if scope.kind == "running":
        months = _months(scope.start, settings)
        return [("since", month) for month in months] if months else [("since", None)]
    span = (scope.start[0], scope.end[1]) if scope.start and scope.end else None
    months = _months(span, settings)
    return [("month", month) for month in months] if months else [("wide", None)]


def _lookup_keys(scope: Scope, filed: Mapping[_TimeKey, object],
                 settings: CompareSettings) -> list[_TimeKey]:
    """Where to look for groups a claim of this (known) scope could join."""
    keys: list[_TimeKey] = [("any", None)]
    if scope.kind == "text":
        return [*keys, ("text", scope.text)]
    kind = "since" if scope.kind == "running" else "month"
    own = [key for key in _time_keys(scope, settings) if key[1] is not None]
    if not own:  # an open or unknown start: any group of its kind may fit
        return [*keys, *(key for key in filed if key[0] in (kind, "wide"))]
    return [*keys, *own, ("since", None) if kind == "since" else ("wide", None)]


def _months(span: tuple[dt.date, dt.date] | None, settings: CompareSettings) -> list[int]:
    """The months a span touches, or none when it is open or too long to file month by month."""
    if span is None:
        return []
    first = span[0].year * 12 + span[0].month - 1
    last = span[1].year * 12 + span[1].month - 1
    return list(range(first, last + 1)) if 0 <= last - first < settings.wide_months else []


def _best(
    reading: Reading, candidates: Iterable[Draft], placed: Mapping[int, Draft],
    vocabulary: Vocabulary, settings: CompareSettings, loose: Sequence[Draft] = (),
) -> Draft | None:
    """The group the reading fits best, or None when it fits none.

    A reading that names no event is not placed by guesswork: when it fits groups of different
    events, it joins only one whose figures it agrees with. The ``loose`` candidates are
    groups of another block it may join only where it agrees.
    """
    whole = placed.get(reading.whole) if reading.whole is not None else None
    low, high = base_range(reading)
    scored = []
    strict = {id(draft) for draft in loose}
    must_agree = reading.weak or _bare(reading)
    for draft in [*candidates, *loose]:
        if draft is whole:
            continue
        agreeing = _agrees_with_some(low, high, draft, settings)
        if (must_agree or id(draft) in strict) and not (
                agreeing and _near(reading, draft, settings)):
            continue  # "£47m" with nothing named joins only the figures it agrees with
        if not fits(reading, draft, vocabulary, settings) and not (
                agreeing and _unplaced_beside_place(reading, draft)
                and fits(reading, draft, vocabulary, settings, any_place=True)):
            continue
        if not agreeing and draft.readings and \
                reading.narrowing != draft.readings[0].narrowing:
            continue  # "two passenger trains" beside "three trains": another count
        if not agreeing and _unknown_events_differ(reading, draft, vocabulary) and \
                _far_apart(reading, draft, settings):
            continue  # "hundreds trapped" beside "3,000 buried": no conflict of one count
        if _other_sum(reading, draft, settings, agreeing=agreeing):
            continue  # "the previous record, 105 million euros" beside the €222m fee
        if _sentence_apart(reading, draft):
            continue  # "1,175 admitted, 382 still being treated": two quantities
        # One value (a deal's price, a magnitude) goes first to the group it agrees with: two
        # deals of one story are two prices. A count of one day's event joins the largest group
        # it fits, agreeing or not: police and organisers' counts of one march belong side by
        # side. A running count or a level differs from report to report anyway.
        agrees = agreeing and (reading.kind == "fixed" or
                               (reading.kind == "occasion" and reading.measure is None))
        score = (
            agrees,
            reading.scope.key in draft.scopes,
            reading.event is not None and reading.event in draft.events,
            len(draft.readings),
            -draft.order,
        )
        scored.append((score, draft))
    if reading.event is None and reading.measure is None:
        families = {vocabulary.family(e) for _, d in scored for e in d.events
                    if e in vocabulary.events}
        if len(families) > 1:
            scored = [(score, draft) for score, draft in scored if score[0]]
    return max(scored, key=lambda pair: pair[0])[1] if scored else None


def _near(reading: Reading, draft: Draft, settings: CompareSettings) -> bool:
    """Whether a figure with an open bound lies near the group's first figure: "up to a year"
    agrees with "18 hours" but says nothing of it."""
    low, high = base_range(reading)
    if (low is None) == (high is None) or not draft.readings:
        return True  # closed (or wholly open): agreement says enough
    bound = low if low is not None else high
    centre = _centre(draft.readings[0])
    if bound is None or centre is None or bound <= 0 or centre <= 0:
        return True
    return max(bound / centre, centre / bound) <= settings.open_bound_factor


def _bare(reading: Reading) -> bool:
    """Whether only the thing counted says what the figure measures: no measure, no event
    ("15,000 customers back in the UK" beside "a million customers" are two quantities)."""
    return reading.block is not None and reading.block[0] == "thing" and \
        reading.measure is None and reading.event is None


def _sentence_of(reading: Reading) -> tuple[str, int, str]:
    return reading.claim.doc_id, reading.claim.sentence_start, reading.claim.sentence


def _sentence_apart(reading: Reading, draft: Draft) -> bool:
    """Whether a member of the reading's sentence gives another value for the group: one
    sentence does not state one quantity twice, unless two sources dispute it ("organisers
    counted 500,000, the police 350,000"), it gives two times, or it changed ("revised from
    288 to 275")."""
    for member in draft.sentences.get(_sentence_of(reading), ()):
        if overlap(*_ranges(reading, member)):
            continue
        sources = {phrase.lower() for phrase in (reading.claim.attribution,
                                                 member.claim.attribution) if phrase}
        if len(sources) == 2 or reading.scope.key != member.scope.key or \
                _set_against(member, reading) or (sources and _contrasted(member, reading)):
            continue  # two sources, two times ("59 killed, but by Friday the toll was 67")
        return True
    return False


def _ranges(one: Reading, other: Reading) -> tuple[tuple[float | None, float | None],
                                                  tuple[float | None, float | None]]:
    """Two readings' ranges as compared: as written in one unit, else in the base unit."""
    if one.claim.unit == other.claim.unit:
        return (one.low, one.high), (other.low, other.high)
    return base_range(one), base_range(other)


_CHANGE_FROM = re.compile(r"\bfrom\s*$", re.IGNORECASE)
_CHANGE_TO = re.compile(r"^\s*(?:to|-|–|—)\s*$", re.IGNORECASE)
_ALTERNATIVE = re.compile(r"^[\s,]*(?:or|and not|not|rather than|instead of|against|versus|vs\.?)"
                          r"\s*$", re.IGNORECASE)


_CONTRAST = re.compile(r"\b(?:while|whereas|but|against)\b", re.IGNORECASE)


def _contrasted(one: Reading, other: Reading) -> bool:
    """Whether a contrast stands between two figures of one sentence ("82,000 marched, police
    said, while the union counted 400,000"): with a source named, two sources."""
    first, second = sorted((one.claim, other.claim), key=lambda claim: claim.start)
    offset = first.sentence_start
    return _CONTRAST.search(first.sentence[first.end - offset:second.start - offset]) is not None


def _set_against(one: Reading, other: Reading) -> bool:
    """Whether two figures of one sentence are the from and the to of one change ("revised
    from 288 to 275"), or values set against each other ("240,000 or more than a million?",
    "stands at 275 and not 288")."""
    first, second = sorted((one.claim, other.claim), key=lambda claim: claim.start)
    offset = first.sentence_start
    before = first.sentence[max(0, first.start - offset - 12):first.start - offset]
    between = first.sentence[first.end - offset:second.start - offset]
    if _ALTERNATIVE.match(between):
        return True
    return _CHANGE_FROM.search(before) is not None and _CHANGE_TO.match(between) is not None


def _other_sum(reading: Reading, draft: Draft, settings: CompareSettings, *,
               agreeing: bool) -> bool:
    """Whether a sum of money lies ``settings.other_sum_factor`` times or more from the group's
    first figure: another price, not a conflicting report of this one. An open bound counts
    even where it agrees: "more than £276m" is no report of a $68.7bn deal."""
    first = draft.readings[0] if draft.readings else None
    if first is None or reading.kind != "fixed" or reading.unit is None or \
            reading.unit.dimension != "currency" or reading.conversion_of is not None:
        return False
    if agreeing and reading.low is not None and reading.high is not None:
        return False
    centre, first_centre = _centre(reading), _centre(first)
    if centre is None or first_centre is None or centre <= 0 or first_centre <= 0:
        return False
    return max(centre / first_centre, first_centre / centre) >= settings.other_sum_factor


def _agrees_with_some(low: float | None, high: float | None, draft: Draft,
                      settings: CompareSettings) -> bool:
    """Whether a range overlaps every member's (the group agrees), or, for one day's count
    (police and organisers' figures of a march), one of the first
    ``settings.agreement_members`` members' (it agrees with one side of the dispute)."""
    if not draft.empty and overlap((low, high), (draft.low, draft.high)):
        return True
    if not draft.readings or draft.readings[0].kind != "occasion":
        return False  # a count that grows, or prices of several deals, span many values
    return any(overlap((low, high), base_range(member))
               for member in draft.readings[:settings.agreement_members])


def _unplaced_beside_place(reading: Reading, draft: Draft) -> bool:
    """Whether a count of one day's event that names no place meets a group of that event in
    one place within the country: "about a million marched" beside "a million in Santiago".
    The group keeps its place's name."""
    if reading.kind != "occasion" or reading.place is not None or not draft.readings:
        return False
    place = draft.readings[0].place
    return place is not None and not place.startswith("country ") and \
        all(member.place in (None, place) for member in draft.readings)


def fits(reading: Reading, draft: Draft, vocabulary: Vocabulary,
         settings: CompareSettings, *, any_place: bool = False) -> bool:
    """Whether the reading's place, doer, event, time scope and day fit every member's."""
    if draft.readings and not any_place and \
            not _same_place(draft.readings[0].place, reading.place):
        return False  # "290 in Al Haouz" is not a figure for the whole country
    if not all(actors_match(reading.actor, actor) for actor in draft.actors):
        return False  # "the US delivered 31 tanks" is not a figure for Germany's deliveries
    if reading.kind == "occasion" and reading.day is not None and not all(
            _same_day((reading.day, reading.day_written), day, settings)
            for day in draft.days):
        return False  # turnout on March 7 is not turnout on March 23
    if reading.kind == "occasion" and _day_against_days(reading, draft):
        return False  # the 1,200 flights cancelled on Friday are not the 5,000 of three days
    if not _current_fits(reading, draft, settings):
        return False  # "killed 296" this week is not the toll of the 1960 quake
    if reading.kind == "occasion" and any(
            (reading.scope.kind == "text") != (scope.kind == "text")
            for scope in draft.scopes.values()):
        return False  # "up from 15,000 the Saturday before": another day than the report's
    measure = draft.readings[0].measure if draft.readings else None
    if measure is not None and measure.distinct_values and not all(
            overlap(reading.stated, member.stated) for member in draft.readings):
        return False  # a 30% offer is not the 25% one reported again, nor 40% the 35% one
    events_fit = reading.measure is not None or all(
        _events_match(reading.event, event, vocabulary) for event in draft.events)
    undated = _undated(draft)
    running = reading.kind == "running"
    return events_fit and all(
        _scopes_match(reading.scope, s) or (undated and _same_week(reading.scope, s, settings))
        or (running and _days_of_one_count(reading.scope, s, settings))
        for s in draft.scopes.values())


def _same_place(one: str | None, other: str | None) -> bool:
    """Whether two place keys name one place: the same words, or one name the start of the
    other's ("agadir" of the prefecture of Agadir, "agadir ida outanane")."""
    if one == other:
        return True
    if one is None or other is None:
        return False
    short, long = sorted((one, other), key=len)
    return long.startswith(short + " ") and not short.startswith("country ")


def _days_of_one_count(one: Scope, other: Scope, settings: CompareSettings) -> bool:
    """Whether two one-day periods of a running count lie close enough to be the days of one
    count: "killed on Friday" in the crash and the toll "on Wednesday" as officials raised it."""
    days = []
    for scope in (one, other):
        if scope.kind != "period" or scope.start is None or scope.end is None or \
                scope.start[0] != scope.end[1]:
            return False
        days.append(scope.start[0])
    return abs((days[0] - days[1]).days) <= settings.running_day_days


def _written_days(scope: Scope) -> int | None:
    """How many days after its first a period as written ends (0 for one day), or None for a
    scope that is no period placed on the calendar by its words."""
    if scope.kind != "period" or scope.start is None or scope.end is None or scope.vague:
        return None
    return (scope.end[1] - scope.start[0]).days


def _day_against_days(reading: Reading, draft: Draft) -> bool:
    """Whether, of one day's event, the reading and a member are a day and a stretch of
    several days: both as written ("on Friday" and "between Friday and Sunday"), or one with
    no time (the report's day) against several as written (the shares "down 15%" today and
    "down 16.69% over the past five days")."""
    days = _written_days(reading.scope)
    for scope in draft.scopes.values():
        other = _written_days(scope)
        if days is not None and other is not None and min(days, other) == 0 < max(days, other):
            return True
        if reading.scope.kind == "none" and other is not None and other > 0 or \
                scope.kind == "none" and days is not None and days > 0:
            return True
    return False


def _undated(draft: Draft) -> bool:
    """Whether the group measures a value set once (measures.toml ``dated = false``)."""
    measure = draft.readings[0].measure if draft.readings else None
    return measure is not None and not measure.dated


def _same_week(one: Scope, other: Scope, settings: CompareSettings) -> bool:
    """Whether two scopes are days at most ``settings.undated_days`` apart: "on Thursday" and
    "on Friday morning" of a deal agreed one day and paid the next."""
    spans = []
    for scope in (one, other):
        if scope.kind != "period" or scope.start is None or scope.end is None:
            return False
        spans.append((scope.start[0], scope.end[1]))
    slack = dt.timedelta(days=settings.undated_days)
    if any(end - start > slack for start, end in spans):
        return False
    (lo1, hi1), (lo2, hi2) = spans
    return lo1 - slack <= hi2 and lo2 - slack <= hi1


def _current_fits(reading: Reading, draft: Draft, settings: CompareSettings) -> bool:
    """A figure that gives no time speaks of the days it was reported: it is not a figure of a
    period that ended well before ("in 1960", "last year"), and the other way round."""
    slack = dt.timedelta(days=settings.past_period_days)
    if reading.scope.kind == "none" and reading.reported is not None and \
            draft.period_end is not None and draft.period_end < reading.reported[0] - slack:
        return False
    if reading.scope.kind == "period" and reading.scope.end is not None and \
            draft.undated_report is not None and \
            reading.scope.end[1] < draft.undated_report - slack:
        return False
    return True


def _same_day(one: tuple[tuple[dt.date, dt.date], bool],
              other: tuple[tuple[dt.date, dt.date], bool], settings: CompareSettings) -> bool:
    """Whether two one-day events may be one: their days overlap, allowing a report up to
    ``settings.occasion_days`` after the day, and a figure whose words give no day up to
    ``settings.undated_occasion_days`` after it (each day with whether words gave it)."""
    (lo1, hi1), dated1 = one
    (lo2, hi2), dated2 = other
    slack = dt.timedelta(days=settings.occasion_days)
    lo1 -= slack if dated1 else dt.timedelta(days=settings.undated_occasion_days)
    lo2 -= slack if dated2 else dt.timedelta(days=settings.undated_occasion_days)
    return lo1 <= hi2 and lo2 <= hi1


def _far_apart(reading: Reading, draft: Draft, settings: CompareSettings) -> bool:
    """Whether the reading's figure lies ``settings.unrelated_factor`` times or more from the
    group's nearest figure: "10 to 12 coaches displaced" and "21 coaches derailed" may dispute
    one count; "hundreds trapped" and "3,000 buried" count two things."""
    centre = _centre(reading)
    centres = [c for c in (_centre(member)  # bounded work: the group's first members
                           for member in draft.readings[:settings.agreement_members])
               if c is not None]
    if centre is None or centre <= 0 or not centres:
        return True
    return min(max(centre / c, c / centre) if c > 0 else math.inf
               for c in centres) >= settings.unrelated_factor


def _unknown_events_differ(reading: Reading, draft: Draft, vocabulary: Vocabulary) -> bool:
    """Whether the reading's event and one of the group's are different verbs that no event
    class relates (one of them unknown to events.toml): such figures may be one quantity
    written two ways where they agree, but never a conflict."""
    if reading.measure is not None or reading.event is None:
        return False
    return any(event is not None and event != reading.event and (
        event not in vocabulary.events or reading.event not in vocabulary.events)
        for event in draft.events)


def _events_match(one: str | None, other: str | None, vocabulary: Vocabulary) -> bool:
    """Events of one class, or related classes; an event no class knows ("declared",
    "observed") splits nothing."""
    if one is None or other is None or one == other:
        return True
    known, other_known = vocabulary.events.get(one), vocabulary.events.get(other)
    if known is None or other_known is None:
        return True
    return other in known.also


def _as_of(scope: Scope) -> bool:
    """A running total with no start: "so far", "by Friday"."""
    return scope.kind == "running" and scope.start is None


def _scopes_match(one: Scope, other: Scope) -> bool:
    """Compatible time scopes: unknown matches anything; otherwise like with like, overlapping.

    Running totals match when their starts overlap or either start is unknown; periods match
    when they overlap; unplaced phrases match only the same phrase.
    """
    if one.kind == "none" or other.kind == "none" or _as_of(one) or _as_of(other):
        return True  # "by Friday the toll was 67": a count as of a day, any scope
    if one.kind != other.kind:
        return False
    if one.kind == "text":
        return one.text == other.text
    if one.kind == "running":
        if one.start is None or other.start is None:
            return True
        return dates_overlap(one.start, other.start)
    lo1, hi1 = one.start and one.start[0], one.end and one.end[1]
    lo2, hi2 = other.start and other.start[0], other.end and other.end[1]
    return (lo1 is None or hi2 is None or lo1 <= hi2) and (lo2 is None or hi1 is None or lo2 <= hi1)


def base_range(reading: Reading) -> tuple[float | None, float | None]:
    """The reading's range in its dimension's base unit, widened by a conventional rate's slack."""
    unit = reading.unit
    if unit is None:
        return reading.low, reading.high
    low = None if reading.low is None else reading.low * unit.factor * (1 - unit.slack)
    high = None if reading.high is None else reading.high * unit.factor * (1 + unit.slack)
    return low, high


def dates_overlap(one: tuple[dt.date, dt.date], other: tuple[dt.date, dt.date]) -> bool:
    return one[0] <= other[1] and other[0] <= one[1]


def midpoint(period: tuple[dt.date, dt.date]) -> float:
    return (period[0].toordinal() + period[1].toordinal()) / 2


def _report_order(reading: Reading) -> tuple[float, str, int]:
    """Earliest report first; undated reports last."""
    when = midpoint(reading.reported) if reading.reported else float("inf")
    return when, reading.claim.doc_id, reading.claim.start
