"""Ranges and bounds: two numbers joined into one figure ("between 20 and 30", "5-10%")."""

from __future__ import annotations

from .attachment import _attach_rate
from .exclusions import _is_tally
from .grammar import _Context
from .language import _LOWER_SIGNS, _TEEN, _TENS, _UNIT, _UPPER_SIGNS, _contiguous
from .record import _Cand


def _join_ranges(ctx: _Context, cands: list[_Cand]) -> list[_Cand]:
    """ "between 20 and 30", "from 5 to 10", "5-10%", "two or three": one figure each."""
    out: list[_Cand] = []
    n = 0
    while n < len(cands):
        first = cands[n]
        second = cands[n + 1] if n + 1 < len(cands) else None
        joined = _range_phrase(ctx, first, second) if second is not None else None
        if second is not None and _is_tally(ctx, first, second):
            n += 2  # "a 5-4 ruling", "a 3-1 win": a vote or a score, not two quantities
            continue
        if second is not None and joined is not None and _joinable(first, second):
            phrase, opener = joined
            first.start -= opener
            qualified = first.qualifier_phrase
            first.range_with = second
            first.range_phrase = f"{qualified} … {phrase}" if qualified else phrase
            if first.money and not second.money:  # "Rs 5.50-10.60 per kg": the rate after
                # the second number is the range's
                beyond = cands[n + 2] if n + 2 < len(cands) else None
                _attach_rate(ctx, second, beyond.i - beyond.lead if beyond else len(ctx.toks))
                first.unit = second.unit
            n += 2
        elif second is not None and _bounds_join(ctx, first, second):
            first.bound_with = second
            n += 2
        else:
            if second is not None:
                _share_unit(ctx, first, second)
            n += 1
        out.append(first)
    return out


def _share_unit(ctx: _Context, first: _Cand, second: _Cand) -> None:
    """ "52 to 48 percent", "fell from 10 to 5 percent": the unit written once, after the second
    number, is the unit of both, though they make no range."""
    if first.unit is not None or second.unit is None or first.vague or second.vague:
        return
    if first.kind != "count" or first.scale != second.scale or second.money:
        return
    between = ctx.toks[first.end:second.start]
    if len(between) == 1 and between[0].low in ctx.lex.range_connectors and \
            _contiguous(ctx.toks, first.start, second.end):
        first.unit = second.unit


def _range_phrase(ctx: _Context, first: _Cand, second: _Cand) -> tuple[str, int] | None:
    """The words joining two numbers into a range, and whether an opener ("between") precedes."""
    toks, lex = ctx.toks, ctx.lex
    between = [t.low for t in toks[first.end:second.start]]
    if len(between) != 1 or not _contiguous(toks, first.start, second.end):
        return None
    connector = between[0]
    if first.qualifier is not None and first.qualifier.sign != "~":
        return None
    if second.qualifier is not None or first.suffix is not None:
        return None
    opener = toks[first.start - 1].low if first.start > 0 and ctx.joined(first.start) else ""
    for first_word, leads in lex.range_lead_ins.items():  # "between the ages of 18 and 55"
        for lead in leads:
            start = first.start - len(lead) - 1
            written = tuple(t.low for t in toks[max(0, start):first.start])
            if start >= 0 and written == (first_word, *lead) and connector == "and" and \
                    _contiguous(toks, start, second.end):
                return f"{' '.join(written)} … {toks[first.end].text}", len(written)
    if opener in lex.range_first and connector in lex.range_first[opener]:
        if opener == "from" and _changed_from(ctx, first.start - 1):
            return None  # "rose from 5% to 10%", "lifting the millage from 8.06 to 9.67": two
            # levels, not a range
        return f"{opener} … {toks[first.end].text}", 1
    if connector not in lex.range_bare:
        return None
    if first.after_trend_verb and connector not in ("-", "–") and (
            first.unit is not None or second.unit is None):
        return None  # "rose 5% to 10%" is a change and a level; "losing $12-14 million" a range
    if connector == "or" and first.spelled != second.spelled:
        return None
    words = (_UNIT, _TEEN, _TENS)
    if connector in ("-", "–", "~") and (ctx.type(first.end - 1) in words or
                                         ctx.type(second.start) in words):
        return None  # "a one-two punch"
    return toks[first.end].text, 0


def _changed_from(ctx: _Context, at: int) -> bool:
    """Whether the "from" at token ``at`` follows a verb of change in its clause, at most four
    words back: then "from X to Y" gives the two levels of a change, not a range."""
    toks = ctx.toks
    for k in range(at - 1, max(-1, at - 6), -1):
        tok = toks[k]
        if tok.kind != "word" or not ctx.joined(k + 1):
            return False
        if tok.low in ctx.lex.trend_verbs or tok.low in ctx.lex.change_verbs:
            return True
    return False


def _joinable(first: _Cand, second: _Cand) -> bool:
    if first.vague or second.vague or first.value is None or second.value is None:
        return False
    # "15 to 30 times more likely", "two or three times as many": both ends are multiples
    multiples = first.kind == "count" and second.kind == "multiple" and first.unit is None and \
        first.scale == 1 and first.value < second.value
    if multiples:
        first.kind = "multiple"
        return True
    if first.kind not in ("count", "fraction") or second.kind != first.kind:
        return False
    if first.unit and second.unit and first.unit != second.unit and \
            not second.unit.name.startswith(f"{first.unit.name} per "):
        return False  # but "$35 to $45 a year" is one range of a rate
    if first.unit and not second.unit and not first.money:
        return False  # "rose by 4% to 50,510": a change and a level, not a range
    low, high = first.value, second.value
    if first.scale == 1 and second.scale > 1 and low < high / second.scale:
        low *= second.scale
    if not low < high:
        return False
    if low != first.value:
        first.value, first.scale = low, second.scale
    unit = second.unit or first.unit  # the rate written once after the second: "a year"
    first.unit = second.unit = unit
    return True


def _bounds_join(ctx: _Context, first: _Cand, second: _Cand) -> bool:
    """ "more than 10 and less than 40", "at most 100 and at least 20": one range."""
    a, b = _sign(first), _sign(second)
    if not a or not b or first.value is None or second.value is None:
        return False
    if not ((a in _LOWER_SIGNS and b in _UPPER_SIGNS) or (a in _UPPER_SIGNS and b in _LOWER_SIGNS)):
        return False
    joiner = ctx.lex.bound_joiners.forward(ctx.toks, first.end)
    if joiner is None or joiner[1] != second.start:
        return False
    low, high = (first.value, second.value) if a in _LOWER_SIGNS else (second.value, first.value)
    meets = low < high or (low == high and a.endswith("=") and b.endswith("="))
    return meets and (first.unit == second.unit or not first.unit or not second.unit)


def _sign(cand: _Cand) -> str | None:
    qualifier = cand.suffix or cand.qualifier
    return qualifier.sign if qualifier else None
