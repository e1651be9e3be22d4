"""Score numclaims' extractor on hand-annotated news sentences (tests/data/news_sentences.jsonl).

The sentences imitate wire and newspaper copy across economy, health, conflict, politics, sport,
science, business, courts and demographics, with hard cases (spelled-out numbers, fractions,
multipliers, ranges, vague amounts, headlines) and sentences whose numbers are not quantities
(dates, years, times, ordinals, model names, scores, phone numbers, addresses). Each line holds
the quantities a reader finds in the sentence, annotated by hand following the gold conventions
(``../shared/gold/README.md``), never by running the extractor.

Each sentence goes through ``numclaims.extract(sentence, published="2024-06-15")`` on its own.

Matching, one prediction to at most one gold quantity within a sentence:

- a prediction can match a gold quantity when their values are equal within 1e-6 relative; a
  vague gold quantity ("hundreds") when the prediction is vague too and its bounds are equal;
- among the candidates, pairs whose surfaces overlap in the sentence go first, then the pairs
  closest together, so the "20" of "20 points" is not paired with the "20" of "20 per cent".

Three figures, as in NewsQuant (CQE, EMNLP 2023), each with precision over all predictions and
recall over all gold quantities:

value
    the pair matches.
value+unit
    the pair matches and the unit is the gold unit; for a count (no gold unit) the prediction has
    no unit and, where the gold names a counted noun, the same entity (case-insensitive). Where
    the gold names neither (the noun is not written: "Gunman Kills Four"), no unit suffices.
value+qualifier
    the pair matches and the qualifier (=, ~, >, >=, <, <=, range, vague) is the gold one.
value+change
    the qualifier matches and so does the trend (up, down or none), where the set gives trends.

Usage::

    python scripts/news_eval.py              # precision, recall and F1 per figure
    python scripts/news_eval.py --failures   # and every miss, false positive and wrong field
    python scripts/news_eval.py --json       # the figures as JSON
    python scripts/news_eval.py other.jsonl  # another file in the same format
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numclaims
from numclaims.models import Claim

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PATH = ROOT / "tests" / "data" / "news_sentences.jsonl"
PUBLISHED = "2024-06-15"
METRICS = ("value", "value+unit", "value+qualifier", "value+change")

Gold = dict[str, Any]


def load(path: Path) -> list[dict[str, Any]]:
    """The annotated sentences, one record a line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def values_match(gold: Gold, claim: Claim) -> bool:
    """The value test: equal numbers, or two vague amounts with the same bounds."""
    if gold["qualifier"] == "vague":
        return (claim.qualifier == "vague" and _close(gold["lower"], claim.lower)
                and _close(gold["upper"], claim.upper))
    return claim.value is not None and _close(gold["value"], claim.value)


def unit_matches(gold: Gold, claim: Claim) -> bool:
    """The unit test: the gold unit, or for a count no unit and the gold's counted noun."""
    if gold["unit"]:
        return claim.unit == gold["unit"]
    if claim.unit is not None:
        return False
    if gold["entity"]:
        return (claim.entity or "").lower() == gold["entity"].lower()
    return True


def qualifier_matches(gold: Gold, claim: Claim) -> bool:
    return claim.qualifier == gold["qualifier"]


def change_matches(gold: Gold, claim: Claim) -> bool:
    """The change test, as NewsQuant's: the qualifier and the direction of a change ("fell
    2.4%" is down); a set annotated without trends counts the qualifier alone."""
    return qualifier_matches(gold, claim) and gold.get("trend", claim.trend) == claim.trend


FIELD_CHECKS: dict[str, Callable[[Gold, Claim], bool]] = {
    "value": lambda gold, claim: True,
    "value+unit": unit_matches,
    "value+qualifier": qualifier_matches,
    "value+change": change_matches,
}


def gold_spans(sentence: str, quantities: Sequence[Gold]) -> list[tuple[int, int]]:
    """Where each gold surface sits; a repeated surface is found after its previous use."""
    spans: list[tuple[int, int]] = []
    cursor: dict[str, int] = {}
    for quantity in quantities:
        surface = quantity["surface"]
        start = sentence.find(surface, cursor.get(surface, 0))
        if start < 0:
            raise ValueError(f"surface {surface!r} is not in {sentence!r}")
        cursor[surface] = start + len(surface)
        spans.append((start, start + len(surface)))
    return spans


def pair(sentence: str, quantities: Sequence[Gold],
         claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """(gold index, claim index) pairs: value matches, overlapping surfaces first."""
    spans = gold_spans(sentence, quantities)
    candidates = []
    for g, (quantity, (start, end)) in enumerate(zip(quantities, spans, strict=True)):
        for c, claim in enumerate(claims):
            if values_match(quantity, claim):
                overlap = min(end, claim.end) - max(start, claim.start)
                distance = abs(start - claim.start)
                candidates.append((-max(overlap, 0), distance, g, c))
    pairs, used_gold, used_claims = [], set(), set()
    for _, _, g, c in sorted(candidates):
        if g not in used_gold and c not in used_claims:
            used_gold.add(g)
            used_claims.add(c)
            pairs.append((g, c))
    return sorted(pairs)


def _gold_text(quantity: Gold) -> str:
    what = quantity["unit"] or (f"entity={quantity['entity']}" if quantity["entity"] else "-")
    value = "vague" if quantity["value"] is None else f"{quantity['value']:g}"
    trend = f" trend={quantity['trend']}" if quantity.get("trend") else ""
    return (f"{quantity['surface']!r} {quantity['qualifier']} {value} "
            f"[{_bound(quantity['lower'])}, {_bound(quantity['upper'])}] {what}{trend}")


def _claim_text(claim: Claim) -> str:
    what = claim.unit or (f"entity={claim.entity}" if claim.entity else "-")
    value = "vague" if claim.value is None else f"{claim.value:g}"
    trend = f" trend={claim.trend}" if claim.trend else ""
    return (f"{claim.surface!r} {claim.qualifier} {value} "
            f"[{_bound(claim.lower)}, {_bound(claim.upper)}] {what}{trend}")


def _bound(number: float | None) -> str:
    return "" if number is None else f"{number:g}"


def _f1(hits: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"hits": hits, "precision": precision, "recall": recall, "f1": f1}


def score(path: Path | str = DEFAULT_PATH) -> dict[str, Any]:
    """Precision, recall and F1 for each figure, and every failure, over one annotated file."""
    records = load(Path(path))
    hits = dict.fromkeys(METRICS, 0)
    n_gold = n_predicted = 0
    failures: list[dict[str, Any]] = []
    for record in records:
        sentence, quantities = record["sentence"], record["quantities"]
        claims = numclaims.extract(sentence, published=PUBLISHED, doc_id=record["id"])
        n_gold += len(quantities)
        n_predicted += len(claims)
        pairs = pair(sentence, quantities, claims)
        problems: list[dict[str, str | None]] = []
        for g, c in pairs:
            for metric, check in FIELD_CHECKS.items():
                if check(quantities[g], claims[c]):
                    hits[metric] += 1
                elif metric != "value":
                    kind = {"value+unit": "wrong unit", "value+qualifier": "wrong qualifier",
                            "value+change": "wrong change"}[metric]
                    problems.append({"kind": kind, "gold": _gold_text(quantities[g]),
                                     "predicted": _claim_text(claims[c])})
        matched_gold = {g for g, _ in pairs}
        matched_claims = {c for _, c in pairs}
        problems += [{"kind": "miss", "gold": _gold_text(q), "predicted": None}
                     for g, q in enumerate(quantities) if g not in matched_gold]
        problems += [{"kind": "false positive", "gold": None, "predicted": _claim_text(claim)}
                     for c, claim in enumerate(claims) if c not in matched_claims]
        if problems:
            failures.append({"id": record["id"], "sentence": sentence, "problems": problems})
    return {
        "sentences": len(records),
        "gold": n_gold,
        "predicted": n_predicted,
        "metrics": {metric: _f1(hits[metric], n_predicted, n_gold) for metric in METRICS},
        "failures": failures,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH,
                        help="annotated sentences (default: tests/data/news_sentences.jsonl)")
    parser.add_argument("--failures", action="store_true",
                        help="list every miss, false positive, wrong unit and wrong qualifier")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    result = score(args.path)
    if args.json:
        shown = result if args.failures else {k: v for k, v in result.items() if k != "failures"}
        json.dump(shown, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{result['sentences']} sentences, {result['gold']} gold quantities, "
          f"{result['predicted']} predicted")
    print(f"{'':16} {'P':>6} {'R':>6} {'F1':>6}")
    for metric, figures in result["metrics"].items():
        print(f"{metric:16} {figures['precision']:6.1%} {figures['recall']:6.1%} "
              f"{figures['f1']:6.1%}")
    if args.failures:
        for failure in result["failures"]:
            print(f"\n{failure['id']}: {failure['sentence']}")
            for problem in failure["problems"]:
                line = f"    {problem['kind']:16}"
                if problem["gold"]:
                    line += f" gold {problem['gold']}"
                if problem["predicted"]:
                    line += f"{'  found' if problem['gold'] else ' found'} {problem['predicted']}"
                print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
