"""Extraction speed and memory: numclaims against quantulum3 on the same articles, in one run.

Each side runs in its own fresh subprocess over the same articles (the seeds, repeated to make a
batch), after a warm-up on one article so that loading models and language data is not counted
as throughput. Reported: articles per second for each, their ratio (numclaims ÷ quantulum3; the
target is at least 2), and each process's peak resident memory (target under 500 MB for
numclaims). The ratio, not the absolute figures, is what to compare across machines.

    .venv/bin/python benchmarks/extract.py [--repeat 20] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def _articles(repeat: int) -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    return texts * repeat


def _measure(side: str, repeat: int) -> dict[str, float]:
    articles = _articles(repeat)
    if side == "numclaims":
        from numclaims.extract import extract_documents, load_pipeline
        from numclaims.read.documents import make_document

        nlp = load_pipeline()
        extract_documents([make_document(articles[0], published="2023-02-07")], nlp=nlp)
        started = time.perf_counter()
        documents = [
            make_document(text, doc_id=str(i), published="2023-02-07")
            for i, text in enumerate(articles)
        ]
        found = len(extract_documents(documents, nlp=nlp))
    else:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser

            parser.parse(articles[0])
            started = time.perf_counter()
            found = sum(len(parser.parse(text)) for text in articles)
    elapsed = time.perf_counter() - started
    return {
        "articles": len(articles),
        "seconds": elapsed,
        "articles_per_second": len(articles) / elapsed,
        "found": found,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the five seeds")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--side", choices=["numclaims", "quantulum3"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.side:
        print(json.dumps(_measure(args.side, args.repeat)))
        return
    results = {}
    for side in ("quantulum3", "numclaims"):
        run = subprocess.run(
            [sys.executable, __file__, "--side", side, "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            check=True,
        )
        results[side] = json.loads(run.stdout.strip().splitlines()[-1])
    speeds = {side: results[side]["articles_per_second"] for side in ("numclaims", "quantulum3")}
    ratio = speeds["numclaims"] / speeds["quantulum3"]
    results["throughput_ratio"] = ratio
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for side in ("quantulum3", "numclaims"):
        r = results[side]
        print(
            f"{side:>10}: {r['articles_per_second']:7.1f} articles/s "
            f"({r['articles']} articles in {r['seconds']:.2f} s, {r['found']} figures/claims), "
            f"peak {r['peak_mb']:.0f} MB"
        )
    print(f"throughput ratio numclaims / quantulum3: {ratio:.2f}x (target >= 2)")


if __name__ == "__main__":
    main()
