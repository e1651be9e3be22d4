"""Shared fixtures: the seed articles, the hand-made gold answers and the peer's specs.

The gold and peer material live in ``../shared/`` beside the repository (read-only); set
``NUMCLAIMS_SHARED`` to point elsewhere.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("NUMCLAIMS_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold"
PEER = SHARED / "peer" / "recognizers-text"
#: Without ../shared, every test that reads it is skipped with this one reason.
SHARED_MISSING = not GOLD.is_dir()
NEEDS_SHARED = (
    f"needs the gold answers and the peer's specs in {SHARED}, which is not there "
    "(check out shared/ beside the repository, or set NUMCLAIMS_SHARED)"
)
#: The fixtures that read ../shared; tests of a module marked ``pytestmark =
#: pytest.mark.shared`` need it too.
SHARED_FIXTURES = frozenset({"gold_claims", "gold_negatives", "gold_groups", "gold_articles"})


def shared_records(name: str) -> list[dict[str, Any]]:
    """The records of a gold JSONL file, or none without ../shared (their tests are skipped)."""
    return [] if SHARED_MISSING else _jsonl(GOLD / name)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "shared: reads ../shared (the gold and the peer's specs)")


def pytest_report_header(config: pytest.Config) -> str | None:
    return f"numclaims: {NEEDS_SHARED}; those tests are skipped" if SHARED_MISSING else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not SHARED_MISSING:
        return
    skip = pytest.mark.skip(reason=NEEDS_SHARED)
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        # a parametrization over gold records that are not there
        empty = any(
            str(mark.kwargs.get("reason", "")).startswith("got empty parameter set")
            for mark in item.iter_markers("skip")
        )
        if fixtures & SHARED_FIXTURES or item.get_closest_marker("shared") or empty:
            item.add_marker(skip, append=False)


def load_script(name: str) -> ModuleType:
    """A script of ``scripts/`` imported as a module, so a test can call its scoring function."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def gold_claims() -> list[dict[str, Any]]:
    """The 14 hand-annotated claims of ``seeds.jsonl``."""
    return _jsonl(GOLD / "seeds.jsonl")


@pytest.fixture(scope="session")
def gold_negatives() -> list[dict[str, Any]]:
    """Surfaces in the seeds that must not come out as claims."""
    return _jsonl(GOLD / "seeds-negatives.jsonl")


@pytest.fixture(scope="session")
def gold_groups() -> dict[str, Any]:
    """The seven expected groups with their accepted verdicts."""
    return json.loads((GOLD / "seeds-groups.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def gold_articles() -> dict[str, dict[str, str]]:
    """What a user knows of each seed article (outlet, date and its precision), by file name."""
    with (GOLD / "seeds-articles.csv").open(encoding="utf-8", newline="") as handle:
        return {row["file"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    """The seed articles' raw text, by file name."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))}
