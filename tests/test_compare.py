"""Compare: grouping, ranges, verdicts, drift notes and origins."""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from numclaims import comparison_frame, lexicon
from numclaims.compare import compare, figure_range
from numclaims.compare import grouping as grouping_module
from numclaims.compare import vocabulary as vocabulary_module
from numclaims.errors import LexiconError
from numclaims.extract import extract_documents
from numclaims.models import CLAIM_FIELDS, Claim, Comparison, Document, Group
from numclaims.read.documents import read_paths

ROOT = Path(__file__).resolve().parents[1]

# Time fields as the extractor fills them for the gold claims' time phrases (see timex.py):
# dates are days; "since X" runs to the last day the article can have been published on.
GOLD_TIMES: dict[str, dict[str, str]] = {
    "since August": {"period_start": "2022-08-01"},
    "since September": {
        "period_start": "2022-09-01",
        "as_of": "As of early January",
        "as_of_start": "2023-01-01",
        "as_of_end": "2023-01-10",
    },
    "On Jan. 6": {"period_start": "2023-01-06", "period_end": "2023-01-06"},
}


def claim(
    surface: str,
    value: float | None,
    *,
    qualifier: str = "=",
    lower: float | None = None,
    upper: float | None = None,
    doc: str = "a",
    entity: str | None = "drone",
    event: str | None = "deploy",
    published: str | None = "2023-01-10",
    sentence: str | None = None,
    **fields: Any,
) -> Claim:
    """A claim as the extractor would write it; bounds follow from the qualifier by default."""
    if lower is None and upper is None and value is not None:
        if qualifier in ("=", "range"):
            lower = upper = value
        elif qualifier in (">", ">="):
            lower = value
        elif qualifier in ("<", "<="):
            upper = value
    sentence = sentence or f"In article {doc}, {surface} {entity or ''} were {event or 'seen'}."
    offset = max(sentence.find(surface), 0)
    return Claim(
        doc_id=doc,
        sentence=sentence,
        start=offset,
        end=offset + len(surface),
        surface=surface,
        value=value,
        lower=lower,
        upper=upper,
        qualifier=qualifier,  # type: ignore[arg-type]
        entity=entity,
        noun_phrase=fields.pop("noun_phrase", entity),
        event=event,
        published=published,
        **fields,
    )


def group_with(comparison: Comparison, doc: str, surface: str) -> Group:
    for group in comparison.groups:
        if any(m.claim.doc_id == doc and m.claim.surface == surface for m in group.members):
            return group
    raise AssertionError(f"no group holds {surface!r} of {doc}")


# --- the gold claims of the seed articles ---------------------------------------------------


def gold_to_claims(
    gold_claims: Iterable[dict[str, Any]],
    gold_articles: dict[str, dict[str, str]],
    seed_texts: dict[str, str],
    *,
    resolve_times: bool,
) -> list[Claim]:
    """The gold claims as the extractor would give them, with what a user knows of each article.

    With ``resolve_times`` the period and as-of fields are filled as timex would fill them;
    without, only the time phrase as written is there.
    """
    claims = []
    for gold in gold_claims:
        text = seed_texts[gold["file"]]
        sentence_start = max(text.find(gold["sentence"]), 0)
        start = sentence_start + gold["sentence"].find(gold["surface"])
        article = gold_articles[gold["file"]]
        times = dict(GOLD_TIMES.get(gold["time_scope"], {})) if resolve_times else {}
        if str(gold["time_scope"]).startswith("since") and resolve_times:
            times["period_end"] = last_day(article["published"])
        claims.append(
            Claim(
                doc_id=gold["file"],
                sentence=gold["sentence"],
                start=start,
                end=start + len(gold["surface"]),
                surface=gold["surface"],
                value=gold["value"],
                lower=gold["lower"],
                upper=gold["upper"],
                qualifier=gold["qualifier"],
                sentence_start=sentence_start,
                unit=gold["unit"],
                entity=gold["entity"],
                noun_phrase=gold["entity"],
                event=gold["event"],
                time_scope=gold["time_scope"],
                attribution=gold["attribution"],
                published=article["published"],
                outlet=article["outlet"] or None,
                **times,
            )
        )
    return claims


def last_day(published: str) -> str:
    """The last day of an ISO date at its precision: '2023-02' → '2023-02-28'."""
    if len(published) == 10:
        return published
    year, month = int(published[:4]), int(published[5:7])
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).isoformat()


@pytest.fixture(scope="module", params=[True, False], ids=["times-resolved", "times-as-written"])
def gold_comparison(
    request: pytest.FixtureRequest,
    gold_claims: list[dict[str, Any]],
    gold_articles: dict[str, dict[str, str]],
    seed_texts: dict[str, str],
) -> Comparison:
    claims = gold_to_claims(gold_claims, gold_articles, seed_texts, resolve_times=request.param)
    return compare(claims)


def check_gold_groups(
    comparison: Comparison, gold_claims: list[dict[str, Any]], gold_groups: dict[str, Any]
) -> None:
    """The gold claims fall into exactly the gold groups, each with an accepted verdict."""
    gold_of = {f"{g['file']}:{g['surface']}": g["group"] for g in gold_claims}
    found: dict[str, tuple[set[str], Group]] = {}
    for group in comparison.groups:
        keys = {f"{m.claim.doc_id}:{m.claim.surface}" for m in group.members}
        names = {gold_of[key] for key in keys if key in gold_of}
        assert len(names) <= 1, f"group {group.label!r} mixes gold groups {sorted(names)}"
        for name in names:
            assert name not in found, f"gold group {name} is split over two groups"
            found[name] = ({key for key in keys if key in gold_of}, group)
    assert set(found) == set(gold_groups)
    for name, (keys, group) in found.items():
        expected = {f"{g['file']}:{g['surface']}" for g in gold_claims if g["group"] == name}
        assert keys == expected, f"{name}: {sorted(keys)} != {sorted(expected)}"
        assert group.verdict in gold_groups[name]["verdict"], (
            f"{name}: verdict {group.verdict} ({group.reason}) not in "
            f"{gold_groups[name]['verdict']}"
        )


def test_gold_claims_form_the_seven_gold_groups_with_accepted_verdicts(
    gold_comparison: Comparison,
    gold_claims: list[dict[str, Any]],
    gold_groups: dict[str, Any],
) -> None:
    check_gold_groups(gold_comparison, gold_claims, gold_groups)
    assert len(gold_comparison.groups) == 7


def test_gold_drones_deployed_notes_the_dropped_qualifier(gold_comparison: Comparison) -> None:
    group = group_with(gold_comparison, "004_b137af0b349f0bed.txt", "400")
    assert group.verdict == "consistent"
    assert group.label.startswith("drones deployed since August")
    assert any(n.startswith("qualifier dropped: '400'") and "'more than 400'" in n
               for n in group.notes), group.notes
    assert group.origins == 2


def test_gold_labels_resolve_the_year_of_since_august(
    gold_claims: list[dict[str, Any]],
    gold_articles: dict[str, dict[str, str]],
    seed_texts: dict[str, str],
) -> None:
    claims = gold_to_claims(gold_claims, gold_articles, seed_texts, resolve_times=True)
    labels = {group.label for group in compare(claims).groups}
    assert "drones deployed since August 2022" in labels
    assert "drones shot down or destroyed since September 2022" in labels
    assert "managers sanctioned on Jan. 6, 2023" in labels
    assert "sources cited" in labels


def test_gold_drones_shot_down_stay_apart_from_deployed(gold_comparison: Comparison) -> None:
    group = group_with(gold_comparison, "000_968472edce05b8bf.txt", "nearly 500")
    assert group.verdict == "single"
    assert len(group.members) == 1


def test_gold_supplied_is_scoped_by_the_ministers_time_phrase(
    gold_comparison: Comparison,
) -> None:
    group = group_with(gold_comparison, "004_b137af0b349f0bed.txt", "small number")
    assert group.verdict == "scope-differs"
    assert "'small number'" in group.reason and "'hundreds'" in group.reason
    assert "months before the conflict began" in group.reason
    assert group.origins == 3


def test_gold_factory_capacity_notes_the_travelling_qualifiers(
    gold_comparison: Comparison,
) -> None:
    group = group_with(gold_comparison, "000_968472edce05b8bf.txt", "more than 6,000")
    assert group.verdict == "consistent"
    assert any("'thousands'" in note and note.startswith("figure made vague") for note in
               group.notes)
    assert any("'at least 6,000'" in note and note.startswith("qualifier changed") for note in
               group.notes)
    # Both articles cite the Wall Street Journal: one origin; the headline has none of its own.
    assert group.origins == 2


def test_groups_come_conflicts_first_then_newest() -> None:
    day = {"time_scope": "on Monday", "period_start": "2022-03-07", "period_end": "2022-03-07"}
    comparison = compare([
        claim("six", 6, doc="a", entity="manager", event="sanction", published="2023-02-07"),
        claim("12,000", 12000, doc="b", entity="protester", event="march",
              published="2022-03-08", **day),
        claim("40,000", 40000, doc="c", entity="protester", event="march",
              published="2022-03-09", **day),
        claim("400", 400, doc="d", published="2023-02"),  # mid-February: newer than the 7th
        claim("3", 3, doc="e", entity="tank", event="supply", published=None),
    ])
    assert [g.verdict for g in comparison.groups] == ["conflict", "single", "single", "single"]
    assert [g.members[0].claim.doc_id for g in comparison.groups] == ["c", "d", "a", "e"]


def test_seeds_through_the_real_pipeline_form_the_gold_groups(
    gold_claims: list[dict[str, Any]], gold_groups: dict[str, Any]
) -> None:
    corpus = read_paths([str(ROOT / "seeds")])
    claims = extract_documents(corpus.documents)
    comparison = compare(claims, documents=corpus.documents)
    files = {Path(g["file"]).stem: g["file"] for g in gold_claims}
    for group in comparison.groups:  # name members by their seed file, as the gold does
        for member in group.members:
            stem = Path(member.claim.doc_id).stem
            member.claim.doc_id = files.get(stem, member.claim.doc_id)
    gold_keys = {f"{g['file']}:{g['surface']}" for g in gold_claims}
    extracted = {f"{m.claim.doc_id}:{m.claim.surface}" for g in comparison.groups
                 for m in g.members}
    assert gold_keys <= extracted, sorted(gold_keys - extracted)
    check_gold_groups(comparison, gold_claims, gold_groups)


# --- the range rule -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("surface", "value", "qualifier", "bounds", "expected"),
    [
        ("400", 400, "=", (400, 400), (350, 450)),
        ("6,000", 6000, "=", (6000, 6000), (5500, 6500)),
        ("3,958", 3958, "=", (3958, 3958), (3958, 3958)),
        ("1.5 million", 1.5e6, "=", (1.5e6, 1.5e6), (1.45e6, 1.55e6)),
        ("$2 billion", 2e9, "=", (2e9, 2e9), (1.75e9, 2.25e9)),  # capped at an eighth
        ("100", 100, "=", (100, 100), (87.5, 112.5)),  # capped at an eighth
        ("7", 7, "=", (7, 7), (7, 7)),
        ("three", 3, "=", (3, 3), (3, 3)),
        ("a thousand", 1000, "=", (1000, 1000), (875, 1125)),
        ("5,000-6,000", None, "range", (5000, 6000), (4500, 6500)),
        ("more than 400", 400, ">", (400, None), (400, None)),
        ("at least 6,000", 6000, ">=", (6000, None), (6000, None)),
        ("nearly 500", 500, "~", (450, 500), (450, 500)),
        ("up to 300", 300, "<=", (None, 300), (None, 300)),
        ("hundreds", None, "vague", (100, 1000), (100, 1000)),
    ],
)
def test_a_figure_stands_for_a_range_widened_by_its_precision(
    surface: str,
    value: float | None,
    qualifier: str,
    bounds: tuple[float | None, float | None],
    expected: tuple[float | None, float | None],
) -> None:
    low, high = figure_range(
        claim(surface, value, qualifier=qualifier, lower=bounds[0], upper=bounds[1])
    )
    for got, want in ((low, expected[0]), (high, expected[1])):
        assert (got is None and want is None) or math.isclose(got, want)  # type: ignore[arg-type]


def test_a_round_figure_and_a_qualified_one_agree() -> None:
    comparison = compare([
        claim("400", 400, doc="a"),
        claim("more than 400", 400, qualifier=">", doc="b"),
    ])
    (group,) = comparison.groups
    assert group.verdict == "consistent"
    assert "'400'" in group.reason and "'more than 400'" in group.reason


def test_a_precise_figure_and_its_rounding_agree_with_a_note() -> None:
    comparison = compare([
        claim("3,958", 3958, doc="a", published="2023-01-01"),
        claim("4,000", 4000, doc="b", published="2023-01-02"),
    ])
    (group,) = comparison.groups
    assert group.verdict == "consistent"
    assert group.notes == [
        "figure rounded: '3,958' (article a, 2023-01-01) appears as '4,000' (article b, 2023-01-02)"
    ]


# --- synonyms and events --------------------------------------------------------------------


def test_drone_uav_and_shahed_count_the_same_thing() -> None:
    comparison = compare([
        claim("400", 400, doc="a", entity="drone"),
        claim("420", 420, doc="b", entity="UAV", event="launch"),
        claim("410", 410, doc="c", entity=None, noun_phrase="Shahed-136 models", event="fire"),
        claim("415", 415, doc="d", entity="unmanned aerial vehicles", event="use"),
    ])
    (group,) = comparison.groups
    assert group.verdict == "consistent"
    reasons = " ".join(m.reason for m in group.members)
    assert "drone ≈ uav" in reasons
    assert "deploy ≈ launch" in reasons


def test_drones_and_dollars_never_share_a_group() -> None:
    comparison = compare([
        claim("400", 400, doc="a"),
        claim("$400", 400, doc="b", entity=None, unit="dollar"),
    ])
    assert len(comparison.groups) == 2


def test_dollars_and_euros_are_one_dimension_judged_after_conversion() -> None:
    comparison = compare([
        claim("€1 billion", 1e9, doc="a", entity=None, unit="euro", event="pay",
              published="2023-01-01"),
        claim("$1.1 billion", 1.1e9, doc="b", entity=None, unit="dollar", event="pay",
              published="2023-01-05"),
    ])
    (group,) = comparison.groups
    assert group.verdict == "consistent"
    assert any(note.startswith("unit converted: '€1 billion'") for note in group.notes)
    assert "converted" in group.members[0].reason


def test_deployed_and_shot_down_never_share_a_group() -> None:
    comparison = compare([
        claim("400", 400, doc="a", event="deploy", time_scope="since August"),
        claim("400", 400, doc="b", event="shoot down", time_scope="since August"),
    ])
    assert [g.verdict for g in comparison.groups] == ["single", "single"]


def test_pledged_and_delivered_differ_in_event_not_in_fact() -> None:
    comparison = compare([
        claim("31", 31, doc="a", entity="Abrams tanks", event="pledge"),
        claim("eight", 8, doc="b", entity="tanks", event="deliver"),
    ])
    (group,) = comparison.groups
    assert group.verdict == "scope-differs"
    assert "different events" in group.reason
    assert "'31'" in group.reason and "'eight'" in group.reason


def test_a_verb_of_aspect_or_intention_names_no_event() -> None:
    comparison = compare([
        claim("400", 400, doc="a", event="deploy"),
        claim("410", 410, doc="b", event="begin"),  # "... months before the war began"
    ])
    (group,) = comparison.groups
    assert group.label == "drones deployed"
    assert "event not stated" in next(m.reason for m in group.members if m.claim.doc_id == "b")


def test_a_claim_that_names_no_event_is_not_placed_by_guesswork() -> None:
    claims = [
        claim("hundreds", None, qualifier="vague", lower=100, upper=1000, doc="a",
              event="supply"),
        claim("more than 6,000", 6000, qualifier=">", doc="b", event="produce"),
        claim("small number", None, qualifier="vague", lower=1, upper=99, doc="c", event=None,
              published="2022-11-20"),
    ]
    assert len(compare(claims).groups) == 3
    # One it agrees with is no guess.
    claims.append(claim("7,000", 7000, doc="d", event=None))
    assert len(group_with(compare(claims), "d", "7,000").members) == 2


def test_people_counted_as_speakers_are_a_reports_sources() -> None:
    comparison = compare([
        claim("three", 3, doc="a", entity="official", event="say"),
        claim("three", 3, doc="b", entity="people", event="cite"),
        claim("three", 3, doc="c", entity="official", event="kill"),
        claim("three", 3, doc="d", entity="people", event="kill"),
    ])
    sources = group_with(comparison, "a", "three")
    assert {m.claim.doc_id for m in sources.members} == {"a", "b"}
    assert sources.label == "sources cited"
    # Killed officials are not killed people in general: the sets stay narrow.
    assert group_with(comparison, "c", "three") is not group_with(comparison, "d", "three")


def test_a_reporting_verb_does_not_count_things_that_are_not_speakers() -> None:
    comparison = compare([
        claim("300", 300, doc="a", entity="deaths", event="say"),
        claim("300", 300, doc="b", entity="people", event="kill"),
    ])
    (group,) = comparison.groups
    assert group.label == "people killed"


def test_deaths_are_people_killed() -> None:
    comparison = compare([
        claim("32", 32, doc="a", entity="death", event=None),
        claim("30", 30, doc="b", entity="people", event="die"),
    ])
    (group,) = comparison.groups
    assert group.verdict == "consistent"
    assert any(note.startswith("figure rounded: '32'") for note in group.notes)


def test_plural_and_singular_entities_are_one_thing() -> None:
    comparison = compare([
        claim("six", 6, doc="a", entity="managers", event="sanction"),
        claim("six", 6, doc="b", entity="manager", event="sanction"),
    ])
    assert len(comparison.groups) == 1


@pytest.mark.parametrize("entity, label", [
    ("gunman", "gunmen"), ("child", "children"), ("fisherman", "fishermen"),
    ("talisman", "talismans"), ("flight per day", "flights per day"),
    ("casualty", "casualties"), ("bus", "bus"), ("aircraft", "aircraft"),
])
def test_a_group_label_names_the_counted_thing_in_the_plural(entity: str, label: str) -> None:
    comparison = compare([claim("9", 9, doc="a", entity=entity, event=None),
                          claim("9", 9, doc="b", entity=entity, event=None)])
    (group,) = comparison.groups
    assert group.label.startswith(label)


@pytest.mark.parametrize("unit, label", [
    ("pound sterling", "pounds sterling"), ("japanese yen", "yen"),
    ("pound sterling per year", "pounds sterling per year"),
])
def test_a_group_label_names_a_currency_in_its_own_plural(unit: str, label: str) -> None:
    comparison = compare([claim("9bn", 9e9, doc="a", unit=unit, dimension="currency", event=None),
                          claim("9bn", 9e9, doc="b", unit=unit, dimension="currency", event=None)])
    (group,) = comparison.groups
    assert group.label.startswith(label), group.label


def test_shares_of_different_things_are_kept_apart() -> None:
    comparison = compare([
        claim("40%", 40, doc="a", entity="voters", unit="percentage", event="vote"),
        claim("60%", 60, doc="b", entity="homes", unit="percentage", event="vote"),
    ])
    assert len(comparison.groups) == 2


# --- verdicts -------------------------------------------------------------------------------


def test_figures_for_the_same_day_that_cannot_both_hold_conflict() -> None:
    day = {"time_scope": "on Monday", "period_start": "2023-03-06", "period_end": "2023-03-06"}
    comparison = compare([
        claim("12", 12, doc="a", entity="people", event="kill", outlet="AP", **day),
        claim("40", 40, doc="b", entity="people", event="kill", outlet="BBC", **day),
        claim("400", 400, doc="c", published="2023-05-01"),
    ])
    group = comparison.groups[0]
    assert group.verdict == "conflict"
    assert group.reason == (
        "'12' (AP, 2023-01-10) and '40' (BBC, 2023-01-10) cannot both hold: 12 against 35–45."
    )


def test_a_running_total_that_rises_with_the_report_date_is_evolving() -> None:
    since = {"time_scope": "since August", "period_start": "2022-08"}
    comparison = compare([
        claim("400", 400, doc="a", published="2022-11-20", outlet="RT", **since),
        claim("1,700", 1700, doc="b", published="2023-03-01", outlet="AP", **since),
    ])
    (group,) = comparison.groups
    assert group.verdict == "evolving"
    assert group.label == "drones deployed since August 2022"
    assert "'400' (RT, 2022-11-20)" in group.reason and "'1,700' (AP, 2023-03-01)" in group.reason


def test_a_running_total_that_falls_with_a_later_report_date_conflicts() -> None:
    comparison = compare([
        claim("1,700", 1700, doc="a", published="2022-11-20", time_scope="so far"),
        claim("400", 400, doc="b", published="2023-03-01", time_scope="so far"),
    ])
    (group,) = comparison.groups
    assert group.verdict == "conflict"
    assert "falls from '1,700'" in group.reason and "'400'" in group.reason


def test_a_running_total_is_counted_as_of_its_as_of_date() -> None:
    # Reported on the same day, but counted a month apart: the total may have grown.
    comparison = compare([
        claim("500", 500, doc="a", published="2023-02", time_scope="since September",
              period_start="2022-09", as_of="2023-01-05"),
        claim("700", 700, doc="b", published="2023-02", time_scope="since September",
              period_start="2022-09", as_of="2023-02-05"),
    ])
    assert comparison.groups[0].verdict == "evolving"


def test_running_totals_with_different_starts_are_different_quantities() -> None:
    comparison = compare([
        claim("400", 400, doc="a", time_scope="since August", period_start="2022-08"),
        claim("300", 300, doc="b", time_scope="since October", period_start="2022-10"),
    ])
    assert len(comparison.groups) == 2


def test_figures_for_overlapping_periods_differ_in_scope() -> None:
    comparison = compare([
        claim("500", 500, doc="a", time_scope="in 2022", period_start="2022", period_end="2022"),
        claim("90", 90, doc="b", time_scope="in December", period_start="2022-12",
              period_end="2022-12"),
    ])
    (group,) = comparison.groups
    assert group.verdict == "scope-differs"
    assert group.reason == (
        "'90' (article b, 2023-01-10) and '500' (article a, 2023-01-10) differ, but '90' has the "
        "time scope 'in December 2022' while '500' has the time scope 'in 2022'."
    )


def test_figures_for_disjoint_periods_are_different_quantities() -> None:
    comparison = compare([
        claim("40", 40, doc="a", time_scope="on Monday", period_start="2023-03-06",
              period_end="2023-03-06"),
        claim("30", 30, doc="b", time_scope="on Tuesday", period_start="2023-03-07",
              period_end="2023-03-07"),
    ])
    assert len(comparison.groups) == 2


def test_a_claim_with_no_counterpart_is_a_single_group() -> None:
    comparison = compare([claim("six", 6, entity="manager", event="sanction", outlet="NV")])
    (group,) = comparison.groups
    assert group.verdict == "single"
    assert group.reason == "Only one report: 'six' (NV, 2023-01-10)."
    assert group.members[0].reason == "no other report counts managers sanctioned"


def test_every_claim_is_in_exactly_one_group() -> None:
    claims = random_claims(300, seed=7)
    comparison = compare(claims)
    seen = [id(m.claim) for g in comparison.groups for m in g.members]
    assert sorted(seen) == sorted(id(c) for c in claims)
    assert {g.verdict for g in comparison.groups} >= {"single", "consistent", "conflict"}


def random_claims(count: int, seed: int) -> list[Claim]:
    rng = random.Random(seed)
    claims = []
    for i in range(count):
        scope: dict[str, Any] = rng.choice([
            {},
            {"time_scope": "since August", "period_start": "2022-08-01"},
            {"time_scope": "since 2022", "period_start": "2022"},
            {"time_scope": "so far"},
            {"time_scope": "before the war"},
            {"time_scope": "in 2022", "period_start": "2022", "period_end": "2022"},
            {"time_scope": "until March", "period_end": "2023-03"},
            {"time_scope": "in the decade", "period_start": "2010", "period_end": "2019"},
            *({"time_scope": "on that day", "period_start": f"2022-{m:02d}-10",
               "period_end": f"2022-{m:02d}-10"} for m in range(1, 13)),
        ])
        value = rng.choice([3, 12, 40, 400, 3958, 6000])
        claims.append(claim(
            str(value), value, doc=f"d{i % 37}", published=f"2022-{rng.randrange(1, 13):02d}",
            entity=rng.choice(["drone", "UAV", "tank"]),
            event=rng.choice(["deploy", "launch", "supply", "pledge", None]), **scope))
    return claims


def test_the_group_index_finds_every_group_a_claim_could_join(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    samples = [random_claims(600, seed=seed) for seed in range(3)]
    indexed = [compare(claims) for claims in samples]

    def every_group(block: Any, reading: Any) -> list[Any]:
        drafts = {d.order: d for by_time in block.index.values() for ds in by_time.values()
                  for d in ds}
        return list(drafts.values())

    monkeypatch.setattr(grouping_module._Block, "candidates", every_group)
    for claims, comparison in zip(samples, indexed, strict=True):
        assert [g.id for g in comparison.groups] == [g.id for g in compare(claims).groups]


def test_a_claim_of_unknown_event_joins_an_earlier_group_that_gives_no_time() -> None:
    comparison = compare([
        claim("400", 400, doc="a", event=None, published="2023-01-01"),
        claim("410", 410, doc="b", event=None, published="2023-02-01", time_scope="in 2022",
              period_start="2022", period_end="2022"),
    ])
    assert len(comparison.groups) == 1


def test_group_ids_are_readable_and_do_not_depend_on_input_order() -> None:
    claims = [
        claim("400", 400, doc="a", time_scope="since August", period_start="2022-08"),
        claim("more than 400", 400, qualifier=">", doc="b", time_scope="since August",
              period_start="2022-08"),
        claim("six", 6, doc="c", entity="manager", event="sanction"),
    ]
    first = compare(claims)
    second = compare(list(reversed(claims)))
    assert [g.id for g in first.groups] == [g.id for g in second.groups]
    assert first.groups[0].id.startswith("drones-deployed-since-august-2022-")


def test_members_come_newest_first_and_say_why_they_joined() -> None:
    comparison = compare([
        claim("400", 400, doc="a", published="2022-11-20", time_scope="since August",
              period_start="2022-08"),
        claim("410", 410, doc="b", entity="UAV", event="launch", published="2023-02",
              time_scope="since August", period_start="2022-08"),
    ])
    (group,) = comparison.groups
    assert [m.claim.doc_id for m in group.members] == ["b", "a"]
    assert group.members[0].reason == (
        "same thing (drone ≈ uav), same event class (deploy ≈ launch), both since August 2022"
    )
    assert group.members[1].reason == "reference report for drones deployed since August 2022"


# --- reprints and origins ------------------------------------------------------------------


WIRE = (
    "Russia has launched more than 400 Iranian-made drones at Ukraine since August, officials "
    "said on Sunday. The strikes have targeted power plants across the country, leaving "
    "millions without electricity as winter sets in."
)


def document(doc_id: str, text: str, outlet: str) -> Document:
    return Document(doc_id=doc_id, text=text, body=((0, len(text)),), outlet=outlet)


def test_a_reprinted_wire_story_is_one_origin_and_one_report() -> None:
    sentence = WIRE.split(". ")[0] + "."
    claims = [
        claim("more than 400", 400, qualifier=">", doc=doc_id, sentence=sentence, outlet=outlet,
              time_scope="since August")
        for doc_id, outlet in (("ap", "AP"), ("yahoo", "Yahoo News"))
    ]
    documents = [document("ap", WIRE, "AP"), document("yahoo", WIRE, "Yahoo News")]
    (group,) = compare(claims, documents=documents).groups
    assert group.origins == 1
    assert group.verdict == "single"
    assert group.reason.startswith("Only one report")


def test_a_page_scraped_twice_is_recognised_from_its_claims_alone() -> None:
    sentences = ["Russia has launched more than 400 Iranian-made drones since August.",
                 "Ukraine says its air defence shot down 350 drones in that period."]
    claims = [
        c
        for doc_id in ("page", "page-again")
        for c in (
            claim("more than 400", 400, qualifier=">", doc=doc_id, sentence=sentences[0]),
            claim("350", 350, doc=doc_id, event="shoot down", sentence=sentences[1]),
        )
    ]
    comparison = compare(claims)
    assert [g.verdict for g in comparison.groups] == ["single", "single"]
    assert all(g.origins == 1 and len(g.members) == 2 for g in comparison.groups)


def test_outlets_repeating_one_attribution_are_one_origin() -> None:
    outlets = ["Kyiv Independent", "Rudaw", "NV", "RT", "Yahoo News"]
    claims = [
        claim("more than 6,000", 6000, qualifier=">", doc=f"d{i}", outlet=outlet,
              event="produce", attribution="the Wall Street Journal",
              sentence=f"{outlet} writes that the plant could make more than 6,000 drones.")
        for i, outlet in enumerate(outlets)
    ]
    claims.append(claim("6,000", 6000, doc="wsj-short", outlet="Reuters", event="produce",
                        attribution="WSJ", sentence="The WSJ put the plant at 6,000 drones."))
    (group,) = compare(claims).groups
    assert group.origins == 1
    assert {m.origin for m in group.members} == {"the Wall Street Journal"}
    claims.append(claim("thousands", None, qualifier="vague", lower=1000, upper=10000, doc="x",
                        outlet="Al Jazeera", event="produce"))
    (group,) = compare(claims).groups
    assert group.origins == 2


def test_an_unnamed_source_counts_as_the_articles_own_outlet() -> None:
    claims = [
        claim("400", 400, doc="a", outlet="RT", attribution="the report"),
        claim("400", 400, doc="b", outlet="RT", attribution="officials", published="2023-02"),
        claim("400", 400, doc="c", outlet="AP", attribution=None),
    ]
    (group,) = compare(claims).groups
    assert group.origins == 2
    assert {m.origin for m in group.members} == {"RT", "AP"}


def test_a_source_named_in_one_sentence_is_not_the_origin_of_the_whole_article() -> None:
    sentence = "Two countries will act, three officials said in interviews with the Post."
    claims = [
        claim("three", 3, doc="a", entity="official", event="say", sentence=sentence,
              attribution="the Post"),
        claim("two", 2, doc="a", entity="country", event="act", sentence=sentence,
              attribution="officials"),
        claim("6,000", 6000, doc="a", event="produce"),
    ]
    origins = {m.claim.surface: m.origin for g in compare(claims).groups for m in g.members}
    assert origins == {"three": "the Post", "two": "article a", "6,000": "article a"}


# --- the DataFrame view ---------------------------------------------------------------------


def test_the_frame_has_one_row_per_claim_beside_its_group(gold_comparison: Comparison) -> None:
    frame = comparison_frame(gold_comparison)
    assert isinstance(frame, pd.DataFrame)
    assert len(frame) == 14
    assert list(frame.columns[:6]) == ["group_id", "group_label", "verdict", "group_reason",
                                       "origins", "notes"]
    assert set(CLAIM_FIELDS) <= set(frame.columns)
    assert {"low", "high", "reason", "origin"} <= set(frame.columns)
    open_above = frame[frame["surface"] == "more than 400"].iloc[0]
    assert open_above["low"] == 400 and math.isnan(open_above["high"])
    assert frame.groupby("group_id")["verdict"].nunique().max() == 1


# --- language data --------------------------------------------------------------------------


def patched_read(monkeypatch: pytest.MonkeyPatch, name: str, change: Any) -> None:
    original = lexicon.read

    def read(file: str) -> Any:
        data = original(file)
        if file == name:
            data = {key: (dict(value) if isinstance(value, dict) else value)
                    for key, value in data.items()}
            change(data)
        return data

    monkeypatch.setattr(lexicon, "read", read)


def test_an_event_class_naming_an_unknown_relative_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def change(data: dict[str, Any]) -> None:
        data["events"]["supply"] = {**data["events"]["supply"], "also": ["pledgee"]}

    patched_read(monkeypatch, "events", change)
    with pytest.raises(LexiconError, match="also names unknown 'pledgee'"):
        vocabulary_module.load.__wrapped__()


def test_a_phrase_under_two_event_classes_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    def change(data: dict[str, Any]) -> None:
        data["events"]["deploy"] = {**data["events"]["deploy"],
                                    "phrases": [*data["events"]["deploy"]["phrases"], "shoot down"]}

    patched_read(monkeypatch, "events", change)
    with pytest.raises(LexiconError, match="'shoot down' is listed under both"):
        vocabulary_module.load.__wrapped__()


def test_an_unknown_key_in_things_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    patched_read(monkeypatch, "things", lambda data: data.update(synonyms={}))
    with pytest.raises(LexiconError, match="unknown key"):
        vocabulary_module.load.__wrapped__()


def test_a_thing_folding_into_an_unknown_thing_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def change(data: dict[str, Any]) -> None:
        data["things"]["death"] = {**data["things"]["death"], "counts": "persons"}

    patched_read(monkeypatch, "things", change)
    with pytest.raises(LexiconError, match="counts unknown thing 'persons'"):
        vocabulary_module.load.__wrapped__()


def test_rates_of_different_things_are_kept_apart() -> None:
    unemployment = claim(
        "3.7%", 3.7, doc="a", entity=None, unit="percentage", noun_phrase="Unemployment",
        event="fall",
    )
    inflation = claim(
        "2.9%", 2.9, doc="b", entity=None, unit="percentage", noun_phrase="Inflation",
        event="drop",
    )
    unnamed = claim("5%", 5.0, doc="c", entity=None, unit="percentage", noun_phrase=None,
                    event="fall")
    comparison = compare([unemployment, inflation, unnamed])
    assert [group.verdict for group in comparison.groups] == ["single"] * 3


def test_a_running_total_that_grows_within_an_open_bound_is_evolving() -> None:
    since = {"time_scope": "since Monday", "period_start": "2024-05-06"}
    comparison = compare([
        claim("At least 35", 35, qualifier=">=", doc="a", published="2024-05-08",
              entity="people", event="kill", **since),
        claim("52", 52, doc="b", published="2024-05-10", entity="people", event="kill", **since),
    ])
    (group,) = comparison.groups
    assert group.verdict == "evolving"


def test_the_same_running_figure_with_a_qualifier_dropped_stays_consistent() -> None:
    since = {"time_scope": "since August", "period_start": "2022-08"}
    comparison = compare([
        claim("400", 400, doc="a", published="2022-11-20", **since),
        claim("more than 400", 400, qualifier=">", doc="b", published="2023-02-01", **since),
    ])
    (group,) = comparison.groups
    assert group.verdict == "consistent"


def test_figures_of_different_actors_are_different_quantities() -> None:
    comparison = compare([
        claim("31", 31, doc="a", entity="tank", event="deliver", agent="the United States"),
        claim("14", 14, doc="b", entity="tank", event="deliver", agent="Germany"),
        claim("31", 31, doc="c", entity="tank", event="deliver", agent="Washington"),
    ])
    verdicts = sorted((len(g.members), g.verdict) for g in comparison.groups)
    assert verdicts == [(1, "single"), (2, "consistent")]


def test_an_unknown_actor_does_not_split_a_group() -> None:
    comparison = compare([
        claim("hundreds", None, qualifier="vague", lower=100, upper=1000, doc="a",
              event="supply", agent="Iran"),
        claim("small number", None, qualifier="vague", lower=1, upper=99, doc="b",
              event="supply", agent="his nation"),
    ])
    assert len(comparison.groups) == 1
