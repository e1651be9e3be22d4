"""A news site on 127.0.0.1 for the web tests: good pages, a slow page, a redirect loop, a
50 MB page (generated as it is sent), a binary file, feeds and a sitemap.

Loopback only, and every handler ends by itself: the slow page waits at most
:data:`SLOW_SECONDS` (or until the site stops), the big page stops at its size or when the
client hangs up.
"""

from __future__ import annotations

import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

DATA = Path(__file__).parent / "data" / "documents"
NEWS_PAGE = (DATA / "news-page.html").read_text(encoding="utf-8")
SLOW_SECONDS = 5.0
BIG_BYTES = 50_000_000


def article(title: str, site: str, body: str, *, canonical: str | None = None,
            published: str = "2024-03-02") -> str:
    canonical_link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    paragraphs = "".join(f"<p>{paragraph}</p>" for paragraph in body.split("\n\n"))
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title}</title><meta property='og:site_name' content='{site}'>"
        f"<meta property='article:published_time' content='{published}'>"
        f"{canonical_link}</head><body><article><h1>{title}</h1>{paragraphs}</article>"
        "</body></html>"
    )


FLOOD_A = article(
    "Floods kill dozens",
    "Daily A",
    "At least 40 people were killed in the floods, police said on Saturday, as rescuers "
    "searched the river banks for the missing.\n\nThe regional government said more than "
    "3,000 homes had been damaged since the rain began on Wednesday, and that schools in the "
    "valley would stay closed for the rest of the week while engineers checked the bridges.",
    canonical="https://daily-a.example/floods",
    published="2024-03-01",  # a day before Daily B's lower toll: a conflict
)
FLOOD_B = article(
    "Flood toll rises",
    "Daily B",
    "Three people were killed in the floods, police said on Saturday, adding that the number "
    "could still rise as roads reopened.\n\nAbout 2,900 homes were damaged, the regional "
    "government said, and more than 1,200 people spent the night in sports halls and schools "
    "across the valley after the river burst its banks.",
)
EMPTY_PAGE = (
    "<!DOCTYPE html><html><head><title>Home</title></head><body><nav>Home</nav></body></html>"
)
BINARY = bytes(range(256)) * 64


def rss(base: str) -> str:
    items = "".join(
        f"<item><title>{path}</title><link>{base}{path}</link></item>"
        for path in ("/news/a.html", "/news/b.html", "/news/missing.html")
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Local news</title><link>{base}/</link>{items}</channel></rss>"
    )


def atom(base: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f'<title>Local</title><link href="{base}/atom.xml" rel="self"/>'
        '<entry><title>a</title><link href="/news/a.html"/></entry>'
        f'<entry><title>b</title><link href="{base}/news/b.html"/></entry></feed>'
    )


def sitemap(base: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}/news/a.html</loc></url><url><loc>{base}/news/b.html</loc></url>"
        "</urlset>"
    )


def sitemap_index(base: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap.xml</loc></sitemap></sitemapindex>"
    )


class LocalSite:
    """The server, its base URL and how often each path was asked for."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self.stopping = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self) -> LocalSite:
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *_: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = self.path.split("?")[0]
                site.hits[path] += 1
                site.user_agents.append(self.headers.get("User-Agent", ""))
                try:
                    self._route(path)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading: as it should for the big page

            def _send(self, body: bytes, content_type: str, status: int = 200) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _route(self, path: str) -> None:
                html = "text/html; charset=utf-8"
                pages = {
                    "/news/a.html": FLOOD_A,
                    "/news/b.html": FLOOD_B,
                    "/news/courier.html": NEWS_PAGE,
                    "/news/empty.html": EMPTY_PAGE,
                }
                feeds = {
                    "/feed.xml": ("application/rss+xml", rss(site.base)),
                    "/atom.xml": ("application/atom+xml", atom(site.base)),
                    "/sitemap.xml": ("application/xml", sitemap(site.base)),
                    "/sitemap-index.xml": ("application/xml", sitemap_index(site.base)),
                }
                if path in pages:
                    self._send(pages[path].encode("utf-8"), html)
                elif path in feeds:
                    content_type, text = feeds[path]
                    self._send(text.encode("utf-8"), content_type)
                elif path == "/news/latin1.html":
                    page = article("Caf\u00e9", "Le Monde Local", "Le caf\u00e9 a vendu 300 "
                                   "croissants.\n\nIt sold 300 croissants on Monday, the owner "
                                   "said, more than twice the 140 it sold on an ordinary day.")
                    self._send(page.encode("latin-1"), "text/html; charset=iso-8859-1")
                elif path == "/redirect":
                    self._redirect("/news/a.html")
                elif path == "/loop":
                    self._redirect("/loop")
                elif path == "/slow":
                    site.stopping.wait(SLOW_SECONDS)
                    self._send(FLOOD_A.encode("utf-8"), html)
                elif path == "/drip":
                    self._drip()
                elif path == "/big":
                    self._big(declare=False)
                elif path == "/big-declared":
                    self._big(declare=True)
                elif path == "/binary.html":
                    self._send(BINARY, "application/octet-stream")
                elif path == "/photo.jpg":
                    self._send(BINARY, "image/jpeg")
                else:
                    self._send(b"<html><body>Not found</body></html>", html, status=404)

            def _redirect(self, target: str) -> None:
                self.send_response(302)
                self.send_header("Location", target)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def _drip(self) -> None:
                # A byte every 50 ms: each read is quick, the whole never ends in time.
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                self.wfile.write(b"<html><body><p>")
                self.wfile.flush()
                for _ in range(int(SLOW_SECONDS / 0.05)):
                    if site.stopping.wait(0.05):
                        return
                    self.wfile.write(b"x")
                    self.wfile.flush()

            def _big(self, *, declare: bool) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                if declare:
                    self.send_header("Content-Length", str(BIG_BYTES))
                self.end_headers()
                chunk = b"<p>" + b"filler " * 9000 + b"</p>\n"
                self.wfile.write(b"<!DOCTYPE html><html><body>")
                sent = 0
                while sent < BIG_BYTES and not site.stopping.is_set():
                    self.wfile.write(chunk)
                    sent += len(chunk)

        return Handler
