"""Publishing: schema.org ClaimReview JSON-LD for each reviewed group.

One ``ClaimReview`` a group, with the properties Google's Fact Check markup documentation
requires (``claimReviewed``, ``reviewRating`` with ``alternateName``, ``url``) and those it
recommends (``author``, ``datePublished``, ``itemReviewed`` as a ``Claim`` with ``appearance``,
``author``, ``datePublished`` and ``firstAppearance``; ``reviewRating``'s ``ratingValue``,
``bestRating``, ``worstRating`` and ``name``). The verdict words and the 1-5 scale are data:
``data/en/verdicts.toml``.

A group is published when a reviewer gave it a verdict or marked it reviewed or published, and
not when it is marked "needs work" or new evidence goes against its review (:func:`publishable`
says which were left out, and why).

The JSON is written to be pasted into a page's ``<script type="application/ld+json">``:
``<``, ``>`` and ``&`` from article text are written as ``\\u003c``-style escapes, so no
article can close the script element.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

from .. import lexicon
from ..errors import LexiconError
from ..models import Claim, Comparison, Group, GroupReview, Verdict

#: How many figures ``claimReviewed`` names before it says "and N more".
FIGURES_NAMED = 3
BEST, WORST = 5, 1


@dataclass(frozen=True)
class Publisher:
    """Who publishes the fact checks, from the workspace's settings."""

    organisation: str
    review_url: str
    organisation_url: str | None = None

    def page(self, group: Group) -> str:
        """The fact check's address: ``{group}`` replaced by the group's id, else an anchor."""
        if "{group}" in self.review_url:
            return self.review_url.replace("{group}", group.id)
        return f"{self.review_url}#{group.id}"


@dataclass(frozen=True)
class _Rating:
    words: str
    rating: int


@cache
def _ratings() -> dict[str, _Rating]:
    entries = lexicon.section("verdicts", "verdicts", {"words": str, "rating": int},
                              required=("words", "rating"))
    missing = set(get_args(Verdict)) - set(entries)
    if missing or set(entries) - set(get_args(Verdict)):
        raise LexiconError("data/en/verdicts.toml",
                           f"must name exactly the five verdicts (missing: {sorted(missing)})")
    return {name: _Rating(e["words"], e["rating"]) for name, e in entries.items()}


def verdict_words(verdict: str) -> str:
    """A verdict as a reader reads it: 'Figures conflict', 'Running total, rising'."""
    return _ratings()[verdict].words


def publishable(
    comparison: Comparison, reviews: Mapping[str, GroupReview]
) -> tuple[list[Group], list[tuple[Group, str]]]:
    """The groups to publish, and those left out with the reason why."""
    chosen: list[Group] = []
    left: list[tuple[Group, str]] = []
    for group in comparison.groups:
        review = reviews.get(group.id) or GroupReview()
        if not review.verdict and review.status not in ("reviewed", "published"):
            continue
        if review.status == "needs work":
            left.append((group, "marked as needing work"))
        elif review.flags:
            left.append((group, "new evidence goes against its review; review it again"))
        else:
            chosen.append(group)
    return chosen, left


def claimreviews(
    comparison: Comparison, reviews: Mapping[str, GroupReview], publisher: Publisher
) -> list[dict[str, Any]]:
    """One ClaimReview object a publishable group."""
    chosen, _ = publishable(comparison, reviews)
    return [_claimreview(group, reviews[group.id], publisher) for group in chosen]


def render_claimreview(
    comparison: Comparison, reviews: Mapping[str, GroupReview], publisher: Publisher
) -> str:
    """The ClaimReview objects as a JSON-LD array, safe inside a ``<script>`` element."""
    text = json.dumps(claimreviews(comparison, reviews, publisher), ensure_ascii=False,
                      indent=2)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") + "\n"


def _claimreview(group: Group, review: GroupReview, publisher: Publisher) -> dict[str, Any]:
    verdict = review.verdict or group.verdict
    rating = _ratings()[verdict]
    author: dict[str, Any] = {"@type": "Organization", "name": publisher.organisation}
    if publisher.organisation_url:
        author["url"] = publisher.organisation_url
    claims = [member.claim for member in group.members]
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": publisher.page(group),
        "claimReviewed": claim_reviewed(group),
        "author": author,
        "datePublished": (review.reviewed_at or "")[:10] or None,
        "itemReviewed": _item_reviewed(claims),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.rating,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": rating.words,
            "name": rating.words,
            "ratingExplanation": _explanation(group, review, verdict),
        },
    }


def claim_reviewed(group: Group) -> str:
    """The quantity and its figures in words: 'drones deployed since August 2022: "400"
    (RT), "more than 400" (Kyiv Post)'."""
    figures = [f'"{_one_line(m.claim.surface)}" ({_one_line(m.claim.outlet or "outlet unknown")})'
               for m in group.members]
    named = ", ".join(figures[:FIGURES_NAMED])
    more = len(figures) - FIGURES_NAMED
    if more > 0:
        named += f" and {more} more"
    return f"{_one_line(group.label)}: {named}"


def _item_reviewed(claims: Sequence[Claim]) -> dict[str, Any]:
    appearances: dict[str, dict[str, Any]] = {}
    for claim in sorted(claims, key=lambda c: (c.published is None, c.published or "")):
        appearances.setdefault(claim.doc_id, _appearance(claim))
    first = next(iter(appearances.values()))
    earliest = min((c for c in claims if c.published), key=lambda c: c.published or "",
                   default=claims[0])
    item: dict[str, Any] = {
        "@type": "Claim",
        "appearance": list(appearances.values()),
        "firstAppearance": first,
    }
    if earliest.published:
        item["datePublished"] = earliest.published
    # Who made the claim: the earliest source named, else the earliest outlet that ran it.
    dated = sorted(claims, key=lambda c: (c.published is None, c.published or ""))
    who = next((c.attribution for c in dated if c.attribution), None) or next(
        (c.outlet for c in dated if c.outlet), None
    )
    if who:
        item["author"] = {"@type": "Organization", "name": _one_line(who)}
    return item


def _appearance(claim: Claim) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if claim.url and re.match(r"https?://", claim.url):
        work["url"] = claim.url
    if claim.title:
        work["headline"] = _one_line(claim.title)
    if claim.published:
        work["datePublished"] = claim.published
    if claim.outlet:
        work["publisher"] = {"@type": "Organization", "name": _one_line(claim.outlet)}
    return work


def _explanation(group: Group, review: GroupReview, verdict: str) -> str:
    if verdict == group.verdict:
        return _one_line(group.reason)
    note = review.notes[-1].split(": ", 1)[-1] if review.notes else ""
    return _one_line(f"A reviewer judged the figures {verdict}" + (f": {note}" if note else "."))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
