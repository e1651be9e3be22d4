"""Fuzz every stage with random text made of the pieces that broke numclaims (tests/test_fuzz.py),
for as many inputs as asked, and count the crashes by kind.

Each input goes through the figure finder, the time phrases (against a publication date drawn
from the whole calendar, year 1 to 9999), the reader (as .txt, .jsonl and .csv uploads) and
extraction with the full model, in batches as the CLI runs them. A crash is any exception other
than :class:`InputError`, or an article reported by the per-article boundary; each kind (stage,
exception, where it was raised) is printed once with an input that caused it.

    .venv/bin/python benchmarks/fuzz.py [--inputs 24000] [--seed 9] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from test_fuzz import PIECES  # noqa: E402, I001

from numclaims.errors import InputError  # noqa: E402
from numclaims.extract import extract_documents, load_pipeline  # noqa: E402
from numclaims.extract.figures import find_figures  # noqa: E402
from numclaims.extract.timex import find_time_phrases  # noqa: E402
from numclaims.models import PublicationDate, ReadProblem  # noqa: E402
from numclaims.output import render_claims  # noqa: E402
from numclaims.read.documents import make_document, read_upload  # noqa: E402


def text_of(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return "".join(chr(rng.choice([rng.randrange(32, 127), rng.randrange(0x80, 0x3000),
                                       rng.randrange(0xD800, 0xE000)]))
                       for _ in range(rng.randrange(0, 120)))
    return rng.choice([" ", "", " ", "\n"]).join(
        rng.choice(PIECES) for _ in range(rng.randrange(0, 40))
    )


def date_of(rng: random.Random) -> PublicationDate | None:
    if rng.random() < 0.15:
        return None
    if rng.random() < 0.3:
        day = rng.choice([dt.date(9999, 12, 31), dt.date(9999, 12, 1), dt.date(1, 1, 1)])
    else:
        day = dt.date(rng.randrange(1, 10000), rng.randrange(1, 13), rng.randrange(1, 29))
    precision = rng.choice(["day", "month", "year"])
    if precision != "day":
        day = day.replace(day=1)
    return PublicationDate(day, precision)  # type: ignore[arg-type]


def _time_phrases(text: str, date: PublicationDate | None) -> object:
    return find_time_phrases(text, published=date)


def where(exc: BaseException) -> str:
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    return f"{Path(frame.filename).name}:{frame.lineno}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=24_000)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    nlp = load_pipeline()
    crashes: Counter[str] = Counter()
    examples: dict[str, str] = {}
    tried = 0

    def crash(stage: str, exc: BaseException, text: Any) -> None:
        kind = f"{stage}: {type(exc).__name__} at {where(exc)}"
        crashes[kind] += 1
        examples.setdefault(kind, repr(text)[:200])

    while tried < args.inputs:
        batch = [(text_of(rng), date_of(rng)) for _ in range(min(args.batch, args.inputs - tried))]
        tried += len(batch)
        documents = []
        for number, (text, date) in enumerate(batch):
            for stage, run, arguments in (
                ("figures", find_figures, (text,)),
                ("time phrases", _time_phrases, (text, date)),
                ("upload .txt", read_upload, ("x.txt", text.encode("utf-8", "replace"))),
                ("upload .jsonl", read_upload,
                 ("x.jsonl", json.dumps({"id": "1", "text": text}).encode())),
                ("upload .csv", read_upload,
                 ("x.csv", ("id,text\n1," + text).encode("utf-8", "replace"))),
            ):
                try:
                    run(*arguments)
                except InputError:
                    pass
                except Exception as exc:  # noqa: BLE001 - counting crashes is the point
                    crash(stage, exc, text)
            try:
                documents.append(make_document(text, doc_id=str(number), published=date))
            except InputError:
                pass
            except Exception as exc:  # noqa: BLE001
                crash("make_document", exc, text)
        problems: list[ReadProblem] = []
        try:
            claims = extract_documents(documents, nlp=nlp, problems=problems)
            for fmt in ("jsonl", "json", "csv"):
                render_claims(claims, fmt)
        except Exception as exc:  # noqa: BLE001
            crash("extract", exc, "batch")
        for problem in problems:
            kind = f"extract (reported by the boundary): {problem.problem[:80]}"
            crashes[kind] += 1
            text = next((d.text for d in documents if d.doc_id == problem.source), "")
            examples.setdefault(kind, repr(text)[:200])
        if not args.json:
            print(f"{tried:,} inputs, {sum(crashes.values())} crashes", file=sys.stderr)
    report = {"inputs": tried, "crashes": sum(crashes.values()), "kinds": dict(crashes),
              "examples": examples}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{tried:,} inputs tried, {report['crashes']} crashes in {len(crashes)} kinds")
        for kind, count in crashes.most_common():
            print(f"  {count:6} {kind}\n         e.g. {examples[kind]}")


if __name__ == "__main__":
    main()
