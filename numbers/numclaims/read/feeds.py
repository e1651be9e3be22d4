"""The article links of an RSS, Atom or JSON feed, or of an XML or text sitemap.

trafilatura's ``feeds`` and ``sitemaps`` modules read the links out of the document; numclaims
fetches it itself (through :class:`~numclaims.read.web.Fetcher`: timeout, size cap, user agent)
and keeps its own link policy, because trafilatura's URL filters drop addresses with a port or
on another domain, and a fact-checker who names a feed wants its articles. A sitemap index is
followed to its sitemaps, at most :data:`MAX_SITEMAPS` of them. The feed itself is never
cached: it is the list that changes; the articles it names are.
"""

from __future__ import annotations

from functools import cache
from urllib.parse import urldefrag, urljoin, urlsplit

from ..errors import InputError
from .web import FEED_TYPES, Fetcher, is_url

__all__ = ["MAX_FEED_LINKS", "MAX_SITEMAPS", "feed_links"]

#: Article links taken from one feed or sitemap (trafilatura reads at most 100,000).
MAX_FEED_LINKS = 10_000
#: Sitemaps read when following a sitemap index.
MAX_SITEMAPS = 20


def feed_links(url: str, fetcher: Fetcher, *, limit: int = MAX_FEED_LINKS) -> list[str]:
    """The article addresses the feed or sitemap at ``url`` lists, in its order, each once.

    Raises :class:`InputError` naming ``url`` when it cannot be fetched, is neither a feed nor a
    sitemap, or lists no article.
    """
    page = fetcher.get(url, accept=FEED_TYPES, cache=False)
    content = page.text().lstrip("\ufeff").strip()
    base = page.final_url
    if _is_sitemap(content):
        links = _sitemap_links(base, content, fetcher, limit)
    elif _is_feed(content):
        from trafilatura.feeds import FeedParameters, find_links

        domain = urlsplit(base).hostname or ""
        raw = find_links(content, FeedParameters(base, domain, url))
        links = _articles(raw, base, skip={url, base})
    else:
        raise InputError(url, "not a feed or sitemap: no RSS, Atom, JSON feed or sitemap found")
    if not links:
        raise InputError(url, "the feed lists no article links")
    return links[:limit]


def _is_sitemap(content: str) -> bool:
    head = content[:1000]
    return "<urlset" in head or "<sitemapindex" in head or ":urlset" in head


def _is_feed(content: str) -> bool:
    from trafilatura.feeds import is_potential_feed

    return is_potential_feed(content) or content.startswith("{")


def _sitemap_links(base: str, content: str, fetcher: Fetcher, limit: int) -> list[str]:
    from trafilatura.sitemaps import DETECT_SITEMAP_LINK

    reader = _sitemap_reader()
    pages: list[str] = []
    queue = [(base, content)]
    seen = {base}
    while queue and len(pages) < limit:
        current, text = queue.pop(0)
        sitemap = reader(current, urlsplit(current).hostname or "", [])
        sitemap.current_url = current
        sitemap.content = text
        sitemap.process()
        for link in _articles(sitemap.urls, current, skip=seen):
            if DETECT_SITEMAP_LINK.search(link):
                if link not in seen and len(seen) < MAX_SITEMAPS:
                    seen.add(link)
                    try:
                        nested = fetcher.get(link, accept=FEED_TYPES, cache=False)
                    except InputError:
                        continue
                    queue.append((nested.final_url, nested.text()))
            elif link not in pages:
                pages.append(link)
    return pages


@cache
def _sitemap_reader() -> type:
    """trafilatura's sitemap parser, its links kept as written: numclaims' own policy
    (:func:`_articles`) replaces trafilatura's domain and URL filters."""
    from trafilatura.sitemaps import SitemapObject

    class _SitemapLinks(SitemapObject):  # type: ignore[misc]
        __slots__ = ()

        def handle_link(self, link: str) -> None:
            self.urls.append(link)

    return _SitemapLinks


def _articles(links: list[str], base: str, *, skip: set[str]) -> list[str]:
    """Absolute http(s) links, without fragments, in order, each once; no home page."""
    kept: list[str] = []
    for link in links:
        absolute = urldefrag(urljoin(base, link.strip())).url
        if not is_url(absolute) or absolute in skip or absolute in kept:
            continue
        if urlsplit(absolute).path in ("", "/"):
            continue  # a feed's own <link> to the site's home page is not an article
        kept.append(absolute)
    return kept
