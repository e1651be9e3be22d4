"""The story scorer (``scripts/story_eval.py``): which reported claim stands for a gold one."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import load_script

story_eval = load_script("story_eval")


def _figure(value: float | None, unit: str | None, lower: float | None = None,
            upper: float | None = None) -> dict[str, Any]:
    return {"value": value, "unit": unit, "lower": lower, "upper": upper}


@pytest.mark.parametrize(("gold", "reported", "same"), [
    (_figure(66.67, "percentage"), _figure(2 / 3, None), True),  # "two-thirds" either way
    (_figure(2 / 3, None), _figure(66.67, "percentage"), True),
    (_figure(33.33, "percentage"), _figure(1 / 3, None), True),
    (_figure(50, "percentage"), _figure(0.25, None), False),
    (_figure(2800, None), _figure(2800, None), True),
    (_figure(None, None, 1000, 10000), _figure(None, None, 1000, 10000), True),  # "thousands"
    (_figure(None, None, 1000, 10000), _figure(None, None, 100, 1000), False),
])
def test_a_reported_figure_stands_for_the_gold_one(gold: dict[str, Any],
                                                   reported: dict[str, Any],
                                                   same: bool) -> None:
    assert story_eval._same_figure(gold, reported) is same
