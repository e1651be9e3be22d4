"""What a fact-checker reads first, computed once for every output: the story summary (each
quantity more than one article reports, its figures by source and date, its verdict), the
groups worth a card, and the figures only one report gives, folded into one table."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..formatting import reading_text
from ..models import VERDICT_ORDER, Claim, Group, Member


@dataclass(frozen=True)
class Summary:
    """One quantity of the story summary."""

    group: Group
    figures: tuple[str, ...]  # "'296' (Mena Focus, 2023-09-09)", oldest first


def multi_report(group: Group) -> bool:
    """Whether more than one article reports the group's quantity."""
    return len({member.claim.doc_id for member in group.members}) > 1


def summary(groups: Sequence[Group]) -> list[Summary]:
    """The quantities more than one article reports, conflicts first, each with its figures by
    report date."""
    rows = []
    for group in groups:
        if not multi_report(group):
            continue
        ordered = sorted(group.members, key=lambda m: (m.claim.published or "~", m.claim.start))
        figures = tuple(dict.fromkeys(figure_and_source(m) for m in ordered))
        rows.append(Summary(group, figures))
    return rows


def single_report_members(groups: Sequence[Group]) -> list[tuple[Group, Member]]:
    """The figures of the groups only one report gives, in the groups' order."""
    return [(group, member) for group in groups if not multi_report(group)
            for member in group.members]


def figure_and_source(member: Member) -> str:
    """'296' (Mena Focus, citing the interior ministry, 2023-09-09)."""
    claim = member.claim
    who = claim.outlet or "outlet unknown"
    if claim.attribution and claim.attribution != claim.outlet:
        who += f", citing {claim.attribution}"
    return f"'{claim.surface}' ({who}, {claim.published or 'date unknown'})"


def member_range(member: Member) -> str:
    """The bounds a figure's words state, and the range it is read as where rounding widens it:
    '40, read as 35–45 when rounding is allowed'."""
    return reading_text((member.stated_low, member.stated_high), (member.low, member.high))


def counts_line(groups: Sequence[Group]) -> str:
    """'12 groups of 40 claims: 2 conflict, 1 evolving, 9 single.'"""
    counts = Counter(group.verdict for group in groups)
    claims = sum(len(group.members) for group in groups)
    parts = [f"{counts[v]} {v}" for v in VERDICT_ORDER if counts[v]]
    return (f"{len(groups)} group{'s' if len(groups) != 1 else ''} of {claims} "
            f"claim{'s' if claims != 1 else ''}" + (f": {', '.join(parts)}." if parts else "."))


def quote_parts(claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence split around its figure: before, the figure, after."""
    sentence = claim.sentence
    offset = claim.start - claim.sentence_start
    if offset < 0 or sentence[offset:offset + len(claim.surface)] != claim.surface:
        offset = sentence.find(claim.surface)
    if offset < 0:
        return sentence, "", ""
    end = offset + len(claim.surface)
    return sentence[:offset], sentence[offset:end], sentence[end:]
