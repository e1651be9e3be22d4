"""Extraction speed and memory: numclaims against quantulum3 on the same articles, in one run.

Two article sets: the five seeds (a fifth of their text holds a figure) and the figure-dense
story sets of ``tests/data/stories`` (real coverage of disasters, business, protests and sport
written in our own words; figures in most sentences). Each is timed three ways in one process,
alternating rounds so that a noisy machine slows all of them alike:

- quantulum3's ``parser.parse`` on each article (the baseline);
- numclaims' batch path: ``make_document`` for every article, then one ``extract_documents``;
- numclaims' single call: ``numclaims.extract(text)`` for each article.

Reported per set: articles and words per second for each, and the ratios numclaims ÷
quantulum3 per round (median, min, max; targets on the figure-dense set: batch ≥ 2, single call
≥ 1.8). Peak memory is measured in a fresh process that runs numclaims alone (target under
500 MB). Compare the ratios, not the seconds, across machines.

    .venv/bin/python benchmarks/extract.py [--rounds 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "seeds": sorted((ROOT / "seeds").glob("*.txt")),
    "figure-dense": sorted((ROOT / "tests" / "data" / "stories").glob("*/*/*.txt")),
}
PUBLISHED = "2023-09-10"


def _texts(name: str) -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SETS[name]]


def _runners(texts: list[str]) -> dict[str, Callable[[], int]]:
    import numclaims
    from numclaims.read import make_document

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    def batch() -> int:
        documents = [make_document(t, doc_id=str(i), published=PUBLISHED)
                     for i, t in enumerate(texts)]
        return len(numclaims.extract_documents(documents))

    def single() -> int:
        return sum(len(numclaims.extract(t, published=PUBLISHED)) for t in texts)

    def quantulum() -> int:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return sum(len(parser.parse(t)) for t in texts)

    return {"quantulum3": quantulum, "batch": batch, "single call": single}


def measure(name: str, rounds: int) -> dict[str, object]:
    texts = _texts(name)
    words = sum(len(t.split()) for t in texts)
    runners = _runners(texts)
    for run in runners.values():  # warm-up: models and language data load here
        run()
    seconds: dict[str, list[float]] = {side: [] for side in runners}
    found: dict[str, int] = {}
    for _ in range(rounds):
        for side, run in runners.items():
            started = time.perf_counter()
            found[side] = run()
            seconds[side].append(time.perf_counter() - started)
    result: dict[str, object] = {"articles": len(texts), "words": words}
    for side, times in seconds.items():
        best = statistics.median(times)
        result[side] = {"articles_per_second": len(texts) / best,
                        "words_per_second": words / best, "found": found[side]}
    for side in ("batch", "single call"):
        ratios = [q / s for q, s in zip(seconds["quantulum3"], seconds[side], strict=True)]
        result[f"{side} ratio"] = {"median": statistics.median(ratios), "min": min(ratios),
                                   "max": max(ratios)}
    return result


def peak_memory() -> float:
    """Peak resident memory (MB) of a fresh process extracting the figure-dense set."""
    code = ("import resource, sys; sys.path.insert(0, %r); import extract as b; "
            "import numclaims; from numclaims.read import make_document; "
            "docs = [make_document(t, doc_id=str(i), published=b.PUBLISHED) "
            "for i, t in enumerate(b._texts('figure-dense') * 3)]; "
            "numclaims.extract_documents(docs); "
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)") % str(
                Path(__file__).parent)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return float(run.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="alternating timed rounds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    results: dict[str, object] = {name: measure(name, args.rounds) for name in SETS}
    results["peak_mb"] = peak_memory()
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for name in SETS:
        r = results[name]
        assert isinstance(r, dict)
        print(f"{name}: {r['articles']} articles, {r['words']} words")
        for side in ("quantulum3", "batch", "single call"):
            s = r[side]
            print(f"  {side:>11}: {s['articles_per_second']:7.1f} articles/s, "
                  f"{s['words_per_second']:8.0f} words/s ({s['found']} found)")
        for side in ("batch", "single call"):
            ratio = r[f"{side} ratio"]
            print(f"  {side} ÷ quantulum3: {ratio['median']:.2f}× "
                  f"(min {ratio['min']:.2f}, max {ratio['max']:.2f})")
    print(f"peak memory, numclaims alone on the figure-dense set: {results['peak_mb']:.0f} MB "
          "(target < 500)")


if __name__ == "__main__":
    main()
