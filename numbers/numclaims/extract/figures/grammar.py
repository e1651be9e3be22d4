"""The number grammar (cardinals, fractions, ordinals) over a text's tokens, and the token
predicates every stage asks (is this a clause end, a headline, a hyphenated compound)."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .language import (
    _A,
    _AND,
    _DIGIT,
    _HYPHEN,
    _MULT,
    _POINT,
    _SCALE,
    _TEEN,
    _TENS,
    _UNIT,
    _WORD_ATOMS,
    _Lexicon,
)
from .record import _Cand
from .tokens import _Tok, _tokenize


@dataclass
class _Card:
    """A cardinal number parsed from tokens ``start``..``end`` (exclusive)."""

    value: float
    end: int
    spelled: bool = False
    digits: bool = False
    scale: float = 1.0
    total: float = 0.0
    group: float = 0.0
    last_scale: float = math.inf
    last_atom: int = -1


class _Context:
    """The tokens of one text and what the grammar knows of each."""

    def __init__(self, text: str, lex: _Lexicon):
        self.text = text
        self.lex = lex
        self.toks = _tokenize(text)
        self.atoms: list[tuple[int, float] | None] = [self._atom(tok) for tok in self.toks]
        self.excluded: set[int] = {k for k, tok in enumerate(self.toks) if tok.model}
        self.titles: dict[int, bool] = {}  # line start -> whether the line is a title-case headline

    def _atom(self, tok: _Tok) -> tuple[int, float] | None:
        if tok.kind == "num":
            return (_DIGIT, tok.value) if tok.value is not None else None
        return self.lex.atoms.get(tok.low)

    def type(self, k: int) -> int | None:
        atom = self.atoms[k] if 0 <= k < len(self.atoms) else None
        return atom[0] if atom else None

    def joined(self, k: int) -> bool:
        """Token ``k`` continues the line of token ``k - 1``."""
        return 0 < k < len(self.toks) and not self.toks[k].newline


def _cardinal(ctx: _Context, i: int, stop: int | None = None) -> _Card | None:
    """The longest cardinal number starting at token ``i`` ("two hundred and two thousand")."""
    return _CardinalParser(ctx, i, len(ctx.toks) if stop is None else stop).parse()


_OK, _STOP, _DANGLING = range(3)


class _CardinalParser:
    """The number grammar reading one cardinal, atom by atom.

    A number is a sum of groups, each multiplied by a scale smaller than the one before ("two
    million three hundred thousand"); a group is hundreds plus a small part below a hundred. The
    parser keeps every point where the words so far make a whole number, and returns the last.
    A multiplier that cannot apply ends the number before the small part it would multiply:
    "3 hundred and 2 hundred" is 300 and 200, "two million three million" 2,000,000 and 3,000,000.
    """

    def __init__(self, ctx: _Context, i: int, stop: int):
        self.ctx, self.i, self.stop = ctx, i, stop
        self.total, self.last_scale, self.hundreds = 0.0, math.inf, 0.0
        self.small: float | None = None
        self.small_kind = -1
        self.small_mark = -1  # the accept point before the small part began
        self.spelled, self.digits, self.scale = False, False, 1.0
        self.prev, self.joiner = -1, ""
        self.first = ctx.type(i)
        self.accepts: list[_Card] = []

    def parse(self) -> _Card | None:
        ctx, k = self.ctx, self.i
        if k >= self.stop or self.first is None:
            return None
        if self.first in (_MULT, _SCALE, _A):
            k = self._article_or_bare_scale()
            if k < 0:
                return None
        while k < self.stop:
            atom = ctx.atoms[k]
            if atom is None or (k > self.i and ctx.toks[k].newline):
                break
            kind, value = atom
            if kind in (_HYPHEN, _AND):
                if not self._joins(kind, k):
                    break
                self.joiner, k = "hyphen" if kind == _HYPHEN else "and", k + 1
                continue
            if kind == _POINT:
                k = self._point(k)
                if k < 0:
                    break
                continue
            status = self._step(kind, value, k)
            if status == _DANGLING and self.small_mark >= 0:
                return self.accepts[self.small_mark]
            if status != _OK:
                break
            self.prev, self.joiner, k = kind, "", k + 1
            self._accept(k)
        return self.accepts[-1] if self.accepts else None

    def _article_or_bare_scale(self) -> int:
        """ "a hundred", "a dozen"; a bare "hundred" only as in "hundred thousand dollars"."""
        nxt = _next_atom(self.ctx, self.i, self.stop)
        if self.first == _A and nxt not in (_MULT, _SCALE):
            return -1
        if self.first != _A and nxt != _SCALE:
            return -1
        self.small, self.small_kind, self.prev, self.spelled = 1.0, _A, _A, True
        return self.i + 1 if self.first == _A else self.i

    def _joins(self, kind: int, k: int) -> bool:
        if self.joiner:
            return False
        nxt = _next_atom(self.ctx, k, self.stop)
        if kind == _AND:
            return _and_joins(self.ctx, k, self.stop, self.prev)
        # a hyphen joins words ("twenty-one", "ninety - five") or a scale ("$2-billion")
        return nxt in _WORD_ATOMS and (self.prev in _WORD_ATOMS or nxt in (_MULT, _SCALE))

    def _point(self, k: int) -> int:
        """ "five point five": the decimals after "point"; -1 if there are none."""
        decimals = _decimals(self.ctx, k + 1, self.stop)
        if decimals is None or self.prev not in (_UNIT, _TEEN, _TENS, _MULT) or self.joiner:
            return -1
        digits_text, k = decimals
        self.small = (self.small or 0.0) + float("0." + digits_text)
        self.small_kind = self.prev = _POINT
        self._accept(k)
        return k

    def _step(self, kind: int, value: float, k: int) -> int:
        if kind == _DIGIT:
            return self._digit(value, k)
        if kind in (_UNIT, _TEEN, _TENS):
            return self._word(kind, value)
        if kind == _MULT:
            return self._multiplier(value)
        if kind == _SCALE:
            return self._scale_word(value)
        return _STOP

    def _digit(self, value: float, k: int) -> int:
        """Digits start a number, follow "hundred and" ("3 hundred and 21") or precede a
        multiplier after a scale ("4 thousand 3 hundred")."""
        after_and = self.joiner == "and" and self.prev == _MULT and value < 100 and \
            value == int(value)
        before_multiplier = self.joiner == "" and self.prev == _SCALE and _next_atom(
            self.ctx, k, self.stop) in (_MULT, _SCALE)
        if self.small is not None or not (k == self.i or after_and or before_multiplier):
            return _STOP
        self._start_small(value, _DIGIT)
        self.digits = True
        return _OK

    def _word(self, kind: int, value: float) -> int:
        if self.prev in (_DIGIT, _POINT):
            return _STOP
        if self.small is None:
            self._start_small(value, kind)
        elif kind == _UNIT and self.small_kind == _TENS and self.joiner != "and":
            self.small, self.small_kind = self.small + value, -2  # "twenty-one"
        else:
            return _STOP
        self.spelled = True
        return _OK

    def _start_small(self, value: float, kind: int) -> None:
        self.small, self.small_kind, self.small_mark = value, kind, len(self.accepts) - 1

    def _multiplier(self, value: float) -> int:
        """ "hundred" and "dozen" multiply the small part just before them."""
        self.spelled = True
        small = self.small
        if small is None or self.small_kind in (_MULT, _POINT):
            return _DANGLING
        if value == 100 and small > 0 and not self.hundreds:
            self.hundreds, self.small = small * 100, None
        elif value != 100:
            self.small, self.small_kind = small * value, _MULT  # "two dozen"
        else:
            return _DANGLING
        return _OK

    def _scale_word(self, value: float) -> int:
        """ "thousand", "million": close the group, or stack ("three lakh crore")."""
        self.spelled, self.scale = True, max(self.scale, value)
        group = self.hundreds + (self.small or 0.0)
        if group and value < self.last_scale:
            self.total, self.last_scale = self.total + group * value, value
            self.hundreds, self.small = 0.0, None
        elif not group and self.prev == _SCALE:
            self.total, self.last_scale = self.total * value, self.last_scale * value
        else:
            return _DANGLING
        return _OK

    def _accept(self, end: int) -> None:
        group = self.hundreds + (self.small or 0.0)
        self.accepts.append(_Card(self.total + group, end, self.spelled, self.digits, self.scale,
                                  self.total, group, self.last_scale, self.prev))


def _next_atom(ctx: _Context, k: int, n: int) -> int | None:
    return ctx.type(k + 1) if k + 1 < n and ctx.joined(k + 1) else None


def _and_joins(ctx: _Context, k: int, n: int, prev: int) -> bool:
    """Whether "and" at ``k`` continues the number: "a hundred and two", "two thousand and five"."""
    nxt = _next_atom(ctx, k, n)
    if nxt is not None and not ctx.atoms[k + 1][1]:  # type: ignore[index]
        return False  # "4 thousand 3 hundred and 0": the zero is a number of its own
    if prev == _MULT:
        return nxt in (_UNIT, _TEEN, _TENS, _DIGIT)
    return prev == _SCALE and nxt in (_UNIT, _TEEN, _TENS)


def _decimals(ctx: _Context, k: int, n: int) -> tuple[str, int] | None:
    """The digits spoken after "point": "zero three" -> "03", "seventy-one" -> "71"."""
    out = ""
    while k < n and ctx.joined(k):
        kind = ctx.type(k)
        if kind not in (_UNIT, _TEEN, _TENS):
            break
        value = int(ctx.atoms[k][1])  # type: ignore[index]
        if kind == _TENS and ctx.type(k + 1) == _HYPHEN and ctx.type(k + 2) == _UNIT:
            value += int(ctx.atoms[k + 2][1])  # type: ignore[index]
            k += 2
        elif kind == _TENS and ctx.type(k + 1) == _UNIT and ctx.joined(k + 1):
            value += int(ctx.atoms[k + 1][1])  # type: ignore[index]
            k += 1
        out += str(value)
        k += 1
    return (out, k) if out else None


def _cardinal_exact(ctx: _Context, i: int, end: int) -> _Card | None:
    """A cardinal spanning exactly tokens ``i``..``end``, words only, else None."""
    if i >= end:
        return None
    card = _cardinal(ctx, i, end)
    return card if card and card.end == end and not card.digits else None


@dataclass
class _Fraction:
    value: float
    end: int
    whole: _Card | None = None  # the whole number before "and" in "one and a half"
    singular: bool = False


def _simple_fraction(ctx: _Context, i: int, q: int) -> _Fraction | None:
    """A fraction "numerator denominator" over tokens ``i``..``q``, the ordinal word at ``q``.

    The denominator may be compound ("three twenty-firsts", "one one hundred and fifth"): the
    split is the one that leaves the longest denominator.
    """
    den_value, plural, can_divide = ctx.lex.ordinals.get(ctx.toks[q].low, (0.0, False, False))
    if not can_divide:
        return None
    for s in range(i + 1, q + 1):
        if ctx.type(s) == _HYPHEN or (ctx.type(s - 1) == _HYPHEN and s < q):
            continue
        num_end = s - 1 if ctx.type(s - 1) == _HYPHEN else s
        if num_end == i + 1 and ctx.type(i) == _A:
            numerator = 1.0
        else:
            card = _cardinal_exact(ctx, i, num_end)
            if card is None:
                continue
            numerator = card.value
        denominator = _denominator(ctx, s, q, den_value)
        if denominator is None or (numerator == 1) == plural or not numerator:
            continue
        return _Fraction(numerator / denominator, q + 1, singular=not plural)
    return None


def _denominator(ctx: _Context, s: int, q: int, ordinal: float) -> float | None:
    """The denominator over tokens ``s``..``q``: a compound ordinal ("thirty-fifth") or one word."""
    end = q - 1 if ctx.type(q - 1) == _HYPHEN and q - 1 >= s else q
    if end > s and ctx.type(end - 1) == _AND:
        end -= 1
    if end <= s:
        return ordinal if end == s and s == q or ctx.type(s) == _HYPHEN else None
    if ctx.type(s) not in (_UNIT, _TEEN, _TENS):
        return None
    prefix = _cardinal_exact(ctx, s, end)
    if prefix is None:
        return None
    if prefix.last_atom == _TENS and ordinal < 10:
        return prefix.value + ordinal
    if prefix.last_atom == _MULT and ordinal < 100:
        return prefix.value + ordinal
    if prefix.last_atom == _SCALE and ordinal < prefix.last_scale:
        return prefix.value + ordinal
    return None


def _fraction(ctx: _Context, i: int, q: int) -> _Fraction | None:
    """A fraction or mixed number ending in the ordinal word at ``q`` ("one and a half")."""
    for a in range(q - 1, i, -1):
        if ctx.type(a) == _AND:
            # "eight-and-a-half": hyphens around "and" join the parts as spaces do
            after = a + 2 if ctx.type(a + 1) == _HYPHEN else a + 1
            before = a - 1 if ctx.type(a - 1) == _HYPHEN else a
            part = _simple_fraction(ctx, after, q)
            whole = _cardinal(ctx, i, before)
            if part and part.value < 1 and whole and whole.end == before:
                return _Fraction(part.value, part.end, whole, part.singular)
    return _simple_fraction(ctx, i, q)


def _ordinal_prefix(ctx: _Context, i: int, q: int) -> int | None:
    """Where a compound ordinal ending at ``q`` starts ("twenty-first"), if it has a prefix."""
    ordinal = ctx.lex.ordinals.get(ctx.toks[q].low, (0.0, False, False))[0]
    for s in range(i, q):
        if ctx.type(s) != _HYPHEN and (s == i or ctx.type(s - 1) != _HYPHEN):
            if _denominator(ctx, s, q, ordinal) is not None:
                return s
    return None


def _is_compound_adjective(ctx: _Context, j: int) -> bool:
    toks = ctx.toks
    return j + 1 < len(toks) and toks[j].low == "-" and toks[j].fused and toks[j + 1].fused


def _letter_follows(ctx: _Context, k: int) -> bool:
    return k < len(ctx.toks) and ctx.toks[k].fused and ctx.toks[k].kind in ("word", "num")


def _clause_ends(ctx: _Context, j: int) -> bool:
    return j >= len(ctx.toks) or ctx.toks[j].newline or (
        ctx.toks[j].kind == "punct" and ctx.toks[j].low in ".,;:!?)")


def _street_name_at(ctx: _Context, m: int) -> bool:
    """Capitalised words from token ``m`` ending in a street word ("Baker Street", "East 42nd
    Street"), not followed by a noun the number before them would count ("Wall Street bankers")."""
    toks, lex = ctx.toks, ctx.lex
    names = 0
    while m < len(toks) and ctx.joined(m) and names < 4:
        tok = toks[m]
        if tok.kind == "num" and _letter_follows(ctx, m + 1) and \
                toks[m + 1].low in ("st", "nd", "rd", "th"):
            m, names = m + 2, names + 1  # "42nd"
            continue
        if tok.kind != "word" or not tok.text[0].isupper() or tok.fused:
            return False
        if names and tok.low in lex.streets:
            end = m + 2 if m + 1 < len(toks) and toks[m + 1].low == "." and \
                toks[m + 1].fused else m + 1
            return not _counts_noun_at(ctx, end)
        m, names = m + 1, names + 1
    return False


def _counts_noun_at(ctx: _Context, j: int) -> bool:
    """Token ``j`` is a lower-case word a number before it may count ("bankers", "witnesses"):
    not one of the ordinary words (prepositions, verbs of reporting) that end a name."""
    if j >= len(ctx.toks) or not ctx.joined(j):
        return False
    tok = ctx.toks[j]
    return tok.kind == "word" and tok.text.islower() and \
        tok.low not in ctx.lex.ordinary_capitalised


def _dash_between(ctx: _Context, k: int) -> bool:
    toks = ctx.toks
    return 0 < k < len(toks) - 1 and toks[k].low in ("-", "–") and toks[k].fused and \
        toks[k + 1].fused and toks[k - 1].kind == toks[k + 1].kind == "num"


def _sentence_start(ctx: _Context, k: int) -> bool:
    if k == 0 or ctx.toks[k].newline:
        return True
    before = ctx.toks[k - 1]
    return before.kind == "punct" and before.low in ".!?:;\"“”‘'«»(—–-•*|"


def _title_line(ctx: _Context, k: int) -> bool:
    """Whether token ``k`` sits in a headline written in title case."""
    start = ctx.text.rfind("\n", 0, ctx.toks[k].start) + 1
    titles = ctx.titles
    if start not in titles:
        end = ctx.text.find("\n", start)
        words = re.findall(r"[^\W\d_]{4,}", ctx.text[start:end if end >= 0 else None])
        capitalised = sum(1 for w in words if w[0].isupper())
        titles[start] = len(words) >= 3 and capitalised >= 0.7 * len(words)
    return titles[start]


def _dash_joined(ctx: _Context, first: _Cand, second: _Cand) -> bool:
    """Two numerals written with a dash between them and no space: "3-0", "737-800"."""
    toks, k = ctx.toks, first.end
    return second.start == k + 1 and toks[k].low in ("-", "–") and toks[k].fused and \
        toks[second.start].fused and toks[k - 1].kind == toks[second.start].kind == "num"
