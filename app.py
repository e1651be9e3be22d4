"""The numclaims dashboard: the figures different reports give for the same thing, side by side.

Run it with ``streamlit run app.py``; it opens on the seed articles in ``seeds/``. This file holds
layout and widgets only: what the page shows is computed in :mod:`numclaims.views`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st
from spacy.language import Language

from numclaims import views
from numclaims.errors import InputError, NumclaimsError
from numclaims.extract import extract_document, load_pipeline
from numclaims.models import Claim, Corpus, Document, Group, ReadProblem
from numclaims.output import render
from numclaims.read.documents import UPLOAD_LIMIT_BYTES, make_document, read_paths, read_upload

SEEDS = Path(__file__).resolve().parent / "seeds"
WARM_UP = "Officials said on Monday that more than 400 drones had been deployed since August."
UPLOAD_TYPES = ["txt", "html", "htm", "csv", "jsonl"]
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


@st.cache_data(show_spinner="Finding the figures…", max_entries=2000)
def _extracted(text: str, body: object, published: object, _document: Document) -> list[Claim]:
    # Keyed on what claims depend on: the text, its prose ranges, the date time phrases resolve
    # against. The article's id, outlet and link are stamped on afterwards.
    return extract_document(_document, nlp=pipeline())


@st.cache_data(show_spinner=False, max_entries=2000)
def timeline_spec(group: Group, outlets: tuple[str, ...]) -> dict[str, Any] | None:
    # Building and validating an Altair chart costs tens of milliseconds; a filter change
    # should not pay that for every group again.
    chart = views.timeline_chart(group, outlets=outlets)
    return None if chart is None else chart.to_dict()


def claims_of(document: Document) -> list[Claim]:
    return views.restamp(
        _extracted(document.text, document.body, document.published, document), document
    )


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
ARTICLE_COLUMNS = {
    **COLUMNS,
    "report date": st.column_config.DateColumn(
        "report date", format="YYYY-MM-DD", help="A month or year date shows its first day"
    ),
}


# --------------------------------------------------------------------------------------------
# Sidebar: adding articles and correcting their outlet and date


def added_articles() -> tuple[list[Document], list[ReadProblem]]:
    """The seeds plus whatever the user uploaded or pasted, and what could not be read."""
    seeds = seed_corpus()
    documents, problems = list(seeds.documents), list(seeds.problems)
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
        documents += corpus.documents
        problems += corpus.problems
        if corpus.documents:
            count = len(corpus.documents)
            st.sidebar.caption(
                f"✅ {views.markdown_text(upload.name)}: {count} article{'s' if count != 1 else ''}"
                " added"
            )
    with st.sidebar.form("paste"):
        st.markdown("**Or paste an article**")
        st.text_area("Article text", key="paste_text")
        st.text_input("Title (optional)", key="paste_title")
        st.text_input("Outlet", key="paste_outlet")
        st.text_input("Report date", key="paste_date", placeholder="2023-02-07")
        st.form_submit_button("Add article", on_click=add_pasted)
    if "paste_problem" in st.session_state:
        problems.append(st.session_state.pop("paste_problem"))
    if "paste_added" in st.session_state:
        st.sidebar.success(st.session_state.pop("paste_added"), icon="✅")
    documents += st.session_state.get("pasted", [])
    added = views.unique_ids(documents)
    return remove_articles(added, first_added=len(seeds.documents)), problems


def remove_articles(documents: list[Document], *, first_added: int) -> list[Document]:
    """The articles less those the user removed: any article added by upload or paste can be
    taken out again (a pasted one for good; an uploaded one for the rest of the session)."""
    removed: set[str] = st.session_state.setdefault("removed", set())
    added = [document for document in documents[first_added:] if document.doc_id not in removed]
    if added:
        by_id = {document.doc_id: document for document in added}
        with st.sidebar.form("remove"):
            doc_id = st.selectbox(
                "Remove an added article", list(by_id),
                format_func=lambda i: views.article_label(by_id[i]), key="remove_article",
            )
            if st.form_submit_button("Remove") and doc_id is not None:
                pasted = st.session_state.get("pasted", [])
                if any(d.doc_id == doc_id for d in pasted):
                    st.session_state["pasted"] = [d for d in pasted if d.doc_id != doc_id]
                else:
                    removed.add(doc_id)
                st.rerun()
    return views.without(documents, removed)


def add_pasted() -> None:
    """Keep the pasted article, and empty the form only once it has been taken."""
    state = st.session_state
    pasted = state.setdefault("pasted", [])
    number = state.get("pasted_number", 0) + 1  # never reused, though articles are removed
    try:
        document = views.pasted_document(
            state.paste_text,
            number=number,
            title=state.paste_title,
            outlet=state.paste_outlet,
            published=state.paste_date,
        )
    except InputError as exc:
        state.paste_problem = ReadProblem(exc.source, exc.problem)
        return
    pasted.append(document)
    state.pasted_number = number
    state.paste_added = f"Added {views.article_label(document)}."
    for key in ("paste_text", "paste_title", "paste_outlet", "paste_date"):
        state[key] = ""


def edited_articles(documents: list[Document]) -> dict[str, views.ArticleEdit]:
    """The outlet and date corrections the user has made, by article id."""
    edits: dict[str, views.ArticleEdit] = st.session_state.setdefault("edits", {})
    st.sidebar.header("Correct an article")
    by_id = {document.doc_id: document for document in documents}
    doc_id = st.sidebar.selectbox(
        "Article",
        list(by_id),
        format_func=lambda i: views.article_label(by_id[i]),
        key="edit_article",
    )
    if doc_id is None:
        return edits
    document = by_id[doc_id]
    current = edits.get(doc_id) or views.ArticleEdit(
        document.outlet, document.published.iso() if document.published else None
    )
    with st.sidebar.form("edit"):
        outlet = st.text_input("Outlet", value=current.outlet or "", key=f"outlet-{doc_id}")
        published = st.text_input(
            "Report date",
            value=current.published or "",
            key=f"date-{doc_id}",
            help="2023-02-07, or 2023-02 when only the month is known",
        )
        if st.form_submit_button("Apply"):
            edits[doc_id] = views.ArticleEdit(outlet, published)
    if edits and st.sidebar.button("Undo all corrections", key="undo_edits"):
        edits.clear()
        for key in [k for k in st.session_state if k.startswith(("outlet-", "date-"))]:
            del st.session_state[key]
        st.rerun()
    return edits


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


def story_tab(story: views.Story, chosen: views.ClaimFilter) -> None:
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
    for group in groups:
        with st.container(border=True, key=f"group-{group.id}"):
            group_view(group, outlets)


def group_view(group: Group, outlets: tuple[str, ...]) -> None:
    st.markdown(f"#### {views.verdict_badge(group.verdict)} {views.markdown_text(group.label)}")
    st.markdown(f"{views.markdown_text(group.reason)} · **{views.origins_text(group)}**")
    for note in group.notes:
        st.caption(views.markdown_text(note))
    st.dataframe(
        views.group_frame(group), column_config=COLUMNS, hide_index=True,
        key=f"table-{group.id}",
    )
    timeline, evidence = st.columns([1, 1])
    spec = timeline_spec(group, outlets)
    if spec is not None:
        timeline.vega_lite_chart(spec, width="stretch", key=f"timeline-{group.id}")
    for member in views.ordered_members(group):
        evidence.html(views.evidence_html(member.claim))


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


def export_tab(story: views.Story) -> None:
    st.write("The comparison as the command line writes it (`numclaims compare`).")
    markdown = render(story.comparison, "markdown")
    csv, json_, md = st.columns(3)
    csv.download_button(
        "CSV", render(story.comparison, "csv"), "numclaims.csv", "text/csv", key="dl_csv"
    )
    json_.download_button(
        "JSON", render(story.comparison, "json"), "numclaims.json", "application/json",
        key="dl_json",
    )
    md.download_button("Markdown report", markdown, "numclaims.md", "text/markdown", key="dl_md")
    st.code(markdown, language="markdown")


# --------------------------------------------------------------------------------------------
# The page

st.set_page_config(page_title="numclaims", page_icon="🔢", layout="wide")
st.title("numclaims: do the figures agree?")
st.caption(
    "Figures that different reports give for the same thing, side by side with their report "
    "dates: does a later report contradict an earlier one, round it, or just count longer? "
    "Add your own articles or correct an outlet or date in the sidebar."
)

documents, problems = added_articles()
edits = edited_articles(documents)
story = views.build_story(documents, extract=claims_of, edits=edits, problems=problems)

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
    story_tab(story, chosen)
with claims_view:
    claims_tab(story, chosen)
with articles_view:
    articles_tab(story)
with export_view:
    export_tab(story)
