"""What surrounds a numeral: its sign, currency, scale, unit, qualifier, age and trend words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .grammar import (
    _Context,
    _counts_noun_at,
    _is_compound_adjective,
    _letter_follows,
    _sentence_start,
    _title_line,
)
from .language import _A, _DIGIT, _OLDEST_AGE, _TEEN, _TENS, _UNIT, _bound, _Unit
from .record import _Cand
from .units import _currency_before, _resolve_unit, _unit_at


def _attach(ctx: _Context, cands: list[_Cand]) -> None:
    """Currency, sign, scale, unit and qualifier words around each numeral."""
    n = 0
    while n < len(cands):
        cand = cands[n]
        previous = cands[n - 1] if n else None
        following = cands[n + 1] if n + 1 < len(cands) else None
        floor = previous.end if previous is not None else 0
        ceiling = following.i - following.lead if following is not None else len(ctx.toks)
        if following is not None and following.article:
            # "barrels a day" is one unit, though "a day" alone may be a figure
            beyond = cands[n + 2] if n + 2 < len(cands) else None
            ceiling = beyond.i - beyond.lead if beyond is not None else len(ctx.toks)
        cand.start, cand.end = cand.i - cand.lead, cand.j
        cand.number_start, cand.number_end = cand.i, cand.j
        if not cand.vague:
            _attach_sign_and_currency(ctx, cand, floor)
        _attach_unit(ctx, cand, ceiling)
        _attach_rate(ctx, cand, ceiling)
        if following is not None and cand.end > following.i:
            del cands[n + 1]  # the "a day" of "1 million barrels a day" is the unit's
        following = cands[n + 1] if n + 1 < len(cands) else None
        ceiling = following.i - following.lead if following is not None else len(ctx.toks)
        _attach_suffix(ctx, cand, ceiling)
        if not cand.vague:
            _attach_qualifier(ctx, cand, floor, previous)
            _attach_age(ctx, cand, floor, previous)
        n += 1


def _attach_sign_and_currency(ctx: _Context, cand: _Cand, floor: int) -> None:
    toks, i = ctx.toks, cand.i
    if i - 1 >= floor and toks[i - 1].low in ("-", "−") and toks[i].fused and \
            toks[i].kind == "num" and cand.value is not None and _sign_position(ctx, i - 1):
        cand.value, cand.start, cand.number_start = -cand.value, i - 1, i - 1
    currency = _currency_before(ctx, cand.start, floor) or _scaled_currency_before(ctx, cand, floor)
    if currency is not None:
        cand.unit, cand.money, cand.start = currency[0], True, currency[1]
        k = cand.start  # "-$57.7bn": the sign before the currency
        if k - 1 >= floor and toks[k - 1].low in ("-", "−") and toks[k].fused and \
                cand.value is not None and cand.value > 0 and _sign_position(ctx, k - 1):
            cand.value, cand.start = -cand.value, k - 1
    k = cand.start
    if k - 1 >= floor and toks[k - 1].low in ctx.lex.signs and ctx.joined(k) and \
            cand.value is not None and ctx.lex.margins.backward(toks, k) is None:
        cand.value, cand.start = -cand.value, k - 1  # "minus 5", but "plus or minus 3" is a margin


def _sign_position(ctx: _Context, k: int) -> bool:
    """A "-" at ``k`` is a minus sign: nothing, a space or a bracket/comparison before it."""
    toks = ctx.toks
    return k == 0 or not toks[k].fused or toks[k - 1].low in ("(", "[", "<", ">", "=", "~", "≤",
                                                              "≥", "≈")


def _scaled_currency_before(ctx: _Context, cand: _Cand, floor: int) -> tuple[_Unit, int] | None:
    """ "R254 billion", "R3bn": a currency symbol that is money only against a number with a scale
    word; "the R2" is a road and "R&B" music (units.toml `scaled_prefix`)."""
    toks, lex, k = ctx.toks, ctx.lex, cand.start
    if k - 1 < floor or not toks[k].fused or toks[k].kind != "num":
        return None
    unit = lex.scaled_prefixes.get(toks[k - 1].text)
    if unit is None or (toks[k - 1].fused and toks[k - 2].kind in ("word", "num")):
        return None  # the symbol must start a word: not the "R" of "GR254"
    j = cand.j
    scaled = cand.scale > 1 or (j < len(toks) and toks[j].fused and
                                toks[j].text in lex.money_abbreviations)
    return (unit, k - 1) if scaled else None


def _fraction_of_a_point(ctx: _Context, cand: _Cand, j: int, ceiling: int) -> int | None:
    """Where a fraction of a point ends: "a quarter-point cut", "half a point", "three-quarters
    of a point" are shares of a percentage point, as rates and polls are moved; a whole number
    of points ("fell 300 points") is an index's."""
    toks = ctx.toks
    if cand.kind != "fraction":
        return None
    for words in (("-", "point"), ("point",), ("of", "a", "point"), ("a", "point")):
        end = j + len(words)
        if end <= ceiling and end <= len(toks) and all(
                toks[j + at].low.removesuffix("s") == word for at, word in enumerate(words)):
            return end
    return None


def _attach_unit(ctx: _Context, cand: _Cand, ceiling: int) -> None:
    toks, lex = ctx.toks, ctx.lex
    j = cand.end
    if cand.unit_within or j >= ceiling or not ctx.joined(j):
        return
    if toks[j].text in lex.money_abbreviations and not cand.vague and cand.value is not None \
            and not _letter_follows(ctx, j + 1) and (
                cand.money or _counted_in_millions(ctx, cand, j + 1)):
        factor = lex.money_abbreviations[toks[j].text]
        cand.value, cand.scale, j = cand.value * factor, factor, j + 1
        cand.end = cand.number_end = j
    points = _fraction_of_a_point(ctx, cand, j, ceiling)
    if points is not None:  # "a quarter-point", "three-quarters of a point"
        cand.unit, cand.end = _Unit("percentage point", "dimensionless"), points
        return
    part_of_one = cand.kind == "fraction" or (  # "0.3 of a percentage point"
        cand.value is not None and 0 < cand.value < 1 and not cand.vague)
    if part_of_one and j + 2 < ceiling and toks[j].low == "of" and \
            toks[j + 1].low in ("a", "an") and ctx.joined(j + 2):
        unit = _unit_at(ctx, j + 2, ceiling, cand)  # "four tenths of a second"
        if unit is not None:
            cand.unit, cand.end = unit[0], unit[1]
            return
    if cand.vague and j + 1 < ceiling and toks[j].low == "of":
        # "billions of dollars", "a couple of months"; "hundreds of pounds of explosives" is
        # left without a unit, as a weight after a vague amount is too often part of a noun
        unit = _unit_at(ctx, j + 1, ceiling, cand)
        if unit and unit[0].dimension in ("currency", "time"):
            cand.unit, cand.end = unit[0], unit[1]
        return
    if _is_compound_adjective(ctx, j):
        unit = _unit_at(ctx, j + 1, ceiling, cand)
        if unit:
            cand.unit, cand.end = unit[0], unit[1]
            if _is_compound_adjective(ctx, cand.end) and \
                    _POSSESSIVE_END.sub("", toks[cand.end + 1].low) in lex.age_nouns and \
                    unit[0].dimension == "time":
                # "a 16-year-old", "a six-month-old baby", "the 25-year-old's fee": an age, not
                # a length of time
                age = _Unit(f"{unit[0].name} of age", lex.age_unit.dimension)
                cand.unit, cand.end, cand.age = age, cand.end + 2, True
        return
    if j < len(toks) and j < ceiling:
        unit = _unit_at(ctx, j, ceiling, cand)
        if unit:
            if cand.money and unit[0].dimension == "currency":
                cand.end = unit[1]  # "$5 million dollars"
            elif not cand.money:
                cand.unit, cand.end = unit[0], unit[1]
        elif toks[j].low in _SPAN_WORDS and j + 1 < ceiling and ctx.joined(j + 1) and \
                not cand.money:
            unit = _unit_at(ctx, j + 1, ceiling, cand)  # "12 consecutive hours"
            if unit and unit[0].dimension == "time":
                cand.unit, cand.end = unit[0], unit[1]


_POSSESSIVE_END = re.compile(r"['’]s$")

#: Words written between a number and the unit of time it counts: "12 consecutive hours",
#: "three straight days", "five more years".
_SPAN_WORDS = frozenset({"consecutive", "straight", "successive", "more", "full", "additional",
                         "extra", "further", "long", "whole", "entire", "solid"})


def _attach_rate(ctx: _Context, cand: _Cand, ceiling: int) -> None:
    """ "$61.20 a barrel", "4 percent a year", "$48 per share", "3 kV/cm", "60,000 times a minute":
    the unit of a rate is its own (units.toml [rates])."""
    toks, lex = ctx.toks, ctx.lex
    j = cand.end
    numerator = cand.unit
    if numerator is None:
        if cand.vague or j >= ceiling or toks[j].low != "times" or not ctx.joined(j):
            return
        numerator, j = _Unit("time", "count"), j + 1
    if numerator.dimension == lex.age_unit.dimension or j + 1 >= ceiling or not ctx.joined(j):
        return
    # "€45m (£40.7m) a year": the rate after a converted figure's bracket is both figures'
    bracketed = toks[j].low in (")", "]") and j + 2 < len(toks) and ctx.joined(j + 1)
    if bracketed:
        j += 1
    slash = toks[j].low == "/" and toks[j].fused and toks[j + 1].fused
    if not slash and (toks[j].low not in lex.rate_words or not ctx.joined(j + 1)):
        return
    base = _unit_at(ctx, j + 1, ceiling, _Cand(j + 1, j + 1, None))
    hyphened = _hyphened_base(ctx, j + 1, ceiling)  # "$9,000 per megawatt-hour"
    if hyphened is not None:
        end, unit = hyphened
        name, dimension = unit.name, unit.dimension
    elif base is not None:
        end, name, dimension = base[1], base[0].name, base[0].dimension
        if toks[j].low in lex.rate_articles and dimension not in lex.rate_article_dimensions:
            return
    elif toks[j + 1].kind == "word" and toks[j + 1].text.islower() and \
            toks[j + 1].low in lex.rate_nouns:
        end, name, dimension = j + 2, toks[j + 1].low, toks[j + 1].low
    elif toks[j + 1].low in _SHARE_KINDS and j + 2 < ceiling and ctx.joined(j + 2) and \
            toks[j + 2].low == "share":  # "70 cents per diluted share"
        end, name, dimension = j + 3, "share", "share"
    else:
        return
    if dimension == "time" and toks[j].low in lex.rate_articles and end < len(toks) and \
            ctx.joined(end) and toks[end].low in lex.rate_not_before and not (
            end + 1 < len(toks) and ctx.joined(end + 1) and
            toks[end + 1].low in lex.rate_before_what):
        return  # "$5bn a year ago"; but "€865,000 a week before tax", "$61.20 a barrel
        # on Monday" and "£2.36 per week on average" are rates
    cand.unit = _Unit(f"{numerator.name} per {name}", f"{numerator.dimension} per {dimension}")
    if not bracketed:  # the rate's words belong to the figure outside the bracket
        cand.end = end


def _hyphened_base(ctx: _Context, k: int, ceiling: int) -> tuple[int, _Unit] | None:
    """A rate's base that is a unit of two words joined by a hyphen ("megawatt-hour"): the
    index after it and the unit (quantulum3's "megawatt hour")."""
    toks = ctx.toks
    if k + 2 >= ceiling or toks[k + 1].low != "-" or not (toks[k + 1].fused and
                                                         toks[k + 2].fused):
        return None
    unit = _resolve_unit(ctx.lex, f"{toks[k].low} {toks[k + 2].low}", False)
    return (k + 3, unit) if unit is not None else None


#: The kinds of share earnings are given per: "70 cents per diluted share".
_SHARE_KINDS = frozenset({"diluted", "basic", "adjusted", "ordinary", "common"})


def _counted_in_millions(ctx: _Context, cand: _Cand, k: int) -> bool:
    """A noun after "5m" makes it a count in millions ("5m people"), unless it measures."""
    toks, lex = ctx.toks, ctx.lex
    if _is_compound_adjective(ctx, k):
        k += 1  # "a 222m-euro move"
    elif k >= len(toks) or not ctx.joined(k) or toks[k].fused:
        return False
    word = toks[k]
    money = _resolve_unit(lex, word.text, True)
    if money is not None and money.dimension == "currency":
        return True  # "the 222m euros": money, whatever stands before
    if cand.i > 0 and ctx.joined(cand.i) and toks[cand.i - 1].low in lex.metre_after:
        return False
    if word.low == "of":
        return _counts_after_of(ctx, k + 1)  # "45m of its devices", not "200m of track"
    headline = _title_line(ctx, k) and word.text[:1].isupper()  # "Flood Destroys 4.7m Homes"
    if word.kind != "word" or not (word.text.islower() or headline) or \
            word.low in lex.metre_before:
        return False
    unit = _resolve_unit(lex, word.text, False)
    return unit is None or unit.dimension != "length"  # "2.3m tonnes", "1.5m barrels"


def _counts_after_of(ctx: _Context, k: int) -> bool:
    """After "5m of": a count in millions when what follows is a plural noun or a pronoun for
    one ("45m of its devices", "3m of them"), a length when it is a thing measured ("200m of
    track", "10m of water")."""
    toks, lex = ctx.toks, ctx.lex
    while k < len(toks) and ctx.joined(k) and toks[k].low in lex.million_of_determiners:
        k += 1
    if k >= len(toks) or not ctx.joined(k) or toks[k].kind != "word":
        return False
    word = toks[k].low
    return word in lex.million_of_pronouns or (
        len(word) > 3 and word.endswith("s") and not word.endswith("ss")
        and _resolve_unit(lex, toks[k].text, False) is None)


def _sum_starts(ctx: _Context, k: int) -> bool:
    """Whether a currency sign of units.toml starts a sum at token ``k`` ("€10 million")."""
    if k >= len(ctx.toks) or not ctx.joined(k):
        return False
    number = next((m for m in range(k + 1, min(len(ctx.toks), k + 4))
                   if ctx.toks[m].kind == "num"), None)
    found = _currency_before(ctx, number, k) if number is not None else None
    return found is not None and found[1] == k


def _attach_suffix(ctx: _Context, cand: _Cand, ceiling: int) -> None:
    """ "500 or more", "40-odd", "500+": a qualifier written after the number."""
    match = ctx.lex.qualifiers_after.forward(ctx.toks, cand.end)
    if match is None or cand.vague or match[1] > ceiling or not ctx.joined(cand.end):
        return
    qualifier, end = match
    if ctx.toks[cand.end].low in ("+", "-") and not ctx.toks[cand.end].fused:
        return
    if end < len(ctx.toks) and ctx.joined(end) and (
            ctx.type(end) in (_DIGIT, _UNIT, _TEEN, _TENS, _A) or ctx.toks[end].low == "than"):
        return  # "200 or greater than 190", "10 and more than 40": they qualify the next number
    if _sum_starts(ctx, end):
        return  # "€63 million plus €10 million in add-ons": a sum, not "or more"
    following = ctx.lex.qualifiers_before.backward(ctx.toks, ceiling) if ceiling < len(
        ctx.toks) else None
    if following is not None and following[1] < end:
        return  # "$200,000 and upwards of 40 staff": "upwards of" qualifies the 40
    cand.suffix = qualifier
    cand.suffix_phrase = _span_text(ctx, cand.end, end)
    cand.end = end


def _attach_qualifier(ctx: _Context, cand: _Cand, floor: int, previous: _Cand | None) -> None:
    match = ctx.lex.qualifiers_before.backward(ctx.toks, cand.start)
    if match is None or match[1] < floor or not ctx.joined(cand.start):
        return
    qualifier, start = match
    if start > 0 and ctx.toks[start - 1].low in qualifier.not_after:
        return  # "the past 24 hours"
    if qualifier.alone and _counted_or_voted(ctx, cand.end):
        return  # "passed 12 bills", "passed 220 to 207"
    if _span_text(ctx, start, cand.start).lower() in ctx.lex.during_words and \
            _means_during(ctx, cand, start, previous):
        return  # "held over four days"
    first = ctx.toks[start]
    if first.kind == "punct" and start > 0 and first.fused and (
            ctx.toks[start - 1].kind == "num" or ctx.toks[start - 1].low in ("<", ">", "=")):
        return  # "20~100", "=>30", "<>30"
    cand.qualifier = qualifier
    cand.qualifier_phrase = _span_text(ctx, start, cand.start)
    cand.start = start
    inclusive = ctx.lex.inclusive_after.forward(ctx.toks, cand.end)
    if inclusive and qualifier.sign in (">", "<") and cand.suffix is None:
        end = inclusive[1]
        if not (end < len(ctx.toks) and ctx.type(end) in (_DIGIT, _UNIT, _TEEN, _TENS)):
            cand.qualifier = _bound(qualifier.sign + "=")
            cand.suffix_phrase = _span_text(ctx, cand.end, end)
            cand.end = end


def _counted_or_voted(ctx: _Context, j: int) -> bool:
    """A noun the figure counts or a second number of a vote follows at token ``j``."""
    toks = ctx.toks
    if _counts_noun_at(ctx, j):
        return True
    return j + 1 < len(toks) and ctx.joined(j) and toks[j].low in ctx.lex.range_connectors and \
        ctx.joined(j + 1) and ctx.type(j + 1) in (_DIGIT, _UNIT, _TEEN, _TENS)


def _means_during(ctx: _Context, cand: _Cand, at: int, previous: _Cand | None) -> bool:
    """Whether "over" at token ``at`` means during or across rather than more than
    (qualifiers.toml [during])."""
    toks, lex = ctx.toks, ctx.lex
    joined = at > 0 and ctx.joined(at)
    if joined and lex.during_verbs.backward(toks, at) is not None:
        return True  # "spread over 12 instalments"
    if cand.unit is None or cand.unit.dimension != "time":
        return False
    if joined and lex.during_time_verbs.backward(toks, at) is not None:
        return True  # "held over four days"
    before = toks[at - 1].low if joined else ""
    if before in lex.during_not_after:
        return False  # "jailed for over 20 years"
    if (_sentence_start(ctx, at) or before == ",") and cand.end < len(toks) and \
            toks[cand.end].low == "of":
        return True  # "Over three days of talks, ..."
    if previous is None or previous.plain_year:
        return False
    # "lost 15% of their weight over 68 weeks": the length of time a figure before it took
    return not any(tok.newline or (tok.kind == "punct" and tok.low in ".;:!?")
                   for tok in toks[previous.end:at + 1])


def _attach_age(ctx: _Context, cand: _Cand, floor: int, previous: _Cand | None) -> None:
    """ "aged 17", "aged over 65", "over the age of 50", "aged between 18 and 60", "aged 17 and
    19": a person's age, in the unit of units.toml [ages]."""
    toks, lex = ctx.toks, ctx.lex
    in_years = cand.unit is not None and cand.unit.name == "year"  # "aged 10 years and below"
    if cand.unit is not None and not in_years or cand.money or cand.kind != "count" or \
            cand.value is None or not float(cand.value).is_integer() or \
            not 0 < cand.value <= _OLDEST_AGE:
        return
    if in_years:
        if ctx.joined(cand.start) and lex.age_words.backward(toks, cand.start) is not None:
            cand.unit, cand.age = lex.age_unit, True
        return
    if previous is not None and previous.age and cand.start == cand.i and \
            _listed_after(ctx, previous, cand):
        cand.unit, cand.age = previous.unit, True  # "aged 17 and 19", "aged 40 to 75"
        return
    k = cand.start
    if k - 1 >= floor and ctx.joined(k) and toks[k - 1].low in lex.range_first:
        k -= 1  # "aged between 18 and 60"
    match = lex.age_words.backward(toks, k) if ctx.joined(k) else None
    if match is None or match[1] < floor:
        if _qualified_age(ctx, cand, floor):
            cand.unit, cand.age = lex.age_unit, True
        return
    cand.unit, cand.age = match[0], True
    if cand.qualifier is None and ctx.joined(match[1]):
        bound = lex.qualifiers_before.backward(toks, match[1])  # "over the age of 50"
        if bound is not None and bound[1] >= floor:
            cand.qualifier, cand.start = bound[0], bound[1]
            cand.qualifier_phrase = _span_text(ctx, bound[1], match[1])


def _qualified_age(ctx: _Context, cand: _Cand, floor: int) -> bool:
    """ "younger than 25", "children under five": a marker word of units.toml [ages] begins the
    qualifier or stands right before it."""
    if cand.qualifier is None or cand.start == cand.i:
        return False
    toks, markers, k = ctx.toks, ctx.lex.age_markers, cand.start
    return toks[k].low in markers or (k - 1 >= floor and ctx.joined(k) and
                                      toks[k - 1].low in markers)


def _listed_after(ctx: _Context, first: _Cand, second: _Cand) -> bool:
    """ "17 and 19", "40 to 75", "17, 18": the second number follows the first in a list."""
    between = ctx.toks[first.end:second.start]
    return len(between) == 1 and ctx.joined(first.end) and ctx.joined(second.start) and \
        (between[0].low in ctx.lex.range_connectors or between[0].low == ",")


def _span_text(ctx: _Context, start: int, end: int) -> str:
    return ctx.text[ctx.toks[start].start:ctx.toks[end - 1].end]


def _attach_trend(ctx: _Context, cand: _Cand) -> None:
    toks, lex = ctx.toks, ctx.lex
    k = cand.start - 1
    by = k >= 0 and toks[k].low == "by" and ctx.joined(k + 1)
    if by:
        k -= 1
    if k >= 0 and toks[k].low.endswith("ly") and toks[k].low not in lex.trend_verbs and \
            ctx.joined(k + 1):
        k -= 1  # "rose sharply by 5%"
    if k >= 0 and ctx.joined(k + 1):
        word = toks[k].low
        # "rose 5% to 10%" and "fell by 58,000 to 957,000" state a change and a level; only a
        # unit written once after both ("rose by 3 to 4 per cent") makes the two a range.
        if word in lex.trend_verbs:
            cand.trend, cand.after_trend_verb = lex.trend_verbs[word], True
            return
        if word in lex.trend_adverbs and (cand.unit is not None or _percent_follows(ctx, cand)
                                          or _points_follow(ctx, cand)):
            cand.trend, cand.after_trend_verb = lex.trend_adverbs[word], True
            return
    if by:  # "cut profit by ¥110 billion", "raise his daily rate by RM14.62"
        for m in range(k - 1, max(-1, k - 5), -1):
            if not ctx.joined(m + 1) or toks[m].kind == "punct" or toks[m].kind == "num":
                break
            if toks[m].low in lex.trend_verbs:
                cand.trend = lex.trend_verbs[toks[m].low]
                return
    k = cand.start - 1
    if k >= 1 and toks[k].low in ("of", ",") and toks[k - 1].low in lex.trend_nouns:
        cand.trend = lex.trend_nouns[toks[k - 1].low]  # "a fall of 8.8%", "the steepest fall, 8.8%"
        return
    j = cand.end
    if j < len(toks) and toks[j].low in ("points", "point", "pts") and ctx.joined(j):
        j += 1  # "40.2 points up"
    compared = j + 1 < len(toks) and ctx.joined(j + 1) and toks[j + 1].low == "than"
    if j < len(toks) and ctx.joined(j) and toks[j].low in lex.trend_after and \
            (cand.unit is not None or j != cand.end or compared):  # "19 fewer than in 2014"
        cand.trend = lex.trend_after[toks[j].low]
        return
    j = cand.end
    if j < len(toks) and ctx.joined(j) and toks[j].low in lex.trend_nouns:
        cand.trend = lex.trend_nouns[toks[j].low]


def _points_follow(ctx: _Context, cand: _Cand) -> bool:
    """An index's points written after the number: "closed down 339.68 points"."""
    j = cand.end
    return j < len(ctx.toks) and ctx.joined(j) and ctx.toks[j].low in ("points", "point", "pts")


def _carry_trends(ctx: _Context, cands: Sequence[_Cand]) -> None:
    """A change restated in another unit after ", or" is the same change: "fell 80 cents, or
    4.19 per cent", "down 339.68 points, or 1.43 percent"."""
    toks = ctx.toks
    for first, second in zip(cands, cands[1:], strict=False):
        if second.trend is not None or first.trend is None:
            continue
        between = [t.low for t in toks[first.end:second.start]]
        if between[:1] in (["points"], ["point"], ["pts"]):
            between = between[1:]  # "339.68 points, or 1.43 percent"
        if between in (["or"], [",", "or"]) and ctx.joined(second.start) and \
                all(ctx.joined(m) for m in range(first.end, second.start)):
            second.trend = first.trend


def _percent_follows(ctx: _Context, cand: _Cand) -> bool:
    """A per cent sign or word within the next few tokens: "down 9-10%"."""
    return any(tok.low in ("%", "percent", "pct") or tok.low == "per"
               for tok in ctx.toks[cand.end:cand.end + 3])
