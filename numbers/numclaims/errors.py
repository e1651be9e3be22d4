"""The exceptions numclaims raises.

    NumclaimsError
    ├── InputError      an article or corpus that cannot be read (carries ``source``)
    ├── LexiconError    a language-data file under ``data/en/`` that does not validate
    ├── ModelError      the spaCy pipeline cannot be loaded
    └── WorkspaceError  a workspace that cannot be opened or written, or a decision it refuses
                        (unknown group or claim, a value that is not a number); the workspace
                        is left as it was

Library code raises these and never prints or exits; the CLI turns any ``NumclaimsError`` into a
one-line ``Error: …`` and the dashboard into a message in the page.
"""

from __future__ import annotations

import unicodedata

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def one_line(text: str) -> str:
    """``text`` safe to print as part of one line: control characters, line and paragraph
    separators and format characters escaped (``\\n``, ``\\x1b``, ``\\u2028``), so a file name or
    URL holding a newline cannot forge a second error line or hide text."""
    if text.isprintable():
        return text
    return "".join(_escaped(ch) for ch in text)


def _escaped(ch: str) -> str:
    if ch.isprintable() or unicodedata.category(ch) == "Zs":  # a no-break space is harmless
        return ch
    if ch in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[ch]
    code = ord(ch)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class NumclaimsError(Exception):
    """Base class of every error numclaims raises on purpose."""


class InputError(NumclaimsError):
    """An input (file, corpus line, pasted text) that cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(one_line(f"{source}: {problem}"))


class LexiconError(NumclaimsError):
    """A language-data file that is malformed: unknown key, duplicate entry, wrong type."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class ModelError(NumclaimsError):
    """The spaCy pipeline named in the configuration cannot be loaded."""


class WorkspaceError(NumclaimsError):
    """A story workspace that cannot be opened or written, or a decision it cannot record.

    Raised before anything is written, or with the transaction rolled back: the workspace is
    left as it was.
    """
