"""Finding figures in text: every number a news sentence states, with its bounds and unit.

:func:`find_figures` reads plain text (a sentence or a whole article) and returns each figure it
states: digits ("6,000", "1,674.5", "1 234 567", ".08"), scales ("1.2 million", "$3bn", "10k",
"13 lakh"), words ("six", "a hundred and two", "half a dozen", "two-thirds"), percentages and
units ("25 per cent", "2.5 F", "6 km"), money ("€40 billion", "billion-dollar"), vague amounts
("hundreds", "billions of dollars", "a small number"), multiples ("twice as many", "15 to 30
times"), ratios ("one in five"), ranges ("between 20 and 30", "5-10%") and the qualifiers that
bound them ("more than", "nearly", "up to", "500 or more", "just over", "the best part of").
Changes carry a trend ("rose 5%", "cut by 300", "risen by a quarter"); a change then a level is
two figures, never a range ("fell by 58,000 to 957,000"), unless one unit written after both
makes them one ("rose by 3 to 4 per cent").

Lengths of time may be written with "a": "a"/"an" before a unit is one where a qualifier, "half"
or "and a half" goes with it ("more than an hour", "half an hour", "a year and a half") or a word
taking a length of time stands before it ("lasted a decade", "for a fortnight"); "once a year",
"$5 a day" and "a year ago" are no figures. A length of time before "after"/"before" and what they
relate to is a quantity ("40 hours after the quake"), and "over" means during, not more than,
after verbs of spreading or holding and before the length of time a figure took ("held over four
days", "rose 5% over 12 months"). Ages are in years: "aged 17 and 19", "over the age of 50", "in
her 80s" (80-89), "in their early 30s" (30-33), "younger than 25", "children under five".
A number word hyphenated to a noun counts that noun and is a quantity ("a six-storey building"
is 6 storeys, "a nine-strong team" 9 members, "a three-bedroom home" 3 bedrooms); to a unit it
is a measure ("an eight-and-a-half-year contract" is 8.5 years, one figure).

What is not a quantity is left out: dates and times ("Feb. 5", "06:46 PM", "9am", "between June 6
and 9", "by 1105 GMT"), years ("in 2021", "2022-23"), decades ("the 1990s"), ordinals ("third time",
"the 10th"), page ages ("2 years ago", "1 min read"), identifiers and labels ("Shahed-136", "F-16",
"G7", "Boeing 737", "Article 5", "No. 10", "#3", URLs), phone numbers ("0800 555 111", "call 999"),
addresses ("221B Baker Street"), sports results ("beat Croatia 3-0", "a 1-2 defeat", "22 under par",
"won by three shots"), measures that name a kind of thing ("the 10-year Treasury", "155mm shells",
"the 100m final"; a distance covered, "a 5km run", stays a quantity), model numbers ("the 787
Dreamliner", "737 Max 9 jets"; "30 Shahed 136 drones" counts drones), lists of labels ("junctions 10
and 11", "Photo 3 of 12"), the base of a rate ("12 cases per 100,000 people": the 100,000) and "one"
as a pronoun ("one of the", "no one"). "Plus or minus 3" is a margin of 3, not -3; a converted
figure in brackets ("about £1.1bn (€1.3bn)") takes the qualifier of the one it converts.

Everything language-specific is data under ``data/en/``: ``numbers.toml`` (number words, scales,
fractions, labels, addresses, phone and sports words), ``qualifiers.toml``, ``vague.toml``,
``trends.toml`` and ``units.toml`` (preferences over quantulum3's unit lexicon, and the measures
that are names). The data is loaded and checked once, on first use.

This layer is plain text processing (no spaCy) and runs in well under a millisecond per sentence.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .attachment import _attach, _attach_trend, _carry_trends
from .candidates import _find_numerals
from .exclusions import _block_spans, _is_excluded, _is_label
from .grammar import _Context, _counts_noun_at, _dash_joined
from .language import _LOWER_SIGNS, _contiguous, _lexicon, _Qualifier, _Unit
from .ranges import _join_ranges, _sign
from .record import _Cand
from .tokens import MAX_MAGNITUDE

__all__ = ["Figure", "age_unit", "find_figures", "measure_prefixes", "parse_number"]


KINDS = ("count", "amount", "fraction", "ratio", "multiple")
"""What a figure's value is.

``count``: a plain number of things ("6,000 drones", "hundreds"); ``amount``: a number with a
unit (money, percentage, measure: "$3bn", "25%", "6 km"); ``fraction``: a part of a whole, value
in 0..1 ("two-thirds", "a third of", "half", "3/4"); ``ratio``: "one in five", "2 out of 3", value
the quotient; ``multiple``: how many times ("twice as many", "three times the", "threefold").
"""


@dataclass(frozen=True)
class Figure:
    """A figure stated in a text: the number, the bounds its words imply, and its unit.

    ``start``/``end`` span the whole figure in the text given to :func:`find_figures`, qualifier,
    currency and unit words included ("more than 6,000", "$3bn", "billions of dollars");
    ``number_start``/``number_end`` span the numeral itself with its scale word ("6,000",
    "3bn", "1.2 million", "hundreds"; both ends of a range).

    ``value`` is the number stated (the first number of a range, None for a vague amount);
    ``lower``/``upper`` the bounds the words imply, None where open. ``qualifier`` is one of
    ``=``, ``~``, ``>``, ``>=``, ``<``, ``<=``, ``range``, ``vague``; ``qualifier_phrase`` the words
    that stated it as written ("more than", "or more", "between … and"), None for a bare number.
    ``unit`` and ``dimension`` are quantulum3's unit and entity names ("dollar"/"currency",
    "percentage"/"dimensionless", "kilometre"/"length"), None for a count. ``trend`` is "up" or
    "down" when the figure measures a change ("rose 5%"). ``kind`` is one of :data:`KINDS`.
    """

    start: int
    end: int
    surface: str
    value: float | None
    lower: float | None
    upper: float | None
    qualifier: str
    unit: str | None
    dimension: str | None
    trend: str | None
    number_start: int
    number_end: int
    kind: str
    qualifier_phrase: str | None = None


def _to_figure(ctx: _Context, cand: _Cand) -> Figure:
    toks = ctx.toks
    last = cand.range_with or cand.bound_with or cand
    start, end = toks[cand.start].start, toks[last.end - 1].end
    unit = cand.unit or last.unit
    value, lower, upper = cand.value, cand.lower, cand.upper
    phrase: str | None
    if cand.vague:
        qualifier, phrase = "vague", None
    elif cand.range_with is not None:
        qualifier, lower, upper, phrase = "range", value, last.value, cand.range_phrase
    elif cand.bound_with is not None:
        low, high = (cand, last) if _sign(cand) in _LOWER_SIGNS else (last, cand)
        qualifier, lower, upper = "range", low.value, high.value
        phrase = f"{_stated(cand)} … {_stated(last)}"
    else:
        bound = cand.suffix or cand.qualifier
        qualifier = bound.sign if bound else "="
        lower, upper = _bounds(value, bound)
        phrase = _stated(cand)
    return Figure(
        start=start, end=end, surface=ctx.text[start:end], value=value, lower=lower, upper=upper,
        qualifier=qualifier, unit=unit.name if unit else None,
        dimension=unit.dimension if unit else None, trend=cand.trend,
        number_start=toks[cand.number_start].start, number_end=toks[last.number_end - 1].end,
        kind="amount" if cand.kind == "count" and unit else cand.kind, qualifier_phrase=phrase,
    )


def _stated(cand: _Cand) -> str | None:
    """The qualifier words of one number as written: "more than", "or more", "less than … or
    equal to it"."""
    words = [w for w in (cand.qualifier_phrase, cand.suffix_phrase) if w]
    return " … ".join(words) or None


def _bounds(value: float | None, qualifier: _Qualifier | None) -> tuple[float | None, float | None]:
    if value is None:
        return None, None
    if qualifier is None:
        return value, value
    lower = value * qualifier.lower if qualifier.lower is not None else None
    upper = value * qualifier.upper if qualifier.upper is not None else None
    if value < 0 and lower is not None and upper is not None:
        lower, upper = upper, lower
    return _within(_tidy(lower), value), _within(_tidy(upper), value)


def _within(bound: float | None, value: float) -> float | None:
    """A tidied bound that rounding moved past the value it bounds ("almost one in seven":
    0.142857142857 below 1/7) is the value itself: a figure lies inside its own bounds."""
    if bound is not None and math.isclose(bound, value, rel_tol=1e-9):
        return value
    return bound


def _tidy(number: float | None) -> float | None:
    """Round away float noise: 0.9 * 500 is 450, not 450.00000000000006."""
    return None if number is None else float(f"{number:.12g}")


def _figures(text: str) -> Iterator[Figure]:
    ctx = _Context(text, _lexicon())
    _block_spans(ctx)
    cands = _find_numerals(ctx)
    _attach(ctx, cands)
    kept: list[_Cand] = []
    dropped: _Cand | None = None
    label: _Cand | None = None  # the last number dropped as a label
    for cand in cands:
        if label is not None and _continues_label(ctx, label, cand):
            dropped = label = cand  # "junctions 10 and 11"
        # "Croatia 3-0", "Boeing 737-800": the number after a dash goes with the one before it
        elif _is_excluded(ctx, cand) or (dropped is not None and _dash_joined(ctx, dropped, cand)):
            dropped = cand
            label = cand if _is_label(ctx, cand) else None
        else:
            dropped = label = None
            kept.append(cand)
    _degrees_of_temperature(ctx, kept)
    for cand in kept:
        _attach_trend(ctx, cand)
    _carry_trends(ctx, kept)
    joined = _join_ranges(ctx, kept)
    _qualify_conversions(ctx, joined)
    for cand in joined:
        figure = _to_figure(ctx, cand)
        if _within_magnitude(figure):
            yield figure


def _within_magnitude(figure: Figure) -> bool:
    """Whether every number of a figure is one numclaims can reckon with: a scale word can carry a
    numeral past :data:`~.tokens.MAX_MAGNITUDE` ("1e99 billion"), where it is no quantity."""
    numbers = (figure.value, figure.lower, figure.upper)
    return all(number is None or abs(number) <= MAX_MAGNITUDE for number in numbers)


def _degrees_of_temperature(ctx: _Context, cands: Sequence[_Cand]) -> None:
    """ "40.9 degrees Celsius on Monday and 38 degrees on Tuesday": plain degrees in a sentence
    that gives a temperature's scale are degrees of that scale (the nearest one's), not of an
    angle. One pass over the tokens and two over the figures."""
    toks = ctx.toks
    sentence_of: list[int] = []
    sentence, at = 0, 0
    for cand in cands:  # the figures in order: count the sentence ends between them
        for tok in toks[at:cand.start]:
            sentence += tok.text in (".", "!", "?", ";")
        at = max(at, cand.end)
        sentence_of.append(sentence)
    nearest: dict[int, tuple[int, _Unit]] = {}  # figure -> (distance, scale) of its nearest
    for order in (range(len(cands)), range(len(cands) - 1, -1, -1)):
        last: tuple[int, int, _Unit] | None = None  # sentence, start, unit of the last scale
        for n in order:
            cand = cands[n]
            if cand.unit is not None and cand.unit.dimension == "temperature":
                last = (sentence_of[n], cand.start, cand.unit)
            elif last is not None and last[0] == sentence_of[n] and _plain_degrees(ctx, cand):
                distance = abs(cand.start - last[1])
                if n not in nearest or distance < nearest[n][0]:
                    nearest[n] = (distance, last[2])
    for n, (_, unit) in nearest.items():
        cands[n].unit = unit


def _plain_degrees(ctx: _Context, cand: _Cand) -> bool:
    return cand.unit is not None and cand.unit.name == "degree angle" and \
        ctx.toks[cand.end - 1].low in ("degree", "degrees")


def _continues_label(ctx: _Context, label: _Cand, cand: _Cand) -> bool:
    """ "junctions 10 and 11", "sections 2, 3 and 4", "Photo 3 of 12": a number listed after a
    label is a label too, unless it counts a plural noun ("pages 4 and 300 others")."""
    between = ctx.toks[label.end:cand.start]
    if len(between) != 1 or between[0].low not in ctx.lex.label_joiners or \
            not _contiguous(ctx.toks, label.end, cand.start + 1):
        return False
    plain = cand.start == cand.i and cand.end == cand.j and not cand.vague and \
        ctx.toks[cand.i].kind == "num"
    return plain and not (_counts_noun_at(ctx, cand.end) and ctx.toks[cand.end].low.endswith("s"))


def _qualify_conversions(ctx: _Context, cands: Sequence[_Cand]) -> None:
    """ "about £1.1bn (€1.3bn)": a figure in brackets converting the one before it into another
    unit of the same kind states it with the same qualifier and trend; a rate after the bracket
    ("€45m (£40.7m) a year") is both figures'."""
    toks = ctx.toks
    for first, second in zip(cands, cands[1:], strict=False):
        qualifier = first.suffix or first.qualifier
        bracket = second.start - 1
        if first.range_with or first.bound_with or second.range_with or second.bound_with or \
                second.qualifier or second.suffix:
            continue
        if bracket != first.end or toks[bracket].low not in ("(", "[") or not ctx.joined(bracket):
            continue
        if first.unit is None or second.unit is None or first.unit == second.unit or \
                first.unit.dimension.split(" per ")[0] != second.unit.dimension.split(" per ")[0]:
            continue
        if qualifier is not None:
            second.qualifier, second.qualifier_phrase = qualifier, _stated(first)
        second.trend = second.trend or first.trend
        if " per " in second.unit.dimension and " per " not in first.unit.dimension:
            rate = second.unit.name.split(" per ", 1)[1]
            base = second.unit.dimension.split(" per ", 1)[1]
            first.unit = _Unit(f"{first.unit.name} per {rate}",
                               f"{first.unit.dimension} per {base}")


def find_figures(text: str) -> list[Figure]:
    """Every figure stated in ``text``, in order, with offsets into ``text``."""
    if not text:
        return []
    return list(_figures(text))


def age_unit() -> tuple[str, str]:
    """The unit and dimension of a person's age (units.toml [ages]): ("year of age", "age")."""
    unit = _lexicon().age_unit
    return unit.name, unit.dimension


def currency_code(unit: str | None) -> str | None:
    """The ISO 4217 code of a sum's currency, or of a rate's ("dollar per barrel" → "USD");
    pence are sterling's ("50p" → "GBP"); None for no money, and for a cent, which many
    currencies have."""
    if not unit:
        return None
    return _lexicon().currency_codes.get(unit.split(" per ", 1)[0])


def measure_prefixes() -> frozenset[str]:
    """Nouns written before a number that say what it measures (numbers.toml
    [measure_prefixes]): "magnitude" in "a magnitude 7 quake"."""
    return _lexicon().measure_prefixes


def parse_number(words: str) -> float | None:
    """The value of a whole numeral ("twenty-one", "1.5 million", "two-thirds", "6,000", "2021").

    None when ``words`` is not exactly one number (or is a vague amount such as "hundreds").
    """
    ctx = _Context(words.strip(), _lexicon())
    cands = _find_numerals(ctx)
    _attach(ctx, cands)
    if len(cands) != 1:
        return None
    cand = cands[0]
    whole = cand.start == 0 and cand.end == len(ctx.toks)
    if not whole or cand.vague or cand.qualifier or cand.suffix:
        return None
    return cand.value
