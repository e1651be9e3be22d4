"""The numclaims dashboard: the figures different reports give for the same thing, side by side.

Run it with ``streamlit run app.py`` (the default workspace, filled with the seed articles in
``seeds/`` on first start) or ``streamlit run app.py -- --db story.db`` (or ``NUMCLAIMS_DB``).
Everything a reviewer does here is kept in the workspace, so a reload shows it again. This file
holds layout and widgets only: what the page shows is computed in :mod:`numclaims.views`, and
kept in :mod:`numclaims.store`.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Any

import streamlit as st
from spacy.language import Language

from numclaims import views
from numclaims.errors import InputError, NumclaimsError
from numclaims.extract import extract_document, extract_documents, load_pipeline
from numclaims.models import Claim, Corpus, Document, Group, ReadProblem
from numclaims.output import publishable, render, render_claimreview
from numclaims.read.documents import (
    UPLOAD_LIMIT_BYTES,
    make_document,
    read_paths,
    read_upload,
    read_urls,
)
from numclaims.store import Reviewed, Workspace, claim_id, open_workspace, reviewer

SEEDS = Path(__file__).resolve().parent / "seeds"
WARM_UP = "Officials said on Monday that more than 400 drones had been deployed since August."
UPLOAD_TYPES = ["txt", "html", "htm", "csv", "jsonl", "parquet"]
# The browser refuses bigger files outright; the reader refuses anything over its own limit
# with a message in the page.
UPLOAD_MB = UPLOAD_LIMIT_BYTES // 1_000_000

# --------------------------------------------------------------------------------------------
# Caching, all of it: the model once per server, reading and extraction once per input.


@st.cache_resource(show_spinner="Loading the language model…")
def pipeline() -> Language:
    nlp = load_pipeline()
    # The first extraction also loads the word lists and the date parser; pay for it here, once
    # per server, rather than in the first reader's page view.
    extract_document(make_document(WARM_UP, published="2023-02-07"), nlp=nlp)
    return nlp


@st.cache_data(show_spinner=False)
def seed_corpus() -> Corpus:
    return read_paths([str(SEEDS)])


@st.cache_data(show_spinner=False, max_entries=64)
def uploaded_corpus(name: str, data: bytes) -> Corpus:
    try:
        return read_upload(name, data)
    except InputError as exc:
        return Corpus(problems=[ReadProblem(exc.source, exc.problem)])
    except NumclaimsError as exc:
        return Corpus(problems=[ReadProblem(name, str(exc))])


@st.cache_resource(show_spinner=False)
def workspace(address: str) -> Workspace:
    # One engine per server and workspace, shared by every session: SQLite's WAL lets them all
    # read while one writes.
    return open_workspace(address)


@st.cache_resource(show_spinner="Comparing the figures…", max_entries=4)
def reviewed(address: str, revision: str) -> Reviewed:
    # Keyed on the workspace's revision, which every write moves on: a decision made in another
    # session shows after the next rerun here. A resource, not data: every session shares the
    # one comparison (the page only reads it) instead of unpickling a copy on each rerun.
    return workspace(address).comparison()


def extract(documents: list[Document]) -> list[Claim]:
    with st.spinner("Finding the figures…"):
        return extract_documents(documents, nlp=pipeline())


@st.cache_data(show_spinner=False, max_entries=2000)
def timeline_spec(_group: Group, outlets: tuple[str, ...], view: tuple[Any, ...]
                  ) -> dict[str, Any] | None:
    # Building and validating an Altair chart costs tens of milliseconds; a filter change
    # should not pay that for every group again. The group is not hashed (a large one takes
    # longer to hash than to draw): ``view`` (the workspace, its revision, the filters and the
    # group's id) says which group it is.
    chart = views.timeline_chart(_group, outlets=outlets)
    return None if chart is None else chart.to_dict()


# --------------------------------------------------------------------------------------------
# Column configuration: values stay typed; the page formats them.

COLUMNS = {
    "mark": st.column_config.TextColumn("", width="small", help="⚠ a figure that conflicts"),
    "figure": st.column_config.TextColumn("figure", help="The figure as the article wrote it"),
    "stated": st.column_config.TextColumn("stated", help="The bounds the figure's words state"),
    "read as": st.column_config.TextColumn(
        "read as", help="The range the figure is read as, rounding allowed"
    ),
    "report date": st.column_config.TextColumn(
        "report date", help="As precise as it is known: a day, a month or a year"
    ),
    "link": st.column_config.LinkColumn("link", display_text="open article", width="small"),
    "claims": st.column_config.NumberColumn("claims", format="%d"),
    "sentence": st.column_config.TextColumn("sentence", width="large"),
}
SUMMARY_COLUMNS = {
    "verdict": st.column_config.TextColumn("verdict", width="small"),
    "quantity": st.column_config.TextColumn("quantity", help="What the figures measure"),
    "figures by source and date": st.column_config.TextColumn(
        "figures by source and date", width="large",
        help="Each figure as written, its outlet (and the source it cites), its report date",
    ),
    "reports": st.column_config.NumberColumn("reports", format="%d"),
}
ARTICLE_COLUMNS = {
    **COLUMNS,
    "report date": st.column_config.DateColumn(
        "report date", format="YYYY-MM-DD", help="A month or year date shows its first day"
    ),
}


# --------------------------------------------------------------------------------------------
# Sidebar: adding articles and correcting their outlet and date


def open_story() -> tuple[Workspace, str]:
    """The workspace this page shows, filled with the seeds if it is the default one and new."""
    address, default = views.workspace_address(sys.argv[1:], os.environ)
    if default:
        Path(address).parent.mkdir(parents=True, exist_ok=True)
    try:
        ws = workspace(address)
        if default and not ws.settings().get("seeded"):
            ws.add_documents(seed_corpus().documents, extract=extract)
            ws.set_settings(seeded="yes")
    except NumclaimsError as exc:
        st.error(f"Cannot open the workspace: {views.markdown_text(str(exc))}", icon="⚠️")
        st.stop()
    return ws, address


def who() -> str:
    return (st.session_state.get("reviewer") or "").strip() or reviewer()


def add_articles(ws: Workspace) -> list[ReadProblem]:
    """Uploads and pasted articles go into the workspace; what could not be read is returned."""
    problems: list[ReadProblem] = []
    st.sidebar.header("Add articles")
    uploads = st.sidebar.file_uploader(
        "Upload articles",
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key="uploads",
        max_upload_size=UPLOAD_MB,
        help="Text or HTML files, or a CSV/JSONL with a text column and optional outlet, "
        "published, url and title columns.",
    )
    for upload in uploads or []:
        corpus = uploaded_corpus(upload.name, upload.getvalue())
        problems += corpus.problems
        if corpus.documents:  # already-added articles are skipped without extracting again
            added = decide(lambda c=corpus: ws.add_documents(c.documents, extract=extract,
                                                             author=who()))
            if added is not None:
                problems += added.problems
                st.sidebar.caption(f"✅ {views.markdown_text(upload.name)}: "
                                   f"{views.added_text(len(added.added), len(added.known))}")
    with st.sidebar.form("paste"):
        st.markdown("**Or paste an article**")
        st.text_area("Article text", key="paste_text")
        st.text_input("Title (optional)", key="paste_title")
        st.text_input("Outlet", key="paste_outlet")
        st.text_input("Report date", key="paste_date", placeholder="2023-02-07")
        st.form_submit_button("Add article", on_click=add_pasted, args=(ws,))
    if "paste_added" in st.session_state:
        st.sidebar.success(st.session_state.pop("paste_added"), icon="✅")
    with st.sidebar.form("fetch"):
        st.markdown("**Or add articles by web address**")
        st.text_area("Article URLs, one a line", key="fetch_urls", placeholder="https://…")
        st.form_submit_button("Fetch articles", on_click=add_fetched, args=(ws,))
    problems += st.session_state.pop("fetch_problems", [])
    if "fetch_added" in st.session_state:
        st.sidebar.success(st.session_state.pop("fetch_added"), icon="✅")
    remove_articles(ws)
    return problems


def remove_articles(ws: Workspace) -> None:
    """Take any article out of the story again (kept in the workspace's log)."""
    by_id = {document.doc_id: document for document in ws.documents()}
    if not by_id:
        return
    with st.sidebar.form("remove"):
        doc_id = st.selectbox(
            "Remove an article", list(by_id),
            format_func=lambda i: views.article_label(by_id[i]), key="remove_article",
        )
        if st.form_submit_button("Remove") and doc_id is not None:
            if decide(lambda: ws.remove_article(doc_id, author=who())) is not None:
                st.session_state.removed_message = f"Removed {views.article_label(by_id[doc_id])}."
                st.rerun()
    if "removed_message" in st.session_state:
        st.sidebar.success(st.session_state.pop("removed_message"), icon="✅")


def add_pasted(ws: Workspace) -> None:
    """Keep the pasted article, and empty the form only once it has been taken."""
    state = st.session_state
    number = int(ws.settings().get("pasted") or 0) + 1  # never reused, though removed
    try:
        document = views.pasted_document(
            state.paste_text,
            number=number,
            title=state.paste_title,
            outlet=state.paste_outlet,
            published=state.paste_date,
        )
    except InputError as exc:
        state.problem = f"Could not use {exc.source}: {exc.problem}"
        return
    added = decide(lambda: ws.add_documents([document], extract=extract, author=who()))
    if added is None:
        return
    if added.problems:  # the form keeps the text, to correct or to try again
        state.problem = f"Could not use {added.problems[0]}"
        return
    if not added.added:
        state.paste_added = "That article is already in the story."
    else:
        ws.set_settings(pasted=str(number))
        state.paste_added = f"Added {views.article_label(document)}."
    for key in ("paste_text", "paste_title", "paste_outlet", "paste_date"):
        state[key] = ""


def add_fetched(ws: Workspace) -> None:
    """Fetch the addresses typed (pages come from the page cache once fetched) into the
    workspace; leave the box as typed when nothing could be read."""
    state = st.session_state
    # read_urls, never read_paths: a line typed here must not open a file on the server.
    corpus = read_urls(state.fetch_urls.splitlines())
    state.fetch_problems = corpus.problems
    if corpus.documents:
        added = decide(lambda: ws.add_documents(corpus.documents, extract=extract, author=who()))
        if added is None:
            return
        state.fetch_problems = corpus.problems + added.problems
        state.fetch_added = views.added_text(len(added.added), len(added.known))
    if corpus.documents and not corpus.problems:
        state.fetch_urls = ""


def decide(action: Any) -> Any:
    """Run a workspace write; a refusal is shown at the top of the next page view."""
    try:
        return action()
    except NumclaimsError as exc:
        st.session_state.problem = str(exc)
        return None


def edit_articles(ws: Workspace, documents: list[Document]) -> None:
    """Correct an article's outlet and report date; kept in the workspace's log."""
    st.sidebar.header("Correct an article")
    by_id = {document.doc_id: document for document in documents}
    doc_id = st.sidebar.selectbox(
        "Article",
        list(by_id),
        format_func=lambda i: views.article_label(by_id[i]),
        key="edit_article",
    )
    if doc_id is None:
        return
    document = by_id[doc_id]
    with st.sidebar.form("edit"):
        st.text_input("Outlet", value=document.outlet or "", key=f"outlet-{doc_id}")
        st.text_input(
            "Report date",
            value=document.published.iso() if document.published else "",
            key=f"date-{doc_id}",
            help="2023-02-07, or 2023-02 when only the month is known",
        )
        st.form_submit_button("Apply", on_click=edit_article, args=(ws, doc_id))


def edit_article(ws: Workspace, doc_id: str) -> None:
    state = st.session_state
    decide(lambda: ws.edit_article(doc_id, outlet=state[f"outlet-{doc_id}"],
                                   published=state[f"date-{doc_id}"], author=who(),
                                   extract=extract))


# --------------------------------------------------------------------------------------------
# Review: a group's verdict, status and note; a figure's correction


def review_forms(ws: Workspace, group: Group) -> None:
    gid = group.id
    with st.expander("Review this group", expanded=False), st.form(f"review-{gid}"):
        st.radio("Verdict", views.VERDICT_CHOICES, key=f"verdict-{gid}", horizontal=True)
        st.radio("Status", views.STATUS_CHOICES, key=f"status-{gid}", horizontal=True)
        st.text_area("Note", key=f"note-{gid}", placeholder="Why: kept in the log")
        st.form_submit_button("Save review", on_click=save_review, args=(ws, gid))
    with st.expander("Correct a figure", expanded=False), st.form(f"correct-{gid}"):
        members = {claim_id(m.claim): m.claim for m in group.members}
        st.selectbox("Figure", list(members), key=f"figure-{gid}",
                     format_func=lambda c: views.claim_label(members[c]))
        value, low, high = st.columns(3)
        value.text_input("value", key=f"fix-value-{gid}", placeholder="as read")
        low.text_input("low", key=f"fix-low-{gid}", placeholder="as read; 'open' for none")
        high.text_input("high", key=f"fix-high-{gid}", placeholder="as read; 'open' for none")
        qualifier, counts, attribution = st.columns(3)
        qualifier.selectbox("qualifier", views.QUALIFIER_CHOICES, key=f"fix-qualifier-{gid}")
        counts.text_input("counts", key=f"fix-counts-{gid}", placeholder="as read")
        attribution.text_input("attribution", key=f"fix-attribution-{gid}",
                               placeholder="as read")
        st.checkbox("Not a claim: leave this figure out", key=f"not-claim-{gid}")
        st.text_input("Note", key=f"fix-note-{gid}")
        st.form_submit_button("Save correction", on_click=save_correction, args=(ws, gid))


def save_review(ws: Workspace, gid: str) -> None:
    state = st.session_state
    choice = views.review_choice(state[f"verdict-{gid}"], state[f"status-{gid}"],
                                 state[f"note-{gid}"])
    if decide(lambda: ws.review(gid, author=who(), **choice)) is not None:
        state[f"note-{gid}"] = ""


def save_correction(ws: Workspace, gid: str) -> None:
    state = st.session_state
    cid, note = state[f"figure-{gid}"], state[f"fix-note-{gid}"]
    if state[f"not-claim-{gid}"]:
        decide(lambda: ws.mark_not_a_claim(cid, note=note, author=who()))
        return
    answers = {name: state[f"fix-{name}-{gid}"]
               for name in ("value", "low", "high", "qualifier", "counts", "attribution")}
    decide(lambda: ws.correct(cid, views.correction(answers), note=note, author=who()))


# --------------------------------------------------------------------------------------------
# The tabs


def story_filters(story: views.Story) -> views.ClaimFilter:
    """The filters, above the tabs: they narrow the Story tab and the All claims tab alike."""
    options = views.filter_options(views.claims_table(story))
    with st.expander("Filter the figures", expanded=False):
        outlets, counts, verdicts = st.columns(3)
        chosen_outlets = outlets.multiselect("Outlet", options["outlets"], key="f_outlet")
        chosen_counts = counts.multiselect("Counting", options["counts"], key="f_counts")
        chosen_verdicts = verdicts.multiselect("Verdict", options["verdicts"], key="f_verdict")
        when, search = st.columns([1, 2])
        date_from = date_to = None
        if options["dates"] is not None:
            picked = when.date_input(
                "Reported between", value=options["dates"],
                key=views.date_filter_key(options["dates"]), format="YYYY-MM-DD",
            )
            date_from, date_to = views.date_bounds(picked, options["dates"])
        text = search.text_input(
            "Search", key="f_search", placeholder="drones, Kirby, since August"
        )
    return views.ClaimFilter(
        tuple(chosen_outlets), tuple(chosen_counts), tuple(chosen_verdicts),
        date_from, date_to, text,
    )


def story_tab(ws: Workspace, story: views.Story, chosen: views.ClaimFilter,
              view: tuple[Any, ...]) -> None:
    if not story.comparison.groups:
        st.info("No figures to compare yet: add articles in the sidebar.")
        return
    groups = views.filter_story(story, chosen)
    if not groups:
        st.info("No figures match the filters.")
        return
    shown = f"{len(groups)} of {len(story.comparison.groups)} groups, as filtered. " \
        if chosen.active else ""
    st.caption(f"{shown}Conflicts first. Timelines: {views.TIMELINE_KEY}")
    outlets = tuple(views.outlets(story))
    several, singles = views.split_story(groups)
    if several:
        st.markdown("##### The story at a glance")
        st.dataframe(views.summary_frame(story, several), column_config=SUMMARY_COLUMNS,
                     hide_index=True, key="summary")
    page = 1
    if views.story_pages(several) > 1:
        pages = range(1, views.story_pages(several) + 1)
        page = st.selectbox("Page", pages, key="story_page",
                            format_func=lambda n: views.page_caption(several, n))
    for group in views.story_page(several, page or 1):
        with st.container(border=True, key=f"group-{group.id}"):
            group_view(story, group, outlets, view)
            review_forms(ws, group)
    if singles:
        single_reports(ws, story, singles, outlets, view)


def single_reports(ws: Workspace, story: views.Story, singles: list[Group],
                   outlets: tuple[str, ...], view: tuple[Any, ...]) -> None:
    """The figures only one report gives: one table, and any one of them opened to review."""
    count = sum(len(group.members) for group in singles)
    st.markdown(f"##### Figures only one report gives ({count})")
    st.dataframe(views.singles_frame(singles), column_config=COLUMNS, hide_index=True,
                 key="singles")
    by_id = {group.id: group for group in singles}
    chosen = st.selectbox(
        "Review one of them", [None, *by_id], key="single_review",
        format_func=lambda gid: "choose a figure…" if gid is None
        else views.single_label(by_id[gid]),
    )
    if chosen is not None:
        with st.container(border=True, key=f"group-{chosen}"):
            group_view(story, by_id[chosen], outlets, view)
            review_forms(ws, by_id[chosen])


def group_view(story: views.Story, group: Group, outlets: tuple[str, ...],
               view: tuple[Any, ...]) -> None:
    """One group's card; ``view`` names the story and filters it is shown under."""
    st.markdown(f"#### {views.verdict_badge(group.verdict)} {views.markdown_text(group.label)}")
    st.markdown(f"{views.markdown_text(group.reason)} · **{views.origins_text(group)}**")
    said = views.review_markdown(story, group)
    if said:
        st.markdown(said)
    review = story.reviews.get(group.id)
    for flag in review.flags if review else []:
        st.warning(views.markdown_text(flag), icon="⚠️")
    for note in review.notes if review else []:
        st.caption(f"📝 {views.markdown_text(note)}")
    if group.sources:
        st.markdown("**By source:** " + " · ".join(views.markdown_text(line)
                                                   for line in group.sources))
    for note in group.notes:
        st.caption(views.markdown_text(note))
    st.dataframe(
        views.group_frame(group), column_config=COLUMNS, hide_index=True,
        key=f"table-{group.id}",
    )
    timeline, evidence = st.columns([1, 1])
    spec = timeline_spec(group, outlets, (*view, group.id))
    if spec is not None:
        timeline.vega_lite_chart(spec, width="stretch", key=f"timeline-{group.id}")
    evidence.html("".join(views.evidence_html(member.claim)
                          for member in views.ordered_members(group)))


def claims_tab(story: views.Story, chosen: views.ClaimFilter) -> None:
    frame = views.claims_table(story)
    shown = views.filter_claims(frame, chosen)
    st.caption(f"{len(shown)} of {len(frame)} claims")
    if shown.empty:
        st.info("No claims match the filters." if len(frame) else "No claims yet.")
        return
    st.dataframe(
        shown, column_config=COLUMNS, column_order=views.CLAIM_COLUMNS, hide_index=True,
        key="all_claims",
    )


def articles_tab(story: views.Story) -> None:
    st.dataframe(
        views.articles_frame(story), column_config=ARTICLE_COLUMNS, hide_index=True,
        key="articles",
    )
    by_id = {document.doc_id: document for document in story.documents}
    doc_id = st.selectbox(
        "Read an article", list(by_id), format_func=lambda i: views.article_label(by_id[i]),
        key="read_article",
    )
    if doc_id is not None:
        st.caption("The article's prose, figures marked; page furniture left out.")
        with st.container(height=420, border=True):
            st.html(views.article_html(by_id[doc_id], story.claims))


def export_tab(ws: Workspace, story: views.Story) -> None:
    st.write("The comparison with the reviewers' verdicts and notes, as the command line "
             "writes it (`numclaims export`).")
    comparison, reviews = story.comparison, story.reviews
    # Each file is written when its button is pressed, not on every page view.
    buttons = st.columns(5)
    for column, (label, fmt, name, mime) in zip(buttons, EXPORTS, strict=False):
        column.download_button(
            label, functools.partial(render, comparison, fmt, reviews=reviews), name, mime,
            key=f"dl_{fmt}",
        )
    try:
        publisher = ws.publisher()
    except NumclaimsError:
        buttons[4].caption("ClaimReview: set your organisation first "
                           "(`numclaims settings --organisation … --review-url …`).")
    else:
        chosen, left = publishable(comparison, reviews)
        buttons[4].download_button(
            f"ClaimReview ({len(chosen)})",
            lambda: render_claimreview(comparison, reviews, publisher),
            "claimreview.json", "application/ld+json", key="dl_claimreview",
        )
        for group, why in left:
            st.caption(f"Left out of ClaimReview: {views.markdown_text(group.label)}: {why}")
    if st.toggle("Show the Markdown report", key="show_report"):
        st.code(render(comparison, "markdown", reviews=reviews), language="markdown")


EXPORTS = [
    ("CSV", "csv", "numclaims.csv", "text/csv"),
    ("JSON", "json", "numclaims.json", "application/json"),
    ("Markdown report", "markdown", "numclaims.md", "text/markdown"),
    ("HTML report", "html", "numclaims.html", "text/html"),
]


# --------------------------------------------------------------------------------------------
# The page

st.set_page_config(page_title="numclaims", page_icon="🔢", layout="wide")
st.title("numclaims: do the figures agree?")
st.caption(
    "Figures that different reports give for the same thing, side by side with their report "
    "dates: does a later report contradict an earlier one, round it, or just count longer? "
    "Add your own articles or correct an outlet or date in the sidebar."
)

ws, address = open_story()
st.sidebar.caption(f"Workspace: `{ws.name}`")
st.sidebar.text_input("Your name", value=reviewer(), key="reviewer",
                      help="Kept beside every decision you make.")
problems = add_articles(ws)
revision = ws.revision()
story = views.workspace_story(reviewed(address, revision), problems)
edit_articles(ws, story.documents)

if "problem" in st.session_state:
    st.error(views.markdown_text(st.session_state.pop("problem")), icon="⚠️")
for problem in story.problems:
    st.error(
        f"Could not use {views.markdown_text(problem.source)}: "
        f"{views.markdown_text(problem.problem)}",
        icon="⚠️",
    )
for column, (name, count) in zip(st.columns(4), views.summary(story).items(), strict=True):
    column.metric(name, count)

chosen = story_filters(story)
story_view, claims_view, articles_view, export_view = st.tabs(
    ["Story", "All claims", "Articles", "Export"]
)
with story_view:
    story_tab(ws, story, chosen, (address, revision, chosen))
with claims_view:
    claims_tab(story, chosen)
with articles_view:
    articles_tab(story)
with export_view:
    export_tab(ws, story)
