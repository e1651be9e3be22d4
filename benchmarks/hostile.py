"""Hostile input shapes against ordinary prose of the same size, in one run.

Each shape is about ``--size`` bytes of one article (default 1 MB): news prose from the seeds
and the story sets (the yardstick), a line of space-separated numbers, a page without punctuation, a
"sentence" of 5,000 figures, 100,000 lines of "N drones", a bullet list, deep brackets and more.
Each is read and extracted in a fresh subprocess (so peak memory is its own), after a warm-up
that loads the model. Reported per shape: seconds, claims, peak resident memory, and the ratio
of its seconds to the prose's (measured first and last, the mean of the two); the target is a
small multiple for every shape.

    .venv/bin/python benchmarks/hostile.py [--size 1000000] [--only SHAPE ...] [--json]
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
STORIES = ROOT / "tests" / "data" / "stories"


def _repeat(unit: str, size: int, sep: str = "") -> str:
    count = max(1, size // (len(unit) + len(sep)))
    return sep.join([unit] * count)


def prose(size: int) -> str:
    """News prose: the paragraphs of the seeds and of the story sets in tests/data/stories."""
    paths = [*sorted(SEEDS.glob("*.txt")), *sorted(STORIES.glob("*/*/*.txt"))]
    texts = [path.read_text(encoding="utf-8") for path in paths]
    # numbered so the reader does not fold repeated paragraphs into one
    paragraphs = [p for text in texts for p in text.split("\n") if len(p) > 80]
    out, n = [], 0
    while sum(map(len, out)) < size:
        out.append(f"Part {n}. {paragraphs[n % len(paragraphs)]}")
        n += 1
    return "Title\n\n" + "\n\n".join(out)


def spaced_numbers(size: int) -> str:
    rng = random.Random(1)
    numbers, total = [], 0
    while total < size:
        numbers.append(str(rng.randint(1, 99999)))
        total += len(numbers[-1]) + 1
    return " ".join(numbers)


def no_punctuation(size: int) -> str:
    words = "the army said that drones and missiles were fired at the city again".split()
    rng = random.Random(2)
    out, total = [], 0
    while total < size:
        word = str(rng.randint(2, 900)) if rng.random() < 0.05 else rng.choice(words)
        out.append(word)
        total += len(word) + 1
    return " ".join(out)


def words_only(size: int) -> str:
    return _repeat("the army said that drones were fired at the city", size, " ")


def long_figure_sentence(size: int) -> str:
    return _repeat("officials said 1,200 drones and 300 missiles were fired", size, " and ") + "."


def drone_lines(size: int) -> str:
    lines, total, n = [], 0, 0
    while total < size:
        lines.append(f"{n + 1} drones")
        total += len(lines[-1]) + 1
        n += 1
    return "\n".join(lines)


def bullet_list(size: int) -> str:
    items, total, n = ["The toll so far:"], 0, 0
    while total < size:
        n += 1
        items.append(f"- {n:,} soldiers killed in sector {n}")
        total += len(items[-1]) + 1
    return "\n".join(items)


def number_words(size: int) -> str:
    return _repeat("one two three four five six seven eight nine ten", size, " ")


def brackets(size: int) -> str:
    half = size // 4
    return "(" * half + "400 drones" + ")" * half


def dashes_and_digits(size: int) -> str:
    return _repeat("1-2-3-4-5/6/7/8 9.9.9.9 10x10^3 ½", size, " ")


def date_words(size: int) -> str:
    return _repeat("since last September next month on Friday 2 years ago in early March", size,
                   " ")


def he_said(size: int) -> str:
    lines, total, n = [], 0, 0
    while total < size:
        lines.append(f"“We sent {n % 1700 + 1} drones,” he said.")
        total += len(lines[-1]) + 1
        n += 1
    return "Title\n\nJohn Kirby spoke on Monday. " + " ".join(lines)


def one_character(size: int) -> str:
    return "9" * size


SHAPES: dict[str, Callable[[int], str]] = {
    "prose": prose,
    "spaced_numbers": spaced_numbers,
    "no_punctuation": no_punctuation,
    "words_only": words_only,
    "long_figure_sentence": long_figure_sentence,
    "drone_lines": drone_lines,
    "bullet_list": bullet_list,
    "number_words": number_words,
    "brackets": brackets,
    "dashes_and_digits": dashes_and_digits,
    "date_words": date_words,
    "he_said": he_said,
    "one_character": one_character,
}


def _measure(shape: str, size: int) -> dict[str, float]:
    from numclaims.extract import extract_documents, load_pipeline
    from numclaims.read.documents import make_document

    nlp = load_pipeline()
    extract_documents([make_document(prose(3000), published="2023-02-07")], nlp=nlp)
    text = SHAPES[shape](size)
    started = time.perf_counter()
    problems: list = []
    document = make_document(text, doc_id=shape, published="2023-02-07")
    claims = extract_documents([document], nlp=nlp, problems=problems)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"bytes": len(text.encode()), "seconds": seconds, "claims": len(claims),
            "problems": len(problems), "peak_mb": peak_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--only", nargs="*", choices=sorted(SHAPES))
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure, args.size)))
        return
    # prose first and last: on a shared machine the load can change during the run, and the
    # ratios use the mean of the two
    shapes = ["prose", *[s for s in (args.only or SHAPES) if s != "prose"], "prose (again)"]
    results = {}
    for shape in shapes:
        run = subprocess.run(
            [sys.executable, __file__, "--measure", shape.split()[0], "--size", str(args.size)],
            capture_output=True, text=True, check=True,
        )
        results[shape] = json.loads(run.stdout.splitlines()[-1])
        if not args.json:
            r = results[shape]
            print(f"{shape:22} {r['bytes']:>9,} B {r['seconds']:8.2f} s"
                  f"  {r['claims']:>7,} claims  {r['peak_mb']:6.0f} MB", flush=True)
    yardstick = (results["prose"]["seconds"] + results["prose (again)"]["seconds"]) / 2
    for result in results.values():
        result["ratio"] = result["seconds"] / yardstick
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"\nratios to prose ({yardstick:.2f} s, the mean of its two runs):")
        for shape, result in sorted(results.items(), key=lambda item: -item[1]["ratio"]):
            print(f"  {shape:22} {result['ratio']:5.2f}")


if __name__ == "__main__":
    main()
