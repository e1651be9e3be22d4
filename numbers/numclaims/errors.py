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


class NumclaimsError(Exception):
    """Base class of every error numclaims raises on purpose."""


class InputError(NumclaimsError):
    """An input (file, corpus line, pasted text) that cannot be read as an article."""

    def __init__(self, source: str, problem: str) -> None:
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}")


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
