"""Compare: line up the figures that measure the same quantity, judge them, and say why.

The flow for one batch of claims, one module a job:

1. :mod:`.measures` reads what each claim measures: the measure or the thing counted and its
   event, the place, the time scope, the doer, and the range its figure stands for
   (:mod:`.ranges`);
2. :mod:`.grouping` links conversions and parts and forms the groups, a block at a time, so the
   cost grows with the claims, not with their square;
3. :mod:`.origins` finds copies and whom each figure traces back to;
4. :mod:`.verdicts` judges each group, :mod:`.reasons` says why in one sentence and lists the
   figures by source, :mod:`.drift` notes how agreeing figures changed on the way;
5. the groups are ordered: conflicts first, then the newest reports.

Every threshold is a field of :class:`~numclaims.settings.CompareSettings`, passed in.

The subpackage is reached as ``from numclaims.compare.grouping import …``; ``numclaims.compare``
itself is the :func:`compare` function.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from ..models import Claim, Comparison, Document, Group, Member
from ..settings import DEFAULT_SETTINGS, CompareSettings
from . import drift, grouping, measures, origins, reasons, verdicts, vocabulary
from .measures import Reading, date_range
from .ranges import figure_range, rounding, stated_range
from .vocabulary import Vocabulary

__all__ = [
    "compare",
    "figure_range",
    "group_order",
    "judge",
    "rounding",
    "stated_range",
]

def compare(
    claims: Iterable[Claim],
    *,
    documents: Iterable[Document] | None = None,
    settings: CompareSettings = DEFAULT_SETTINGS,
) -> Comparison:
    """Group the claims that measure the same quantity and judge each group.

    ``documents``, when given, are the articles the claims come from; their text is used to
    recognise near-duplicates (a wire story reprinted, a page scraped twice). Without them,
    copies are recognised from the claims' sentences alone. Every claim ends up in exactly one
    group; a claim with no counterpart is a group of its own.
    """
    words = vocabulary.load()
    claims = list(claims)
    readings = [measures.read(claim, index, words, settings) for index, claim in enumerate(claims)]
    grouping.link(readings, words, settings)
    copies = origins.copy_clusters(claims, documents, settings)
    named = origins.origins(readings, copies, words)
    drafts = grouping.group(readings, words, settings)
    groups = [_judge(draft.readings, named, copies, words, settings) for draft in drafts]
    groups.sort(key=group_order)
    return Comparison(groups=groups)


def judge(
    claims: Iterable[Claim],
    *,
    documents: Iterable[Document] | None = None,
    settings: CompareSettings = DEFAULT_SETTINGS,
) -> Group:
    """Judge ``claims`` as one group, as they stand: for a group a reviewer formed by hand
    (claims moved, groups split or merged), so it gets a verdict, reason and origins of its own.
    """
    words = vocabulary.load()
    claims = list(claims)
    if not claims:
        raise ValueError("a group needs at least one claim")
    readings = [measures.read(claim, index, words, settings) for index, claim in enumerate(claims)]
    grouping.link(readings, words, settings)
    copies = origins.copy_clusters(claims, documents, settings)
    return _judge(readings, origins.origins(readings, copies, words), copies, words, settings)


def _judge(
    readings: Sequence[Reading], named: dict[int, str], copies: dict[str, str],
    words: Vocabulary, settings: CompareSettings,
) -> Group:
    for reading in readings:
        reading.origin = named[reading.index]
    label = reasons.label(readings, words)
    judged = verdicts.judged_ranges(readings)
    verdict, reason = verdicts.verdict(judged, label, copies, words)
    notes = drift.drift_notes(readings, settings) if verdict in ("consistent", "single") else []
    members = [
        Member(reading.claim, reading.low, reading.high,
               reasons.member_reason(reading, readings, label, words), origin=reading.origin,
               stated_low=reading.stated[0], stated_high=reading.stated[1])
        for reading in sorted(readings, key=_newest_first)
    ]
    return Group(
        id=reasons.group_id(label, readings),
        label=label,
        verdict=verdict,
        reason=reason,
        origins=len({reading.origin for reading in readings}),
        notes=notes,
        members=members,
        quantity=reasons.quantity(readings, words),
        sources=reasons.sources(readings),
    )


def group_order(group: Group) -> tuple[int, float, str, str]:
    """Conflicts first, then the newest report first; ties by label and id."""
    dates = [date_range(m.claim.published) for m in group.members]
    newest = max((grouping.midpoint(d) for d in dates if d), default=-math.inf)
    return (group.verdict != "conflict", -newest, group.label, group.id)


def _newest_first(reading: Reading) -> tuple[bool, float, str, int]:
    """Newest report first; undated reports last."""
    when = -grouping.midpoint(reading.reported) if reading.reported else 0.0
    return reading.reported is None, when, reading.claim.doc_id, reading.claim.start
