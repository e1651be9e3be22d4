"""How long ``numclaims.compare`` takes on a realistic batch: 10,000 claims from 1,000 articles.

Not a test: run it by hand and read the figures.

    .venv/bin/python benchmarks/compare.py [--claims 10000] [--articles 1000] [--repeat 3]

The synthetic corpus mimics a news cycle: 250 stories (a counted thing or a sum of money, an
event, a time scope, a true figure), each covered by several outlets that round, qualify, make
vague and re-attribute the figure, call the thing by a synonym, and sometimes reprint another
outlet's article word for word. Running totals grow with the report date.

The baseline, measured in the same run, is copying the claims and sorting them by report date:
the least any comparison has to do. The figures printed are the best of ``--repeat`` runs, the
ratio to the baseline, the time per claim at a quarter, half, the full and twice the size (flat
when the cost grows with the claims and not with their square), and the hard case for blocking:
10,000 claims of one counted thing spread over 365 days.
"""

from __future__ import annotations

import argparse
import copy
import dataclasses
import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from numclaims.compare import compare
from numclaims.models import Claim, Document

THINGS = {
    "drone": ["drone", "UAV", "unmanned aerial vehicle", "Shahed-136", "kamikaze drone"],
    "missile": ["missile", "cruise missile", "Kalibr"],
    "tank": ["tank", "main battle tank", "Leopard 2"],
    "people": ["people", "person"],
    "civilian": ["civilian"],
    "troops": ["soldier", "troops", "serviceman"],
    "refugee": ["refugee"],
    "shell": ["artillery shell", "shell"],
}
EVENTS = {
    "deploy": ["deploy", "launch", "fire", "use"],
    "destroy": ["shoot down", "intercept", "destroy"],
    "supply": ["supply", "provide", "deliver", "send"],
    "kill": ["kill", "die"],
    "flee": ["flee", "displace"],
    "produce": ["produce", "build", "manufacture"],
}
SOURCES = ["the Wall Street Journal", "WSJ", "Reuters", "the Air Force", "Kyiv", "officials",
           "the report", "the White House", "the Kremlin", "the UN", None, None, None]
OUTLETS = [f"Outlet {i}" for i in range(40)]
START = dt.date(2022, 3, 1)


@dataclass
class Story:
    key: int
    thing: str
    event: str
    unit: str | None
    scope: str  # "none", "since" or "day"
    month: int
    value: float
    growth: float


def make_stories(rng: random.Random, count: int) -> list[Story]:
    stories = []
    for key in range(count):
        money = rng.random() < 0.12
        stories.append(Story(
            key=key,
            thing="dollar" if money else rng.choice(list(THINGS)),
            event="supply" if money else rng.choice(list(EVENTS)),
            unit=rng.choice(["dollar", "euro"]) if money else None,
            scope=rng.choice(["none", "since", "since", "day"]),
            month=rng.randrange(1, 13),
            value=rng.choice([1, 3, 6, 12, 40, 120, 400, 3958, 6000, 25000]) * (
                1e6 if money else 1),
            growth=rng.uniform(0.2, 2.0),
        ))
    return stories


def written(rng: random.Random, value: float) -> tuple[str, float, str, float | None, float | None]:
    """One way an outlet writes a figure: flat, rounded, qualified or vague."""
    style = rng.random()
    if style < 0.4 or value < 10:
        return f"{value:,.0f}", value, "=", value, value
    rounded = float(round(value, -len(str(int(value))) + 1))
    if style < 0.6:
        return f"{rounded:,.0f}", rounded, "=", rounded, rounded
    if style < 0.8:
        return f"more than {rounded * 0.9:,.0f}", rounded * 0.9, ">", rounded * 0.9, None
    if style < 0.9:
        return f"nearly {rounded:,.0f}", rounded, "~", rounded * 0.9, rounded
    low = 10 ** (len(str(int(value))) - 1)
    return "many", 0.0, "vague", float(low), float(low * 10)


def make_claim(rng: random.Random, story: Story, doc_id: str, published: dt.date,
               outlet: str) -> Claim:
    days = (published - START).days
    value = story.value * (1 + story.growth * days / 365) if story.scope == "since" else story.value
    value = float(int(value))
    surface, number, qualifier, lower, upper = written(rng, value)
    entity = None if story.unit else rng.choice(THINGS[story.thing])
    event = rng.choice(EVENTS[story.event]) if story.event in EVENTS else "pay"
    scope: dict[str, str | None] = {}
    if story.scope == "since":
        scope = {"time_scope": f"since {dt.date(2022, story.month, 1):%B}",
                 "period_start": f"2022-{story.month:02d}"}
    elif story.scope == "day":
        day = dt.date(2022, story.month, 10)
        scope = {"time_scope": f"on {day:%b. %d}", "period_start": day.isoformat(),
                 "period_end": day.isoformat()}
    sentence = (f"Story {story.key}: {surface} {entity or story.unit} were {event} "
                f"{scope.get('time_scope') or ''}, {outlet} wrote.")
    start = sentence.index(surface)
    return Claim(
        doc_id=doc_id, sentence=sentence, start=start, end=start + len(surface),
        surface=surface, value=number or None, lower=lower, upper=upper,
        qualifier=qualifier,  # type: ignore[arg-type]
        unit=story.unit, entity=entity, noun_phrase=entity, event=event,
        attribution=rng.choice(SOURCES), published=published.isoformat(), outlet=outlet,
        **scope,
    )


def make_corpus(claims: int, articles: int, seed: int = 1) -> tuple[list[Claim], list[Document]]:
    """``claims`` claims from ``articles`` articles, a tenth of them reprints of another."""
    rng = random.Random(seed)
    stories = make_stories(rng, max(10, articles // 4))
    per_article = max(1, claims // articles)
    corpus: list[Claim] = []
    documents: list[Document] = []
    by_article: dict[str, list[Claim]] = {}
    for index in range(articles):
        doc_id = f"article-{index:05d}"
        outlet = rng.choice(OUTLETS)
        published = START + dt.timedelta(days=rng.randrange(0, 540))
        if documents and rng.random() < 0.1:
            original = rng.choice(documents)
            text = original.text
            made = [dataclasses.replace(c, doc_id=doc_id, outlet=outlet)
                    for c in by_article[original.doc_id]]
        else:
            covered = rng.sample(stories, k=min(3, len(stories)))
            made = [make_claim(rng, rng.choice(covered), doc_id, published, outlet)
                    for _ in range(per_article)]
            text = "\n\n".join(c.sentence for c in made)
        documents.append(Document(doc_id=doc_id, text=text, body=((0, len(text)),),
                                  outlet=outlet))
        by_article[doc_id] = made
        corpus.extend(made)
    return corpus, documents


def one_block(claims: int, seed: int = 3) -> list[Claim]:
    """The hard case for blocking: every claim counts drones, on one of 365 days, and half of
    them name no event, so all fall in one block with hundreds of groups."""
    rng = random.Random(seed)
    corpus = []
    for index in range(claims):
        day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(365))
        value = rng.randrange(1, 500)
        sentence = f"On {day}, {value} drones were seen, article {index // 10} says."
        corpus.append(Claim(
            doc_id=f"article-{index // 10:05d}", sentence=sentence, start=0, end=1,
            surface=str(value), value=value, lower=value, upper=value, qualifier="=",
            entity="drone", event=rng.choice([None, "deploy"]), time_scope=f"on {day}",
            period_start=day.isoformat(), period_end=day.isoformat(),
            published=(day + dt.timedelta(days=1)).isoformat(),
        ))
    return corpus


def best_of(repeat: int, run: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def baseline(claims: list[Claim]) -> None:
    sorted((copy.copy(c) for c in claims), key=lambda c: (c.published or "", c.doc_id, c.start))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=3)
    options = parser.parse_args()

    claims, documents = make_corpus(options.claims, options.articles)
    compare(claims[:10])  # load the language data outside the timing
    base = best_of(options.repeat, lambda: baseline(claims))
    with_documents = best_of(options.repeat, lambda: compare(claims, documents=documents))
    claims_only = best_of(options.repeat, lambda: compare(claims))
    comparison = compare(claims, documents=documents)
    verdicts = Counter(group.verdict for group in comparison.groups)

    print(f"claims: {len(claims):,} from {len(documents):,} articles")
    print(f"groups: {len(comparison.groups):,}  " +
          "  ".join(f"{v}: {n:,}" for v, n in verdicts.most_common()))
    print(f"baseline (copy + sort):       {base:8.3f} s")
    print(f"compare(claims, documents=…): {with_documents:8.3f} s  "
          f"({with_documents / base:,.0f}× baseline)")
    print(f"compare(claims):              {claims_only:8.3f} s  "
          f"({claims_only / base:,.0f}× baseline)")
    print("scaling (compare with documents, time per claim):")
    for share in (0.25, 0.5, 1.0, 2.0):
        size = int(options.claims * share)
        sample, docs = make_corpus(size, max(1, int(options.articles * share)), seed=2)
        seconds = best_of(1, lambda sample=sample, docs=docs: compare(sample, documents=docs))
        per_claim = seconds / len(sample) * 1e6
        print(f"  {len(sample):>7,} claims: {seconds:7.3f} s  {per_claim:6.1f} µs")
    crowded = one_block(options.claims)
    seconds = best_of(options.repeat, lambda: compare(crowded))
    groups = len(compare(crowded).groups)
    print(f"one block ({len(crowded):,} drone claims, {groups} groups): {seconds:7.3f} s")
    verdict = "PASS" if max(with_documents, seconds) < 5 else "FAIL"
    print(f"{verdict}: target is under 5 s for 10,000 claims on one core")


if __name__ == "__main__":
    main()
