"""ClaimReview JSON-LD: every property Google's Fact Check markup documentation requires or
recommends, for each reviewed group, and nothing an article can use to break out of a page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from numclaims.models import Document
from numclaims.output import Publisher, publishable, render_claimreview, verdict_words
from numclaims.read import make_document
from numclaims.store import Workspace, open_workspace

# Google's documentation (Fact check (ClaimReview) structured data): what each object must and
# should hold.
REQUIRED = {
    "ClaimReview": {"claimReviewed", "reviewRating", "url"},
    "Rating": {"alternateName"},
}
RECOMMENDED = {
    "ClaimReview": {"author", "datePublished", "itemReviewed"},
    "Claim": {"appearance", "author", "datePublished", "firstAppearance"},
    "Rating": {"bestRating", "name", "ratingValue", "worstRating"},
}
PUBLISHER = Publisher("Example Fact Check", "https://example.org/checks/{group}",
                      "https://example.org")
HOSTILE = (
    'Officials said </script><script>alert(1)</script> that 900 drones had been deployed '
    "since August 2022."
)


@pytest.fixture
def ws(tmp_path: Path, extractor: Any, seed_documents: list[Document]) -> Any:
    with open_workspace(tmp_path / "story.db") as workspace:
        workspace.add_documents(seed_documents, extract=extractor)
        workspace.set_settings(organisation=PUBLISHER.organisation,
                               review_url=PUBLISHER.review_url,
                               organisation_url=PUBLISHER.organisation_url)
        yield workspace


def exported(ws: Workspace) -> list[dict[str, Any]]:
    reviewed = ws.comparison()
    return list(json.loads(render_claimreview(reviewed.comparison, reviewed.reviews,
                                              ws.publisher())))


def deployed_group(ws: Workspace) -> Any:
    return next(g for g in ws.comparison().comparison.groups
                if {"400", "more than 400"} <= {m.claim.surface for m in g.members})


def test_every_required_and_recommended_property_is_there(ws: Workspace) -> None:
    group = deployed_group(ws)
    ws.review(group.id, verdict="confirm", status="published", note="both count since August")
    [review] = exported(ws)
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    claim, rating = review["itemReviewed"], review["reviewRating"]
    assert claim["@type"] == "Claim" and rating["@type"] == "Rating"
    for kind, found in (("ClaimReview", review), ("Claim", claim), ("Rating", rating)):
        missing = (REQUIRED.get(kind, set()) | RECOMMENDED.get(kind, set())) - set(found)
        assert not missing, f"{kind} lacks {sorted(missing)}"
        assert all(found[key] not in (None, "", []) for key in found), found

    assert review["url"] == f"https://example.org/checks/{group.id}"
    assert review["author"] == {"@type": "Organization", "name": "Example Fact Check",
                                "url": "https://example.org"}
    assert len(review["datePublished"]) == 10
    # The quantity and the figures, in words; no rating in it.
    assert review["claimReviewed"].startswith("drones deployed since August 2022: ")
    assert '"400" (RT)' in review["claimReviewed"]
    assert "agree" not in review["claimReviewed"].lower()
    assert (rating["alternateName"], rating["ratingValue"]) == ("Figures agree", 5)
    assert (rating["worstRating"], rating["bestRating"]) == (1, 5)
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    publishers = {a.get("publisher", {}).get("name") for a in claim["appearance"]}
    assert publishers == {m.claim.outlet for m in group.members}
    assert claim["firstAppearance"]["datePublished"] == "2022-11-20"  # RT's, the earliest
    assert claim["datePublished"] == "2022-11-20"
    assert claim["author"]["name"]


def test_only_reviewed_groups_are_published(ws: Workspace) -> None:
    groups = ws.comparison().comparison.groups
    assert exported(ws) == []
    ws.review(groups[0].id, verdict="conflict", note="different years")
    ws.review(groups[1].id, status="needs work")
    ws.review(groups[2].id, note="a note alone is no review")
    ws.review(groups[3].id, status="reviewed")
    published = exported(ws)
    assert [r["url"].rsplit("/", 1)[1] for r in published] == [groups[0].id, groups[3].id]
    overridden = published[0]["reviewRating"]
    assert overridden["alternateName"] == verdict_words("conflict") == "Figures conflict"
    assert "different years" in overridden["ratingExplanation"]


def test_a_group_with_new_evidence_against_it_is_left_out(ws: Workspace,
                                                          extractor: Any) -> None:
    group = deployed_group(ws)
    ws.review(group.id, verdict="consistent", status="published")
    ws.add_documents([make_document(
        "US officials said Russia has deployed 300 Iranian-made attack drones against Ukraine "
        "since August 2022.", outlet="Test Wire", published="2023-03-01")], extract=extractor)
    reviewed = ws.comparison()
    chosen, left = publishable(reviewed.comparison, reviewed.reviews)
    assert group.id not in {g.id for g in chosen}
    assert [(g.id, "new evidence" in why) for g, why in left] == [(group.id, True)]


def test_article_text_cannot_close_the_script_element(ws: Workspace, extractor: Any) -> None:
    ws.add_documents([make_document(HOSTILE, outlet="<b>Wire</b> & Co",
                                    title="</script> title", published="2023-03-01")],
                     extract=extractor)
    for group in ws.comparison().comparison.groups:
        ws.review(group.id, status="reviewed")
    reviewed = ws.comparison()
    text = render_claimreview(reviewed.comparison, reviewed.reviews, ws.publisher())
    assert "<" not in text and ">" not in text and "&" not in text
    assert any(a.get("publisher", {}).get("name") == "<b>Wire</b> & Co"
               for r in json.loads(text) for a in r["itemReviewed"]["appearance"])


def test_every_verdict_has_words_and_a_rating() -> None:
    from numclaims.output.claimreview import _ratings

    ratings = _ratings()
    assert sorted(r.rating for r in ratings.values()) == [1, 2, 3, 4, 5]
    assert verdict_words("evolving") == "Running total, rising"
