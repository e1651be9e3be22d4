"""The record of a figure being assembled, passed from stage to stage."""

from __future__ import annotations

from dataclasses import dataclass

from .language import _Qualifier, _Unit


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
