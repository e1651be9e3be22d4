"""Tests of numclaims.figures: finding figures in news text, and leaving out what is not one."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from conftest import shared_records
from numclaims import lexicon
from numclaims.errors import LexiconError
from numclaims.extract import figures
from numclaims.extract.figures import Figure, find_figures, parse_number
from numclaims.extract.figures import language as figure_language

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NUMCLAIMS_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold"
SEEDS = ROOT / "seeds"


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _data(name: str) -> dict[str, Any]:
    text = resources.files("numclaims").joinpath(f"data/en/{name}.toml").read_text("utf-8")
    return tomllib.loads(text)


def _figure(text: str, surface: str) -> Figure:
    """The figure written ``surface`` in ``text``; fails naming what was found instead."""
    found = find_figures(text)
    for figure in found:
        if figure.surface == surface:
            return figure
    pytest.fail(f"{surface!r} not found in {text!r}; found {[f.surface for f in found]}")


def _check(figure: Figure, text: str, **expected: Any) -> None:
    for name, value in expected.items():
        got = getattr(figure, name)
        if isinstance(value, float) and isinstance(got, float):
            assert got == pytest.approx(value), f"{text!r}: {name} is {got!r}, not {value!r}"
        else:
            assert got == value, f"{text!r}: {name} is {got!r}, not {value!r}"


# --- The gold answers for the seed articles ------------------------------------------------------

GOLD_CLAIMS = shared_records("seeds.jsonl")
GOLD_NEGATIVES = shared_records("seeds-negatives.jsonl")


@pytest.mark.parametrize(
    "claim", GOLD_CLAIMS, ids=[f"{c['file'][:3]}-{c['surface']}" for c in GOLD_CLAIMS]
)
def test_gold_claim_is_found_in_its_sentence(claim: dict[str, Any]) -> None:
    figure = _figure(claim["sentence"], claim["surface"])
    _check(figure, claim["sentence"], value=claim["value"], qualifier=claim["qualifier"],
           lower=claim["lower"], upper=claim["upper"], unit=claim["unit"])


@pytest.mark.parametrize(
    "claim", GOLD_CLAIMS, ids=[f"{c['file'][:3]}-{c['surface']}" for c in GOLD_CLAIMS]
)
def test_gold_claim_is_found_in_the_whole_article(claim: dict[str, Any]) -> None:
    text = (SEEDS / claim["file"]).read_text(encoding="utf-8")
    at = text.index(claim["sentence"]) + claim["sentence"].index(claim["surface"])
    found = {(f.start, f.surface): f for f in find_figures(text)}
    assert (at, claim["surface"]) in found, f"{claim['surface']!r} at {at} in {claim['file']}"
    assert found[at, claim["surface"]].qualifier == claim["qualifier"]


@pytest.mark.parametrize(
    "negative", GOLD_NEGATIVES, ids=[f"{n['file'][:3]}-{n['surface']}" for n in GOLD_NEGATIVES]
)
def test_gold_negative_is_not_a_figure(negative: dict[str, str]) -> None:
    text = (SEEDS / negative["file"]).read_text(encoding="utf-8")
    found = find_figures(text)
    start = text.index(negative["surface"])
    while start >= 0:
        end = start + len(negative["surface"])
        overlapping = [f.surface for f in found if f.start < end and f.end > start]
        assert not overlapping, f"{negative['surface']!r} ({negative['why']}) gave {overlapping}"
        start = text.find(negative["surface"], end)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_every_figure_in_a_seed_article_spans_its_surface(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for figure in find_figures(text):
        assert text[figure.start:figure.end] == figure.surface
        assert figure.start <= figure.number_start < figure.number_end <= figure.end
        assert figure.kind in figures.KINDS


# --- Digits, scales and words --------------------------------------------------------------------

NUMBERS = [
    ("The plant could build 6,000 drones.", "6,000", 6000.0),
    ("Output reached 1,674.5 tonnes.", "1,674.5 tonnes", 1674.5),
    ("China's population is 1 414 021 100.", "1 414 021 100", 1414021100.0),
    ("The rate is .08 this year.", ".08", 0.08),
    ("The loan totals 1.2 million.", "1.2 million", 1.2e6),
    ("The firm raised 10k in a day.", "10k", 1e4),
    ("He had 2mil in cash.", "2mil", 2e6),
    ("The market is worth 1.2b.", "1.2b", 1.2e9),
    ("I can give you 13 lakh.", "13 lakh", 1.3e6),
    ("The project cost Rs 500 crore.", "Rs 500 crore", 5e9),
    ("Revenue rose to 12,34,567.89 rupees.", "12,34,567.89 rupees", 1234567.89),
    ("Six soldiers died.", "Six", 6.0),
    ("Twenty-one people were hurt.", "Twenty-one", 21.0),
    ("It has a hundred and two rooms.", "a hundred and two", 102.0),
    ("They bought three dozen eggs.", "three dozen", 36.0),
    ("They bought half a dozen eggs.", "half a dozen", 6.0),
    ("It took one and a half hours.", "one and a half hours", 1.5),
    ("One and a half million people fled.", "One and a half million", 1.5e6),
    ("Some 3 million and a half voted.", "Some 3 million and a half", 3.5e6),
    ("Two hundred and two thousand people voted.", "Two hundred and two thousand", 202000.0),
    ("The answer is five point five.", "five point five", 5.5),
    ("Almost half a million people have left.", "Almost half a million", 5e5),
    ("A quarter of a million more may follow.", "A quarter of a million", 2.5e5),
    ("The temperature fell to -5.3 degrees.", "-5.3 degrees", -5.3),
    ("Markets fell minus five percent.", "minus five percent", -5.0),
    ("The fund grew 2½ times.", "2½", 2.5),
    ("The value is 1e10 here.", "1e10", 1e10),
]


@pytest.mark.parametrize(("text", "surface", "value"), NUMBERS, ids=[n[1] for n in NUMBERS])
def test_number_is_read(text: str, surface: str, value: float) -> None:
    _check(_figure(text, surface), text, value=value)


FRACTIONS = [
    ("Nurses are 10 to 20 times more likely to be hurt.", "10 to 20 times", 10.0, "multiple"),
    ("Prices are two or three times higher.", "two or three times", 2.0, "multiple"),
    ("Two-thirds of voters backed the plan.", "Two-thirds", 2 / 3, "fraction"),
    ("A third of the council backed it.", "A third", 1 / 3, "fraction"),
    ("Three quarters of the homes lack power.", "Three quarters", 0.75, "fraction"),
    ("Half of the budget went to defence.", "Half", 0.5, "fraction"),
    ("More than 1/2 of the people came.", "More than 1/2", 0.5, "fraction"),
    ("Only 3/4 of the money arrived.", "Only 3/4", 0.75, "fraction"),
    ("The plant could make twice as many drones.", "twice", 2.0, "multiple"),
    ("Russia fired three times as many shells.", "three times", 3.0, "multiple"),
    ("Prices saw a threefold rise.", "threefold", 3.0, "multiple"),
    ("Profit hit a record, nearly triple a year earlier.", "nearly triple", 3.0, "multiple"),
    ("Its sales were double that of its rival.", "double", 2.0, "multiple"),
    ("One in five children lives in poverty.", "One in five", 0.2, "ratio"),
    ("Two out of three voters agreed.", "Two out of three", 2 / 3, "ratio"),
]


@pytest.mark.parametrize(("text", "surface", "value", "kind"), FRACTIONS,
                         ids=[f[1] for f in FRACTIONS])
def test_fraction_multiple_and_ratio(text: str, surface: str, value: float, kind: str) -> None:
    _check(_figure(text, surface), text, value=value, kind=kind)


# --- Qualifiers ----------------------------------------------------------------------------------

QUALIFIERS = [
    ("It could produce more than 6,000 drones.", "more than 6,000", ">", 6000.0, None),
    ("Over 300 people were evacuated.", "Over 300", ">", 300.0, None),
    ("Losses were in excess of 40 tanks.", "in excess of 40", ">", 40.0, None),
    ("Upwards of 500 homes lost power.", "Upwards of 500", ">", 500.0, None),
    ("The death toll exceeded 1,200 on Friday.", "exceeded 1,200", ">", 1200.0, None),
    ("At least 12 were arrested.", "At least 12", ">=", 12.0, None),
    ("Social rent rises are capped at 7%.", "capped at 7%", "<=", None, 7.0),
    ("The annual price cap of £1,690 is £238 lower.", "£1,690", "=", 1690.0, 1690.0),
    ("No fewer than 20 ships took part.", "No fewer than 20", ">=", 20.0, None),
    ("The army needs 500 or more drones.", "500 or more", ">=", 500.0, None),
    ("The site hosts 500+ workers.", "500+", ">=", 500.0, None),
    ("Nearly 500 drones were shot down.", "Nearly 500", "~", 450.0, 500.0),
    ("Almost 10 per cent voted no.", "Almost 10 per cent", "~", 9.0, 10.0),
    ("About 1,200 people were evacuated.", "About 1,200", "~", 1080.0, 1320.0),
    ("Around 300 were children.", "Around 300", "~", 270.0, 330.0),
    ("Some 40 countries signed.", "Some 40", "~", 36.0, 44.0),
    ("An estimated 7.5% of the crop was lost.", "An estimated 7.5%", "~", 6.75, 8.25),
    ("The war began ~30 days ago, ~300 were hurt.", "~300", "~", 270.0, 330.0),
    ("Up to 700 workers could lose their jobs.", "Up to 700", "<=", None, 700.0),
    ("As many as 20 people were hurt.", "As many as 20", "<=", None, 20.0),
    ("They will hire no more than 12 staff.", "no more than 12", "<=", None, 12.0),
    ("Fewer than 50 people attended.", "Fewer than 50", "<", None, 50.0),
    ("Under 170 votes were cast.", "Under 170", "<", None, 170.0),
    ("Support fell below 30%.", "below 30%", "<", None, 30.0),
    ("Is it still the case when >30?", ">30", ">", 30.0, None),
    ("Is it still the case when >= 30?", ">= 30", ">=", 30.0, None),
    ("Is it still the case when <=  -30?", "<=  -30", "<=", None, -30.0),
    ("The score was less than or equal to 30.", "less than or equal to 30", "<=", None, 30.0),
    ("The toll is exactly 17.", "exactly 17", "=", 17.0, 17.0),
    ("Between 20 and 30 soldiers were killed.", "Between 20 and 30", "range", 20.0, 30.0),
    ("The fare rose from 5 to 10 dollars.", "5", "=", 5.0, 5.0),
    ("Prices ranged from 5 to 10 dollars.", "from 5 to 10 dollars", "range", 5.0, 10.0),
    ("Members lifted the millage from 8.06 to 9.67.", "9.67", "=", 9.67, 9.67),
    ("The company handed over 386,810 cars.", "386,810", "=", 386810.0, 386810.0),
    ("He was given over 20 years in prison.", "over 20 years", ">", 20.0, None),
    ("Toyota moved its rate assumption from 101 yen to 104 yen.", "101 yen", "=", 101.0, 101.0),
    ("Unemployment went from 3.9% to 3.6%.", "3.6%", "=", 3.6, 3.6),
    ("The council wants from 5 to 10 new officers.", "from 5 to 10", "range", 5.0, 10.0),
    ("Some 5,000–6,000 troops were deployed.", "Some 5,000–6,000", "range", 5000.0, 6000.0),
    ("Two or three officials confirmed it.", "Two or three", "range", 2.0, 3.0),
    ("It costs $5-$10 billion.", "$5-$10 billion", "range", 5e9, 1e10),
    ("Turnout was more than 10 and less than 40 per cent.",
     "more than 10 and less than 40 per cent", "range", 10.0, 40.0),
    ("The pound climbed past $1.30 on Friday.", "past $1.30", ">", 1.3, None),
    ("Sales are expected to top $2bn this year.", "to top $2bn", ">", 2e9, None),
    ("The probe flew within 200 km of the moon.", "within 200 km", "<=", None, 200.0),
    ("Residents aged 70 and over were offered jabs.", "70 and over", ">=", 70.0, None),
    ("Turnout was just over 60 per cent.", "just over 60 per cent", ">", 60.0, 66.0),
    ("The queue held just under 400 people.", "just under 400", "<", 360.0, 400.0),
    ("The repairs cost something like £8m.", "something like £8m", "~", 7.2e6, 8.8e6),
    ("The crowd was in the region of 20,000.", "in the region of 20,000", "~", 18000.0, 22000.0),
    ("The strike lasted a week or so.", "a week or so", "~", 0.9, 1.1),
    ("The dig will take 40 days, give or take.", "40 days, give or take", "~", 36.0, 44.0),
    ("Their savings are estimated at $3.5bn.", "estimated at $3.5bn", "~", 3.15e9, 3.85e9),
    ("Mortgage rates may climb as high as 7%.", "as high as 7%", "<=", None, 7.0),
    ("Global downloads passed 10 million on Sunday.", "passed 10 million", ">", 1e7, None),
    ("The ticket price tops £300 this year.", "tops £300", ">", 300.0, None),
    ("Bonuses were north of $1m.", "north of $1m", ">", 1e6, None),
    ("The quake struck shy of 10 km underground.", "shy of 10 km", "<", None, 10.0),
    ("She coached the side for the better part of six seasons.",
     "the better part of six", "~", 5.4, 6.0),
]


@pytest.mark.parametrize(("text", "surface", "qualifier", "lower", "upper"), QUALIFIERS,
                         ids=[q[1] for q in QUALIFIERS])
def test_qualifier_and_bounds(text: str, surface: str, qualifier: str, lower: float | None,
                              upper: float | None) -> None:
    _check(_figure(text, surface), text, qualifier=qualifier, lower=lower, upper=upper)


def test_a_bound_that_may_be_a_vote_is_no_bound_before_a_count_or_a_second_number() -> None:
    for text in ("The senate passed 14 bills before the recess.",
                 "The amendment passed 61 to 38 on Tuesday."):
        assert all(f.qualifier == "=" for f in find_figures(text)), text


def test_a_bound_before_the_next_number_is_not_a_suffix() -> None:
    text = "Pay is north of $90,000 and upwards of 30 people apply."
    found = find_figures(text)
    assert [(f.surface, f.qualifier) for f in found] == [
        ("north of $90,000", ">"), ("upwards of 30", ">")]


def _qualifier_phrases() -> Iterator[tuple[str, str, str]]:
    for name, entry in _data("qualifiers")["qualifiers"].items():
        for phrase in entry["phrases"]:
            yield name, phrase, entry["sign"]


@pytest.mark.parametrize(("name", "phrase", "sign"), list(_qualifier_phrases()),
                         ids=[f"{n}:{p}" for n, p, _ in _qualifier_phrases()])
def test_every_qualifier_phrase_in_the_data_qualifies(name: str, phrase: str, sign: str) -> None:
    entry = _data("qualifiers")["qualifiers"][name]
    noun = "" if entry.get("alone") else " drones"  # "passed 500 drones" approved them
    if entry.get("position") == "after":
        glue = "" if phrase[0] in "+-" else " "
        text, surface = f"They counted 500{glue}{phrase}{noun}.", f"500{glue}{phrase}"
    else:
        text, surface = f"They counted {phrase} 500{noun}.", f"{phrase} 500"
    lower = 500 * entry["lower"] if "lower" in entry else None
    upper = 500 * entry["upper"] if "upper" in entry else None
    _check(_figure(text, surface), text, qualifier=sign, lower=lower, upper=upper)


COMPARATIVES = [("more", ">"), ("greater", ">"), ("larger", ">"), ("higher", ">"),
                ("bigger", ">"), ("less", "<"), ("fewer", "<"), ("lower", "<"), ("smaller", "<")]


@pytest.mark.parametrize(("word", "sign"), COMPARATIVES, ids=[c[0] for c in COMPARATIVES])
def test_comparatives_make_bounds(word: str, sign: str) -> None:
    inclusive, negated = sign + "=", "<=" if sign == ">" else ">="
    for text, surface, expected in [
        (f"Turnout was {word} than 40 in May.", f"{word} than 40", sign),
        (f"Turnout was {word} than or equal to 40.", f"{word} than or equal to 40", inclusive),
        (f"Turnout was equal to or {word} than 40.", f"equal to or {word} than 40", inclusive),
        (f"Turnout was no {word} than 40 in May.", f"no {word} than 40", negated),
    ]:
        _check(_figure(text, surface), text, qualifier=expected)


# --- Vague amounts -------------------------------------------------------------------------------

VAGUE = [
    ("Iran has supplied Russia with hundreds of its drones.", "hundreds", 100.0, 1e3, None),
    ("Thousands of people fled.", "Thousands", 1e3, 1e4, None),
    ("Dozens were injured.", "Dozens", 12.0, 120.0, None),
    ("Tens of thousands of protesters gathered.", "Tens of thousands", 1e4, 1e5, None),
    ("Hundreds of thousands watched.", "Hundreds of thousands", 1e5, 1e6, None),
    ("Millions of Ukrainians left.", "Millions", 1e6, 1e7, None),
    ("Russia offered Iran billions of dollars.", "billions of dollars", 1e9, 1e10, "dollar"),
    ("The deal is worth hundreds of millions of dollars.", "hundreds of millions of dollars",
     1e8, 1e9, "dollar"),
    ("Several hundred were displaced.", "Several hundred", 300.0, 900.0, None),
    ("A few thousand people live there.", "A few thousand", 2e3, 9e3, None),
    ("Only a handful of shops remain.", "a handful", 2.0, 9.0, None),
    ("Scores of homes were destroyed.", "Scores", 20.0, 200.0, None),
    ("A couple of ministers resigned.", "A couple", 2.0, 3.0, None),
    ("It provided a “small number of drones”.", "small number", 1.0, 99.0, None),
    ("It is a multibillion-dollar programme.", "multibillion-dollar", 1e9, 1e12, "dollar"),
]


@pytest.mark.parametrize(("text", "surface", "lower", "upper", "unit"), VAGUE,
                         ids=[v[1] for v in VAGUE])
def test_vague_amount(text: str, surface: str, lower: float, upper: float,
                      unit: str | None) -> None:
    _check(_figure(text, surface), text, value=None, qualifier="vague", lower=lower,
           upper=upper, unit=unit)


def _vague_phrases() -> Iterator[tuple[str, dict[str, Any]]]:
    for entry in _data("vague")["amounts"].values():
        for phrase in entry["phrases"]:
            yield phrase, entry


@pytest.mark.parametrize(("phrase", "entry"), list(_vague_phrases()),
                         ids=[p for p, _ in _vague_phrases()])
def test_every_vague_phrase_in_the_data_is_found(phrase: str, entry: dict[str, Any]) -> None:
    text = f"Officials said {phrase} of drones were launched."
    _check(_figure(text, phrase), text, qualifier="vague", lower=entry["lower"],
           upper=entry["upper"])


def test_millions_of_pounds_is_money() -> None:
    _check(_figure("The overhaul cost millions of pounds.", "millions of pounds"), "",
           qualifier="vague", unit="pound sterling", dimension="currency")
    # below a thousand, pounds stay a weight, as "500 pounds" does
    _check(_figure("They found hundreds of pounds of explosives.", "hundreds"), "", unit=None)


def test_test_scores_are_not_scores_of_things() -> None:
    assert find_figures("Test scores rose sharply.") == []


# --- Units and currencies ------------------------------------------------------------------------

UNITS = [
    ("Support reached 25% in May.", "25%", 25.0, "percentage", "dimensionless"),
    ("Support reached 25 percent.", "25 percent", 25.0, "percentage", "dimensionless"),
    ("Support reached 25 per cent.", "25 per cent", 25.0, "percentage", "dimensionless"),
    ("It rose 0.5 percentage points.", "0.5 percentage points", 0.5, "percentage point",
     "dimensionless"),
    ("Temperatures were 2.5 F above normal.", "2.5 F", 2.5, "degree fahrenheit", "temperature"),
    ("It was 35C in Madrid.", "35C", 35.0, "degree Celsius", "temperature"),
    ("It reached 40 degrees Celsius.", "40 degrees Celsius", 40.0, "degree Celsius",
     "temperature"),
    ("The convoy stretched for 6 km.", "6 km", 6.0, "kilometre", "length"),
    ("It carried 10 tonnes of aid.", "10 tonnes", 10.0, "tonne", "mass"),
    ("The drone flies 2,500 km at 120 mph.", "120 mph", 120.0, "mile per hour", "speed"),
    ("Cars drove at 20 km/h.", "20 km/h", 20.0, "kilometre per hour", "speed"),
    ("The camp covers 3.5 sq km.", "3.5 sq km", 3.5, "square kilometre", "area"),
    ("He was sentenced to 10 years in prison.", "10 years", 10.0, "year", "time"),
    ("A 10m wall surrounds it.", "10m", 10.0, "metre", "length"),
    ("He weighs 200 pounds.", "200 pounds", 200.0, "pound-mass", "mass"),
    ("Output is 10.2 million barrels per day.", "10.2 million barrels per day", 1.02e7,
     "barrel per day", "volumetric flow"),
    ("The central bank cut by 25 bps.", "25 bps", 25.0, "basis point", "dimensionless"),
    ("Spreads widened 40bp overnight.", "40bp", 40.0, "basis point", "dimensionless"),
    ("Gilt yields rose 15 basis points.", "15 basis points", 15.0, "basis point",
     "dimensionless"),
    ("Patients received 2 Gy of radiation per session.", "2 Gy", 2.0, "gray",
     "radiation absorbed dose"),
    ("The hatchback returns 60mpg on a long run.", "60mpg", 60.0, "mile per gallon",
     "fuel economy"),
    ("The wind farm sits 45nm off the west coast.", "45nm", 45.0, "nautical mile", "length"),
    ("She covered 614nm in a day at 25.9 knots.", "614nm", 614.0, "nautical mile", "length"),
    ("The foundry will make 3nm chips from next year.", "3nm", 3.0, "nanometre", "length"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "dimension"), UNITS,
                         ids=[u[1] for u in UNITS])
def test_unit(text: str, surface: str, value: float, unit: str, dimension: str) -> None:
    _check(_figure(text, surface), text, value=value, unit=unit, dimension=dimension,
           kind="amount")


MONEY = [
    ("Revenue hit $3bn.", "$3bn", 3e9, "dollar"),
    ("The bill costs US$1.2 trillion.", "US$1.2 trillion", 1.2e12, "dollar"),
    ("Aid totals USD 5 million.", "USD 5 million", 5e6, "dollar"),
    ("The EU pledged €40 billion.", "€40 billion", 4e10, "euro"),
    ("Britain gave £3m.", "£3m", 3e6, "pound sterling"),
    ("Japan spent ¥1 trillion.", "¥1 trillion", 1e12, "japanese yen"),
    ("Kyiv budgeted ₴5bn.", "₴5bn", 5e9, "ukrainian hryvnia"),
    ("The fund has 2.3 trillion yuan.", "2.3 trillion yuan", 2.3e12, "chinese yuan"),
    ("The deal cost 5 million pounds.", "5 million pounds", 5e6, "pound sterling"),
    ("Russia paid 40 billion euros.", "40 billion euros", 4e10, "euro"),
    ("He paid 500 dollars.", "500 dollars", 500.0, "dollar"),
    ("It is part of a billion-dollar deal.", "billion-dollar", 1e9, "dollar"),
    ("A pint costs 50p.", "50p", 50.0, "penny"),
    ("It cost $2-billion.", "$2-billion", 2e9, "dollar"),
    ("Transnet needs R60 billion for its ports.", "R60 billion", 6e10, "south african rand"),
    ("The budget set aside R3.2bn for water.", "R3.2bn", 3.2e9, "south african rand"),
    ("Shares closed at 33.14 pesos.", "33.14 pesos", 33.14, "mexican peso"),
    ("The peso weakened 2.02 centavos.", "2.02 centavos", 2.02, "centavo"),
    ("Sales rose to Y6.691 trillion.", "Y6.691 trillion", 6.691e12, "japanese yen"),
    ("The court fined it 500 million baht.", "500 million baht", 5e8, "thai baht"),
    ("The fund holds AED 3bn.", "AED 3bn", 3e9, "united arab emirates dirham"),
    ("Warsaw set aside 12 billion zlotys.", "12 billion zlotys", 1.2e10, "polish zloty"),
    ("Only two firms earned W1tr in profit.", "W1tr", 1e12, "south korean won"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit"), MONEY, ids=[m[1] for m in MONEY])
def test_money(text: str, surface: str, value: float, unit: str) -> None:
    _check(_figure(text, surface), text, value=value, unit=unit, dimension="currency",
           qualifier="=")


def test_capitalised_symbol_in_a_headline_is_a_word() -> None:
    _check(_figure("Storm Kills Five At Seaside Resort", "Five"), "", unit=None, kind="count")


def test_letter_b_after_a_number_is_billions_unless_a_street_follows() -> None:
    _check(_figure("Meta says it now has 3B monthly users.", "3B"), "", value=3e9)
    _check(_figure("The firm says it has 2B Android users.", "2B"), "", value=2e9)
    assert find_figures("Detectives searched the flat at 14B Gower Street on Tuesday evening.") \
        == []


def test_counts_in_millions_are_not_metres() -> None:
    _check(_figure("Some 1.5m people fled.", "Some 1.5m"), "", value=1.5e6, unit=None)


def test_a_plain_count_has_no_unit() -> None:
    _check(_figure("They fired 12 drones.", "12"), "", unit=None, dimension=None, kind="count")


# --- Changes -------------------------------------------------------------------------------------

CHANGES = [
    ("Exports rose 5% last year.", "5%", "up"),
    ("The firm increased output by 300.", "300", "up"),  # the object between verb and "by"
    ("Staff numbers increased by 300.", "300", "up"),
    ("The company cut 300 jobs.", "300", "down"),
    ("Spending was cut by 300 million.", "300 million", "down"),
    ("Unemployment fell nearly 10%.", "nearly 10%", "down"),
    ("Shares jumped 12% to $45.20.", "12%", "up"),
    ("Shares jumped 12% to $45.20.", "$45.20", None),
    ("The rate was cut to 4.5%.", "4.5%", None),
    ("Shares were up 3% on Monday.", "3%", "up"),
    ("Profit was down $2bn.", "$2bn", "down"),
    ("They reported a 5% rise in sales.", "5%", "up"),
    ("They reported an increase of 300.", "300", "up"),
    ("Prices rose sharply by 7%.", "7%", "up"),
]


@pytest.mark.parametrize(("text", "surface", "trend"), CHANGES,
                         ids=[f"{c[0][:22]}-{c[1]}" for c in CHANGES])
def test_change_has_a_trend(text: str, surface: str, trend: str | None) -> None:
    _check(_figure(text, surface), text, trend=trend)


def _trend_verbs() -> Iterator[tuple[str, str]]:
    for entry in _data("trends")["trends"].values():
        for verb in entry["verbs"]:
            yield verb, entry["direction"]


@pytest.mark.parametrize(("verb", "direction"), list(_trend_verbs()),
                         ids=[v for v, _ in _trend_verbs()])
def test_every_trend_verb_in_the_data_marks_a_change(verb: str, direction: str) -> None:
    text = f"Exports {verb} 5% in the year."
    _check(_figure(text, "5%"), text, trend=direction)


def test_rose_from_to_gives_two_levels() -> None:
    found = find_figures("Sales fell from 500 to 300 units.")
    assert [(f.value, f.qualifier, f.trend) for f in found] == [(500, "=", None), (300, "=", None)]


def test_change_then_level_is_not_a_range() -> None:
    found = find_figures("Burglaries fell by 3% to 61,200 last year.")
    assert [(f.surface, f.qualifier, f.unit, f.trend) for f in found] == [
        ("3%", "=", "percentage", "down"), ("61,200", "=", None, None)]


def test_rise_by_a_range_is_one_range() -> None:
    _check(_figure("Salaries will rise by 3 to 4 per cent.", "3 to 4 per cent"), "",
           qualifier="range", lower=3.0, upper=4.0, unit="percentage", trend="up")


# --- Ranges, margins and conversions ------------------------------------------------------------

SHARED_UNITS = [
    ("The measure passed 61 to 39 percent.", "61", "percentage"),
    ("Inflation eased from 9 to 7 per cent.", "9", "percentage"),
    ("The river fell from 6 to 4 metres.", "6", "metre"),
]


@pytest.mark.parametrize(("text", "surface", "unit"), SHARED_UNITS,
                         ids=[s[0] for s in SHARED_UNITS])
def test_unit_after_the_second_number_is_the_unit_of_the_first(text: str, surface: str,
                                                                unit: str) -> None:
    _check(_figure(text, surface), text, unit=unit, qualifier="=")


def test_range_takes_the_scale_and_unit_of_its_second_end() -> None:
    _check(_figure("Repairs will cost $2 to $3 billion.", "$2 to $3 billion"), "",
           qualifier="range", lower=2e9, upper=3e9, unit="dollar")


def test_plus_or_minus_states_a_margin_not_a_negative_number() -> None:
    text = "The survey has a margin of error of plus or minus 2.4 percentage points."
    _check(_figure(text, "2.4 percentage points"), text, value=2.4, qualifier="=",
           unit="percentage point")


CONVERSIONS = [
    ("The fund holds about $4bn (£3.2bn) in bonds.", "£3.2bn", "~", 2.88e9, 3.52e9),
    ("The mast is over 100 feet (30 metres) tall.", "30 metres", ">", 30.0, None),
    ("Exports rose £2bn ($2.5bn) last year.", "$2.5bn", "=", 2.5e9, 2.5e9),
]


@pytest.mark.parametrize(("text", "surface", "qualifier", "lower", "upper"), CONVERSIONS,
                         ids=[c[1] for c in CONVERSIONS])
def test_bracketed_conversion_carries_the_qualifier_of_what_it_converts(
    text: str, surface: str, qualifier: str, lower: float | None, upper: float | None
) -> None:
    _check(_figure(text, surface), text, qualifier=qualifier, lower=lower, upper=upper)


def test_bracketed_conversion_carries_the_trend() -> None:
    _check(_figure("Exports rose £2bn ($2.5bn) last year.", "$2.5bn"), "", trend="up")


def test_bracketed_figure_in_the_same_unit_is_its_own_figure() -> None:
    _check(_figure("The region lost about 3,000 jobs (2,000 in factories).", "2,000"), "",
           qualifier="=")


def test_past_after_a_determiner_is_a_stretch_of_time() -> None:
    for text in ("Over the past 48 hours, it rained.", "Prices rose in past 3 years."):
        (figure,) = find_figures(text)
        _check(figure, text, qualifier="=", lower=figure.value)


def test_space_grouped_digits_before_a_name_are_a_count_and_a_model() -> None:
    found = find_figures("The carrier took delivery of 18 787 Dreamliners last year.")
    assert [(f.surface, f.value) for f in found] == [("18", 18.0)]


def test_names_each_with_a_figure_in_a_list_of_three_or_more_are_figures_not_labels() -> None:
    found = find_figures("The exit poll in full: Labour 410, Conservatives 131, Liberal "
                         "Democrats 61 and Reform UK 13.")
    assert [f.value for f in found] == [410.0, 131.0, 61.0, 13.0]
    # two names with numbers are no breakdown: a model and a label
    assert find_figures("The Boeing 737 and the Airbus A320 are rivals.") == []


def test_space_grouped_digits_stay_one_number_before_a_lower_case_word() -> None:
    _check(_figure("A fleet of 1 200 aircraft is ageing.", "1 200"), "", value=1200.0)


# --- Lengths of time, ages and "over" -----------------------------------------------------------

DURATIONS = [
    ("The search went on for more than an hour.", "more than an hour", ">", 1.0, 1.0, None,
     "hour"),
    ("The shuttle took just over an hour.", "just over an hour", ">", 1.0, 1.0, 1.1, "hour"),
    ("Patients wait up to half an hour to be seen.", "up to half an hour", "<=", 0.5, None, 0.5,
     "hour"),
    ("He was in a coma for half a day.", "half a day", "=", 0.5, 0.5, 0.5, "day"),
    ("Building the dam took a year and a half.", "a year and a half", "=", 1.5, 1.5, 1.5,
     "year"),
    ("The hearing lasted an hour and a half.", "an hour and a half", "=", 1.5, 1.5, 1.5, "hour"),
    ("She coached the side for two and a half years.", "two and a half years", "=", 2.5, 2.5,
     2.5, "year"),
    ("The strike has gone on for almost a decade.", "almost a decade", "~", 1.0, 0.9, 1.0,
     "decade"),
    ("The lake has halved in size in a decade.", "a decade", "=", 1.0, 1.0, 1.0, "decade"),
    ("The museum will shut for a fortnight in May.", "a fortnight", "=", 1.0, 1.0, 1.0,
     "fortnight"),
    ("The crew spent the best part of a week at sea.", "the best part of a week", "~", 1.0, 0.9,
     1.0, "week"),
    ("The inquiry could take a couple of years.", "a couple of years", "vague", None, 2.0, 3.0,
     "year"),
    ("Divers found the wreck less than two hours before dark.", "less than two hours", "<", 2.0,
     None, 2.0, "hour"),
    ("The army arrived 36 hours after the flood began.", "36 hours", "=", 36.0, 36.0, 36.0,
     "hour"),
]


@pytest.mark.parametrize(("text", "surface", "qualifier", "value", "lower", "upper", "unit"),
                         DURATIONS, ids=[d[1] for d in DURATIONS])
def test_length_of_time(text: str, surface: str, qualifier: str, value: float | None,
                        lower: float | None, upper: float | None, unit: str) -> None:
    _check(_figure(text, surface), text, qualifier=qualifier, value=value, lower=lower,
           upper=upper, unit=unit, dimension="time")


NOT_LENGTHS_OF_TIME = [
    "The committee meets once a year in Geneva.",
    "The pills are taken twice a day.",
    "A year ago the plant was shut.",
    "Sales fell a year earlier.",
    "The club won for a second time in May.",
    "Talks resumed in a year of upheaval.",
    "The bank runs a once-in-a-century stress test.",
    "Two days before, the river had burst its banks.",
    "A few weeks ago the mayor resigned.",
    "Several months ago the factory closed.",
]


@pytest.mark.parametrize("text", NOT_LENGTHS_OF_TIME)
def test_a_or_a_vague_amount_with_a_time_unit_is_no_length_of_time_here(text: str) -> None:
    assert find_figures(text) == []


def test_a_year_and_a_half_leaves_no_half_behind() -> None:
    found = find_figures("The road works lasted a year and a half in all.")
    assert [(f.surface, f.value) for f in found] == [("a year and a half", 1.5)]


def _article_units(key: str) -> list[str]:
    return list(_data("numbers")["article_units"][key]["forms"])


@pytest.mark.parametrize("word", _article_units("before"))
def test_every_word_before_a_length_of_time_in_the_data_makes_a_a_one(word: str) -> None:
    text = f"The crews {word} a week in the hills."
    _check(_figure(text, "a week"), text, value=1.0, unit="week", qualifier="=")


@pytest.mark.parametrize("word", _article_units("not_before"))
def test_every_word_after_a_length_of_time_in_the_data_unmakes_it(word: str) -> None:
    assert find_figures(f"The crews waited for a week {word} storms.") == []


OVER_DURING = [
    ("The summit was held over three days in Lisbon.", "three days", "="),
    ("The loan is repayable over 36 months.", "36 months", "="),
    ("The rally is raced over 19 stages.", "19", "="),
    ("Over two weeks of hearings, the panel heard 40 witnesses.", "two weeks", "="),
    ("Rents rose 9% over 18 months.", "18 months", "="),
    ("The shrine drew over 50,000 pilgrims.", "over 50,000", ">"),
    ("He was jailed for over 12 years.", "over 12 years", ">"),
    ("The charity has over 30 years of experience.", "over 30 years", ">"),
]


@pytest.mark.parametrize(("text", "surface", "qualifier"), OVER_DURING,
                         ids=[o[0][:30] for o in OVER_DURING])
def test_over_means_during_after_verbs_of_spreading_and_holding(text: str, surface: str,
                                                                 qualifier: str) -> None:
    _check(_figure(text, surface), text, qualifier=qualifier)


def _during(key: str) -> list[str]:
    return list(_data("qualifiers")["during"][key]["forms"])


@pytest.mark.parametrize("verb", _during("verbs"))
def test_every_spreading_verb_in_the_data_makes_over_during(verb: str) -> None:
    text = f"The works were {verb} over 12 sites."
    _check(_figure(text, "12"), text, qualifier="=")


@pytest.mark.parametrize("verb", _during("time_verbs"))
def test_every_holding_verb_in_the_data_makes_over_during_for_a_time(verb: str) -> None:
    text = f"The games were {verb} over 12 days."
    _check(_figure(text, "12 days"), text, qualifier="=")
    text = f"The games were {verb} over 12 teams."
    _check(_figure(text, "over 12"), text, qualifier=">")


@pytest.mark.parametrize("word", _during("not_after"))
def test_every_word_in_the_data_keeps_over_more_than(word: str) -> None:
    text = f"Wages grew 3% {word} over 12 months."
    _check(_figure(text, "over 12 months"), text, qualifier=">")


AGES = [
    ("Two boys aged 14 were arrested.", "14", "=", 14.0, 14.0),
    ("Sisters aged 6 and 9 were rescued.", "9", "=", 9.0, 9.0),
    ("Volunteers aged between 21 and 35 took part.", "between 21 and 35", "range", 21.0, 35.0),
    ("The study followed women aged 50 to 69.", "50 to 69", "range", 50.0, 69.0),
    ("Workers aged 60 and over may retire.", "60 and over", ">=", 60.0, None),
    ("Pupils aged under 11 travel free.", "under 11", "<", None, 11.0),
    ("Anyone over the age of 70 can apply.", "over the age of 70", ">", 70.0, None),
    ("She left school at the age of 15.", "15", "=", 15.0, 15.0),
    ("A man in his 50s was hurt.", "in his 50s", "vague", 50.0, 59.0),
    ("A woman in her thirties was charged.", "in her thirties", "vague", 30.0, 39.0),
    ("Two men in their early 20s fled.", "in their early 20s", "vague", 20.0, 23.0),
    ("A man in his mid-60s died.", "in his mid-60s", "vague", 64.0, 66.0),
    ("A boy in his late teens was held.", "in his late teens", "vague", 17.0, 19.0),
    ("A girl in her early teens was found.", "in her early teens", "vague", 13.0, 16.0),
    ("The club met the 19-year-old's asking price.", "19-year-old's", "=", 19.0, 19.0),
    ("Scaffolding hid the 700-year-old’s spire.", "700-year-old’s", "=", 700.0, 700.0),
]


@pytest.mark.parametrize(("text", "surface", "qualifier", "lower", "upper"), AGES,
                         ids=[a[1] for a in AGES])
def test_age_is_in_years_of_age(text: str, surface: str, qualifier: str, lower: float | None,
                         upper: float | None) -> None:
    _check(_figure(text, surface), text, qualifier=qualifier, lower=lower, upper=upper,
           unit="year of age", dimension="age")


def test_an_age_with_its_own_unit_keeps_it() -> None:
    _check(_figure("A baby aged 9 months was unhurt.", "9 months"), "", unit="month")


@pytest.mark.parametrize("words", list(_data("units")["ages"]["year of age"]["before"]))
def test_every_age_word_in_the_data_makes_an_age(words: str) -> None:
    text = f"They studied people {words} 40 in Leeds."
    _check(_figure(text, "40"), text, unit="year of age")


@pytest.mark.parametrize("opener", list(_data("vague")["life_decade_openers"]["before"]["forms"]))
def test_every_decade_opener_in_the_data_makes_an_age(opener: str) -> None:
    text = f"They were {opener} forties then."
    _check(_figure(text, f"{opener} forties"), text, qualifier="vague", lower=40.0, upper=49.0,
           unit="year of age")


# --- What is not a figure ------------------------------------------------------------------------

NOT_FIGURES = [
    ("The Wall Street Journal reported on Feb. 5 that", "Feb. 5"),
    ("A drone flies over Kyiv on Oct. 17, 2022.", "Oct. 17, 2022"),
    ("On Jan. 6, the United States slapped sanctions.", "Jan. 6"),
    ("The summit runs Feb. 5-7 in Munich.", "Feb. 5-7"),
    ("The summit runs 5-7 May in Munich.", "5-7 May"),
    ("7 February, 06:46 PM", "7 February, 06:46 PM"),
    ("20 Nov, 2022 07:28 / Updated 2 years ago", "20 Nov, 2022 07:28 / Updated 2 years ago"),
    ("before the start of the war in late February 2022.", "February 2022"),
    ("Daily at 9am EST", "9am"),
    ("The meeting ends at 3 p.m. on Saturday.", "3 p.m."),
    ("Sanctions were imposed back in 2021.", "2021"),
    ("Kyiv has fought Russia since 2014.", "2014"),
    ("The 2022-23 season ended early.", "2022-23"),
    ("It was popular in the 1990s and the '90s.", "1990s and the '90s"),
    ("The band was big in the 1960s and the '60s.", "1960s and the '60s"),
    ("Music of the sixties and seventies returned.", "sixties and seventies"),
    ("It was the first time.", "first"),
    ("He won for the third time.", "third"),
    ("He led in the 10th round.", "10th"),
    ("The twenty-first century began.", "twenty-first"),
    ("Updated 3 hours ago.", "3 hours ago"),
    ("1 min read", "1 min read"),
    ("A week earlier, they left.", "A week earlier"),
    ("It began more than a year ago.", "more than a year ago"),
    ("Kamikaze Shahed-136 models were used.", "Shahed-136"),
    ("Kiev insists the drones, known as Geran-2, are Iranian.", "Geran-2"),
    ("Ukraine wants F-16 jets and Su-27 parts.", "F-16 jets and Su-27"),
    ("COVID-19 killed millions.", "COVID-19"),
    ("The G7 met after MH17 was shot down.", "G7 met after MH17"),
    ("A Boeing 737 crashed.", "737"),
    ("Iran violated Resolution 2231.", "2231"),
    ("NATO invoked Article 5 once.", "5"),
    ("He lives at No. 10 Downing Street.", "10"),
    ("She ranked #3 on the list.", "#3"),
    ("See page 12 and section 4.", "page 12 and section 4"),
    ("Apollo 11 landed on the Moon.", "Apollo 11"),
    ("Windows 11 and the iPhone 15 launched.", "Windows 11 and the iPhone 15"),
    ("We have 5G and 3D printers.", "5G and 3D"),
    ("Call +1 (555) 123-4567 now.", "+1 (555) 123-4567"),
    ("Visit https://example.com/2021/10/page-3 for details.", "https://example.com/2021/10"),
    ("The service runs 24/7 since the 9/11 attacks.", "24/7 since the 9/11"),
    ("Any time to meet on 5/17/2018?", "5/17/2018"),
    ("Version 2.3.1 and 192.168.1.2 were patched.", "2.3.1 and 192.168.1.2"),
    ("One of the victims said no one helped.", "One of the victims said no one"),
    ("He was the one who left.", "one"),
    ("They blamed one another.", "one"),
    ("At one point the talks stalled.", "one"),
    ("Exporters of weapons to one side of the war were named.", "one"),
    ("On one hand, the deal helps exporters.", "one"),
    ("The court issued a 5-4 ruling.", "5-4"),
    ("Key points:\n1. Russia fired drones.\n2) Kyiv replied.", "1. Russia fired drones.\n2)"),
    ("The figure was disputed.[3]", "[3]"),
    ("Formula One returns.", "One"),
    ("The second half was dull.", "half"),
    ("The game went to half-time.", "half"),
    ("Detectives searched the flat at 14B Gower Street on Tuesday evening.", "14B"),
    ("The consulate at 350 West 57th Street in Manhattan closed early.", "350"),
    ("The prime minister's residence at 24 Sussex Drive is empty.", "24"),
    ("Readers can call the helpline free on 0808 800 5000 at any time.", "0808 800 5000"),
    ("The spy known as 007 returned to the screen.", "007"),
    ("In an emergency, always dial 999 first.", "999"),
    ("Residents can be reached on 111 for urgent advice.", "111"),
    ("France beat Wales 24-17 in Cardiff on Saturday night.", "24-17"),
    ("The champions lost 1-2 away to the league leaders.", "1-2"),
    ("It was a 2-3 defeat at home for the hosts.", "2-3"),
    ("The court upheld the law in a 6-3 ruling.", "6-3"),
    ("She shot 18 under par to win in Dubai.", "18"),
    ("He finished four strokes clear of the field.", "four"),
    ("The champion won by two shots at Augusta.", "two"),
    ("Investors sold 30-year Treasury bonds all week.", "30-year"),
    ("The 2-year note yield fell sharply.", "2-year"),
    ("The army ordered more 120mm mortar rounds.", "120mm"),
    ("She won the 400m final in Rome.", "400m"),
    ("He set a new 10,000m world record.", "10,000m"),
    ("The airline flew a Boeing 737-800 to Lisbon.", "737-800"),
    ("The talks will run from March 4 to 7 in Geneva.", "4 to 7"),
    ("Voting takes place between May 22 and 24.", "22 and 24"),
    ("Airlines have grounded the 777 Jumbo for checks.", "777"),
    ("Airbus parked its A350 Ultra fleet.", "A350"),
    ("Qantas flew its 747 Max 8 freighters home.", "747 Max 8"),
    ("Readers in crisis can ring 1-877-565-8860 at any hour.", "1-877-565-8860"),
    ("The A1 was shut between junctions 4 and 5 overnight.", "4 and 5"),
    ("Roadworks closed exits 7 and 8 on the ring road.", "7 and 8"),
    ("See clauses 4, 5 and 6 of the bill.", "4, 5 and 6"),
    ("Picture 2 of 9: Crowds gather in the square.", "2 of 9"),
    ("4 of 10\nA view of the harbour.", "4 of 10"),
    ("The region logged 30 burglaries per 1,000 homes.", "1,000"),
    ("There is one nurse for every 400 patients.", "400"),
    ("The road is 3 km and the R2 runs north.", "R2"),
    ("Over the 10 days from December 21 to 31 it cancelled 16,700 flights.", "31"),
    ("Updated 20 Nov, 2022 07:28:15 GMT", "07:28:15"),
    ("The alarm rang at 07:28:15 GMT.", "07:28:15"),
    ("Between 6 and 9 June, 300 people were evacuated.", "6"),
]


@pytest.mark.parametrize(("text", "forbidden"), NOT_FIGURES, ids=[n[1] for n in NOT_FIGURES])
def test_not_a_figure(text: str, forbidden: str) -> None:
    start = text.index(forbidden)
    end = start + len(forbidden)
    overlapping = [f.surface for f in find_figures(text) if f.start < end and f.end > start]
    assert not overlapping, f"{text!r}: {overlapping} should not be figures"


def _labels() -> Iterator[str]:
    yield from _data("numbers")["not_figures"]["labels"]["forms"]


@pytest.mark.parametrize("label", list(_labels()))
def test_every_label_in_the_data_makes_a_label(label: str) -> None:
    assert find_figures(f"See {label} 5 for details.") == []


def _one_idioms() -> Iterator[str]:
    yield from _data("numbers")["not_figures"]["one_idioms"]["forms"]


@pytest.mark.parametrize("idiom", list(_one_idioms()))
def test_every_one_idiom_in_the_data_is_not_a_count(idiom: str) -> None:
    assert find_figures(f"They said {idiom} mattered.") == []


def _not_figures(key: str) -> list[str]:
    return list(_data("numbers")["not_figures"][key]["forms"])


@pytest.mark.parametrize("street", _not_figures("streets"))
def test_every_street_word_in_the_data_makes_an_address(street: str) -> None:
    assert find_figures(f"Police were called to 12 Acacia {street.title()} on Monday.") == []


@pytest.mark.parametrize("words", _not_figures("phone_words"))
def test_every_phone_word_in_the_data_makes_a_phone_number(words: str) -> None:
    assert find_figures(f"For help, {words} 999 now.") == []


@pytest.mark.parametrize("word", _not_figures("tally_before"))
def test_every_tally_verb_in_the_data_makes_a_result(word: str) -> None:
    assert find_figures(f"They {word} 1-2 on the day.") == []


@pytest.mark.parametrize("word", _not_figures("tally_after"))
def test_every_tally_noun_in_the_data_makes_a_result(word: str) -> None:
    assert find_figures(f"It was a 1-2 {word} for them.") == []


@pytest.mark.parametrize("phrase", _not_figures("scores_after"))
def test_every_score_phrase_in_the_data_makes_a_result(phrase: str) -> None:
    assert find_figures(f"She was 5 {phrase} on Sunday.") == []


@pytest.mark.parametrize("phrase", _not_figures("margin_before"))
def test_every_margin_phrase_in_the_data_makes_a_result(phrase: str) -> None:
    assert find_figures(f"The visitors {phrase} 3 goals in the end.") == []


@pytest.mark.parametrize("unit", _not_figures("margin_units"))
def test_every_margin_unit_in_the_data_makes_a_result(unit: str) -> None:
    assert find_figures(f"The visitors won by 3 {unit} in the end.") == []


# A measure of each unit in units.toml [names], written as news writes it before a name.
NAMED_MEASURES = {"year": "10-year", "month": "3-month", "millimetre": "155mm",
                  "inch": "12-inch", "metre": "800m"}


def _unit_names() -> Iterator[tuple[str, str]]:
    for unit, entry in _data("units")["names"].items():
        for phrase in entry["before"]:
            yield unit, phrase


def test_every_unit_in_names_has_a_test_measure() -> None:
    assert set(_data("units")["names"]) <= set(NAMED_MEASURES)


@pytest.mark.parametrize(("unit", "phrase"), list(_unit_names()),
                         ids=[f"{u}:{p}" for u, p in _unit_names()])
def test_every_name_in_the_data_makes_a_measure_a_name(unit: str, phrase: str) -> None:
    measure = NAMED_MEASURES[unit]
    assert _figure(f"They measured {measure} in all.", measure).unit == unit
    assert find_figures(f"Traders watched the {measure} {phrase} closely.") == []


@pytest.mark.parametrize("phrase", list(_data("numbers")["margins"]["plus_or_minus"]["forms"]))
def test_every_margin_either_side_is_positive(phrase: str) -> None:
    _check(_figure(f"The error is {phrase} 3 points.", "3"), "", value=3.0)


def _not_after() -> Iterator[tuple[str, str]]:
    for entry in _data("qualifiers")["qualifiers"].values():
        for word in entry.get("not_after", ()):
            for phrase in entry["phrases"]:
                yield word, phrase


@pytest.mark.parametrize(("word", "phrase"), list(_not_after()),
                         ids=[f"{w} {p}" for w, p in _not_after()])
def test_every_not_after_word_in_the_data_unmakes_a_bound(word: str, phrase: str) -> None:
    text = f"Prices rose {word} {phrase} 5 years."
    _check(_figure(text, "5 years"), text, qualifier="=")


STILL_FIGURES = [
    ("More than 2000 people were killed.", "More than 2000", 2000.0),
    ("The ministry said 5 people died on Feb. 24.", "5", 5.0),
    ("Let's try one last time.", "one", 1.0),
    ("Only one reactor works.", "Only one", 1.0),
    ("The 40-year-old man was arrested.", "40-year-old", 40.0),
    ("Russia fired 30 Shahed 136 drones.", "30", 30.0),
    ("The range is 5k-20k.", "5k-20k", 5000.0),
    ("More than half of respondents agreed.", "More than half", 0.5),
    ("The Iran-backed Houthis launched 12 drones.", "12", 12.0),
    ("He Has Supplied With 400 Drones", "400", 400.0),
    ("In 2019, 300 people were evacuated.", "300", 300.0),
    ("Analysts said 300 Wall Street traders were laid off this week.", "300", 300.0),
    ("The judge will call 100 witnesses.", "100", 100.0),
    ("The shopkeeper was hit by three shots.", "three", 3.0),
    ("The party hopes to win 20-30 seats.", "20-30", 20.0),
    ("Between 40-50 votes were cast.", "Between 40-50", 40.0),
    ("He served a 10-year sentence.", "10-year", 10.0),
    ("She went on a 10-mile walk.", "10-mile", 10.0),
    ("They finished a 5km run together.", "5km", 5.0),
    ("The sprinter ran 100m in 9.9 seconds.", "100m", 100.0),
    ("Labour are 20 points clear in the polls.", "20", 20.0),
    ("Britain sent 14 Challenger 2 tanks to Kyiv.", "14", 14.0),
    ("The airline ordered 40 A321neo jets.", "40", 40.0),
    ("Around 60 Labour MPs rebelled.", "Around 60", 60.0),
    ("Some 20 EU states signed.", "Some 20", 20.0),
    ("Only 12 Republican senators backed it.", "Only 12", 12.0),
    ("The rate rose to 14 cases per 100,000 people.", "14", 14.0),
    ("A further 300 Americans were flown out.", "300", 300.0),
    ("Because 37 of the injured were seriously hurt, the toll may rise.", "37", 37.0),
    ("Pietri crossed the line first in 2:54:46 but was disqualified.", "2:54:46", 10486.0),
    ("He ran 1:59:40.2 in Vienna.", "1:59:40.2", 7180.2),
    ("On June 6 to 9 people were rescued from the roof.", "9", 9.0),
]


@pytest.mark.parametrize(("text", "surface", "value"), STILL_FIGURES,
                         ids=[s[0][:30] for s in STILL_FIGURES])
def test_still_a_figure(text: str, surface: str, value: float) -> None:
    _check(_figure(text, surface), text, value=value)


def test_date_line_without_year_is_not_a_quantity() -> None:
    assert find_figures("7 February, 06:46 PM\nAn Iranian drone in the sky") == []


def test_offsets_point_into_the_text() -> None:
    text = "Officials said more than 6,000 drones and $3bn."
    first, second = find_figures(text)
    assert (text[first.start:first.end], text[first.number_start:first.number_end]) == (
        "more than 6,000", "6,000")
    assert (text[second.start:second.end], text[second.number_start:second.number_end]) == (
        "$3bn", "3bn")


def test_empty_and_numberless_text_give_nothing() -> None:
    assert find_figures("") == []
    assert find_figures("Russia and Iran deepened ties.") == []


# --- parse_number --------------------------------------------------------------------------------

PARSED = [
    ("twenty-one", 21.0), ("a hundred and two", 102.0), ("6,000", 6000.0), ("1.5 million", 1.5e6),
    ("two-thirds", 2 / 3), ("three dozen", 36.0), ("minus five", -5.0), ("2021", 2021.0),
    ("hundreds", None), ("more than five", None), ("five apples and six", None), ("", None),
]


@pytest.mark.parametrize(("words", "value"), PARSED, ids=[p[0] or "empty" for p in PARSED])
def test_parse_number(words: str, value: float | None) -> None:
    assert parse_number(words) == (pytest.approx(value) if value is not None else None)


# --- Language data -------------------------------------------------------------------------------


@pytest.fixture
def patched_data(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, dict[str, Any]]]:
    """The language data as dicts the test may break; restored afterwards."""
    data = {name: _data(name) for name in ("numbers", "qualifiers", "vague", "trends", "units")}
    real_read = lexicon.read

    def read(name: str) -> Mapping[str, Any]:
        return data[name] if name in data else real_read(name)

    monkeypatch.setattr(lexicon, "read", read)
    yield data
    figure_language._lexicon.cache_clear()


def test_language_data_validates() -> None:
    figure_language.check_language_data()


BROKEN = [
    ("qualifiers", ("qualifiers", "about", "sign"), "about-ish"),
    ("qualifiers", ("qualifiers", "about", "lower"), 2.0),
    ("qualifiers", ("qualifiers", "about", "positon"), "after"),
    ("qualifiers", ("qualifiers", "nearly", "phrases"), ["nearly", "about"]),
    ("vague", ("amounts", "dozens", "upper"), 1),
    ("vague", ("amounts", "dozens", "phrases"), "dozens"),
    ("numbers", ("units", "two", "forms"), ["two", "one"]),
    ("numbers", ("years", "span", "first"), 2200),
    ("trends", ("trends", "up", "direction"), "sideways"),
    ("trends", ("trends", "down", "verbs"), ["fell", "rose"]),
    ("units", ("extra", "percentage", "dimension"), 3),
    ("units", ("prefer", "degree fahrenheit", "symbols"), ["km"]),
    ("units", ("names", "yardstick"), {"before": ["race"]}),
    ("units", ("names", "metre", "before"), "race"),
    ("qualifiers", ("qualifiers", "past", "not_after"), "the"),
    ("numbers", ("not_figures", "streets", "forms"), ["street", "Street"]),
    ("numbers", ("not_figures", "rate_bases"), None),
    ("numbers", ("article_units", "before", "forms"), "for"),
    ("qualifiers", ("qualifiers", "passed", "alone"), "yes"),
    ("qualifiers", ("during", "verbs", "phrases"), ["spread"]),
    ("units", ("ages", "yardstick"), {"before": ["aged"]}),
    ("units", ("extra", "south african rand", "scaled_prefix"), "R"),
    ("vague", ("life_decade_words", "twenties", "lower"), 30),
    ("vague", ("life_decade_parts", "early", "upper"), "three"),
]


@pytest.mark.parametrize(("name", "where", "value"), BROKEN,
                         ids=[f"{b[0]}:{'.'.join(b[1])}" for b in BROKEN])
def test_malformed_language_data_raises_lexicon_error(
    patched_data: dict[str, dict[str, Any]], name: str, where: tuple[str, ...], value: Any
) -> None:
    table = patched_data[name]
    for key in where[:-1]:
        table = table[key]
    table[where[-1]] = value
    with pytest.raises(LexiconError) as raised:
        figure_language.check_language_data()
    assert name in str(raised.value)


# --- A change then a level, clock times, rates, parts of a unit, ages, hyphenated counts --------

CHANGE_THEN_LEVEL = [
    ("Membership dropped by 420 to 6,150 last year.", "420", "down", "6,150"),
    ("The squad was cut by 3 to 23 players.", "3", "down", "23"),
    ("Claims rose by 1,100 to 9,400 in March.", "1,100", "up", "9,400"),
    ("The backlog has grown by a fifth to 7,200 cases.", "a fifth", "up", "7,200"),
]


@pytest.mark.parametrize(("text", "change", "trend", "level"), CHANGE_THEN_LEVEL)
def test_change_by_then_level_is_two_figures(text: str, change: str, trend: str,
                                            level: str) -> None:
    found = [(f.surface, f.qualifier, f.trend) for f in find_figures(text)]
    assert found[:2] == [(change, "=", trend), (level, "=", None)], text


def test_fractional_change_by_a_quarter() -> None:
    _check(_figure("Rents have risen by a quarter to £1,300.", "a quarter"), "",
           value=0.25, trend="up", kind="fraction")


@pytest.mark.parametrize("text", [
    "Oil traded at $80 by 0845 GMT.", "The market opens at 0930 ET on Monday.",
    "The launch is set for 2300 UTC.", "Polls close at 22:00 BST.",
])
def test_clock_time_with_zone_is_not_a_figure(text: str) -> None:
    assert [f.surface for f in find_figures(text) if f.surface[-1].isdigit() and
            f.value is not None and f.value > 100] == [], text


def test_invalid_clock_time_before_zone_stays_a_figure() -> None:
    _check(_figure("The firm hired 2975 GMT staff.", "2975"), "", value=2975.0)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Exports reached 2 million barrels a day in May.", "2 million barrels a day", 2e6),
    ("Output held at about 4.5 million barrels a day.", "about 4.5 million barrels a day", 4.5e6),
    ("The refinery handles 250,000 barrels a day.", "250,000 barrels a day", 250000.0),
])
def test_barrels_a_day_with_a_scale_is_a_rate(text: str, surface: str, value: float) -> None:
    _check(_figure(text, surface), text, value=value, unit="barrel per day")


def test_half_a_percentage_point_is_one_figure() -> None:
    _check(_figure("The bank trimmed rates by half a percentage point.", "half a percentage point"),
           "", value=0.5, unit="percentage point")


@pytest.mark.parametrize(("text", "surface", "qualifier"), [
    ("A third of voters are younger than 30.", "younger than 30", "<"),
    ("Patients older than 70 were offered a booster.", "older than 70", ">"),
    ("The ban covers children under 13.", "under 13", "<"),
    ("Vaccines for children under two were approved.", "under two", "<"),
    ("Nobody under the age of 18 may enter.", "under the age of 18", "<"),
])
def test_comparative_age_is_in_years_of_age(text: str, surface: str, qualifier: str) -> None:
    _check(_figure(text, surface), text, qualifier=qualifier, unit="year of age")


def test_under_without_an_age_word_is_no_age() -> None:
    _check(_figure("Turnout was under 40 in some wards.", "under 40"), "", unit=None)


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("He signed a six-and-a-half-year deal.", "six-and-a-half-year", 6.5, "year"),
    ("They waited two-and-a-half hours.", "two-and-a-half hours", 2.5, "hour"),
    ("A seven-strong panel will decide.", "seven", 7.0, None),
    ("The blaze gutted a four-storey block.", "four", 4.0, None),
    ("They rent a two-bedroom flat.", "two", 2.0, None),
])
def test_number_word_hyphenated_to_a_measure(text: str, surface: str, value: float,
                                             unit: str | None) -> None:
    _check(_figure(text, surface), text, value=value, unit=unit)
    assert [f.value for f in find_figures(text)] == [value], text  # never "six" alone


def test_an_age_range_between_the_ages_of_two_numbers_is_one_figure() -> None:
    text = "Volunteers between the ages of 18 and 55 took part."
    [figure] = find_figures(text)
    _check(figure, text, surface="between the ages of 18 and 55", lower=18.0, upper=55.0,
           unit="year of age")


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("Saudi Arabia will cut 1 million bpd, Iraq 223,000 bpd and the UAE 163,000 bpd.",
     "223,000 bpd", "barrel per day"),
    ("Obama led McCain 48 percent to 46 percent among registered voters.", "48 percent",
     "percentage"),
])
def test_a_name_before_a_number_with_its_unit_is_no_label(text: str, surface: str,
                                                          unit: str) -> None:
    _check(_figure(text, surface), text, unit=unit)


def test_a_magnitude_written_on_its_scale_is_a_figure_and_a_road_is_not() -> None:
    text = "The M7.1 quake off Peru, downgraded from M7.3, closed the M4 and the M25."
    assert [f.value for f in find_figures(text)] == [7.1, 7.3]


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("Turnover came to 80.83 billion HK dollars.", "80.83 billion HK dollars",
     "hong kong dollar"),
    ("That is about 10.42 billion U.S. dollars.", "about 10.42 billion U.S. dollars", "dollar"),
    ("Tickets cost 5 U.S. dollars each.", "5 U.S. dollars", "dollar"),
])
def test_a_currency_named_after_the_number_with_its_country(text: str, surface: str,
                                                             unit: str) -> None:
    _check(_figure(text, surface), text, unit=unit)


@pytest.mark.parametrize(("text", "surface", "unit", "value"), [
    ("Unemployment rose 0.3 of a percentage point.", "0.3 of a percentage point",
     "percentage point", 0.3),
    ("The lap was 0.4 of a second slower.", "0.4 of a second", "second", 0.4),
    # a fraction of a point moves a rate or a poll by that share of a percentage point
    ("The Fed delivered a quarter-point hike.", "a quarter-point", "percentage point", 0.25),
    ("The bank raised rates by three-quarters of a point.", "three-quarters of a point",
     "percentage point", 0.75),
    ("Labour's lead narrowed by half a point.", "half a point", "percentage point", 0.5),
])
def test_a_decimal_of_a_unit_is_that_much_of_it(text: str, surface: str, unit: str,
                                               value: float) -> None:
    _check(_figure(text, surface), text, unit=unit, value=value)


def test_whole_points_and_a_quarter_final_are_no_share_of_a_percentage_point() -> None:
    assert [(f.surface, f.unit) for f in find_figures("The Dow fell 300 points.")] == \
        [("300", None)]
    assert find_figures("They lost in the quarter-final.") == []


@pytest.mark.parametrize(("text", "surface", "unit", "value"), [
    ("The bill would raise Ksh346.7bn in new taxes.", "Ksh346.7bn", "kenyan shilling", 3.467e11),
    ("Uganda will spend USh 1.2 trillion on roads.", "USh 1.2 trillion", "ugandan shilling",
     1.2e12),
    ("Indonesia set aside Rp 12 trillion for the victims.", "Rp 12 trillion",
     "indonesian rupiah", 1.2e13),
    ("Manila pledged ₱5 billion.", "₱5 billion", "philippine peso", 5e9),
    ("The regulator fined the bank 2.5 billion dong.", "2.5 billion dong", "vietnamese dong",
     2.5e9),
    ("Accra allocated GH¢2.4 billion.", "GH¢2.4 billion", "ghanaian cedi", 2.4e9),
    ("The central bank raised E£15bn.", "E£15bn", "egyptian pound", 1.5e10),
])
def test_currencies_of_the_wider_world_keep_their_names(text: str, surface: str, unit: str,
                                                       value: float) -> None:
    _check(_figure(text, surface), text, unit=unit, value=value)


@pytest.mark.parametrize(("text", "surface", "trend"), [
    ("BlackBerry fell 80 cents, or 4.19 per cent, to $18.30.", "4.19 per cent", "down"),
    ("The Hang Seng closed down 339.68 points, or 1.43 percent, at 23,474.97.",
     "1.43 percent", "down"),
    ("The Hang Seng closed down 339.68 points, or 1.43 percent, at 23,474.97.", "339.68",
     "down"),
    ("Sales rose 5%, or 4% on a like-for-like basis, to $3bn.", "4%", "up"),
    ("Sales rose 5%, or 4% on a like-for-like basis, to $3bn.", "$3bn", None),
])
def test_a_change_restated_after_or_keeps_its_trend(text: str, surface: str,
                                                    trend: str | None) -> None:
    _check(_figure(text, surface), text, trend=trend)


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("Guangdong had 12 consecutive hours of rain.", "12 consecutive hours", "hour"),
    ("The deal keeps him there for five more years.", "five more years", "year"),
    ("Markets fell for three straight days.", "three straight days", "day"),
])
def test_a_length_of_time_with_a_word_before_its_unit(text: str, surface: str,
                                                      unit: str) -> None:
    _check(_figure(text, surface), text, unit=unit)


def test_four_more_people_are_a_count_not_a_length() -> None:
    _check(_figure("Police arrested 4 more people.", "4"), "", unit=None)


@pytest.mark.parametrize("text", [
    "It has the same 0-60 time as a Panamera.",
    "The car does the 0-60 sprint in 4.5 seconds.",
    "It manages 0-62 in 3.9 seconds.",
])
def test_the_name_of_an_acceleration_test_is_no_range(text: str) -> None:
    assert all(f.value != 0 for f in find_figures(text)), text


def test_a_range_of_sums_with_the_rate_written_once_is_one_rate() -> None:
    text = "The increase costs homeowners about $35 to $45 per year."
    [figure] = find_figures(text)
    _check(figure, text, surface="about $35 to $45 per year", qualifier="range", lower=35.0,
           upper=45.0, unit="dollar per year")


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("It pairs a 6.5in, 90Hz display with a 55in TV.", "6.5in", "inch"),
    ("It pairs a 6.5in, 90Hz display with a 55in TV.", "55in", "inch"),
    ("Property Shares Drag Hang Seng Down 1.43 Pct", "1.43 Pct", "percentage"),
    ("OPEC+ Agrees Voluntary Cuts Of 2.2 Million Bpd", "2.2 Million Bpd", "barrel per day"),
    ("The V8 makes 460 ft lbs of torque.", "460 ft lbs", "pound-foot"),
    ("Metro earned 70 cents per diluted share.", "70 cents per diluted share", "cent per share"),
])
def test_units_written_the_ways_desks_write_them(text: str, surface: str, unit: str) -> None:
    _check(_figure(text, surface), text, unit=unit)


def test_in_after_a_space_is_no_inch() -> None:
    [figure] = find_figures("Five in 10 people agree.")
    _check(figure, "", kind="ratio", unit=None)


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("Prices hit $9,000 per megawatt-hour.", "$9,000 per megawatt-hour",
     "dollar per megawatt hour"),
    ("Tariffs rose to 9 cents a kilowatt-hour.", "9 cents a kilowatt-hour",
     "cent per kilowatt hour"),
    ("The plant makes 500 MWh a day.", "500 MWh a day", "megawatt hour per day"),
])
def test_a_rate_per_a_unit_of_energy(text: str, surface: str, unit: str) -> None:
    _check(_figure(text, surface), text, unit=unit)


@pytest.mark.parametrize(("text", "surface", "value", "unit"), [
    ("Seven days later, the fire was contained.", "Seven days", 7.0, "day"),
    ("He was back four minutes later.", "four minutes", 4.0, "minute"),
    ("26 days later, Lahaina fire declared 100% contained", "26 days", 26.0, "day"),
])
def test_the_time_that_passed_before_later_is_a_quantity(text: str, surface: str,
                                                         value: float, unit: str) -> None:
    _check(_figure(text, surface), text, value=value, unit=unit)


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("Barcelona took the Champions League three times.", "three", 3.0),
    ("Deaths from the earthquake now number 2,960.", "2,960", 2960.0),
    ("The results gave the People's Alliance 321 of the 600 seats.", "321", 321.0),
    ("Record half a million Israelis protest judicial reform", "half a million", 500000.0),
])
def test_a_number_after_a_capitalised_word_that_counts_is_no_label(text: str, surface: str,
                                                                    value: float) -> None:
    _check(_figure(text, surface), text, value=value)


@pytest.mark.parametrize("text", [
    "Police can be contacted quoting incident number 1234 of 14 June.",
    "A Boeing 737 crashed.",
])
def test_labels_stay_labels(text: str) -> None:
    assert all(f.value not in (1234.0, 737.0) for f in find_figures(text)), text


@pytest.mark.parametrize(("text", "surface", "unit"), [
    ("Executives collected £47million ($NZ93million).", "$NZ93million", "new zealand dollar"),
    ("The deal is worth $AU50 million.", "$AU50 million", "australian dollar"),
])
def test_the_dollar_sign_before_a_country_code(text: str, surface: str, unit: str) -> None:
    _check(_figure(text, surface), text, unit=unit)


def test_a_dashed_range_after_a_verb_of_change_is_one_range() -> None:
    text = "Egypt is losing some $12-14 million in revenue."
    [figure] = find_figures(text)
    _check(figure, text, surface="some $12-14 million", qualifier="range", lower=12e6,
           upper=14e6, unit="dollar", trend="down")


@pytest.mark.parametrize("text", [
    "The mayor broke a 4 to 4 council tie.",
    "The court voted 6 to 3 to strike it down.",
])
def test_a_vote_written_with_to_is_a_result(text: str) -> None:
    assert find_figures(text) == [], text


def test_five_to_ten_people_stays_a_range() -> None:
    [figure] = find_figures("Five to ten people were hurt, and they won 20 to 30 seats.")[:1]
    _check(figure, "", qualifier="range", lower=5.0, upper=10.0)


def test_a_time_taken_in_hours_minutes_and_seconds_is_seconds() -> None:
    figure = _figure("Kiptum won in 2:00:35, a world record.", "2:00:35")
    _check(figure, "Kiptum won in 2:00:35", value=7235.0, unit="second", dimension="time")


def test_plus_before_another_sum_adds_it_and_qualifies_nothing() -> None:
    text = "The fee is €63 million plus €10 million in add-ons, for 500-plus pages."
    found = {f.surface: f for f in find_figures(text)}
    assert found["€63 million"].qualifier == "="
    assert found["€10 million"].qualifier == "="
    assert found["500-plus"].qualifier == ">="
