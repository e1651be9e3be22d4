"""The progress bar on standard error: articles done, claims found, rate and time left.

tqdm draws it. It appears only once a run has lasted :data:`DELAY_SECONDS`, never when
standard error is not a terminal (a log file, a pipe, CI), and never with ``quiet``.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TextIO

__all__ = ["DELAY_SECONDS", "Progress"]

#: A run shorter than this shows no bar at all.
DELAY_SECONDS = 2.0
#: The bar is redrawn at most this often.
REFRESH_SECONDS = 0.5


class Progress:
    """``advance(articles, claims)`` after each piece of work; ``close()`` (or ``with``) at the
    end. ``total`` is the number of articles when known, for the time left."""

    def __init__(
        self, *, total: int | None = None, quiet: bool = False, stream: TextIO | None = None
    ) -> None:
        from tqdm import tqdm

        self.articles = 0
        self.claims = 0
        self._bar = tqdm(
            total=total,
            unit=" articles",
            desc="numclaims",
            delay=DELAY_SECONDS,
            mininterval=REFRESH_SECONDS,
            # None: tqdm turns itself off when the stream is not a terminal.
            disable=True if quiet else None,
            file=stream if stream is not None else sys.stderr,
            dynamic_ncols=True,
            leave=False,
        )

    def start(self, total: int | None) -> None:
        """The number of articles to expect, once it is known."""
        if total is not None:
            self._bar.reset(total=total)

    def advance(self, articles: int, claims: int) -> None:
        self.articles += articles
        self.claims += claims
        self._bar.set_postfix_str(f"{self.claims:,} claims", refresh=False)
        self._bar.update(articles)

    def write(self, line: str) -> None:
        """A line on standard error that does not tear the bar."""
        self._bar.write(line, file=sys.stderr)

    def close(self) -> None:
        self._bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
