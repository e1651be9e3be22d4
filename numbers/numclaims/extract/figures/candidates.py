"""Candidates: every numeral in the text, before looking at what surrounds it (digits, words,
fractions, vague amounts, multiples, ratios, decades of life)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .grammar import (
    _cardinal,
    _clause_ends,
    _Context,
    _fraction,
    _is_compound_adjective,
    _letter_follows,
    _ordinal_prefix,
    _simple_fraction,
    _street_name_at,
)
from .language import (
    _A,
    _AND,
    _DIGIT,
    _FRAC,
    _HYPHEN,
    _MULT,
    _ORD,
    _POINT,
    _SCALE,
    _TEEN,
    _TENS,
    _UNIT,
)
from .record import _Cand
from .tokens import _Tok, _vulgar_fraction
from .units import _currency_before, _unit_at

# The most tokens one numeral spans: "nine hundred and ninety-nine thousand nine hundred and
# ninety-nine millionths" is 16. Looking no further for the ordinal that ends a number keeps a
# line of 100,000 numbers ("1 2 3 4 …") linear.
MAX_NUMBER_TOKENS = 24


def _find_numerals(ctx: _Context) -> list[_Cand]:
    """Every numeral in the text, left to right, before looking at what surrounds it."""
    cands: list[_Cand] = []
    starters, fold = ctx.lex.starters, ctx.lex.fold
    k = 0
    while k < len(ctx.toks):
        tok = ctx.toks[k]
        if k in ctx.excluded or not (tok.kind == "num" or tok.low in starters or
                                     tok.low.endswith(fold)):
            k += 1
            continue
        cand = (_life_decade_at(ctx, k) or _elapsed_time_at(ctx, k) or _vague_at(ctx, k)
                or _multiple_word_at(ctx, k) or _number_at(ctx, k) or _article_unit_at(ctx, k))
        if cand is None:
            k += 1
            continue
        cand = _and_a_fraction(ctx, _ratio_or_multiple(ctx, cand))
        cands.append(cand)
        k = cand.j
    return cands


def _life_decade_at(ctx: _Context, k: int) -> _Cand | None:
    """ "in her 80s", "in his twenties", "in their early 30s": an age by decade of life."""
    toks, lex = ctx.toks, ctx.lex
    tok, j = toks[k], k + 1
    bounds = lex.life_decades.get(tok.low) if tok.kind == "word" else None
    if tok.kind == "num" and re.fullmatch(r"\d+0", tok.text):
        m = k + 1
        if m < len(toks) and toks[m].fused and toks[m].low == "'":
            m += 1  # "80's"
        if m < len(toks) and toks[m].fused and toks[m].low == "s":
            bounds = next((b for b in lex.life_decades.values() if b[0] == tok.value), None)
            j = m + 1
    if bounds is None:
        return None
    lower, upper = bounds
    start = k - 1 if k > 0 and toks[k].fused and toks[k - 1].low in ("-", "‐") else k
    part = lex.life_parts.get(toks[start - 1].low) if start > 0 and ctx.joined(start) else None
    if part is not None:
        start -= 1
        tens = lower - lower % 10
        low, high = tens + part[0], tens + part[1]
        shift = max(0.0, lower - low)  # "early teens" starts at thirteen
        lower, upper = low + shift, min(high + shift, upper)
    elif start != k:
        return None
    opener = lex.life_openers.backward(toks, start)
    if opener is None or not ctx.joined(start):
        return None
    return _Cand(k, j, None, lower=lower, upper=upper, vague=True, spelled=True,
                 unit=lex.age_unit, unit_within=True, age=True, lead=k - opener[1])


def _elapsed_time_at(ctx: _Context, k: int) -> _Cand | None:
    """ "finished in 2:54:46", "a winning time of 2:00:35.2": hours, minutes and seconds, a
    time taken in seconds; a time of day has no seconds in news copy ("at 10:30")."""
    toks = ctx.toks
    if k + 4 >= len(toks) or not re.fullmatch(r"\d{1,2}", toks[k].text):
        return None
    parts = toks[k : k + 5]
    if not all(tok.fused for tok in parts[1:]) or parts[1].low != ":" or parts[3].low != ":" \
            or not re.fullmatch(r"[0-5]\d", parts[2].text) or \
            not re.fullmatch(r"[0-5]\d(?:\.\d+)?", parts[4].text):
        return None
    if k + 5 < len(toks) and toks[k + 5].fused and toks[k + 5].low in (":", "/"):
        return None  # "1:2:3:4" is no time
    seconds = int(parts[0].text) * 3600 + int(parts[2].text) * 60 + float(parts[4].text)
    return _Cand(k, k + 5, seconds, unit=ctx.lex.second_unit, unit_within=True)


def _article_unit_at(ctx: _Context, k: int) -> _Cand | None:
    """ "an hour", "a decade": "a" as one before a unit written as a word. Whether it is a
    figure depends on the words around it (:func:`_article_is_quantity`)."""
    toks = ctx.toks
    if toks[k].low not in ("a", "an") or toks[k].fused or not ctx.joined(k + 1):
        return None
    cand = _Cand(k, k + 1, 1.0, spelled=True, article=True)
    unit = _unit_at(ctx, k + 1, len(toks), cand)
    if unit is None or not all(tok.kind == "word" and tok.text.islower()
                               for tok in toks[k + 1:unit[1]]):
        return None
    return cand


def _and_a_fraction(ctx: _Context, cand: _Cand) -> _Cand:
    """ "a year and a half", "two hours and a quarter": the fraction after the unit adds to the
    number, and the unit is written inside the figure."""
    toks = ctx.toks
    if cand.kind != "count" or cand.vague or cand.value is None or \
            not float(cand.value).is_integer() or not ctx.joined(cand.j):
        return cand
    unit = _unit_at(ctx, cand.j, len(toks), cand)
    if unit is None:
        return cand
    k = unit[1]
    if k + 2 >= len(toks) or toks[k].low != "and" or not ctx.joined(k):
        return cand
    for q in range(k + 2, min(k + 4, len(toks))):
        if not ctx.joined(q):
            break
        if ctx.type(q) not in (_ORD, _FRAC):
            continue
        frac = _simple_fraction(ctx, k + 1, q)
        after = toks[frac.end].low if frac is not None and frac.end < len(toks) else ""
        if frac is not None and frac.value < 1 and after != "of" and \
                ctx.type(frac.end) not in (_MULT, _SCALE):
            cand.value += frac.value
            cand.unit, cand.unit_within, cand.j = unit[0], True, frac.end
        break
    return cand


def _vague_at(ctx: _Context, k: int) -> _Cand | None:
    match = ctx.lex.vague.forward(ctx.toks, k)
    if match is None:
        return None
    vague, j = match
    lower, upper = vague.lower, vague.upper
    toks = ctx.toks
    if vague.needs_of and not (j < len(toks) and toks[j].low == "of"):
        return None
    if vague.times_scale:
        m = j + 1 if j < len(toks) and toks[j].low == "of" and ctx.type(j + 1) in (
            _MULT, _SCALE) else j
        while m < len(toks) and ctx.joined(m) and ctx.type(m) in (_MULT, _SCALE):
            factor = ctx.atoms[m][1]  # type: ignore[index]
            lower, upper, m, j = lower * factor, upper * factor, m + 1, m + 1
    while vague.of_scale and j + 1 < len(toks) and toks[j].low == "of":
        chained = ctx.lex.vague.forward(toks, j + 1)
        if chained is None or not chained[0].of_scale:
            break
        lower, upper, j = lower * chained[0].lower, upper * chained[0].lower, chained[1]
    # "millions of pounds" is money as "5 million pounds" is (units.toml [prefer_with_scale])
    scale = lower if lower >= 1e3 else 1.0
    return _Cand(k, j, None, lower=lower, upper=upper, vague=True, spelled=True, scale=scale)


def _multiple_word_at(ctx: _Context, k: int) -> _Cand | None:
    """ "twice as many", "double the", "threefold"."""
    tok = ctx.toks[k]
    multiple = ctx.lex.multiples.get(tok.low)
    nxt = ctx.toks[k + 1].low if k + 1 < len(ctx.toks) and ctx.joined(k + 1) else ""
    if multiple and nxt in multiple[1]:
        return _Cand(k, k + 1, multiple[0], kind="multiple", spelled=True)
    fold = ctx.lex.fold
    if tok.kind == "word" and tok.low.endswith(fold) and len(tok.low) > len(fold):
        atom = ctx.lex.atoms.get(tok.low[: -len(fold)].rstrip("-"))
        if atom and atom[0] in (_UNIT, _TEEN, _TENS, _MULT):
            return _Cand(k, k + 1, atom[1], kind="multiple", spelled=True)
    return None


def _number_at(ctx: _Context, k: int) -> _Cand | None:
    kind = ctx.type(k)
    if kind is None or kind in (_AND, _HYPHEN, _POINT, _ORD):
        return None
    if kind == _DIGIT:
        special = _digits_at(ctx, k)
        if special is not None or k in ctx.excluded:
            return special
    if kind == _FRAC:
        return _half_at(ctx, k) if not ctx.lex.ordinals[ctx.toks[k].low][1] else None
    if kind in (_MULT, _SCALE) and _is_compound_adjective(ctx, k + 1):
        value = ctx.atoms[k][1]  # type: ignore[index]
        return _Cand(k, k + 1, value, spelled=True, scale=value)  # "billion-dollar deals"
    q, last = k, min(len(ctx.toks), k + MAX_NUMBER_TOKENS) - 1
    while q < last and ctx.joined(q + 1) and ctx.type(q + 1) is not None:
        q += 1
        if ctx.type(q) in (_ORD, _FRAC):
            return _words_with_ordinal(ctx, k, q)
    return _words_at(ctx, k)


def _words_at(ctx: _Context, k: int, stop: int | None = None) -> _Cand | None:
    card = _cardinal(ctx, k, stop)
    if card is None:
        return None
    if ctx.toks[k].low in ("a", "an") and _is_compound_adjective(ctx, card.end):
        k += 1  # "a billion-dollar deal": the article belongs to the deal
    plain = card.end == k + 1 and re.fullmatch(r"\d{4}", ctx.toks[k].text) is not None
    return _Cand(k, card.end, card.value, spelled=card.spelled, scale=card.scale,
                 plain_year=plain)


def _words_with_ordinal(ctx: _Context, k: int, q: int) -> _Cand | None:
    """A number ending in an ordinal word: a fraction ("two-thirds"), else an ordinal."""
    frac = _fraction(ctx, k, q)
    if frac is not None and frac.singular and frac.whole is None and \
            not _fraction_context(ctx, q + 1) and not _changed_by(ctx, k):
        frac = None
    if frac is None:
        prefix = _ordinal_prefix(ctx, k, q)
        ctx.excluded.update(range(prefix if prefix is not None else q, q + 1))
        return _words_at(ctx, k, prefix if prefix is not None else q)
    value, j, kind = frac.value, frac.end, "fraction"
    scale_factor, j2 = _scale_after(ctx, j)
    if frac.whole is not None:
        whole = frac.whole
        kind = "count"
        if scale_factor and whole.total and not whole.group and scale_factor < whole.last_scale:
            value, j = whole.total + frac.value * scale_factor, j2
        elif scale_factor and not whole.total:
            value, j = (whole.value + frac.value) * scale_factor, j2
        elif whole.total and not whole.group:
            value = whole.total + frac.value * whole.last_scale
        else:
            value = whole.value + frac.value
    elif scale_factor:
        value, j, kind = value * scale_factor, j2, "count"
    elif _counts_periods(ctx, k, q):
        return _words_at(ctx, k, q)
    return _Cand(k, j, value, kind=kind, spelled=True, scale=scale_factor or 1.0)


def _fraction_context(ctx: _Context, j: int) -> bool:
    """After "a third"/"one fifth": a fraction only before "of", a scale, a point ("a
    quarter-point hike") or the clause's end."""
    if j >= len(ctx.toks) or not ctx.joined(j):
        return True
    tok = ctx.toks[j]
    if tok.low in ("-", "‐") and j + 1 < len(ctx.toks) and ctx.toks[j + 1].low == "point":
        return True
    return tok.low in ("of", "and", "point") or ctx.type(j) in (_MULT, _SCALE) or (
        tok.kind == "punct" and tok.low not in ("-", "‐"))


def _changed_by(ctx: _Context, k: int) -> bool:
    """ "risen by a quarter to 12,480": a fraction after a change verb and "by" is the change."""
    toks = ctx.toks
    return k >= 2 and toks[k - 1].low == "by" and toks[k - 2].low in ctx.lex.trend_verbs and \
        ctx.joined(k) and ctx.joined(k - 1)


def _counts_periods(ctx: _Context, k: int, q: int) -> bool:
    """ "the last two quarters" counts quarters of a year; it is not a fraction."""
    if ctx.type(q) != _FRAC or k == 0:
        return False
    return ctx.toks[k - 1].low in ctx.lex.periods_before


def _scale_after(ctx: _Context, j: int) -> tuple[float, int]:
    """A scale word after a fraction: "half million", "two thirds of a million"."""
    toks = ctx.toks
    if j < len(toks) and ctx.joined(j) and ctx.type(j) == _SCALE:
        return ctx.atoms[j][1], j + 1  # type: ignore[index]
    if j + 2 < len(toks) and toks[j].low == "of" and ctx.type(j + 1) == _A and \
            ctx.type(j + 2) == _SCALE and ctx.joined(j + 2):
        return ctx.atoms[j + 2][1], j + 3  # type: ignore[index]
    return 0.0, j


def _half_at(ctx: _Context, k: int) -> _Cand | None:
    """ "half", "half a dozen", "half a million", "quarter million"."""
    toks = ctx.toks
    share = 1 / ctx.atoms[k][1]  # type: ignore[index]
    nxt = ctx.type(k + 1) if ctx.joined(k + 1) else None
    if nxt == _A and ctx.type(k + 2) in (_MULT, _SCALE) and ctx.joined(k + 2):
        return _Cand(k, k + 3, share * ctx.atoms[k + 2][1], spelled=True)  # type: ignore[index]
    if nxt == _SCALE:
        return _Cand(k, k + 2, share * ctx.atoms[k + 1][1], spelled=True)  # type: ignore[index]
    if toks[k].low != "half":
        return None
    if nxt == _A and _article_unit_at(ctx, k + 1) is not None:
        return _Cand(k, k + 2, 0.5, spelled=True)  # "half an hour": the unit attaches after
    return _Cand(k, k + 1, 0.5, kind="fraction", spelled=True, half=True)


def _digits_at(ctx: _Context, k: int) -> _Cand | None:
    """Numerals the word grammar does not cover: "3/4", "2½", "½", "10k", "$3bn", "1.2b"."""
    toks, lex = ctx.toks, ctx.lex
    tok = toks[k]
    assert tok.value is not None
    slash = _slash_fraction(ctx, k)
    if slash is not None or k in ctx.excluded:
        return slash
    nxt = toks[k + 1] if k + 1 < len(toks) and ctx.joined(k + 1) else None
    if _vulgar_fraction(tok.text) is not None:
        return _Cand(k, k + 1, tok.value, kind="fraction")
    if nxt is not None and nxt.fused and _vulgar_fraction(nxt.text) is not None:
        return _Cand(k, k + 2, tok.value + (nxt.value or 0.0))  # "2½"
    if nxt is not None and nxt.kind == "word":
        factor = lex.abbreviations.get(nxt.text) or (
            nxt.fused and not _house_number(ctx, k) and lex.fused_abbreviations.get(nxt.text))
        if factor and not _letter_follows(ctx, k + 2):
            return _Cand(k, k + 2, tok.value * factor, scale=factor)
    return None


def _house_number(ctx: _Context, k: int) -> bool:
    """ "221B Baker Street": a fused scale letter ("2.1B", "$2B", "2B users" are billions) that is
    part of a house number, a whole number with no currency before a street's name."""
    return re.fullmatch(r"\d+", ctx.toks[k].text) is not None and \
        _currency_before(ctx, k, 0) is None and _street_name_at(ctx, k + 2)


def _slash_fraction(ctx: _Context, k: int) -> _Cand | None:
    """ "3/4", "2 1/4", "-4/5"; other slashed numbers (dates, "24/7", "9/11") are left out."""
    toks = ctx.toks
    whole = 0.0
    start = k
    if _slashed(toks, k + 1) and toks[k].value is not None:
        num_at = k
    elif (k + 1 < len(toks) and toks[k + 1].kind == "num" and not toks[k + 1].fused
          and ctx.joined(k + 1) and _slashed(toks, k + 2) and re.fullmatch(r"\d+", toks[k].text)):
        num_at, whole = k + 1, float(toks[k].text)
    else:
        return None
    numerator, denominator = toks[num_at].value, toks[num_at + 2].value
    chained = _slashed(toks, num_at + 3) or (num_at > 0 and toks[num_at].fused and
                                           toks[num_at - 1].low == "/")
    valid = (not chained and numerator is not None and denominator is not None
             and float(numerator).is_integer() and float(denominator).is_integer()
             and int(denominator) in ctx.lex.slash_denominators and 0 < numerator < denominator)
    if not valid:
        if num_at == k:  # "24/7", "9/11", "5/17/2018": none of it is a quantity
            end = num_at + 3
            while _slashed(toks, end):
                end += 2
            ctx.excluded.update(range(k, end))
        return None
    assert numerator is not None and denominator is not None
    value = whole + numerator / denominator
    return _Cand(start, num_at + 3, value, kind="count" if whole else "fraction")


def _slashed(toks: Sequence[_Tok], k: int) -> bool:
    return (k + 1 < len(toks) and toks[k].low == "/" and toks[k].fused
            and toks[k + 1].kind == "num" and toks[k + 1].fused)


def _ratio_or_multiple(ctx: _Context, cand: _Cand) -> _Cand:
    """ "one in five", "2 out of 3", "one over three"; "three times as many", "3-fold"."""
    toks, lex, j = ctx.toks, ctx.lex, cand.j
    if cand.vague or cand.kind != "count" or j >= len(toks) or not ctx.joined(j):
        return cand
    if toks[j].low == "times" and j + 1 < len(toks) and toks[j + 1].low in lex.times_after:
        cand.kind, cand.j = "multiple", j + 1
        return cand
    if toks[j].low in ("-", lex.fold) and (toks[j].low == lex.fold or (
            j + 1 < len(toks) and toks[j + 1].low == lex.fold and toks[j + 1].fused)):
        cand.kind, cand.j = "multiple", j + 1 if toks[j].low == lex.fold else j + 2
        return cand
    ratio = lex.ratio_words.forward(toks, j)
    if ratio is not None and toks[j].low == "of" and cand.value != 1:
        ratio = None  # "one of four engines" is a share; "shot down 29 of 31 missiles" two counts
    over = toks[j].low in lex.over_words
    if ratio is None and not over:
        return cand
    y_at = ratio[1] if ratio else j + 1
    if y_at >= len(toks) or not ctx.joined(y_at) or ctx.type(y_at) is None:
        return cand
    other = _number_at(ctx, y_at)
    if other is None or other.kind != "count" or other.value is None or cand.value is None:
        return cand
    if other.plain_year or not other.value:
        return cand
    if over and not _clause_ends(ctx, other.j):
        return cand
    if ratio and not cand.value < other.value:
        return cand
    if ratio and other.j < len(toks) and _unit_at(ctx, other.j, len(toks), other):
        return cand  # "5 in 10 days", "1 in 5%": a count and a measure, not a ratio
    return _Cand(cand.i, other.j, cand.value / other.value, kind="ratio",
                 spelled=cand.spelled or other.spelled)
