"""The story workspace (numclaims.store), on SQLite and on a real PostgreSQL server.

Extraction goes through the session's recording extractor (the real one, run once per text),
so a test can tell which articles a call extracted.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from numclaims.errors import WorkspaceError
from numclaims.models import Document
from numclaims.read import make_document, read_paths
from numclaims.store import Workspace, claim_id, group_id, open_workspace

ROOT = Path(__file__).resolve().parents[1]
# A later count of the drones deployed since August 2022, lower than the seeds' "more than
# 400" of February 2023: a running total that fell, so the group's figures conflict.
LOWER_LATER = (
    "US officials said Russia has deployed 300 Iranian-made attack drones against Ukraine "
    "since August 2022."
)


def later_article(text: str = LOWER_LATER, published: str = "2023-03-01") -> Document:
    return make_document(text, doc_id="pasted-1", outlet="Test Wire", published=published)


@pytest.fixture
def ws(workspace_url: str, extractor: Any, seed_documents: list[Document]) -> Any:
    workspace = open_workspace(workspace_url)
    workspace.add_documents(seed_documents, extract=extractor, author="ana")
    yield workspace
    workspace.close()


def group_with(ws: Workspace, *surfaces: str) -> Any:
    reviewed = ws.comparison()
    found = [g for g in reviewed.comparison.groups
             if set(surfaces) <= {m.claim.surface for m in g.members}]
    assert found, f"no group holds {surfaces}"
    return found[0]


def claim_in(group: Any, surface: str) -> str:
    return next(claim_id(m.claim) for m in group.members if m.claim.surface == surface)


# --------------------------------------------------------------------------------------------
# Ids


def test_ids_do_not_depend_on_how_the_path_was_typed(monkeypatch: pytest.MonkeyPatch) -> None:
    from numclaims.store import article_id

    monkeypatch.chdir(ROOT)
    spellings = ["seeds", "./seeds", str(ROOT / "seeds"), "seeds/"]
    ids = [[article_id(d) for d in read_paths([s]).documents] for s in spellings]
    assert all(i == ids[0] for i in ids) and len(set(ids[0])) == 5


def test_an_article_with_a_url_is_named_by_its_canonical_url() -> None:
    from numclaims.store import article_id

    one = make_document("400 drones.", url="https://Example.org/story/?utm_source=x#top")
    other = make_document("400 drones, updated.", url="https://example.org/story")
    assert article_id(one) == article_id(other)
    assert article_id(make_document("400 drones.")) != article_id(one)


def test_group_ids_survive_a_new_article_joining(ws: Workspace, extractor: Any) -> None:
    before = group_with(ws, "400", "more than 400")
    ids_before = {g.id for g in ws.comparison().comparison.groups}
    ws.add_documents([later_article()], extract=extractor)
    after = group_with(ws, "400", "more than 400", "300")
    assert after.id == before.id
    assert ids_before <= {g.id for g in ws.comparison().comparison.groups}


def test_group_id_is_its_earliest_added_claim(ws: Workspace) -> None:
    reviewed = ws.comparison()
    order = {claim_id(c): i for i, c in enumerate(reviewed.claims)}
    for group in reviewed.comparison.groups:
        anchor = min((claim_id(m.claim) for m in group.members), key=order.__getitem__)
        assert group.id == group_id(anchor)


# --------------------------------------------------------------------------------------------
# Articles


def test_adding_again_extracts_nothing(ws: Workspace, extractor: Any,
                                       seed_documents: list[Document]) -> None:
    claims_before = len(ws.comparison().claims)
    extractor.calls.clear()
    again = read_paths([str(ROOT / "seeds") + "/"]).documents
    result = ws.add_documents([*again, later_article()], extract=extractor)
    assert len(result.known) == 5 and len(result.added) == 1
    assert [len(call) for call in extractor.calls] == [1]  # only the new article
    assert len(ws.comparison().claims) > claims_before
    extractor.calls.clear()
    assert ws.add_documents(again, extract=extractor).added == []
    assert extractor.calls == []


def test_a_changed_page_is_refused_not_overwritten(ws: Workspace, extractor: Any) -> None:
    url = "https://example.org/drones"
    ws.add_documents([make_document("Russia deployed 400 drones.", url=url)], extract=extractor)
    result = ws.add_documents([make_document("Russia deployed 500 drones.", url=url)],
                              extract=extractor)
    assert not result.added and len(result.problems) == 1
    assert "another text" in result.problems[0].problem
    texts = [d.text for d in ws.documents() if d.url == url]
    assert texts == ["Russia deployed 400 drones."]


def test_articles_come_back_as_they_were_read(ws: Workspace,
                                             seed_documents: list[Document]) -> None:
    stored = {d.text: d for d in ws.documents()}
    for document in seed_documents:
        back = stored[document.text]
        assert (back.body, back.title, back.outlet, back.published) == (
            document.body, document.title, document.outlet, document.published)


def test_editing_an_articles_date_rereads_it_and_keeps_claim_ids(
    ws: Workspace, extractor: Any
) -> None:
    rt = next(d for d in ws.documents() if d.outlet == "RT")
    ids_before = {claim_id(c) for c in ws.comparison().claims if c.doc_id == rt.doc_id}
    assert group_with(ws, "400", "more than 400").verdict == "consistent"
    ws.edit_article(rt.doc_id, outlet="RT", published="2023-09-01", extract=extractor)
    reviewed = ws.comparison()
    assert {claim_id(c) for c in reviewed.claims if c.doc_id == rt.doc_id} == ids_before
    # Dated September 2023, RT's "since August" is August 2023: no longer the same count.
    assert group_with(ws, "400").verdict == "single"
    assert ws.decisions()[-1].kind == "article"
    with pytest.raises(WorkspaceError, match="no year"):
        ws.edit_article(rt.doc_id, outlet="RT", published="7 February", extract=extractor)


# --------------------------------------------------------------------------------------------
# Decisions


def test_an_override_with_a_note_survives_reopening(ws: Workspace, workspace_url: str) -> None:
    group = group_with(ws, "thousands", "at least 6,000")
    ws.review(group.id, verdict="conflict", status="needs work", note="6,000 is another year",
              author="ana")
    ws.close()
    with open_workspace(workspace_url) as again:
        reviewed = again.comparison()
        review = reviewed.reviews[group.id]
        assert (review.verdict, review.status, review.reviewed_by) == (
            "conflict", "needs work", "ana")
        assert review.notes == [f"ana, {review.reviewed_at[:10]}: 6,000 is another year"]
        assert reviewed.group(group.id).verdict == "consistent"  # the computed one, beside it
        assert reviewed.verdict(reviewed.group(group.id)) == "conflict"


def test_confirm_records_the_computed_verdict(ws: Workspace) -> None:
    group = group_with(ws, "400", "more than 400")
    decision = ws.review(group.id, verdict="confirm")
    assert decision.payload["verdict"] == decision.payload["computed"] == group.verdict
    assert ws.comparison().reviews[group.id].verdict == group.verdict


def test_a_correction_changes_the_verdict(ws: Workspace) -> None:
    group = group_with(ws, "400", "more than 400")
    cid = claim_in(group, "400")
    ws.correct(cid, {"value": "250"}, note="misread")
    reviewed = ws.comparison()
    claim = reviewed.claim(cid)
    assert (claim.value, claim.lower, claim.upper) == (250.0, 250.0, 250.0)
    assert reviewed.corrected == {cid: ("value",)}
    assert reviewed.group_of(cid).verdict != "consistent"


def test_not_a_claim_takes_a_figure_out_and_undo_puts_it_back(ws: Workspace) -> None:
    group = group_with(ws, "400", "more than 400")
    cid = claim_in(group, "400")
    ws.mark_not_a_claim(cid)
    reviewed = ws.comparison()
    assert reviewed.group_of(cid) is None and [claim_id(c) for c in reviewed.excluded] == [cid]
    # RT's "400" was added last, so the group left with "more than 400" keeps its id.
    left = reviewed.group(group.id)
    assert [m.claim.surface for m in left.members] == ["more than 400"]
    assert left.verdict == "single"
    ws.mark_not_a_claim(cid, undo=True)
    assert ws.comparison().group_of(cid).id == group.id


def test_a_review_follows_its_group_when_the_anchor_is_taken_out(ws: Workspace) -> None:
    group = group_with(ws, "thousands", "at least 6,000", "more than 6,000")
    ws.review(group.id, verdict="conflict", note="another year")
    order = {claim_id(c): i for i, c in enumerate(ws.comparison().claims)}
    anchor = min((claim_id(m.claim) for m in group.members), key=order.__getitem__)
    assert group.id == group_id(anchor)
    ws.mark_not_a_claim(anchor)
    reviewed = ws.comparison()
    other = next(claim_id(m.claim) for m in group.members if claim_id(m.claim) != anchor)
    moved = reviewed.group_of(other)
    assert moved.id != group.id and reviewed.reviews[moved.id].verdict == "conflict"
    assert reviewed.orphans == []


def test_move_split_and_merge_rearrange_and_rejudge(ws: Workspace) -> None:
    deployed = group_with(ws, "400", "more than 400")
    produced = group_with(ws, "thousands", "at least 6,000", "more than 6,000")
    four_hundred = claim_in(deployed, "400")
    ws.move(four_hundred, to=produced.id)
    reviewed = ws.comparison()
    assert reviewed.group_of(four_hundred).id == produced.id
    assert reviewed.reviews[produced.id].by_hand
    # 400 beside 6,000: judged again as the reviewer arranged it, no longer "consistent".
    assert reviewed.group(produced.id).verdict != produced.verdict == "consistent"
    assert reviewed.group(deployed.id).verdict == "single"

    ws.split(produced.id, [four_hundred])
    reviewed = ws.comparison()
    alone = reviewed.group_of(four_hundred)
    assert alone.id not in (produced.id, deployed.id) and len(alone.members) == 1
    assert reviewed.group(produced.id).verdict == "consistent"

    ws.merge(alone.id, into=deployed.id)
    reviewed = ws.comparison()
    assert reviewed.group_of(four_hundred).id == deployed.id
    assert reviewed.group(deployed.id).verdict == "consistent"
    assert reviewed.group(alone.id) is None
    assert [d.kind for d in ws.decisions()] == ["move", "split", "merge"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda ws, g, c: ws.review("g0000000000", verdict="conflict"), "no such group"),
        (lambda ws, g, c: ws.review(g, verdict="wrong"), "not one of"),
        (lambda ws, g, c: ws.review(g, status="done"), "not one of"),
        (lambda ws, g, c: ws.review(g), "give a verdict"),
        (lambda ws, g, c: ws.correct(c, {"value": "four hundred"}), "not a number"),
        (lambda ws, g, c: ws.correct(c, {"value": "nan"}), "not a number"),
        (lambda ws, g, c: ws.correct(c, {"lower": "500", "upper": "100"}), "above"),
        (lambda ws, g, c: ws.correct(c, {"colour": "red"}), "cannot correct"),
        (lambda ws, g, c: ws.correct(c, {"qualifier": "about"}), "qualifier"),
        (lambda ws, g, c: ws.correct("a000000000000:1-2", {"value": 1}), "no such claim"),
        (lambda ws, g, c: ws.move(c, to="gnothere"), "no such group"),
        (lambda ws, g, c: ws.split(g, []), "not none or all"),
        (lambda ws, g, c: ws.split(g, ["a000000000000:1-2"]), "not in group"),
        (lambda ws, g, c: ws.merge(g, into=g), "into itself"),
    ],
)
def test_a_bad_decision_is_refused_and_nothing_is_written(
    ws: Workspace, call: Any, message: str
) -> None:
    group = group_with(ws, "400", "more than 400")
    revision = ws.revision()
    with pytest.raises(WorkspaceError, match=message):
        call(ws, group.id, claim_in(group, "400"))
    assert ws.decisions() == [] and ws.revision() == revision


def test_the_log_is_append_only_in_the_database(ws: Workspace, workspace_url: str) -> None:
    group = group_with(ws, "400", "more than 400")
    ws.review(group.id, verdict="conflict")
    from numclaims.store.engine import create, database_url

    engine = create(database_url(workspace_url))
    try:
        for statement in ("UPDATE decisions SET note = 'x'", "DELETE FROM decisions"):
            with pytest.raises(sa.exc.DatabaseError, match="append-only"):
                with engine.begin() as connection:
                    connection.execute(sa.text(statement))
    finally:
        engine.dispose()
    assert [d.note for d in ws.decisions()] == [None]


# --------------------------------------------------------------------------------------------
# New evidence against a decision


def test_new_evidence_against_a_review_is_flagged_not_dropped(
    ws: Workspace, extractor: Any
) -> None:
    group = group_with(ws, "400", "more than 400")
    ws.review(group.id, verdict="consistent", status="reviewed", note="checked both")
    assert ws.comparison().reviews[group.id].flags == []
    ws.add_documents([later_article()], extract=extractor)
    reviewed = ws.comparison()
    review = reviewed.reviews[group.id]
    assert review.verdict == "consistent"  # kept...
    assert reviewed.group(group.id).verdict == "conflict"
    [flag] = review.flags  # ...and the group says the new figure goes against it
    assert "'300' (Test Wire)" in flag and "conflict" in flag and "Review it again" in flag
    # A new review clears the flag: the reviewer has looked again.
    ws.review(group.id, verdict="conflict")
    assert ws.comparison().reviews[group.id].flags == []


def test_new_evidence_that_agrees_is_a_note(ws: Workspace, extractor: Any) -> None:
    group = group_with(ws, "400", "more than 400")
    ws.review(group.id, verdict="confirm")
    agreeing = LOWER_LATER.replace("300", "more than 400")
    ws.add_documents([later_article(agreeing)], extract=extractor)
    review = ws.comparison().reviews[group.id]
    assert review.flags == []
    assert any("1 figure added" in note and "still give" in note for note in review.notes)


def test_a_decision_whose_claim_is_gone_is_kept_as_an_orphan(
    ws: Workspace, extractor: Any
) -> None:
    group = group_with(ws, "400", "more than 400")
    cid = claim_in(group, "400")
    ws.correct(cid, {"value": 410})
    article = cid.split(":")[0]
    # A new version of the extractor that no longer finds the figure.
    ws.reextract(extract=lambda docs: [c for c in extractor(docs) if claim_id(c) != cid])
    reviewed = ws.comparison()
    assert reviewed.claim(cid) is None
    assert [d.target for d in reviewed.orphans] == [cid]
    assert article in {d.doc_id for d in ws.documents()}


# --------------------------------------------------------------------------------------------
# The database


def test_migrating_an_empty_database_gives_the_declared_schema(workspace_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from numclaims.store.engine import create, database_url
    from numclaims.store.schema import metadata

    open_workspace(workspace_url).close()
    engine = create(database_url(workspace_url))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection)
            assert compare_metadata(context, metadata) == []
            assert context.get_current_revision() == "0002"
    finally:
        engine.dispose()


def test_settings_are_checked_and_kept(workspace_url: str) -> None:
    with open_workspace(workspace_url) as ws:
        with pytest.raises(WorkspaceError, match="review_url"):
            ws.publisher()
        with pytest.raises(WorkspaceError, match="not an http"):
            ws.set_settings(review_url="javascript:alert(1)")
        ws.set_settings(organisation="Example Check", review_url="https://example.org/{group}")
    with open_workspace(workspace_url) as ws:
        assert ws.publisher().organisation == "Example Check"
        assert ws.set_settings(organisation="") == {"review_url": "https://example.org/{group}"}


def test_the_groups_tables_hold_the_reviewed_comparison(ws: Workspace,
                                                        workspace_url: str) -> None:
    group = group_with(ws, "400", "more than 400")
    ws.review(group.id, verdict="conflict", status="published")
    from numclaims.store.engine import create, database_url

    engine = create(database_url(workspace_url))
    try:
        with engine.connect() as connection:
            row = connection.execute(sa.text(
                "SELECT verdict, reviewed_verdict, status FROM groups WHERE id = :id"
            ), {"id": group.id}).one()
            members = connection.execute(sa.text(
                "SELECT count(*) FROM group_claims WHERE group_id = :id"), {"id": group.id}
            ).scalar()
    finally:
        engine.dispose()
    assert tuple(row) == ("consistent", "conflict", "published") and members == 2


def test_an_in_memory_path_and_the_workspace_give_the_same_groups(
    ws: Workspace, seed_documents: list[Document]
) -> None:
    from numclaims.compare import compare
    from numclaims.extract import extract_documents

    claims = extract_documents(seed_documents)
    direct = compare(claims, documents=seed_documents)
    stored = ws.comparison().comparison
    shape = [(g.verdict, sorted(m.claim.surface for m in g.members)) for g in direct.groups]
    assert [(g.verdict, sorted(m.claim.surface for m in g.members))
            for g in stored.groups] == shape


def test_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WorkspaceError, match="does not exist"):
        open_workspace(tmp_path / "no" / "story.db")


def test_the_migrations_ship_as_package_data() -> None:
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["numclaims.store"]
    package = ROOT / "numbers" / "numclaims" / "store"
    shipped = {p for pattern in patterns for p in package.glob(pattern)}
    needed = {p for p in (package / "migrations").rglob("*")
              if p.is_file() and "__pycache__" not in p.parts}
    assert needed and needed <= shipped, sorted(str(p) for p in needed - shipped)


def test_a_workspace_from_a_newer_numclaims_is_refused_untouched(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "story.db"
    open_workspace(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(WorkspaceError, match="newer numclaims"):
        open_workspace(path)
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("9999",)]


def test_an_older_workspace_is_migrated_on_open(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "story.db"
    with sqlite3.connect(path) as connection:  # a workspace before its first migration ran
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    with open_workspace(path) as ws:
        assert ws.decisions() == [] and ws.settings() == {}
    with sqlite3.connect(path) as connection:
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "claims", "decisions", "groups", "settings"} <= tables


# --------------------------------------------------------------------------------------------
# The comparison kept


def _snapshots(workspace_url: str, statement: str) -> list[Any]:
    from numclaims.store.engine import create, database_url

    engine = create(database_url(workspace_url))
    try:
        with engine.begin() as connection:
            result = connection.execute(sa.text(statement))
            return list(result) if result.returns_rows else []
    finally:
        engine.dispose()


def test_the_kept_comparison_is_the_one_recomputed(ws: Workspace, workspace_url: str) -> None:
    group = group_with(ws, "400", "more than 400")
    ws.correct(claim_in(group, "400"), {"value": "250"}, note="misread")
    ws.review(group_with(ws, "thousands", "at least 6,000").id, verdict="conflict",
              status="needs work", note="another year")
    ws.mark_not_a_claim(claim_in(group_with(ws, "more than 400"), "more than 400"))
    kept = ws.comparison()
    assert _snapshots(workspace_url, "SELECT revision FROM snapshots") == [(ws.revision(),)]
    _snapshots(workspace_url, "DELETE FROM snapshots")
    recomputed = ws.comparison()
    assert kept == recomputed
    assert kept.excluded and kept.corrected and any(r.notes for r in kept.reviews.values())


def test_a_comparison_kept_by_another_version_is_not_used(ws: Workspace,
                                                          workspace_url: str) -> None:
    before = ws.comparison()
    _snapshots(workspace_url, "UPDATE snapshots SET body = "
               "'{\"claims\": [], \"compared\": 0, \"groups\": [], \"reviews\": {}, "
               "\"excluded\": [], \"corrected\": {}, \"orphans\": []}'")
    assert ws.comparison().comparison.groups == []  # the kept one is read while it holds
    _snapshots(workspace_url, "UPDATE snapshots SET made_with = 'numclaims 0.0.1'")
    assert ws.comparison() == before


def test_a_workspace_from_before_snapshots_opens_and_compares_afresh(
    ws: Workspace, workspace_url: str
) -> None:
    group = group_with(ws, "400", "more than 400")
    ws.review(group.id, verdict="conflict", note="a decision made before the upgrade")
    before = ws.comparison()
    ws.close()
    _snapshots(workspace_url, "DROP TABLE snapshots")  # as the first schema left it
    _snapshots(workspace_url, "UPDATE alembic_version SET version_num = '0001'")
    with open_workspace(workspace_url) as reopened:
        assert reopened.comparison() == before
        assert reopened.comparison().reviews[group.id].verdict == "conflict"
