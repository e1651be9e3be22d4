"""The extractor against hand-annotated news sentences, scored by ``scripts/news_eval.py``.

Two sets, in one format and under the gold conventions (``../shared/gold/README.md``):

- three development sets, ``tests/data/news_sentences.jsonl`` (184 sentences),
  ``tests/data/news_dev2.jsonl`` (220) and ``tests/data/news_dev3.jsonl`` (160 dense
  business-desk sentences), each written later by another annotator: failures there were
  studied and fixed; pins are raised as the extractor improves;
- the held-out set, ``tests/data/news_heldout.jsonl`` (200 sentences), written and annotated
  before the extractor ever ran on it. It is HELD OUT: the project does not tune on its failures.
  It guards against regressions and gives honest figures for unseen news; a pin there may move
  up when a change made for other reasons lifts it, never because a listed failure was fixed on
  purpose.

The sets under ``tests/data/sentences/`` (see its README) are written in our own words after real
coverage read in stored news pages, each a development and a held-out half, pinned the same way.

Each F1 is pinned at the level measured, rounded down to one decimal (in percent).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from conftest import load_script

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"

# F1 in percent, as measured on each set.
PINNED = {
    "news_sentences.jsonl": {"value": 100.0, "value+unit": 98.8, "value+qualifier": 100.0},
    "news_dev2.jsonl": {"value": 98.9, "value+unit": 94.5, "value+qualifier": 98.9},
    "news_dev3.jsonl": {"value": 98.6, "value+unit": 97.6, "value+qualifier": 98.4},
    "news_heldout.jsonl": {"value": 95.4, "value+unit": 93.0, "value+qualifier": 93.7},
    # modelled on real coverage (sentences/README.md); *_heldout never tuned on
    "sentences/real_dev.jsonl": {"value": 96.3, "value+unit": 92.3, "value+qualifier": 93.8},
    "sentences/real_heldout.jsonl": {"value": 94.7, "value+unit": 91.6, "value+qualifier": 91.6},
    "sentences/money_dev.jsonl": {"value": 98.1, "value+unit": 94.1, "value+qualifier": 98.1},
    "sentences/money_heldout.jsonl": {"value": 96.2, "value+unit": 92.5,
                                      "value+qualifier": 93.3},
    "sentences/measures_dev.jsonl": {"value": 97.7, "value+unit": 92.8, "value+qualifier": 94.1},
    "sentences/measures_heldout.jsonl": {"value": 95.2, "value+unit": 84.3,
                                         "value+qualifier": 93.0},
    "sentences/wire_dev.jsonl": {"value": 96.7, "value+unit": 92.3, "value+qualifier": 95.0},
    "sentences/wire_heldout.jsonl": {"value": 94.5, "value+unit": 88.8, "value+qualifier": 91.3},
    "sentences/business_dev.jsonl": {"value": 98.0, "value+unit": 95.9,
                                     "value+qualifier": 97.0},
    "sentences/business_heldout.jsonl": {"value": 98.8, "value+unit": 93.4,
                                         "value+qualifier": 97.7},
    "sentences/features_dev.jsonl": {"value": 97.6, "value+unit": 92.6,
                                     "value+qualifier": 95.6},
    "sentences/features_heldout.jsonl": {"value": 97.4, "value+unit": 91.4,
                                         "value+qualifier": 97.4},
    "sentences/desks_dev.jsonl": {"value": 96.1, "value+unit": 89.5, "value+qualifier": 96.1},
    "sentences/desks_heldout.jsonl": {"value": 95.6, "value+unit": 86.0,
                                      "value+qualifier": 95.6},
}
SETS = sorted(PINNED)


news_eval = load_script("news_eval")


@pytest.fixture(scope="module", params=SETS)
def scored(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, news_eval.score(DATA / request.param)


@pytest.mark.parametrize("metric", ["value", "value+unit", "value+qualifier"])
def test_f1_does_not_fall(scored: tuple[str, dict[str, Any]], metric: str) -> None:
    name, result = scored
    f1 = 100 * result["metrics"][metric]["f1"]
    failing = "\n".join(
        f"  {failure['id']}: {problem['kind']}: gold {problem['gold']} found {problem['predicted']}"
        for failure in result["failures"] for problem in failure["problems"]
    )
    pin = PINNED[name][metric]
    assert f1 >= pin, f"{name}: {metric} F1 {f1:.2f} is below its pin {pin}\n{failing}"


def test_every_gold_quantity_is_scored(scored: tuple[str, dict[str, Any]]) -> None:
    name, result = scored
    records = news_eval.load(DATA / name)
    assert result["sentences"] == len(records)
    assert result["gold"] == sum(len(record["quantities"]) for record in records)


@pytest.mark.parametrize("name", SETS)
def test_gold_file_is_well_formed(name: str) -> None:
    qualifiers = {"=", "~", ">", ">=", "<", "<=", "range", "vague"}
    fields = {"surface", "value", "qualifier", "lower", "upper", "unit", "entity", "trend"}
    ids = set()
    for record in news_eval.load(DATA / name):
        assert record["id"] not in ids, f"duplicate id {record['id']}"
        ids.add(record["id"])
        assert set(record) <= {"id", "sentence", "quantities", "note", "source"}, record["id"]
        news_eval.gold_spans(record["sentence"], record["quantities"])  # every surface is there
        for quantity in record["quantities"]:
            where = f"{record['id']} {quantity['surface']!r}"
            assert set(quantity) <= fields | {"note"}, where
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
