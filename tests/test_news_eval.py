"""The extractor against hand-annotated news sentences (scripts/news_eval.py).

Each F1 is pinned at the level measured, rounded down to one decimal (in percent), so a change
that loses accuracy on news text fails here. Pins are raised as the extractor improves: after a
fix, run ``python scripts/news_eval.py`` and move the pin up to the new figure, rounded down.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]

# F1 in percent, as measured on tests/data/news_sentences.jsonl (184 sentences, 266 figures).
PINNED = {"value": 99.2, "value+unit": 97.3, "value+qualifier": 99.2}


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("news_eval", ROOT / "scripts" / "news_eval.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("news_eval", module)
    spec.loader.exec_module(module)
    return module


news_eval = _load_scorer()


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return news_eval.score(news_eval.DEFAULT_PATH)


@pytest.mark.parametrize("metric", sorted(PINNED))
def test_f1_does_not_fall(result: dict[str, Any], metric: str) -> None:
    f1 = 100 * result["metrics"][metric]["f1"]
    failing = "\n".join(
        f"  {failure['id']}: {problem['kind']}: gold {problem['gold']} found {problem['predicted']}"
        for failure in result["failures"] for problem in failure["problems"]
    )
    pin = PINNED[metric]
    assert f1 >= pin, f"{metric}: F1 {f1:.2f} is below its pin {pin}\n{failing}"


def test_every_gold_quantity_is_scored(result: dict[str, Any]) -> None:
    records = news_eval.load(news_eval.DEFAULT_PATH)
    assert result["sentences"] == len(records)
    assert result["gold"] == sum(len(record["quantities"]) for record in records)


def test_gold_file_is_well_formed() -> None:
    qualifiers = {"=", "~", ">", ">=", "<", "<=", "range", "vague"}
    ids = set()
    for record in news_eval.load(news_eval.DEFAULT_PATH):
        assert record["id"] not in ids, f"duplicate id {record['id']}"
        ids.add(record["id"])
        news_eval.gold_spans(record["sentence"], record["quantities"])  # every surface is there
        for quantity in record["quantities"]:
            where = f"{record['id']} {quantity['surface']!r}"
            assert quantity["qualifier"] in qualifiers, where
            assert (quantity["value"] is None) == (quantity["qualifier"] == "vague"), where
            assert not (quantity["unit"] and quantity["entity"]), where


def test_repeated_value_pairs_by_surface() -> None:
    """'20 points ahead of ... 20 per cent': each 20 pairs with the figure written at its place."""
    sentence = "Labour on 40 per cent, 20 points ahead of the Conservatives on 20 per cent."
    gold = [
        {"surface": "20 points", "value": 20, "qualifier": "=", "unit": None, "entity": "point"},
        {"surface": "20 per cent", "value": 20, "qualifier": "=", "unit": "percentage",
         "entity": None},
    ]
    start_points, start_percent = sentence.find("20 points"), sentence.find("20 per cent")
    claims = [
        news_eval.Claim("t", sentence, start_percent, start_percent + 11, "20 per cent", 20.0,
                        20.0, 20.0, "=", unit="percentage"),
        news_eval.Claim("t", sentence, start_points, start_points + 9, "20 points", 20.0, 20.0,
                        20.0, "=", entity="point"),
    ]
    assert news_eval.pair(sentence, gold, claims) == [(0, 1), (1, 0)]
