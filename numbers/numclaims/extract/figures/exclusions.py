"""What is not a quantity: dates, years, clock times, identifiers, labels, addresses, phone
numbers, sports results, model numbers, names that are measures, "one" as a pronoun."""

from __future__ import annotations

import re

from .grammar import (
    _clause_ends,
    _Context,
    _counts_noun_at,
    _dash_between,
    _dash_joined,
    _is_compound_adjective,
    _letter_follows,
    _sentence_start,
    _street_name_at,
    _title_line,
)
from .language import _SCALE, _contiguous
from .record import _Cand

_BLOCKED_RE = re.compile(
    r"""
    https?://\S+ | www\.\S+ | [^\s@]{1,64}@[\w-]+(?:\.[\w-]+)+            # URLs, e-mail
  | \+\d[\d\s().\/-]{6,}\d                                                  # +1-222-2222/2222
  | (?:\b1[\s.-])?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b                      # 1-800-273-8255
  | 0(?<![\w.,]0)\d{2,4}(?:[\u0020\u00a0-]\d{3,4}){1,3}\b                       # 0800 555 111
  | \b\d{1,4}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{2,4}\b                          # 5/17/2018
  | \b(?:1[89]|20)\d\d[-–/](?:\d\d)\b(?![-–/.,]?\d)                         # 2022-23, 1995-01
  | \b(?:1[89]|20)\d\d\s?[-–]\s?(?:1[89]|20)\d\d\b                          # 2019-2022
  | \b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[aApP]\.?[mM]\b\.?)?                    # 06:46 PM
  | \b\d{1,2}\.\d{2}\s?[aApP]\.?[mM]\b\.?                                  # 10.30am
  | \b\d{1,2}\s?(?:[aApP]\.[mM]\.|[aApP][mM]\b)                             # 9am, 9 p.m.
  | (?m:^[\u0020\t]*(?:[A-Z][a-z]+[\u0020\t]+)?\d{1,3}[\u0020\t]+of[\u0020\t]+\d{1,3}
        (?=[\u0020\t]*(?:[:|)\u2013\u2014-]|$)))                                 # Photo 3 of 12:
  | \b(?:0|zero)\s?(?:[-–]\s?)?(?:to\s?)?(?:[-–]\s?)?(?:60|62|100)\s?-?\s?
        (?:mph|km/h|kmh|kph|sprint|time|times|dash|run)\b                      # 0-to-60-mph,
  | \b(?:0|zero)\s?[-–]\s?(?:60|62|100)\b(?=\s+in\s+\d)                    # 0-60 in 4.5s
  | (?-i:\b(?:A\.D\.|AD|B\.C\.E?|BCE?|C\.E\.|CE)\s?\d{1,4}\b)                 # A.D. 1000
  | (?-i:\b\d{1,4}\s?(?:A\.D\.|AD\b|B\.C\.E?|BCE?\b|C\.E\.|CE\b))            # 300 BC
    """,
    re.VERBOSE,
)


def _block_spans(ctx: _Context) -> None:
    """Leave out the tokens of URLs, phone numbers, numeric dates, clock times, years of an era
    ("A.D. 1000", "300 BC") and the names of acceleration tests ("0-60 mph")."""
    spans = [m.span() for m in _BLOCKED_RE.finditer(ctx.text)
             if not _elapsed_time(ctx.text, *m.span())]
    k = 0
    for start, end in spans:
        while k < len(ctx.toks) and ctx.toks[k].start < start:
            k += 1
        while k < len(ctx.toks) and ctx.toks[k].start < end:
            ctx.excluded.add(k)
            k += 1


_ELAPSED_RE = re.compile(r"\d{1,2}:[0-5]\d:[0-5]\d(?:\.\d+)?")
_WORD_BEFORE_RE = re.compile(r"[a-z]+[\u0020\u00a0]+\Z")
_ZONE_AFTER_RE = re.compile(r"[\u0020\u00a0]?(?:[aApP]\.?[mM]\b|[A-Z]{2,4}\b)")


def _elapsed_time(text: str, start: int, end: int) -> bool:
    """Whether a clock-like span is a time taken ("finished in 2:54:46"): hours, minutes and
    seconds after a word, with no time zone or am/pm after; a timestamp ("20 Nov, 2022
    07:28:15 GMT") stays out."""
    return _ELAPSED_RE.fullmatch(text, start, end) is not None and \
        _WORD_BEFORE_RE.search(text, max(0, start - 30), start) is not None and \
        _ZONE_AFTER_RE.match(text, end) is None


def _is_excluded(ctx: _Context, cand: _Cand) -> bool:
    return (
        cand.i in ctx.excluded  # the rest of a model's name ("737 Max 9")
        or _is_identifier(ctx, cand)
        or _is_marker(ctx, cand)
        or _is_date(ctx, cand)
        or _is_clock_time(ctx, cand)
        or _is_year(ctx, cand)
        or _is_label(ctx, cand)
        or _is_address(ctx, cand)
        or _is_phone_number(ctx, cand)
        or _is_sports_result(ctx, cand)
        or _is_name_measure(ctx, cand)
        or _is_pronoun_one(ctx, cand)
        or _is_time_reference(ctx, cand)
        or _is_rate_base(ctx, cand)
        or _is_model_number(ctx, cand)
        or (cand.half and not _half_is_quantity(ctx, cand))
        or (cand.article and not _article_is_quantity(ctx, cand))
    )


#: Seismologists' magnitude scales, written fused before a magnitude: "M7.1", "Mw6.8".
_MAGNITUDE_SCALES = frozenset({"M", "Mw", "ML", "Ms", "Mb"})


def _is_identifier(ctx: _Context, cand: _Cand) -> bool:
    """ "MH17", "G7", "Shahed-136", "COVID-19", "5G", "1st", "1990s": not quantities."""
    toks, i = ctx.toks, cand.i
    if toks[i].kind == "num" and toks[i].fused and cand.start == i:
        before = toks[i - 1]
        if before.text in _MAGNITUDE_SCALES and "." in toks[i].text and \
                cand.value is not None and 1 <= cand.value < 10:
            return False  # "the M7.1 quake", "an Mw 6.8 tremor": a magnitude
        if before.kind == "word" or before.low in ("#", "№"):
            return True
        if before.low in ("-", "‐") and i >= 2 and before.fused and toks[i - 2].kind == "word" \
                and not (i >= 3 and toks[i - 2].fused and toks[i - 3].kind == "num") \
                and toks[i - 2].low not in ctx.lex.measure_prefixes:
            return True  # "Shahed-136", but not the "20k" of "5k-20k" nor "magnitude-7.8"
    j = cand.number_end
    if j < len(toks) and toks[j].fused and cand.end == j and toks[cand.j - 1].kind == "num":
        after = toks[j]
        if after.kind in ("word", "num") or after.low in ("'", "’"):
            return True
    # "0800", "007": no quantity is written with a leading zero; codes and phone numbers are
    return cand.j - cand.i == 1 and re.fullmatch(r"0+[1-9]\d*", toks[i].text) is not None


def _is_address(ctx: _Context, cand: _Cand) -> bool:
    """ "221B Baker Street", "405 East 42nd Street": a house number before a street's name."""
    toks = ctx.toks
    if cand.start != cand.i or cand.unit is not None or toks[cand.i].kind != "num" or \
            cand.j - cand.i != 1 or not re.fullmatch(r"\d+", toks[cand.i].text):
        return False
    j = cand.j
    return _street_name_at(ctx, j + 1 if _letter_follows(ctx, j) and len(toks[j].text) == 1
                           else j)


def _is_phone_number(ctx: _Context, cand: _Cand) -> bool:
    """ "call 999", "dial 911", "contacted on 101": a number to ring, not a quantity."""
    toks = ctx.toks
    if cand.start != cand.i or cand.end != cand.j or cand.j - cand.i != 1 or \
            not re.fullmatch(r"\d{3,}", toks[cand.i].text) or not ctx.joined(cand.i):
        return False
    return ctx.lex.phone_words.backward(toks, cand.i) is not None and \
        not _counts_noun_at(ctx, cand.j)


def _is_sports_result(ctx: _Context, cand: _Cand) -> bool:
    """ "22 under par", "five strokes clear", "won by three shots": a score or a winning margin."""
    toks, lex = ctx.toks, ctx.lex
    if cand.vague or cand.money or cand.qualifier is not None or not ctx.joined(cand.j):
        return False
    if lex.scores_after.forward(toks, cand.j) is not None:
        return True
    return cand.j < len(toks) and toks[cand.j].low in lex.margin_units and ctx.joined(
        cand.start) and lex.margin_before.backward(toks, cand.start) is not None


def _is_name_measure(ctx: _Context, cand: _Cand) -> bool:
    """ "the 10-year Treasury", "155mm shells", "the 1,500m world record": a measure that names a
    kind of bond, gun or race (units.toml [names]), not an amount."""
    unit = cand.unit
    if unit is None or cand.vague or cand.money or cand.qualifier or cand.suffix:
        return False
    names = ctx.lex.unit_names.get(unit.name)
    if names is None or not ctx.joined(cand.end) or names.forward(ctx.toks, cand.end) is None:
        return False
    written = ctx.toks[cand.end - 1].low
    return not (unit.dimension == "time" and written.endswith("s"))  # "over 10 years, debt"


def _is_marker(ctx: _Context, cand: _Cand) -> bool:
    """A list number at the start of a line ("2. The talks...") or a reference ("[3]")."""
    toks, i, j = ctx.toks, cand.i, cand.end
    if cand.start != i or j != i + 1 or toks[i].kind != "num" or j >= len(toks):
        return False
    closing = toks[j].fused and toks[j].low in (".", ")") and j + 1 < len(toks) and \
        not toks[j + 1].fused and not toks[j + 1].newline
    if closing and (i == 0 or toks[i].newline):
        return True
    return i > 0 and toks[i - 1].low == "[" and toks[i].fused and toks[j].low == "]" and \
        toks[j].fused


def _is_date(ctx: _Context, cand: _Cand) -> bool:
    """A day next to a month name: "Feb. 5", "7 February", "Feb. 5-7", "5-7 May"."""
    if cand.vague or cand.unit is not None or cand.spelled or cand.qualifier or cand.money:
        return False
    if cand.value is None or not float(cand.value).is_integer() or cand.j - cand.i != 1:
        return False
    i = cand.i
    if _month_before(ctx, i) or (_dash_between(ctx, i - 1) and _month_before(ctx, i - 2)):
        return True
    if cand.value > 31:
        return False
    if _day_range_end(ctx, i):
        return True
    if _month_after(ctx, i + 1) or (_dash_between(ctx, i + 1) and _month_after(ctx, i + 3)):
        return True
    return _day_range_start(ctx, i)


def _day_range_start(ctx: _Context, i: int) -> bool:
    """The first day of "between 6 and 9 June", "from 21 to 31 December"."""
    toks = ctx.toks
    last = i + 2
    return last + 1 < len(toks) and toks[i + 1].low in ("to", "through", "and", "until") and \
        toks[last].kind == "num" and toks[last].text.isdigit() and int(toks[last].text) <= 31 \
        and ctx.joined(last) and _month_after(ctx, last + 1)


def _day_range_end(ctx: _Context, i: int) -> bool:
    """The second day of "June 6 to 9", "between June 6 and 9", "on February 7 and 11",
    "from May 3 through 5"."""
    toks = ctx.toks
    if i < 2 or not (ctx.joined(i) and ctx.joined(i - 1)) or toks[i - 2].kind != "num" or \
            not _month_before(ctx, i - 2):
        return False
    connector = toks[i - 1].low
    if connector in ("to", "through", "until", "till", "-", "–", "and", "or", "&", ","):
        # "June 6 to 9", "on February 7 and 11"; not "on June 6 to 9 people"
        return not _counts_noun_at(ctx, i + 1)
    month = i - 4 if toks[i - 3].low == "." else i - 3
    opener = toks[month - 1].low if month > 0 and ctx.joined(month) else ""
    return connector in ctx.lex.range_first.get(opener, ())


def _month_before(ctx: _Context, k: int) -> bool:
    """A month name ends just before token ``k``: "Feb. 5", "July 15"."""
    if not ctx.joined(k):
        return False
    before = k - 2 if k >= 2 and ctx.toks[k - 1].low == "." else k - 1
    return _is_month(ctx, before)


def _month_after(ctx: _Context, k: int) -> bool:
    return k < len(ctx.toks) and ctx.joined(k) and _is_month(ctx, k)


def _is_month(ctx: _Context, k: int) -> bool:
    if k < 0 or k >= len(ctx.toks):
        return False
    tok = ctx.toks[k]
    return tok.kind == "word" and tok.text[0].isupper() and tok.low in ctx.lex.months


def _is_year(ctx: _Context, cand: _Cand) -> bool:
    if not cand.plain_year or cand.unit or cand.money or cand.suffix or cand.value is None:
        return False
    first, last = ctx.lex.year_span
    if not first <= cand.value <= last:
        return False
    if cand.qualifier is None:
        return True
    j = cand.end
    nxt = ctx.toks[j] if j < len(ctx.toks) and ctx.joined(j) else None
    return not (nxt is not None and nxt.kind == "word" and nxt.text.islower()
                and nxt.low not in ("and", "or", "to", "when", "as", "in", "on"))


def _is_label(ctx: _Context, cand: _Cand) -> bool:
    """ "Article 5", "No. 10", "Boeing 737", "Formula One": a number that names something; one
    with its unit written after it is a quantity ("Iraq 223,000 bpd", "McCain 46 percent")."""
    toks, k = ctx.toks, cand.start
    if cand.vague or cand.qualifier or cand.money or (cand.unit is not None and cand.end > cand.j):
        return False
    if cand.kind == "multiple" or (cand.j < len(toks) and toks[cand.j].low == "times" and
                                   ctx.joined(cand.j)):
        return False  # "won the Champions League three times", "the European Cup five times"
    if cand.scale > 1 or any(ctx.type(m) == _SCALE for m in range(cand.i, cand.j)) or (
            cand.j - cand.i == 1 and re.fullmatch(r"\d{1,3}(?:,\d{3})+", toks[cand.i].text)):
        return False  # "deaths now number 2,960", "Record half a million Israelis protest": no
        # label is written with thousands commas or a scale word
    if _part_of_a_whole_follows(ctx, cand.j):
        return False  # "gave the People's Alliance 321 of the 600 seats"
    if ctx.lex.labels.backward(toks, k) is not None and ctx.joined(k):
        return True
    if cand.spelled and toks[cand.i].text[:1].isupper() and not _sentence_start(ctx, cand.i):
        return not _title_line(ctx, cand.i)
    if k == 0 or not ctx.joined(k) or toks[k].fused:
        return False
    word = toks[k - 1]
    if word.kind != "word" or word.text.islower() or word.low.endswith("'s"):
        return False
    lex = ctx.lex
    if word.low in lex.ordinary_capitalised or word.low in lex.months or \
            word.low in lex.weekdays or word.low in lex.atoms or word.low in lex.trend_verbs:
        return False
    return word.text != "I" and not _title_line(ctx, k) and not _gapped_item(ctx, cand) \
        and not _listed_result(ctx, cand)


#: one item of a list of names and their figures: ": Labour 410, Conservatives 131, …"
_RESULT_ITEM = re.compile(r"(?:^|[:;,]|\band\b)\s*((?:[A-Z][\w'’.-]*\s+){1,3})\d[\d,.]*"
                          r"(?=\s*(?:[,;.]|\band\b|$))")


#: the longest line read as a list of results
_RESULT_LINE = 1000


def _listed_result(ctx: _Context, cand: _Cand) -> bool:
    """A figure in a list of three or more names each with its figure, a breakdown of results
    ("The exit poll in full: Labour 410, Conservatives 131, Liberal Democrats 61"), not a list
    of labels."""
    tok, text = ctx.toks[cand.i], ctx.text
    # bounded work: a line longer than _RESULT_LINE is no list; the search for its ends
    # goes no further than that, however long the text
    line_start = text.rfind("\n", max(0, tok.start - _RESULT_LINE), tok.start) + 1
    line_end = text.find("\n", tok.end, tok.end + _RESULT_LINE + 1)
    if line_end < 0:
        line_end = len(text) if len(text) - tok.end <= _RESULT_LINE else -1
    if (line_start == 0 and tok.start > _RESULT_LINE) or line_end < 0 or \
            line_end - line_start > _RESULT_LINE:
        return False
    line = text[line_start:line_end]
    items = list(_RESULT_ITEM.finditer(line))
    return len(items) >= 3 and any(
        m.start(1) <= tok.start - line_start < m.end() for m in items)


def _part_of_a_whole_follows(ctx: _Context, j: int) -> bool:
    """ "of the 600 seats", "of its 24,000 staff" after a number: it counts a part of them."""
    toks = ctx.toks
    if j + 1 >= len(toks) or toks[j].low != "of" or not ctx.joined(j):
        return False
    k = j + 1
    if toks[k].low not in ("the", "its", "their", "his", "her", "our") or k + 1 >= len(toks):
        return False  # "incident number 1234 of 14 June" is a label and a date
    return toks[k + 1].kind == "num" and ctx.joined(k + 1)


_ITEM_ENDS = frozenset({",", ";", ".", "and", "while", "whereas"})
_ITEM_STARTS = frozenset({",", "and", "of", "while", "whereas", ";"})


def _gapped_item(ctx: _Context, cand: _Cand) -> bool:
    """A place and its figure in a list whose first item says what is counted: "Agadir
    counted 5 deaths, Greater Casablanca 3 and the province of Youssoufia 1" (no label)."""
    toks, k = ctx.toks, cand.start
    if cand.j < len(toks) and ctx.joined(cand.j) and toks[cand.j].low not in _ITEM_ENDS:
        return False
    m = k - 1
    while m >= 0 and ctx.joined(m + 1) and toks[m].kind == "word" and toks[m].text[:1].isupper():
        m -= 1
    if m < 0 or toks[m].low not in _ITEM_STARTS:
        return False
    for n in range(m - 1, max(-1, m - 25), -1):  # back to an earlier figure and its noun
        if not ctx.joined(n + 1) or toks[n].low in (".", ";"):
            return False
        if toks[n].kind == "num":
            noun = toks[n + 1] if n + 1 < len(toks) else None
            if noun is not None and noun.low in _ITEM_ENDS:
                continue  # another item of the list: "Greater Casablanca 3 and …"
            return noun is not None and noun.kind == "word" and noun.text.islower() and \
                noun.low not in _ITEM_STARTS | {"or", "to", "in", "at", "per", "a"}
    return False


def _is_pronoun_one(ctx: _Context, cand: _Cand) -> bool:
    toks = ctx.toks
    if cand.j - cand.i != 1 or toks[cand.i].low != "one":
        return False
    for words, at in ctx.lex.one_idioms:
        start = cand.i - at
        if start < 0 or start + len(words) > len(toks):
            continue
        if all(toks[start + n].low == word for n, word in enumerate(words)) and \
                _contiguous(toks, start, start + len(words)):
            return True
    return False


def _is_time_reference(ctx: _Context, cand: _Cand) -> bool:
    """ "2 years ago", "a week earlier", "1 min read": a point in time or page furniture."""
    if cand.unit is None or cand.unit.dimension != "time" or not ctx.joined(cand.end):
        return False
    if ctx.lex.time_references.forward(ctx.toks, cand.end) is not None:
        return True
    at_end = ctx.lex.time_references_at_end.forward(ctx.toks, cand.end)
    if at_end is not None and _clause_ends(ctx, at_end[1]):
        return True  # "two days before.", but "40 hours after the quake" is a length of time
    return cand.end < len(ctx.toks) and ctx.toks[cand.end].low in ctx.lex.furniture


def _is_clock_time(ctx: _Context, cand: _Cand) -> bool:
    """ "by 1105 GMT", "0930 ET": a time of day written without a colon, before a time zone."""
    toks, k = ctx.toks, cand.j
    digits = toks[cand.i].text
    if cand.j - cand.i != 1 or not digits.isdigit() or len(digits) > 4 or k >= len(toks):
        return False
    zone = toks[k]
    if not ctx.joined(k) or not zone.text.isupper() or zone.low not in ctx.lex.time_zones:
        return False
    hours, minutes = (int(digits[:-2]), int(digits[-2:])) if len(digits) > 2 else (int(digits), 0)
    return hours < 24 and minutes < 60


def _is_rate_base(ctx: _Context, cand: _Cand) -> bool:
    """ "12 cases per 100,000 people": the 100,000 is the base of the rate, not a figure."""
    return cand.start == cand.i and cand.qualifier is None and ctx.joined(cand.start) and \
        ctx.lex.rate_bases.backward(ctx.toks, cand.start) is not None


def _is_model_number(ctx: _Context, cand: _Cand) -> bool:
    """ "the 787 Dreamliner", "its 737 Max 9 jets": a number before a capitalised name is a model.

    A model word (numbers.toml ``model_words``: "Max", "Pro", "Dreamliner") after the number
    makes it a model, with any variant number after the word ("737 Max 9"). Other capitalised
    words make it a model when their last is singular and nothing follows that the number could
    count: "the 787 Dreamliner by mid-2024", but "12 Democrat senators", "5 EU countries", "300
    Americans", "400 Iranian-made drones" and "30 Shahed 136 drones" are counts. Headlines in
    title case are left alone.
    """
    toks, lex = ctx.toks, ctx.lex
    if cand.start != cand.i or cand.end != cand.j or cand.j - cand.i != 1 or cand.vague or \
            not re.fullmatch(r"\d+", toks[cand.i].text) or _title_line(ctx, cand.i):
        return False
    m = cand.j
    if _model_word_at(ctx, m):
        if m + 1 < len(toks) and ctx.joined(m + 1) and re.fullmatch(r"\d+", toks[m + 1].text):
            ctx.excluded.add(m + 1)  # "737 Max 9": the 9 is the model's too
        return True
    names = 0
    while m < len(toks) and ctx.joined(m) and not toks[m].fused and toks[m].kind == "word":
        tok = toks[m]
        if not tok.text[0].isupper() or tok.low in lex.ordinary_capitalised or \
                tok.low in lex.months or tok.low in lex.weekdays:
            break
        names, m = names + 1, m + 1
    if not names or toks[m - 1].text[-1] in "sS" or (m < len(toks) and toks[m].fused):
        return False  # "300 Americans", "400 Iranian-made drones"
    if m < len(toks) and ctx.joined(m) and (toks[m].kind == "num" or
                                            toks[m].low in ("and", "or", "&", ",")):
        return False  # "30 Shahed 136 drones", "12 Labour and 3 Tory MPs"
    return not _counts_noun_at(ctx, m)


def _model_word_at(ctx: _Context, m: int) -> bool:
    """A capitalised model word at token ``m``, written apart from the number before it."""
    if m >= len(ctx.toks) or not ctx.joined(m):
        return False
    tok = ctx.toks[m]
    return not tok.fused and tok.kind == "word" and tok.text[0].isupper() and \
        tok.low in ctx.lex.model_words


def _article_is_quantity(ctx: _Context, cand: _Cand) -> bool:
    """ "more than an hour", "half an hour", "a year and a half", "lasted a decade", "for a
    fortnight": yes; "once a year", "$5 a day", "a year ago", "for a second time": no
    (numbers.toml [article_units])."""
    toks, lex = ctx.toks, ctx.lex
    if cand.unit is None or _is_compound_adjective(ctx, cand.end) or \
            _counts_noun_at(ctx, cand.end):
        return False  # "a year-long", "a second term", "a day trip"
    if cand.qualifier is not None or cand.suffix is not None or cand.unit_within:
        return True
    if cand.unit.dimension != "time" or not ctx.joined(cand.start):
        return False
    if cand.end < len(toks) and ctx.joined(cand.end) and \
            lex.article_not_before.forward(toks, cand.end) is not None:
        return False  # "in a year of turmoil"
    return lex.article_before.backward(toks, cand.start) is not None


def _half_is_quantity(ctx: _Context, cand: _Cand) -> bool:
    """ "more than half", "half of", "half the": yes; "the second half", "half-time": no."""
    toks, k = ctx.toks, cand.i
    if cand.qualifier is not None:
        return True
    if k > 0 and ctx.joined(k) and toks[k - 1].low in ctx.lex.half_before:
        return False
    j = cand.j
    if j < len(toks) and toks[j].fused and toks[j].low in ("-", "‐"):
        return False
    return j < len(toks) and ctx.joined(j) and toks[j].low in ctx.lex.half_after


def _is_tally(ctx: _Context, first: _Cand, second: _Cand) -> bool:
    """ "3-0", "a 2-1 win", "lost 1-2": a score or a vote, not a range.

    Two whole numbers joined by a dash are a result when the first is the larger (a range runs
    upwards), or when a word of winning, losing or voting stands next to them and no noun they
    count follows ("won 20-30 seats" is a range).
    """
    toks = ctx.toks
    spelled_to = second.start == first.end + 1 and toks[first.end].low == "to" and \
        ctx.joined(first.end) and ctx.joined(second.start)  # "a 4 to 4 council tie"
    if not _dash_joined(ctx, first, second) and not spelled_to:
        return False
    plain = all(c.j - c.i == 1 and toks[c.i].kind == "num" and c.unit is None and c.qualifier
                is None for c in (first, second))
    if not plain or first.value is None or second.value is None:
        return False
    lex, after, before = ctx.lex, second.end, first.start - 1
    nouns_after = [toks[m].low for m in range(after, min(len(toks), after + 2))
                   if ctx.joined(m)]
    if spelled_to:  # "from 5 to 10" is a range: only a result's word makes it a result, and
        # after "to" that word may follow a modifier ("a 4 to 4 council tie")
        if set(nouns_after) & lex.tally_after:
            return True
    elif first.value >= second.value or nouns_after[:1] and nouns_after[0] in lex.tally_after:
        return True
    return before >= 0 and ctx.joined(first.start) and toks[before].low in lex.tally_before and \
        not _counts_noun_at(ctx, after)
