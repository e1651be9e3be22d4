"""The language data the figure finder reads (``numbers.toml``, ``qualifiers.toml``,
``vague.toml``, ``trends.toml``, ``units.toml`` over quantulum3's unit lexicon), loaded and
checked once."""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ... import lexicon
from ...errors import LexiconError
from .tokens import _Tok, _tokenize

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
    measure_prefixes: frozenset[str]  # "magnitude" in "a magnitude-7.8 quake"
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
    range_lead_ins: dict[str, tuple[tuple[str, ...], ...]]  # "between" -> ("the", "ages", "of")
    range_bare: frozenset[str]
    range_connectors: frozenset[str]  # every word that joins two numbers into a range
    bound_joiners: _Phrases
    vague: _Phrases
    life_openers: _Phrases  # "in her" before a decade of life
    life_decades: dict[str, tuple[float, float]]  # "twenties" -> (20, 29)
    life_parts: dict[str, tuple[float, float]]  # "early" -> (0, 3)
    trend_verbs: dict[str, str]
    change_verbs: frozenset[str]  # "went", "moved": "from X to Y" after them is two levels
    trend_nouns: dict[str, str]
    trend_adverbs: dict[str, str]
    trend_after: dict[str, str]  # "18.8 per cent lower"
    months: frozenset[str]
    weekdays: frozenset[str]
    word_units: dict[str, tuple[_Unit, ...]]
    symbol_units: dict[str, tuple[_Unit, ...]]
    prefix_currencies: dict[str, _Unit]
    scaled_prefixes: dict[str, _Unit]  # "R" in "R254 billion"
    scaled_words: dict[str, _Unit]  # "won" in "10.44 trillion won"
    currency_codes: dict[str, str]  # "pound sterling" -> "GBP" (ISO 4217)
    fused_symbols: dict[str, _Unit]  # "in" in "a 6.5in display", never "5 in 10"
    preferred: dict[str, str]
    preferred_with_scale: dict[str, str]
    spaced_letters: frozenset[str]
    unit_names: dict[str, _Phrases]  # unit -> the words after it that make a measure a name
    senses: dict[str, tuple[_Unit, frozenset[str]]]  # "nm" -> nautical mile near "knots"
    metre_before: frozenset[str]
    metre_after: frozenset[str]
    million_of_determiners: frozenset[str]  # "45m of its devices"
    million_of_pronouns: frozenset[str]  # "3m of them"
    rate_words: frozenset[str]  # "per", "a": an amount's unit, this word, a base ("$5 a day")
    rate_articles: frozenset[str]
    rate_article_dimensions: frozenset[str]
    rate_nouns: frozenset[str]  # "share" in "$48 per share"
    rate_not_before: frozenset[str]  # "ago" in "$5bn a year ago"
    rate_before_what: frozenset[str]  # "tax" in "€865,000 a week before tax": still a rate
    age_words: _Phrases  # "aged", "the age of": the unit of the number after them
    age_unit: _Unit
    second_unit: _Unit  # of a time written h:mm:ss ("finished in 2:54:46")
    age_nouns: frozenset[str]  # "old" in "a 16-year-old", "olds" in "five-year-olds"
    age_markers: frozenset[str]  # "younger than 25", "children under five": a qualified age
    starters: frozenset[str]  # the words a numeral can begin with
    max_unit_tokens: int  # the most tokens a unit's words or symbol take


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
        "measure_prefixes": _word_list(name, "measure_prefixes"),
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
    ranges = _entries(name, "ranges", {"first": str, "connectors": list, "lead_ins": list},
                      required=["connectors"])
    range_first = {e["first"].lower(): frozenset(_forms(name, "ranges", k, e, "connectors"))
                   for k, e in ranges.items() if "first" in e}
    lead_ins = {e["first"].lower(): tuple(tuple(f.split()) for f in
                                          _forms(name, "ranges", k, e, "lead_ins"))
                for k, e in ranges.items() if "first" in e and "lead_ins" in e}
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
        "range_lead_ins": lead_ins,
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
    schema = {"direction": str, "verbs": list, "nouns": list, "adverbs": list, "after": list}
    entries = _entries(name, "trends", schema, required=["direction", "verbs"])
    tables: dict[str, dict[str, str]] = {"verbs": {}, "nouns": {}, "adverbs": {}, "after": {}}
    for key, table in tables.items():
        lexicon.phrase_index(name, entries, key)
        for entry_name, entry in entries.items():
            if entry["direction"] not in ("up", "down"):
                raise LexiconError(_path(name), f"[trends.{entry_name}] direction must be up/down")
            for word in _forms(name, "trends", entry_name, entry, key) if key in entry else ():
                table[word] = entry["direction"]
    return {"trend_verbs": tables["verbs"], "trend_nouns": tables["nouns"],
            "trend_adverbs": tables["adverbs"], "trend_after": tables["after"],
            "change_verbs": frozenset(lexicon.words(name, "change_verbs"))}


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
    prefix, scaled_prefixes, scaled_words, fused = _extra_units(word_units, symbol_units)
    codes = _currency_codes(aliases)
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
    metre = _exactly(name, "metre_m", {"before", "after", "of_determiners", "of_pronouns"})
    names = _entries(name, "names", {"before": list}, required=["before"])
    ages = _entries(name, "ages", {"before": list, "qualified": list}, required=["before"])
    rates = _exactly(name, "rates", {"per", "article", "article_dimensions", "bases", "not_before",
                                     "before_what"})
    known_names = {u.name: u for units in (*word_units.values(), *symbol_units.values())
                   for u in units}
    for key, listed in (("names", names), ("ages", ages)):
        for unit_name in listed:
            if unit_name not in known_names:
                raise LexiconError(_path(name), f"[{key}] {unit_name!r} is not a unit name")
    if len(ages) != 1:
        raise LexiconError(_path(name), "[ages] must name exactly one unit")
    senses = _entries(name, "senses", {"unit": str, "near": list}, required=["unit", "near"])
    for symbol, entry in senses.items():
        if entry["unit"] not in known_names:
            raise LexiconError(_path(name), f"[senses] {symbol!r}: {entry['unit']!r} is not a "
                               "unit name")
    return {
        "word_units": {k: tuple(v) for k, v in word_units.items()},
        "symbol_units": {k: tuple(v) for k, v in symbol_units.items()},
        "prefix_currencies": prefix,
        "scaled_prefixes": scaled_prefixes,
        "scaled_words": scaled_words,
        "currency_codes": codes,
        "fused_symbols": fused,
        "preferred": preferred,
        "preferred_with_scale": with_scale,
        "spaced_letters": frozenset(f for e in spaced.values() for f in e["forms"]),
        "unit_names": {unit_name: _Phrases((f, True) for f in _forms(name, "names", unit_name,
                                                                      entry, "before"))
                       for unit_name, entry in names.items()},
        "senses": {symbol: (known_names[entry["unit"]],
                            frozenset(_forms(name, "senses", symbol, entry, "near")))
                   for symbol, entry in senses.items()},
        "metre_before": frozenset(_forms(name, "metre_m", "before", metre["before"])),
        "metre_after": frozenset(_forms(name, "metre_m", "after", metre["after"])),
        "million_of_determiners": frozenset(
            _forms(name, "metre_m", "of_determiners", metre["of_determiners"])),
        "million_of_pronouns": frozenset(
            _forms(name, "metre_m", "of_pronouns", metre["of_pronouns"])),
        "age_markers": frozenset(f for unit_name, entry in ages.items()
                                 for f in _forms(name, "ages", unit_name, entry, "qualified")),
        "age_words": _Phrases((f, known_names[unit_name]) for unit_name, entry in ages.items()
                              for f in _forms(name, "ages", unit_name, entry, "before")),
        "age_unit": known_names[next(iter(ages))],
        "second_unit": known_names["second"],
        "age_nouns": frozenset(_forms(name, "age_compounds", "after", _exactly(
            name, "age_compounds", {"after"})["after"])),
        **{f"rate_{field}": frozenset(_forms(name, "rates", key, rates[key]))
           for key, field in (("per", "words"), ("article", "articles"),
                              ("article_dimensions", "article_dimensions"),
                              ("bases", "nouns"), ("not_before", "not_before"),
                              ("before_what", "before_what"))},
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
            # quantulum3 keeps a surface's units in a set: sorted, so that a symbol of two units
            # ("c": cent and centavo) reads the same in every process
            for unit in sorted(units, key=lambda u: (u.name, u.entity.name)):
                named = _Unit(aliases.get(unit.name, unit.name), unit.entity.name)
                listed = table.setdefault(" ".join(surface.split()), [])
                if named not in listed:
                    listed.append(named)
    return words, symbols


def _currency_codes(aliases: Mapping[str, str]) -> dict[str, str]:
    """Each currency's ISO 4217 code by unit name: quantulum3's, and [extra]'s ``code``."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import quantulum3.load as qload

        known = qload.units("en_US")
    codes = {aliases.get(name, name): unit.currency_code for name, unit in known.names.items()
             if getattr(unit, "currency_code", None)}
    for unit_name, entry in _entries("units", "extra", _EXTRA_SCHEMA,
                                     required=["dimension"]).items():
        if "code" in entry:
            codes[unit_name] = entry["code"]
    return codes


_EXTRA_SCHEMA = {"dimension": str, "words": list, "symbols": list, "prefix": bool,
                 "scaled_prefix": list, "scaled_words": list, "fused": list, "code": str}


def _extra_units(
    words: _UnitTable, symbols: _UnitTable
) -> tuple[dict[str, _Unit], dict[str, _Unit], dict[str, _Unit], dict[str, _Unit]]:
    """Add the units of [extra]; return its symbols that may stand before a number, those that
    do so only against a number with a scale word ("R254 billion"), its words that are the
    unit only after a scale word ("10.44 trillion won"), and its symbols that are the unit only
    written against the number ("a 6.5in display")."""
    name = "units"
    extra = _entries(name, "extra", _EXTRA_SCHEMA, required=["dimension"])
    lexicon.phrase_index(name, extra, "words")
    lexicon.phrase_index(name, extra, "symbols")
    prefix: dict[str, _Unit] = {}
    scaled: dict[str, _Unit] = {}
    scaled_words: dict[str, _Unit] = {}
    fused: dict[str, _Unit] = {}
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
        for word in entry.get("scaled_words", ()):
            scaled_words[word.lower()] = unit
        for symbol in entry.get("fused", ()):
            fused[symbol] = unit
    return prefix, scaled, scaled_words, fused


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
    # the longest unit in tokens: "u.s. dollars" is five ("u", ".", "s", ".", "dollars")
    parts["max_unit_tokens"] = max(
        len(_tokenize(key)) for table in (parts["word_units"], parts["symbol_units"])
        for key in table)
    parts["starters"] = frozenset(
        set(parts["vague"].by_first) | set(parts["atoms"]) | set(parts["multiples"])
        | set(parts["life_decades"]))
    return _Lexicon(**parts)


def check_language_data() -> None:
    """Load and validate every data file this module reads; raise LexiconError if one is bad."""
    _lexicon.cache_clear()
    _lexicon()
