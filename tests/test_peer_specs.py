"""The figure finder against the Recognizers-Text English number specs (scripts/peer_specs.py).

Each pass count is pinned at the level reached, so a change that loses cases fails here; raise
the pin when a change wins some.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.shared

PINNED = {"NumberModel": 218, "NumberRangeModel": 80, "PercentModel": 13}


peer_specs = load_script("peer_specs")


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    return peer_specs.score()


@pytest.mark.parametrize("name", sorted(PINNED))
def test_pass_count_does_not_fall(results: dict[str, dict[str, Any]], name: str) -> None:
    result = results[name]
    failing = "\n".join(f"  {f['input']!r}: expected {f['expected']}, found {f['found']}"
                        for f in result["failures"])
    assert result["passed"] >= PINNED[name], (
        f"{name}: {result['passed']}/{result['total']} pass, pinned at {PINNED[name]}\n{failing}"
    )


def test_every_case_is_scored(results: dict[str, dict[str, Any]]) -> None:
    for name in PINNED:
        cases = json.loads((peer_specs.peer_dir() / f"{name}.json").read_text(encoding="utf-8"))
        assert results[name]["total"] == len(cases)


def test_number_and_range_rates_are_above_ninety_percent(
    results: dict[str, dict[str, Any]],
) -> None:
    assert results["NumberModel"]["rate"] > 0.9
    assert results["NumberRangeModel"]["rate"] > 0.9


@pytest.mark.parametrize(
    ("text", "interval"),
    [("(20,35]", (20.0, True, 35.0, False)), ("[30,)", (30.0, False, None, True)),
     ("(,100]", (None, True, 100.0, False)), ("[170,170]", (170.0, False, 170.0, False))],
)
def test_interval_notation_is_read(text: str, interval: tuple[Any, ...]) -> None:
    assert peer_specs.parse_interval(text) == interval


def test_range_matches_whatever_the_brackets() -> None:
    case = {"Input": "The number is between 20 and 30.",
            "Results": [{"Resolution": {"value": "[20,30)"}}]}
    assert peer_specs.range_case(case)[0]


def test_bare_number_is_not_an_interval() -> None:
    case = {"Input": "One-fourth is a fraction number.", "Results": []}
    assert peer_specs.range_case(case)[0]


def test_json_output_lists_each_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert peer_specs.main(["--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == set(PINNED)
    assert all({"passed", "total", "rate", "failures"} <= set(r) for r in printed.values())
