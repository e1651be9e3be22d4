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
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from local_site import LocalSite
from numclaims.read.web import CACHE_ENV

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = Path(os.environ.get("NUMCLAIMS_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold"
PEER = SHARED / "peer" / "recognizers-text"


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


@pytest.fixture(scope="session", autouse=True)
def page_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Fetched pages go to a folder of the test run, never the user's cache."""
    folder = tmp_path_factory.mktemp("page-cache")
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(folder)
    yield folder
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


@pytest.fixture(scope="session")
def site() -> Iterator[LocalSite]:
    """A news site on 127.0.0.1 (see ``local_site.py``), for the whole test session."""
    with LocalSite() as running:
        yield running
