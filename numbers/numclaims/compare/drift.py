"""Drift notes: how a figure changed as it travelled between outlets, for groups that agree.

A qualifier dropped ("more than 400" became "400") or changed, a figure made vague ("6,000"
became "thousands"), rounded ("3,958" became "4,000"), or a unit converted. Each distinct way of
writing the figure is compared with the ones reported before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Claim
from ..settings import CompareSettings
from .grouping import midpoint
from .measures import Reading, phrase
from .ranges import rounding
from .reasons import who


def drift_notes(readings: Sequence[Reading], settings: CompareSettings) -> list[str]:
    forms: dict[tuple[str, str], Reading] = {}
    for reading in sorted(readings, key=_report_order):
        forms.setdefault((phrase(reading.claim.surface), reading.claim.unit or ""), reading)
    notes: list[str] = []
    earlier: list[Reading] = []
    for reading in forms.values():
        note = next(filter(None, (_drift(before, reading, settings)
                                  for before in earlier[:20])), None)
        if note:
            notes.append(note)
        earlier.append(reading)
    return notes


def _drift(before: Reading, after: Reading, settings: CompareSettings) -> str | None:
    one, other = before.claim, after.claim
    said = f"'{one.surface}' ({who(one)})"
    then = f"'{other.surface}' ({who(other)})"
    if (one.unit or "") != (other.unit or ""):
        return f"unit converted: {said} appears as {then}"
    if one.value is not None and one.value == other.value:
        if one.qualifier == other.qualifier:
            return None
        if "=" in (one.qualifier, other.qualifier):
            bare, qualified = (then, said) if other.qualifier == "=" else (said, then)
            return f"qualifier dropped: {bare} for {qualified}"
        return f"qualifier changed: {said} became {then}"
    if (one.qualifier == "vague") != (other.qualifier == "vague"):
        precise, vague = (said, then) if other.qualifier == "vague" else (then, said)
        return f"figure made vague: {precise} appears as {vague}"
    if _rounded(one, other, settings) or _rounded(other, one, settings):
        precise, rounded = (said, then) if _rounded(one, other, settings) else (then, said)
        return f"figure rounded: {precise} appears as {rounded}"
    return None


def _rounded(precise: Claim, rounded: Claim, settings: CompareSettings) -> bool:
    """Whether ``rounded`` is ``precise`` rounded to the place ``rounded`` is written to."""
    if precise.value is None or rounded.value is None or precise.value == rounded.value:
        return False
    margin = rounding(rounded, settings)
    close = abs(precise.value - rounded.value) <= margin
    return margin > 0 and close and rounding(precise, settings) < margin


def _report_order(reading: Reading) -> tuple[float, str, int]:
    when = midpoint(reading.reported) if reading.reported else float("inf")
    return when, reading.claim.doc_id, reading.claim.start
