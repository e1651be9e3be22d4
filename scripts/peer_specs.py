"""Score numclaims' figure finder against the Recognizers-Text English number specs.

Runs :func:`numclaims.find_figures` over every case of the peer's ``NumberModel.json``,
``NumberRangeModel.json`` and ``PercentModel.json`` (all cases, including those the peer marks
``NotSupported`` for some of its own ports) and prints the pass rate of each file.

The specs are read from ``<repo>/../shared/peer/recognizers-text/``; set ``NUMCLAIMS_SHARED`` to
the directory that holds ``peer/`` to read them from elsewhere.

Pass rules, one per file:

NumberModel
    The multiset of numbers found equals the multiset of expected values, compared with a
    relative tolerance of 1e-9. A figure states its value; a range states both its ends; a vague
    amount ("hundreds") states no number.

NumberRangeModel
    The list of intervals found equals the expected list, in order. A figure's interval follows
    from its qualifier: ``>`` is ``(N,)``, ``>=`` is ``[N,)``, ``<`` is ``(,N)``, ``<=`` is
    ``(,N]``, ``~`` is ``[lower,upper]`` and ``=`` is ``[N,N]``. A bare number is not an interval
    (the peer reports it from its number model, not this one), so an ``=`` figure takes part only
    when words state the equality ("equals 20", ``qualifier_phrase`` set). A range
    (``qualifier == "range"``: "between 20 and 30", "more than 10 and less than 40") matches on
    its bounds alone: a Figure records a range's ends but not whether each end is included, so
    numclaims' ``[20,30]`` counts as matching the peer's ``[20,30)``, ``(10,40)`` and so on.

PercentModel
    The multiset of values of the figures whose unit is ``percentage`` equals the expected values
    (``"100%"`` is 100; the peer's ``"null"`` for a bare "percent" is None).

Usage::

    python scripts/peer_specs.py              # pass rate per file
    python scripts/peer_specs.py --failures   # and every failing case
    python scripts/peer_specs.py --json       # machine-readable
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from numclaims.extract.figures import Figure, find_figures

ROOT = Path(__file__).resolve().parents[1]
SPEC_FILES = ("NumberModel", "NumberRangeModel", "PercentModel")

Interval = tuple[float | None, bool, float | None, bool]  # lower, lower open, upper, upper open


def peer_dir() -> Path:
    """Where the peer's spec files are."""
    shared = Path(os.environ.get("NUMCLAIMS_SHARED", ROOT.parent / "shared"))
    return shared / "peer" / "recognizers-text"


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _same_multiset(found: Sequence[float | None], expected: Sequence[float | None]) -> bool:
    if len(found) != len(expected):
        return False
    remaining = list(expected)
    for value in found:
        match = next((n for n, e in enumerate(remaining) if _close(value, e)), None)
        if match is None:
            return False
        remaining.pop(match)
    return True


def _number(text: str) -> float | None:
    return None if text in ("null", "") else float(text.rstrip("%"))


# --- NumberModel -------------------------------------------------------------------------------


def stated_numbers(figure: Figure) -> list[float | None]:
    """The numbers a figure states: its value, both ends of a range, none for a vague amount."""
    if figure.qualifier == "vague":
        return []
    if figure.qualifier == "range":
        return [figure.lower, figure.upper]
    return [figure.value]


def number_case(case: dict[str, Any]) -> tuple[bool, Any, Any]:
    expected = [_number(r["Resolution"]["value"]) for r in case["Results"]]
    found = [n for f in find_figures(case["Input"]) for n in stated_numbers(f)]
    return _same_multiset(found, expected), expected, found


# --- NumberRangeModel --------------------------------------------------------------------------


def parse_interval(text: str) -> Interval:
    """ "(20,35]" -> (20, True, 35, False); an empty end is None."""
    low, high = text[1:-1].split(",")
    return _number(low), text[0] == "(", _number(high), text[-1] == ")"


def figure_interval(figure: Figure) -> Interval | None:
    """The interval a bounded figure states, None for a bare number or a vague amount."""
    q, v = figure.qualifier, figure.value
    if q == ">":
        return v, True, None, True
    if q == ">=":
        return v, False, None, True
    if q == "<":
        return None, True, v, True
    if q == "<=":
        return None, True, v, False
    if q in ("~", "range"):
        return figure.lower, False, figure.upper, False
    if q == "=" and figure.qualifier_phrase:
        return v, False, v, False
    return None


def _interval_matches(found: Interval, expected: Interval, is_range: bool) -> bool:
    if not (_close(found[0], expected[0]) and _close(found[2], expected[2])):
        return False
    return is_range or (found[1] == expected[1] and found[3] == expected[3])


def range_case(case: dict[str, Any]) -> tuple[bool, Any, Any]:
    expected = [parse_interval(r["Resolution"]["value"]) for r in case["Results"]]
    figures = [f for f in find_figures(case["Input"]) if figure_interval(f) is not None]
    found = [figure_interval(f) for f in figures]
    ok = len(found) == len(expected) and all(
        _interval_matches(i, e, f.qualifier == "range")  # type: ignore[arg-type]
        for i, e, f in zip(found, expected, figures, strict=True)
    )
    return ok, [_show(e) for e in expected], [_show(i) for i in found]


def _show(interval: Interval | None) -> str:
    if interval is None:
        return "-"
    low, low_open, high, high_open = interval
    ends = ["" if n is None else f"{n:g}" for n in (low, high)]
    return f"{'(' if low_open else '['}{ends[0]},{ends[1]}{')' if high_open else ']'}"


# --- PercentModel ------------------------------------------------------------------------------


def percent_case(case: dict[str, Any]) -> tuple[bool, Any, Any]:
    expected = [_number(r["Resolution"]["value"]) for r in case["Results"]]
    found = [f.value for f in find_figures(case["Input"]) if f.unit == "percentage"]
    return _same_multiset(found, expected), expected, found


# --- Scoring -----------------------------------------------------------------------------------

CHECKS: dict[str, Callable[[dict[str, Any]], tuple[bool, Any, Any]]] = {
    "NumberModel": number_case,
    "NumberRangeModel": range_case,
    "PercentModel": percent_case,
}


def score(directory: Path | None = None) -> dict[str, dict[str, Any]]:
    """Pass counts, rate and failing cases for each spec file."""
    directory = directory or peer_dir()
    results: dict[str, dict[str, Any]] = {}
    for name in SPEC_FILES:
        cases = json.loads((directory / f"{name}.json").read_text(encoding="utf-8"))
        failures = []
        for case in cases:
            ok, expected, found = CHECKS[name](case)
            if not ok:
                failures.append({"input": case["Input"], "expected": expected, "found": found})
        passed = len(cases) - len(failures)
        results[name] = {"passed": passed, "total": len(cases),
                         "rate": passed / len(cases), "failures": failures}
    return results


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--failures", action="store_true", help="list every failing case")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    results = score()
    if args.json:
        json.dump(results, sys.stdout, ensure_ascii=False, indent=2, default=str)
        print()
        return 0
    for name, result in results.items():
        print(f"{name:18} {result['passed']:4}/{result['total']:<4} {result['rate']:7.1%}")
        if args.failures:
            for failure in result["failures"]:
                print(f"    {failure['input']!r}")
                print(f"        expected {failure['expected']}  found {failure['found']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
