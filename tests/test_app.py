"""The dashboard page, driven with Streamlit's AppTest (no browser).

The spaCy model loads on the first run and stays loaded for the process (it is a cached
resource), so only the first test pays for it. Each page opens a workspace of its own
(``NUMCLAIMS_DB``), a copy of one filled with the seeds once for the module.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from click.testing import CliRunner
from streamlit.testing.v1 import AppTest

from conftest import copy_of
from local_site import LocalSite
from numclaims.cli import cli
from numclaims.compare import compare
from numclaims.extract import extract_documents
from numclaims.models import Document
from numclaims.read.documents import make_document, read_paths
from numclaims.store import article_id, open_workspace

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 120  # seconds: the first run loads the spaCy model

# A third count of the drones deployed since August 2022, lower than the seeds' 400 and more.
PASTED = (
    "US officials said Russia has deployed 300 Iranian-made attack drones against Ukraine "
    "since August 2022."
)


def seed_documents() -> list[Document]:
    return read_paths([str(ROOT / "seeds")]).documents


def page() -> AppTest:
    """A new page view (a new session) of the workspace ``NUMCLAIMS_DB`` names."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    return at.run()


@pytest.fixture(autouse=True)
def fresh_workspace(seeds_copy: Path) -> Path:
    """Each test's pages open a fresh copy of the seeds' workspace."""
    return seeds_copy


def story(at: AppTest) -> list[tuple[str, set[str]]]:
    """Each group on the Story tab: its verdict and its figures, from its card (the groups more
    than one article reports) or from the table of figures only one report gives."""
    tab = at.tabs[0]
    headers = [m.value for m in tab.markdown if m.value.startswith("####")
               and not m.value.startswith("#####")]
    verdicts = [re.search(r"-badge\[([a-z-]+)\]", h).group(1) for h in headers]  # type: ignore[union-attr]
    frames = [t.value for t in tab.dataframe]
    cards = [set(f["figure"]) for f in frames if "figure" in f and "group" not in f]
    assert len(verdicts) == len(cards)
    groups = list(zip(verdicts, cards, strict=True))
    for frame in frames:
        if "group" in frame:  # the single-report table: one group a group id
            groups += [(rows["verdict"].iloc[0], set(rows["figure"]))
                       for _, rows in frame.groupby("group", sort=False)]
    return groups


def metric(at: AppTest, name: str) -> int:
    return int(next(m.value for m in at.metric if m.label == name))


def errors(at: AppTest) -> list[str]:
    """The page's error messages, Markdown escapes removed."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in at.error]


def verdict_of(groups: list[tuple[str, set[str]]], surfaces: set[str]) -> str:
    matches = [verdict for verdict, figures in groups if surfaces <= figures]
    assert matches, f"no group holds {sorted(surfaces)}; groups: {groups}"
    return matches[0]


def gold_surfaces(gold_claims: list[dict[str, Any]], group: str) -> set[str]:
    return {claim["surface"] for claim in gold_claims if claim["group"] == group}


@pytest.fixture(scope="module")
def seeds_page(seeds_workspace: Path, tmp_path_factory: pytest.TempPathFactory) -> Any:
    # Module-wide, so its reruns in later tests open the same workspace.
    path = copy_of(seeds_workspace, tmp_path_factory.mktemp("seeds-page"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("NUMCLAIMS_DB", str(path))
        yield page()


def test_seeds_view_shows_the_seven_groups_with_their_verdicts(
    seeds_page: AppTest, gold_groups: dict[str, Any], gold_claims: list[dict[str, Any]]
) -> None:
    at = seeds_page
    assert not at.exception
    groups = story(at)
    for name, expected in gold_groups.items():
        verdict = verdict_of(groups, gold_surfaces(gold_claims, name))
        assert verdict in expected["verdict"], f"{name}: {verdict}, expected {expected['verdict']}"
    # Conflicts first.
    order = [verdict for verdict, _ in groups]
    assert order == sorted(order, key=lambda v: v != "conflict")


def test_the_story_is_the_librarys_comparison(seeds_page: AppTest) -> None:
    documents = seed_documents()
    comparison = compare(extract_documents(documents), documents=documents)
    several = [g for g in comparison.groups if len({m.claim.doc_id for m in g.members}) > 1]
    singles = [g for g in comparison.groups if g not in several]
    assert singles, "the seeds have figures only one report gives"
    expected = [(g.verdict, {m.claim.surface for m in g.members}) for g in several + singles]
    assert story(seeds_page) == expected


def test_each_card_gives_its_figures_by_source(seeds_page: AppTest) -> None:
    lines = [re.sub(r"\\(.)", r"\1", m.value) for m in seeds_page.tabs[0].markdown
             if m.value.startswith("**By source:**")]  # Markdown escapes off
    assert any("Wall Street Journal" in line and "(2 outlets)" in line for line in lines), lines


def test_the_other_tabs_show_claims_articles_and_exports(seeds_page: AppTest) -> None:
    at = seeds_page
    claims = at.tabs[1].dataframe[0].value
    assert len(claims) == metric(at, "claims") >= 14
    articles = at.tabs[2].dataframe[0].value
    assert len(articles) == 5
    assert {b.label for b in at.tabs[3].button} | {
        d.label for d in at.get("download_button")
    } >= {"CSV", "JSON", "Markdown report"}


def test_the_export_is_the_command_lines_report(seeds_page: AppTest) -> None:
    import os

    result = CliRunner().invoke(cli, ["export", "--db", os.environ["NUMCLAIMS_DB"],
                                      "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert not seeds_page.tabs[3].code  # written only when asked for
    seeds_page.toggle(key="show_report").set_value(True).run()
    assert seeds_page.tabs[3].code[0].value.rstrip("\n") == result.stdout.rstrip("\n")
    seeds_page.toggle(key="show_report").set_value(False).run()


def test_a_filter_narrows_the_claims(seeds_page: AppTest) -> None:
    at = seeds_page
    at.multiselect(key="f_outlet").set_value(["RT"]).run()
    shown = at.tabs[1].dataframe[0].value
    assert len(shown) and set(shown["outlet"]) == {"RT"}
    at.multiselect(key="f_outlet").set_value([])
    at.text_input(key="f_search").set_value("since august").run()
    shown = at.tabs[1].dataframe[0].value
    assert set(shown["figure"]) >= {"400", "more than 400"}
    at.text_input(key="f_search").set_value("").run()


def test_pasting_adds_claims_and_moving_their_date_changes_the_verdict() -> None:
    at = page()
    before = metric(at, "claims")
    at.text_area(key="paste_text").set_value(PASTED)
    at.text_input(key="paste_outlet").set_value("Test Wire")
    at.text_input(key="paste_date").set_value("2023-03-01")
    at.button(key="FormSubmitter:paste-Add article").click().run()
    assert not at.exception and not at.error
    assert metric(at, "articles") == 6
    assert metric(at, "claims") > before
    assert "Test Wire" in set(at.tabs[1].dataframe[0].value["outlet"])
    assert at.text_area(key="paste_text").value == ""  # taken, so the form is emptied
    # Reported after "more than 400", a running total of 300 has fallen: a conflict.
    assert verdict_of(story(at), {"300", "400", "more than 400"}) == "conflict"
    # Reported before the 400 of November 2022, it is a total that rose.
    pasted = article_id(make_document(PASTED))
    at.selectbox(key="edit_article").set_value(pasted).run()
    at.text_input(key=f"date-{pasted}").set_value("2022-09-15")
    at.button(key="FormSubmitter:edit-Apply").click().run()
    assert not at.exception and not at.error
    assert verdict_of(story(at), {"300", "400", "more than 400"}) == "evolving"


def test_pasting_with_a_bad_date_keeps_the_text_and_says_why() -> None:
    at = page()
    at.text_area(key="paste_text").set_value(PASTED)
    at.text_input(key="paste_date").set_value("sometime")
    at.button(key="FormSubmitter:paste-Add article").click().run()
    assert not at.exception
    assert any("sometime" in e for e in errors(at))
    assert metric(at, "articles") == 5
    assert at.text_area(key="paste_text").value == PASTED


def test_uploads_add_claims_and_a_bad_upload_shows_a_message() -> None:
    at = page()
    before = metric(at, "claims")
    at.file_uploader(key="uploads").set_value(
        [
            ("wire.txt", PASTED.encode("utf-8"), "text/plain"),
            ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\xff\xfe", "text/plain"),
            ("latin.txt", "Le café a vendu 300 croissants.".encode("latin-1"), "text/plain"),
            ("huge.txt", b"400 drones. " * 430_000, "text/plain"),
        ]
    ).run()
    assert not at.exception
    messages = errors(at)
    for name, problem in [("photo.txt", "binary"), ("latin.txt", "UTF-8"), ("huge.txt", "large")]:
        assert any(name in m and problem in m for m in messages), (name, messages)
    assert metric(at, "articles") == 6
    assert metric(at, "claims") > before
    assert len(story(at)) >= 7  # the rest of the story stays


def test_editing_a_date_changes_which_august_a_figure_counts_from(
    gold_claims: list[dict[str, Any]],
) -> None:
    # RT (004) reported "400 drones deployed since August" on 2022-11-20: August 2022, as in
    # the "more than 400" of February 2023. Dated September 2023, it means August 2023.
    at = page()
    deployed = gold_surfaces(gold_claims, "drones-deployed")
    assert verdict_of(story(at), deployed) == "consistent"
    rt = next(article_id(d) for d in seed_documents() if d.outlet == "RT")
    at.selectbox(key="edit_article").set_value(rt).run()
    at.text_input(key=f"date-{rt}").set_value("2023-09-01")
    at.button(key="FormSubmitter:edit-Apply").click().run()
    assert not at.exception and not at.error
    articles = at.tabs[2].dataframe[0].value
    assert articles.loc[articles["outlet"] == "RT", "report date"].item() == pd.Timestamp(
        "2023-09-01"
    )
    assert verdict_of(story(at), {"more than 400"}) == "single"
    assert verdict_of(story(at), {"400"}) == "single"


# --------------------------------------------------------------------------------------------
# The workspace: decisions made in the page are kept, and a reload shows them again


def group_id_holding(surfaces: set[str]) -> str:
    import os

    with open_workspace(os.environ["NUMCLAIMS_DB"]) as ws:
        for group in ws.comparison().comparison.groups:
            if surfaces <= {m.claim.surface for m in group.members}:
                return group.id
    raise AssertionError(surfaces)


def page_text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(c.value for c in at.caption)


def test_an_override_with_a_note_and_a_status_survives_a_reload() -> None:
    gid = group_id_holding({"thousands", "at least 6,000"})
    at = page()
    at.radio(key=f"verdict-{gid}").set_value("conflict")
    at.radio(key=f"status-{gid}").set_value("needs work")
    at.text_area(key=f"note-{gid}").set_value("6,000 counts *another* year")
    at.button(key=f"FormSubmitter:review-{gid}-Save review").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    for view in (at, page()):  # the page after saving, and a new page view: a reload
        text = page_text(view)
        assert ":red-badge[conflict] (computed: consistent)" in text
        assert "**needs work**" in text
        assert r"6,000 counts \*another\* year" in text
        assert metric(view, "conflicts") == 1


def test_a_correction_and_not_a_claim_made_in_the_page_persist() -> None:
    gid = group_id_holding({"400", "more than 400"})
    four_hundred = claim_with(gid, "400")
    at = page()
    at.selectbox(key=f"figure-{gid}").set_value(four_hundred)
    at.text_input(key=f"fix-value-{gid}").set_value("250")
    at.button(key=f"FormSubmitter:correct-{gid}-Save correction").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    reloaded = page()
    # 250 against "more than 400": no longer consistent.
    assert verdict_of(story(reloaded), {"400", "more than 400"}) != "consistent"
    assert "250" in set(reloaded.tabs[1].dataframe[0].value["stated"])
    before = metric(reloaded, "claims")
    reloaded.selectbox(key=f"figure-{gid}").set_value(four_hundred)
    reloaded.checkbox(key=f"not-claim-{gid}").check()
    reloaded.button(key=f"FormSubmitter:correct-{gid}-Save correction").click().run()
    assert metric(page(), "claims") == before - 1


def claim_with(gid: str, surface: str) -> str:
    import os

    from numclaims.store import claim_id

    with open_workspace(os.environ["NUMCLAIMS_DB"]) as ws:
        group = ws.comparison().group(gid)
    assert group is not None
    return next(claim_id(m.claim) for m in group.members if m.claim.surface == surface)


def test_a_decision_in_one_session_shows_in_another_after_a_rerun() -> None:
    gid = group_id_holding({"400", "more than 400"})
    first, second = page(), page()
    first.radio(key=f"verdict-{gid}").set_value("conflict")
    first.button(key=f"FormSubmitter:review-{gid}-Save review").click().run()
    assert ":red-badge[conflict]" not in page_text(second)
    second.run()
    assert ":red-badge[conflict] (computed: consistent)" in page_text(second)


def test_a_bad_correction_is_a_message_and_changes_nothing() -> None:
    gid = group_id_holding({"400", "more than 400"})
    at = page()
    at.text_input(key=f"fix-value-{gid}").set_value("lots")
    at.button(key=f"FormSubmitter:correct-{gid}-Save correction").click().run()
    assert not at.exception
    assert any("'lots' is not a number" in e for e in errors(at))
    import os

    with open_workspace(os.environ["NUMCLAIMS_DB"]) as ws:
        assert ws.decisions() == []


def test_articles_fetched_by_url_join_the_story_and_a_bad_address_says_why(
    site: LocalSite,
) -> None:
    at = page()
    before = metric(at, "articles")
    urls = [site.url("/news/a.html"), site.url("/news/b.html"), site.url("/loop"), "/etc/passwd"]
    at.text_area(key="fetch_urls").set_value("\n".join(urls))
    at.button(key="FormSubmitter:fetch-Fetch articles").click().run()
    assert not at.exception
    assert metric(at, "articles") == before + 2
    labels = " ".join(at.selectbox(key="edit_article").options)
    assert "Daily A" in labels and "Daily B" in labels
    messages = errors(at)
    assert any(site.url("/loop") in m and "too many redirects" in m for m in messages), messages
    assert any("/etc/passwd" in m and "not an http" in m for m in messages), messages


def test_single_report_figures_fold_into_one_table_and_open_one_at_a_time_to_review() -> None:
    import os

    with open_workspace(os.environ["NUMCLAIMS_DB"]) as ws:
        groups = ws.comparison().comparison.groups
    singles = [g for g in groups if len({m.claim.doc_id for m in g.members}) == 1]
    several = [g for g in groups if g not in singles]
    at = page()
    frames = [t.value for t in at.tabs[0].dataframe]
    summary = next(f for f in frames if "figures by source and date" in f)
    assert list(summary["quantity"]) == [g.label for g in several]
    folded = next(f for f in frames if "group" in f)
    assert list(folded["group"]) == [g.id for g in singles for _ in g.members]
    gid = singles[0].id
    at.selectbox(key="single_review").set_value(gid).run()
    at.radio(key=f"verdict-{gid}").set_value("conflict")
    at.button(key=f"FormSubmitter:review-{gid}-Save review").click().run()
    assert not at.exception and not at.error
    with open_workspace(os.environ["NUMCLAIMS_DB"]) as ws:
        assert ws.comparison().reviews[gid].verdict == "conflict"
