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
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import lexicon
from ..errors import LexiconError

__all__ = ["Figure", "find_figures", "parse_number"]

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


# --- Tokens --------------------------------------------------------------------------------------

_NUMERAL = r"""
(?:
    \d+(?:\.\d+){2,}                                      # dotted chain: 1.234.567, 192.168.1.2
  | \d{1,3}(?:\.\d{3})+,\d+(?!\d)                          # European: 1.111,11
  | \d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?![\d])            # Indian: 12,34,567.89
  | \d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])                  # 1,234,567.89
  | \d{1,3}(?:[\u0020\u00a0\u202f\u2009]\d{3})+(?:\.\d+)?(?![\d])   # 1 234 567
  | (?<!\d,)\d{1,3},\d{1,2}(?![\d]|,\d)                   # decimal comma: 5,00  1,3
  | \d+(?:\.\d+)?
  | (?<![\w.])\.\d+                                       # .08
)
(?:[eE][+-]?\d+(?!\w))?                                   # 1e10, -12e-1
(?:\^[+-]?\d+|[x×]10\^[+-]?\d+)?                          # 1.1^23, 1.3x10^6
"""
_TOKEN_RE = re.compile(
    rf"(?P<num>{_NUMERAL})|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)*)|(?P<punct>\S)", re.VERBOSE
)
_SEPARATORS = str.maketrans("", "", ", \u00a0\u202f\u2009")


class _Tok:
    """One token: a numeral, a word or a punctuation mark, with its place in the text."""

    __slots__ = ("kind", "text", "low", "start", "end", "fused", "newline", "value", "model")

    def __init__(self, kind: str, text: str, start: int, end: int, fused: bool, newline: bool):
        self.kind = kind
        self.text = text
        self.low = text.lower() if "’" not in text else text.lower().replace("’", "'")
        self.start = start
        self.end = end
        self.fused = fused  # written straight after the previous token, no space
        self.newline = newline  # a line break separates it from the previous token
        self.model = False  # a model number after a count ("24 737 MAX jets"): not a quantity
        self.value: float | None = None
        if kind == "num":
            self.value = _numeral_value(text)
        elif len(text) == 1:  # "½" is a word character to the regex
            self.value = _vulgar_fraction(text)
            if self.value is not None:
                self.kind = "num"


def _tokenize(text: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    prev_end = 0
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        fused = start == prev_end and prev_end > 0
        newline = not fused and text.find("\n", prev_end, start) >= 0
        split = _model_after_count(text, match) if match.lastgroup == "num" else None
        if split is not None:
            tokens.append(_Tok("num", text[start:split[0]], start, split[0], fused, newline))
            start, fused, newline = split[1], False, False
        tok = _Tok(match.lastgroup or "punct", text[start:end], start, end, fused, newline)
        if split is not None:
            tok.model = True
        tokens.append(tok)
        prev_end = end
    return tokens


_SPACED_GROUP_RE = re.compile(r"\d{1,3}(?:[\u0020\u00a0\u202f\u2009]\d{3})+")
_CAPITALISED_AFTER_RE = re.compile(r"[\u0020\u00a0]*[A-Z]")


def _model_after_count(text: str, match: re.Match[str]) -> tuple[int, int] | None:
    """Where to split "24 737" in "24 737 MAX jets": a count, then a model number.

    Digits grouped by spaces ("1 234 567") are one number only when no capitalised word follows:
    before one, the last group names a model ("24 737 MAX jets", "12 787 Dreamliners"). Returns the
    end of the count and the start of the model number.
    """
    if not _SPACED_GROUP_RE.fullmatch(match.group()):
        return None
    if not _CAPITALISED_AFTER_RE.match(text, match.end()):
        return None
    cut = max(match.group().rfind(sep) for sep in " \u00a0\u202f\u2009")
    return match.start() + cut, match.start() + cut + 1


def _vulgar_fraction(text: str) -> float | None:
    """The value of "½", "¾", "⅔"; None for any other mark."""
    if len(text) != 1 or unicodedata.category(text) != "No":
        return None
    value = unicodedata.numeric(text, None)
    return value if value is not None and 0 < value < 1 else None


def _numeral_value(text: str) -> float | None:
    """The value of a digit numeral, or None for an identifier (192.168.1.2, 17.05.2018)."""
    power = re.search(r"(?:\^|[x×]10\^)([+-]?\d+)$", text)
    if power:
        text = text[: power.start()]
    exponent = re.search(r"[eE][+-]?\d+$", text)
    mantissa = text[: exponent.start()] if exponent else text
    if mantissa.count(".") > 1:
        if not re.fullmatch(r"\d{1,3}(?:\.\d{3})+", mantissa):
            return None
        mantissa = mantissa.replace(".", "")
    elif "." in mantissa and "," in mantissa and mantissa.index(".") < mantissa.index(","):
        mantissa = mantissa.replace(".", "").replace(",", ".")  # European 1.111,11
    elif re.fullmatch(r"\d{1,3},\d{1,2}", mantissa):
        mantissa = mantissa.replace(",", ".")  # decimal comma
    value = float(mantissa.translate(_SEPARATORS) + (exponent.group() if exponent else ""))
    if power:
        exp = int(power.group(1))
        if abs(exp) > 300:
            return None
        value = value * 10.0**exp if "10^" in power.group() else value**exp
    return value


# --- Language data -------------------------------------------------------------------------------

_SIGNS = ("=", "~", ">", ">=", "<", "<=")
_LOWER_SIGNS = (">", ">=")
_UPPER_SIGNS = ("<", "<=")
_OLDEST_AGE = 130  # a number after "aged" above this is no person's age

# Atom types of the number grammar.
_DIGIT, _UNIT, _TEEN, _TENS, _MULT, _SCALE, _A, _AND, _POINT, _HYPHEN, _ORD, _FRAC = range(12)
_WORD_ATOMS = (_UNIT, _TEEN, _TENS, _MULT, _SCALE)


@dataclass(frozen=True)
class _Qualifier:
    sign: str
    lower: float | None
    upper: float | None
    not_after: frozenset[str] = frozenset()  # words before the phrase that make it no bound
    alone: bool = False  # a bound only where no counted noun and no other number follows


@dataclass(frozen=True)
class _Vague:
    lower: float
    upper: float
    of_scale: bool
    times_scale: bool
    needs_of: bool


@dataclass(frozen=True)
class _Unit:
    name: str
    dimension: str


class _Phrases:
    """Phrases (as token sequences) to find starting or ending at a token, longest first."""

    def __init__(self, phrases: Iterable[tuple[str, Any]]):
        self.by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        self.by_last: dict[str, list[tuple[tuple[str, ...], Any]]] = {}
        for phrase, payload in phrases:
            words = tuple(tok.low for tok in _tokenize(phrase))
            if not words:
                continue
            self.by_first.setdefault(words[0], []).append((words, payload))
            self.by_last.setdefault(words[-1], []).append((words, payload))
        for table in (self.by_first, self.by_last):
            for entries in table.values():
                entries.sort(key=lambda entry: -len(entry[0]))

    def forward(self, toks: Sequence[_Tok], i: int) -> tuple[Any, int] | None:
        """The longest phrase starting at token ``i``: its payload and the index after it."""
        if i >= len(toks):
            return None
        for words, payload in self.by_first.get(toks[i].low, ()):
            end = i + len(words)
            if end <= len(toks) and _contiguous(toks, i, end) and all(
                toks[i + k].low == word for k, word in enumerate(words)
            ):
                return payload, end
        return None

    def backward(self, toks: Sequence[_Tok], end: int) -> tuple[Any, int] | None:
        """The longest phrase ending just before token ``end``: its payload and its start."""
        if end <= 0:
            return None
        for words, payload in self.by_last.get(toks[end - 1].low, ()):
            start = end - len(words)
            if start >= 0 and _contiguous(toks, start, end) and all(
                toks[start + k].low == word for k, word in enumerate(words)
            ):
                return payload, start
        return None


def _contiguous(toks: Sequence[_Tok], start: int, end: int) -> bool:
    return not any(toks[k].newline for k in range(start + 1, end))


@dataclass(frozen=True)
class _Lexicon:
    atoms: dict[str, tuple[int, float]]
    ordinals: dict[str, tuple[float, bool, bool]]  # form -> (value, plural, can be denominator)
    abbreviations: dict[str, float]
    fused_abbreviations: dict[str, float]
    money_abbreviations: dict[str, float]
    signs: frozenset[str]
    margins: _Phrases
    slash_denominators: frozenset[int]
    multiples: dict[str, tuple[float, frozenset[str]]]
    times_after: frozenset[str]
    fold: str
    ratio_words: _Phrases
    over_words: frozenset[str]
    year_span: tuple[int, int]
    labels: _Phrases
    label_joiners: frozenset[str]
    model_words: frozenset[str]
    ordinary_capitalised: frozenset[str]
    time_references: _Phrases
    time_references_at_end: _Phrases
    time_zones: frozenset[str]  # "GMT" after "1105": a time of day
    rate_bases: _Phrases
    article_before: _Phrases  # words that take "a year" as a length of time ("lasted", "for")
    article_not_before: _Phrases
    furniture: frozenset[str]
    one_idioms: tuple[tuple[tuple[str, ...], int], ...]
    half_before: frozenset[str]
    half_after: frozenset[str]
    periods_before: frozenset[str]
    streets: frozenset[str]
    phone_words: _Phrases
    tally_before: frozenset[str]
    tally_after: frozenset[str]
    scores_after: _Phrases
    margin_before: _Phrases
    margin_units: frozenset[str]
    qualifiers_before: _Phrases
    qualifiers_after: _Phrases
    during_words: frozenset[str]  # "over" where it may mean during
    during_verbs: _Phrases
    during_time_verbs: _Phrases
    during_not_after: frozenset[str]
    inclusive_after: _Phrases
    range_first: dict[str, frozenset[str]]
    range_bare: frozenset[str]
    range_connectors: frozenset[str]  # every word that joins two numbers into a range
    bound_joiners: _Phrases
    vague: _Phrases
    life_openers: _Phrases  # "in her" before a decade of life
    life_decades: dict[str, tuple[float, float]]  # "twenties" -> (20, 29)
    life_parts: dict[str, tuple[float, float]]  # "early" -> (0, 3)
    trend_verbs: dict[str, str]
    trend_nouns: dict[str, str]
    trend_adverbs: dict[str, str]
    months: frozenset[str]
    weekdays: frozenset[str]
    word_units: dict[str, tuple[_Unit, ...]]
    symbol_units: dict[str, tuple[_Unit, ...]]
    prefix_currencies: dict[str, _Unit]
    scaled_prefixes: dict[str, _Unit]  # "R" in "R254 billion"
    preferred: dict[str, str]
    preferred_with_scale: dict[str, str]
    spaced_letters: frozenset[str]
    unit_names: dict[str, _Phrases]  # unit -> the words after it that make a measure a name
    metre_before: frozenset[str]
    metre_after: frozenset[str]
    age_words: _Phrases  # "aged", "the age of": the unit of the number after them
    age_unit: _Unit
    age_markers: frozenset[str]  # "younger than 25", "children under five": a qualified age
    starters: frozenset[str]  # the words a numeral can begin with
    max_unit_tokens: int = 4


def _entries(name: str, key: str, schema: Mapping[str, Any], *,
             required: Iterable[str] = ()) -> dict[str, dict[str, Any]]:
    return lexicon.section(name, key, schema, required=required)


def _forms(name: str, key: str, entry_name: str, entry: Mapping[str, Any],
           field_name: str = "forms") -> list[str]:
    """The forms of an entry (default: its own name), lower-cased, duplicates refused."""
    forms = entry.get(field_name, [entry_name])
    if not all(isinstance(form, str) for form in forms):
        raise LexiconError(_path(name), f"[{key}.{entry_name}] {field_name} must be strings")
    seen: set[str] = set()
    for form in forms:
        if form.lower() in seen:
            raise LexiconError(_path(name), f"[{key}.{entry_name}] lists {form!r} twice")
        seen.add(form.lower())
    return [form.lower() for form in forms]


def _path(name: str) -> str:
    return f"data/{lexicon.LANGUAGE}/{name}.toml"


def _word_list(name: str, key: str) -> frozenset[str]:
    """A table of ``entry = { forms = [...] }`` lists, flattened."""
    entries = _entries(name, key, {"forms": list}, required=["forms"])
    lexicon.phrase_index(name, entries, "forms")
    return frozenset(form for entry_name, entry in entries.items()
                     for form in _forms(name, key, entry_name, entry))


def _load_numbers() -> dict[str, Any]:
    name = "numbers"
    atoms: dict[str, tuple[int, float]] = {}
    simple = {"units": _UNIT, "teens": _TEEN, "tens": _TENS, "multipliers": _MULT}
    scale_schema = {"value": (int, float), "forms": list, "abbreviations": list, "fused": list,
                    "money": list}
    tables: dict[str, Mapping[str, Mapping[str, Any]]] = {}
    for key, atom in {**simple, "scales": _SCALE}.items():
        schema = scale_schema if key == "scales" else {"value": (int, float), "forms": list}
        tables[key] = _entries(name, key, schema, required=["value"])
        for entry_name, entry in tables[key].items():
            for form in _forms(name, key, entry_name, entry):
                if form in atoms:
                    raise LexiconError(_path(name), f"{form!r} is listed twice")
                atoms[form] = (atom, float(entry["value"]))
    abbreviations: dict[str, float] = {}
    fused: dict[str, float] = {}
    money: dict[str, float] = {}
    for entry in tables["scales"].values():
        for target, key in ((abbreviations, "abbreviations"), (fused, "fused"), (money, "money")):
            for form in entry.get(key, ()):
                target[form] = float(entry["value"])
    for entry_name, entry in _entries(name, "decimal", {"forms": list}, required=["forms"]).items():
        for form in _forms(name, "decimal", entry_name, entry):
            atoms[form] = (_POINT, 0.0)
    signs = _word_list(name, "signs")
    margins = _word_list(name, "margins")
    ordinals: dict[str, tuple[float, bool, bool]] = {}
    ord_schema = {"value": (int, float), "plural": str, "denominator": bool}
    for key, atom in (("ordinals", _ORD), ("fraction_words", _FRAC)):
        for entry_name, entry in _entries(name, key, ord_schema, required=["value"]).items():
            value, can_divide = float(entry["value"]), entry.get("denominator", True)
            ordinals[entry_name] = (value, False, can_divide)
            atoms[entry_name] = (atom, value)
            if "plural" in entry:
                ordinals[entry["plural"].lower()] = (value, True, can_divide)
                atoms[entry["plural"].lower()] = (atom, value)
    atoms["a"] = atoms["an"] = (_A, 1.0)
    atoms["and"] = (_AND, 0.0)
    atoms["-"] = atoms["‐"] = (_HYPHEN, 0.0)
    return {"atoms": atoms, "ordinals": ordinals, "abbreviations": abbreviations,
            "fused_abbreviations": fused, "money_abbreviations": money, "signs": signs,
            "margins": _Phrases((form, True) for form in margins)}



def _load_number_rules() -> dict[str, Any]:
    name = "numbers"
    slash = _entries(name, "slash_fractions", {"values": list}, required=["values"])
    denominators = frozenset(int(v) for e in slash.values() for v in e["values"])
    multiples = {}
    for entry_name, entry in _entries(name, "multiples", {"value": (int, float), "before": list},
                                      required=["value", "before"]).items():
        multiples[entry_name] = (float(entry["value"]), frozenset(_forms(name, "multiples",
                                 entry_name, entry, "before")))
    times = _entries(name, "times", {"forms": list, "before": list}, required=["forms"])
    if set(times) != {"times", "fold"}:
        raise LexiconError(_path(name), "[times] must have exactly: fold, times")
    ratios = _exactly(name, "ratios", {"in", "over"})
    span = _entries(name, "years", {"first": int, "last": int}, required=["first", "last"])
    first, last = span["span"]["first"], span["span"]["last"]
    if first > last:
        raise LexiconError(_path(name), "[years.span] first is after last")
    nf = _entries(name, "not_figures", {"forms": list}, required=["forms"])
    missing = {"labels", "label_joiners", "model_words", "ordinary_capitalised", "time_references",
               "time_references_at_end", "rate_bases", "furniture", "one_idioms", "half_before",
               "half_after", "periods_before", "streets", "phone_words", "tally_before",
               "tally_after", "scores_after", "margin_before", "margin_units",
               "time_zones"} - set(nf)
    if missing:
        raise LexiconError(_path(name), f"[not_figures] lacks {', '.join(sorted(missing))}")
    idioms: list[tuple[tuple[str, ...], int]] = []
    for phrase in _forms(name, "not_figures", "one_idioms", nf["one_idioms"]):
        words = tuple(tok.low for tok in _tokenize(phrase))
        if "one" not in words:
            raise LexiconError(_path(name), f"one_idioms: {phrase!r} lacks the word 'one'")
        idioms.extend((words, at) for at, word in enumerate(words) if word == "one")
    forms = {key: _forms(name, "not_figures", key, entry) for key, entry in nf.items()}
    article = _exactly(name, "article_units", {"before", "not_before"})
    return {
        "slash_denominators": denominators,
        "multiples": multiples,
        "times_after": frozenset(_forms(name, "times", "times", times["times"], "before")),
        "fold": _forms(name, "times", "fold", times["fold"])[0],
        "ratio_words": _Phrases((f, "in") for f in _forms(name, "ratios", "in", ratios["in"])),
        "over_words": frozenset(_forms(name, "ratios", "over", ratios["over"])),
        "year_span": (first, last),
        "labels": _Phrases((f, True) for f in forms["labels"]),
        "label_joiners": frozenset(forms["label_joiners"]),
        "model_words": frozenset(forms["model_words"]),
        "ordinary_capitalised": frozenset(forms["ordinary_capitalised"]),
        "time_references": _Phrases((f, True) for f in forms["time_references"]),
        "time_references_at_end": _Phrases((f, True) for f in forms["time_references_at_end"]),
        "time_zones": frozenset(forms["time_zones"]),
        "rate_bases": _Phrases((f, True) for f in forms["rate_bases"]),
        "article_before": _Phrases(
            (f, True) for f in _forms(name, "article_units", "before", article["before"])),
        "article_not_before": _Phrases(
            (f, True) for f in _forms(name, "article_units", "not_before", article["not_before"])),
        "furniture": frozenset(forms["furniture"]),
        "one_idioms": tuple(idioms),
        "half_before": frozenset(forms["half_before"]),
        "half_after": frozenset(forms["half_after"]),
        "periods_before": frozenset(forms["periods_before"]),
        "streets": frozenset(forms["streets"]),
        "phone_words": _Phrases((f, True) for f in forms["phone_words"]),
        "tally_before": frozenset(forms["tally_before"]),
        "tally_after": frozenset(forms["tally_after"]),
        "scores_after": _Phrases((f, True) for f in forms["scores_after"]),
        "margin_before": _Phrases((f, True) for f in forms["margin_before"]),
        "margin_units": frozenset(forms["margin_units"]),
    }


def _load_qualifiers() -> dict[str, Any]:
    name = "qualifiers"
    schema = {"sign": str, "lower": (int, float), "upper": (int, float), "position": str,
              "phrases": list, "not_after": list, "alone": bool}
    entries = _entries(name, "qualifiers", schema, required=["sign", "phrases"])
    before: list[tuple[str, _Qualifier]] = []
    after: list[tuple[str, _Qualifier]] = []
    for entry_name, entry in entries.items():
        where = f"[qualifiers.{entry_name}]"
        if entry["sign"] not in _SIGNS:
            raise LexiconError(_path(name), f"{where} sign must be one of {' '.join(_SIGNS)}")
        if entry.get("position", "before") not in ("before", "after"):
            raise LexiconError(_path(name), f"{where} position must be before or after")
        lower, upper = entry.get("lower"), entry.get("upper")
        if lower is not None and upper is not None and lower > upper:
            raise LexiconError(_path(name), f"{where} lower is above upper")
        not_after = frozenset(_forms(name, "qualifiers", entry_name, entry, "not_after")
                              if "not_after" in entry else ())
        qualifier = _Qualifier(entry["sign"], lower, upper, not_after, entry.get("alone", False))
        target = after if entry.get("position") == "after" else before
        target.extend((p, qualifier) for p in _forms(name, "qualifiers", entry_name, entry,
                                                      "phrases"))
    before_index = [e for e in entries if entries[e].get("position", "before") == "before"]
    lexicon.phrase_index(name, {k: entries[k] for k in before_index})
    lexicon.phrase_index(name, {k: v for k, v in entries.items() if k not in before_index})
    before.extend(_comparative_phrases())
    seen: dict[str, str] = {}
    for phrase, qualifier in before:
        key = " ".join(phrase.split())
        if key in seen and seen[key] != qualifier.sign:
            raise LexiconError(_path(name), f"{phrase!r} is both {seen[key]} and {qualifier.sign}")
        seen[key] = qualifier.sign
    inclusive = _entries(name, "inclusive_after", {"forms": list}, required=["forms"])
    ranges = _entries(name, "ranges", {"first": str, "connectors": list}, required=["connectors"])
    range_first = {e["first"].lower(): frozenset(_forms(name, "ranges", k, e, "connectors"))
                   for k, e in ranges.items() if "first" in e}
    bare = frozenset(c for k, e in ranges.items() if "first" not in e
                     for c in _forms(name, "ranges", k, e, "connectors"))
    joiners = _entries(name, "bound_joiners", {"forms": list}, required=["forms"])
    during = {key: _forms(name, "during", key, entry)
              for key, entry in _exactly(name, "during", {"words", "verbs", "time_verbs",
                                                          "not_after"}).items()}
    return {
        "qualifiers_before": _Phrases(before),
        "qualifiers_after": _Phrases(after),
        "inclusive_after": _Phrases((f, True) for e in inclusive.values() for f in e["forms"]),
        "range_first": range_first,
        "range_bare": bare,
        "range_connectors": bare.union(*range_first.values()),
        "bound_joiners": _Phrases((f, True) for e in joiners.values() for f in e["forms"]),
        "during_words": frozenset(during["words"]),
        "during_verbs": _Phrases((f, True) for f in during["verbs"]),
        "during_time_verbs": _Phrases((f, True) for f in during["time_verbs"]),
        "during_not_after": frozenset(during["not_after"]),
    }


def _comparative_phrases() -> list[tuple[str, _Qualifier]]:
    """Bounds built from comparatives: "more than", "less than or equal to", "no fewer than"."""
    name = "qualifiers"
    words = _entries(name, "comparatives", {"sign": str, "words": list},
                     required=["sign", "words"])
    forms = _entries(name, "comparative_forms", {"forms": list}, required=["forms"])
    if set(forms) != {"strict", "inclusive", "negated"}:
        raise LexiconError(_path(name), "[comparative_forms] must be strict, inclusive, negated")
    for form_name, entry in forms.items():
        for form in entry["forms"]:
            if form.count("{}") != 1:
                raise LexiconError(_path(name), f"[comparative_forms.{form_name}] {form!r} "
                                   "must hold one {}")
    phrases = []
    for entry_name, entry in words.items():
        sign = entry["sign"]
        if sign not in (">", "<"):
            raise LexiconError(_path(name), f"[comparatives.{entry_name}] sign must be > or <")
        inclusive = sign + "="
        negated = "<=" if sign == ">" else ">="
        for word in _forms(name, "comparatives", entry_name, entry, "words"):
            for form_name, result in (("strict", sign), ("inclusive", inclusive),
                                      ("negated", negated)):
                for form in forms[form_name]["forms"]:
                    phrases.append((form.replace("{}", word), _bound(result)))
    return phrases


def _bound(sign: str) -> _Qualifier:
    lower = 1.0 if sign in _LOWER_SIGNS else None
    upper = 1.0 if sign in _UPPER_SIGNS else None
    return _Qualifier(sign, lower, upper)


def _load_vague() -> dict[str, Any]:
    name = "vague"
    schema = {"lower": (int, float), "upper": (int, float), "phrases": list, "of_scale": bool,
              "times_scale": bool, "needs_of": bool}
    entries = _entries(name, "amounts", schema, required=["lower", "upper", "phrases"])
    lexicon.phrase_index(name, entries)
    phrases: list[tuple[str, _Vague]] = []
    for entry_name, entry in entries.items():
        if entry["lower"] > entry["upper"]:
            raise LexiconError(_path(name), f"[amounts.{entry_name}] lower is above upper")
        vague = _Vague(float(entry["lower"]), float(entry["upper"]), entry.get("of_scale", False),
                       entry.get("times_scale", False), entry.get("needs_of", False))
        phrases.extend((p, vague) for p in _forms(name, "amounts", entry_name, entry, "phrases"))
    openers = _exactly(name, "life_decade_openers", {"before"})
    bounds: dict[str, dict[str, tuple[float, float]]] = {}
    for key in ("life_decade_words", "life_decade_parts"):
        entries = _entries(name, key, {"lower": (int, float), "upper": (int, float)},
                           required=["lower", "upper"])
        for entry_name, entry in entries.items():
            if entry["lower"] > entry["upper"]:
                raise LexiconError(_path(name), f"[{key}.{entry_name}] lower is above upper")
        bounds[key] = {k.lower(): (float(e["lower"]), float(e["upper"]))
                       for k, e in entries.items()}
    return {"vague": _Phrases(phrases),
            "life_openers": _Phrases(
                (f, True) for f in _forms(name, "life_decade_openers", "before",
                                          openers["before"])),
            "life_decades": bounds["life_decade_words"],
            "life_parts": bounds["life_decade_parts"]}


def _load_trends() -> dict[str, Any]:
    name = "trends"
    schema = {"direction": str, "verbs": list, "nouns": list, "adverbs": list}
    entries = _entries(name, "trends", schema, required=["direction", "verbs"])
    tables: dict[str, dict[str, str]] = {"verbs": {}, "nouns": {}, "adverbs": {}}
    for key, table in tables.items():
        lexicon.phrase_index(name, entries, key)
        for entry_name, entry in entries.items():
            if entry["direction"] not in ("up", "down"):
                raise LexiconError(_path(name), f"[trends.{entry_name}] direction must be up/down")
            for word in _forms(name, "trends", entry_name, entry, key) if key in entry else ():
                table[word] = entry["direction"]
    return {"trend_verbs": tables["verbs"], "trend_nouns": tables["nouns"],
            "trend_adverbs": tables["adverbs"]}


def _load_calendar() -> dict[str, Any]:
    schema = {"number": int, "forms": list}
    months = lexicon.section("time", "months", schema, required=["forms"])
    weekdays = lexicon.section("time", "weekdays", schema, required=["forms"])
    return {
        "months": frozenset(f.rstrip(".") for e in months.values() for f in e["forms"]),
        "weekdays": frozenset(f.rstrip(".") for e in weekdays.values() for f in e["forms"]),
    }


def _load_units() -> dict[str, Any]:
    name = "units"
    ignore = _exactly(name, "ignore", {"words", "symbols"})
    aliases = {k: e["unit"] for k, e in
               _entries(name, "aliases", {"unit": str}, required=["unit"]).items()}
    word_units, symbol_units = _quantulum_units(
        set(_forms(name, "ignore", "words", ignore["words"])), set(ignore["symbols"]["forms"]),
        aliases)
    prefix, scaled_prefixes = _extra_units(word_units, symbol_units)
    preferred, with_scale = (_preferences(name, key) for key in ("prefer", "prefer_with_scale"))
    for key, table in (("prefer", preferred), ("prefer_with_scale", with_scale)):
        for surface, unit_name in table.items():
            known = symbol_units.get(surface) or word_units.get(surface.lower()) or []
            if unit_name not in (unit.name for unit in known):
                raise LexiconError(_path(name), f"[{key}] {surface!r} is not a surface of "
                                   f"{unit_name!r} in quantulum3's lexicon")
    for symbol, units in symbol_units.items():
        currency = [u for u in units if u.dimension == "currency"]
        if currency and (not symbol.isalpha() or (symbol.isupper() and len(symbol) >= 3)):
            chosen = next((u for u in currency if u.name == preferred.get(symbol)), currency[0])
            prefix.setdefault(symbol, chosen)  # "$", "€", "USD": money before the number
    spaced = _entries(name, "spaced_letters", {"forms": list}, required=["forms"])
    metre = _exactly(name, "metre_m", {"before", "after"})
    names = _entries(name, "names", {"before": list}, required=["before"])
    ages = _entries(name, "ages", {"before": list, "qualified": list}, required=["before"])
    known_names = {u.name: u for units in (*word_units.values(), *symbol_units.values())
                   for u in units}
    for key, listed in (("names", names), ("ages", ages)):
        for unit_name in listed:
            if unit_name not in known_names:
                raise LexiconError(_path(name), f"[{key}] {unit_name!r} is not a unit name")
    if len(ages) != 1:
        raise LexiconError(_path(name), "[ages] must name exactly one unit")
    return {
        "word_units": {k: tuple(v) for k, v in word_units.items()},
        "symbol_units": {k: tuple(v) for k, v in symbol_units.items()},
        "prefix_currencies": prefix,
        "scaled_prefixes": scaled_prefixes,
        "preferred": preferred,
        "preferred_with_scale": with_scale,
        "spaced_letters": frozenset(f for e in spaced.values() for f in e["forms"]),
        "unit_names": {unit_name: _Phrases((f, True) for f in _forms(name, "names", unit_name,
                                                                      entry, "before"))
                       for unit_name, entry in names.items()},
        "metre_before": frozenset(_forms(name, "metre_m", "before", metre["before"])),
        "metre_after": frozenset(_forms(name, "metre_m", "after", metre["after"])),
        "age_markers": frozenset(f for unit_name, entry in ages.items()
                                 for f in _forms(name, "ages", unit_name, entry, "qualified")),
        "age_words": _Phrases((f, known_names[unit_name]) for unit_name, entry in ages.items()
                              for f in _forms(name, "ages", unit_name, entry, "before")),
        "age_unit": known_names[next(iter(ages))],
    }


def _exactly(name: str, key: str, entries: set[str]) -> dict[str, dict[str, Any]]:
    """A table of ``forms`` lists that must have exactly the entries named."""
    table = _entries(name, key, {"forms": list}, required=["forms"])
    if set(table) != entries:
        raise LexiconError(_path(name), f"[{key}] must have exactly: {', '.join(sorted(entries))}")
    return table


_UnitTable = dict[str, list[_Unit]]


def _quantulum_units(ignored_words: set[str], ignored_symbols: set[str],
                     aliases: Mapping[str, str]) -> tuple[_UnitTable, _UnitTable]:
    """quantulum3's unit words (lower-case) and symbols, less the ones news uses as words."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import quantulum3.load as qload

        known = qload.units("en_US")
    words: _UnitTable = {}
    symbols: _UnitTable = {}
    for table, source, ignored in ((words, known.surfaces_lower, ignored_words),
                                   (symbols, known.symbols, ignored_symbols)):
        for surface, units in source.items():
            if surface in ignored:
                continue
            for unit in units:
                named = _Unit(aliases.get(unit.name, unit.name), unit.entity.name)
                listed = table.setdefault(" ".join(surface.split()), [])
                if named not in listed:
                    listed.append(named)
    return words, symbols


def _extra_units(words: _UnitTable,
                 symbols: _UnitTable) -> tuple[dict[str, _Unit], dict[str, _Unit]]:
    """Add the units of [extra]; return its symbols that may stand before a number, and those
    that do so only against a number with a scale word ("R254 billion")."""
    name = "units"
    schema = {"dimension": str, "words": list, "symbols": list, "prefix": bool,
              "scaled_prefix": list}
    extra = _entries(name, "extra", schema, required=["dimension"])
    lexicon.phrase_index(name, extra, "words")
    lexicon.phrase_index(name, extra, "symbols")
    prefix: dict[str, _Unit] = {}
    scaled: dict[str, _Unit] = {}
    for unit_name, entry in extra.items():
        unit = _Unit(unit_name, entry["dimension"])
        for word in entry.get("words", ()):
            words[" ".join(word.lower().split())] = [unit]
        for symbol in entry.get("symbols", ()):
            symbols[symbol] = [unit]
            if entry.get("prefix"):
                prefix[symbol] = unit
        for symbol in entry.get("scaled_prefix", ()):
            scaled[symbol] = unit
    return prefix, scaled


def _preferences(name: str, key: str) -> dict[str, str]:
    entries = _entries(name, key, {"words": list, "symbols": list})
    lexicon.phrase_index(name, entries, "words")
    lexicon.phrase_index(name, entries, "symbols")
    preferred = {}
    for unit_name, entry in entries.items():
        for word in entry.get("words", ()):
            preferred[word.lower()] = unit_name
        for symbol in entry.get("symbols", ()):
            preferred[symbol] = unit_name
    return preferred


@cache
def _lexicon() -> _Lexicon:
    """All the language data, loaded and checked once."""
    parts: dict[str, Any] = {}
    for load in (_load_numbers, _load_number_rules, _load_qualifiers, _load_vague,
                 _load_trends, _load_calendar, _load_units):
        parts.update(load())
    parts["starters"] = frozenset(
        set(parts["vague"].by_first) | set(parts["atoms"]) | set(parts["multiples"])
        | set(parts["life_decades"]))
    return _Lexicon(**parts)


def check_language_data() -> None:
    """Load and validate every data file this module reads; raise LexiconError if one is bad."""
    _lexicon.cache_clear()
    _lexicon()


# --- Number grammar ------------------------------------------------------------------------------


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


# --- Candidates ----------------------------------------------------------------------------------


@dataclass
class _Cand:
    """A figure being assembled: the numeral's tokens and what has been attached around it."""

    i: int  # first token of the numeral
    j: int  # token after the numeral
    value: float | None
    kind: str = "count"
    lower: float | None = None
    upper: float | None = None
    vague: bool = False
    spelled: bool = False
    scale: float = 1.0
    plain_year: bool = False  # a bare four-digit integer that may be a year
    half: bool = False  # a bare "half", a quantity only in some contexts
    article: bool = False  # "a"/"an" as one before a unit, a quantity only in some contexts
    unit_within: bool = False  # the unit is written inside the numeral ("a year and a half")
    age: bool = False  # a person's age ("aged 17")
    lead: int = 0  # words before the numeral that belong to the figure ("in her" 80s)
    start: int = -1  # first token of the figure
    end: int = -1  # token after the figure
    number_start: int = -1
    number_end: int = -1
    qualifier: _Qualifier | None = None
    qualifier_phrase: str | None = None
    suffix: _Qualifier | None = None
    unit: _Unit | None = None
    money: bool = False
    trend: str | None = None
    after_trend_verb: bool = False
    range_with: _Cand | None = None
    range_phrase: str = ""
    bound_with: _Cand | None = None
    suffix_phrase: str | None = None  # words after the number: "or more", "or equal to it"


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
        cand = (_life_decade_at(ctx, k) or _vague_at(ctx, k) or _multiple_word_at(ctx, k)
                or _number_at(ctx, k) or _article_unit_at(ctx, k))
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
            cand.value != int(cand.value) or not ctx.joined(cand.j):
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
    q = k
    while q + 1 < len(ctx.toks) and ctx.joined(q + 1) and ctx.type(q + 1) is not None:
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


def _is_compound_adjective(ctx: _Context, j: int) -> bool:
    toks = ctx.toks
    return j + 1 < len(toks) and toks[j].low == "-" and toks[j].fused and toks[j + 1].fused


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
    """After "a third"/"one fifth": a fraction only before "of", a scale or the clause's end."""
    if j >= len(ctx.toks) or not ctx.joined(j):
        return True
    tok = ctx.toks[j]
    return tok.low in ("of", "and") or ctx.type(j) in (_MULT, _SCALE) or (
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


def _letter_follows(ctx: _Context, k: int) -> bool:
    return k < len(ctx.toks) and ctx.toks[k].fused and ctx.toks[k].kind in ("word", "num")


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
             and numerator == int(numerator) and denominator == int(denominator)
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


def _clause_ends(ctx: _Context, j: int) -> bool:
    return j >= len(ctx.toks) or ctx.toks[j].newline or (
        ctx.toks[j].kind == "punct" and ctx.toks[j].low in ".,;:!?)")


# --- What surrounds a numeral --------------------------------------------------------------------


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
    k = cand.start
    if k - 1 >= floor and toks[k - 1].low in ctx.lex.signs and ctx.joined(k) and \
            cand.value is not None and ctx.lex.margins.backward(toks, k) is None:
        cand.value, cand.start = -cand.value, k - 1  # "minus 5", but "plus or minus 3" is a margin


def _sign_position(ctx: _Context, k: int) -> bool:
    """A "-" at ``k`` is a minus sign: nothing, a space or a bracket/comparison before it."""
    toks = ctx.toks
    return k == 0 or not toks[k].fused or toks[k - 1].low in ("(", "[", "<", ">", "=", "~", "≤",
                                                              "≥", "≈")


def _currency_before(ctx: _Context, k: int, floor: int) -> tuple[_Unit, int] | None:
    toks = ctx.toks
    for length in (3, 2, 1):
        start = k - length
        if start < floor or not _contiguous(toks, start, k + 1):
            continue
        if any(not toks[m].fused for m in range(start + 1, k)):
            continue
        if toks[k].start - toks[k - 1].end > 1:
            continue
        key = ctx.text[toks[start].start:toks[k - 1].end]
        unit = ctx.lex.prefix_currencies.get(key)
        if unit is not None and not (start > 0 and toks[start].fused and
                                     toks[start - 1].kind == "word"):
            return unit, start
    return None


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
        return
    if j < len(toks) and j < ceiling:
        unit = _unit_at(ctx, j, ceiling, cand)
        if unit:
            if cand.money and unit[0].dimension == "currency":
                cand.end = unit[1]  # "$5 million dollars"
            elif not cand.money:
                cand.unit, cand.end = unit[0], unit[1]


def _counted_in_millions(ctx: _Context, cand: _Cand, k: int) -> bool:
    """A noun after "5m" makes it a count in millions ("5m people"), unless it measures."""
    toks, lex = ctx.toks, ctx.lex
    if cand.i > 0 and ctx.joined(cand.i) and toks[cand.i - 1].low in lex.metre_after:
        return False
    if k >= len(toks) or not ctx.joined(k) or toks[k].fused:
        return False
    word = toks[k]
    return word.kind == "word" and word.text.islower() and word.low not in lex.metre_before \
        and _resolve_unit(lex, word.text, False) is None


def _unit_at(ctx: _Context, j: int, ceiling: int, cand: _Cand) -> tuple[_Unit, int] | None:
    toks, lex = ctx.toks, ctx.lex
    for length in range(min(lex.max_unit_tokens, ceiling - j), 0, -1):
        end = j + length
        if not _contiguous(toks, j, end) or any(
                toks[m].start - toks[m - 1].end > 1 for m in range(j + 1, end)):
            continue
        if end < len(toks) and toks[end].fused and toks[end].kind in ("word", "num"):
            continue  # the unit must end where the word ends
        key = " ".join(ctx.text[toks[j].start:toks[end - 1].end].split())
        if length == 1 and len(key) == 1 and key.isalpha() and not toks[j].fused and \
                key not in lex.spaced_letters:
            continue
        if length == 1 and _capitalised_word(ctx, j) and key in lex.symbol_units:
            continue  # "Gunman Kills Four At Texas Mall": a headline word, not ampere-turns
        unit = _resolve_unit(lex, key, cand.scale > 1)
        if unit is not None:
            return unit, end
    return None


def _capitalised_word(ctx: _Context, j: int) -> bool:
    """A word written apart from the number, capitalised like the others in a headline."""
    tok = ctx.toks[j]
    return not tok.fused and tok.kind == "word" and len(tok.text) > 1 and tok.text[0].isupper() \
        and tok.text[1:].islower() and _title_line(ctx, j)


def _resolve_unit(lex: _Lexicon, key: str, scaled: bool) -> _Unit | None:
    candidates = lex.symbol_units.get(key) or lex.word_units.get(key.lower())
    if not candidates:
        return None
    preferred = (scaled and lex.preferred_with_scale.get(key.lower())) or lex.preferred.get(
        key) or lex.preferred.get(key.lower())
    unit = next((u for u in candidates if u.name == preferred), candidates[0])
    return None if unit.name == "count" else unit


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
    if cand.unit is not None or cand.money or cand.kind != "count" or cand.value is None or \
            cand.value != int(cand.value) or not 0 < cand.value <= _OLDEST_AGE:
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


# --- What is not a quantity ----------------------------------------------------------------------

_BLOCKED_RE = re.compile(
    r"""
    https?://\S+ | www\.\S+ | \S+@\S+\.\w+                                  # URLs, e-mail
  | \+\d[\d\s().\/-]{6,}\d                                                  # +1-222-2222/2222
  | (?:\b1[\s.-])?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b                      # 1-800-273-8255
  | 0(?<![\w.,]0)\d{2,4}(?:[\u0020\u00a0-]\d{3,4}){1,3}\b                       # 0800 555 111
  | \b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b                                     # 5/17/2018
  | \b(?:1[89]|20)\d\d[-–/](?:\d\d)\b(?![-–/.,]?\d)                         # 2022-23, 1995-01
  | \b(?:1[89]|20)\d\d\s?[-–]\s?(?:1[89]|20)\d\d\b                          # 2019-2022
  | \b\d{1,2}:\d{2}(?::\d{2})?(?:\s?[aApP]\.?[mM]\b\.?)?                    # 06:46 PM
  | \b\d{1,2}\.\d{2}\s?[aApP]\.?[mM]\b\.?                                  # 10.30am
  | \b\d{1,2}\s?(?:[aApP]\.[mM]\.|[aApP][mM]\b)                             # 9am, 9 p.m.
  | (?m:^[\u0020\t]*(?:[A-Z][a-z]+[\u0020\t]+)?\d{1,3}[\u0020\t]+of[\u0020\t]+\d{1,3}
        (?=[\u0020\t]*(?:[:|)\u2013\u2014-]|$)))                                 # Photo 3 of 12:
    """,
    re.VERBOSE,
)


def _block_spans(ctx: _Context) -> None:
    """Leave out the tokens of URLs, phone numbers, numeric dates and clock times."""
    spans = [m.span() for m in _BLOCKED_RE.finditer(ctx.text)]
    k = 0
    for start, end in spans:
        while k < len(ctx.toks) and ctx.toks[k].start < start:
            k += 1
        while k < len(ctx.toks) and ctx.toks[k].start < end:
            ctx.excluded.add(k)
            k += 1


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


def _is_identifier(ctx: _Context, cand: _Cand) -> bool:
    """ "MH17", "G7", "Shahed-136", "COVID-19", "5G", "1st", "1990s": not quantities."""
    toks, i = ctx.toks, cand.i
    if toks[i].kind == "num" and toks[i].fused and cand.start == i:
        before = toks[i - 1]
        if before.kind == "word" or before.low in ("#", "№"):
            return True
        if before.low in ("-", "‐") and i >= 2 and before.fused and toks[i - 2].kind == "word" \
                and not (i >= 3 and toks[i - 2].fused and toks[i - 3].kind == "num"):
            return True  # "Shahed-136", but not the "20k" of "5k-20k"
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
    if cand.value is None or cand.value != int(cand.value) or cand.j - cand.i != 1:
        return False
    i = cand.i
    if _month_before(ctx, i) or (_dash_between(ctx, i - 1) and _month_before(ctx, i - 2)):
        return True
    if cand.value > 31:
        return False
    if _day_range_end(ctx, i):
        return True
    return _month_after(ctx, i + 1) or (_dash_between(ctx, i + 1) and _month_after(ctx, i + 3))


def _day_range_end(ctx: _Context, i: int) -> bool:
    """The second day of "June 6 to 9", "between June 6 and 9", "from May 3 through 5"."""
    toks = ctx.toks
    if i < 2 or not (ctx.joined(i) and ctx.joined(i - 1)) or toks[i - 2].kind != "num" or \
            not _month_before(ctx, i - 2):
        return False
    connector = toks[i - 1].low
    if connector in ("to", "through", "until", "till", "-", "–"):
        return not _counts_noun_at(ctx, i + 1)  # "June 6 to 9", not "on June 6 to 9 people"
    month = i - 4 if toks[i - 3].low == "." else i - 3
    opener = toks[month - 1].low if month > 0 and ctx.joined(month) else ""
    return connector in ctx.lex.range_first.get(opener, ())


def _dash_between(ctx: _Context, k: int) -> bool:
    toks = ctx.toks
    return 0 < k < len(toks) - 1 and toks[k].low in ("-", "–") and toks[k].fused and \
        toks[k + 1].fused and toks[k - 1].kind == toks[k + 1].kind == "num"


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
    """ "Article 5", "No. 10", "Boeing 737", "Formula One": a number that names something."""
    toks, k = ctx.toks, cand.start
    if cand.vague or cand.qualifier or cand.money:
        return False
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
    return word.text != "I" and not _title_line(ctx, k)


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
    """ "2 years ago", "three days later", "1 min read": a point in time or page furniture."""
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


# --- Changes, ranges and combined bounds ---------------------------------------------------------


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
        if word in lex.trend_adverbs and cand.unit is not None:
            cand.trend, cand.after_trend_verb = lex.trend_adverbs[word], True
            return
    k = cand.start - 1
    if k >= 1 and toks[k].low == "of" and toks[k - 1].low in lex.trend_nouns:
        cand.trend = lex.trend_nouns[toks[k - 1].low]
        return
    j = cand.end
    if j < len(toks) and ctx.joined(j) and toks[j].low in lex.trend_nouns:
        cand.trend = lex.trend_nouns[toks[j].low]


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
    if opener in lex.range_first and connector in lex.range_first[opener]:
        if opener == "from" and first.start >= 2 and toks[first.start - 2].low in \
                lex.trend_verbs:
            return None  # "rose from 5% to 10%": two levels, not a range
        return f"{opener} … {toks[first.end].text}", 1
    if connector not in lex.range_bare:
        return None
    if first.after_trend_verb and (first.unit is not None or second.unit is None):
        return None
    if connector == "or" and first.spelled != second.spelled:
        return None
    words = (_UNIT, _TEEN, _TENS)
    if connector in ("-", "–", "~") and (ctx.type(first.end - 1) in words or
                                         ctx.type(second.start) in words):
        return None  # "a one-two punch"
    return toks[first.end].text, 0


def _is_tally(ctx: _Context, first: _Cand, second: _Cand) -> bool:
    """ "3-0", "a 2-1 win", "lost 1-2": a score or a vote, not a range.

    Two whole numbers joined by a dash are a result when the first is the larger (a range runs
    upwards), or when a word of winning, losing or voting stands next to them and no noun they
    count follows ("won 20-30 seats" is a range).
    """
    toks = ctx.toks
    if not _dash_joined(ctx, first, second):
        return False
    plain = all(c.j - c.i == 1 and toks[c.i].kind == "num" and c.unit is None and c.qualifier
                is None for c in (first, second))
    if not plain or first.value is None or second.value is None:
        return False
    if first.value >= second.value:
        return True
    lex, after, before = ctx.lex, second.end, first.start - 1
    if after < len(toks) and ctx.joined(after) and toks[after].low in lex.tally_after:
        return True
    return before >= 0 and ctx.joined(first.start) and toks[before].low in lex.tally_before and \
        not _counts_noun_at(ctx, after)


def _dash_joined(ctx: _Context, first: _Cand, second: _Cand) -> bool:
    """Two numerals written with a dash between them and no space: "3-0", "737-800"."""
    toks, k = ctx.toks, first.end
    return second.start == k + 1 and toks[k].low in ("-", "–") and toks[k].fused and \
        toks[second.start].fused and toks[k - 1].kind == toks[second.start].kind == "num"


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
    if first.unit and second.unit and first.unit != second.unit:
        return False
    if first.unit and not second.unit and not first.money:
        return False  # "rose by 4% to 50,510": a change and a level, not a range
    low, high = first.value, second.value
    if first.scale == 1 and second.scale > 1 and low < high / second.scale:
        low *= second.scale
    if not low < high:
        return False
    if low != first.value:
        first.value, first.scale = low, second.scale
    unit = first.unit or second.unit
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


# --- Figures -------------------------------------------------------------------------------------


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
    return _tidy(lower), _tidy(upper)


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
    for cand in kept:
        _attach_trend(ctx, cand)
    joined = _join_ranges(ctx, kept)
    _qualify_conversions(ctx, joined)
    for cand in joined:
        yield _to_figure(ctx, cand)


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
    unit of the same kind states it with the same qualifier and trend."""
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
                first.unit.dimension != second.unit.dimension:
            continue
        if qualifier is not None:
            second.qualifier, second.qualifier_phrase = qualifier, _stated(first)
        second.trend = second.trend or first.trend


def find_figures(text: str) -> list[Figure]:
    """Every figure stated in ``text``, in order, with offsets into ``text``."""
    if not text:
        return []
    return list(_figures(text))


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
