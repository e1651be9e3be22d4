"""The last comparison a workspace made, kept so that opening the workspace need not compare
every claim again.

Whenever anything changes, the workspace recomputes its comparison and moves its revision on
(:meth:`~numclaims.store.workspace.Workspace._refresh`); the comparison is written beside it,
marked with that revision and with what made it: this numclaims version and a digest of its
language data. Opening the workspace reads it back when both still hold, and compares afresh
otherwise (another version, or a workspace written by one that kept no snapshot). The snapshot
is a cache: deleting it loses nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import math
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from ..models import CLAIM_FIELDS, Claim, Comparison, Document, Group, GroupReview, Member
from .decisions import Decision
from .ids import claim_id
from .review import Reviewed

#: Bumped whenever the layout of a snapshot's body changes.
LAYOUT = 1


@cache
def made_with() -> str:
    """What a snapshot's comparison depends on besides the workspace: the numclaims version
    and its language data, which say how figures are grouped and judged."""
    from .. import __version__

    digest = hashlib.sha256()
    data = resources.files("numclaims").joinpath("data")
    for language in sorted(data.iterdir(), key=lambda p: p.name):
        if not language.is_dir():
            continue
        for entry in sorted(language.iterdir(), key=lambda p: p.name):
            if entry.name.endswith(".toml"):
                digest.update(entry.name.encode("utf-8"))
                digest.update(entry.read_bytes())
    return f"{__version__}/{LAYOUT}/{digest.hexdigest()[:16]}"


def dump(state: Reviewed) -> dict[str, Any]:
    """The comparison of ``state`` as JSON-ready data (its articles are the workspace's own)."""
    claims = [_claim_data(claim) for claim in state.claims]
    at = {claim_id(claim): index for index, claim in enumerate(state.claims)}
    groups = []
    for group in state.comparison.groups:
        members = []
        for member in group.members:
            found = at.get(claim_id(member.claim))
            if found is None or state.claims[found] != member.claim:
                at[claim_id(member.claim)] = found = len(claims)  # kept whole, to be exact
                claims.append(_claim_data(member.claim))
            members.append({
                "claim": found, "low": _finite(member.low), "high": _finite(member.high),
                "reason": member.reason, "origin": member.origin,
                "stated_low": _finite(member.stated_low),
                "stated_high": _finite(member.stated_high),
            })
        fields = {f.name: getattr(group, f.name) for f in dataclasses.fields(Group)
                  if f.name != "members"}
        groups.append({**fields, "members": members})
    return {
        "claims": claims,
        "compared": len(state.claims),
        "groups": groups,
        "reviews": {gid: dataclasses.asdict(review) for gid, review in state.reviews.items()},
        "excluded": [_claim_data(claim) for claim in state.excluded],
        "corrected": {cid: list(names) for cid, names in state.corrected.items()},
        "orphans": [dataclasses.asdict(decision) for decision in state.orphans],
    }


def load(body: dict[str, Any], documents: Sequence[Document]) -> Reviewed:
    """The :class:`Reviewed` a :func:`dump` was made from, with the workspace's articles."""
    claims = [_claim(data) for data in body["claims"]]
    groups = [
        Group(**{key: value for key, value in group.items() if key != "members"},
              members=[Member(claim=claims[m["claim"]], low=m["low"], high=m["high"],
                              reason=m["reason"], origin=m["origin"],
                              stated_low=m["stated_low"], stated_high=m["stated_high"])
                       for m in group["members"]])
        for group in body["groups"]
    ]
    return Reviewed(
        comparison=Comparison(groups=groups),
        reviews={gid: GroupReview(**review) for gid, review in body["reviews"].items()},
        documents=list(documents),
        claims=claims[:body["compared"]],
        excluded=[_claim(data) for data in body["excluded"]],
        corrected={cid: tuple(names) for cid, names in body["corrected"].items()},
        orphans=[Decision(**decision) for decision in body["orphans"]],
    )


def _claim_data(claim: Claim) -> dict[str, Any]:
    return {key: _finite(value) if isinstance(value, float) else value
            for key, value in claim.to_dict().items()}


def _claim(data: dict[str, Any]) -> Claim:
    return Claim(**{key: value for key, value in data.items() if key in CLAIM_FIELDS})


def _finite(value: float | None) -> float | None:
    """JSON has no infinity: an open bound is None, as everywhere in numclaims."""
    return value if value is None or math.isfinite(value) else None
