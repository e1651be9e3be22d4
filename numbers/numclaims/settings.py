"""Thresholds, in one place: every convention compare applies is a field here, passed in.

Each field says what it means; the defaults are the conventions the README documents. A caller
who wants another convention builds its own :class:`CompareSettings` and passes it to
:func:`numclaims.compare`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CompareSettings:
    """The conventions of lining figures up and judging them."""

    #: A flat figure is read as rounded, widened by at most this share of its value ("100" is
    #: 87.5–112.5, not 50–150).
    max_rounding_share: float = 0.125
    #: "about 500" without bounds from the extractor is read as 450–550.
    about_share: float = 0.1
    #: Two articles are copies of one another when they share at least this many sentences...
    copy_min_shared: int = 2
    #: ...and these make up at least this share of the shorter article's sentences.
    copy_min_share: float = 0.5
    #: Sentences shorter than this (characters) are too common to tell a copy ("Share it...").
    copy_min_sentence: int = 30
    #: A sentence found in more articles than this is boilerplate, not evidence of copying.
    copy_max_posting: int = 200
    #: A period longer than this (months) is filed as "wide" and checked against every claim of
    #: its block.
    wide_months: int = 36
    #: Figures of a one-day event (a march, a vote) may be one when their days lie this many
    #: days apart: "Saturday's march drew 300,000", counted again "on Sunday".
    occasion_days: int = 1
    #: A figure of a one-day event whose words give no day may be of its report date or up to
    #: this many days before it: Wednesday's march counted again in Friday's paper.
    undated_occasion_days: int = 2
    #: At most this many groups (the latest formed) are weighed for one figure: a story's block
    #: holds far fewer; a page of thousands of unnamed figures would otherwise cost the square.
    max_candidates: int = 200
    #: A running count (a toll) dated to one day, the day of the crash or of a report, is one
    #: count with another dated to a day within this many days of it.
    running_day_days: int = 14
    #: Days given for a value set once (a deal's price) split nothing when they lie within this
    #: many days of each other: agreed on Thursday, paid on Friday.
    undated_days: int = 7
    #: A figure that gives no time is of its report's days, not of a period that ended more
    #: than this many days before ("killed 296" this week is not the toll "in 1960"). A quarter
    #: and its reporting lag: a bank's assets "at the end of last year" are the ones a March
    #: report gives without a date.
    past_period_days: int = 100
    #: A figure nothing names joins a disputed count of one day's event when it agrees with one
    #: of its first this-many members.
    agreement_members: int = 50
    #: A figure of one value this many times away from the rest of its group, and near none of
    #: them, is another quantity (another deal's price), not a conflicting report.
    stray_factor: float = 4.0
    #: A sum of money this many times away from a group's first figure, and agreeing with none
    #: of its members, starts a group of its own: a story of a record fee also gives the record
    #: it broke.
    other_sum_factor: float = 2.0
    #: A figure nothing names joins a group it agrees with only by an open bound ("up to a
    #: year" beside "18 hours") when the group's figures lie within this factor of the bound.
    open_bound_factor: float = 4.0
    #: Figures of different verbs that no event class relates (one unknown to events.toml)
    #: that lie this many times apart count two things, not a disputed count: "hundreds
    #: trapped" and "3,000 buried".
    unrelated_factor: float = 2.5
    #: Words read around a figure for what it measures, before and after it in its clause.
    cue_words_before: int = 7
    cue_words_after: int = 6
    #: A figure only one article gives joins another article's group that gives the same
    #: figure (within this share of its value) in words this alike: the cosine of the two
    #: contexts' words, each weighted by how rare it is among the story's sentences.
    echo_value_share: float = 0.1
    echo_similarity: float = 0.15
    #: The words either side of a figure that make its context.
    echo_context_words: int = 12
    #: The groups most alike in words that are checked for a one-article group to join.
    echo_tries: int = 3
    #: At most this many figures filed near a value (the latest) are weighed as its echoes.
    echo_candidates: int = 40


DEFAULT_SETTINGS = CompareSettings()
