"""Language data: the word lists under ``data/en/``, loaded once and validated on load.

Every file is TOML. A file is read with :func:`read`; a module that needs one of its sections
asks for it with :func:`section`, naming the keys each entry may have and their types, so a typo
in a data file is a :class:`~numclaims.errors.LexiconError` naming the file and the key, never a
silent miss. TOML itself rejects a key given twice; :func:`phrase_index` rejects a phrase listed
under two entries.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any

from ..errors import LexiconError

LANGUAGE = "en"


@cache
def read(name: str) -> Mapping[str, Any]:
    """The parsed contents of ``data/en/{name}.toml``."""
    path = f"data/{LANGUAGE}/{name}.toml"
    try:
        raw = resources.files("numclaims").joinpath(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(path, "no such language-data file") from None
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, f"not valid TOML: {exc}") from None


def section(
    name: str,
    key: str,
    schema: Mapping[str, type | tuple[type, ...]],
    *,
    required: Iterable[str] = (),
) -> dict[str, dict[str, Any]]:
    """The entries of table ``key`` in file ``name``, each checked against ``schema``.

    ``schema`` maps every allowed field to its type; fields in ``required`` must be present.
    """
    path = f"data/{LANGUAGE}/{name}.toml"
    table = read(name).get(key)
    if not isinstance(table, dict):
        raise LexiconError(path, f"missing table [{key}]")
    required = set(required)
    checked: dict[str, dict[str, Any]] = {}
    for entry_name, entry in table.items():
        where = f"[{key}.{entry_name}]"
        if not isinstance(entry, dict):
            raise LexiconError(path, f"{where} must be a table")
        unknown = set(entry) - set(schema)
        if unknown:
            raise LexiconError(path, f"{where} has unknown key(s): {', '.join(sorted(unknown))}")
        missing = required - set(entry)
        if missing:
            raise LexiconError(path, f"{where} lacks key(s): {', '.join(sorted(missing))}")
        for field_name, value in entry.items():
            if not isinstance(value, schema[field_name]):
                raise LexiconError(path, f"{where} {field_name} has the wrong type")
        checked[entry_name] = entry
    return checked


def words(name: str, key: str) -> tuple[str, ...]:
    """A flat list of strings ``key = [...]`` in file ``name``, lower-cased, duplicates refused.

    ``key`` may be dotted to reach into a table: ``words("claims", "attribution.speech_verbs")``.
    """
    path = f"data/{LANGUAGE}/{name}.toml"
    values: Any = read(name)
    for part in key.split("."):
        values = values.get(part) if isinstance(values, dict) else None
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise LexiconError(path, f"{key} must be a list of strings")
    seen: set[str] = set()
    for value in values:
        if value.lower() in seen:
            raise LexiconError(path, f"{key} lists {value!r} twice")
        seen.add(value.lower())
    return tuple(v.lower() for v in values)


def phrase_index(
    name: str, entries: Mapping[str, Mapping[str, Any]], field: str = "phrases"
) -> dict[str, str]:
    """Map each phrase listed under ``field`` of ``entries`` to its entry's name.

    A phrase listed under two entries is a :class:`LexiconError`: the data would be ambiguous.
    """
    index: dict[str, str] = {}
    for entry_name, entry in entries.items():
        for phrase in entry.get(field, ()):
            key = " ".join(phrase.lower().split())
            if key in index and index[key] != entry_name:
                raise LexiconError(
                    f"data/{LANGUAGE}/{name}.toml",
                    f"{phrase!r} is listed under both {index[key]} and {entry_name}",
                )
            index[key] = entry_name
    return index
