"""Reading the web: pages, feeds and sitemaps fetched from a site on 127.0.0.1, and the cache.

Every request goes to the loopback site of ``local_site.py``; nothing reaches the internet (the
DNS failure is stood in for by an httpx transport).
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import httpx
import pytest

from local_site import LocalSite
from numclaims.read import (
    Fetcher,
    FetchSettings,
    Record,
    feed_links,
    is_url,
    read_paths,
    read_record,
    read_upload,
    read_urls,
)
from numclaims.read.web import default_cache_dir


@pytest.fixture
def fetcher(tmp_path: Path) -> Fetcher:
    """Short timeouts, a cache of this test's own."""
    with Fetcher(FetchSettings(timeout=0.5, cache_dir=tmp_path / "cache")) as fetcher:
        yield fetcher


def problems_of(corpus: object) -> dict[str, str]:
    return {p.source: p.problem for p in corpus.problems}  # type: ignore[attr-defined]


def test_a_page_is_read_like_an_html_file_and_keeps_its_canonical_url(
    site: LocalSite, fetcher: Fetcher
) -> None:
    url = site.url("/news/a.html")
    corpus = read_paths([url], fetcher=fetcher)
    assert corpus.problems == []
    (page,) = corpus.documents
    assert page.doc_id == url and page.source == url
    assert page.url == "https://daily-a.example/floods"  # the page's canonical address
    assert page.outlet == "Daily A"  # og:site_name
    assert page.title == "Floods kill dozens"
    assert page.published is not None and page.published.iso() == "2024-03-01"
    assert "At least 40 people were killed" in page.body_text()


def test_a_page_without_canonical_url_keeps_the_address_it_came_from(
    site: LocalSite, fetcher: Fetcher
) -> None:
    (page,) = read_paths([site.url("/redirect")], fetcher=fetcher).documents
    assert page.doc_id == site.url("/redirect")
    assert page.url == "https://daily-a.example/floods"
    (other,) = read_paths([site.url("/news/b.html")], fetcher=fetcher).documents
    assert other.url == site.url("/news/b.html") and other.outlet == "Daily B"


def test_the_same_html_gives_the_same_document_from_a_file_and_from_the_web(
    site: LocalSite, fetcher: Fetcher
) -> None:
    (web,) = read_paths([site.url("/news/courier.html")], fetcher=fetcher).documents
    (local,) = read_paths([str(Path(__file__).parent / "data/documents/news-page.html")]).documents
    assert (web.text, web.body, web.title, web.outlet, web.url, web.published) == (
        local.text,
        local.body,
        local.title,
        local.outlet,
        local.url,
        local.published,
    )


def test_a_charset_from_the_header_decodes_the_page(site: LocalSite, fetcher: Fetcher) -> None:
    (page,) = read_paths([site.url("/news/latin1.html")], fetcher=fetcher).documents
    assert "Le café a vendu 300 croissants." in page.body_text()


def test_requests_say_who_is_asking(site: LocalSite, fetcher: Fetcher) -> None:
    fetcher.get(site.url("/news/b.html"))
    assert site.user_agents[-1].startswith("numclaims/")


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        ("/loop", "too many redirects (more than 5)"),
        ("/news/missing.html", "HTTP 404 Not Found"),
        ("/binary.html", "not an HTML page: the server says it is application/octet-stream"),
        ("/photo.jpg", "not an HTML page: the server says it is image/jpeg"),
        ("/news/empty.html", "no article text found in the HTML (only page furniture)"),
        ("/big-declared", "too big: 50,000,000 bytes (the limit is 5,000,000 bytes)"),
        ("/big", "too big: more than 5,000,000 bytes (the limit is 5,000,000 bytes)"),
        ("/slow", "timed out after 0.5 s"),
    ],
)
def test_each_failure_is_one_problem_naming_the_url_and_the_rest_is_read(
    site: LocalSite, fetcher: Fetcher, path: str, problem: str
) -> None:
    bad, good = site.url(path), site.url("/news/b.html")
    corpus = read_paths([bad, good], fetcher=fetcher)
    assert problems_of(corpus) == {bad: problem}
    assert [d.doc_id for d in corpus.documents] == [good]


def test_the_big_page_is_not_downloaded_past_the_cap(site: LocalSite, tmp_path: Path) -> None:
    settings = FetchSettings(timeout=2, max_bytes=1_000_000, cache_dir=tmp_path)
    with Fetcher(settings) as fetcher, pytest.raises(Exception, match="too big: more than 1,000"):
        fetcher.get(site.url("/big"))


def test_a_page_that_drips_in_is_stopped_at_the_deadline(site: LocalSite, tmp_path: Path) -> None:
    url = site.url("/drip")
    with Fetcher(FetchSettings(timeout=0.2, cache_dir=tmp_path)) as fetcher:
        corpus = read_paths([url], fetcher=fetcher)
    assert problems_of(corpus) == {url: "timed out: still downloading after 0.8 s"}


def test_a_refused_connection_is_named(fetcher: Fetcher) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/story"
    assert problems_of(read_paths([url], fetcher=fetcher)) == {url: "connection refused"}


def test_a_host_name_that_does_not_resolve_is_named(tmp_path: Path) -> None:
    def no_such_host(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    settings = FetchSettings(cache_dir=tmp_path)
    with Fetcher(settings, transport=httpx.MockTransport(no_such_host)) as fetcher:
        corpus = read_paths(["https://no-such-outlet.example/a"], fetcher=fetcher)
    assert problems_of(corpus) == {
        "https://no-such-outlet.example/a": "host name 'no-such-outlet.example' not found (DNS)"
    }


def test_a_url_with_a_newline_cannot_forge_a_second_error_line(fetcher: Fetcher) -> None:
    corpus = read_urls(["http://127.0.0.1:1/a\nError: forged"], fetcher=fetcher)
    assert len(corpus.problems) == 1
    assert "\n" not in str(corpus.problems[0])


# --------------------------------------------------------------------------------------------
# The cache


def test_a_rerun_fetches_nothing_twice_and_refresh_fetches_again(
    site: LocalSite, tmp_path: Path
) -> None:
    url = site.url("/news/a.html")
    cache = tmp_path / "cache"
    before = site.hits["/news/a.html"]
    for _ in range(2):
        with Fetcher(FetchSettings(cache_dir=cache)) as fetcher:
            first = read_paths([url], fetcher=fetcher).documents
    assert site.hits["/news/a.html"] == before + 1
    assert len(list(cache.glob("*.body"))) == 1
    with Fetcher(FetchSettings(cache_dir=cache, refresh=True)) as fetcher:
        again = read_paths([url], fetcher=fetcher).documents
        assert fetcher.fetched == 1
    assert site.hits["/news/a.html"] == before + 2
    assert again == first


def test_failures_are_not_cached(site: LocalSite, tmp_path: Path) -> None:
    url = site.url("/news/missing.html")
    for _ in range(2):
        with Fetcher(FetchSettings(cache_dir=tmp_path)) as fetcher:
            read_paths([url], fetcher=fetcher)
    assert site.hits["/news/missing.html"] >= 2
    assert list(tmp_path.glob("*.body")) == []


def test_a_damaged_cache_entry_is_fetched_again(site: LocalSite, tmp_path: Path) -> None:
    url = site.url("/news/b.html")
    with Fetcher(FetchSettings(cache_dir=tmp_path)) as fetcher:
        fetcher.get(url)
    (body,) = tmp_path.glob("*.body")
    body.write_bytes(b"cut off")
    with Fetcher(FetchSettings(cache_dir=tmp_path)) as fetcher:
        page = fetcher.get(url)
        assert fetcher.fetched == 1 and not page.from_cache


def test_the_cache_folder_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NUMCLAIMS_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("NUMCLAIMS_CACHE_DIR")
    assert default_cache_dir().name == "pages" and "numclaims" in str(default_cache_dir())


# --------------------------------------------------------------------------------------------
# Feeds, sitemaps, URL lists and corpus records with only a url


@pytest.mark.parametrize("path", ["/feed.xml", "/atom.xml", "/sitemap.xml", "/sitemap-index.xml"])
def test_a_feed_or_sitemap_gives_its_article_links(
    site: LocalSite, fetcher: Fetcher, path: str
) -> None:
    links = feed_links(site.url(path), fetcher)
    expected = [site.url("/news/a.html"), site.url("/news/b.html")]
    if path == "/feed.xml":
        expected.append(site.url("/news/missing.html"))
    assert links == expected


def test_reading_a_feed_reads_its_articles_and_names_the_one_that_failed(
    site: LocalSite, fetcher: Fetcher
) -> None:
    corpus = read_paths([], feeds=[site.url("/feed.xml")], fetcher=fetcher)
    assert [d.outlet for d in corpus.documents] == ["Daily A", "Daily B"]
    assert problems_of(corpus) == {site.url("/news/missing.html"): "HTTP 404 Not Found"}


def test_a_page_that_is_not_a_feed_is_one_problem(site: LocalSite, fetcher: Fetcher) -> None:
    corpus = read_paths([], feeds=[site.url("/news/a.html")], fetcher=fetcher)
    assert problems_of(corpus) == {
        site.url("/news/a.html"): "not a feed or sitemap: the server says it is text/html"
    }


def test_a_file_of_urls(site: LocalSite, fetcher: Fetcher, tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"# today's links\n{site.url('/news/a.html')}\n\nnot a url\n{site.url('/news/b.html')}\n",
        encoding="utf-8",
    )
    corpus = read_paths([], url_lists=[str(listing)], fetcher=fetcher)
    expected = [site.url("/news/a.html"), site.url("/news/b.html")]
    assert [d.doc_id for d in corpus.documents] == expected
    assert problems_of(corpus) == {f"{listing}:4": "not an http:// or https:// address"}


def test_corpus_records_with_only_a_url_are_fetched(
    site: LocalSite, fetcher: Fetcher, tmp_path: Path
) -> None:
    corpus_file = tmp_path / "links.jsonl"
    corpus_file.write_text(
        json.dumps({"id": "a", "url": site.url("/news/a.html"), "outlet": "Wire"})
        + "\n"
        + json.dumps({"url": site.url("/news/b.html")})
        + "\n",
        encoding="utf-8",
    )
    csv_file = tmp_path / "links.csv"
    csv_file.write_text(f"url,published\n{site.url('/news/b.html')},2024-03-03\n", encoding="utf-8")
    corpus = read_paths([str(corpus_file), str(csv_file)], fetcher=fetcher)
    assert corpus.problems == []
    by_id = {d.doc_id: d for d in corpus.documents}
    assert by_id["a"].outlet == "Wire"  # the record's own outlet wins over og:site_name
    assert by_id["a"].url == "https://daily-a.example/floods"
    b = [d for d in corpus.documents if d.doc_id == site.url("/news/b.html")]
    assert [d.published.iso() for d in b if d.published] == ["2024-03-02", "2024-03-03"]


def test_an_upload_of_links_is_fetched(site: LocalSite, fetcher: Fetcher) -> None:
    data = f"url\n{site.url('/news/a.html')}\n".encode()
    corpus = read_upload("links.csv", data, fetcher=fetcher, published="2024-03-05")
    (page,) = corpus.documents
    assert page.published is not None and page.published.iso() == "2024-03-05"


def test_read_urls_never_reads_a_local_file(fetcher: Fetcher) -> None:
    here = str(Path(__file__))
    corpus = read_urls([here, "  "], fetcher=fetcher)
    assert corpus.documents == []
    assert problems_of(corpus) == {here: "not an http:// or https:// address"}


def test_read_urls_applies_the_outlet_and_date_given(site: LocalSite, fetcher: Fetcher) -> None:
    corpus = read_urls([site.url("/news/b.html")], fetcher=fetcher, outlet="B", published="2024-03")
    (page,) = corpus.documents
    assert page.outlet == "B" and page.published is not None and page.published.iso() == "2024-03"


def test_a_record_is_read_the_same_by_read_record(site: LocalSite, fetcher: Fetcher) -> None:
    record = Record("x.jsonl:1", {"id": "x", "url": site.url("/news/b.html")})
    assert read_record(record, fetcher=fetcher).outlet == "Daily B"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://a.example/x", True),
        ("HTTP://a.example", True),
        ("http://", False),
        ("ftp://a.example/x", False),
        ("seeds/", False),
        ("-", False),
    ],
)
def test_is_url(text: str, expected: bool) -> None:
    assert is_url(text) is expected
