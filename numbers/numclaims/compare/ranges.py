"""The range a figure stands for: its stated bounds, and the rounding a flat figure allows.

A figure's bounds come from its words ("more than 400" → 400 and up, "nearly 500" → 450–500,
"hundreds" → 100–1,000). A figure stated flat ("400", "6,000", a range "5,000–6,000") is read as
rounded to the place of its last non-zero digit and may lie half that place either way: "400"
stands for 350–450, "6,000" for 5,500–6,500, "1.5 million" for 1.45–1.55 million, "3,958" for
itself. Whole figures under ten and number words under a hundred ("three") are exact; a number
word of a round size ("a thousand", "billion-dollar") is rounded like its digits. The widening is
at most :attr:`~numclaims.settings.CompareSettings.max_rounding_share` of the figure. A qualified
figure keeps the bounds its qualifier gives: "more than 400" already says how far from 400 the
truth may lie.

The two are kept apart so a reader sees both: the stated bounds ("40") and the range read when
rounding is allowed ("35–45").
"""

from __future__ import annotations

import math
import re

from ..models import Claim
from ..settings import DEFAULT_SETTINGS, CompareSettings

_NUMERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")

Bounds = tuple[float | None, float | None]


def stated_range(claim: Claim, settings: CompareSettings = DEFAULT_SETTINGS) -> Bounds:
    """The bounds the figure's words state, in its own unit; None where open. A flat figure is
    its value; "about 500" given without bounds is 450–550."""
    low, high = claim.lower, claim.upper
    if claim.qualifier in ("=", "range") and low is None and high is None:
        low = high = claim.value
    elif claim.qualifier == "~" and low is None and high is None and claim.value is not None:
        low = claim.value * (1 - settings.about_share)
        high = claim.value * (1 + settings.about_share)
    elif claim.qualifier in (">", ">=") and low is None:
        low = claim.value
    elif claim.qualifier in ("<", "<=") and high is None:
        high = claim.value
    if low is not None and high is not None and low > high:  # bounds given the wrong way round
        low, high = high, low
    return low, high


def figure_range(claim: Claim, settings: CompareSettings = DEFAULT_SETTINGS) -> Bounds:
    """The range ``claim``'s figure stands for once rounding is allowed; None where open."""
    low, high = stated_range(claim, settings)
    if claim.qualifier in ("=", "range"):
        margin = rounding(claim, settings)
        low = None if low is None else low - margin
        high = None if high is None else high + margin
    return low, high


def rounding(claim: Claim, settings: CompareSettings = DEFAULT_SETTINGS) -> float:
    """How far either way a flat figure may lie from what is written, in the claim's unit.

    Half the place value of the figure's last non-zero digit, at most
    ``settings.max_rounding_share`` of the figure; 0 for whole figures under ten, number words
    under a hundred and whole figures with no trailing zeros ("3,958").
    """
    value = claim.value if claim.value is not None else claim.lower
    if not value or not math.isfinite(value):
        return 0.0
    numeral = _NUMERAL.search(claim.surface or "")
    if numeral is None:
        place = _word_place(abs(value))
    else:
        place = _digit_place(numeral.group().replace(",", ""), value)
    return min(place / 2, abs(value) * settings.max_rounding_share)


def overlap(one: Bounds, other: Bounds) -> bool:
    """Whether two ranges share a value (open ends reach any value)."""
    return not apart(one[0], other[1]) and not apart(other[0], one[1])


def apart(low: float | None, high: float | None) -> bool:
    """Whether a lower bound lies above an upper bound (beyond float noise)."""
    if low is None or high is None:
        return False
    return low > high + 1e-9 * max(abs(low), abs(high), 1.0)


def common(ranges: list[Bounds]) -> Bounds | None:
    """The range every one of ``ranges`` covers, or None when there is none."""
    lows = [low for low, _ in ranges if low is not None]
    highs = [high for _, high in ranges if high is not None]
    low, high = (max(lows) if lows else None), (min(highs) if highs else None)
    return None if apart(low, high) else (low, high)


def _digit_place(numeral: str, value: float) -> float:
    """The place value of the last non-zero digit of a figure written in digits, in the
    figure's unit ('400' → 100, '1.5' million → 100,000); 0 when nothing suggests rounding."""
    try:
        number = float(numeral)
    except ValueError:
        return 0.0
    if number == 0 or not math.isfinite(number):
        return 0.0
    scale = abs(value / number)
    if "." in numeral:
        return 10.0 ** -len(numeral.split(".")[1]) * scale
    zeros = len(numeral) - len(numeral.rstrip("0"))
    if zeros:
        return 10.0 ** min(zeros, 300) * scale
    return scale if scale > 1 else 0.0  # "2 million" is rounded to the million


def _word_place(value: float) -> float:
    """The place a figure written in words is rounded to: 'a thousand' → 1,000, 'three' → 0."""
    if value < 100:
        return 0.0
    place = 10.0 ** math.floor(math.log10(value))
    return place if math.isclose(value % place, 0, abs_tol=1e-9 * value) else 0.0
