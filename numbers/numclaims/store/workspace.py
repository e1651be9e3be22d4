"""The workspace: a story's articles, claims and review decisions in one database.

:func:`open_workspace` opens (and creates, and migrates) it; :class:`Workspace` is the whole API
the command line, the dashboard and scripts use. No SQL is written anywhere else in numclaims.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import getpass
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from ..errors import InputError, LexiconError, ModelError, WorkspaceError, one_line
from ..models import CLAIM_FIELDS, Claim, Document, PublicationDate, ReadProblem
from ..output.claimreview import Publisher
from . import engine as db
from . import schema as t
from . import snapshot
from .decisions import (
    Decision,
    check_status,
    check_verdict,
    clean_fields,
)
from .ids import article_id, canonical_url, claim_id
from .review import Reviewed, replay

Extractor = Callable[[list[Document]], list[Claim]]

#: What a workspace's settings may hold, and what each is for.
SETTINGS = {
    "organisation": "the name of the organisation publishing the fact checks (ClaimReview author)",
    "organisation_url": "the organisation's home page",
    "review_url": "the address of the fact-check page; {group} is replaced by the group's id",
}
#: Settings the clients keep for themselves: whether the dashboard's default workspace has
#: had the seeds, and how many articles have been pasted (so a number is never used twice).
_OWN_SETTINGS = ("seeded", "pasted")
#: Claim fields that come from the article, not from the extraction; set again on load.
_STAMPED = ("doc_id", "outlet", "url", "title", "published")
_INSERT_CHUNK = 500


def open_workspace(
    url_or_path: str | os.PathLike[str], *, timeout: float = db.DEFAULT_TIMEOUT
) -> Workspace:
    """The workspace at ``url_or_path``: an SQLite file (created if missing) or a
    ``postgresql://`` URL. Its schema is brought up to date on open.

    Raises :class:`~numclaims.errors.WorkspaceError` when it cannot be opened: a damaged file,
    a database that is not a workspace, a server that is not there, a workspace locked for
    longer than ``timeout`` seconds.
    """
    url = db.database_url(url_or_path)
    name = db.shown(url)
    engine = db.create(url, timeout=timeout)
    try:
        db.migrate(engine, name)
    except BaseException:
        engine.dispose()
        raise
    return Workspace(engine, name)


def default_workspace_path() -> Path:
    """Where the dashboard keeps its workspace when none is given (no ``--db``, no
    ``NUMCLAIMS_DB``): ``workspace.db`` in the user's data folder (``$XDG_DATA_HOME/numclaims``,
    by default ``~/.local/share/numclaims``)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "numclaims" / "workspace.db"


def reviewer() -> str:
    """Who is deciding, when nobody said: ``NUMCLAIMS_REVIEWER``, else the login name."""
    name = os.environ.get("NUMCLAIMS_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass
class Added:
    """What :meth:`Workspace.add_documents` did: articles added, articles it already had
    (nothing extracted again), and inputs it refused."""

    added: list[str] = field(default_factory=list)
    known: list[str] = field(default_factory=list)
    claims: int = 0
    problems: list[ReadProblem] = field(default_factory=list)


class Workspace:
    """A story workspace. Open one with :func:`open_workspace`; close it when done."""

    def __init__(self, engine: Engine, name: str) -> None:
        self._engine = engine
        self.name = name

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the database's connections."""
        self._engine.dispose()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    # ----------------------------------------------------------------------------------------
    # Articles

    def add_documents(
        self,
        documents: Iterable[Document],
        *,
        extract: Extractor | None = None,
        author: str | None = None,
    ) -> Added:
        """Add articles, extracting claims from the new ones only.

        An article the workspace already has (same id: same text, or same canonical URL) is
        skipped without extracting anything. A page whose URL is known with another text is
        refused with a problem naming the article it would clash with.
        """
        result = Added()
        fresh: dict[str, Document] = {}
        for document in documents:
            aid = article_id(document)
            if aid in fresh:
                result.known.append(aid)
                continue
            fresh[aid] = dataclasses.replace(document, doc_id=aid)
        with db.reading(self._engine, self.name) as connection:
            stored = _stored_texts(connection, list(fresh))
        for aid, text in stored.items():
            self._skip_known(result, fresh.pop(aid), text)
        if not fresh:
            return result
        claims, failed = _extract_each(extract or _default_extract, list(fresh.values()),
                                       result.problems)
        for aid in failed:  # an article that cannot be read for claims is not added
            del fresh[aid]
        by_article: dict[str, list[Claim]] = {}
        for claim in claims:
            by_article.setdefault(claim.doc_id, []).append(claim)
        author = author or reviewer()
        with db.writing(self._engine, self.name) as connection:
            # Another writer may have added some of these since they were looked up.
            for aid, text in _stored_texts(connection, list(fresh)).items():
                self._skip_known(result, fresh.pop(aid), text)
            now = _now()
            _insert(connection, t.articles,
                    [_article_row(d, now, author) for d in fresh.values()])
            rows = [
                row for aid in fresh for row in _claim_rows(by_article.get(aid, []))
            ]
            _insert(connection, t.claims, rows)
            result.added = list(fresh)
            result.claims = len(rows)
            if fresh:
                self._refresh(connection)
        return result

    def _skip_known(self, result: Added, document: Document, stored_text: str) -> None:
        if stored_text == document.text:
            result.known.append(document.doc_id)
        else:
            result.problems.append(ReadProblem(
                document.source or document.url or document.doc_id,
                f"the workspace has another text of {document.url} (article "
                f"{document.doc_id}); the page has changed since it was added",
            ))

    def documents(self) -> list[Document]:
        """Every article, in the order added."""
        with db.reading(self._engine, self.name) as connection:
            return _documents(connection)

    def edit_article(
        self,
        article: str,
        *,
        outlet: str | None,
        published: str | None,
        note: str | None = None,
        author: str | None = None,
        extract: Extractor | None = None,
    ) -> Decision:
        """Set an article's outlet and report date (blank clears it), as a logged decision.

        A new date re-reads the article's time phrases; its claims keep their ids.
        """
        from ..read import parse_published

        outlet = " ".join((outlet or "").split()) or None
        text = (published or "").strip() or None
        try:
            date = parse_published(text, source="published")
        except InputError as exc:
            raise WorkspaceError(f"report date: {exc.problem}") from None
        if date is not None and date.year_missing:
            raise WorkspaceError(f"report date: {published!r} has no year; write 2023-02-07")
        with db.reading(self._engine, self.name) as connection:
            documents = {d.doc_id: d for d in _documents(connection, [article])}
        if article not in documents:
            raise WorkspaceError(f"{article}: no such article in {self.name}")
        document = dataclasses.replace(documents[article], outlet=outlet, published=date)
        reread = _iso(documents[article].published) != _iso(date)
        claims = None
        if reread:
            problems: list[ReadProblem] = []
            claims, failed = _extract_each(extract or _default_extract, [document], problems)
            if failed:
                raise WorkspaceError(str(problems[0]))
        with db.writing(self._engine, self.name) as connection:
            connection.execute(
                t.articles.update().where(t.articles.c.id == article).values(
                    outlet=outlet, **_published_columns(date)
                )
            )
            if claims is not None:
                _replace_claims(connection, article, claims)
            decision = self._append(
                connection, "article", article,
                {"outlet": outlet, "published": _iso(date)}, note, author,
            )
            self._refresh(connection)
        return decision

    def remove_article(
        self, article: str, *, note: str | None = None, author: str | None = None
    ) -> Decision:
        """Take an article and its claims out of the story, as a logged decision.

        The log keeps what was removed (title, outlet, report date, URL); decisions made on its
        claims stay in the log and are listed as orphans. Adding the article again brings it
        back with its claims.
        """
        with db.writing(self._engine, self.name) as connection:
            found = _documents(connection, [article])
            if not found:
                raise WorkspaceError(f"{article}: no such article in {self.name}")
            document = found[0]
            ids = list(connection.execute(
                sa.select(t.claims.c.id).where(t.claims.c.article_id == article)
            ).scalars())
            if ids:
                connection.execute(t.group_claims.delete().where(t.group_claims.c.claim_id.in_(ids)))
                connection.execute(t.claims.delete().where(t.claims.c.id.in_(ids)))
            connection.execute(t.articles.delete().where(t.articles.c.id == article))
            decision = self._append(
                connection, "remove", article,
                {"title": document.title, "outlet": document.outlet,
                 "published": _iso(document.published), "url": document.url,
                 "claims": len(ids)},
                (note or "").strip() or None, author,
            )
            self._refresh(connection)
        return decision

    def reextract(self, *, extract: Extractor | None = None) -> int:
        """Extract every article again (after an upgrade of numclaims); the number of claims.

        Claims found again keep their ids and their place in the order; decisions on claims
        no longer found become orphans, listed by :meth:`comparison`.
        """
        documents = self.documents()
        problems: list[ReadProblem] = []
        claims, failed = _extract_each(extract or _default_extract, documents, problems)
        # An article that can no longer be read for claims keeps the claims it had.
        by_article: dict[str, list[Claim]] = {d.doc_id: [] for d in documents
                                              if d.doc_id not in failed}
        for claim in claims:
            by_article.setdefault(claim.doc_id, []).append(claim)
        with db.writing(self._engine, self.name) as connection:
            for aid, found in by_article.items():
                _replace_claims(connection, aid, found)
            self._refresh(connection)
        return len(claims)

    # ----------------------------------------------------------------------------------------
    # Decisions

    def record_decision(
        self,
        kind: str,
        target: str,
        *,
        note: str | None = None,
        author: str | None = None,
        **options: Any,
    ) -> Decision:
        """Check a decision against the workspace as it stands and append it to the log.

        ``kind`` and ``options``: ``review`` (``verdict``: one of the five or ``confirm``;
        ``status``: reviewed, needs work or published), ``correct`` (``fields``: a mapping of
        claim field to value), ``not_claim`` (``not_a_claim``: True, or False to take it back),
        ``move`` (``to``: a group id), ``split`` (``claims``: claim ids), ``merge`` (``into``:
        a group id). A decision that names no existing group or claim, or gives a bad value, is
        refused with a :class:`~numclaims.errors.WorkspaceError` and nothing is written.
        """
        note = (note or "").strip() or None
        with db.writing(self._engine, self.name) as connection:
            documents = _documents(connection)
            claims = _claims(connection, documents)
            decisions = _decisions(connection)
            state = _kept_state(connection, documents) or replay(claims, documents, decisions)
            payload = _checked(kind, target, options, note, state)
            decision = self._append(connection, kind, target, payload, note, author)
            self._refresh(connection, replay(claims, documents, [*decisions, decision]))
        return decision

    def review(self, group: str, *, verdict: str | None = None, status: str | None = None,
               note: str | None = None, author: str | None = None) -> Decision:
        """Confirm or override a group's verdict, set its status, or leave a note."""
        return self.record_decision("review", group, verdict=verdict, status=status,
                                    note=note, author=author)

    def correct(self, claim: str, fields: dict[str, Any], *, note: str | None = None,
                author: str | None = None) -> Decision:
        """Correct what a claim was read as: its value, bounds, qualifier, unit, …"""
        return self.record_decision("correct", claim, fields=fields, note=note, author=author)

    def mark_not_a_claim(self, claim: str, *, undo: bool = False, note: str | None = None,
                         author: str | None = None) -> Decision:
        """Take a figure out of the comparison (or, with ``undo``, put it back)."""
        return self.record_decision("not_claim", claim, not_a_claim=not undo, note=note,
                                    author=author)

    def move(self, claim: str, *, to: str, note: str | None = None,
             author: str | None = None) -> Decision:
        """Move a claim into another group."""
        return self.record_decision("move", claim, to=to, note=note, author=author)

    def split(self, group: str, claims: Sequence[str], *, note: str | None = None,
              author: str | None = None) -> Decision:
        """Split the named claims off a group into a group of their own."""
        return self.record_decision("split", group, claims=list(claims), note=note,
                                    author=author)

    def merge(self, group: str, *, into: str, note: str | None = None,
              author: str | None = None) -> Decision:
        """Merge a group into another."""
        return self.record_decision("merge", group, into=into, note=note, author=author)

    def _append(self, connection: Connection, kind: str, target: str,
                payload: dict[str, Any], note: str | None, author: str | None) -> Decision:
        row: dict[str, Any] = {
            "kind": kind,
            "target": target,
            "payload": payload,
            "note": note,
            "author": (author or "").strip() or reviewer(),
            "created_at": _now(),
        }
        inserted = connection.execute(t.decisions.insert().values(**row)).inserted_primary_key
        assert inserted is not None
        return Decision(seq=int(inserted[0]), **row)

    def decisions(self) -> list[Decision]:
        """The log: every decision, oldest first."""
        with db.reading(self._engine, self.name) as connection:
            return _decisions(connection)

    log = decisions

    # ----------------------------------------------------------------------------------------
    # The comparison

    def comparison(self) -> Reviewed:
        """The story's comparison with every decision re-applied: the one kept when the
        workspace last changed, if this numclaims made it, else recomputed from the claims."""
        with db.reading(self._engine, self.name) as connection:
            return _kept_state(connection) or _review_state(connection)

    def revision(self) -> str:
        """A token that changes whenever anything in the workspace does (for caching)."""
        with db.reading(self._engine, self.name) as connection:
            return self._setting(connection, "revision") or "0"

    def _refresh(self, connection: Connection, state: Reviewed | None = None) -> None:
        """Keep the ``groups`` tables for SQL readers, and move the revision on."""
        state = state or _review_state(connection)
        connection.execute(t.group_claims.delete())
        connection.execute(t.groups.delete())
        _insert(connection, t.groups, [
            {
                "id": group.id,
                "position": position,
                "label": group.label,
                "verdict": group.verdict,
                "reviewed_verdict": state.reviews[group.id].verdict,
                "status": state.reviews[group.id].status,
                "flags": "\n".join(state.reviews[group.id].flags) or None,
            }
            for position, group in enumerate(state.comparison.groups)
        ])
        _insert(connection, t.group_claims, [
            {"group_id": group.id, "claim_id": claim_id(member.claim)}
            for group in state.comparison.groups for member in group.members
        ])
        revision = int(self._setting(connection, "revision") or 0) + 1
        _put_setting(connection, "revision", str(revision))
        connection.execute(t.snapshots.delete())
        connection.execute(t.snapshots.insert().values(
            revision=str(revision), made_with=snapshot.made_with(), body=snapshot.dump(state)))

    # ----------------------------------------------------------------------------------------
    # Settings

    def settings(self) -> dict[str, str]:
        """The workspace's settings (see :data:`SETTINGS`), those that are set."""
        with db.reading(self._engine, self.name) as connection:
            rows = connection.execute(sa.select(t.settings.c.key, t.settings.c.value))
            return {key: value for key, value in rows if key in SETTINGS or key in _OWN_SETTINGS}

    def set_settings(self, **values: str | None) -> dict[str, str]:
        """Set settings (None leaves one as it is, '' clears it); the settings after."""
        unknown = set(values) - set(SETTINGS) - set(_OWN_SETTINGS)
        if unknown:
            raise WorkspaceError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        for key in ("organisation_url", "review_url"):
            value = values.get(key)
            if value and canonical_url(value.replace("{group}", "g")) is None:
                raise WorkspaceError(f"{key}: {value!r} is not an http(s) address")
        with db.writing(self._engine, self.name) as connection:
            for key, value in values.items():
                if value is None:
                    continue
                value = value.strip()
                if value:
                    _put_setting(connection, key, value)
                else:
                    connection.execute(t.settings.delete().where(t.settings.c.key == key))
        return self.settings()

    def publisher(self) -> Publisher:
        """Who publishes this workspace's fact checks, for ClaimReview; refuses until the
        organisation's name and the fact-check page's address are set."""
        settings = self.settings()
        missing = [key for key in ("organisation", "review_url") if not settings.get(key)]
        if missing:
            raise WorkspaceError(
                f"{self.name}: set {' and '.join(missing)} first, e.g. numclaims settings "
                "--organisation 'Example Fact Check' --review-url "
                "'https://example.org/checks/{group}'"
            )
        return Publisher(settings["organisation"], settings["review_url"],
                         settings.get("organisation_url"))

    @staticmethod
    def _setting(connection: Connection, key: str) -> str | None:
        return connection.execute(
            sa.select(t.settings.c.value).where(t.settings.c.key == key)
        ).scalar()


# --------------------------------------------------------------------------------------------
# Checking a decision against the state it is written into


def _checked(kind: str, target: str, options: dict[str, Any], note: str | None,
             state: Reviewed) -> dict[str, Any]:
    if kind == "review":
        return _checked_review(target, options, note, state)
    if kind in ("correct", "not_claim"):
        claim = state.claim(target)
        if claim is None:
            raise WorkspaceError(f"{target}: no such claim (see numclaims groups --claims)")
        if kind == "not_claim":
            return {"not_a_claim": bool(options.get("not_a_claim", True))}
        fields = clean_fields(dict(options.get("fields") or {}))
        lower = fields.get("lower", claim.lower)
        upper = fields.get("upper", claim.upper)
        if "lower" in fields or "upper" in fields:
            if lower is not None and upper is not None and lower > upper:
                raise WorkspaceError(f"{target}: the lower bound {lower:g} is above the "
                                     f"upper bound {upper:g}")
        return {"fields": fields}
    if kind == "move":
        group = _group(state, options.get("to"))
        if state.group_of(target) is None:
            raise WorkspaceError(f"{target}: no such claim in any group "
                                 "(see numclaims groups --claims)")
        return {"to": group.id, "to_anchor": _anchor(state, group.id)}
    if kind == "split":
        group = _group(state, target)
        members = {claim_id(m.claim) for m in group.members}
        claims = list(dict.fromkeys(options.get("claims") or []))
        strangers = [c for c in claims if c not in members]
        if strangers:
            raise WorkspaceError(f"{', '.join(strangers)}: not in group {group.id}")
        if not claims or len(claims) == len(members):
            raise WorkspaceError(
                f"{group.id}: name some of its claims, not none or all, to split off"
            )
        return {"claims": claims, "anchor": _anchor(state, group.id)}
    if kind == "merge":
        group = _group(state, target)
        into = _group(state, options.get("into"))
        if into.id == group.id:
            raise WorkspaceError(f"{group.id}: cannot merge a group into itself")
        return {"into": into.id, "into_anchor": _anchor(state, into.id),
                "anchor": _anchor(state, group.id)}
    raise WorkspaceError(f"unknown decision {kind!r}")


def _checked_review(target: str, options: dict[str, Any], note: str | None,
                    state: Reviewed) -> dict[str, Any]:
    group = _group(state, target)
    verdict = check_verdict(options.get("verdict"))
    status = check_status(options.get("status"))
    if verdict is None and status is None and note is None:
        raise WorkspaceError(f"{group.id}: give a verdict, a status or a note")
    return {
        "verdict": group.verdict if verdict == "confirm" else verdict,
        "status": status,
        "computed": group.verdict,
        "members": [claim_id(m.claim) for m in group.members],
        "anchor": _anchor(state, group.id),
    }


def _group(state: Reviewed, gid: object) -> Any:
    group = state.group(gid) if isinstance(gid, str) else None
    if group is None:
        raise WorkspaceError(f"{gid}: no such group (see numclaims groups)")
    return group


def _anchor(state: Reviewed, gid: str) -> str:
    """The group's earliest-added member, by which a decision finds its group again."""
    group = state.group(gid)
    assert group is not None
    order = {claim_id(c): i for i, c in enumerate(state.claims)}
    return min((claim_id(m.claim) for m in group.members), key=lambda c: order.get(c, 0))


# --------------------------------------------------------------------------------------------
# Rows


def _kept_state(connection: Connection,
                documents: Sequence[Document] | None = None) -> Reviewed | None:
    """The comparison kept at the workspace's current revision, if this numclaims made it
    (``documents``: the workspace's articles, when already read)."""
    revision = Workspace._setting(connection, "revision")
    row = connection.execute(
        sa.select(t.snapshots.c.made_with, t.snapshots.c.body)
        .where(t.snapshots.c.revision == (revision or "0"))).first()
    if row is None or row.made_with != snapshot.made_with():
        return None
    return snapshot.load(row.body, _documents(connection) if documents is None else documents)


def _review_state(connection: Connection) -> Reviewed:
    documents = _documents(connection)
    return replay(_claims(connection, documents), documents, _decisions(connection))


def _documents(connection: Connection, ids: Sequence[str] | None = None) -> list[Document]:
    query = sa.select(t.articles).order_by(t.articles.c.seq)
    if ids is not None:
        query = query.where(t.articles.c.id.in_(ids))
    return [_document(row) for row in connection.execute(query).mappings()]


def _document(row: Any) -> Document:
    published = None
    if row["published_date"]:
        published = PublicationDate(
            date=dt.date.fromisoformat(row["published_date"]),
            precision=row["published_precision"] or "day",
            inferred=bool(row["published_inferred"]),
            year_missing=bool(row["published_year_missing"]),
            text=row["published_text"],
        )
    return Document(
        doc_id=row["id"],
        text=row["text"],
        body=tuple((int(start), int(end)) for start, end in row["body"]),
        title=row["title"],
        url=row["url"],
        outlet=row["outlet"],
        published=published,
        source=row["source"],
    )


def _claims(connection: Connection, documents: Sequence[Document]) -> list[Claim]:
    stamps: dict[str, dict[str, Any]] = {
        d.doc_id: {
            "doc_id": d.doc_id, "outlet": d.outlet, "url": d.url, "title": d.title,
            "published": _iso(d.published),
        }
        for d in documents
    }
    known = set(CLAIM_FIELDS)
    rows = connection.execute(
        sa.select(t.claims.c.article_id, t.claims.c.fields).order_by(t.claims.c.seq)
    )
    return [
        Claim(**{k: v for k, v in fields.items() if k in known}, **stamps[aid])
        for aid, fields in rows
    ]


def _decisions(connection: Connection) -> list[Decision]:
    rows = connection.execute(sa.select(t.decisions).order_by(t.decisions.c.seq)).mappings()
    return [Decision(**dict(row)) for row in rows]


def _stored_texts(connection: Connection, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(ids), _INSERT_CHUNK):
        chunk = ids[start:start + _INSERT_CHUNK]
        rows = connection.execute(
            sa.select(t.articles.c.id, t.articles.c.text).where(t.articles.c.id.in_(chunk))
        )
        found.update({aid: text for aid, text in rows})
    return found


def _article_row(document: Document, now: str, author: str) -> dict[str, Any]:
    from .. import __version__

    return {
        "id": document.doc_id,
        "text": document.text,
        "body": [list(span) for span in document.body],
        "title": document.title,
        "url": document.url,
        "outlet": document.outlet,
        **_published_columns(document.published),
        "source": document.source,
        "added_at": now,
        "added_by": author,
        "extracted_with": __version__,
    }


def _published_columns(published: PublicationDate | None) -> dict[str, Any]:
    return {
        "published_date": published.date.isoformat() if published else None,
        "published_precision": published.precision if published else None,
        "published_inferred": bool(published and published.inferred),
        "published_year_missing": bool(published and published.year_missing),
        "published_text": published.text if published else None,
    }


def _claim_rows(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for claim in claims:
        fields = {k: v for k, v in claim.to_dict().items() if k not in _STAMPED}
        rows.setdefault(claim_id(claim), {
            "id": claim_id(claim),
            "article_id": claim.doc_id,
            "start_offset": claim.start,
            "end_offset": claim.end,
            "surface": claim.surface,
            "fields": fields,
        })
    return list(rows.values())


def _replace_claims(connection: Connection, article: str, claims: Iterable[Claim]) -> None:
    """Put an article's claims as extracted now in place of the old ones; a claim found
    again keeps its row (and so its place in the order that names groups)."""
    new = {row["id"]: row for row in _claim_rows(claims)}
    old = set(connection.execute(
        sa.select(t.claims.c.id).where(t.claims.c.article_id == article)
    ).scalars())
    gone = old - set(new)
    if gone:
        connection.execute(t.group_claims.delete().where(t.group_claims.c.claim_id.in_(gone)))
        connection.execute(t.claims.delete().where(t.claims.c.id.in_(gone)))
    for cid in old & set(new):
        connection.execute(
            t.claims.update().where(t.claims.c.id == cid).values(fields=new[cid]["fields"])
        )
    _insert(connection, t.claims, [row for cid, row in new.items() if cid not in old])


def _insert(connection: Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), _INSERT_CHUNK):
        connection.execute(table.insert(), rows[start:start + _INSERT_CHUNK])


def _put_setting(connection: Connection, key: str, value: str) -> None:
    updated = connection.execute(
        t.settings.update().where(t.settings.c.key == key).values(value=value)
    )
    if not updated.rowcount:
        connection.execute(t.settings.insert().values(key=key, value=value))


def _iso(published: PublicationDate | None) -> str | None:
    return published.iso() if published else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


#: Failures that are no article's own (broken language data or model, no memory left): every
#: article would fail alike, so they stop the work.
_NOT_THE_ARTICLES = (LexiconError, ModelError, MemoryError)


def _extract_each(
    extract: Extractor, documents: list[Document], problems: list[ReadProblem]
) -> tuple[list[Claim], set[str]]:
    """The claims of ``documents`` in one call, and the ids of the articles that could not be
    read for claims: when the call fails, each article is read on its own to find which, and
    each that fails is one problem in ``problems``; the others still give their claims."""
    if len(documents) > 1:
        try:
            return extract(documents), set()
        except _NOT_THE_ARTICLES:
            raise
        except Exception:  # noqa: BLE001 - some article broke the extractor: find which
            pass
    claims: list[Claim] = []
    failed: set[str] = set()
    for document in documents:
        try:
            claims.extend(extract([document]))
        except _NOT_THE_ARTICLES:
            raise
        except Exception as exc:  # noqa: BLE001 - one article's failure is that article's
            failed.add(document.doc_id)
            why = exc.problem if isinstance(exc, InputError) else \
                f"could not be read for figures ({type(exc).__name__}: {exc})"
            problems.append(ReadProblem(document.source or document.doc_id, one_line(why)))
    return claims, failed


def _default_extract(documents: list[Document]) -> list[Claim]:
    from ..extract import extract_documents

    return extract_documents(documents)
