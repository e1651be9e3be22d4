"""The package as a whole: its layout, its public API, its language data."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import numclaims
from numclaims import lexicon
from numclaims.errors import LexiconError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "numbers" / "numclaims" / "data" / "en"


def test_standard_library_numbers_is_not_shadowed_from_the_repository_root() -> None:
    assert not (ROOT / "numbers" / "__init__.py").exists()
    result = subprocess.run(
        [sys.executable, "-c", "import numbers, pandas; print(numbers.Number.__module__)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "numbers"


def test_all_lists_exactly_the_public_names() -> None:
    public = {
        name
        for name in vars(numclaims)
        if not name.startswith("_")
        and not isinstance(getattr(numclaims, name), type(numclaims))
        and name != "annotations"  # left behind by ``from __future__ import annotations``
    }
    assert set(numclaims.__all__) == public | {"__version__"}
    for name in numclaims.__all__:
        assert hasattr(numclaims, name), name


def test_every_module_imports() -> None:
    for module in pkgutil.walk_packages(numclaims.__path__, prefix="numclaims."):
        if module.name != "numclaims.__main__":
            importlib.import_module(module.name)


@pytest.mark.parametrize("path", sorted(DATA.glob("*.toml")), ids=lambda p: p.name)
def test_language_data_loads(path: Path) -> None:
    assert lexicon.read(path.stem)


def test_a_phrase_under_two_entries_is_refused() -> None:
    entries = {"more_than": {"phrases": ["over"]}, "up_to": {"phrases": ["Over"]}}
    with pytest.raises(LexiconError, match="'Over' is listed under both more_than and up_to"):
        lexicon.phrase_index("qualifiers", entries)


def test_a_word_list_with_a_duplicate_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "read", lambda name: {"cues": ["said", "Said"]})
    with pytest.raises(LexiconError, match="lists 'Said' twice"):
        lexicon.words("claims", "cues")


def test_an_unknown_key_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon, "read", lambda name: {"vague": {"dozens": {"lowr": 12}}})
    with pytest.raises(LexiconError, match=r"\[vague.dozens\] has unknown key\(s\): lowr"):
        lexicon.section("vague", "vague", {"lower": int, "upper": int})


def test_the_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {
        "text": "Russian forces have deployed 400 drones since August, according to the report."
    }
    exec(compile(example, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert namespace["claims"] and namespace["markdown"]
