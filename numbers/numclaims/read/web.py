"""Fetching web pages: a bounded HTTP GET with a cache, for articles given by URL.

:class:`Fetcher` gets one URL with httpx and either returns a :class:`Page` (the body as bytes,
the final URL after redirects, the content type) or raises :class:`~numclaims.errors.InputError`
naming the URL and the problem in a few words: the host name does not resolve, the connection
is refused, it timed out, an HTTP error status, too many redirects, too big, not HTML.

Every request is bounded: a timeout for each network step and a deadline for the whole
download (a server dripping one byte a second cannot hold a run), a size cap checked while the
body streams in (the download stops at the cap, so a 50 MB page costs 5 MB), a redirect limit
and a User-Agent that says who is asking. Pages are cached on disk (:class:`PageCache`) so a
rerun fetches nothing twice; ``refresh=True`` fetches again and overwrites the cache.

What becomes of a page (trafilatura, htmldate, the outlet) is :mod:`numclaims.read.documents`'
job: a fetched page is read exactly as an HTML file is.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..errors import InputError

if TYPE_CHECKING:
    import httpx

__all__ = [
    "CACHE_ENV",
    "FetchSettings",
    "Fetcher",
    "Page",
    "PageCache",
    "default_cache_dir",
    "is_url",
]

#: Overrides where fetched pages are cached.
CACHE_ENV = "NUMCLAIMS_CACHE_DIR"
#: Content types read as an article page.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: Content types read as a feed or sitemap (trafilatura's feeds module accepts the same, and
#: servers label feeds loosely).
FEED_TYPES = frozenset(
    {
        "application/atom+xml",
        "application/rss+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+json",
        "application/json",
        "text/plain",
        "application/x-gzip",
    }
)
_URL = re.compile(r"https?://", re.IGNORECASE)
# A body with no declared type is taken for HTML when it starts like a page.
_HTML_START = re.compile(rb"\s*<(?:!doctype\s+html|html|head|body|!--)", re.IGNORECASE)


def is_url(text: str) -> bool:
    """Whether ``text`` is an http(s) address, the kind of input :class:`Fetcher` reads."""
    return bool(_URL.match(text)) and bool(urlsplit(text).netloc)


def default_cache_dir() -> Path:
    """``$NUMCLAIMS_CACHE_DIR``, else the user's cache folder (platformdirs) + ``pages``."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("numclaims", appauthor=False)) / "pages"


def _user_agent() -> str:
    from .. import __version__

    return (
        f"numclaims/{__version__} (numeric-claim checker for fact-checkers; "
        "fetches the articles its user names)"
    )


@dataclass(frozen=True)
class FetchSettings:
    """How pages are fetched. Frozen and picklable: batch workers get a copy."""

    #: Seconds for each network step (connect, each read) and, times four, for a whole download.
    timeout: float = 20.0
    #: The largest body read, in bytes (the dashboard's upload limit: an article page is far
    #: smaller).
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = field(default_factory=_user_agent)
    #: Where pages are cached; None: :func:`default_cache_dir`.
    cache_dir: Path | None = None
    #: Keep fetched pages and reuse them on the next run.
    use_cache: bool = True
    #: Fetch again even when a page is cached (and cache the new copy).
    refresh: bool = False

    @property
    def deadline(self) -> float:
        return self.timeout * 4


@dataclass(frozen=True)
class Page:
    """One fetched page: ``url`` as asked for, ``final_url`` after redirects."""

    url: str
    final_url: str
    content_type: str
    charset: str | None
    body: bytes
    from_cache: bool = False

    def text(self) -> str:
        """The body decoded: the declared charset, else UTF-8, else what the bytes look like."""
        if self.charset:
            try:
                return self.body.decode(self.charset, errors="replace")
            except LookupError:  # a charset Python does not know
                pass
        try:
            return self.body.decode("utf-8")
        except UnicodeDecodeError:
            from trafilatura.utils import decode_file

            decoded = decode_file(self.body)
            return decoded if isinstance(decoded, str) else self.body.decode("latin-1")


class PageCache:
    """Fetched pages on disk, one ``<sha256 of the URL>.json`` (what was fetched) and ``.body``
    (the bytes) each. Writes go through a temporary file and a rename, so two workers caching
    the same page at once leave one whole copy."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.directory / f"{key}.json", self.directory / f"{key}.body"

    def get(self, url: str) -> Page | None:
        meta_path, body_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        if not isinstance(meta, dict) or meta.get("url") != url or len(body) != meta.get("size"):
            return None
        return Page(
            url=url,
            final_url=str(meta.get("final_url") or url),
            content_type=str(meta.get("content_type") or ""),
            charset=meta.get("charset"),
            body=body,
            from_cache=True,
        )

    def put(self, page: Page) -> None:
        """Keep ``page``; a cache that cannot be written is skipped, never an error."""
        meta_path, body_path = self._paths(page.url)
        meta = {
            "url": page.url,
            "final_url": page.final_url,
            "content_type": page.content_type,
            "charset": page.charset,
            "size": len(page.body),
            "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # The body first: a reader checks the body's size against the metadata.
            _write_atomically(body_path, page.body)
            _write_atomically(meta_path, json.dumps(meta).encode("utf-8"))
        except OSError:
            return


def _write_atomically(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Fetcher:
    """Fetches pages under :class:`FetchSettings`; the HTTP client opens on first use.

    ``transport`` replaces httpx's network layer (tests use it to stand in for a DNS failure).
    """

    def __init__(
        self, settings: FetchSettings | None = None, *, transport: Any | None = None
    ) -> None:
        self.settings = settings or FetchSettings()
        self.fetched = 0  # pages that went over the network, not from the cache
        self._transport = transport
        self._client: httpx.Client | None = None
        self._cache = (
            PageCache(self.settings.cache_dir or default_cache_dir())
            if self.settings.use_cache
            else None
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __getstate__(self) -> dict[str, Any]:
        # A fetcher travels to batch workers as its settings; each opens its own client.
        return {"settings": self.settings}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["settings"])  # type: ignore[misc]

    def get(
        self, url: str, *, accept: frozenset[str] = HTML_TYPES, cache: bool = True
    ) -> Page:
        """The body at ``url`` if its content type is in ``accept``, else :class:`InputError`.

        With ``cache`` (and the settings' ``use_cache``) a cached copy is used unless
        ``refresh`` is set, and what is downloaded is kept.
        """
        if not is_url(url):
            raise InputError(url, "not an http:// or https:// address")
        store = self._cache if cache else None
        if store is not None and not self.settings.refresh:
            cached = store.get(url)
            if cached is not None:
                _check_type(cached, accept)
                return cached
        page = self._download(url, accept)
        self.fetched += 1
        if store is not None:
            store.put(page)
        return page

    # ----------------------------------------------------------------------------------------

    def _http(self) -> httpx.Client:
        if self._client is None:
            import httpx

            settings = self.settings
            self._client = httpx.Client(
                follow_redirects=True,
                max_redirects=settings.max_redirects,
                timeout=httpx.Timeout(settings.timeout),
                headers={
                    "User-Agent": settings.user_agent,
                    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
                },
                transport=self._transport,
            )
        return self._client

    def _download(self, url: str, accept: frozenset[str]) -> Page:
        import httpx

        settings = self.settings
        started = time.monotonic()
        try:
            with self._http().stream("GET", url) as response:
                if response.status_code >= 400:
                    reason = response.reason_phrase or ""
                    raise InputError(url, f"HTTP {response.status_code} {reason}".rstrip())
                content_type, charset = _content_type(response.headers.get("content-type", ""))
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > settings.max_bytes:
                    raise InputError(url, _too_big(settings.max_bytes, int(declared)))
                if content_type and content_type not in accept:
                    raise InputError(url, _not_accepted(content_type, accept))
                chunks: list[bytes] = []
                size = 0
                # Each network read as it comes (a chunk size would wait to fill it), so the
                # deadline is checked even while a server drips.
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > settings.max_bytes:
                        raise InputError(url, _too_big(settings.max_bytes))
                    if time.monotonic() - started > settings.deadline:
                        raise InputError(
                            url, f"timed out: still downloading after {settings.deadline:g} s"
                        )
                    chunks.append(chunk)
                page = Page(
                    url=url,
                    final_url=str(response.url),
                    content_type=content_type,
                    charset=charset,
                    body=b"".join(chunks),
                )
        except httpx.TooManyRedirects:
            raise InputError(
                url, f"too many redirects (more than {settings.max_redirects})"
            ) from None
        except httpx.TimeoutException:
            raise InputError(url, f"timed out after {settings.timeout:g} s") from None
        except httpx.ConnectError as exc:
            raise InputError(url, _connect_problem(url, exc)) from None
        except httpx.InvalidURL as exc:
            raise InputError(url, f"not a valid address: {exc}") from None
        except httpx.HTTPError as exc:
            raise InputError(url, f"download failed: {type(exc).__name__}: {exc}") from None
        _check_type(page, accept)
        return page


def _content_type(header: str) -> tuple[str, str | None]:
    """The media type, lowercased, and the charset parameter, if any."""
    parts = [part.strip() for part in header.split(";")]
    charset = None
    for part in parts[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return parts[0].lower(), charset


def _check_type(page: Page, accept: frozenset[str]) -> None:
    if page.content_type:
        if page.content_type not in accept:
            raise InputError(page.url, _not_accepted(page.content_type, accept))
    elif accept is HTML_TYPES and not _HTML_START.match(page.body[:1024]):
        raise InputError(
            page.url, "not an HTML page: no content type, and it does not look like one"
        )


def _not_accepted(content_type: str, accept: frozenset[str]) -> str:
    wanted = "an HTML page" if accept is HTML_TYPES else "a feed or sitemap"
    return f"not {wanted}: the server says it is {content_type}"


def _too_big(limit: int, declared: int | None = None) -> str:
    size = f"{declared:,} bytes" if declared is not None else f"more than {limit:,} bytes"
    return f"too big: {size} (the limit is {limit:,} bytes)"


def _connect_problem(url: str, exc: Exception) -> str:
    text = str(exc)
    host = urlsplit(url).hostname or url
    lowered = text.lower()
    if any(
        cue in lowered
        for cue in (
            "name or service not known",
            "nodename nor servname",
            "temporary failure in name resolution",
            "no address associated",
            "getaddrinfo failed",
            "name resolution",
        )
    ):
        return f"host name {host!r} not found (DNS)"
    if "refused" in lowered:
        return "connection refused"
    return f"cannot connect: {text or type(exc).__name__}"
