"""What a claim measures: the thing counted or measured, what happened to it, where, when and
by whom, read so that a reader can check it.

One quantity is written many ways: "killed 296 people", "296 deaths", "the toll rose to 296",
"632 dead and 329 injured", "the number of dead at 2,122". The measure (``measures.toml``) is
read from the words that say it, nearest first: the counted phrase, the words written right
after the figure, the event verb, then the other words around the figure in its clause. A figure
no measure reaches is lined up by the thing it counts (``things.toml``) and its event
(``events.toml``), or by its unit's dimension.

Every reading keeps the words it was read from, so each group member can say why it joined.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache

from ..models import Claim
from ..settings import CompareSettings
from .ranges import Bounds, figure_range, stated_range
from .vocabulary import Measure, Thing, Unit, Vocabulary

# Words that end the stretch of a clause read for a figure's measure; ", and" opens a new one
# ("had been caught in the jam, and 12 vessels crossed"); a full stop does, not the point of
# "magnitude 7.5" nor the comma of "1,000"
_CLAUSE_END = re.compile(r"[;:!?\n—–()\[\]\"“”]|\.(?!\d)|\s-\s|,\s+(?:and|but|while|whereas)\s")
# Participles between a figure's noun and the word saying what befell it: "were reported
# dead", "are still registered as missing", "are feared to be dead"
_STATING_PARTICIPLES = ("reported", "confirmed", "feared", "believed", "thought", "presumed",
                        "listed", "registered", "recorded", "declared", "classed", "counted",
                        "known")
# "registered as missing", "listed as dead": after one of them "as" ends no clause
_AFTER_END = re.compile(r"[;:!?\n—–()\[\]\"“”]|[.,](?!\d)|\s-\s|"
                        r"\b(?:and|or|but|while|whereas|with)\b|"
                        + "".join(f"(?<!{verb} )" for verb in _STATING_PARTICIPLES) + r"\bas\b")
# "77 kilometres (48 miles) southwest of": the words after a conversion are the figure's too
_CONVERSION_AFTER = re.compile(r"^\s*\([^()]{1,40}\)")
_WORD = re.compile(r"[a-z][a-z'’-]*|\d[\d,.]*")
# Words a place phrase begins or ends with that do not name the place.
_PLACE_LEADS = ("in ", "across ", "throughout ", "within ", "inside ", "at ", "on ", "the ")
_PLACE_TAIL = re.compile(
    r"\s+(?:province|prefecture|region|state|county|district|city|town|village|area|"
    r"municipality|governorate|department|oblast)$"
)
_PLACE_HEAD = re.compile(r"^(?:the\s+)?(?:province|prefecture|region|state|county|district|city|"
                         r"town|village|area|municipality|governorate|department|oblast)"
                         r"\s+of\s+(?:the\s+)?")
#: "in central Santiago" is Santiago's; "Central Java" (capitalised) is a province of its own
_CITY_PART = re.compile(r"\b(?:central|downtown)\s+(?=[A-Z])")
_WEEK = dt.timedelta(days=7)
_RUNNING_WORDS = ("since", "so far", "to date", "in total", "cumulative", "total")
_RUNNING = re.compile(r"\b(?:" + "|".join(_RUNNING_WORDS) + r")\b")
_YEAR = re.compile(r"\d{4}")
_YEAR_MONTH = re.compile(r"\d{4}-\d{2}")
_PLACE_PUNCTUATION = re.compile(r"[^\w\s'’-]")
_POSSESSIVE_END = re.compile(r"['’]s$")
_POSSESSIVE = re.compile(r"['’]s\b")


@dataclass(frozen=True)
class Scope:
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
    #: a day the report's date is too coarse to place ("on Thursday" in an article of August):
    #: the period is the report's, widened by the week before it
    vague: bool = False

    @cached_property
    def key(self) -> str:
        """Equal for scopes that say the same thing."""
        if self.kind == "running" and self.start is not None:
            return f"since {self.start[0]}..{self.start[1]}"
        if self.kind == "period" and (self.start or self.end):
            return f"{self.start and self.start[0]}..{self.end and self.end[1]}"
        return f"{self.kind} {self.text}".strip()


@dataclass
class Reading:
    """What compare reads off one claim: what it measures, its range, and when it was counted."""

    claim: Claim
    index: int
    block: tuple[str, ...] | None  # what the claim may only be compared within
    measure: Measure | None
    measure_word: str  # the words that named the measure ("dead", "death toll")
    thing_word: str
    thing_label: str
    event: str | None
    event_word: str | None
    event_label: str | None
    scope: Scope
    unit: Unit | None
    stated: Bounds  # the bounds its words state
    low: float | None  # the range it is read as, rounding allowed
    high: float | None
    reported: tuple[dt.date, dt.date] | None
    reckoned: tuple[dt.date, dt.date] | None
    place: str | None = None  # the place it is scoped to, for matching; None for the whole
    actor: str | None = None
    origin: str = ""
    conversion_of: int | None = None  # the figure this one restates in another unit
    narrowing: frozenset[str] = frozenset()  # words narrowing the thing: "passenger" trains
    whole: int | None = None  # the figure this one is a part of, in the same sentence
    echo_of: int | None = None  # the figure of another article it was joined to, by its words

    @property
    def weak(self) -> bool:
        """Whether nothing but the unit says what the figure measures ("£47m", "five years",
        "a 25-year-old"): such a figure joins only a group whose figures it agrees with."""
        block = self.block
        if block is None:
            return False
        if block[0] in ("count", "multiple"):
            return True
        return block[0] == "unit" and block[2] == "" and block[1] != "percentage"

    @property
    def kind(self) -> str:
        """How the quantity behaves over time (measures.toml): running, level, occasion or fixed."""
        if self.measure is not None and self.measure.moves is not None and \
                self.claim.trend in ("up", "down") and self.claim.unit == "percentage":
            return self.measure.moves  # "shares fell 60% on Thursday": that day's move
        if self.measure is not None and (self.measure.kind == "level" or not self.measure.dated):
            # "382 still being treated" beside "793 discharged so far"; a fee "since 2013"
            return self.measure.kind
        if self.scope.kind == "running" and not (
                self.measure is not None and self.measure.kind in ("fixed", "occasion") and
                self.scope.start is None):  # assets "as of December 31": a value that day;
            return "running"  # "885,000 were out by 5 pm Tuesday": Tuesday's crowd
        return self.measure.kind if self.measure is not None else "fixed"

    @property
    def day(self) -> tuple[dt.date, dt.date] | None:
        """The day (or days) a one-day event took place: its period, else the day it was counted
        as of ("885,000 out by 5 pm Tuesday"), else its report date."""
        if self.scope.kind == "period" and self.scope.start and self.scope.end:
            return self.scope.start[0], self.scope.end[1]
        return self._as_of_day or self.reported

    @property
    def day_written(self) -> bool:
        """Whether the figure's words give its day (a period, or the day it was counted as of)."""
        return self.scope.kind == "period" or self._as_of_day is not None

    @property
    def _as_of_day(self) -> tuple[dt.date, dt.date] | None:
        claim = self.claim
        return date_range(claim.as_of) or date_range(claim.as_of_start) or \
            date_range(claim.as_of_end)


def read(claim: Claim, index: int, vocabulary: Vocabulary, settings: CompareSettings) -> Reading:
    """What ``claim`` measures, as compare lines it up."""
    unit = vocabulary.units.get(vocabulary.unit_index.get(phrase(claim.unit or ""), ""))
    # "a quarter of its workforce" is 25 per cent of it, lined up with "25% of its staff"
    share = not claim.unit and _count_dimension(claim) == "share" and not _is_multiple(claim)
    if share:
        unit = vocabulary.units["percentage"]
    thing, thing_word = _thing(claim, vocabulary)
    age = claim.dimension == "age"
    if age and not thing_word:  # "Hamish Harding, 58": Harding's age
        thing_word = _person_aged(claim)
    # a person's age is theirs whatever the verb: "named as Hamish Harding (58)"
    event = None if age else _event(claim, vocabulary)
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
    before, after = _around(claim, settings, vocabulary)
    block: tuple[str, ...] | None
    if _is_multiple(claim):  # "almost twice as many": a ratio of two counts, not a count
        measure, measure_word = None, ""
        block, thing_label = ("multiple", claim.trend or ""), "multiple"
    else:
        measure, measure_word = _measure(claim, thing, unit, vocabulary, before, after)
        measure = _offered(measure, event, _dimension(claim, unit), vocabulary)
        measure = _of_people(measure, claim, thing, unit, vocabulary)
        block, thing_label = _block(claim, thing, thing_word, unit, measure)
        if block is not None and measure is not None and measure.kind == "occasion" and \
                _forecast(before, after):
            block, thing_label = (*block, "expected"), f"{thing_label} (expected)"
        if block is not None and measure is not None and block[:3] == ("measure", measure.name,
                                                                       "count") and not block[3] \
                and not claim.place and not _severity(before, after, vocabulary):
            # a part named by its place or its degree ("700,000 of them in Paris", "37 of the
            # injured were seriously hurt") is lined up as such; some of them, unnamed, is not
            some = _some_of(claim, vocabulary)
            if some is not None:  # "nine of them were pronounced dead": not the whole toll
                named = vocabulary.things.get(some)
                block = (*block[:3], some or f"some of {claim.doc_id}@{claim.sentence_start}",
                         *block[4:])
                thing_label = part_label(measure, named.label) if named is not None else \
                    f"some of the {measure.label}"
    earlier = bool(vocabulary.earlier_words & set(before))
    giver, whole = _doer_of(claim, measure, vocabulary)
    if giver is None and measure is not None and measure.by_doer and measure_word and \
            not measure.unnamed_is_whole:
        giver = _owner_before(claim, measure_word, vocabulary)  # "CrowdStrike shares fell 15%"
    reported = date_range(claim.published)
    scope = _scope(claim, reported, vocabulary)
    low, high = figure_range(claim, settings)
    stated = stated_range(claim, settings)
    if share:
        low, high = _percent(low), _percent(high)
        stated = _percent(stated[0]), _percent(stated[1])
    return Reading(
        claim=claim,
        index=index,
        block=block,
        measure=measure,
        measure_word=measure_word,
        thing_word=thing_word,
        thing_label=thing_label,
        event=event,
        event_word=phrase(claim.event or "") or None,
        event_label=_event_label(event, vocabulary),
        scope=scope,
        unit=unit,
        stated=stated,
        low=low,
        high=high,
        reported=reported,
        reckoned=_reckoned(claim, scope, reported, earlier=earlier),
        place=_place(claim, measure, vocabulary),
        actor=_actor(giver, measure, vocabulary) or (WHOLE_ACTOR if whole else None),
        narrowing=(_narrowing(claim, vocabulary) | _worldwide(claim, before, after)
                   | _among(claim, before, vocabulary)
                   | _planned(measure, before, after) | _severity(before, after, vocabulary))
        - set(measure_word.split()),
    )


def _place(claim: Claim, measure: Measure | None, vocabulary: Vocabulary) -> str | None:
    """The place key of the figure's place, where its measure is split by place; a name read
    as both the holder and the place of a share of the vote is its candidate ("Erdogan has
    49.4% of the vote", where the tagger took Erdogan for a place; "his rival, Kemal
    Kilicdaroglu, on 43%"), where "Montpellier had 20,000 protesters" is the city's crowd."""
    if measure is not None and (not measure.placed or (
            measure.named_share and claim.place and claim.agent and claim.agent in claim.place)):
        return None
    return place_key(claim.place, vocabulary)


def _doer_of(claim: Claim, measure: Measure | None,
             vocabulary: Vocabulary) -> tuple[str | None, bool]:
    """The figure's doer, and whether a figure with no doer named is everyone's. For a running
    sum, only the one whose verb gives it is its doer: "Total will give 100 million euros" is
    Total's gift; "the governor asked for the $60m" or "Maryland would get $60m" is the aid
    itself, whoever gives it. Where a figure with no doer is everyone's (``unnamed_is_whole``),
    a gift "from" a name is that name's: "a pledge of 100 million euros from Francois-Henri
    Pinault"; "600 million euros pledged by donors" is the sum of all gifts."""
    if measure is None or measure.kind != "running" or "currency" not in measure.units:
        return doer(claim), False
    if measure.unnamed_is_whole and claim.agent is None:
        # "200 million euros is coming from L'Oréal", "next came a pledge of 100 million euros
        # from Francois-Henri Pinault": whatever the verb, a gift from a name is its gift
        at = claim.end - claim.sentence_start
        given = _GIVEN_FROM.match(claim.sentence[at : at + 80])  # bounded work
        if given:
            return given.group(1), True
    verb = phrase(claim.event or "")
    if verb and measure.name not in (vocabulary.money_words.get(verb),
                                     vocabulary.measure_words.get(verb)):
        # "Donations reached €1bn" is everyone's; what "Maryland would get" may be anyone's
        return None, measure.unnamed_is_whole and not _names(claim.agent)
    return doer(claim), measure.unnamed_is_whole


def _owner_before(claim: Claim, measure_word: str, vocabulary: Vocabulary) -> str | None:
    """The name that owns the measure's noun, written right before it in the figure's clause
    before the figure: "CrowdStrike shares were down 15%", "Southwest's Tuesday cancellations
    at more than 2,500"; a weekday or a month owns nothing."""
    before = claim.sentence[max(0, claim.start - claim.sentence_start - 120):
                            claim.start - claim.sentence_start]  # bounded work
    owners = list(re.finditer(
        rf"((?:[A-Z][\w&.'’-]*\s+){{0,2}}[A-Z][\w&.'’-]*)\s+{re.escape(measure_word)}\b",
        before))
    if not owners or re.search(r"[;:]", before[owners[-1].end():]):
        return None
    name = " ".join(word for word in owners[-1].group(1).split()
                    if _POSSESSIVE.sub("", word).lower() not in vocabulary.calendar_words)
    return name if _names(name) else None


_GIVEN_FROM = re.compile(r"(?:\s*\([^()]*\))?[^,;:.()]{0,40}?\bfrom\s+(?:the\s+)?"
                         r"(?:[a-z][\w-]*\s+){0,5}?((?:[A-Z][\w'’-]*\s*)+)")


def _some_of(claim: Claim, vocabulary: Vocabulary) -> str | None:
    """Whether the figure counts some of a set its sentence names by reference ("nine of them
    were pronounced dead", "at least four of those killed were teenagers", "Of those killed, 97
    were women", "among the dead, 26 foreigners"), and what it names them as: the thing
    (things.toml) written after ("were women"), "" for nothing. None for a figure that is no
    such part."""
    at = claim.start - claim.sentence_start
    end = claim.end - claim.sentence_start
    before = claim.sentence[max(0, at - 50):at].lower()  # bounded work
    after = claim.sentence[end:end + 80].lower()
    references = vocabulary.part_references
    follows = _SOME_AFTER.match(after)
    leads = _SOME_BEFORE.search(before)
    if follows is not None:
        named_by = follows.group(1)
    elif leads is not None:
        named_by = leads.group(1)
    else:
        return None
    words = [word for word in named_by.split() if not word[0].isdigit()]  # "the 154 dead"
    if words[0] == "the":
        if len(words) < 2 or phrase(" ".join(words[1:])) not in vocabulary.measure_nouns and \
                f"the {words[1]}" not in vocabulary.measure_nouns:
            return None  # "two of the trains": a count of trains, not of those named before
    elif words[0] not in references:
        return None
    rest = after[follows.end():] if follows is not None else after
    named = _SOME_NAMED.match(rest)
    # what the part is: "were women" (not "were pronounced dead"), else the clause's subject:
    # "Women accounted for 98 of the 154 dead"
    for text in (named.group(1) if named is not None else "", claim.agent or ""):
        thing, _ = _look_up(text, vocabulary)
        if thing is not None and thing != "people" and vocabulary.things[thing].kind == "person":
            return thing
    return ""


#: "of them", "of those killed", "among the dead", "of the 154 dead" right after the figure
_SOME_AFTER = re.compile(r"\s+(?:of|among)\s+(them|whom|(?:those|the)(?:\s+[\d,.]*\d)?"
                         r"(?:\s+[a-z]+)?)\b")
#: "Of those killed, 97", "Among the dead were 26", "among them, 26" right before it
_SOME_BEFORE = re.compile(r"\b(?:of|among)\s+(them|(?:those|the)(?:\s+[a-z]+)?)"
                          r"(?:,\s*|\s+(?:were|was|are|is)\s+)"
                          r"(?:at least |more than |about |some )?$")
#: what the part is: "were women", "(were) teenagers", "-- nearly two-thirds -- were women"
_SOME_NAMED = re.compile(r"(?:\s*(?:--|—|–).{0,30}?(?:--|—|–))?[\s,]*(?:(?:were|are|was|is)"
                         r"\s+(?:all\s+)?)?(?!(?:and|or|but)\b)([a-z]+(?:\s+[a-z]+)?)")


def _person_aged(claim: Claim) -> str:
    """The surname of the person an age is written after ("Hamish Harding, 58,", "Paul-Henri
    Nargeolet (77)"), lower case, or ""."""
    at = claim.start - claim.sentence_start
    named = _AGED_NAME.search(claim.sentence[max(0, at - 60):at])  # bounded work
    return named.group(1).lower() if named else ""


#: a full name, then the comma or bracket an age follows
_AGED_NAME = re.compile(r"[A-Z][\w'’.-]*\s+([A-Z][\w'’-]+)\s*[,(]\s*$")


def _percent(share: float | None) -> float | None:
    return None if share is None else share * 100


def _offered(measure: Measure | None, event: str | None, dimension: str,
             vocabulary: Vocabulary) -> Measure | None:
    """The measure an offer makes of this one: "is offering $95 per share" is the offer price,
    "shares closed at $65.39" the market's (measures.toml ``offered``)."""
    if measure is None or measure.offered is None or event is None or \
            vocabulary.family(event) != vocabulary.family("transaction"):
        return measure
    offer = vocabulary.measures[measure.offered]
    return offer if not offer.units or dimension in offer.units else measure


def _of_people(measure: Measure | None, claim: Claim, thing: Thing | None, unit: Unit | None,
               vocabulary: Vocabulary) -> Measure | None:
    """The measure a count of people makes of this one where its sentence speaks of no vote:
    police "put the turnout at 250,000 people" at a march is its crowd (measures.toml
    ``of_people``); "turnout of 30 million voters" stays a vote's."""
    if measure is None or measure.of_people is None or unit is not None or \
            (thing is not None and thing.name != "people"):
        return measure
    if measure.voting_words & set(_WORD.findall(claim.sentence.lower())):
        return measure
    return vocabulary.measures[measure.of_people]


_WORLD = re.compile(r"\b(?:worldwide|globally|around the (?:world|globe)|across the (?:world|globe)"
                    r"|the world over|in the world)\b")
_WORLD_OPENING = re.compile(r"^\W*(?:worldwide|globally|around the world|across the world)\s*,")


def _worldwide(claim: Claim, before: list[str], after: list[str]) -> frozenset[str]:
    """"worldwide" where the figure's clause counts the whole world ("600,000 people around the
    world", "Worldwide, some 600,000"): in a national story that is another count, kept apart
    where it disagrees, like a narrower one."""
    joins = [at for at, word in enumerate(before) if word in ("and", "or", "but", "while")]
    before = before[joins[-1] + 1:] if joins else before  # "600,000 worldwide and 150,000"
    if _WORLD.search(" ".join([*before, "#", *after, "#", (claim.place or "").lower()])) or \
            _WORLD_OPENING.match(claim.sentence.lower()):
        return frozenset({"worldwide"})
    return frozenset()


_AMONG_AFTER = re.compile(r"^\W*(?:[\w'’-]+\s+){0,2}among\s+(?:(?:the|its|their)\s+)?"
                          r"(?:[\d.,]+\s+(?:million\s+|thousand\s+)?)?([a-z][\w-]*)")
_NOT_AMONG = frozenset({"them", "those", "these", "others", "other", "whom", "which", "us", "all",
                        "victims", "casualties"})


def _among(claim: Claim, before: list[str], vocabulary: Vocabulary) -> frozenset[str]:
    """The group a count is taken among ("12 deaths among health workers", "28 deaths among
    50,752 registered pilgrims"): a part of the whole count, kept apart from it where they
    disagree, like a narrower one. Not the count's own whole ("14 Jordanians were among the
    dead"), nor a nationality: that is a country's part (grouping's ``_nationality``)."""
    noun = None
    if "among" in before:
        rest = before[len(before) - before[::-1].index("among"):]
        noun = next((w for w in rest if w not in ("the", "its", "their") and w.isalpha()), None)
    else:
        tail = claim.sentence[max(0, claim.end - claim.sentence_start):].lower()
        match = _AMONG_AFTER.match(tail)
        noun = match.group(1) if match else None
    if noun is None or noun in _NOT_AMONG or singular(noun) in vocabulary.nationalities or \
            noun in vocabulary.nationalities or noun in vocabulary.measure_words or \
            singular(noun) in vocabulary.measure_nouns:
        return frozenset()
    return frozenset({f"among {singular(noun)}"})


_PLANNED = re.compile(
    r"(?:^|\s)(?:will|would|due to|aims? to|plans? to|set to|expected to|is bringing|are bringing|"
    r"(?:operation|effort|plan|bid|fleet sent|sent) to \w+|will have to be)(?:\s|$)")


def _planned(measure: Measure | None, before: list[str], after: list[str]) -> frozenset[str]:
    """"planned" for a running count the clause says is yet to be done ("will fly 150,000
    home", "16,800 were due to fly home", "the operation to return 160,000"): a target, kept
    apart from the count done so far where they disagree."""
    if measure is None or measure.kind != "running":
        return frozenset()
    if _PLANNED.search(" ".join(before[-5:])) or _PLANNED.search(" ".join(after[:5])):
        return frozenset({"planned"})
    return frozenset()


_FORECAST = re.compile(r"(?:^|\s)(?:predict(?:ed|s|ing)?|expect(?:ed|s|ing)?|forecast(?:s|ed|ing)?"
                       r"|anticipat(?:ed|es|ing)|projected)(?:\s|$)")


def _severity(before: list[str], after: list[str], vocabulary: Vocabulary) -> frozenset[str]:
    """The degree of harm written right beside the figure ("29 seriously injured", "37 of the
    injured were seriously hurt", "116 with minor injuries"): a part of all the injured."""
    near = [*before[-2:], *after[:5]]
    return frozenset(f"{degree} harm" for word in near
                     if (degree := vocabulary.severity_words.get(word)) is not None)


def _forecast(before: list[str], after: list[str]) -> bool:
    """Whether the clause gives a count of one day's event as the one foreseen: "organisers
    had predicted a turnout of more than 500,000", "a million are expected to march". A
    forecast is no count of the day, however near the count."""
    return bool(_FORECAST.search(" ".join(before[-5:])) or
                _FORECAST.search(" ".join(after[:3])))


def _narrowing(claim: Claim, vocabulary: Vocabulary) -> frozenset[str]:
    """The words before the counted noun that narrow what is counted: "passenger" in "two
    passenger trains", "UK" in "9,000 UK staff"; not names ("Thomas Cook customers"), nor words
    that narrow nothing (things.toml ``broad_modifiers``: "more people", "separate flights")."""
    *words, head = (claim.noun_phrase or "-").split()
    entity = phrase(claim.entity or "")
    if not entity or entity not in (phrase(head), singular(phrase(head))) or \
            entity in vocabulary.generic_nouns or entity in vocabulary.measure_nouns:
        return frozenset()  # "death toll": what the figure measures, not a thing it counts
    narrowing = set()
    for word in words:
        lower = word.lower().strip(".,'’")
        if not lower.isalpha() or lower in vocabulary.broad_modifiers:
            continue
        if word[:1].isupper() and lower not in vocabulary.countries:
            continue
        narrowing.add(lower)
    return frozenset(narrowing)


def _is_multiple(claim: Claim) -> bool:
    """Whether the figure is a multiple ("twice as many", "three times as much"): the extractor
    counts "times", which says how many of another figure, not how many of a thing."""
    return not claim.unit and phrase(claim.entity or "") in ("time", "times")


# --- the measure -------------------------------------------------------------------------------


#: Words to look a measure up in, the indexes to look them up in, and which edge of the words a
#: phrase must be at ("start", "end", "either")
_Search = tuple[list[str], tuple[dict[str, str], ...], str]


def _measure(
    claim: Claim, thing: Thing | None, unit: Unit | None, vocabulary: Vocabulary,
    before: list[str], after: list[str],
) -> tuple[Measure | None, str]:
    """The measure the words around the figure name (``before`` and ``after`` it in its
    clause, :func:`_around`), nearest first, and those words."""
    entity = phrase(claim.entity or "")
    head = (phrase(claim.noun_phrase or "").split() or [""])[-1]
    if singular(entity) in vocabulary.gatherings and head and head != singular(head):
        return None, ""  # "more than 600 sister marches": marches counted, no crowd
    counted = {entity, thing.name if thing else "", singular(entity)} - {""}
    if singular(entity) in vocabulary.generic_nouns:  # "thousands more were missing"
        counted = {thing.name} if thing else set()
    if not counted and unit is not None and unit.dimension == "percentage" and claim.noun_phrase:
        head = phrase(claim.noun_phrase).split()[-1]  # "25% of its employees"
        counted = {head, singular(head)}
    elif not counted and unit is not None and unit.dimension == "percentage" and \
            len(before) >= 3 and before[-1] == "by" and before[-3] in _OWNERS:
        counted = {before[-2], singular(before[-2])}  # "cut its headcount by about half"
    if thing is None and _people_by_name(claim):
        counted.add("people")  # "40 Palestinians", "hundreds of thousands of Israelis"
    verb = _verb_read_as_noun(claim, vocabulary)
    if verb is not None:
        return verb
    event_words = phrase(claim.event or "").split()
    # "6,000 of its 24,000 staff", "two of the 181 people on board": the whole the part is of,
    # named by its own words; what the clause's verb does is done to the part
    at = max(0, claim.start - claim.sentence_start)
    whole = bool(_WHOLE_OF_PART.search(claim.sentence[max(0, at - 40):at]))  # bounded work
    if whole:
        before, event_words = [], []
    dimension = _dimension(claim, unit)
    longest = vocabulary.longest_cue
    noun_phrase = phrase(claim.noun_phrase or "").split() or entity.split()
    numbers = [at for at, word in enumerate(noun_phrase) if word[:1].isdigit()]
    if numbers:  # "magnitude 7 quake": the words before another figure are that figure's
        noun_phrase = noun_phrase[numbers[-1] + 1:]
    # the counted phrase and the words written right after the figure say it best ("632
    # dead"), then the event, then the rest of the clause, nearest first
    nouns = vocabulary.measure_nouns
    verbs = vocabulary.money_words if dimension == "currency" else vocabulary.measure_words
    both = (nouns, verbs)
    # "6,000 extra police" with no verb are police deployed; "two police were injured" are not
    counted_nouns = both if event_words else (nouns, vocabulary.measure_heads, verbs)
    written = [w for w in _WORD.findall(claim.surface.lower()) if not w[0].isdigit()]
    # (words, the indexes to look them up in, which edge of them a phrase must be at: "start"
    # for words after the figure, "end" for words before it, "either"): a
    # noun names a measure before a verb does; words after the figure are read from its side,
    # so "45 aircraft will fly stranded passengers" says nothing of the aircraft
    verbs_after: list[_Search] = [
        (after[:longest], (verbs,), "start"),
        (after[1:1 + longest], (verbs,), "start"),  # "1 million people took part"
        (_without_auxiliaries(after[1:])[:longest], (verbs,), "start"),  # "101 bodies had still
        # to be identified", "a million people have taken part"
        *_verbs_after_the_whole(after, claim, unit, longest, verbs),
    ]
    after_whole = _after_the_whole_figure(claim, unit, longest)
    for end in range(len(noun_phrase), 0, -1):
        found = _cue(noun_phrase[max(0, end - longest):end], counted, dimension, vocabulary,
                     counted_nouns)
        if found is not None and singular(found[1]) in found[0].same:
            # "three protesters were arrested", "police arrested three protesters": the noun
            # says who, the verb what befell them
            for words, indexes, edge in [*verbs_after, (event_words, (verbs,), "either")]:
                done = _cue(words, counted, dimension, vocabulary, indexes, edge=edge)
                if done is not None and done[0] is not found[0]:
                    return done
            break
    searches: list[_Search] = [
        (written, (nouns,), "either"),  # "magnitude 7", "a 6.9-magnitude quake"
        *((noun_phrase[max(0, end - longest):end], counted_nouns, "either")
          for end in range(len(noun_phrase), 0, -1)),
        (after[:longest], (nouns,), "start"),
        (after[1:1 + longest], (nouns,), "start"),
        (_without_auxiliaries(after[1:])[:longest], (nouns,), "start"),  # "were reported dead"
        *verbs_after,
        (after_whole, both, "start"),  # "98 of the 154 dead": some of the dead
    ]
    if dimension == "currency" and " ".join(event_words) in vocabulary.linking_money_words:
        # "the damage could cost as much as $3bn": the subject's noun, then the verb
        searches += [(before[max(0, end - longest):end], (nouns,), "end")
                     for end in range(len(before), 0, -1)]
    searches.append((event_words, (verbs,), "either"))  # a verb: "paid" is no salary
    if _modifier_figure(claim):
        before, after = [], []  # "the death toll from the three-train pile-up": trains, no toll
    before_end: dict[int, int] = {}  # a before-window's end in ``before``
    clause_from = len(searches)  # from here on, words of the clause, not of the figure's phrase
    for distance in range(max(len(before), len(after))):
        end = len(before) - distance
        if end > 0:
            searches.append((before[max(0, end - longest):end], both, "end"))
            before_end[len(searches) - 1] = end
        if 2 <= distance < len(after):
            searches.append((after[distance:distance + longest], both, "start"))
    for at, (words, indexes, edge) in enumerate(searches):
        found = _cue(words, counted, dimension, vocabulary, indexes, edge=edge)
        if found is None:
            continue
        if at >= clause_from and found[0].counts and counted and _counts_common_noun(claim) and \
                not counted & (found[0].counts | {"people", found[1], singular(found[1])}) and \
                not (thing is not None and thing.kind == "person" and "people" in found[0].counts):
            # "16,000 cases in 75 countries": the cases are not what 75 counts; "the dead
            # included 97 women": women are people, some of the dead
            continue
        cue = found[1].split()
        at_start = edge == "start" or words[:len(cue)] == cue
        window_end = before_end.get(at)
        following = words[len(cue):len(cue) + 1] if at_start or window_end is None else \
            before[window_end:window_end + 1]
        if _names_other(following, found[0], counted, vocabulary):
            continue
        joined = _joined(claim, counted, dimension, vocabulary) if found[1] in _JOINING else None
        if joined is not None:
            return joined  # "45,000 workers are taking part in the walkout": strikers
        if window_end is not None:
            leading = before[:window_end - len(cue)]
            if found[1] in _VALUING:  # "pledges worth millions": pledges, valued
                valued = _cue(leading[-longest:], counted, dimension, vocabulary, (nouns,),
                              edge="end")
                if valued is not None:
                    return valued
            return _head_before_phrase(leading, counted, dimension, vocabulary, nouns) or found
        return found
    if dimension == "percentage" and not counted:
        return _named_share(claim, vocabulary), ""
    return None, ""


#: prepositions that open a phrase naming the cause a measure before it is of ("the toll
#: *from* the crush", "deaths *after* the storm")
_MODIFYING = frozenset({"from", "after"})


def _head_before_phrase(
    words: list[str], counted: set[str], dimension: str, vocabulary: Vocabulary,
    nouns: dict[str, str],
) -> tuple[Measure, str] | None:
    """The measure a noun names before the prepositional phrase a cue is in: in "the death
    toll from the Itaewon crowd crush climbs to 154" the crowd is where the dead were, and
    the toll is what 154 counts."""
    for back in range(1, min(len(words), _PHRASE_WORDS) + 1):
        if words[-back] in _MODIFYING:
            head = words[:-back]
            found = _cue(head[-vocabulary.longest_cue:], counted, dimension, vocabulary,
                         (nouns,), edge="end")
            if found is not None and counted and found[0].counts and \
                    not counted & (found[0].counts | {"people"}):
                return None  # "outages from the storm left 4.5 million homes": homes, no outage
            return found
    return None


#: words that give the value of the noun before them: "pledges worth €600m", "contracts valued
#: at $2bn" measure the pledges and the contracts
_VALUING = frozenset({"worth", "valued", "valued at"})


#: how many words a modifying phrase may have before the cue in it ("from the Itaewon")
_PHRASE_WORDS = 3


#: words before the noun a change "by" a share is of: "cut its workforce by 10%"
_OWNERS = frozenset({"its", "the", "their", "his", "her", "our"})


def _counts_common_noun(claim: Claim) -> bool:
    """Whether the figure counts a thing a common noun names ("75 countries"), not a name the
    parse took for its noun ("the province of Ouarzazate 31")."""
    words = (claim.noun_phrase or "").split()
    return bool(claim.entity) and bool(words) and words[-1][:1].islower()


def _names(agent: str | None) -> list[str]:
    """The words of a doer that name someone: "Erdogan" in "President Erdogan's"."""
    return [w for w in _POSSESSIVE.sub("", agent or "").split()
            if w[:1].isupper() and w.lower() not in _NO_NAMES]


def _named_share(claim: Claim, vocabulary: Vocabulary) -> Measure | None:
    """The measure a percentage written without its noun is when a named doer holds it in a
    sentence that speaks of a vote: "put Erdogan at 48%", "Labour on 40%" (measures.toml
    ``named_share``)."""
    if not _names(claim.agent):
        return None
    words = set(_WORD.findall(claim.sentence.lower()))
    for measure in vocabulary.measures.values():
        if measure.named_share and measure.voting_words & words:
            return measure
    return None


#: cues of taking part, whose object names what is taken part in: a march's crowd, a strike's
#: strikers ("taking part in the walkout", "joined the strike")
_JOINING = frozenset({"took part", "take part", "taken part", "taking part", "join", "joined"})


def _joined(claim: Claim, counted: set[str], dimension: str,
            vocabulary: Vocabulary) -> tuple[Measure, str] | None:
    """The measure the object of taking part names, written after the figure: "taking part in
    the walkout", "joined the strike"."""
    at = claim.end - claim.sentence_start
    taken = _TAKEN_PART.search(claim.sentence[at : at + 80].lower())  # bounded work
    if taken is None:
        return None
    return _cue([taken.group(1)], counted, dimension, vocabulary,
                (vocabulary.measure_nouns, vocabulary.measure_words), edge="start")


_TAKEN_PART = re.compile(r"\b(?:(?:took|take|taken|taking) part in|join|joined|joining)\s+"
                         r"(?:(?:the|a|an|this|their|its|his|her)\s+)?([a-z-]+)")


def _names_other(following: list[str], measure: Measure, counted: set[str],
                 vocabulary: Vocabulary) -> bool:
    """Whether a cue modifies the noun ``following`` it, another thing than the figure counts
    ("45 aircraft will fly *stranded passengers* back from 53 airports")."""
    if not following or not counted or {following[0], singular(following[0])} & counted:
        return False
    word = singular(following[0])
    return word in vocabulary.thing_index or word in measure.counts or word in measure.same


_WHOLE_OF_PART = re.compile(r"\d[\d,.]*\s*(?:[a-z]+\s+)?of\s+(?:its|their|the|our|his|her)\s+$")


def _verb_read_as_noun(claim: Claim, vocabulary: Vocabulary) -> tuple[Measure, str] | None:
    """The measure of a headline's verb the parse took for the counted noun: in "250,000
    protest against the reform" a singular after a plural figure is the verb."""
    words = phrase(claim.noun_phrase or "").split()
    if len(words) != 1 or claim.unit or (claim.lower or claim.value or 0) <= 1:
        return None
    word = words[0]
    name = vocabulary.measure_words.get(word)
    if name is None or plural(word) == word or singular(word) != word:
        return None
    measure = vocabulary.measures[name]
    return (measure, word) if not measure.units or "count" in measure.units else None


def _people_by_name(claim: Claim) -> bool:
    """Whether the counted noun is a people's name, a capitalised plural written after the
    figure ("Israelis", "Palestinians", "Britons", "Chinese"): a count of people."""
    words = (claim.noun_phrase or "").split()
    head = words[-1].strip(".,;:'’") if words else ""
    if len(head) < 4 or not head[0].isupper() or head.isupper():
        return False
    at = claim.sentence.find(head, max(0, claim.end - claim.sentence_start))
    return at > 0 and head.endswith(("ns", "is", "ese", "ks", "es", "ts", "ds", "ys"))


def _modifier_figure(claim: Claim) -> bool:
    """Whether the figure is joined by a hyphen to the noun it counts, the pair modifying
    another noun ("a three-train pile-up", "a 12-storey block"): the clause around it speaks of
    that other noun."""
    at = claim.end - claim.sentence_start
    return claim.unit is None and claim.sentence[at:at + 1] == "-" and \
        claim.sentence[at + 1:at + 2].isalpha()


_AUXILIARIES = frozenset({"had", "has", "have", "was", "were", "is", "are", "been", "be", "being",
                          "would", "will", "could", "may", "might"})
# Words between a figure's noun and the word saying what befell it (see _STATING_PARTICIPLES)
_STATED = frozenset({*_STATING_PARTICIPLES, "now", "also", "officially", "as"})


def _verbs_after_the_whole(after: list[str], claim: Claim, unit: Unit | None, longest: int,
                           verbs: dict[str, str]) -> list[_Search]:
    """For a share of a whole, the words after the whole's noun: in "47 percent of votes had
    been processed" they say what befell the share."""
    if unit is None or unit.dimension != "percentage" or not claim.noun_phrase or \
            after[:1] != ["of"]:
        return []
    head = phrase(claim.noun_phrase).split()[-1]
    window = after[:_WHOLE_WORDS]
    if head not in window:
        return []
    return [(_without_auxiliaries(after[window.index(head) + 1:])[:longest], (verbs,), "start")]


def _after_the_whole_figure(claim: Claim, unit: Unit | None, longest: int) -> list[str]:
    """For a count that is part of a counted whole ("98 of the 154 dead", "37 of its 1,200
    injured"), the words after the whole's figure: they name what both count."""
    if unit is not None:
        return []
    end = claim.end - claim.sentence_start
    whole = _OF_A_COUNTED_WHOLE.match(claim.sentence[end:end + 80].lower())  # bounded work
    return _WORD.findall(whole.group(1))[:longest] if whole else []


#: "of the 154 dead", "among its 1,200 injured": a whole counted, then what it counts
_OF_A_COUNTED_WHOLE = re.compile(r"\s+(?:of|among)\s+(?:the|its|their)\s+\d[\d,.]*\s+"
                                 r"([a-z][a-z ]*)")

#: How many words after a share its whole's noun may end at ("of Twitter's global workforce")
_WHOLE_WORDS = 8


def _without_auxiliaries(words: list[str]) -> list[str]:
    """The words after the auxiliaries and reporting words that open them ("were reported
    dead"); "still" goes too unless a "to" follows it ("had still to be identified")."""
    at = 0
    while at < len(words) and (words[at] in _AUXILIARIES or words[at] in _STATED or (
            words[at] == "still" and words[at + 1:at + 2] != ["to"])):
        at += 1
    if words[at:at + 2] == ["to", "be"] and at > 0 and words[at - 1] in _STATED:
        at += 2  # "feared to be dead"
    return words[at:]


def _dimension(claim: Claim, unit: Unit | None) -> str:
    """The figure's dimension as measures.toml ``units`` name them."""
    if unit is not None:
        return unit.dimension
    if claim.unit:
        return claim.dimension or f"unit {claim.unit}"
    return _count_dimension(claim)


def _cue(
    words: list[str], counted: set[str], dimension: str, vocabulary: Vocabulary,
    indexes: tuple[dict[str, str], ...], *, edge: str = "either",
) -> tuple[Measure, str] | None:
    """The measure a phrase at an ``edge`` of ``words`` names (its start, for words after the
    figure; its end, for words before it, so the phrase is the one nearest the figure; either),
    longest first, if it fits the figure: its unit's dimension, and for a measure word the thing
    counted."""
    edges = vocabulary.cue_edges
    first = {words[0], singular(words[0])} if words and edge != "end" else set()
    last = {words[-1], singular(words[-1])} if words and edge != "start" else set()
    if not (first | last) & edges:
        return None  # no cue starts or ends there
    for length in range(min(len(words), vocabulary.longest_cue), 0, -1):
        texts = ((" ".join(words[:length]),) if edge != "end" else ()) + \
            ((" ".join(words[-length:]),) if edge != "start" else ())
        for text in dict.fromkeys(texts):
            for index in indexes:
                needs_count = index is not vocabulary.measure_nouns
                name = index.get(text) or index.get(singular(text))
                if name is None:
                    continue
                measure = vocabulary.measures[name]
                if measure.units and dimension not in measure.units:
                    continue
                if needs_count and measure.counts and counted and not counted & measure.counts:
                    continue
                if (index is vocabulary.measure_heads) != (singular(text) in counted or
                                                           text in counted) and needs_count:
                    # the counted noun is not what befalls it ("61 votes", "3 strikes"), and a
                    # head names its measure only as the noun counted ("the police figure")
                    continue
                if needs_count and measure.counts and not counted and dimension == "percentage":
                    continue  # "they lost 60% on Thursday": a share of nothing the verb counts
                return measure, text
    return None


def _count_dimension(claim: Claim) -> str:
    """"count" for a number of things; "share" for a figure without a unit below one ("one in
    seven", "a third"), which says how much of a whole, not how many."""
    value = claim.value if claim.value is not None else claim.upper
    if value is not None and 0 < abs(value) < 1:
        return "share"
    return "count"


def _around(claim: Claim, settings: CompareSettings,
            vocabulary: Vocabulary) -> tuple[list[str], list[str]]:
    """The words of the figure's clause before it (last nearest) and after it (first nearest).
    Before, back to the previous figure or the clause's start; after, up to the next figure,
    comma or conjunction: "632 dead and 329 injured", "the number of dead at 2,122 and the
    injured at 2,421". A number that names a thing ("the magnitude 7 quake") is left out with
    its noun and stops nothing: "deaths from the magnitude 7 quake now number 2,960"."""
    sentence = claim.sentence.lower()
    start = max(0, claim.start - claim.sentence_start)
    end = max(start, claim.end - claim.sentence_start)
    head, tail = sentence[:start], _CONVERSION_AFTER.sub("", sentence[end:], count=1)
    for time in (claim.time_scope, claim.as_of):  # "between january and march" marches not
        if time:
            time = time.lower()
            head, tail = head.replace(time, ",", 1), tail.replace(time, " ", 1)
    cut = [m.end() for m in _CLAUSE_END.finditer(head)]
    head = head[cut[-1]:] if cut else head
    stop = _AFTER_END.search(tail)
    tail = tail[:stop.start()] if stop else tail
    if claim.place:  # "300,000 people across Israel took to the streets"
        tail = tail.replace(f" {claim.place.lower()} ", " ", 1)
    prefixes = vocabulary.number_prefixes
    before = _words_to_figure(_named_numbers_out(_WORD.findall(head), prefixes)[::-1])[::-1]
    after = _words_to_figure(_named_numbers_out(_WORD.findall(tail), prefixes))
    return before[-settings.cue_words_before:], after[:settings.cue_words_after]


def _named_numbers_out(words: list[str], prefixes: frozenset[str]) -> list[str]:
    """``words`` without the numbers that name a thing and their nouns ("magnitude 7")."""
    kept: list[str] = []
    for word in words:
        if word[0].isdigit() and kept and kept[-1] in prefixes:
            kept.pop()
        else:
            kept.append(word)
    return kept


def _words_to_figure(words: list[str]) -> list[str]:
    """Words up to (not including) the next number."""
    for at, word in enumerate(words):
        if word[0].isdigit():
            return words[:at]
    return words


# --- the thing, the event, the block -------------------------------------------------------------


def _thing(claim: Claim, vocabulary: Vocabulary) -> tuple[Thing | None, str]:
    """The counted thing from the entity, else from a phrase inside the noun phrase; not from
    the words around a noun that stands for the figure ("the official figures were 2,946
    dead": the figures are official, the dead are not officials)."""
    generic = singular(phrase(claim.entity or "")) in vocabulary.generic_nouns
    for text in (claim.entity, None if generic else claim.noun_phrase):
        name, word = _look_up(text or "", vocabulary)
        if name is not None:
            return vocabulary.things[name], word
    # An amount with a unit names what it measures in its noun phrase ("unemployment rate").
    fallback = claim.entity or ((claim.noun_phrase or "").split() or [""])[-1]
    word = singular(phrase(fallback))
    # "put the figure at 3.5 million": a figure, a total or a number names nothing counted
    return None, "" if word in vocabulary.generic_nouns else word


def _look_up(text: str, vocabulary: Vocabulary) -> tuple[str | None, str]:
    """The longest phrase of ``things.toml`` in ``text`` (preferring later ones: the head)."""
    words = phrase(text).split()
    for size in range(min(len(words), vocabulary.longest_thing), 0, -1):
        for start in range(len(words) - size, -1, -1):
            candidate = " ".join(words[start:start + size])
            for form in (candidate, singular(candidate)):
                if form in vocabulary.thing_index:
                    return vocabulary.thing_index[form], candidate
    return None, ""


def _event(claim: Claim, vocabulary: Vocabulary) -> str | None:
    word = phrase(claim.event or "")
    if not word or word in vocabulary.not_events:
        return None
    return vocabulary.event_index.get(word) or vocabulary.event_index.get(singular(word)) or word


def _event_label(event: str | None, vocabulary: Vocabulary) -> str | None:
    if event is None:
        return None
    known = vocabulary.events.get(event)
    return known.label if known else f"({event})"


def _block(
    claim: Claim, thing: Thing | None, word: str, unit: Unit | None, measure: Measure | None
) -> tuple[tuple[str, ...] | None, str]:
    """What the claim may only be compared within, and how a label names it."""
    trend = claim.trend or ""
    if measure is not None and measure.moves is None:
        trend = ""  # "lost $1.8bn" and "a loss of $1.8bn": the measure says which way
    what = _part_counted(thing, word, measure) if measure is not None else ""
    if claim.unit or unit is not None:  # a unit, or a share written as one ("a quarter")
        dimension = unit.dimension if unit else f"unit {phrase(claim.unit or '')}"
        label = unit.label if unit else plural(phrase(claim.unit or ""))
        if measure is not None:
            if dimension == "percentage" and what:  # "more than half of its pilots"
                return ("measure", measure.name, dimension, what, trend), \
                    _part_label(measure, thing, what)
            return ("measure", measure.name, dimension, trend), measure.label
        if dimension == "percentage":  # a share of what: 40% of voters is not 40% of homes
            subject = thing.name if thing else word
            if not subject:  # a share of nothing named is comparable to nothing
                return None, label
            return ("unit", dimension, subject, trend), label + (f" of {word}" if word else "")
        # 12 weeks of pay and six months of health care are apart, and so are the 1.6-mile
        # bridge and the 985-foot vessel: amounts are lined up by what they measure; where
        # nothing names it, only with figures they agree with (see Reading.weak)
        if claim.dimension == "age":
            label = f"age of {word.title()}" if word else "ages"
        elif word:
            label += f" of {word}"
        return ("unit", dimension, word, trend), label
    if measure is not None:
        # "cut 8,000 jobs" and "8,000 job losses" are one count: the measure says the change
        return ("measure", measure.name, "count", what, ""), _part_label(measure, thing, what)
    if thing is not None:
        return ("thing", thing.name, trend), thing.label
    if word:
        return ("thing", word, trend), plural(word)
    # nothing says what is counted ("more than a million", "240,000, police said"): such a
    # figure joins only a group whose figures it agrees with (see Reading.weak)
    return ("count", "", trend), phrase(claim.noun_phrase or "") or "unspecified figure"


def _part_counted(thing: Thing | None, word: str, measure: Measure) -> str:
    """The thing counted when it is more particular than the measure's whole: killed children
    are not killed people in general, nor destroyed homes destroyed schools; "900 pilots could
    lose their jobs" are some of the jobs cut. "" for the whole."""
    if thing is not None:
        return thing.name if thing.name != "people" and thing.name not in measure.same else ""
    if measure.same and word in measure.counts and word not in measure.same:
        return word
    return ""


def _part_label(measure: Measure, thing: Thing | None, what: str) -> str:
    if not what:
        return measure.label
    return part_label(measure, thing.label if thing is not None else plural(what))


def part_label(measure: Measure, named: str) -> str:
    """The measure's label for a part of what it counts: "children killed", "pilots jobs cut"."""
    return (measure.label.replace("people", named, 1) if measure.label.startswith("people")
            else f"{named} {measure.label}")


# --- place, doer, time -----------------------------------------------------------------------


def _place_words(text: str) -> str:
    """A place phrase lower case, without its punctuation and leading preposition and article:
    "in the capital alone" → "capital alone"."""
    name = " ".join(_PLACE_PUNCTUATION.sub(" ", text.lower()).split())
    for lead in _PLACE_LEADS:
        name = name.removeprefix(lead)
    return name


def is_whole_place(text: str) -> bool:
    """Whether a place phrase names the whole: "nationwide", "across the country"."""
    return _is_whole(_place_words(text).removeprefix("the "))


def place_key(text: str | None, vocabulary: Vocabulary) -> str | None:
    """A place phrase as compared: "in Al Haouz province" → "al haouz"; None for none, for the
    whole ("nationwide", "across the country") and for a country ("in Morocco")."""
    if not text:
        return None
    # "in the capital alone" is the capital's
    name = _place_words(_CITY_PART.sub("", text)).removeprefix("the ").removesuffix(" alone")
    if name in vocabulary.countries or _is_whole(name) or name.endswith((" country", " nation")):
        return None  # "the north african country"
    if _MANY_PLACES.search(name):
        return None  # "cities across Israel", "Tel Aviv and other Israeli cities": the whole
    # "the province of Agadir", "the streets of Santiago": the place after the head
    head = _PLACE_HEAD.match(name) or vocabulary.street_head.match(name)
    name = _PLACE_TAIL.sub("", name[head.end():] if head else name)
    name = _POSSESSIVE_END.sub("", name).removesuffix(" island")  # "Hong Kong Island"
    return name if name and name not in vocabulary.countries else None


def country_key(text: str | None, vocabulary: Vocabulary) -> str | None:
    """The country a place phrase names ("in India" → "india", "in Britain" → "uk" where
    actors.toml knows it), or None when it names no country or the whole ("the country")."""
    if not text:
        return None
    name = _place_words(text)
    if name not in vocabulary.countries and f"the {name}" not in vocabulary.countries:
        return None
    if _is_whole(name) or name.split()[-1] in ("country", "nation", "state"):
        return None
    return vocabulary.actor_index.get(name, name)


_MANY_PLACES = re.compile(
    r"^(?:many |several |dozens of |scores of |other |major )?(?:cities|towns|places|locations)"
    r"\b|\band (?:in )?(?:many |several )?other (?:[a-z'’-]+ )?(?:cities|towns|places)\b")


def _is_whole(name: str) -> bool:
    return name in ("nationwide", "countrywide", "country", "nation", "total", "overall", "all",
                    "altogether", "nationally", "worldwide", "globally", "whole country")


def doer(claim: Claim) -> str | None:
    """The figure's doer; for "it" or "they", the source speaking of itself: "Orbix said it
    would cut 8,000 jobs"; for "its", the name the sentence opens with: "Microsoft did not
    escape either: its share price slipped 2.5%"."""
    if claim.agent and _OWNER_PRONOUN.match(claim.agent):
        said = claim.sentence.find(claim.agent)
        opening = _OPENING_NAME.match(claim.sentence[:said]) if said > 0 else None
        if opening is not None:
            return opening.group(1)
    if claim.attribution and (claim.agent is None or claim.agent.lower() in _PRONOUNS):
        said = claim.sentence.find(claim.attribution)
        between = claim.sentence[said + len(claim.attribution):claim.start - claim.sentence_start]
        if said >= 0 and _PRONOUN.search(between[-40:]):
            return claim.attribution
    return claim.agent


_PRONOUNS = ("it", "they", "we")
_OWNER_PRONOUN = re.compile(r"(?:its|their)\s", re.IGNORECASE)
#: a sentence's opening name, its subject: "Microsoft did not escape either: its ..."
_OPENING_NAME = re.compile(r"((?:[A-Z][\w&'’.-]*\s+){0,3}?[A-Z][\w&'’.-]*)\s+(?!of\b)[a-z]")
#: The doer of a figure that is everyone's: the sum pledged by all donors (``unnamed_is_whole``).
WHOLE_ACTOR = "all"
_PRONOUN = re.compile(r"\b(?:it|they|we)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)


def _actor(agent: str | None, measure: Measure | None, vocabulary: Vocabulary) -> str | None:
    """The known actor an agent names ("Russian forces" → russia), or None when it names none
    or more than one ("Russian and Iranian officials"). For a measure of a company's or a
    body's own figures (jobs cut, revenue, a share price), a named doer is an actor too:
    "Microsoft" and "Activision" are two."""
    if measure is not None and not measure.by_doer:
        return None  # "the French club paying 222m euros": the deal's value, whoever pays
    words = _POSSESSIVE.sub("", (agent or "").lower()).split()
    found = set()
    covered: set[int] = set()  # "liberal democrats" is one name, not also "democrats"
    for size in range(min(len(words), vocabulary.longest_actor), 0, -1):
        for start in range(len(words) - size + 1):
            if covered & set(range(start, start + size)):
                continue
            actor = vocabulary.actor_index.get(" ".join(words[start : start + size]))
            if actor is not None:
                found.add(actor)
                covered.update(range(start, start + size))
    if len(found) == 1:
        return found.pop()
    if found or measure is None or not agent or (
            measure.kind == "running" and "currency" not in measure.units
            and not measure.owned):
        return None  # a running count's doer is a known actor; a donor is named
    if measure.units and not measure.units & {"currency", "percentage", "currency per share"} \
            and not measure.owned:
        return None
    if words and words[-1] in vocabulary.epithet_nouns:
        return None  # "the Xbox maker" names no one
    names = [w for w in _names(agent)  # not "The bank", "It"
             if w.lower() not in vocabulary.measure_nouns]  # nor "Shares fell"
    return "name " + folded(" ".join(names).lower()) if names else None


#: Letters with no decomposition into a base letter and a mark.
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ß": "ss",
                               "æ": "ae", "œ": "oe", "þ": "th"})


def folded(text: str) -> str:
    """``text`` (lower case) without its diacritics, so outlets' spellings of one name meet:
    "erdoğan" and "erdogan", "kılıçdaroğlu" and "kilicdaroglu"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_NO_NAMES = frozenset({"the", "a", "an", "it", "its", "this", "that", "these", "those", "they",
                       "their", "he", "she", "we", "our", "his", "her"})


def actors_match(one: str | None, other: str | None) -> bool:
    """Whether two doers may be one: unknown matches any; named ones share a word, or one is
    the other's initialism ("SVB", "Silicon Valley Bank")."""
    if one is None or other is None or one == other:
        return True
    if one.startswith("name ") and other.startswith("name "):
        words, others = one.split()[1:], other.split()[1:]
        return bool(set(words) & set(others)) or _initialism_of(words, others) or \
            _initialism_of(others, words)
    return False


def _initialism_of(short: list[str], long: list[str]) -> bool:
    """Whether a one-word name is the initials of a longer one: 'svb', 'silicon valley bank'."""
    return len(short) == 1 and len(long) > 1 and short[0] == "".join(w[0] for w in long)


def _scope(claim: Claim, reported: tuple[dt.date, dt.date] | None,
           vocabulary: Vocabulary) -> Scope:
    """The claim's time scope. A day named in an article dated only to the month or the year
    ("on Thursday", "yesterday", "last week"), which the extractor leaves unplaced, is some day
    of the report's period or the week before it."""
    text = phrase(claim.time_scope or "")
    start = date_range(claim.period_start)
    end = date_range(claim.period_end)
    as_of = claim.as_of or claim.as_of_start or claim.as_of_end
    running = _RUNNING.search(text) is not None
    if running or (start is not None and end is None) or (as_of and start is None and end is None):
        kind = "running"
        end = None
    elif start is not None or end is not None:
        kind = "period"
    elif text and reported is not None and reported[0] != reported[1] and \
            vocabulary.day_words & set(text.split()):
        week_before = max(reported[0], dt.date.min + _WEEK) - _WEEK
        return Scope("period", (week_before, reported[1]), (week_before, reported[1]), text,
                     vague=True)
    elif text:
        kind = "text"
    else:
        return Scope("none")
    return Scope(kind, start, end, text)


def _reckoned(
    claim: Claim, scope: Scope, reported: tuple[dt.date, dt.date] | None, *, earlier: bool
) -> tuple[dt.date, dt.date] | None:
    """When a count was made: its as-of date, else the end of its running period, else the
    report date, or the day before it for a figure the report says is an earlier one."""
    if earlier and reported is not None and not (claim.as_of or claim.as_of_start):
        try:
            return reported[0] - dt.timedelta(days=1), reported[1] - dt.timedelta(days=1)
        except OverflowError:
            return reported
    as_of = date_range(claim.as_of)
    if claim.as_of_start or claim.as_of_end:
        first = date_range(claim.as_of_start) or as_of
        last = date_range(claim.as_of_end) or as_of or first
        if first and last:
            as_of = (first[0], last[1])
    return as_of or (date_range(claim.period_end) if scope.kind == "running" else None) or reported


# --- words and dates ---------------------------------------------------------------------------


def phrase(text: str) -> str:
    return " ".join(text.lower().split())


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """A naive singular for looking words up: 'drones' → 'drone', 'casualties' → 'casualty'."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


_IRREGULAR_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women",
                      "pound sterling": "pounds sterling"}
#: words the same in the plural: "10 billion yen", "5,000 baht"
_INVARIANT = ("yen", "yuan", "renminbi", "won", "baht", "naira", "ringgit", "dong", "taka",
              "rupiah", "sheep", "deer", "aircraft", "hovercraft", "series", "species")
_MAN_NOT_MEN = ("human", "german", "roman", "shaman", "talisman", "caiman", "ottoman")


def plural(word: str) -> str:
    """A label's plural: 'drone' → 'drones', 'gunman' → 'gunmen', 'child' → 'children'."""
    if not word or word.endswith("s") or word in ("people", "personnel", "staff"):
        return word
    if " per " in word:  # a rate: "euros per week", not "euro per weeks"
        counted, _, base = word.partition(" per ")
        return f"{plural(counted)} per {base}"
    if word in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[word]
    if word.split()[-1] in _INVARIANT:
        return word
    if word.endswith("man") and not word.endswith(_MAN_NOT_MEN):
        return word[:-3] + "men"  # gunman, policeman, fisherman
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("ch", "sh", "x")):
        return word + "es"
    return word + "s"


def date_range(iso: object) -> tuple[dt.date, dt.date] | None:
    """The days an ISO date at its precision covers: '2023-02' → 1–28 February 2023."""
    if iso is None:
        return None
    return _date_range(str(iso).strip()[:10])


@lru_cache(maxsize=4096)
def _date_range(text: str) -> tuple[dt.date, dt.date] | None:
    try:
        if _YEAR.fullmatch(text):
            return dt.date(int(text), 1, 1), dt.date(int(text), 12, 31)
        if _YEAR_MONTH.fullmatch(text):
            first = dt.date(int(text[:4]), int(text[5:]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None
    return day, day

