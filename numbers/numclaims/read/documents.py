"""Reading articles: text files, HTML pages, corpora, uploads and pasted text become Documents.

Every input ends as a :class:`~numclaims.models.Document`. Its ``text`` is what was read (the
decoded file, the corpus record's text, or the text trafilatura extracted from HTML) and its
``body`` lists the character ranges of that text that are article prose, one range per
non-blank line (a paragraph), surrounding whitespace left out. Outside the body:

- page furniture: a line matching a pattern of ``data/en/furniture.toml`` (reading times, share
  and comment prompts, newsletter blurbs, picture credits, section labels, bylines …);
- everything after an end-of-article marker ("Read more", "Comments", an author box) that follows
  at least :data:`MIN_PROSE_BEFORE_END` characters of prose, so a "Read more" link at the top
  does not swallow the article;
- a run of short label lines (at most :data:`MAX_LABEL_WORDS` words, no closing punctuation) at
  the very end, after the prose: the name of a newsletter, a last link;
- the page's timestamp line: a short line that is a date plus furniture words and at most three
  other words (an author's name), e.g. "20 Nov, 2022 07:28 / Updated 2 years ago";
- a paragraph whose whitespace-normalised text repeats an earlier line, so a page that prints its
  body twice, or repeats its headline, yields each claim once.

Publication date: what the caller supplies wins. Otherwise the first timestamp line among the
first :data:`TOP_LINES` lines gives it (``inferred=True``, ``text`` the date as written). A
timestamp without a year ("7 February, 06:46 PM") gives ``year_missing=True``: month and day are
kept at precision ``"day"`` in the placeholder year :data:`PLACEHOLDER_YEAR` (year 4, so any
29 February fits and no reader can take it for a real year); the year is never guessed.

Batch readers (:func:`read_paths`, :func:`read_upload`) never raise for one bad input: each
failure becomes a :class:`~numclaims.models.ReadProblem` in the returned
:class:`~numclaims.models.Corpus` and the other inputs are still read. Nothing here prints.
"""

from __future__ import annotations

import codecs
import collections
import csv
import dataclasses
import datetime as dt
import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any, BinaryIO, TextIO

from .. import lexicon
from ..errors import InputError, LexiconError
from ..models import Corpus, Document, Precision, PublicationDate, ReadProblem
from .feeds import feed_links
from .web import Fetcher, is_url

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "CORPUS_KINDS",
    "SUFFIXES",
    "UPLOAD_LIMIT_BYTES",
    "Input",
    "Record",
    "iter_inputs",
    "make_document",
    "parse_published",
    "read_meta",
    "read_paths",
    "read_record",
    "read_upload",
    "read_urls",
]

#: File types read, by suffix.
SUFFIXES: Mapping[str, str] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".parquet": "parquet",
}
#: The kinds of file that hold many articles, one a record, streamed record by record.
CORPUS_KINDS = frozenset({"jsonl", "csv", "parquet"})
#: The largest upload read, in bytes: a news article, even as a full HTML page, is far smaller.
UPLOAD_LIMIT_BYTES = 5_000_000
#: In a directory, the sidecar CSV whose rows describe the directory's files.
META_FILE = "articles.csv"
#: Characters of prose an end-of-article marker must follow to cut the rest (about two
#: paragraphs), so a "Read more" link or a comment count near the top does not end the article.
MIN_PROSE_BEFORE_END = 400
#: A trailing line of at most this many words, without closing punctuation, is a label.
MAX_LABEL_WORDS = 6
#: A first line longer than this is prose (a caption, a lead), not a headline: no title then.
MAX_TITLE_CHARS = 200
#: Timestamp lines are looked for among this many non-blank lines at the top.
TOP_LINES = 10
#: Lines longer than this are never furniture: patterns are not even tried (speed).
MAX_FURNITURE_CHARS = 400
#: Lines longer than this are never the page's timestamp.
MAX_TIMESTAMP_CHARS = 120
#: Other words a timestamp line may hold besides the date and furniture words (an author's name).
MAX_TIMESTAMP_OTHER_WORDS = 3
#: The year of a date whose year nobody knows (``year_missing=True``): a leap year, so any
#: 29 February fits, and far from any year an article was published in.
PLACEHOLDER_YEAR = 4

_FURNITURE_FILE = f"data/{lexicon.LANGUAGE}/furniture.toml"
_FURNITURE_SCHEMA: Mapping[str, type | tuple[type, ...]] = {
    "pattern": str,
    "examples": list,
    "keeps": list,
}
_DATE_PARSER_SETTINGS = {"PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
# Only the page's own metadata: an extensive search would guess dates from links and prose.
_HTML_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_FIELDS = ("outlet", "url", "published", "title")
_LINE = re.compile(r"[^\n\r\v\f\x1c-\x1e\x85\u2028\u2029]+")
_SENTENCE_END = re.compile(r"[.!?…\"”’»)\]]$")
_TIMESTAMP_PARTS = re.compile(r"[|/·•–—,()\[\]]")
_YEAR_GROUPS = ("y1", "y2", "y3", "y4", "y5")
_ISO_DATE = re.compile(
    r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"
    r"(?:Z|[+-]\d{2}:?\d{2})?)?)?)?"
)
_HTML_START = re.compile(rb"\s*<(?:!doctype\s+html|html|head|body|article|!--)", re.IGNORECASE)
#: The longest field of a CSV corpus read, in characters: a whole HTML page is far smaller (csv's
#: own default, 128 KiB, is not).
CSV_FIELD_LIMIT = 50_000_000
#: Broken rows of one CSV corpus read past; after that many the file is given up on.
MAX_CSV_RESTARTS = 20
# The head of a corpus file checked for binary content before it is streamed.
_SNIFF_BYTES = 64 * 1024
_PARQUET_BATCH_ROWS = 256
# Byte-order marks and the encodings they declare; UTF-32's before UTF-16's, which they start
# with.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# --------------------------------------------------------------------------------------------
# Public API


def make_document(
    text: str,
    *,
    doc_id: str = "text",
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: PublicationDate | dt.date | str | None = None,
    source: str | None = None,
) -> Document:
    """A :class:`Document` of raw article text, its body and (unless given) date worked out.

    ``published`` is a :class:`PublicationDate`, a date, or a string (see
    :func:`parse_published`); when it is None the date comes from the text's own timestamp line.
    ``title``, when None, is the first line of the body (it stays in the body: a headline can
    hold a claim). Empty text or an unreadable ``published`` raise :class:`InputError`.
    """
    text, doc_id = _without_surrogates(text), _without_surrogates(doc_id)
    title, url, outlet = (
        _without_surrogates(value) if value is not None else None for value in (title, url, outlet)
    )
    where = source or doc_id
    if not text.strip():
        raise InputError(where, "empty: no text to read")
    date = parse_published(published, source=where)
    body, first_line, stamps = _layout(text)
    if date is None:
        date = _date_from_stamps(stamps)
    return Document(
        doc_id=doc_id,
        text=text,
        body=body,
        title=_known(title) or first_line,
        url=_known(url),
        outlet=_known(outlet),
        published=date,
        source=source,
    )


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (JSON's ``"\\ud83d"`` half of an emoji) replaced by
    U+FFFD, the replacement character: it is no character, cannot be written as UTF-8 and would
    stop the tokenizer. One character for one, so offsets into the text still hold."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def parse_published(
    value: PublicationDate | dt.date | str | None, *, source: str
) -> PublicationDate | None:
    """The publication date ``value`` stands for, or None when it is None or blank.

    Strings: ``"2023-02-07"`` (day), ``"2023-02"`` (month), ``"2023"`` (year), an ISO timestamp,
    or a written date such as ``"Feb 7, 2023"``, ``"7 February 2023"`` or ``"February 2023"``
    (read with dateparser). A written date without a year ("7 February") gives
    ``year_missing=True`` and the placeholder year. Anything else raises
    ``InputError(source, ...)``.
    """
    if value is None or isinstance(value, PublicationDate):
        return value
    if isinstance(value, dt.datetime):
        return PublicationDate(value.date())
    if isinstance(value, dt.date):
        return PublicationDate(value)
    if not isinstance(value, str):
        raise InputError(source, f"cannot read {value!r} as a publication date")
    text = value.strip()
    if not text:
        return None
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        return _iso_date(iso, source=source)
    match = _patterns().date.search(text)
    written = _written_date(text, match) if match else None
    if written is None:
        raise InputError(
            source,
            f"cannot read {text!r} as a publication date (write it as 2023-02-07, 2023-02 or 2023)",
        )
    return dataclasses.replace(written, inferred=False)


def read_paths(
    paths: Sequence[str],
    *,
    meta: str | None = None,
    stdin: TextIO | None = None,
    url_lists: Sequence[str] = (),
    feeds: Sequence[str] = (),
    fetcher: Fetcher | None = None,
    outlet: str | None = None,
    published: PublicationDate | dt.date | str | None = None,
) -> Corpus:
    """Read every file, directory, corpus, web address and ``-`` (standard input) in ``paths``.

    A directory gives its .txt, .html, .htm, .jsonl, .csv and .parquet files, sorted by name;
    an ``articles.csv`` in it is not read as a corpus but as metadata for those files. ``meta``
    is a sidecar CSV (columns ``file, outlet, url, published, title``; ``file`` is a name or a
    path relative to the CSV) whose values win over what is inferred and over a directory's
    ``articles.csv``. A file's ``doc_id`` is its path as given (a directory's files: the
    directory joined with the name); a corpus line's is its ``id`` or ``file:line``; a web
    page's is its address as given (its ``url`` the page's canonical address).

    ``url_lists`` are files of web addresses, one a line; ``feeds`` are RSS/Atom/JSON feeds or
    sitemaps whose articles are read. Pages are fetched through ``fetcher`` (default: a
    :class:`~numclaims.read.web.Fetcher` with its cache). ``outlet`` and ``published`` describe
    the article on standard input.
    """
    corpus = Corpus()
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for item in iter_inputs(
            paths,
            meta=meta,
            stdin=stdin,
            url_lists=url_lists,
            feeds=feeds,
            fetcher=fetcher,
            outlet=outlet,
            published=published,
        ):
            _collect(corpus, item, fetcher)
    finally:
        if own:
            fetcher.close()
    _distinct_ids(corpus)
    return corpus


_RECORD_SOURCE = re.compile(r"(?P<file>.+):(?P<line>\d+)")


def _distinct_ids(corpus: Corpus) -> None:
    """Give articles that share an id distinct ones, so they never merge into one.

    Two corpus files that both number their records "1": each becomes "file:1", its file's
    name before its own id. Two records of one file with the same id: each takes its place
    in the file, "file:line" (as a record without an id does), and the clash is reported.
    Every document of a clash is renamed, so the ids do not depend on the order of the inputs.
    A web address is left as it is: two lists that name one page name one article.
    """
    by_id: dict[str, list[int]] = {}
    for index, document in enumerate(corpus.documents):
        by_id.setdefault(document.doc_id, []).append(index)
    for doc_id, indexes in by_id.items():
        if len(indexes) < 2 or is_url(doc_id):
            continue  # the same web address is the same page, whichever list names it
        files = [_file_of(corpus.documents[i]) for i in indexes]
        for index, file in zip(indexes, files, strict=True):
            document = corpus.documents[index]
            if files.count(file) > 1:
                new_id = document.source or f"{file}:{doc_id}"
                corpus.problems.append(ReadProblem(
                    new_id, f"another record of {file} has the id {doc_id!r}: read as {new_id!r}"
                ))
            else:
                new_id = f"{file}:{doc_id}"
            corpus.documents[index] = dataclasses.replace(document, doc_id=new_id)


def _file_of(document: Document) -> str:
    """The file a document was read from: its source, less the line of a corpus record."""
    source = document.source or document.doc_id
    record = _RECORD_SOURCE.fullmatch(source)
    return record.group("file") if record and source != document.doc_id else source


def read_upload(
    name: str,
    data: bytes,
    *,
    max_bytes: int = UPLOAD_LIMIT_BYTES,
    outlet: str | None = None,
    published: PublicationDate | dt.date | str | None = None,
    fetcher: Fetcher | None = None,
) -> Corpus:
    """Read bytes uploaded as file ``name`` (its extension says how), as :func:`read_paths` would.

    ``outlet`` and ``published`` win over what a single article's page says; in a corpus
    (.jsonl, .csv, .parquet) they fill in records that lack them. Records with only a ``url``
    are fetched through ``fetcher``.
    """
    corpus = Corpus()
    if len(data) > max_bytes:
        corpus.problems.append(
            ReadProblem(name, f"too large: {len(data):,} bytes (the limit is {max_bytes:,} bytes)")
        )
        return corpus
    suffix = PurePath(name).suffix
    kind = SUFFIXES.get(suffix.lower())
    if kind is None:
        corpus.problems.append(ReadProblem(name, _unknown_kind(suffix)))
        return corpus
    try:
        date = parse_published(published, source=name)
    except InputError as exc:
        _problem(corpus, exc)
        date = None
    supplied = _Supplied(_known(outlet), date=date)
    if kind not in CORPUS_KINDS:
        _collect(corpus, _document_item(data, name=name, kind=kind, supplied=supplied))
        return corpus
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for item in _corpus_items(io.BytesIO(data), name=name, kind=kind, supplied=supplied):
            _collect(corpus, item, fetcher)
    finally:
        if own:
            fetcher.close()
    return corpus


def read_meta(path: str | os.PathLike[str]) -> dict[str, dict[str, str]]:
    """The rows of a sidecar metadata CSV, by its ``file`` column.

    Each row maps the known columns (outlet, url, published, title) that are not blank to their
    stripped values; other columns (notes) are ignored. Raises :class:`InputError` for a file
    that cannot be read, lacks a ``file`` column, or names a file twice.
    """
    source = str(path)
    reader = _csv_reader(_decode(_read_bytes(Path(path), source), source))
    if "file" not in (reader.fieldnames or ()):
        raise InputError(
            source,
            "a metadata CSV needs a 'file' column (and any of outlet, url, published, title)",
        )
    rows: dict[str, dict[str, str]] = {}
    for row in reader:
        file = (row.get("file") or "").strip()
        values = {key: value.strip() for key in _FIELDS if (value := row.get(key) or "").strip()}
        if not file:
            if values:
                raise InputError(f"{source}:{reader.line_num}", "a row without a file name")
            continue
        if file in rows:
            raise InputError(f"{source}:{reader.line_num}", f"names {file!r} a second time")
        rows[file] = values
    return rows


# --------------------------------------------------------------------------------------------
# Body: furniture, timestamps and repeats left out


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    text: str  # whitespace-normalised, for matching and comparing


def _layout(text: str) -> tuple[tuple[tuple[int, int], ...], str | None, list[str]]:
    """The body ranges, the title (the body's first line) and the timestamps near the top."""
    patterns = _patterns()
    seen: set[str] = set()
    kept: list[_Line] = []
    stamps: list[str] = []
    prose = 0
    for index, line in enumerate(_lines(text)):
        if line.text in seen:
            continue
        seen.add(line.text)
        if len(line.text) <= MAX_FURNITURE_CHARS:
            if patterns.end.fullmatch(line.text):
                if prose >= MIN_PROSE_BEFORE_END:
                    break
                continue
            if patterns.furniture.fullmatch(line.text):
                continue
        stamp = _timestamp(line.text, patterns)
        if stamp is not None:
            if index < TOP_LINES:
                stamps.append(stamp)
            continue
        kept.append(line)
        prose += line.end - line.start
    _drop_trailing_labels(kept, prose)
    title = kept[0].text if kept and len(kept[0].text) <= MAX_TITLE_CHARS else None
    return tuple((line.start, line.end) for line in kept), title, stamps


def _lines(text: str) -> Iterable[_Line]:
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            start = match.start() + len(raw) - len(raw.lstrip())
            yield _Line(start, start + len(stripped), " ".join(stripped.split()))


def _drop_trailing_labels(kept: list[_Line], prose: int) -> None:
    """Remove the short label lines that end the page after its prose ("Ukraine Today").

    A line that states a number is never taken for a label: a fact box or a bullet list ending
    an article ("The toll so far:", "- 1,200 soldiers killed") is made of such lines, and its
    figures are claims. Furniture with numbers in it is known by what it says (furniture.toml).
    """
    while kept:
        last = kept[-1]
        is_label = len(last.text.split()) <= MAX_LABEL_WORDS and \
            not _SENTENCE_END.search(last.text) and not _states_a_number(last.text)
        prose -= last.end - last.start
        if not is_label or prose < MIN_PROSE_BEFORE_END:
            return
        kept.pop()


def _states_a_number(line: str) -> bool:
    """Whether a line holds digits or a number word ("1,200", "three", "a dozen")."""
    return any(c.isdigit() for c in line) or not _number_words().isdisjoint(
        re.findall(r"[^\W\d_]+", line.lower())
    )


@cache
def _number_words() -> frozenset[str]:
    numbers = lexicon.read("numbers")
    return frozenset(
        form.lower()
        for table in ("units", "teens", "tens", "multipliers", "scales")
        for name, entry in numbers[table].items()
        for form in entry.get("forms", [name])
    )


def _timestamp(line: str, patterns: _Patterns) -> str | None:
    """The date as written if ``line`` is a timestamp line, else None.

    A timestamp line holds a date, and besides it only times, separators, furniture, timestamp
    words and at most :data:`MAX_TIMESTAMP_OTHER_WORDS` other words.
    """
    if len(line) > MAX_TIMESTAMP_CHARS:
        return None
    match = patterns.stamp.search(line)
    if match is None:
        return None
    rest = patterns.time.sub(" ", f"{line[: match.start()]} {line[match.end() :]}")
    others = 0
    for part in _TIMESTAMP_PARTS.split(rest):
        part = part.strip(" .:;-")
        if not part or patterns.furniture.fullmatch(part):
            continue
        others += sum(
            1 for word in part.split() if word.strip(".,:;").lower() not in patterns.stamp_words
        )
        if others > MAX_TIMESTAMP_OTHER_WORDS:
            return None
    return match.group().rstrip(" ,")


# --------------------------------------------------------------------------------------------
# Publication dates


def _date_from_stamps(stamps: Iterable[str]) -> PublicationDate | None:
    patterns = _patterns()
    for stamp in stamps:
        match = patterns.date.search(stamp)
        written = _written_date(stamp, match) if match else None
        if written is not None:
            return written
    return None


def _written_date(text: str, match: re.Match[str]) -> PublicationDate | None:
    """``text`` read by dateparser (``match`` is its date part), marked as inferred."""
    parser = _date_parser()
    data = parser.get_date_data(text)
    if data.date_obj is None and match.group() != text:
        data = parser.get_date_data(match.group())
    if data.date_obj is None:
        return None
    precision: Precision = "day"
    day = data.date_obj.date()
    if data.period == "year":
        precision, day = "year", day.replace(month=1, day=1)
    elif data.period == "month":
        precision, day = "month", day.replace(day=1)
    year_missing = not any(match.group(name) for name in _YEAR_GROUPS)
    if year_missing:
        day = day.replace(year=PLACEHOLDER_YEAR)
    return PublicationDate(day, precision, inferred=True, year_missing=year_missing, text=text)


def _iso_date(match: re.Match[str], *, source: str) -> PublicationDate:
    year, month, day = match.groups()
    try:
        if day:
            return PublicationDate(dt.date(int(year), int(month), int(day)), "day")
        if month:
            return PublicationDate(dt.date(int(year), int(month), 1), "month")
        return PublicationDate(dt.date(int(year), 1, 1), "year")
    except ValueError as exc:
        raise InputError(source, f"{match.group()!r} is not a valid date: {exc}") from None


@cache
def _date_parser() -> DateDataParser:
    # Imported here: dateparser is only needed when a date must be read from words.
    from dateparser.date import DateDataParser

    return DateDataParser(languages=["en"], settings=_DATE_PARSER_SETTINGS)


# --------------------------------------------------------------------------------------------
# Language data: furniture patterns, date shapes


@dataclass(frozen=True)
class _Patterns:
    furniture: re.Pattern[str]  # every line and end pattern: the line is furniture
    end: re.Pattern[str]  # end-of-article markers
    date: re.Pattern[str]  # a date with a month name or in digits; year in groups y1..y5
    stamp: re.Pattern[str]  # a date and the time attached to it
    time: re.Pattern[str]
    stamp_words: frozenset[str]


@cache
def _patterns() -> _Patterns:
    lines = _furniture_patterns("line")
    ends = _furniture_patterns("end")
    every = [*lines.values(), *ends.values()]
    repeated = sorted({pattern for pattern in every if every.count(pattern) > 1})
    if repeated:
        raise LexiconError(_FURNITURE_FILE, f"pattern listed twice: {repeated[0]!r}")
    furniture = _alternation(every)
    _check_keeps(furniture)
    month = _forms_pattern("months")
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    year = r"(?:1[89]|20)\d{2}"
    date = (
        rf"\b{day}(?:\s+of)?\s+{month},?(?:\s+(?P<y1>{year})\b)?"
        rf"|\b{month}\s+{day}\b,?(?:\s+(?P<y2>{year})\b)?"
        rf"|\b{month},?\s+(?P<y3>{year})\b"
        rf"|\b(?P<y4>{year})[-/.]\d{{1,2}}[-/.]\d{{1,2}}\b(?:T\d{{2}}:\d{{2}}(?::\d{{2}})?)?"
        rf"|\b\d{{1,2}}[/.]\d{{1,2}}[/.](?P<y5>{year})\b"
    )
    time = r"\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?(?![a-z])"
    weekdays = {form.rstrip(".") for form in _forms("weekdays")}
    stamp_words = {word.rstrip(".") for word in lexicon.words("furniture", "timestamp_words")}
    return _Patterns(
        furniture=furniture,
        end=_alternation(list(ends.values())),
        date=re.compile(date, re.IGNORECASE),
        stamp=re.compile(rf"(?:{date})(?:,?\s*(?:at\s+|[-–|]\s*)?(?:{time}))?", re.IGNORECASE),
        time=re.compile(time, re.IGNORECASE),
        stamp_words=frozenset(stamp_words | weekdays | {"a.m", "p.m"}),
    )


def _furniture_patterns(kind: str) -> dict[str, str]:
    """The patterns of ``[kind.*]`` in furniture.toml, each compiled and checked on its examples."""
    entries = lexicon.section(
        "furniture", kind, _FURNITURE_SCHEMA, required=("pattern", "examples")
    )
    patterns: dict[str, str] = {}
    for name, entry in entries.items():
        where = f"[{kind}.{name}]"
        try:
            regex = re.compile(entry["pattern"], re.IGNORECASE)
        except re.error as exc:
            raise LexiconError(
                _FURNITURE_FILE, f"{where} pattern does not compile: {exc}"
            ) from None
        for example in _strings(entry, "examples", where):
            if not regex.fullmatch(_normalise(example)):
                raise LexiconError(
                    _FURNITURE_FILE, f"{where} example {example!r} does not match its pattern"
                )
        _strings(entry, "keeps", where)
        patterns[name] = entry["pattern"]
    return patterns


def _check_keeps(furniture: re.Pattern[str]) -> None:
    for kind in ("line", "end"):
        for name, entry in lexicon.read("furniture")[kind].items():
            for keep in entry.get("keeps", ()):
                if furniture.fullmatch(_normalise(keep)):
                    raise LexiconError(
                        _FURNITURE_FILE,
                        f"[{kind}.{name}] keeps {keep!r}, but a furniture pattern matches it",
                    )


def _strings(entry: Mapping[str, Any], key: str, where: str) -> list[str]:
    values = entry.get(key, [])
    if not all(isinstance(value, str) for value in values):
        raise LexiconError(_FURNITURE_FILE, f"{where} {key} must be a list of strings")
    return list(values)


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def _forms(key: str) -> list[str]:
    entries = lexicon.section("time", key, {"number": int, "forms": list}, required=("forms",))
    return [form for entry in entries.values() for form in entry["forms"]]


def _forms_pattern(key: str) -> str:
    forms = sorted(_forms(key), key=len, reverse=True)
    return rf"(?:{'|'.join(re.escape(form) for form in forms)})(?![a-z])"


def _normalise(line: str) -> str:
    return " ".join(line.split())


# --------------------------------------------------------------------------------------------
# Reading inputs


@dataclass(frozen=True)
class _Supplied:
    """What a user told about an input (sidecar row, upload form); None means unknown."""

    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    date: PublicationDate | None = None


@dataclass(frozen=True)
class Record:
    """One article not yet read: a corpus record (JSONL line, CSV or Parquet row) or a URL.

    ``where`` names it in messages (``corpus.jsonl:3``, the URL); ``fields`` are the record's
    own (``id``, ``text`` or ``html`` or ``url``, ``outlet``, ``url``, ``published``,
    ``title``). :func:`read_record` turns it into a :class:`Document`, fetching a record that
    has only a ``url``; a batch run sends records to its workers to be read there.
    """

    where: str
    fields: Mapping[str, Any]
    supplied: _Supplied = _Supplied()


#: What :func:`iter_inputs` yields.
Input = Document | Record | ReadProblem


def iter_inputs(
    paths: Sequence[str],
    *,
    meta: str | None = None,
    stdin: TextIO | None = None,
    url_lists: Sequence[str] = (),
    feeds: Sequence[str] = (),
    fetcher: Fetcher | None = None,
    outlet: str | None = None,
    published: PublicationDate | dt.date | str | None = None,
) -> Iterator[Input]:
    """The inputs of :func:`read_paths`, one at a time, as read so far.

    Text and HTML files and standard input come as :class:`Document`s; corpus records and web
    addresses as :class:`Record`s (read them with :func:`read_record`), streamed from their
    files so a corpus of any size is never in memory whole; failures as
    :class:`ReadProblem`s. Arguments as for :func:`read_paths`.
    """
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        sidecars: list[_Sidecar] = []
        if meta is not None:
            try:
                sidecars.append(_Sidecar.load(Path(meta), match_names=True))
            except InputError as exc:
                yield _as_problem(exc)
        for given in paths:
            if given == "-":
                yield from _stdin_items(
                    stdin if stdin is not None else sys.stdin, outlet=outlet, published=published
                )
            elif is_url(given):
                yield _url_record(given)
            elif Path(given).is_dir():
                yield from _directory_items(given, sidecars)
            else:
                yield from _file_items(given, Path(given), sidecars)
        for listing in url_lists:
            yield from _url_list_items(listing)
        for feed in feeds:
            try:
                links = feed_links(feed, fetcher)
            except InputError as exc:
                yield _as_problem(exc)
                continue
            yield from (_url_record(link) for link in links)
    finally:
        if own:
            fetcher.close()


def read_record(record: Record, *, fetcher: Fetcher | None = None) -> Document:
    """The :class:`Document` of one :class:`Record`; raises :class:`InputError` naming it.

    A record with neither ``text`` nor ``html`` but a ``url`` is fetched (through ``fetcher``,
    else a default :class:`Fetcher`) and read as an HTML page.
    """
    if fetcher is None:
        with Fetcher() as own:
            return read_record(record, fetcher=own)
    return _record_document(
        record.fields, where=record.where, supplied=record.supplied, fetcher=fetcher
    )


def read_urls(
    urls: Iterable[str],
    *,
    fetcher: Fetcher | None = None,
    outlet: str | None = None,
    published: PublicationDate | dt.date | str | None = None,
) -> Corpus:
    """Fetch and read each web address in ``urls``; anything else is a problem, never a path.

    For clients where a typed line must not open a local file (the dashboard's URL box).
    ``outlet`` and ``published`` win over what the pages say.
    """
    corpus = Corpus()
    try:
        date = parse_published(published, source="published")
    except InputError as exc:
        _problem(corpus, exc)
        return corpus
    supplied = _Supplied(outlet=_known(outlet), date=date)
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    try:
        for url in urls:
            url = url.strip()
            if not url:
                continue
            if not is_url(url):
                corpus.problems.append(ReadProblem(url, "not an http:// or https:// address"))
                continue
            _collect(corpus, Record(url, {"id": url, "url": url}, supplied), fetcher)
    finally:
        if own:
            fetcher.close()
    return corpus


@dataclass(frozen=True)
class _Sidecar:
    """A metadata CSV, ready to look up the row for a file."""

    source: str
    by_path: Mapping[Path, Mapping[str, str]]
    by_name: Mapping[str, Mapping[str, str]]

    @classmethod
    def load(cls, path: Path, *, match_names: bool) -> _Sidecar:
        """``match_names``: a bare name in the ``file`` column also matches a file elsewhere."""
        rows = read_meta(path)
        base = path.parent
        return cls(
            source=str(path),
            by_path={(base / file).resolve(): values for file, values in rows.items()},
            by_name={
                file: values
                for file, values in rows.items()
                if match_names and PurePath(file).name == file
            },
        )

    def lookup(self, path: Path) -> Mapping[str, str]:
        return self.by_path.get(path.resolve()) or self.by_name.get(path.name) or {}


def _collect(corpus: Corpus, item: Input, fetcher: Fetcher | None = None) -> None:
    if isinstance(item, Record):
        try:
            corpus.documents.append(read_record(item, fetcher=fetcher))
        except InputError as exc:
            _problem(corpus, exc)
    elif isinstance(item, Document):
        corpus.documents.append(item)
    else:
        corpus.problems.append(item)


def _url_record(url: str) -> Record:
    return Record(url, {"id": url, "url": url})


def _file_items(doc_id: str, path: Path, sidecars: Sequence[_Sidecar]) -> Iterator[Input]:
    try:
        _check_exists(path, doc_id)
    except InputError as exc:
        yield _as_problem(exc)
        return
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        yield ReadProblem(doc_id, _unknown_kind(path.suffix))
        return
    supplied, problem = _supplied_by(sidecars, path, doc_id)
    if problem is not None:
        yield problem
    if kind in CORPUS_KINDS:
        try:
            handle = _open_regular(path, doc_id)
        except InputError as exc:
            yield _as_problem(exc)
            return
        with handle:
            yield from _corpus_items(handle, name=doc_id, kind=kind, supplied=supplied)
        return
    try:
        data = _read_bytes(path, doc_id)
    except InputError as exc:
        yield _as_problem(exc)
        return
    yield _document_item(data, name=doc_id, kind=kind, supplied=supplied)


def _directory_items(given: str, sidecars: Sequence[_Sidecar]) -> Iterator[Input]:
    directory = Path(given)
    layers = list(sidecars)
    if (directory / META_FILE).is_file():
        try:
            # The directory's own metadata first: an explicit --meta wins over it.
            layers.insert(0, _Sidecar.load(directory / META_FILE, match_names=False))
        except InputError as exc:
            yield _as_problem(exc)
    try:
        entries = sorted(directory.iterdir(), key=lambda entry: entry.name)
    except OSError as exc:
        yield ReadProblem(given, f"cannot list the directory: {exc.strerror}")
        return
    files = [
        entry
        for entry in entries
        if entry.suffix.lower() in SUFFIXES
        and entry.name != META_FILE
        and not entry.name.startswith(".")
        and entry.is_file()
    ]
    if not files:
        kinds = ", ".join(SUFFIXES)
        yield ReadProblem(given, f"no {kinds} files in this directory")
    for entry in files:
        yield from _file_items(os.path.join(given, entry.name), entry, layers)


def _stdin_items(
    stream: TextIO, *, outlet: str | None, published: PublicationDate | dt.date | str | None
) -> Iterator[Input]:
    buffer = getattr(stream, "buffer", None)
    try:
        data = buffer.read() if buffer is not None else stream.read().encode("utf-8")
    except (OSError, ValueError) as exc:
        yield ReadProblem("-", f"cannot read standard input: {exc}")
        return
    try:
        date = parse_published(published, source="-")
    except InputError as exc:
        yield _as_problem(exc)
        return
    kind = "html" if _HTML_START.match(data[:1024]) else "text"
    yield _document_item(data, name="-", kind=kind, supplied=_Supplied(_known(outlet), date=date))


def _url_list_items(listing: str) -> Iterator[Input]:
    """The addresses in a file of URLs, one a line; blank lines and ``#`` comments skipped."""
    try:
        text = _decode(_read_bytes(Path(listing), listing), listing)
    except InputError as exc:
        yield _as_problem(exc)
        return
    for number, line in enumerate(text.splitlines(), start=1):
        url = line.strip()
        if not url or url.startswith("#"):
            continue
        if is_url(url):
            yield _url_record(url)
        else:
            yield ReadProblem(f"{listing}:{number}", "not an http:// or https:// address")


def _document_item(data: bytes, *, name: str, kind: str, supplied: _Supplied) -> Input:
    """A text or HTML input read into a Document, or the problem that stopped it."""
    try:
        text = _decode(data, name)
        if kind == "text":
            return make_document(text, doc_id=name, source=name, **_as(supplied))
        return _html_document(text, doc_id=name, source=name, supplied=supplied)
    except InputError as exc:
        return _as_problem(exc)


def _corpus_items(
    handle: BinaryIO, *, name: str, kind: str, supplied: _Supplied
) -> Iterator[Input]:
    """The records of a corpus file, streamed from ``handle``; a bad line is a problem."""
    try:
        if kind == "parquet":
            yield from _parquet_records(handle, name=name, supplied=supplied)
            return
        stream = _text_stream(handle, name, newline="\n" if kind == "jsonl" else "")
    except InputError as exc:
        yield _as_problem(exc)
        return
    with stream:  # closing the text layer closes ``handle`` too, in order
        if kind == "csv":
            yield from _csv_records(stream, name=name, supplied=supplied)
        elif stream.encoding == "utf-8":
            # Line by line from the bytes, so one undecodable line costs that line alone.
            yield from _jsonl_records(_utf8_lines(stream.buffer), name=name, supplied=supplied)
        else:
            yield from _jsonl_records(_text_lines(stream), name=name, supplied=supplied)


def _utf8_lines(handle: BinaryIO) -> Iterator[str | UnicodeDecodeError]:
    for raw in handle:
        try:
            yield raw.decode("utf-8").removesuffix("\n")
        except UnicodeDecodeError as exc:
            yield exc


def _text_lines(stream: TextIO) -> Iterator[str | UnicodeDecodeError]:
    try:
        for line in stream:
            yield line.removesuffix("\n")
    except UnicodeDecodeError as exc:
        yield exc  # the decoder reads ahead: the rest of the file is lost


def _jsonl_records(
    lines: Iterable[str | UnicodeDecodeError], *, name: str, supplied: _Supplied
) -> Iterator[Input]:
    for number, line in enumerate(lines, start=1):
        where = f"{name}:{number}"
        if isinstance(line, UnicodeDecodeError):
            yield ReadProblem(where, _undecodable(line))
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadProblem(where, f"not valid JSON: {exc.msg} (column {exc.colno})")
            continue
        except RecursionError:
            yield ReadProblem(where, "not valid JSON: nested too deeply")
            continue
        if not isinstance(record, dict):
            yield ReadProblem(where, f"expected a JSON object, found {type(record).__name__}")
            continue
        yield Record(where, record, supplied)


def _csv_records(stream: TextIO, *, name: str, supplied: _Supplied) -> Iterator[Input]:
    # csv's own limit is process-wide and stops the reader for good; numclaims checks its own,
    # row by row, and reads on.
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    lines = _CsvLines(stream)
    try:
        fieldnames = [column.strip().lower() for column in next(csv.reader(lines), [])]
    except UnicodeDecodeError as exc:
        yield ReadProblem(name, _undecodable(exc))
        return
    except (csv.Error, _RowTooLong) as exc:
        yield ReadProblem(f"{name}:1", f"not valid CSV: {exc}")
        return
    lines.take_row()
    columns = set(fieldnames)
    # A sidecar (file, outlet, url, …) passed as an input describes files: its urls are not
    # articles to fetch.
    if not columns & {"text", "html"} and ("file" in columns or "url" not in columns):
        hint = " (to describe files, pass it as --meta)" if "file" in columns else ""
        yield ReadProblem(name, f"a CSV corpus needs a 'text', 'html' or 'url' column{hint}")
        return
    for item in _csv_rows(lines, name):
        if isinstance(item, ReadProblem):
            yield item
            continue
        where, values = item
        row = dict(zip(fieldnames, values, strict=False))
        if not any(value.strip() for value in row.values()):
            continue
        yield Record(where, row, supplied)


class _RowTooLong(Exception):
    """A CSV row has run past :data:`CSV_FIELD_LIMIT` characters without ending."""


class _CsvLines:
    """The lines of a CSV corpus as the csv reader takes them, streamed from the file, with the
    lines of the row being read kept: a broken row is then left out and the lines after its
    first are read again as rows. A row is never kept beyond :data:`CSV_FIELD_LIMIT`
    characters, so an unterminated quote costs at most that much memory, not the file."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._replay: collections.deque[str] = collections.deque()
        self.row: list[str] = []
        self._row_chars = 0
        self.before = 0  # lines before the row being read
        self.ended = False  # the file ran out while reading this row

    def __iter__(self) -> _CsvLines:
        return self

    def __next__(self) -> str:
        line = self._replay.popleft() if self._replay else self._stream.readline()
        if not line:
            self.ended = True
            raise StopIteration
        self.row.append(line)
        self._row_chars += len(line)
        if self._row_chars > CSV_FIELD_LIMIT + len(line):
            raise _RowTooLong(f"a row of more than {CSV_FIELD_LIMIT:,} characters")
        return line

    def take_row(self) -> None:
        """The row just read is done with: count its lines."""
        self.before += len(self.row)
        self.row, self._row_chars, self.ended = [], 0, False

    def skip_row(self) -> None:
        """Leave out the row just read but its first line: the lines after it are read again."""
        self._replay.extendleft(reversed(self.row[1:]))
        self.before += 1
        self.row, self._row_chars, self.ended = [], 0, False


def _csv_rows(lines: _CsvLines, name: str) -> Iterator[tuple[str, list[str]] | ReadProblem]:
    """The rows of a CSV corpus after its header, each with ``name:line``.

    A row that cannot be read is reported with its line and left out, and reading goes on with
    the line after its first: an unterminated quote (which would make the rest of the file one
    field), a field over :data:`CSV_FIELD_LIMIT`, a line csv refuses. After
    :data:`MAX_CSV_RESTARTS` such rows the rest of the file is given up on.
    """
    restarts = 0
    while True:
        reader = csv.reader(lines)
        while True:
            where = f"{name}:{lines.before + 1}"
            problem = None
            values: list[str] | None = None
            try:
                values = next(reader, None)
            except UnicodeDecodeError as exc:
                yield ReadProblem(where, _undecodable(exc))
                return
            except (csv.Error, _RowTooLong) as exc:
                problem = f"not valid CSV: {exc}; row left out"
            else:
                if values is None:
                    return
                if lines.ended and len(lines.row) > 1 and "".join(lines.row).count('"') % 2:
                    problem = ("unterminated quote: its field would run to the end of the file; "
                               "row left out, the lines after it read as rows")
            if problem is not None:
                yield ReadProblem(where, problem)
                lines.skip_row()
                restarts += 1
                if restarts > MAX_CSV_RESTARTS:
                    yield ReadProblem(
                        f"{name}:{lines.before + 1}",
                        f"more than {MAX_CSV_RESTARTS} broken rows: the rest of the file is "
                        "not read",
                    )
                    return
                break  # a new reader: the broken row may have left this one inside a quote
            lines.take_row()
            assert values is not None
            longest = max(map(len, values), default=0)
            if longest > CSV_FIELD_LIMIT:
                yield ReadProblem(
                    where,
                    f"a field of {longest:,} characters is over the limit of "
                    f"{CSV_FIELD_LIMIT:,}; row left out",
                )
                continue
            yield where, values


def _parquet_records(handle: BinaryIO, *, name: str, supplied: _Supplied) -> Iterator[Input]:
    """Rows of a Parquet corpus, a batch of rows at a time; ``where`` is ``file:row``."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(handle)
    except Exception as exc:  # pyarrow raises several types for a file that is not Parquet
        raise InputError(name, f"not a Parquet file: {exc}") from None
    names = set(table.schema.names)
    present = [column for column in ("id", "text", "html", *_FIELDS) if column in names]
    if not set(present) & {"text", "html", "url"}:
        raise InputError(name, "a Parquet corpus needs a 'text', 'html' or 'url' column")
    row = 0
    for batch in table.iter_batches(batch_size=_PARQUET_BATCH_ROWS, columns=present):
        for values in batch.to_pylist():
            row += 1
            fields = {key: _parquet_value(value) for key, value in values.items()}
            if any(isinstance(value, str) and value.strip() for value in fields.values()):
                yield Record(f"{name}:{row}", fields, supplied)


def _parquet_value(value: Any) -> Any:
    # A Parquet date column holds dates, not the strings a JSONL or CSV corpus would.
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def _record_document(
    record: Mapping[Any, Any], *, where: str, supplied: _Supplied, fetcher: Fetcher
) -> Document:
    """One corpus record (JSONL object or CSV row); its own fields win over ``supplied``."""
    fields: dict[str, str] = {}
    for key in ("id", "text", "html", *_FIELDS):
        value = record.get(key)
        if isinstance(value, int) and not isinstance(value, bool) and key == "id":
            value = str(value)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise InputError(where, f"{key} must be a string, not {type(value).__name__}")
        fields[key] = value
    own = _Supplied(
        outlet=_known(fields.get("outlet")) or supplied.outlet,
        url=_known(fields.get("url")) or supplied.url,
        title=_known(fields.get("title")) or supplied.title,
        date=parse_published(fields.get("published"), source=where) or supplied.date,
    )
    if "text" in fields:
        return make_document(
            fields["text"], doc_id=fields.get("id", where), source=where, **_as(own)
        )
    if "html" in fields:
        return _html_document(
            fields["html"], doc_id=fields.get("id", where), source=where, supplied=own
        )
    url = _known(fields.get("url"))
    if url is not None:
        page = fetcher.get(url)
        # The page's own canonical address wins over the one asked for, unless supplied.
        fetched = dataclasses.replace(own, url=supplied.url)
        return _html_document(
            page.text(),
            doc_id=fields.get("id", url),
            source=where,
            supplied=fetched,
            page_url=page.final_url,
        )
    raise InputError(where, "no article: the record needs a 'text', 'html' or 'url' field")


def _html_document(
    html: str,
    *,
    doc_id: str,
    source: str,
    supplied: _Supplied,
    page_url: str | None = None,
) -> Document:
    """The article trafilatura finds in ``html``: its text, title, site name, URL and date.

    ``page_url`` is where the page was fetched from: the document's URL unless the page names
    a canonical one, and the outlet's fallback (its domain) when the page has no site name.
    """
    import trafilatura

    try:
        page = trafilatura.bare_extraction(
            html,
            url=page_url,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_HTML_DATE_PARAMS,
        )
    except Exception as exc:  # a parser failure on one page must not stop a batch
        raise InputError(source, f"cannot parse the HTML: {exc}") from None
    text = getattr(page, "text", None) or ""
    if not text.strip():
        raise InputError(source, "no article text found in the HTML")
    date = supplied.date or _page_date(getattr(page, "date", None), source)
    document = make_document(
        text,
        doc_id=doc_id,
        source=source,
        title=supplied.title or getattr(page, "title", None),
        url=supplied.url or getattr(page, "url", None) or page_url,
        outlet=supplied.outlet or getattr(page, "sitename", None),
        published=date,
    )
    if not document.body:
        raise InputError(source, "no article text found in the HTML (only page furniture)")
    return document


def _page_date(value: str | None, source: str) -> PublicationDate | None:
    """The date in a page's metadata, marked inferred: the page said it, nobody supplied it."""
    try:
        date = parse_published(value, source=source)
    except InputError:
        return None
    return dataclasses.replace(date, inferred=True, text=value) if date else None


def _supplied_by(
    sidecars: Sequence[_Sidecar], path: Path, source: str
) -> tuple[_Supplied, ReadProblem | None]:
    """Metadata for ``path`` from the sidecars, later ones winning; a bad date is a problem."""
    values: dict[str, str] = {}
    origin = ""
    for sidecar in sidecars:
        row = sidecar.lookup(path)
        values.update(row)
        if "published" in row:
            origin = sidecar.source
    date = None
    problem = None
    try:
        date = parse_published(values.get("published"), source=source)
    except InputError as exc:
        problem = ReadProblem(source, f"{origin}: {exc.problem}")
    supplied = _Supplied(values.get("outlet"), values.get("url"), values.get("title"), date)
    return supplied, problem


def _unknown_kind(suffix: str) -> str:
    what = f"unknown file type {suffix!r}" if suffix else "a file without an extension"
    return f"{what}: numclaims reads {', '.join(SUFFIXES)} files"


def _check_exists(path: Path, source: str) -> None:
    try:
        os.stat(path)
    except FileNotFoundError:
        raise InputError(source, "no such file or directory") from None
    except OSError as exc:
        raise _os_problem(exc, source) from None


def _open_regular(path: Path, source: str) -> BinaryIO:
    """``path`` opened for reading if it is a regular file.

    Opened without blocking, then checked: a FIFO or a device named ``x.txt`` would otherwise
    wait for a writer, or never end.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as exc:
        raise _os_problem(exc, source) from None
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(source, _not_regular(mode))
    except BaseException:
        os.close(descriptor)
        raise
    return os.fdopen(descriptor, "rb")


def _not_regular(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory, not a file"
    kinds = {
        stat.S_ISFIFO: "a named pipe (FIFO)",
        stat.S_ISCHR: "a character device",
        stat.S_ISBLK: "a block device",
        stat.S_ISSOCK: "a socket",
    }
    what = next((name for test, name in kinds.items() if test(mode)), "a special file")
    return f"{what}, not a regular file: only regular files are read"


def _os_problem(exc: OSError, source: str) -> InputError:
    if isinstance(exc, FileNotFoundError):
        return InputError(source, "no such file or directory")
    if isinstance(exc, IsADirectoryError):
        return InputError(source, "a directory, not a file")
    if isinstance(exc, PermissionError):
        return InputError(source, "permission denied")
    if exc.errno == errno.ELOOP:
        return InputError(source, "a loop of symbolic links: it leads back to itself")
    return InputError(source, f"cannot read: {exc.strerror or exc}")


def _read_bytes(path: Path, source: str) -> bytes:
    handle = _open_regular(path, source)
    try:
        with handle:
            return handle.read()
    except OSError as exc:
        raise _os_problem(exc, source) from None


def _encoding(head: bytes) -> tuple[str, int]:
    """The encoding a byte-order mark declares (UTF-8 without one) and the mark's length."""
    for mark, name in _BOMS:
        if head.startswith(mark):
            return name, len(mark)
    return "utf-8", 0


def _decode(data: bytes, source: str) -> str:
    """``data`` as text: UTF-8, or UTF-16/32 with a byte-order mark (the mark is skipped).

    Binary (NUL bytes outside UTF-16/32), undecodable or empty input is an error.
    """
    if not data:
        raise InputError(source, "empty: no text to read")
    encoding, skip = _encoding(data[:4])
    if encoding == "utf-8" and b"\x00" in data:
        raise InputError(source, "binary, not text: it contains NUL bytes")
    try:
        text = data[skip:].decode(encoding)
    except UnicodeDecodeError as exc:
        offset = skip + exc.start
        name = "UTF-8" if encoding == "utf-8" else encoding.upper()
        raise InputError(
            source, f"not {name} text: invalid byte 0x{data[offset]:02x} at offset {offset}"
        ) from None
    if "\x00" in text:
        raise InputError(source, "binary, not text: it contains NUL characters")
    if not text.strip():
        raise InputError(source, "only whitespace: no text to read")
    return text


def _text_stream(handle: BinaryIO, source: str, *, newline: str) -> TextIO:
    """``handle`` as a text stream, checked at its head as :func:`_decode` checks a whole file."""
    head = handle.read(_SNIFF_BYTES)
    if not head:
        raise InputError(source, "empty: no text to read")
    encoding, skip = _encoding(head[:4])
    if encoding == "utf-8" and b"\x00" in head:
        raise InputError(source, "binary, not text: it contains NUL bytes")
    if len(head) < _SNIFF_BYTES and not head[skip:].decode(encoding, errors="replace").strip():
        raise InputError(source, "only whitespace: no text to read")
    handle.seek(skip)
    return io.TextIOWrapper(handle, encoding=encoding, errors="strict", newline=newline)


def _undecodable(exc: UnicodeDecodeError) -> str:
    return f"not {exc.encoding.upper()} text: invalid byte 0x{exc.object[exc.start]:02x}"


def _csv_reader(text: str) -> csv.DictReader[str]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames:
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    return reader


def _as(supplied: _Supplied) -> dict[str, Any]:
    return {
        "outlet": supplied.outlet,
        "url": supplied.url,
        "title": supplied.title,
        "published": supplied.date,
    }


def _known(value: str | None) -> str | None:
    """``value`` stripped, or None when it is blank: a blank cell means unknown."""
    return value.strip() or None if isinstance(value, str) else None


def _as_problem(exc: InputError) -> ReadProblem:
    return ReadProblem(exc.source, exc.problem)


def _problem(corpus: Corpus, exc: InputError) -> None:
    corpus.problems.append(_as_problem(exc))
