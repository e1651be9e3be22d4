"""What the dashboard computes: story tables, timelines, highlights, filters, the story itself."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt

import pandas as pd
import pytest

from numclaims import views
from numclaims.errors import InputError
from numclaims.models import Claim, Comparison, Document, Group, Member, PublicationDate


def claim(
    surface: str = "more than 400",
    *,
    doc_id: str = "a",
    sentence: str = "Russia has deployed more than 400 drones since August.",
    value: float | None = 400,
    lower: float | None = 400,
    upper: float | None = None,
    qualifier: str = ">",
    published: str | None = "2023-02",
    outlet: str | None = "Kyiv Independent",
    **fields: object,
) -> Claim:
    sentence_start = fields.pop("sentence_start", 100)
    offset = sentence.find(surface)
    return Claim(
        doc_id=doc_id,
        sentence=sentence,
        start=sentence_start + offset,  # type: ignore[operator]
        end=sentence_start + offset + len(surface),  # type: ignore[operator]
        surface=surface,
        value=value,
        lower=lower,
        upper=upper,
        qualifier=qualifier,  # type: ignore[arg-type]
        sentence_start=sentence_start,  # type: ignore[arg-type]
        published=published,
        outlet=outlet,
        entity=fields.pop("entity", "drone"),  # type: ignore[arg-type]
        **fields,  # type: ignore[arg-type]
    )


def member(c: Claim, low: float | None, high: float | None) -> Member:
    return Member(claim=c, low=low, high=high, reason="same entity and event")


def group(*members: Member, verdict: str = "consistent", origins: int = 2) -> Group:
    return Group(
        id="drones-deployed",
        label="drones deployed",
        verdict=verdict,  # type: ignore[arg-type]
        reason="the ranges overlap",
        origins=origins,
        notes=[],
        members=list(members),
    )


@pytest.fixture
def deployed() -> Group:
    return group(
        member(claim(), 400, None),
        member(
            claim(
                "400",
                doc_id="b",
                sentence="Russian forces have already deployed 400 Iranian-made drones.",
                value=400,
                lower=400,
                upper=400,
                qualifier="=",
                published="2022-11-20",
                outlet="RT",
                url="https://www.rt.com/news/a",
                attribution="the report",
            ),
            395,
            405,
        ),
        member(
            claim("hundreds", doc_id="c", sentence="It sent hundreds of drones.", value=None,
                  lower=100, upper=1000, qualifier="vague", published="2023-06-09",
                  outlet=None),
            100,
            1000,
        ),
    )


# --- one group side by side ---------------------------------------------------------------


def test_group_frame_reads_figure_bounds_date_outlet_attribution_first(deployed: Group) -> None:
    frame = views.group_frame(deployed)
    assert list(frame.columns) == views.GROUP_COLUMNS
    assert views.GROUP_COLUMNS[1:7] == [
        "figure", "stated", "report date", "outlet", "attribution", "link"
    ]
    assert list(frame["figure"]) == ["400", "more than 400", "hundreds"]
    # each date at its own precision: a month-only date is never a made-up first day
    assert list(frame["report date"]) == ["20 Nov 2022", "Feb 2023", "9 Jun 2023"]
    assert list(frame["stated"]) == ["400", "at least 400", "100–1,000"]
    assert frame["read as"].iloc[0] == "395–405"
    assert frame["link"].iloc[0] == "https://www.rt.com/news/a"
    assert frame["outlet"].iloc[2] == views.UNKNOWN_OUTLET


def test_group_frame_cells_are_blank_not_none(deployed: Group) -> None:
    frame = views.group_frame(deployed)
    assert not frame.isna().any().any()
    assert frame["attribution"].iloc[1] == "" and frame["link"].iloc[1] == ""


def test_a_large_number_is_written_out_not_clipped() -> None:
    huge = group(member(claim("1,234,567,890,123", value=1234567890123, lower=1234567890123,
                              upper=1234567890123, qualifier="="), 1234567890123, 1234567890123))
    assert views.group_frame(huge)["stated"].iloc[0] == "1.235 trillion"


def test_the_figure_that_conflicts_is_marked(deployed: Group) -> None:
    conflict = dataclasses.replace(deployed, verdict="conflict")
    conflict.members.append(member(claim("12", doc_id="d", value=12, lower=12, upper=12,
                                         qualifier="=", published="2023-03-01"), 12, 12))
    frame = views.group_frame(conflict)
    marked = frame.loc[frame["mark"] == views.CONFLICT_MARK, "figure"].tolist()
    assert marked == ["12"]  # the three others agree with one another
    assert set(views.group_frame(deployed)["mark"]) == {""}  # no conflict, no mark
    two = group(member(claim("12", value=12, lower=12, upper=12, qualifier="="), 12, 12),
                member(claim("400", value=400, lower=400, upper=400, qualifier="="), 400, 400),
                verdict="conflict")
    assert list(views.group_frame(two)["mark"]) == [views.CONFLICT_MARK] * 2


def test_table_and_evidence_run_in_the_same_order(deployed: Group) -> None:
    assert [m.claim.surface for m in views.ordered_members(deployed)] == list(
        views.group_frame(deployed)["figure"]
    )


@pytest.mark.parametrize(
    ("published", "shown"),
    [("2023-02", "Feb 2023"), ("2023", "2023"), ("2023-02-07", "7 Feb 2023"), (None, ""),
     ("--02-07", "7 Feb (year unknown)"), ("9999-12", "Dec 9999")],
)
def test_report_date_text_at_its_own_precision(published: str | None, shown: str) -> None:
    assert views.report_date_text(published) == shown


def test_an_outlet_keeps_its_colour_when_other_outlets_come() -> None:
    assert views.outlet_colour("RT") == views.outlet_colour("RT")
    chart = views.timeline_chart(group(member(claim(outlet="RT"), 400, 400)),
                                 outlets=["AP", "RT"])
    more = views.timeline_chart(group(member(claim(outlet="RT"), 400, 400)),
                                outlets=["AP", "BBC", "CNN", "RT"])
    assert chart is not None and more is not None

    def colour_of_rt(spec: dict) -> str:
        scale = spec["layer"][0]["encoding"]["color"]["scale"]
        return scale["range"][scale["domain"].index("RT")]

    assert colour_of_rt(chart.to_dict()) == colour_of_rt(more.to_dict())


def test_group_frame_does_not_link_a_javascript_url(deployed: Group) -> None:
    deployed.members[0].claim.url = "javascript:alert(1)"
    assert "javascript:alert(1)" not in views.group_frame(deployed)["link"].tolist()


def test_verdict_badge_and_origins() -> None:
    assert views.verdict_badge("conflict") == ":red-badge[conflict]"
    assert views.origins_text(group(origins=1)) == "1 independent origin"
    assert views.origins_text(group(origins=3)) == "3 independent origins"


# --- timeline --------------------------------------------------------------------------------


def test_timeline_draws_exact_points_ranges_and_open_bounds_to_the_edge(deployed: Group) -> None:
    scale = views.y_scale(deployed.members)
    assert scale is not None and scale.type == "log"  # 100 against 1,000 is a factor of ten
    frame = views.timeline_frame(deployed, scale).set_index("figure")
    assert frame.loc["400", "kind"] == "bound"  # 400 read as rounded: 395–405
    assert frame.loc["hundreds", ["y_from", "y_to"]].tolist() == [100, 1000]
    assert frame.loc["more than 400", "kind"] == "open above"
    assert frame.loc["more than 400", "y_from"] == 400
    assert frame.loc["more than 400", "y_to"] == scale.top
    assert frame.loc["more than 400", "bounds"] == "400–open"
    assert frame.loc["400", "report date"] == "2022-11-20"


def test_log_scale_ticks_at_powers_of_ten() -> None:
    assert views.Scale("log", 0.5, 2000).ticks() == [1, 10, 100, 1000]
    assert views.Scale("linear", 0, 10).ticks() == []


def test_exact_figure_is_a_point_and_scale_is_linear_when_close() -> None:
    g = group(
        member(claim("three", value=3, lower=3, upper=3, qualifier="="), 3, 3),
        member(claim("three", doc_id="b", value=3, lower=3, upper=3, qualifier="="), 3, 3),
    )
    scale = views.y_scale(g.members)
    assert scale == views.Scale("linear", 0.0, 3.75)
    frame = views.timeline_frame(g, scale)
    assert list(frame["kind"]) == ["exact", "exact"]
    # Two figures reported on the same date are spread apart so neither hides the other.
    assert frame["x"].nunique() == 2
    assert (frame["x"] - pd.Timestamp("2023-02-01")).abs().max() <= pd.Timedelta(days=1)
    assert frame["report date"].tolist() == ["2023-02", "2023-02"]  # the tooltip tells the truth


def test_open_below_runs_to_the_bottom() -> None:
    g = group(member(claim("fewer than 50", value=50, lower=None, upper=50, qualifier="<"),
                     None, 50))
    frame = views.timeline_frame(g)
    assert frame["kind"].tolist() == ["open below"]
    assert frame["y_from"].iloc[0] == 0.0


def test_undated_figures_are_left_off_the_timeline(deployed: Group) -> None:
    deployed.members[0].claim.published = None
    assert len(views.timeline_frame(deployed)) == 2


def test_timeline_chart_layers_spans_and_markers(deployed: Group) -> None:
    chart = views.timeline_chart(deployed, outlets=["A", "Kyiv Independent", "RT", "unknown"])
    assert chart is not None
    spec = chart.to_dict()
    # The colours follow the story's outlets, so an outlet keeps its colour in every chart.
    assert spec["layer"][0]["encoding"]["color"]["scale"]["domain"][0] == "A"
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["rule", "tick", "point"]
    assert spec["layer"][0]["encoding"]["color"]["field"] == "outlet"
    assert spec["layer"][0]["encoding"]["x"]["type"] == "temporal"
    tooltips = {t["field"] for t in spec["layer"][2]["encoding"]["tooltip"]}
    assert {"figure", "outlet", "attribution"} <= tooltips
    ends = views._end_markers(views.timeline_frame(deployed))
    # 400 (two ends of its rounding range), hundreds (two ends), more than 400 (its open end).
    assert sorted(ends["kind"]) == ["bound", "bound", "bound", "bound", "open above"]


def test_timeline_chart_is_none_without_anything_to_place() -> None:
    g = group(member(claim("dozens", value=None, lower=None, upper=None, qualifier="vague"),
                     None, None))
    assert views.timeline_chart(g) is None


# --- evidence -------------------------------------------------------------------------------


def test_highlight_marks_the_figure_and_escapes_the_sentence() -> None:
    c = claim(
        "more than 400",
        sentence="<script>x</script> deployed more than 400 drones & more",
    )
    assert views.highlight(c) == (
        "&lt;script&gt;x&lt;/script&gt; deployed <mark>more than 400</mark> drones &amp; more"
    )


def test_highlight_finds_the_figure_when_offsets_are_off() -> None:
    c = dataclasses.replace(claim(), sentence_start=0)
    assert "<mark>more than 400</mark>" in views.highlight(c)


def test_mark_spans_ignores_overlapping_spans() -> None:
    assert views.mark_spans("a<b>c", [(0, 2), (1, 3)]) == "<mark>a&lt;</mark>b&gt;c"


def test_evidence_links_only_web_urls() -> None:
    linked = views.evidence_html(claim(url="https://example.org/a?b=1&c=2", title="Drones"))
    assert 'href="https://example.org/a?b=1&amp;c=2"' in linked
    unlinked = views.evidence_html(claim(url="javascript:alert(1)", title="<b>T</b>"))
    assert "href" not in unlinked and "&lt;b&gt;T&lt;/b&gt;" in unlinked


def test_markdown_text_escapes_markdown_and_colour_directives() -> None:
    assert views.markdown_text("*a* [b](c) :red[d] $e$") == (
        r"\*a\* \[b\]\(c\) \:red\[d\] \$e\$"
    )


def test_article_html_marks_claims_inside_the_body_only() -> None:
    text = "Share it!\n\nIt sent <b>400</b> drones."
    document = Document("a", text, body=((11, len(text)),))
    c = claim("400", sentence="It sent <b>400</b> drones.", sentence_start=11)
    assert views.article_html(document, [c]) == (
        "<p>It sent &lt;b&gt;<mark>400</mark>&lt;/b&gt; drones.</p>"
    )


# --- all claims ---------------------------------------------------------------------------


@pytest.fixture
def story(deployed: Group) -> views.Story:
    lone = claim("six", doc_id="d", sentence="It sanctioned six managers.", value=6, lower=6,
                 upper=6, qualifier="=", entity="manager", published="2023-02-07",
                 outlet="NV")
    stray = claim("2", doc_id="d", sentence="Page 2 of it.", value=2, lower=2, upper=2,
                  qualifier="=", entity=None, published="2023-02-07", outlet="NV")
    single = Group("managers", "managers sanctioned", "single", "one report", 1, [],
                   [member(lone, 6, 6)])
    conflict = dataclasses.replace(deployed, verdict="conflict")
    claims = [m.claim for m in conflict.members] + [lone, stray]
    return views.Story([], claims, Comparison([conflict, single]))


def test_claims_table_puts_each_claim_beside_its_verdict(story: views.Story) -> None:
    frame = views.claims_table(story)
    assert list(frame.columns) == [*views.CLAIM_COLUMNS, "reported"]
    assert views.CLAIM_COLUMNS[:7] == [
        "figure", "stated", "report date", "outlet", "attribution", "verdict", "link"
    ]
    assert list(frame["verdict"]) == ["conflict"] * 3 + ["single", views.UNGROUPED]
    assert frame["group"].iloc[3] == "managers sanctioned"
    assert pd.api.types.is_datetime64_any_dtype(frame["reported"])
    assert not frame[views.CLAIM_COLUMNS].isna().any().any()
    assert frame["counts"].tolist()[3:] == ["manager", ""]


def test_filter_options(story: views.Story) -> None:
    options = views.filter_options(views.claims_table(story))
    assert options["outlets"] == ["Kyiv Independent", "NV", "RT", views.UNKNOWN_OUTLET]
    assert options["counts"] == ["drone", "manager"]
    assert options["verdicts"] == ["conflict", "single", views.UNGROUPED]
    assert options["dates"] == (dt.date(2022, 11, 20), dt.date(2023, 6, 9))


@pytest.mark.parametrize(
    ("chosen", "figures"),
    [
        (views.ClaimFilter(), ["more than 400", "400", "hundreds", "six", "2"]),
        (views.ClaimFilter(outlets=("RT", "NV")), ["400", "six", "2"]),
        (views.ClaimFilter(counts=("manager",)), ["six"]),
        (views.ClaimFilter(verdicts=("conflict",)), ["more than 400", "400", "hundreds"]),
        (views.ClaimFilter(date_from=dt.date(2023, 2, 7)), ["six", "2", "hundreds"]),
        (views.ClaimFilter(date_to=dt.date(2023, 2, 7)), ["more than 400", "400", "six", "2"]),
        (views.ClaimFilter(search="SANCTIONED"), ["six"]),
        (views.ClaimFilter(search="iranian-made", outlets=("RT",)), ["400"]),
        (views.ClaimFilter(search="no such words"), []),
    ],
)
def test_filter_claims(story: views.Story, chosen: views.ClaimFilter, figures: list[str]) -> None:
    frame = views.filter_claims(views.claims_table(story), chosen)
    assert sorted(frame["figure"]) == sorted(figures)


def test_date_bounds_are_open_while_the_picker_spans_everything() -> None:
    available = (dt.date(2022, 11, 20), dt.date(2023, 6, 9))
    assert views.date_bounds(available, available) == (None, None)
    assert views.date_bounds((), available) == (None, None)
    assert views.date_bounds((dt.date(2023, 1, 1),), available) == (dt.date(2023, 1, 1), None)
    chosen = (dt.date(2023, 1, 1), dt.date(2023, 3, 1))
    assert views.date_bounds(chosen, available) == chosen


def test_summary(story: views.Story) -> None:
    assert views.summary(story) == {"articles": 0, "claims": 5, "groups": 2, "conflicts": 1}


def test_filter_by_date_drops_undated_claims(story: views.Story) -> None:
    story.claims[0].published = None
    frame = views.filter_claims(
        views.claims_table(story), views.ClaimFilter(date_from=dt.date(2000, 1, 1))
    )
    assert "more than 400" not in set(frame["figure"])


# --- the story ------------------------------------------------------------------------------


def document(doc_id: str, text: str = "It sent 400 drones.", **fields: object) -> Document:
    return Document(doc_id, text, body=((0, len(text)),), **fields)  # type: ignore[arg-type]


def test_read_date_at_every_precision() -> None:
    assert views.read_date("2023-02-07") == PublicationDate(dt.date(2023, 2, 7), "day")
    assert views.read_date("2023-02").precision == "month"  # type: ignore[union-attr]
    assert views.read_date(" ") is None
    assert views.read_date("Feb 7, 2023").iso() == "2023-02-07"  # type: ignore[union-attr]
    with pytest.raises(InputError):
        views.read_date("next Tuesday-ish")
    with pytest.raises(InputError, match="no year"):
        views.read_date("7 February")


def test_apply_edit_replaces_outlet_and_date() -> None:
    edited = views.apply_edit(
        document("a", outlet="X"), views.ArticleEdit(outlet=" RT ", published="2023-06")
    )
    assert edited.outlet == "RT"
    assert edited.published == PublicationDate(dt.date(2023, 6, 1), "month")
    cleared = views.apply_edit(edited, views.ArticleEdit())
    assert cleared.outlet is None and cleared.published is None


def test_unique_ids_renames_repeats() -> None:
    ids = [d.doc_id for d in views.unique_ids([document("a"), document("a"), document("b")])]
    assert ids == ["a", "a-2", "b"]


def test_restamp_sets_the_article_fields_again() -> None:
    c = claim(doc_id="old", outlet="Old", published="2023-02")
    d = document("new", outlet="New", url="https://x.org", title="T",
                 published=PublicationDate(dt.date(2023, 2, 1), "month"))
    (restamped,) = views.restamp([c], d)
    assert (restamped.doc_id, restamped.outlet, restamped.url, restamped.title) == (
        "new", "New", "https://x.org", "T"
    )
    assert restamped.start == c.start and restamped.published == "2023-02"


def test_build_story_applies_edits_before_extracting() -> None:
    seen: list[Document] = []

    def extract(d: Document) -> list[Claim]:
        seen.append(d)
        return [
            claim("400", doc_id=d.doc_id, sentence=d.text, sentence_start=0, value=400,
                  lower=400, upper=400, qualifier="=", outlet=d.outlet,
                  published=d.published.iso() if d.published else None)
        ]

    story = views.build_story(
        [document("a"), document("b")],
        extract=extract,
        edits={"b": views.ArticleEdit(outlet="RT", published="2022-11-20"),
               "a": views.ArticleEdit(published="not a date")},
    )
    assert [d.outlet for d in seen] == [None, "RT"]
    assert story.document("b").published.iso() == "2022-11-20"  # type: ignore[union-attr]
    assert [str(p) for p in story.problems] and "not a date" in str(story.problems[0])
    assert len(story.claims) == 2
    assert sum(len(g.members) for g in story.comparison.groups) == 2


def _claims_of(d: Document) -> list[Claim]:
    return [
        claim("400", doc_id=d.doc_id, sentence=d.text, sentence_start=0, value=400, lower=400,
              upper=400, qualifier="=", outlet=d.outlet,
              published=d.published.iso() if d.published else None)
    ]


def test_an_article_whose_extraction_fails_gets_a_message_and_the_story_stays() -> None:
    def extract(d: Document) -> list[Claim]:
        if d.doc_id == "poison":
            raise OverflowError("cannot convert float infinity to integer")
        return _claims_of(d)

    story = views.build_story(
        [document("a"), document("poison"), document("b")], extract=extract
    )
    assert [d.doc_id for d in story.documents] == ["a", "poison", "b"]
    assert {c.doc_id for c in story.claims} == {"a", "b"}
    [problem] = story.problems
    assert problem.source == "poison" and "OverflowError" in problem.problem
    assert sum(len(g.members) for g in story.comparison.groups) == 2


def test_an_article_whose_claims_break_the_comparison_is_left_out_of_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = views.compare

    def compare(claims: list[Claim], **kwargs: object) -> Comparison:
        if any(c.doc_id == "poison" for c in claims):
            raise ValueError("year 10000 is out of range")
        return real(claims, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(views, "compare", compare)
    story = views.build_story(
        [document("a"), document("poison"), document("b")], extract=_claims_of
    )
    assert [p.source for p in story.problems] == ["poison"]
    assert {m.claim.doc_id for g in story.comparison.groups for m in g.members} == {"a", "b"}


def test_an_article_dated_9999_is_shown() -> None:
    story = views.build_story(
        [document("a", published=PublicationDate(dt.date(9999, 12, 1), "month")), document("b")],
        extract=_claims_of,
    )
    assert story.problems == []
    frame = views.articles_frame(story)
    assert frame["report date"].isna().tolist() == [False, True]  # b has no date
    assert views.claims_table(story)["report date"].tolist()[0] == "Dec 9999"


def test_without_leaves_out_removed_articles() -> None:
    docs = [document("a"), document("pasted-1"), document("b")]
    assert [d.doc_id for d in views.without(docs, {"pasted-1"})] == ["a", "b"]


def test_filters_narrow_the_story_groups(story: views.Story) -> None:
    groups = views.filter_story(story, views.ClaimFilter(outlets=("RT",)))
    assert [(g.label, [m.claim.surface for m in g.members]) for g in groups] == [
        ("drones deployed", ["400"])
    ]
    assert groups[0].verdict == "conflict"  # the verdict is the whole group's
    assert views.filter_story(story, views.ClaimFilter(search="no such words")) == []
    assert len(views.filter_story(story, views.ClaimFilter())) == 2
    assert views.ClaimFilter(search=" x").active and not views.ClaimFilter(search=" ").active


def test_the_date_picker_is_new_when_the_date_range_grows() -> None:
    before = views.date_filter_key((dt.date(2022, 11, 20), dt.date(2023, 2, 7)))
    after = views.date_filter_key((dt.date(2022, 11, 20), dt.date(2023, 6, 9)))
    assert before != after
    assert views.date_filter_key((dt.date(2022, 11, 20), dt.date(2023, 2, 7))) == before


def test_pasted_document() -> None:
    d = views.pasted_document(
        "It sent 400 drones.", number=2, title=" Pasted ", outlet="RT", published="2022-11-20"
    )
    assert (d.doc_id, d.title, d.outlet) == ("pasted-2", "Pasted", "RT")
    assert d.published is not None and d.published.iso() == "2022-11-20"
    with pytest.raises(InputError, match="empty"):
        views.pasted_document("  \n", number=3)
    with pytest.raises(InputError, match="too long"):
        views.pasted_document("x" * (views.MAX_PASTE_CHARS + 1), number=3)


def test_short_id_drops_directories() -> None:
    assert views.short_id("/work/main/seeds/004_b.txt") == "004_b.txt"
    assert views.short_id("corpus.jsonl:3") == "corpus.jsonl:3"
    assert views.short_id("pasted-1") == "pasted-1"


def test_outlets(story: views.Story) -> None:
    assert views.outlets(story) == ["Kyiv Independent", "NV", "RT", views.UNKNOWN_OUTLET]


def test_articles_frame_counts_claims_per_article() -> None:
    docs = [document("a", outlet="RT", published=PublicationDate(dt.date(2022, 11, 20))),
            document("b")]
    story = views.Story(docs, [claim(doc_id="a"), claim(doc_id="a")], Comparison([]))
    frame = views.articles_frame(story)
    assert list(frame.columns) == views.ARTICLE_COLUMNS
    assert frame["claims"].tolist() == [2, 0]
    assert frame["report date"].iloc[0] == pd.Timestamp("2022-11-20")
    assert views.article_label(docs[1]) == f"{views.UNKNOWN_OUTLET} · no date · b"


def test_views_does_not_import_streamlit() -> None:
    with open(views.__file__, encoding="utf-8") as handle:
        tree = ast.parse(handle.read())
    nodes = list(ast.walk(tree))
    imported = {a.name for n in nodes if isinstance(n, ast.Import) for a in n.names}
    imported |= {n.module for n in nodes if isinstance(n, ast.ImportFrom) and n.module}
    assert not any(name.startswith("streamlit") for name in imported)


# --------------------------------------------------------------------------------------------
# The workspace's review, as the page shows it


def _group(gid: str, verdict: str = "consistent") -> Group:
    claim = Claim(doc_id="a1", sentence="400 drones.", start=0, end=3, surface="400",
                  value=400.0, lower=400.0, upper=400.0, qualifier="=")
    return Group(id=gid, label="drones", verdict=verdict, reason="", origins=1,  # type: ignore[arg-type]
                 notes=[], members=[Member(claim, 350.0, 450.0, "")])


def test_a_big_story_is_shown_a_page_at_a_time() -> None:
    groups = [_group(f"g{i}") for i in range(45)]
    assert views.story_pages(groups) == 3 and views.story_pages([]) == 1
    assert [g.id for g in views.story_page(groups, 3)] == ["g40", "g41", "g42", "g43", "g44"]
    assert views.story_page(groups, 9) == views.story_page(groups, 3)
    assert views.page_caption(groups, 2) == "Groups 21–40 of 45"


def test_the_reviewers_verdict_shows_beside_the_computed_one() -> None:
    from numclaims.models import GroupReview

    group = _group("g1")
    story = views.Story([], [], Comparison([group]), reviews={
        "g1": GroupReview(verdict="conflict", status="needs work", reviewed_by="ana_b",
                          reviewed_at="2026-12-02T10:00:00+00:00")})
    said = views.review_markdown(story, group)
    assert said == (r"Reviewer: :red-badge[conflict] (computed: consistent) · **needs work** · "
                    r"ana\_b, 2026\-12\-02")
    assert story.verdict(group) == "conflict" and views.summary(story)["conflicts"] == 1
    assert views.review_markdown(views.Story([], [], Comparison([group])), group) is None


def test_the_review_forms_answers_become_decisions() -> None:
    assert views.review_choice(views.KEEP, "published", "  ") == {
        "verdict": None, "status": "published", "note": None}
    assert views.correction({"value": " 450 ", "low": "", "qualifier": views.KEEP,
                             "counts": "UAV", "colour": "red"}) == {"value": "450",
                                                                     "entity": "UAV"}


def test_the_page_opens_the_workspace_it_is_given() -> None:
    assert views.workspace_address(["--db", "story.db"], {}) == ("story.db", False)
    assert views.workspace_address(["--db=team.db"], {"NUMCLAIMS_DB": "x"}) == ("team.db", False)
    assert views.workspace_address([], {"NUMCLAIMS_DB": "env.db"}) == ("env.db", False)
    address, default = views.workspace_address([], {})
    assert default and address.endswith("workspace.db")
