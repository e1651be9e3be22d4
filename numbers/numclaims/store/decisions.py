"""Decisions: what a reviewer did, as records, and how each is checked before it is kept.

A decision is one row of the append-only ``decisions`` table. Its ``kind`` says what it does:

=============  ===========  =================================================================
kind           target       payload
=============  ===========  =================================================================
``review``     a group      ``verdict`` (the reviewer's, or the computed one confirmed),
                            ``status``; with ``computed`` (the verdict the figures gave then),
                            ``members`` and ``anchor``, so later evidence can be compared
``correct``    a claim      ``fields``: the corrected value, bounds, qualifier, unit, counted
                            thing, event, doer, attribution or time scope
``not_claim``  a claim      ``not_a_claim``: true, or false to take it back
``move``       a claim      ``to``: the group it goes to, and that group's ``to_anchor``
``split``      a group      ``claims``: the members that leave to form a group of their own
``merge``      a group      ``into``: the group that takes its members, and ``into_anchor``
``article``    an article   ``outlet``, ``published``: the article's outlet and report date
``remove``     an article   ``title``, ``outlet``, ``published``, ``url``, ``claims``: what was
                            taken out of the story (the article and its claims)
=============  ===========  =================================================================
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, get_args

from ..errors import WorkspaceError
from ..models import STATUSES, Qualifier, Verdict

KINDS = ("review", "correct", "not_claim", "move", "split", "merge", "article", "remove")
VERDICTS: tuple[str, ...] = get_args(Verdict)
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)
#: The claim fields a reviewer may correct, and whether each holds a number.
CORRECTABLE: dict[str, bool] = {
    "value": True,
    "lower": True,
    "upper": True,
    "qualifier": False,
    "unit": False,
    "entity": False,
    "event": False,
    "agent": False,
    "attribution": False,
    "time_scope": False,
}
_NUMBER = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$")


@dataclass(frozen=True)
class Decision:
    """One decision of the log: what was done, to what, by whom, when, and why."""

    seq: int
    kind: str
    target: str
    payload: dict[str, Any]
    author: str
    created_at: str
    note: str | None = None

    def describe(self) -> str:
        """The decision in words, for the log: 'verdict conflict, status reviewed'."""
        p = self.payload
        if self.kind == "review":
            parts = []
            if p.get("verdict"):
                confirmed = p["verdict"] == p.get("computed")
                parts.append(f"{'confirmed' if confirmed else 'verdict'} {p['verdict']}")
            if p.get("status"):
                parts.append(f"status {p['status']}")
            return ", ".join(parts) or "note"
        if self.kind == "correct":
            return "corrected " + ", ".join(
                f"{name} = {'open' if value is None else value}"
                for name, value in p["fields"].items()
            )
        if self.kind == "not_claim":
            return "not a claim" if p.get("not_a_claim", True) else "a claim after all"
        if self.kind == "move":
            return f"moved to {p['to']}"
        if self.kind == "split":
            return f"split off {', '.join(p['claims'])}"
        if self.kind == "merge":
            return f"merged into {p['into']}"
        if self.kind == "article":
            return f"outlet {p.get('outlet') or 'unknown'}, report date " \
                f"{p.get('published') or 'unknown'}"
        if self.kind == "remove":
            return f"removed the article {p.get('title') or self.target!r} " \
                f"({p.get('claims', 0)} claims)"
        return self.kind


def parse_number(text: str | float | int | None, *, name: str) -> float | None:
    """A number a reviewer typed: ``450``, ``1,200``, ``1.5e6``; blank or ``open`` is None."""
    if text is None or isinstance(text, (int, float)) and not isinstance(text, bool):
        value = None if text is None else float(text)
    else:
        cleaned = str(text).strip()
        if cleaned.lower() in ("", "open", "none", "null"):
            return None
        if not _NUMBER.match(cleaned) or not re.search(r"\d", cleaned):
            raise WorkspaceError(f"{name}: {text!r} is not a number")
        value = float(cleaned.replace(",", ""))
    if value is not None and not math.isfinite(value):
        raise WorkspaceError(f"{name}: {text!r} is not a finite number")
    return value


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The corrections a reviewer asked for, checked and typed; unknown fields refused."""
    unknown = set(fields) - set(CORRECTABLE)
    if unknown:
        raise WorkspaceError(
            f"cannot correct {', '.join(sorted(unknown))}; "
            f"correctable: {', '.join(CORRECTABLE)}"
        )
    if not fields:
        raise WorkspaceError("nothing to correct: give at least one field")
    cleaned: dict[str, Any] = {}
    for name, value in fields.items():
        if CORRECTABLE[name]:
            cleaned[name] = parse_number(value, name=name)
        else:
            text = None if value is None else " ".join(str(value).split()) or None
            if name == "qualifier" and text not in QUALIFIERS:
                raise WorkspaceError(
                    f"qualifier: {value!r} is not one of {', '.join(QUALIFIERS)}"
                )
            cleaned[name] = text
    return cleaned


def check_verdict(verdict: str | None) -> str | None:
    """A reviewer's verdict: one of the five, or ``confirm`` (the computed one)."""
    if verdict is None:
        return None
    verdict = verdict.strip().lower()
    if verdict != "confirm" and verdict not in VERDICTS:
        raise WorkspaceError(
            f"verdict: {verdict!r} is not one of confirm, {', '.join(VERDICTS)}"
        )
    return verdict


def check_status(status: str | None) -> str | None:
    """A group's status: reviewed, needs work (``needs-work`` too) or published."""
    if status is None:
        return None
    status = " ".join(status.strip().lower().replace("-", " ").replace("_", " ").split())
    if status not in STATUSES:
        raise WorkspaceError(f"status: {status!r} is not one of {', '.join(STATUSES)}")
    return status
