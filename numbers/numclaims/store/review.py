"""Replaying the decision log over a freshly computed comparison.

Nothing here touches the database: :func:`replay` takes the workspace's claims (in the order
they were added), its articles and its decisions, and gives the comparison as the reviewers
left it. It runs after every recompute, so decisions survive new articles and new versions of
the extractor; where later evidence goes against a decision, the group's review says so.

The order of replay:

1. claim decisions (corrections, not-a-claim) change the claims the comparison sees;
2. the claims are compared, and each group is named after its anchor (:mod:`.ids`);
3. moves, splits and merges rearrange the groups in log order, and every group they touched is
   judged again as the reviewer arranged it (:func:`numclaims.compare.judge`);
4. review decisions (verdicts, statuses, notes) are attached to the groups they name, and each
   group's latest verdict or status is checked against the evidence it now holds.

A decision whose group or claim no longer exists (its article's text changed, its group was
merged away and the anchor went with it) is kept in :attr:`Reviewed.orphans`, never dropped
without a word.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..compare import compare, judge
from ..models import Claim, Comparison, Document, Group, GroupReview, Member
from .decisions import Decision
from .ids import claim_id, group_id

#: Turns claims (and their articles) into a comparison; the workspace passes the library's.
Comparer = Callable[[list[Claim], list[Document]], Comparison]
Judge = Callable[[list[Claim], list[Document]], Group]


@dataclass
class Reviewed:
    """A workspace's comparison with every decision re-applied.

    ``comparison`` holds the groups as reviewers arranged them, with stable ids; ``reviews``
    has a :class:`~numclaims.models.GroupReview` for every group. ``claims`` are the claims as
    compared (corrections applied, figures marked as not claims left out, which are in
    ``excluded``); ``corrected`` names, by claim id, the fields a reviewer changed.
    """

    comparison: Comparison
    reviews: dict[str, GroupReview]
    documents: list[Document]
    claims: list[Claim]
    excluded: list[Claim] = field(default_factory=list)
    corrected: dict[str, tuple[str, ...]] = field(default_factory=dict)
    orphans: list[Decision] = field(default_factory=list)

    def group(self, gid: str) -> Group | None:
        """The group with this id, if there is one now."""
        return next((g for g in self.comparison.groups if g.id == gid), None)

    def group_of(self, cid: str) -> Group | None:
        """The group holding the claim with this id."""
        return next(
            (g for g in self.comparison.groups if any(claim_id(m.claim) == cid
                                                      for m in g.members)),
            None,
        )

    def claim(self, cid: str) -> Claim | None:
        """The claim with this id as compared, or as it was before it was marked not a claim."""
        return next(
            (c for c in [*self.claims, *self.excluded] if claim_id(c) == cid), None
        )

    def verdict(self, group: Group) -> str:
        """The verdict to show: the reviewer's where there is one, else the computed one."""
        review = self.reviews.get(group.id)
        return (review.verdict if review and review.verdict else None) or group.verdict


def replay(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    decisions: Iterable[Decision],
    *,
    comparer: Comparer | None = None,
    judger: Judge | None = None,
) -> Reviewed:
    """The comparison of ``claims`` with ``decisions`` applied (see the module's steps).

    ``claims`` come in the order they were added to the workspace; that order names groups.
    """
    comparer = comparer or (lambda cs, ds: compare(cs, documents=ds))
    judger = judger or (lambda cs, ds: judge(cs, documents=ds))
    decisions = sorted(decisions, key=lambda d: d.seq)
    order = {claim_id(claim): index for index, claim in enumerate(claims)}
    compared, excluded, corrected, orphans = _apply_claim_decisions(claims, decisions)
    documents = list(documents)
    state = _State(order, documents, judger)
    for group in comparer(compared, documents).groups:
        state.add_computed(group)
    for decision in decisions:
        if decision.kind in ("move", "split", "merge") and not state.rearrange(decision):
            orphans.append(decision)
    state.rejudge()
    reviews = {gid: GroupReview() for gid in state.groups}
    for decision in decisions:
        if decision.kind == "review":
            gid = state.resolve(decision.target, decision.payload.get("anchor"),
                                decision.payload.get("members"))
            if gid is None:
                orphans.append(decision)
            else:
                _apply_review(reviews[gid], decision)
    latest: dict[str, Decision] = {}  # each group's latest verdict or status
    for decision in decisions:
        p = decision.payload
        if decision.kind == "review" and (p.get("verdict") or p.get("status")):
            gid = state.resolve(decision.target, p.get("anchor"), p.get("members"))
            if gid is not None:
                latest[gid] = decision
    for gid, group in state.groups.items():
        reviews[gid].by_hand = gid in state.by_hand
        if gid in latest:
            _check_evidence(reviews[gid], group, latest[gid])
    groups = [state.groups[gid] for gid in state.ordered()]
    return Reviewed(
        comparison=Comparison(groups=groups),
        reviews=reviews,
        documents=documents,
        claims=compared,
        excluded=excluded,
        corrected=corrected,
        orphans=sorted(orphans, key=lambda d: d.seq),
    )


# --------------------------------------------------------------------------------------------
# Claim decisions


def _apply_claim_decisions(
    claims: Sequence[Claim], decisions: Sequence[Decision]
) -> tuple[list[Claim], list[Claim], dict[str, tuple[str, ...]], list[Decision]]:
    known = {claim_id(claim) for claim in claims}
    fields: dict[str, dict[str, object]] = {}
    not_claims: dict[str, bool] = {}
    orphans = []
    for decision in decisions:
        if decision.kind not in ("correct", "not_claim"):
            continue
        if decision.target not in known:
            orphans.append(decision)
        elif decision.kind == "correct":
            fields.setdefault(decision.target, {}).update(decision.payload["fields"])
        else:
            not_claims[decision.target] = bool(decision.payload.get("not_a_claim", True))
    compared: list[Claim] = []
    excluded: list[Claim] = []
    for claim in claims:
        cid = claim_id(claim)
        if cid in fields:
            claim = corrected_claim(claim, fields[cid])
        (excluded if not_claims.get(cid) else compared).append(claim)
    return compared, excluded, {cid: tuple(f) for cid, f in fields.items()}, orphans


def corrected_claim(claim: Claim, fields: Mapping[str, object]) -> Claim:
    """The claim with a reviewer's corrections.

    A corrected value carries its bounds along when the reviewer gave none: both for an exact
    figure, the firm one for "more than" and "fewer than" kinds, proportionally otherwise.
    """
    changes = dict(fields)
    value = changes.get("value")
    if "value" in changes and "lower" not in changes and "upper" not in changes:
        qualifier = changes.get("qualifier", claim.qualifier)
        if isinstance(value, float):
            if qualifier == "=":
                changes.update(lower=value, upper=value)
            elif qualifier in (">", ">="):
                changes["lower"] = value
            elif qualifier in ("<", "<="):
                changes["upper"] = value
            elif claim.value:
                ratio = value / claim.value
                changes.update(
                    lower=None if claim.lower is None else claim.lower * ratio,
                    upper=None if claim.upper is None else claim.upper * ratio,
                )
    return dataclasses.replace(claim, **changes)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# Groups: computed, then rearranged by hand


class _State:
    def __init__(self, order: Mapping[str, int], documents: Sequence[Document],
                 judger: Judge) -> None:
        self.order = order
        self.by_doc = {document.doc_id: document for document in documents}
        self.judger = judger
        self.groups: dict[str, Group] = {}
        self.anchors: dict[str, str] = {}
        self.where: dict[str, str] = {}
        self.position: dict[str, float] = {}
        self.dirty: set[str] = set()
        self.by_hand: set[str] = set()

    def add_computed(self, group: Group) -> None:
        cids = [claim_id(m.claim) for m in group.members]
        anchor = min(cids, key=lambda c: self.order.get(c, len(self.order)))
        gid = group_id(anchor)
        self._place(dataclasses.replace(group, id=gid), anchor, float(len(self.groups)))

    def _place(self, group: Group, anchor: str, position: float) -> None:
        self.groups[group.id] = group
        self.anchors[group.id] = anchor
        self.position[group.id] = position
        for member in group.members:
            self.where[claim_id(member.claim)] = group.id

    def resolve(self, gid: str, anchor: object = None, members: object = None) -> str | None:
        """The group a decision meant: the one with its id, else the one holding its anchor,
        else the one holding most of the members it was made on."""
        if gid in self.groups:
            return gid
        if isinstance(anchor, str) and anchor in self.where:
            return self.where[anchor]
        listed = members if isinstance(members, list) else []
        held = Counter(self.where[m] for m in listed if m in self.where)
        return held.most_common(1)[0][0] if held else None

    def rearrange(self, decision: Decision) -> bool:
        p = decision.payload
        if decision.kind == "move":
            source = self.where.get(decision.target)
            target = self.resolve(p["to"], p.get("to_anchor"))
            if source is None or target is None:
                return False
            if source != target:
                self._move([decision.target], source, target)
            return True
        gid = self.resolve(decision.target, p.get("anchor"))
        if gid is None:
            return False
        if decision.kind == "merge":
            into = self.resolve(p["into"], p.get("into_anchor"))
            if into is None:
                return False
            if into != gid:
                self._move(self._members(gid), gid, into)
            return True
        leaving = [c for c in p["claims"] if self.where.get(c) == gid]
        if not leaving or len(leaving) == len(self._members(gid)):
            return False
        self._split(gid, leaving)
        return True

    def _members(self, gid: str) -> list[str]:
        return [claim_id(m.claim) for m in self.groups[gid].members]

    def _move(self, cids: list[str], source: str, target: str) -> None:
        moving = [m for m in self.groups[source].members if claim_id(m.claim) in cids]
        staying = [m for m in self.groups[source].members if claim_id(m.claim) not in cids]
        self._set_members(target, [*self.groups[target].members, *moving])
        if staying:
            self._set_members(source, staying)
        else:
            self._drop(source)

    def _split(self, gid: str, leaving: list[str]) -> None:
        moving = [m for m in self.groups[gid].members if claim_id(m.claim) in leaving]
        staying = [m for m in self.groups[gid].members if claim_id(m.claim) not in leaving]
        self._set_members(gid, staying)
        candidates = sorted(leaving, key=lambda c: self.order.get(c, len(self.order)))
        anchor = next((c for c in candidates if group_id(c) not in self.groups), candidates[0])
        new_id = group_id(anchor)
        while new_id in self.groups:  # every candidate's id taken: derive one from the first
            new_id = group_id(new_id)
        first = self.groups[gid]
        self._place(dataclasses.replace(first, id=new_id, members=moving), anchor,
                    self.position[gid] + 0.5 / (1 + len(self.groups)))
        self.dirty.add(new_id)
        self.by_hand.add(new_id)

    def _set_members(self, gid: str, members: list[Member]) -> None:
        self.groups[gid] = dataclasses.replace(self.groups[gid], members=members)
        for member in members:
            self.where[claim_id(member.claim)] = gid
        self.dirty.add(gid)
        self.by_hand.add(gid)

    def _drop(self, gid: str) -> None:
        for name in (self.groups, self.anchors, self.position):
            name.pop(gid, None)
        self.dirty.discard(gid)
        self.by_hand.discard(gid)

    def rejudge(self) -> None:
        for gid in sorted(self.dirty):
            if gid not in self.groups:
                continue
            claims = [m.claim for m in self.groups[gid].members]
            documents = [self.by_doc[c.doc_id] for c in claims if c.doc_id in self.by_doc]
            judged = self.judger(claims, list({d.doc_id: d for d in documents}.values()))
            self.groups[gid] = dataclasses.replace(judged, id=gid)
        self.dirty.clear()

    def ordered(self) -> list[str]:
        return sorted(self.groups, key=lambda gid: self.position[gid])


# --------------------------------------------------------------------------------------------
# Reviews and the evidence that came after them


def _day(timestamp: str) -> str:
    return timestamp[:10]


def _apply_review(review: GroupReview, decision: Decision) -> None:
    p = decision.payload
    if decision.note:
        review.notes.append(f"{decision.author}, {_day(decision.created_at)}: {decision.note}")
    if p.get("verdict"):
        review.verdict = p["verdict"]
    if p.get("status"):
        review.status = p["status"]
    if p.get("verdict") or p.get("status"):
        review.reviewed_by = decision.author
        review.reviewed_at = decision.created_at


def _check_evidence(review: GroupReview, group: Group, latest: Decision) -> None:
    """Flag the group where what it now holds goes against its latest verdict or status."""
    p = latest.payload
    recorded = set(p.get("members", ()))
    members = {claim_id(m.claim): m for m in group.members}
    added = [members[c] for c in members if c not in recorded]
    removed = recorded - set(members)
    then, now = p.get("computed"), group.verdict
    what = f"{'Reviewed as ' + p['verdict'] if p.get('verdict') else 'Marked ' + p['status']}" \
        f" by {latest.author} on {_day(latest.created_at)}"
    changes = []
    if added:
        changes.append(f"{_count(len(added), 'figure')} added ({_figures(added)})")
    if removed:
        changes.append(f"{_count(len(removed), 'figure')} taken out")
    if then and now != then:
        review.flags.append(
            f"{what}, when the figures gave {then}; "
            + (f"since then {' and '.join(changes)}, and " if changes else "since then ")
            + f"they give {now}. Review it again."
        )
        return
    outside = [m for m in added if _outside(m, [members[c] for c in recorded if c in members])]
    if outside:
        review.flags.append(
            f"{what}; since then {_figures(outside)} lies outside every range reviewed. "
            "Review it again."
        )
    elif changes:
        review.notes.append(
            f"Since the review on {_day(latest.created_at)}: {' and '.join(changes)}; "
            f"the figures still give {now}."
        )


def _outside(member: Member, reviewed: Sequence[Member]) -> bool:
    same_unit = [r for r in reviewed if r.claim.unit == member.claim.unit]
    if not same_unit:
        return False
    return not any(_overlap(member, r) for r in same_unit)


def _overlap(one: Member, other: Member) -> bool:
    low = max((v for v in (one.low, other.low) if v is not None), default=None)
    high = min((v for v in (one.high, other.high) if v is not None), default=None)
    return low is None or high is None or low <= high


def _figures(members: Sequence[Member], limit: int = 3) -> str:
    shown = [f"'{m.claim.surface}' ({m.claim.outlet or 'outlet unknown'})" for m in members]
    more = len(shown) - limit
    return ", ".join(shown[:limit]) + (f" and {more} more" if more > 0 else "")


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"
