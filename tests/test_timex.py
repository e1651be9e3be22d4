"""Time phrases: found in news sentences and resolved against the publication date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from numclaims import lexicon
from numclaims.errors import LexiconError
from numclaims.extract import timex
from numclaims.extract.timex import TimePhrase, find_time_phrases, is_running_total
from numclaims.models import PublicationDate

D = dt.date


def day(iso: str) -> PublicationDate:
    return PublicationDate(D.fromisoformat(iso))


def month(iso: str) -> PublicationDate:
    return PublicationDate(D.fromisoformat(iso + "-01"), precision="month")


def year(number: int) -> PublicationDate:
    return PublicationDate(D(number, 1, 1), precision="year")


def only(sentence: str, published: PublicationDate | None, phrase: str) -> TimePhrase:
    """The one phrase found with text ``phrase``, with a message listing what was found."""
    found = find_time_phrases(sentence, published=published)
    matching = [p for p in found if p.text == phrase]
    assert len(matching) == 1, f"{phrase!r} not found once in {sentence!r}; found {found}"
    return matching[0]


# --- The gold time scopes of the seed articles ---------------------------------------------------

# (file, time_scope) → the period a fact-checker reads it as, and whether it is a running total.
GOLD_PERIODS = {
    ("000_968472edce05b8bf.txt", "since September"): (D(2022, 9, 1), D(2023, 2, 28), True),
    ("001_237e2393b13176b7.txt", "since August"): (D(2022, 8, 1), D(2023, 2, 28), True),
    ("002_06491cfb09ffdbed.txt", "On Jan. 6"): (D(2023, 1, 6), D(2023, 1, 6), False),
    ("004_b137af0b349f0bed.txt", "since August"): (D(2022, 8, 1), D(2022, 11, 20), True),
    ("004_b137af0b349f0bed.txt", "months before the conflict began"): (None, None, False),
}


def article_date(row: dict[str, str]) -> PublicationDate:
    if row["published_precision"] == "month":
        return month(row["published"])
    return day(row["published"])


def test_every_gold_time_scope_has_an_expected_period(gold_claims: list[dict[str, Any]]) -> None:
    scoped = {(c["file"], c["time_scope"]) for c in gold_claims if c["time_scope"]}
    assert scoped == set(GOLD_PERIODS)


@pytest.mark.parametrize(
    ("file", "time_scope"),
    list(GOLD_PERIODS),
    ids=[f"{file[:3]}-{scope.replace(' ', '-')}" for file, scope in GOLD_PERIODS],
)
def test_gold_time_scope(
    file: str,
    time_scope: str,
    gold_claims: list[dict[str, Any]],
    gold_articles: dict[str, dict[str, str]],
) -> None:
    claim = next(c for c in gold_claims if (c["file"], c["time_scope"]) == (file, time_scope))
    phrase = only(claim["sentence"], article_date(gold_articles[file]), time_scope)
    start, end, running = GOLD_PERIODS[file, time_scope]
    got = (phrase.period_start, phrase.period_end, phrase.running_total)
    assert got == (start, end, running), f"{file}: {time_scope!r} resolved to {got}"
    assert phrase.role == "scope", f"{file}: {time_scope!r} has role {phrase.role}"


def test_gold_as_of_beside_a_running_total(
    gold_claims: list[dict[str, Any]], gold_articles: dict[str, dict[str, str]]
) -> None:
    claim = next(c for c in gold_claims if c["time_scope"] == "since September")
    published = article_date(gold_articles[claim["file"]])
    found = find_time_phrases(claim["sentence"], published=published)
    assert [(p.text, p.role) for p in found] == [
        ("As of early January", "as_of"),
        ("since September", "scope"),
    ]
    assert (found[0].period_start, found[0].period_end) == (D(2023, 1, 1), D(2023, 1, 10))
    assert not found[0].running_total


# --- Every kind of phrase, in news sentences ------------------------------------------------------
# The sentences are written in wire-copy style for these tests. Each case gives the publication
# date ("2023-02-07" a day, "2023-02" a month, None unknown), the phrase, and what it should read
# as: "role start..end", a blank end being None, and "running" for a running total.


def case(id: str, published: str | None, phrase: str, expected: str, sentence: str) -> Any:
    return pytest.param(sentence, published, phrase, expected, id=id)


def published_on(iso: str | None) -> PublicationDate | None:
    if iso is None:
        return None
    return month(iso) if len(iso) == len("2023-02") else day(iso)


def reading(phrase: TimePhrase) -> str:
    """The phrase's role, period and running-total flag, written as in ``CASES``."""
    start, end = (d.isoformat() if d else "" for d in (phrase.period_start, phrase.period_end))
    return f"{phrase.role} {start}..{end}" + (" running" if phrase.running_total else "")


# fmt: off
CASES = [
    case("since-month", "2022-12-30", "since September", "scope 2022-09-01..2022-12-30 running",
         "Russia has launched more than 1,000 Shahed drones at Ukraine since September, the air "
         "force said."),
    case("since-month-across-new-year", "2023-01-10", "since November",
         "scope 2022-11-01..2023-01-10 running",
         "Ukraine's air defence has shot down 540 drones since November, the military said."),
    case("since-the-publication-month", "2023-02-20", "Since February",
         "scope 2023-02-01..2023-02-20 running",
         "Since February, prices for bread have risen 12%, the statistics office said."),
    case("since-year", "2023-05-02", "since 2014", "scope 2014-01-01..2023-05-02 running",
         "The economy has grown 14% since 2014, when the last census was held."),
    case("since-the-start-of-the-war-unresolved", "2023-01-17", "since the start of the war",
         "scope .. running",
         "More than 8,000 civilians have been killed since the start of the war, the UN said."),
    # the event's date is written after it: the phrase runs from that date
    case("since-an-onset-dated", "2022-08-27", "Since the monsoon began in mid-June",
         "scope 2022-06-11..2022-08-27 running",
         "Since the monsoon began in mid-June, more than 3,000 kilometers of road were damaged."),
    case("since-the-war-began-dated", "2022-08-27", "since the war began in February 2022",
         "scope 2022-02-01..2022-08-27 running",
         "Some 5,500 civilians have been killed since the war began in February 2022."),
    case("before-the-storm-hit-dated", "2022-08-27", "before the storm hit on Monday",
         "scope ..2022-08-21", "Some 300 families left before the storm hit on Monday."),
    case("so-far-this-year", "2023-04-15", "So far this year",
         "scope 2023-01-01..2023-04-15 running",
         "So far this year, 3,200 migrants have crossed the Channel in small boats."),
    case("to-date", "2023-03-01", "To date", "scope ..2023-03-01 running",
         "To date, 43 countries have pledged military aid to Kyiv."),
    case("in-total", "2023-03-01", "In total", "scope .. running",
         "In total, 6,000 troops from 14 countries took part in the exercise."),
    case("cumulative", "2023-02-15", "cumulative", "scope .. running",
         "The cumulative death toll from the earthquake rose to 41,000 on Tuesday."),
    case("as-at-day-month", "2023-04-11", "As at 31 March", "as_of 2023-03-31..2023-03-31",
         "As at 31 March, 8,490 civilians had been killed in Ukraine, the UN said."),
    case("by-the-end-of-month", "2023-04-20", "By the end of March", "as_of 2023-03-21..2023-03-31",
         "By the end of March, the agency had registered 5.1 million refugees."),
    case("as-of-weekday", "2023-02-08", "As of Monday", "as_of 2023-02-06..2023-02-06",
         "As of Monday, 1,200 people had been evacuated from the flooded villages."),
    case("in-the-past-week", "2023-03-10", "in the past week", "scope 2023-03-03..2023-03-10",
         "Police made 120 arrests in the past week, the interior ministry said."),
    case("in-the-past-24-hours", "2023-05-02", "in the past 24 hours",
         "scope 2023-05-01..2023-05-02",
         "Russian forces shelled the region 43 times in the past 24 hours, the governor said."),
    case("over-the-past-three-months", "2023-06-30", "over the past three months",
         "scope 2023-03-30..2023-06-30",
         "Food prices rose 4.2% over the past three months."),
    case("last-month-name-previous-year", "2023-02", "last September",
         "scope 2022-09-01..2022-09-30",
         "Iran admitted for the first time last September that it had provided Moscow with "
         "drones."),
    case("last-month-name-same-year", "2023-10-05", "last September",
         "scope 2023-09-01..2023-09-30",
         "Exports fell by a third last September, customs data show."),
    case("last-month-name-in-that-month", "2023-09-28", "last September",
         "scope 2022-09-01..2022-09-30",
         "Exports fell by a third last September, customs data show."),
    case("earlier-this-month", "2022-11-20", "earlier this month", "scope 2022-11-01..2022-11-20",
         "The deal was reportedly agreed earlier this month at a meeting in Iran."),
    case("later-this-year", "2023-06-09", "later this year", "scope 2023-06-09..2023-12-31",
         "The company said it would hire 2,000 more workers later this year."),
    case("early-next-year", "2023-06-09", "early next year", "scope 2024-01-01..2024-04-30",
         "Elections are expected early next year, when 30 million people will be eligible "
         "to vote."),
    case("by-early-next-year", "2023-06-09", "by early next year", "as_of 2024-01-01..2024-04-30",
         "He said the US expects the plant will be fully operational by early next year."),
    case("mid-month", "2023-04-03", "in mid-March", "scope 2023-03-11..2023-03-20",
         "Imports of fertiliser doubled in mid-March as farmers prepared for sowing."),
    case("late-month-with-year", "2023-02-07", "in late February 2022",
         "scope 2022-02-21..2022-02-28",
         "Iran supplied drones before the start of the war in late February 2022."),
    case("in-year", "2023-02-07", "in 2021", "scope 2021-01-01..2021-12-31",
         "U.S. sanctions against the general were imposed back in 2021."),
    case("quarter-of-year", "2023-04-28", "in the first quarter of 2023",
         "scope 2023-01-01..2023-03-31",
         "GDP grew 0.3% in the first quarter of 2023, the statistics office said on Friday."),
    case("between-months", "2023-07-01", "Between March and May", "scope 2023-03-01..2023-05-31",
         "Between March and May, 1,400 people were killed in the fighting."),
    case("between-months-across-new-year", "2023-02-10", "Between November and January",
         "scope 2022-11-01..2023-01-31",
         "Between November and January, 150 ships left the port."),
    case("from-year-to-year", "2023-02-07", "From 2019 to 2021", "scope 2019-01-01..2021-12-31",
         "From 2019 to 2021, the number of drones in service tripled."),
    case("days-of-one-month", "2022-12-31", "from December 21 to 31",
         "scope 2022-12-21..2022-12-31",
         "Over the 10 days from December 21 to 31 it cancelled 16,700 flights."),
    case("days-before-their-month", "2023-07-01", "between 6 and 9 June",
         "scope 2023-06-06..2023-06-09",
         "Some 300 people were evacuated between 6 and 9 June, the council said."),
    case("weekday-dates-of-a-range", "2024-07-22", "between Friday, July 19 and Sunday, July 21",
         "scope 2024-07-19..2024-07-21",
         "Delta cancelled nearly 5,000 flights between Friday, July 19 and Sunday, July 21."),
    case("weekday-days-of-a-range", "2024-07-30", "from Friday 19 July to Sunday 21 July",
         "scope 2024-07-19..2024-07-21",
         "The airline scrapped 5,000 flights from Friday 19 July to Sunday 21 July."),
    case("clock-time-before-weekday", "2019-12-10", "by 5 pm Tuesday",
         "as_of 2019-12-10..2019-12-10",
         "Some 885,000 demonstrators were out across France by 5 pm Tuesday, the unions said."),
    case("until-month", "2023-07-12", "until March", "scope ..2023-03-31",
         "The ban on grain exports stayed in place until March, officials said."),
    case("before-the-war-unresolved", "2023-06-09", "before the war", "scope ..",
         "Tehran has said that it supplied Russia with drones before the war."),
    case("last-week", "2023-03-15", "last week", "scope 2023-03-06..2023-03-12",
         "Unemployment rose to 9.8% last week, the highest since 2016."),
    case("last-year", "2023-03-15", "last year", "scope 2022-01-01..2022-12-31",
         "The airline carried 4.1 million passengers last year."),
    case("this-year", "2023-03-15", "this year", "scope 2023-01-01..2023-12-31",
         "The ministry expects 2 million tourists this year."),
    case("in-recent-weeks", "2023-06-09", "in recent weeks", "scope 2023-05-12..2023-06-09",
         "Russia has been using Iranian UAVs in recent weeks to strike Kyiv."),
    case("yesterday", "2023-01-05", "yesterday", "scope 2023-01-04..2023-01-04",
         "Two people were killed yesterday in the town of Kherson, the governor said."),
    case("on-weekday-before-publication", "2023-06-12", "on Friday", "scope 2023-06-09..2023-06-09",
         "Russia fired 70 missiles at Ukraine on Friday."),
    case("on-weekday-of-publication", "2023-06-09", "on Friday", "scope 2023-06-09..2023-06-09",
         "Russia fired 70 missiles at Ukraine on Friday."),
    case("weekday-after-will-is-the-next", "2022-12-27", "on Friday",
         "scope 2022-12-30..2022-12-30",
         "The union will send 5,000 members onto the picket lines on Friday."),
    case("weekday-after-for-is-the-nearer", "2022-12-27", "for Wednesday",
         "scope 2022-12-28..2022-12-28",
         "More than 2,680 cancellations were already on the books for Wednesday."),
    case("weekday-after-for-nearer-in-the-past", "2022-12-25", "for Friday",
         "scope 2022-12-23..2022-12-23",
         "The carrier scrapped 1,900 flights for Friday."),
    case("month-day-set-for-is-the-next", "2024-01-31", "for July 26",
         "scope 2024-07-26..2024-07-26",
         "The ceremony, a 6-kilometre parade set for July 26, will draw 300,000 people."),
    case("month-after-due-is-this-year", "2023-01-10", "in March", "scope 2023-03-01..2023-03-31",
         "The first 40 buses are due to arrive in March."),
    case("was-scheduled-for-looks-back", "2022-03-10", "for March 3",
         "scope 2022-03-03..2022-03-03",
         "The vote, which was scheduled for March 3, drew 2,000 complaints."),
    case("last-weekday-strictly-before", "2023-06-09", "last Friday",
         "scope 2023-06-02..2023-06-02",
         "Three ships were hit last Friday, the navy said."),
    case("weeks-ago", "2023-06-21", "two weeks ago", "scope 2023-06-05..2023-06-11",
         "Prices doubled two weeks ago after the dam was destroyed."),
    case("weekday-before-the-one-named", "2023-03-12", "the Saturday before",
         "scope 2023-03-04..2023-03-04",
         "Around 50,000 protesters came out in Haifa, up from 15,000 the Saturday before."),
    case("previous-weekday", "2023-03-12", "on the previous Saturday",
         "scope 2023-03-04..2023-03-04",
         "Some 8,000 people had marched on the previous Saturday."),
    case("week-before", "2023-03-15", "the week before", "scope 2023-03-06..2023-03-12",
         "About 10,000 marched on Tuesday, against 6,000 the week before."),
    case("year-earlier", "2023-03-15", "a year earlier", "scope 2022-01-01..2022-12-31",
         "Revenue rose to $5bn from $3bn a year earlier."),
    case("month-last-year", "2023-02-07", "in September last year", "scope 2022-09-01..2022-09-30",
         "A total of 310 people were arrested in September last year."),
    case("on-month-day-scope", "2023-02-07", "On Jan. 6", "scope 2023-01-06..2023-01-06",
         "On Jan. 6, the United States slapped sanctions on six top managers."),
    case("reported-on-date-is-a-point", "2023-02", "on Feb. 5", "point 2023-02-05..2023-02-05",
         "The factory could produce more than 6,000 drones, the Wall Street Journal reported "
         "on Feb. 5."),
    case("on-weekday-said-is-a-point", "2023-06-09", "on Friday", "point 2023-06-09..2023-06-09",
         "The White House on Friday said Iran had provided hundreds of drones."),
    case("opening-date-then-reported-is-a-point", "2023-02-07", "On Feb. 5",
         "point 2023-02-05..2023-02-05",
         "On Feb. 5, The Wall Street Journal reported that the two countries plan a factory."),
    case("told-outlet-on-weekday-is-a-point", "2023-03-09", "on Tuesday",
         "point 2023-03-07..2023-03-07",
         "The spokesman told Reuters on Tuesday that 40 soldiers had been captured."),
    case("date-before-the-attribution-is-a-scope", "2023-06-12", "on Friday",
         "scope 2023-06-09..2023-06-09",
         "Two people were killed on Friday, the governor said."),
    case("full-date-without-publication-date", None, "on Oct. 17, 2022",
         "scope 2022-10-17..2022-10-17",
         "A drone flies over Kyiv during a Russian attack on Oct. 17, 2022."),
    case("day-month-comma-year", None, "on 20 Nov, 2022", "point 2022-11-20..2022-11-20",
         "Western officials said on 20 Nov, 2022 that 400 drones had been used."),
    case("highest-since-is-a-record", "2021-05-17", "since October 2014",
         "record 2014-10-01..2021-05-17",
         "The national average rose to $3.045 a gallon, the highest since October 2014."),
    case("first-time-since-is-a-record", "2021-05-12", "since 2014",
         "record 2014-01-01..2021-05-12",
         "Average prices topped $3 a gallon for the first time since 2014."),
]
# fmt: on


@pytest.mark.parametrize(("sentence", "published", "phrase", "expected"), CASES)
def test_phrase(sentence: str, published: str | None, phrase: str, expected: str) -> None:
    found = only(sentence, published_on(published), phrase)
    assert reading(found) == expected, f"{phrase!r} in {sentence!r}"
    assert sentence[found.start : found.end] == phrase


# --- Publication dates that are coarse, missing or absent ---------------------------------------

SINCE = "Ukraine's air defense shot down nearly 500 drones since September."
RELATIVE = "Officials said 20 people were killed yesterday and 30 last week."


@pytest.mark.parametrize(
    ("published", "period"),
    [
        pytest.param(month("2023-02"), (D(2022, 9, 1), D(2023, 2, 28)), id="month-precision"),
        pytest.param(year(2023), (None, D(2023, 12, 31)), id="year-precision-cannot-place-month"),
        pytest.param(
            PublicationDate(D(2023, 2, 7), year_missing=True), (None, None), id="year-missing"
        ),
        pytest.param(None, (None, None), id="no-publication-date"),
    ],
)
def test_since_month_by_what_is_known_of_the_date(
    published: PublicationDate | None, period: tuple[D | None, D | None]
) -> None:
    found = only(SINCE, published, "since September")
    assert (found.period_start, found.period_end) == period
    assert found.running_total


@pytest.mark.parametrize(
    "published",
    [
        pytest.param(month("2023-02"), id="month-precision"),
        pytest.param(PublicationDate(D(2023, 2, 7), year_missing=True), id="year-missing"),
        pytest.param(None, id="no-publication-date"),
    ],
)
def test_days_and_weeks_need_a_day_precise_date(published: PublicationDate | None) -> None:
    found = find_time_phrases(RELATIVE, published=published)
    assert [p.text for p in found] == ["yesterday", "last week"]
    assert all(p.period_start is None and p.period_end is None for p in found)


def test_month_precision_resolves_month_words() -> None:
    found = only("Prices rose 3% earlier this month.", month("2023-02"), "earlier this month")
    assert (found.period_start, found.period_end) == (D(2023, 2, 1), D(2023, 2, 28))


def test_year_precision_resolves_last_year() -> None:
    found = only("Exports fell 8% last year.", year(2023), "last year")
    assert (found.period_start, found.period_end) == (D(2022, 1, 1), D(2022, 12, 31))


def test_year_missing_still_resolves_a_written_year() -> None:
    published = PublicationDate(D(2023, 2, 7), year_missing=True, text="7 February, 06:46 PM")
    found = only("Sanctions were imposed back in 2021.", published, "in 2021")
    assert (found.period_start, found.period_end) == (D(2021, 1, 1), D(2021, 12, 31))


def test_no_publication_date_still_finds_on_month_day() -> None:
    found = only("On Jan. 6, the United States slapped sanctions.", None, "On Jan. 6")
    assert (found.role, found.period_start, found.period_end) == ("scope", None, None)


# --- Words that are not times -------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Theresa May said the plan may march on.", id="may-and-march-as-words"),
        pytest.param("The factory will produce 2,021 drones a year.", id="number-like-a-year"),
        pytest.param(
            "Russia fired 2021 shells, the army said.", id="bare-year-without-preposition"
        ),
        pytest.param("USA Today reported that 30 people died.", id="usa-today"),
        pytest.param("The Sun said 40 people were hurt.", id="the-sun"),
        pytest.param("Jan Kowalski said 12 drones fell near Mar-a-Lago.", id="names"),
        pytest.param("Please keep your address up to date.", id="up-to-date"),
        pytest.param("In the year of the dragon, 15 boats sank.", id="the-year-unmodified"),
        pytest.param("Russia deployed 400 drones, according to the report.", id="no-time"),
    ],
)
def test_not_a_time_phrase(sentence: str) -> None:
    assert find_time_phrases(sentence, published=day("2023-02-07")) == []


def test_offsets_index_the_text_given() -> None:
    text = "Intro.\n\nAs of early January, 500 drones were shot down since September."
    for phrase in find_time_phrases(text, published=month("2023-02")):
        assert text[phrase.start : phrase.end] == phrase.text


def test_phrases_come_in_text_order() -> None:
    text = "In 2021, 30 died; in 2022, 40 died; so far in 2023, 12 have died."
    found = find_time_phrases(text, published=day("2023-03-01"))
    assert [p.text for p in found] == ["In 2021", "in 2022", "so far in 2023"]
    assert found[2].running_total
    assert (found[2].period_start, found[2].period_end) == (D(2023, 1, 1), D(2023, 3, 1))


# --- is_running_total ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("since August", True),
        ("Since the start of the war", True),
        ("so far", True),
        ("so far this year", True),
        ("to date", True),
        ("in total", True),
        ("cumulative", True),
        ("the year-to-date total", True),
        ("in the past week", False),
        ("As of early January", False),
        ("On Jan. 6", False),
        ("up to date", False),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_is_running_total(phrase: str, expected: bool) -> None:
    assert is_running_total(phrase) is expected


# --- The language data --------------------------------------------------------------------------


def broken_time_toml(
    monkeypatch: pytest.MonkeyPatch, table: str, entry: str, **fields: Any
) -> None:
    """Serve a copy of time.toml with one entry changed, and forget the compiled grammar."""
    data = {key: dict(value) for key, value in lexicon.read("time").items()}
    data[table][entry] = {**data[table][entry], **fields}
    real_read = lexicon.read
    monkeypatch.setattr(lexicon, "read", lambda name: data if name == "time" else real_read(name))
    timex._grammar.cache_clear()


@pytest.fixture
def fresh_grammar() -> Iterator[None]:
    """Forget the grammar built from broken data once the test is over."""
    yield
    timex._grammar.cache_clear()


@pytest.mark.usefixtures("fresh_grammar")
@pytest.mark.parametrize(
    ("table", "entry", "fields", "message"),
    [
        pytest.param("prepositions", "since", {"meaning": "from"}, "meaning", id="bad-meaning"),
        pytest.param("relative_parts", "later", {"side": "middle"}, "side", id="bad-side"),
        pytest.param("period_parts", "early", {"days": [10, 1]}, "days", id="bad-day-range"),
        pytest.param("shifts", "next", {"forms": ["last"]}, "listed under both", id="duplicate"),
        pytest.param("recent", "days", {"weeks": 1}, "unknown key", id="unknown-key"),
    ],
)
def test_malformed_time_data_is_a_lexicon_error(
    monkeypatch: pytest.MonkeyPatch, table: str, entry: str, fields: dict[str, Any], message: str
) -> None:
    broken_time_toml(monkeypatch, table, entry, **fields)
    with pytest.raises(LexiconError, match=message):
        find_time_phrases("since August", published=None)


def test_time_data_loads() -> None:
    assert find_time_phrases("since August", published=None)[0].running_total
