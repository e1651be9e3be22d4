"""Claims from documents: find the figures, parse only their sentences, read the parse.

The flow for one batch of documents:

1. find the figures in every paragraph of each document's body (its prose, without page
   furniture) and split the paragraphs that hold one into sentences, with the cheap
   :func:`~numclaims.pipeline.figure_finder` pipeline (no parse);
2. run the full spaCy model over the sentences that hold a figure, all documents in one
   ``nlp.pipe`` stream;
3. for each figure, read off the parse what it counts (``entity``, ``noun_phrase``), what happens
   to it (``event``), who says so (``attribution``), and which time phrase scopes it
   (:mod:`numclaims.timex`).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .. import lexicon
from ..errors import InputError, LexiconError, ModelError
from ..models import Claim, Document, PublicationDate, ReadProblem
from ..read.documents import make_document, parse_published
from .figures import Figure, age_unit, currency_code, measure_prefixes
from .pipeline import figure_finder, load_pipeline, parse_without
from .timex import TimePhrase, find_time_phrases

# A news dateline at the start of a sentence: "ERBIL, Kurdistan Region - ", "KYIV (AP) — ".
DATELINE = re.compile(
    r"^[A-Z][A-Z'’.\-]+(?:[ ,]+[A-Z][\w'’.\-]*)*\s*(?:\([^)]{1,20}\))?\s*[-–—]+\s+"
)
# Spelled-out numbers this small refer rather than count when nothing is counted ("the two
# working together") or a definite word goes before them ("the two countries").
SMALL_WORD_NUMBER = 10
# A sentence longer than this is not prose (a page without punctuation); only the words around
# each of its figures are parsed.
MAX_SENTENCE_CHARS = 3000
FIGURE_WINDOW_CHARS = 300
# How far back, in characters, "he said" looks for the person it names.
PRONOUN_LOOKBACK = 1500
# The oldest age a bare number after a name is read as ("Djokovic, 37, won").
MAX_AGE = 120


@dataclass(frozen=True)
class _Cues:
    speech_verbs: frozenset[str]
    counting_verbs: frozenset[str]
    revision_verbs: frozenset[str]
    according_cues: tuple[tuple[str, ...], ...]
    medium_nouns: frozenset[str]
    source_nouns: frozenset[str]
    named_cues: frozenset[str]
    person_pronouns: frozenset[str]
    acting_events: frozenset[str]
    count_nouns: frozenset[str]
    light_verbs: frozenset[str]
    level_verbs: frozenset[str]
    time_nouns: frozenset[str]
    value_words: frozenset[str]
    sum_nouns: frozenset[str]
    quantity_nouns: frozenset[str]
    tally_nouns: frozenset[str]
    reference_nouns: frozenset[str]
    leading_words: frozenset[str]
    comparative_words: frozenset[str]
    definite_words: frozenset[str]
    not_counted: frozenset[str]
    implied_units: dict[str, tuple[str, str]]
    person_nouns: frozenset[str]
    report_verbs: frozenset[str]
    stated_adjectives: frozenset[str]
    speaker_nouns: frozenset[str]
    title_words: frozenset[str]
    part_cues: tuple[tuple[str, ...], ...]
    place_prepositions: frozenset[str]
    place_nouns: frozenset[str]
    whole_places: tuple[tuple[str, ...], ...]
    place_subject_verbs: frozenset[str]
    place_noun_prepositions: frozenset[str]
    disaster_nouns: frozenset[str]
    street_nouns: frozenset[str]
    gathering_nouns: frozenset[str]


@cache
def _cues() -> _Cues:
    def words(key: str) -> frozenset[str]:
        return frozenset(lexicon.words("claims", key))

    return _Cues(
        speech_verbs=words("attribution.speech_verbs"),
        counting_verbs=words("attribution.counting_verbs"),
        revision_verbs=words("attribution.revision_verbs"),
        according_cues=tuple(
            tuple(cue.split())
            for cue in lexicon.words("claims", "attribution.according_cues")
        ),
        medium_nouns=words("attribution.medium_nouns"),
        source_nouns=words("attribution.source_nouns"),
        named_cues=words("attribution.named_cues"),
        person_pronouns=words("attribution.person_pronouns"),
        acting_events=words("attribution.acting_events"),
        count_nouns=words("attribution.count_nouns"),
        light_verbs=words("event.light_verbs"),
        level_verbs=words("event.level_verbs"),
        time_nouns=words("event.time_nouns"),
        value_words=words("event.value_words"),
        sum_nouns=words("event.sum_nouns"),
        quantity_nouns=words("counted.quantity_nouns"),
        tally_nouns=words("counted.tally_nouns"),
        reference_nouns=words("counted.reference_nouns"),
        leading_words=words("counted.leading_words"),
        comparative_words=words("counted.comparative_words"),
        definite_words=words("counted.definite_words"),
        not_counted=words("counted.not_counted"),
        implied_units=_implied_units(),
        person_nouns=words("counted.person_nouns"),
        report_verbs=words("event.report_verbs"),
        stated_adjectives=words("event.stated_adjectives"),
        speaker_nouns=words("event.speaker_nouns"),
        title_words=words("attribution.title_words"),
        part_cues=tuple(tuple(cue.split()) for cue in lexicon.words("claims", "place.part_cues")),
        place_prepositions=words("place.prepositions"),
        place_nouns=words("place.nouns"),
        whole_places=tuple(tuple(w.split()) for w in lexicon.words("claims", "place.whole")),
        place_subject_verbs=words("place.subject_verbs"),
        place_noun_prepositions=words("place.noun_prepositions"),
        disaster_nouns=words("place.disaster_nouns"),
        street_nouns=words("place.street_nouns"),
        gathering_nouns=words("place.gathering_nouns"),
    )


def _implied_units() -> dict[str, tuple[str, str]]:
    entries = lexicon.section(
        "claims", "implied_units", {"unit": str, "dimension": str}, required=("unit", "dimension")
    )
    return {noun: (entry["unit"], entry["dimension"]) for noun, entry in entries.items()}


# --------------------------------------------------------------------------------------------
# Public API


def extract(
    text: str,
    *,
    published: Any = None,
    outlet: str | None = None,
    doc_id: str = "text",
    nlp: Language | None = None,
) -> list[Claim]:
    """The quantified claims in one article's text.

    ``published`` (a date, an ISO string such as ``"2022-11-20"`` or ``"2023-02"``, or a
    :class:`PublicationDate`) anchors relative time phrases; without it, numclaims looks for the
    article's own timestamp line.
    """
    document = make_document(
        text, doc_id=doc_id, outlet=outlet, published=parse_published(published, source=doc_id)
    )
    return extract_document(document, nlp=nlp)


def extract_document(document: Document, *, nlp: Language | None = None) -> list[Claim]:
    """The claims in one :class:`Document`."""
    return extract_documents([document], nlp=nlp)


def extract_documents(
    documents: Iterable[Document],
    *,
    nlp: Language | None = None,
    problems: list[ReadProblem] | None = None,
) -> list[Claim]:
    """The claims in many documents, their figure sentences parsed in one ``nlp.pipe`` stream.

    One article that cannot be read for claims never costs the others theirs: when
    ``problems`` is a list, the article is left out and reported there as
    ``ReadProblem(<article>, <problem>)`` for the caller to show, and the others are read;
    without a list there is nowhere to report it, and :class:`InputError` is raised for it.
    """
    nlp = nlp or load_pipeline()
    found: list[tuple[Document, list[_Candidate]]] = []
    for document in documents:
        with _article_boundary(document, problems):
            found.append((document, list(_figure_sentences([document]))))
    try:
        return _claims_of(found, nlp)
    except _NOT_THE_ARTICLES:
        raise
    except _ARTICLE_FAILURES:
        pass  # somewhere in the stream: read the articles one by one to find which
    claims: list[Claim] = []
    for document, candidates in found:
        with _article_boundary(document, problems):
            claims.extend(_claims_of([(document, candidates)], nlp))
    return claims


def _claims_of(found: Sequence[tuple[Document, list[_Candidate]]], nlp: Language) -> list[Claim]:
    candidates = [candidate for _, sentences in found for candidate in sentences]
    # Named entities are not needed for a figure's sentence: names are read off the parse's
    # proper nouns, and "he said" looks back with the entity recogniser alone when it must.
    parsed = nlp.pipe((candidate.parsed_text for candidate in candidates), batch_size=64,
                      disable=parse_without(nlp))
    claims: list[Claim] = []
    for candidate, sentence_doc in zip(candidates, parsed, strict=True):
        claims.extend(_claims_in_sentence(candidate, sentence_doc, nlp))
    return claims


# Failures that are no article's: broken language data or model, or no memory left, would
# fail every article alike, so they stop the batch.
_NOT_THE_ARTICLES = (LexiconError, ModelError, MemoryError)
_ARTICLE_FAILURES = Exception
_MAX_PROBLEM_CHARS = 200


@contextmanager
def _article_boundary(document: Document, problems: list[ReadProblem] | None) -> Iterator[None]:
    """Turn anything unexpected while reading one article into a problem of that article."""
    try:
        yield
    except _NOT_THE_ARTICLES:
        raise
    except _ARTICLE_FAILURES as exc:
        where = document.source or document.doc_id
        # the message may quote the article's text: one line, printable, short
        detail = "".join(c if c.isprintable() else ascii(c)[1:-1] for c in str(exc))
        if len(detail) > _MAX_PROBLEM_CHARS:
            detail = detail[:_MAX_PROBLEM_CHARS] + "…"
        problem = f"could not be read for figures ({type(exc).__name__}: {detail})"
        if problems is None:
            raise InputError(where, problem) from exc
        problems.append(ReadProblem(where, problem))


# --------------------------------------------------------------------------------------------
# Step 1: sentences that hold a figure


@dataclass
class _Candidate:
    document: Document
    start: int  # offset of the sentence in the document's text
    text: str
    figures: list[Figure]
    parsed_from: int = 0  # offset in ``text`` where the parsed part starts, after any dateline

    @property
    def parsed_text(self) -> str:
        return self.text[self.parsed_from :]


def _figure_sentences(documents: Iterable[Document]) -> Iterator[_Candidate]:
    """The sentences holding a figure, every paragraph of every document in one stream."""
    paragraphs = (
        (document, start, document.text[start:end])
        for document in documents
        for start, end in document.body
    )
    located = ((text, (document, start)) for document, start, text in paragraphs)
    for doc, (document, offset) in figure_finder().pipe(located, as_tuples=True):
        figures: list[Figure] = doc._.numclaims_figures
        if not figures:
            continue
        text = doc.text  # built anew from the tokens on every access
        starts = [figure.start for figure in figures]  # in order, as found
        for sentence_start, sentence_end in _sentence_bounds(doc, figures):
            first = bisect.bisect_left(starts, sentence_start)
            last = bisect.bisect_left(starts, sentence_end)
            sentence_figures = figures[first:last]
            for start, end in _parseable(text, sentence_start, sentence_end, sentence_figures):
                inside = sentence_figures[
                    bisect.bisect_left(starts, start, first, last) - first :
                    bisect.bisect_left(starts, end, first, last) - first
                ]
                if inside:
                    yield from _candidate(document, offset, text, start, end, inside)


def _sentence_bounds(doc: Doc, figures: Sequence[Figure]) -> list[tuple[int, int]]:
    """Sentence character ranges, merged where a figure would straddle a boundary."""
    bounds: list[tuple[int, int]] = []
    straddling = _straddled(figures)
    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        if bounds and straddling(start):
            start = bounds.pop()[0]
        bounds.append((start, end))
    return bounds


def _straddled(figures: Sequence[Figure]) -> Callable[[int], bool]:
    """Whether a figure runs across a character offset, asked of the offsets in order: one pass
    over the figures for a whole paragraph, however many sentences it has."""
    ordered = iter(sorted((f.start, f.end) for f in figures))
    current = next(ordered, None)
    reach = -1  # the furthest end of the figures that start before the offset asked

    def straddles(offset: int) -> bool:
        nonlocal current, reach
        while current is not None and current[0] < offset:
            reach = max(reach, current[1])
            current = next(ordered, None)
        return offset < reach

    return straddles


def _parseable(
    text: str, start: int, end: int, figures: Sequence[Figure]
) -> Iterator[tuple[int, int]]:
    """The sentence, or, for a "sentence" too long to be prose (a page without punctuation),
    windows of words around its figures, so the parser never gets more than it can take.

    Windows never overlap, so no figure is read twice, and each is at most about
    2 × :data:`FIGURE_WINDOW_CHARS` plus its figures, cut between words where a space is near
    and between characters where none is ("((((…", a run of digits)."""
    if end - start <= MAX_SENTENCE_CHARS:
        yield start, end
        return
    window: tuple[int, int] | None = None
    for figure in figures:
        if not start <= figure.start < end:
            continue
        if window is not None and figure.start < window[1]:
            window = window[0], min(end, max(window[1], figure.end))  # the figure runs past it
            continue
        if window is not None:
            yield window
        floor = window[1] if window is not None else start
        low = max(floor, _word_start(text, figure.start - FIGURE_WINDOW_CHARS, floor))
        window = low, _word_end(text, figure.end + FIGURE_WINDOW_CHARS, end)
    if window is not None:
        yield window


def _word_start(text: str, at: int, floor: int) -> int:
    """The start of the word at ``at``, if it starts within a few words' reach, else ``at``."""
    if at <= floor:
        return floor
    space = text.rfind(" ", max(floor, at - _WORD_REACH), at)
    return space + 1 if space >= 0 else at


def _word_end(text: str, at: int, ceiling: int) -> int:
    if at >= ceiling:
        return ceiling
    space = text.find(" ", at, min(ceiling, at + _WORD_REACH))
    return space if space >= 0 else at


# How far a window's edge moves to fall between words.
_WORD_REACH = 50


def _candidate(
    document: Document, offset: int, paragraph: str, start: int, end: int, figures: list[Figure]
) -> Iterator[_Candidate]:
    text = paragraph[start:end].rstrip()
    dateline = DATELINE.match(text)
    parsed_from = dateline.end() if dateline else 0
    shifted = [_shifted(f, -start) for f in figures if f.start - start >= parsed_from]
    if shifted:
        yield _Candidate(document, offset + start, text, shifted, parsed_from)


def _shifted(figure: Figure, by: int) -> Figure:
    return dataclasses.replace(
        figure,
        start=figure.start + by,
        end=figure.end + by,
        number_start=figure.number_start + by,
        number_end=figure.number_end + by,
    )


# --------------------------------------------------------------------------------------------
# Step 3: reading the parse


@dataclass
class _Parsed:
    """What the parse says of one figure."""

    figure: Figure
    anchor: Token  # the numeral's own token
    root: Token  # the head of the whole figure ("%" in "3.7%", "6,000" in "more than 6,000")
    counted: Token | None  # the noun counted
    measured: Token | None  # what an amount with a unit measures
    verb: Token | None  # the verb of the event
    agent: str | None
    place: str | None = None


def _claims_in_sentence(candidate: _Candidate, doc: Doc, nlp: Language) -> Iterator[Claim]:
    time_phrases = find_time_phrases(candidate.parsed_text, published=candidate.document.published)
    previous: Token | None = None  # the last counted noun in the sentence
    shift = candidate.parsed_from
    spans = (_span(doc, f.number_start - shift, f.number_end - shift) for f in candidate.figures)
    figure_tokens = [span.root.i for span in spans if span is not None]
    for index, figure in enumerate(candidate.figures):
        parsed = _parse(figure, doc, shift, previous)
        if parsed is None:
            continue
        if parsed.counted is not None and not _modifies_noun(parsed.counted):
            previous = parsed.counted
        claim = _claim(candidate, parsed, time_phrases, nlp, figure_tokens)
        claim.part_of = _part_of(candidate, index)
        yield claim


def _modifies_noun(counted: Token) -> bool:
    """Whether a counted noun only modifies another ("the three-*train* pile-up"): a later
    figure with its noun left out ("from 288 to 275") does not count it."""
    return counted.dep_ in ("compound", "amod", "nmod") and counted.head.pos_ == "NOUN"


def _parse(figure: Figure, doc: Doc, shift: int, previous: Token | None) -> _Parsed | None:
    numeral = _span(doc, figure.number_start - shift, figure.number_end - shift) or _span(
        doc, figure.start - shift, figure.end - shift
    )
    if numeral is None:
        return None
    anchor = numeral.root
    whole = _span(doc, figure.start - shift, figure.end - shift)
    root = whole.root if whole is not None else anchor
    if _is_age(figure, whole):
        unit, dimension = age_unit()
        figure = dataclasses.replace(figure, unit=unit, dimension=dimension, kind="amount")
    counted = None if figure.unit else _counted_noun(anchor, whole)
    label = _label_head(anchor)
    if label is not None and not figure.unit and (counted is None or counted.i < anchor.i):
        counted = label  # "Estimated protesters in Los Angeles: 500,000 to 750,000."
    if counted is not None and counted.lemma_.lower() in _cues().not_counted:
        counted = None
    refers = _is_small_word_number(figure) and _is_definite(anchor)  # "the two working together"
    if counted is None and not figure.unit and figure.kind == "count" and not refers:
        # "killed at least 2,300 people and injured more than 14,000", "arrested 17 people;
        # nine were later released": an elided noun is the one counted just before.
        # A fraction counts nothing whole: "which registered 6.8" counts no people.
        whole_number = figure.value is None or float(figure.value).is_integer()
        counted = previous if whole_number and not _names_own_count(anchor, previous) else None
    if counted is not None and counted.lemma_.lower() in _cues().implied_units:
        # "the average age has risen to 34": the noun names the unit, not a thing counted.
        unit, dimension = _cues().implied_units[counted.lemma_.lower()]
        figure = dataclasses.replace(figure, unit=unit, dimension=dimension, kind="amount")
        counted = None
    if _is_pronoun_like(figure, counted, anchor):
        return None
    top = _phrase_top(anchor, counted) if counted is not None else root
    totalled = _totalled(top)
    if totalled is not None:
        if counted is None and not figure.unit:
            counted = totalled
        top = totalled  # the noun's verb says what happened, not "totalling"
    verb = _governing_verb(top)
    agent = _share_holder(figure, top) or _agent(verb, top)
    if counted is not None and verb is not None and _is_level(verb):
        # "the toll rose to 52" states a level; what happened is in the counted phrase ("people
        # killed"), or left to the thing itself (a toll counts the killed).
        verb = _participle(counted)
    governing = verb
    # "three officials said", "citing three people": the people counted speak; "12 people
    # were reported dead": the people are what is reported
    speakers = verb is not None and top.head == verb and (
        top.dep_ == "nsubj"
        or (top.dep_ == "dobj" and counted is not None
            and counted.lemma_.lower() in _cues().speaker_nouns))
    if verb is not None and verb.lemma_.lower() in _cues().report_verbs and not speakers:
        # "puts the toll at 632 dead", "2 people were reported missing": the verb reports the
        # figure; what happened is the word that says it, if any
        verb = _stated_event(verb, anchor, counted)
    measured = _measured_thing(root, figure.dimension) if figure.unit else None
    place = _place(anchor, top, governing) or _place_of_toll(counted) or \
        (_place_of_label(label) if label is not None else None) or _place_fronted(anchor)
    if counted is not None and counted.pos_ == "PROPN" and place and counted.text in place:
        counted = None  # "the province of Ouarzazate 31": the name is the place, not the count
    return _Parsed(figure, anchor, root, counted, measured, verb, agent, place)


def _place_of_toll(counted: Token | None) -> str | None:
    """The place a toll is named by: "the Derna toll", "the Gaza death toll"; an agency's
    initials ("the AFP toll") name its source, not a place."""
    if counted is None or counted.lemma_.lower() != "toll":
        return None
    # of the toll or its "death", not of the event: "Hualien quake death toll" is the quake's
    heads = [counted, *(c for c in counted.children if c.dep_ == "compound" and
                        c.lemma_.lower() == "death")]
    names = sorted((t for head in heads for t in head.children if t.dep_ == "compound"
                    and t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper()
                    and _is_place(t)),
                   key=lambda t: t.i)  # "the AFP toll" names its source
    if not names:
        return None
    return counted.doc[names[0].i : names[-1].i + 1].text


def _names_own_count(anchor: Token, previous: Token | None) -> bool:
    """Whether a figure followed by the participle it is the subject of ("over 9,000 injured"),
    or set against its own word ("the injured at 1,800"), would wrongly take a tally or a word
    counted before it ("the death toll", "the dead at 1,300") as its noun."""
    if previous is None:
        return False
    lemma = previous.lemma_.lower()
    head = anchor.head
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if after is not None and after.lower_ in _cues().stated_adjectives:
        stated = after  # "deaths rose to 18, with 61 injured"
    elif anchor.dep_ in ("nsubj", "nsubjpass") and head.lower_ in _cues().stated_adjectives:
        stated = head  # "deaths rose to 18, and 61 were injured"
    else:
        stated = None
    if stated is not None and stated.lower_ != previous.lower_ and \
            lemma not in _cues().person_nouns | {"people", "person"}:
        return True  # the injured, not deaths
    if lemma in _cues().stated_adjectives and head.dep_ == "prep" and \
            head.head.lower_ in _cues().stated_adjectives and head.head.i != previous.i:
        return True  # "put the dead at 1,300 and the injured at 1,800"
    if lemma not in _cues().tally_nouns:
        return False
    return anchor.dep_ in ("nsubj", "nsubjpass") and head.i == anchor.i + 1 and \
        head.tag_ in ("VBN", "JJ")


def _stated_event(verb: Token, anchor: Token, counted: Token | None) -> Token | None:
    """The word saying what happened when the verb only reports a figure: the participle or
    adjective right after the figure or its noun ("632 dead", "329 injured others"), else the
    verb's complement ("were reported missing")."""
    doc = anchor.doc
    after = (counted.i if counted is not None and counted.i > anchor.i else anchor.i) + 1
    if after < len(doc):
        word = doc[after]
        stated = word.tag_ in ("VBN", "VBD") or word.lower_ in _cues().stated_adjectives
        if stated and word.lemma_.lower() not in _cues().report_verbs:
            return word
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd", "xcomp") and child.pos_ in ("ADJ", "VERB") and \
                child.lemma_.lower() not in _cues().report_verbs:
            return child
    return None


def _place(anchor: Token, top: Token, verb: Token | None) -> str | None:
    """The place a figure is scoped to, as written: "in Al Haouz province", "in the capital",
    "nationwide"; None where the sentence names none for the figure itself (a place that
    modifies another noun, "the quake in Al Haouz", is not the figure's)."""
    cues = _cues()
    doc = anchor.doc
    written = _place_in_segment(anchor)
    if written is not None:
        return written
    # "Half a million gathered in Washington DC": the figure's own participle
    described = [c for c in top.children if c.dep_ == "acl" and c.pos_ == "VERB"]
    heads = [anchor, top, *_wholes_of(top), *_verb_heads(verb), *described]
    holder = _place_holding(anchor) or _place_holding(top)
    if holder is not None:
        return holder
    for head in heads:
        for child in head.children:
            if child.dep_ not in ("prep", "dative"):  # "gave 65,000 for the capital"
                continue
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects:
                continue
            if any(c.like_num for c in objects[0].children):
                continue  # "reported in 78 countries" counts places; it names none
            if child.lower_ in cues.place_prepositions and _is_place(objects[0]) or (
                    child.lower_ in cues.place_noun_prepositions
                    and objects[0].lemma_.lower() in cues.place_nouns):
                return _place_phrase(child, objects[0])
    crowd = _place_of_crowd(heads)
    if crowd is not None:
        return crowd
    where = _place_of_where(verb or _governing_verb(top)) or _place_of_there(anchor)
    if where is not None:
        return where
    lowered = _lowered(doc)
    after = max(top.i, anchor.i) + 1
    for words in cues.whole_places:  # "1.1 million nationwide", "marched across the country"
        for i in range(after, min(len(doc), after + 4)):
            if tuple(lowered[i : i + len(words)]) == words:
                return doc[i : i + len(words)].text
    listed = _listed_place(anchor)
    if listed is not None:
        return listed
    if verb is not None and verb.lemma_.lower() in cues.place_subject_verbs:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "Morocco has recorded 2,000 deaths and 1,400 injuries": the figure is what the place
        # records; in "X had 49.9% and Y was close behind with 44.9%" the second is not
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
        held = not objects or any(top in o.subtree for o in objects)
        if subjects and held and top not in subjects[0].subtree and _is_place(subjects[0]):
            named = doc[subjects[0].left_edge.i : subjects[0].right_edge.i + 1].text
            # "The Iranian Red Crescent confirmed the deaths of five": a body, no place
            return None if _names_a_body(named) else named
    return _place_of_disaster(verb)


def _place_of_disaster(verb: Token | None) -> str | None:
    """The place a disaster the figure's relative clause describes is named for: "the
    Uttarakhand floods that killed almost 6,000 people", "the 2015 Nepal quake, which killed
    9,000"."""
    if verb is None or verb.dep_ != "relcl" or \
            verb.head.lemma_.lower() not in _cues().disaster_nouns and \
            verb.head.lower_ not in _cues().disaster_nouns:
        return None
    named = [c for c in verb.head.children
             if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and _is_place(c)]
    if not named:
        return None
    first = min(t.left_edge.i for t in named)
    return verb.doc[first : max(t.i for t in named) + 1].text


def _verb_heads(verb: Token | None) -> list[Token]:
    """The verb and what carries its place for a crowd: the verb it goes on ("kept protesting
    in the capital"), and a gathering it takes part in ("took part in Friday's demonstration in
    central Santiago")."""
    if verb is None:
        return []
    gatherings = _cues().gathering_nouns
    carried = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    for child in verb.children:
        if child.dep_ == "prep":
            carried += [g for g in child.children
                        if g.dep_ == "pobj" and g.lemma_.lower() in gatherings]
    return [verb, *carried]


def _place_of_crowd(heads: list[Token]) -> str | None:
    """The place whose streets a crowd fills ("poured into the streets of Santiago", "jammed
    the streets of the Chilean capital"), or the gathering's it is at or joins ("joined the
    Women's March on Washington DC", "the 440,000 people at the rally in Chicago")."""
    cues = _cues()
    for head in heads:
        objects = [c for c in head.children if c.dep_ == "dobj"] + [
            g for c in head.children if c.dep_ == "prep"
            for g in c.children if g.dep_ == "pobj"]
        for noun in objects:
            lemma = noun.lemma_.lower()
            street = lemma in cues.street_nouns
            if not street and lemma not in cues.gathering_nouns:
                continue
            for child in noun.children:
                places = [g for g in child.children if g.dep_ == "pobj" and _is_place(g)]
                if child.dep_ != "prep" or not places or \
                        child.lower_ not in (("of",) if street else ("in", "at", "on")):
                    continue
                phrase = _place_phrase(child, places[0])
                # "the streets of Santiago" as written; "on Washington DC" of the march
                return f"{noun.doc[noun.left_edge.i : noun.i + 1].text} {phrase}" if street \
                    else phrase
    return None


def _label_head(anchor: Token) -> Token | None:
    """The noun a fact box's label names for the figure after its colon, where the figure is
    all the line gives: "Estimated protesters in Los Angeles: 500,000 to 750,000.",
    "America's population: 324 million."."""
    doc, sentence = anchor.doc, anchor.sent
    start, end = anchor.left_edge.i, anchor.right_edge.i
    if start - 1 <= sentence.start or doc[start - 1].text != ":" or \
            start - 1 - sentence.start > _LABEL_WORDS:
        return None
    said_more = any(not t.is_punct for t in doc[end + 1 : sentence.end]) and \
        doc[end + 1].text != "("  # "(Pressman, Chenoweth)" names its source
    if said_more or any(t.pos_ in ("VERB", "AUX") for t in anchor.subtree):
        return None  # "the toll: 300 dead and 20 missing", "UPDATE: 820 killed" say more
    label = doc[sentence.start : start - 1]
    heads = [t for t in label if t.pos_ in ("NOUN", "PROPN") and t.lemma_.isalpha()
             and not any(a.pos_ == "ADP" or a.dep_ in ("poss", "compound", "relcl")
                         for a in _ancestors_within(t, label))
             and t.dep_ not in ("poss", "compound")]
    return heads[0] if heads else None


#: the most words a fact box's label may have before its colon
_LABEL_WORDS = 12


def _ancestors_within(token: Token, span: Span) -> list[Token]:
    return [a for a in token.ancestors if span.start <= a.i < span.end]


def _place_of_label(label: Token) -> str | None:
    """The place a fact box's label names: "Estimated protesters in Los Angeles: 500,000"."""
    cues = _cues()
    for child in label.children:
        objects = [g for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "prep" and child.lower_ in cues.place_prepositions and objects and \
                _is_place(objects[0]):
            return _place_phrase(child, objects[0])
    return None


def _place_fronted(anchor: Token) -> str | None:
    """The place a sentence, or its part after a colon, opens with, set off by a comma, for
    the figures of the clause it scopes: "In Boston, local media quoted the mayor's office as
    estimating the crowd at between 135,000 and 150,000"; "…: in St. Louis, police put the
    crowd at 13,000, while an organizer said 20,000". "In 2019," and "In a statement," name
    no place; a clause with a place of its own ("while New York drew 400,000") is that
    place's."""
    doc, sentence = anchor.doc, anchor.sent
    opening = doc[sentence.start]
    for token in doc[sentence.start : anchor.i]:
        if token.text in (":", ";") and token.i + 1 < anchor.i:
            opening = doc[token.i + 1]
    if opening.lower_ not in _cues().place_prepositions or opening.dep_ != "prep":
        return None
    objects = [g for g in opening.children if g.dep_ == "pobj"]
    if not objects or not _is_place(objects[0]):
        return None
    end = objects[0].right_edge.i
    if end + 1 >= anchor.i or doc[end + 1].text != ",":
        return None
    scoped = opening.head
    for token in [anchor, *anchor.ancestors]:
        if token == scoped:
            return doc[opening.i : end + 1].text
        if token.dep_ in ("advcl", "conj", "relcl") and any(
                c.dep_ in ("nsubj", "nsubjpass") and _is_place(c) or
                c.dep_ == "prep" and c.lower_ in _cues().place_prepositions and
                any(g.dep_ == "pobj" and _is_place(g) for g in c.children)
                for c in token.children):
            return None  # "In Boston, the crowd reached 150,000, while New York drew 400,000"
    return None


def _wholes_of(top: Token) -> list[Token]:
    """The noun a share or a part is of: "employees" in "90% of its employees in India" and
    "2,000 of the residents in Paris", whose place is the figure's."""
    return [g for c in top.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]


def _place_phrase(preposition: Token, place: Token) -> str:
    """The words of a place phrase, "in Little Rock": to the place's last word, never on into
    a figure or a clause the parse hung on it ("at the airport in Little Rock five departures
    were cancelled")."""
    doc = place.doc
    end = place.i
    for token in doc[place.i + 1 : place.right_edge.i + 1]:
        if token.like_num or token.pos_ in ("NUM", "VERB", "AUX") or token.text in (",", ";"):
            break
        end = token.i
    return doc[preposition.i : end + 1].text


def _place_of_there(anchor: Token) -> str | None:
    """The place "there" stands for, the nearest named before the figure in its sentence:
    "cities such as Haifa drew record crowds: the number of demonstrators there reached
    50,000"."""
    doc, sentence = anchor.doc, anchor.sent
    start, end = anchor.i, anchor.i
    while start > sentence.start and doc[start - 1].text not in (":", ";", "."):
        start -= 1  # the figure's clause: back to a colon or the sentence's start,
    while end + 1 < sentence.end and doc[end + 1].text not in (",", ":", ";", "."):
        end += 1  # on to the next comma
    if not any(t.lower_ == "there" and t.dep_ == "advmod" for t in doc[start:end + 1]):
        return None
    names = [t for t in doc[sentence.start:anchor.i] if t.pos_ == "PROPN" and _is_place(t)]
    if not names:
        return None
    name = names[-1]
    start = min([name.i, *(c.i for c in name.children if c.dep_ == "compound")])
    return doc[start:name.i + 1].text


def _place_of_where(verb: Token | None) -> str | None:
    """The place a "where" clause hangs on: "in Tel Aviv, where 200,000 people protested", "in
    Derna, where the Red Crescent says the toll has risen to 11,300"."""
    while verb is not None and verb.dep_ == "ccomp" and verb.head is not verb:
        verb = verb.head  # up from what is said to the saying
    if verb is None or verb.dep_ != "relcl" or not _is_place(verb.head) or \
            not any(c.lower_ == "where" for c in verb.children if c.i < verb.i):
        return None
    place = verb.head
    start = place.left_edge.i
    if place.dep_ == "pobj" and place.head.lower_ in _cues().place_prepositions:
        start = place.head.i
    end = max((t.i for t in place.children if t.i < verb.i and t.dep_ in ("compound", "amod")),
              default=place.i)
    return place.doc[start : max(end, place.i) + 1].text


# The stretch of a sentence a breakdown gives one figure in: "30 deaths in the province of
# Ouarzazate, 13 in the prefecture of Marrakech and 11 in the province of Azilal".
_SEGMENT_END = re.compile(r"[,;:()—–]|\s(?:and|while|whereas|but)\s")
_CAPITALISED = r"[A-Z][\w'’-]+(?:\s+(?:[A-Z][\w'’-]+|(?:al|el|de|du|la|le)\b))*"


@cache
def _segment_places() -> tuple[re.Pattern[str], ...]:
    nouns = "|".join(sorted(_cues().place_nouns, key=len, reverse=True))
    return (
        re.compile(rf"\b(?:(?:in|at|across|throughout)\s+)?(?:the\s+)?(?:{nouns})\s+of\s+"
                   rf"{_CAPITALISED}"),
        # "Kerala state", "Al Haouz province"; "The state-run agency" names no place
        re.compile(rf"\b(?:(?:in|at|across|throughout)\s+)?(?!(?:The|A|An|This|That)\s)"
                   rf"{_CAPITALISED}\s+(?:{nouns})\b"),
        re.compile(rf"\b(?:in|at|across|throughout)\s+(?:the\s+)?{_CAPITALISED}"),
    )


def _place_in_segment(anchor: Token) -> str | None:
    """The place written beside a figure in its own stretch of a breakdown (a sentence of
    several figures): "13 in the prefecture of Marrakech", "the province of Taroudant with
    190"; a month or a weekday is no place."""
    doc = anchor.doc
    text = doc.text
    if len(re.findall(r"\d[\d,.]*", text)) < 2:
        return None  # no breakdown: the parse says where the one figure is
    at = anchor.idx
    starts = [m.end() for m in _SEGMENT_END.finditer(text, 0, at)]
    start = starts[-1] if starts else 0
    stop = _SEGMENT_END.search(text, anchor.idx + len(anchor.text))
    segment = text[start : stop.start() if stop else len(text)]
    if len(re.findall(r"\d[\d,.]*", segment)) > 1:
        return None  # more than one figure: the parse tells them apart
    calendar = _calendar_words()
    for pattern in _segment_places():
        for match in pattern.finditer(segment):
            words = match.group().split()
            if any(re.sub(r"['’]s$", "", word.strip(".,")).lower() in calendar
                   for word in words):
                continue
            return match.group()
    return None


def _names_a_body(phrase: str) -> bool:
    """Whether a phrase names a body or a person by a word of claims.toml ``source_nouns``
    that names no place: "the Health Ministry", "FlightAware's spokesman"; not "Ra'anana"."""
    cues = _cues()
    return any(word in cues.source_nouns and word not in cues.place_nouns
               for word in re.findall(r"[a-z]+", phrase.lower()))


_CLOCK_WORDS = frozenset({"a.m.", "p.m.", "am", "pm", "noon", "midnight", "midday"})


def _is_time_word(token: Token) -> bool:
    """A month, a weekday or a word of the clock: "by Monday", "by 7 a.m."."""
    word = re.sub(r"['’]s$", "", token.lower_)
    return word in _CLOCK_WORDS or word.rstrip(".") in _calendar_words()


@cache
def _calendar_words() -> frozenset[str]:
    words: set[str] = set()
    for table in ("months", "weekdays"):
        for entry in lexicon.section("time", table, {"number": int, "forms": list}).values():
            words.update(form.rstrip(".").lower() for form in entry["forms"])
    return frozenset(words)


def _place_holding(top: Token) -> str | None:
    """A place the figure is given "with": "followed by the province of Taroudant with 190"."""
    prep = top.head
    if top.dep_ == "pobj" and prep.lower_ == "with" and prep.head.pos_ in ("VERB", "AUX") and \
            len(re.findall(r"\d[\d,.]*", top.sent.text)) > 1:
        # a breakdown: "Sindh suffered most, with 792 deaths; Balochistan came next with 336"
        subjects = [c for c in prep.head.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].pos_ == "PROPN" and _is_place(subjects[0]) and \
                not _names_a_body(subjects[0].text):
            subject = subjects[0]
            return subject.doc[subject.left_edge.i : subject.i + 1].text
        return None
    if top.dep_ != "pobj" or prep.lower_ not in ("with", "on") or prep.head.pos_ not in (
            "NOUN", "PROPN"):
        return None
    place = prep.head
    if not _is_place(place) and not any(_is_place(t) for t in place.subtree if t.i < prep.i):
        return None
    return place.doc[place.left_edge.i : prep.i].text


def _lowered(doc: Doc) -> list[str]:
    """The doc's words in lower case, worked out once per sentence, not once per figure."""
    lowered: list[str] | None = doc.user_data.get("numclaims_lowered")
    if lowered is None:
        lowered = doc.user_data["numclaims_lowered"] = [t.lower_ for t in doc]
    return lowered


def _listed_place(anchor: Token) -> str | None:
    """A place named right before a figure in a list: "Taroudant 190 and Chichaoua 89",
    "Greater Casablanca 3"."""
    doc = anchor.doc
    start = min(t.i for t in anchor.subtree)
    for _ in range(3):  # "Rehovot upwards of 3,000": back over the figure's qualifier
        before = doc[start - 1] if start > 0 else None
        if before is None or not before.is_lower or before.pos_ not in ("ADV", "ADP", "ADJ"):
            break
        start -= 1
    end = start
    while end > 0 and doc[end - 1].pos_ == "PROPN" and _is_place(doc[end - 1]):
        end -= 1
    if end == start or (end > 0 and doc[end - 1].text not in (",", "and", ";", "while")):
        return None
    return doc[end:start].text


def _is_place(head: Token) -> bool:
    """A name of a place, or a place noun ("the capital", "the province of Agadir"); never a
    month or a weekday ("in March")."""
    if _is_time_word(head):
        return False
    if head.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    if head.lemma_.lower() in _cues().place_nouns:
        return True
    return head.pos_ == "PROPN" and head.ent_type_ not in ("PERSON", "ORG", "NORP", "DATE",
                                                          "TIME", "EVENT", "WORK_OF_ART")


def _part_of(candidate: _Candidate, index: int) -> str | None:
    """The figure this one is a part of, as written: "2,000" for "30" in "killed 2,000 people,
    including 30 children", and "329" for "51" in "329 injured, 51 of them seriously"."""
    if index == 0:
        return None
    figure, before = candidate.figures[index], candidate.figures[index - 1]
    between = candidate.text[before.end : figure.start].lower()
    # what follows, to the end of its phrase
    after = re.split(r"[,;:.()]", candidate.text[figure.end : figure.end + 40].lower())[0]
    words = tuple(re.findall(r"[a-z]+", between))
    following = tuple(re.findall(r"[a-z]+", after))
    for cue in _cues().part_cues:
        if words[-len(cue):] == cue or following[: len(cue)] == cue:
            return before.surface
        if cue[-1] in _LATE_CUE_ENDS and any(  # "four of the attackers among them"
                following[at : at + len(cue)] == cue for at in range(len(following))):
            return before.surface
    return None


#: Part cues that may close the part's phrase rather than open it.
_LATE_CUE_ENDS = ("them", "whom", "alone")


def _claim(
    candidate: _Candidate, parsed: _Parsed, time_phrases: list[TimePhrase], nlp: Language,
    figure_tokens: Sequence[int],
) -> Claim:
    figure, counted, measured, verb = parsed.figure, parsed.counted, parsed.measured, parsed.verb
    document, published = candidate.document, candidate.document.published
    event = _event(parsed.root, verb, figure)
    if measured is not None and (verb is None or _is_speech(verb, parsed.root)):
        event = measured.lemma_.lower()  # "the deal is worth $3bn, officials said"
    described = _participle(measured) if measured is not None and \
        measured.lemma_.lower() in _cues().sum_nouns else None
    if described is not None and (verb is None or _is_level(verb) or described == verb):
        event = _event(parsed.root, described, figure)  # "the amount promised stands at €880m"
    noun_phrase = (
        _noun_phrase(counted, figure.end - candidate.parsed_from)
        if counted is not None
        else _compact_phrase(measured) if measured is not None else None
    )
    scope, as_of = _time_scope(time_phrases, parsed.anchor, counted, parsed.root.doc,
                               figure_tokens)
    attribution = (
        _attribution(parsed.root, counted, parsed.root.doc)
        or _acting_source(verb, event)
        or _person_named_before(candidate, nlp, parsed.root)
    )
    place = parsed.place
    if place and attribution and (attribution in place or place in attribution) and \
            _names_a_body(attribution):
        place = None  # "the Health Ministry counts 16,000": a source, no place; "Ra'anana
        # reported 9,000 protesters" may be either
    return Claim(
        doc_id=document.doc_id,
        sentence=candidate.text,
        sentence_start=candidate.start,
        start=candidate.start + figure.start,
        end=candidate.start + figure.end,
        surface=figure.surface,
        value=figure.value,
        lower=figure.lower,
        upper=figure.upper,
        qualifier=figure.qualifier,  # type: ignore[arg-type]
        trend=figure.trend,  # type: ignore[arg-type]
        unit=figure.unit,
        dimension=figure.dimension,
        currency=currency_code(figure.unit),
        # "three times as many", "sixfold": a multiple counts times
        entity="time" if figure.kind == "multiple" and not figure.unit
        else _lemma(counted) if counted is not None else None,
        noun_phrase=noun_phrase,
        event=event,
        agent=parsed.agent,
        place=place,
        time_scope=scope.text if scope else None,
        period_start=_iso(scope.period_start) if scope else None,
        period_end=_iso(scope.period_end) if scope else None,
        as_of=as_of.text if as_of else None,
        as_of_start=_iso(as_of.period_start) if as_of else None,
        as_of_end=_iso(as_of.period_end) if as_of else None,
        attribution=attribution,
        published=published.iso() if isinstance(published, PublicationDate) else None,
        outlet=document.outlet,
        url=document.url,
        title=document.title,
    )


def _lemma(noun: Token) -> str:
    """The lemma of a counted noun, also where the tagger took a capitalised plural for a name
    ("Republicans", "Flights" in a headline), which spaCy leaves as written."""
    if noun.tag_ == "NNPS" and noun.lemma_ == noun.text:
        return (_inflect().singular_noun(noun.lower_) or noun.lower_).lower()
    lower = noun.lower_
    if noun.tag_ == "NNS" and lower.endswith("ses") and noun.lemma_.lower() == lower[:-2] and \
            _inflect().singular_noun(lower) == lower[:-1]:
        return lower[:-1]  # "doses", which the lemmatiser makes "dos"
    return noun.lemma_.lower()


@cache
def _inflect() -> Any:
    import inflect

    return inflect.engine()


def _iso(day: Any) -> str | None:
    return day.isoformat() if day is not None else None


def _span(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _is_age(figure: Figure, whole: Span | None) -> bool:
    """A bare number between commas after a person is their age: "Djokovic, 37, won", "a
    man, 71, was arrested", "Bharti Shahani, 22; Franco Patino, 21"; so is one in brackets or
    at the sentence's end after a full name ("Hamish Harding (58)", "and Rudy Pena, 23.")."""
    if figure.unit or figure.qualifier != "=" or whole is None or figure.value is None:
        return False
    if not (float(figure.value).is_integer() and 0 < figure.value <= MAX_AGE):
        return False
    doc = whole.doc
    if whole.start < 2 or whole.end >= len(doc):
        return False
    before, person, after = doc[whole.start - 1], doc[whole.start - 2], doc[whole.end]
    # a name ("Djokovic", which the tagger may not mark as a person) or a person noun
    is_person = person.ent_type_ == "PERSON" or person.pos_ == "PROPN" or \
        person.lemma_.lower() in _cues().person_nouns
    if before.text == "(":  # "Hamish Harding (58)"; not "Boeing (12)": a full name only
        return after.text == ")" and _full_name_ends(doc, whole.start - 2)
    if before.text != "," or not is_person:
        return False
    if after.text in (",", ")", ";"):  # "Bharti Shahani, 22; Franco Patino, 21; …"
        return True
    # the list's last: "… and Rudy Pena, 23." after a full name
    return after.text == "." and _full_name_ends(doc, whole.start - 2)


def _full_name_ends(doc: Doc, at: int) -> bool:
    """Whether a full name (two capitalised proper nouns) ends at token ``at``."""
    if at < 1:
        return False
    last, first = doc[at], doc[at - 1]
    return last.pos_ == first.pos_ == "PROPN" and last.text[:1].isupper() and \
        first.text[:1].isupper()


def _is_pronoun_like(figure: Figure, counted: Token | None, anchor: Token) -> bool:
    """A small spelled-out number that refers rather than counts: "the two working together",
    "the two countries", "his three sons"."""
    if not _is_small_word_number(figure):
        return False
    doc = anchor.doc
    if anchor.i + 1 < len(doc) and doc[anchor.i + 1].text in ("-", "–"):
        return False  # "the six-storey building" measures the building
    if counted is not None:  # "the two countries" refers; "the four gunmen" counts
        return _is_definite(anchor) and counted.lemma_.lower() in _cues().reference_nouns
    # "Two of them were rescued", "Six missing in bridge collapse", "Three were arrested": a
    # figure that names what befell the people it counts stands for them
    following = doc[anchor.i + 1:anchor.i + 3]
    if len(following) == 2 and following[0].lower_ == "of" and \
            following[1].lower_ in ("them", "whom", "us", "those"):
        return False
    if len(following) and following[0].head == anchor and following[0].dep_ in ("acl", "amod") \
            and following[0].tag_ in ("VBN", "VBG", "JJ") and not _is_definite(anchor):
        return False  # a headline's "Six missing in …", "Two dead after …"
    head = anchor.head
    return _is_definite(anchor) or anchor.dep_ not in ("nsubj", "nsubjpass") or \
        head.tag_ not in ("VBN", "JJ", "VBD") or head.lemma_.lower() in _cues().speech_verbs


def _is_small_word_number(figure: Figure) -> bool:
    """An exact count of at most :data:`SMALL_WORD_NUMBER`, spelled out: "two", "six"."""
    if figure.unit or figure.qualifier != "=" or figure.value is None or figure.kind != "count":
        return False
    spelled = not any(char.isdigit() for char in figure.surface)
    return spelled and figure.value <= SMALL_WORD_NUMBER


def _is_definite(anchor: Token) -> bool:
    """Whether a definite word goes before the numeral: "the two", "his three"."""
    return anchor.i > 0 and anchor.doc[anchor.i - 1].lower_ in _cues().definite_words


def _counted_noun(anchor: Token, whole: Span | None) -> Token | None:
    """The noun the figure counts: "6,000 combat *drones*", "hundreds of *drones*"."""
    cues = _cues()
    token = anchor
    before = anchor.doc[anchor.i - 1] if anchor.i > 0 else None
    if before is not None and before.lower_ in measure_prefixes() and before.pos_ == "NOUN":
        return before  # "Morocco's magnitude 7 earthquake": the figure is the magnitude
    # "more than 6,000 combat drones": the numeral modifies the noun.
    if token.dep_ in ("nummod", "quantmod", "compound", "amod") and token.head.pos_ in (
        "NOUN",
        "PROPN",
    ):
        token = token.head
        if token.lemma_.lower() not in cues.quantity_nouns:
            return token
    # "hundreds of drones", "a small number of drones": the amount has an of-phrase.
    of_object = _of_object(token)
    if of_object is not None:
        return of_object
    # "a crew of four", "a family of five": the group the number sizes.
    if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN":
        group = token.head.head
        if group.lemma_.lower() not in cues.quantity_nouns:
            return group
    # "the death toll rose to 300": a level verb's subject is what is counted.
    verb = token.head
    if token.dep_ in ("pobj", "attr", "dobj") and verb.dep_ == "prep":
        verb = verb.head
    if verb.pos_ in ("VERB", "AUX") and _states_level(verb):
        subjects = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ == "NOUN":
            # "the number of people killed has risen to 52": the number counts the people.
            if subjects[0].lemma_.lower() in cues.quantity_nouns:
                return _of_object(subjects[0]) or subjects[0]
            return subjects[0]
    # "the ministry put the death toll at 112", "brought the toll down from 288 to 275": the
    # object is what the figure counts.
    if token.dep_ == "pobj" and token.head.lower_ in ("at", "from", "to") and verb.pos_ == "VERB":
        objects = [child for child in verb.children if child.dep_ == "dobj"]
        if objects and objects[0].pos_ == "NOUN":
            return objects[0]
    if whole is not None and whole.end < len(whole.doc) and whole.doc[whole.end].lower_ == "of":
        # "shipped 45m of its devices", the of-phrase hung on the verb
        objects = [c for c in whole.doc[whole.end].children if c.dep_ == "pobj"]
        if objects and objects[0].pos_ in ("NOUN", "PROPN"):
            return objects[0]
    return _noun_after(whole) if whole is not None else None


def _totalled(token: Token) -> Token | None:
    """The noun a figure gives the level of in a participle after it: "Roads *totalling* 12,718
    km", "protesters *numbering* about 10,000", "losses *amounting to* $5bn"."""
    verb = token.head
    if token.dep_ == "pobj" and verb.dep_ == "prep":
        verb = verb.head
    elif token.dep_ != "dobj":
        return None
    if verb.dep_ == "acl" and verb.lemma_.lower() in _cues().level_verbs and \
            verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
        return verb.head
    return None


def _noun_after(whole: Span) -> Token | None:
    """The noun right after a figure the parse did not attach to it: "one in five *adults*",
    "twice as many *migrants*"."""
    cues = _cues()
    for token in whole.doc[whole.end : whole.end + 5]:
        if token.pos_ in ("NOUN", "PROPN"):
            lemma = token.lemma_.lower()
            if token.dep_ == "compound" or lemma in cues.quantity_nouns:
                continue
            return None if lemma in cues.time_nouns else token
        joins = token.pos_ == "ADJ" or token.text in ("-", "–") or token.dep_ == "amod"
        if not joins and token.lower_ not in cues.comparative_words:
            return None
        if token.lower_ == "as" and (token.dep_ == "mark" or token.i + 1 < len(token.doc) and
                                     token.doc[token.i + 1].pos_ in ("NOUN", "PROPN")):
            return None  # "toll nears 300 as rescuers dig", "climbs to 145.5M as former CEO
            # gets ready": a clause, not "as many"
    return None


def _measured_thing(root: Token, dimension: str | None = None) -> Token | None:
    """What an amount with a unit measures: "*unemployment* fell to 3.7%", "40% of *voters*",
    "a *budget* of $3bn", "the 1.6-mile *bridge*", "the 985-foot-long *vessel*" (not a sum's:
    the "£100m airlift" is what the £100m pays for, not what it measures)."""
    if dimension != "currency":
        if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i > root.i:
            return root.head  # "a 200-ton section"
        if root.dep_ == "npadvmod" and root.head.dep_ == "amod" and root.head.head.pos_ == "NOUN":
            return root.head.head  # "the 985-foot-long vessel"
    of_object = _of_object(root) or _totalled(root)
    if of_object is not None:
        return of_object
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        return head.head
    if head.lower_ in _cues().value_words:  # "the deal is worth $3bn"
        head = head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return subjects[0] if subjects and subjects[0].pos_ in ("NOUN", "PROPN") else None
    if root.dep_ == "pobj" and head.lower_ not in ("to", "by", "at", "from"):
        return None
    verb = head.head if root.dep_ == "pobj" and head.dep_ == "prep" else head
    if dimension == "dimensionless" and root.dep_ == "pobj" and head.lower_ == "by" and \
            verb.pos_ == "VERB":
        # "reduce its headcount by more than 10%", "the workforce is to be reduced by 10%"
        holder = verb
        for _ in range(3):  # "is set to be reduced": up through the verbs that hold it
            changed = [c for c in holder.children if c.dep_ in ("dobj", "nsubjpass")
                       and c.pos_ in ("NOUN", "PROPN") and root not in c.subtree]
            if changed:
                return changed[0]
            if holder.dep_ != "xcomp" or holder.head is holder:
                break
            holder = holder.head
            if any(c.dep_ == "dobj" for c in holder.children):
                break  # "forced the firm to cut prices by 5%" holds the firm, not the prices
    if root.dep_ in ("pobj", "attr", "dobj", "npadvmod") and verb.pos_ in ("VERB", "AUX"):
        if _states_level(verb):
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
                return subjects[0]
    return None


def _compact_phrase(
    head: Token, *, modifiers: tuple[str, ...] = ("compound", "amod", "nmod")
) -> str:
    """A noun with the modifiers before it: "unemployment rate", "revenue"."""
    return head.doc[_modified_from(head, modifiers) : head.i + 1].text


def _modified_from(head: Token, modifiers: tuple[str, ...]) -> int:
    """Where a noun's phrase starts: at its first modifier of ``modifiers`` before it."""
    return min((t.i for t in head.lefts if t.dep_ in modifiers), default=head.i)


def _of_object(token: Token) -> Token | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [grand for grand in child.children if grand.dep_ == "pobj"]
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return objects[0]
    return None


def _noun_phrase(counted: Token, figure_end: int) -> str:
    """The counted phrase as written: "Iranian-made attack drones"."""
    cues = _cues()
    doc = counted.doc
    if counted.idx >= figure_end:
        start = figure_end
    else:
        start = min(
            (t.idx for t in counted.lefts if t.dep_ in ("compound", "amod", "nmod")),
            default=counted.idx,
        )
    phrase = doc.text[start : counted.idx + len(counted.text)].strip(" \t\n“”\"'‘’-–")
    words = phrase.split()
    while len(words) > 1 and words[0].lower() in cues.leading_words:
        words = words[1:]
    return " ".join(words)


def _is_level(verb: Token) -> bool:
    return _states_level(verb) and verb.lemma_.lower() != "be"


def _states_level(verb: Token) -> bool:
    """A verb stating the level a count stands at: "rose to 52", "has gone up to 233"."""
    lemma = verb.lemma_.lower()
    return lemma in _cues().level_verbs or (lemma in ("go", "come") and any(
        child.lower_ in ("up", "down") and child.dep_ in ("advmod", "prt")
        for child in verb.children))


def _participle(noun: Token) -> Token | None:
    """The verb describing a noun: "people *killed* in the floods"."""
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"), None)


def _phrase_top(anchor: Token, counted: Token | None) -> Token:
    """The top of the quantity's phrase: the noun in "400 drones", the amount in "hundreds of
    drones"."""
    return counted if counted is not None and counted in anchor.ancestors else anchor


def _event(root: Token, verb: Token | None, figure: Figure) -> str | None:
    """What happens to the thing counted, as a verb lemma with its particle ("shoot down")."""
    cues = _cues()
    # "a billion-dollar deal": a money amount modifying a noun values that noun.
    if figure.unit and root.dep_ in ("compound", "amod", "nummod") and root.head.pos_ == "NOUN":
        head = root.head
        while head.dep_ == "compound" and head.head.pos_ == "NOUN":
            head = head.head
        if head.lemma_.lower() not in (figure.unit or "") and head.lemma_.lower() not in (
            cues.time_nouns
        ):
            return head.lemma_.lower()
    if verb is None:
        return None
    if verb.lemma_.lower() in cues.light_verbs:
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
        if objects and root not in objects[0].subtree:
            return objects[0].lemma_.lower()
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([verb.lemma_.lower(), *particles])


def _agent(verb: Token | None, figure_top: Token) -> str | None:
    """Who does what is counted: "*Russia* has deployed 400 drones", "drones launched *by
    Russia*"; None where the figure is itself the doer or the doer is a pronoun."""
    if verb is None or _is_speech(verb, figure_top):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            doers = [g for g in child.children if g.dep_ == "pobj"]
            return _doer_phrase(doers[0]) if doers else None
    for child in verb.children:
        if child.dep_ == "nsubj":
            if figure_top in child.subtree or child.pos_ == "PRON":
                return None
            return _doer_phrase(child)
    if verb.dep_ == "xcomp":  # "forced Southwest Airlines to scrap 16,000 flights"
        for child in verb.head.children:
            if child.dep_ == "dobj" and child.i < verb.i and figure_top not in child.subtree:
                return None if child.pos_ == "PRON" else _doer_phrase(child)
    return None


def _share_holder(figure: Figure, top: Token) -> str | None:
    """Who holds a percentage written without its noun: a candidate's or a party's share in
    "put Erdogan at 48%", "Labour on 40%", "44.95% for Kilicdaroglu", "had Erdogan ahead with
    51%", "Kilicdaroglu was close behind with 44.95 percent", "his main rival, Kemal
    Kilicdaroglu, 44.89 percent"; None for any other figure."""
    if figure.unit != "percentage":
        return None
    for child in top.children:  # "44.95% for Kilicdaroglu"
        if child.dep_ == "prep" and child.lower_ == "for":
            names = [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if names:
                return _doer_phrase(names[0])
    if top.dep_ == "appos":  # "his main rival, Kemal Kilicdaroglu, 44.89 percent"
        return _named(top.head, top)
    preposition = top.head
    if top.dep_ != "pobj" or preposition.lower_ not in ("at", "on", "with"):
        return None
    head = preposition.head
    if preposition.lower_ == "with":  # "had Erdogan ahead with 51%", "X was second with 40%"
        for dep in ("dobj", "nsubj"):
            names = [c for c in head.children if c.dep_ == dep and c.pos_ == "PROPN"]
            if names:
                return _doer_phrase(names[0])
        return None
    before = preposition.doc[preposition.i - 1] if preposition.i > 0 else None
    if before is not None and before.pos_ == "PROPN":  # "put Erdogan at 48%", "Labour on 40%"
        return _doer_phrase(before)
    return _named(head, preposition)  # "his main challenger, Kemal Kilicdaroglu, on 43%"


def _named(noun: Token, figure: Token) -> str | None:
    """A name a noun is, or is given beside it: "Labour", "his rival, Kemal Kilicdaroglu"."""
    if noun.pos_ == "PROPN":
        return _doer_phrase(noun)
    if noun.pos_ != "NOUN":
        return None
    names = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and c != figure]
    return _doer_phrase(names[0]) if names else None


def _doer_phrase(head: Token) -> str | None:
    """A doer as written, owner included: "Ukraine's air defense", "Russian forces"."""
    if head.pos_ not in ("NOUN", "PROPN") or _is_time_word(head):
        return None  # "arrested by 7 a.m.", "by Monday"
    start = head.doc[_modified_from(head, ("compound", "amod", "nmod", "poss"))]
    end = head.i
    # "the cosmetics group L'Oréal", "the holding company of the Decaux family": the name
    # given right after a common noun is the doer's
    beside = next(head.rights, None) if head.pos_ == "NOUN" else None
    if beside is not None and beside.i == head.i + 1:
        if beside.dep_ == "appos" and beside.pos_ == "PROPN":
            end = beside.i
        elif beside.dep_ == "prep" and beside.lower_ == "of":
            objects = [g for g in beside.children if g.dep_ == "pobj"]
            if objects and any(t.pos_ == "PROPN" for t in objects[0].lefts):
                end = objects[0].i
    text = head.doc[start.i : end + 1].text
    if start.is_sent_start and start.pos_ == "NOUN" and not start.ent_type_:
        # "Donors committed $700m": a capital that only starts the sentence names no one
        text = text[:1].lower() + text[1:]
    return text


def _governing_verb(token: Token) -> Token | None:
    doc = token.doc
    # "provided Russia with a “small number of drones” months before…": a preposition right before
    # the phrase that hangs on a verb is more reliable than a long parse path.
    phrase_start = min(t.i for t in token.subtree) if token.dep_ != "ROOT" else token.i
    before = phrase_start - 1
    while before >= 0 and (doc[before].is_punct or doc[before].pos_ in ("DET", "ADV", "ADJ")):
        before -= 1
    if before >= 0 and doc[before].pos_ == "ADP" and doc[before].head.pos_ == "VERB":
        return doc[before].head
    for ancestor in token.ancestors:
        if ancestor.lower_ == "according":
            # "According to the minister, 18 helicopters and two warships were standing by":
            # a parse that hangs the figures on the source names no verb of theirs
            return None
        if ancestor.pos_ == "VERB" and ancestor.dep_ not in ("amod", "compound"):
            return ancestor
    return None


# --------------------------------------------------------------------------------------------
# Attribution


def _attribution(anchor: Token, counted: Token | None, doc: Doc) -> str | None:
    """Who the sentence says states the figure: "the Air Force", "US Intelligence officials"."""
    own_phrase = {t.i for t in _phrase_top(anchor, counted).subtree}
    for ancestor in anchor.ancestors:
        if not _is_speech(ancestor, anchor):
            continue
        subjects = [c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        subject = subjects[0]
        if subject.i in own_phrase:
            # "three officials … said in interviews with The Washington Post": the counted
            # people are the speakers; the medium they spoke to is the source.
            medium = _medium(ancestor)
            if medium is not None:
                return medium
            continue
        if _lemma(subject) in _cues().count_nouns:  # "FlightAware data showed": FlightAware
            owner = _owner_of_count(subject)
            if owner is not None:
                return _source_phrase(owner, doc)
        return _source_phrase(subject, doc)
    for ancestor in anchor.ancestors:  # "82,000 marched, police said, while …": an aside
        for aside in ancestor.children:
            if aside.dep_ != "parataxis" or not _is_speech(aside, anchor):
                continue
            subjects = [c for c in aside.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].i not in own_phrase and _is_source(subjects[0]):
                return _source_phrase(subjects[0], doc)
    return _count_owner(anchor) or _according_to(doc)


def _count_owner(anchor: Token) -> str | None:
    """The source whose count a figure's clause names: "the interior ministry's figure is
    700,000", "1.5 million by the CGT union's count", "the police figure was 240,000". The
    clause runs to a semicolon; of several counts there, the one in the figure's own stretch
    between commas."""
    doc, sentence = anchor.doc, anchor.sent
    start, end = anchor.i, anchor.i
    while start > sentence.start and doc[start - 1].text != ";":
        start -= 1
    while end + 1 < sentence.end and doc[end + 1].text != ";":
        end += 1
    owners = [(count, owner) for count, owner in _counts_with_owners(doc)
              if start <= count.i <= end]
    if len(owners) > 1:
        owners = [(t, o) for t, o in owners if not any(
            w.text == "," for w in doc[min(t.i, anchor.i):max(t.i, anchor.i)])]
    if len(owners) != 1:
        return None
    return _source_phrase(owners[0][1], doc)


def _counts_with_owners(doc: Doc) -> list[tuple[Token, Token]]:
    """The doc's count nouns with the source that owns each ("ministry" of "the ministry's
    figure"), found once per doc, not once per figure."""
    found: list[tuple[Token, Token]] | None = doc.user_data.get("numclaims_count_owners")
    if found is None:
        cues = _cues()
        found = doc.user_data["numclaims_count_owners"] = [
            (token, owner)
            for token in doc
            if _lemma(token) in cues.count_nouns or token.lower_ in cues.count_nouns
            for owner in [_owner_of_count(token)]
            if owner is not None
        ]
    return found


def _owner_of_count(count: Token) -> Token | None:
    """The source a count noun belongs to: "ministry" of "the ministry's figure", "FlightAware"
    of "FlightAware data"."""
    return next((c for c in count.children if c.dep_ in ("poss", "compound")
                 and c.i < count.i and _is_source(c)), None)


def _person_named_before(candidate: _Candidate, nlp: Language, figure: Token) -> str | None:
    """Who "he" or "she" is when the figure's speaker is only that pronoun: the last person the
    article named before the sentence ("…, said John Kirby. … “We have sent 300,” he said.")."""
    speaker = next(
        (
            child
            for verb in figure.ancestors
            if _is_speech(verb, figure)
            for child in verb.children
            if child.dep_ == "nsubj"
        ),
        None,
    )
    if speaker is None or speaker.lower_ not in _cues().person_pronouns:
        return None
    text, at = candidate.document.text, candidate.start
    people = [
        name
        for block in range(max(0, at - PRONOUN_LOOKBACK) // PRONOUN_LOOKBACK,
                           at // PRONOUN_LOOKBACK + 1)
        for start, end, name in _people_in_block(text, block, nlp)
        if at - PRONOUN_LOOKBACK <= start and end <= at
    ]
    return people[-1] if people else None


@lru_cache(maxsize=64)
def _people_in_block(text: str, block: int, nlp: Language) -> tuple[tuple[int, int, str], ...]:
    """The people named in one block of :data:`PRONOUN_LOOKBACK` characters of an article,
    with their offsets: each block is parsed once, however many "he said" follow, so a page of
    "he said 5. he said 6. …" costs one parse of the page, not one of 1,500 characters a figure.
    (A name across a block's edge is read in each block as far as it runs.)"""
    offset = block * PRONOUN_LOOKBACK
    # names need only the entity recognizer (and the embeddings it may listen to)
    unneeded = [name for name in nlp.pipe_names if name not in ("tok2vec", "ner")]
    doc = nlp(text[offset : offset + PRONOUN_LOOKBACK], disable=unneeded)
    return tuple(
        (offset + ent.start_char, offset + ent.end_char, ent.text)
        for ent in doc.ents
        if ent.label_ == "PERSON"
    )


def _acting_source(verb: Token | None, event: str | None) -> str | None:
    """The actor of an official act is its source: "the United States slapped sanctions on six
    top managers" is the United States' own statement of what it did."""
    if verb is None or event is None or event not in _cues().acting_events:
        return None
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if subjects and subjects[0].pos_ in ("PROPN", "NOUN"):
        return _source_phrase(subjects[0], verb.doc)
    return None


def _according_to(doc: Doc) -> str | None:
    """The source an "according to" of the sentence names, found once per sentence."""
    if "numclaims_according_to" not in doc.user_data:
        doc.user_data["numclaims_according_to"] = _find_according_to(doc)
    found: str | None = doc.user_data["numclaims_according_to"]
    return found


def _find_according_to(doc: Doc) -> str | None:
    cues = _cues()
    lowered = _lowered(doc)
    for cue in cues.according_cues:
        for i in range(len(doc) - len(cue)):
            if tuple(lowered[i : i + len(cue)]) != cue:
                continue
            after = doc[i + len(cue) - 1]
            following = doc[i + len(cue)]
            if " ".join(cue) in cues.named_cues and following.pos_ != "PROPN" and \
                    following.lower_ != "the":
                continue  # "$3 per gallon" is a rate, "per the ministry" a source
            objects = [c for c in after.children if c.dep_ in ("pobj", "dobj")]
            source = objects[0] if objects else following
            if source.pos_ in ("NOUN", "PROPN"):
                found = _source_phrase(source, doc)
                if found is not None:
                    return found
    return None


def _medium(verb: Token) -> str | None:
    cues = _cues()
    for token in verb.subtree:
        if token.dep_ in ("dative",) or (token.dep_ == "dobj" and verb.lemma_ == "tell"):
            return _source_phrase(token, verb.doc)
        if token.lemma_.lower() in cues.medium_nouns:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("with", "to"):
                    objects = [g for g in child.children if g.dep_ == "pobj"]
                    if objects:
                        return _source_phrase(objects[0], verb.doc)
    return None


def _is_source(head: Token) -> bool:
    """Whether a noun can name who states a figure: a name, or a person, body or publication
    (claims.toml ``source_nouns``); never "the epicenter" or "per cent"."""
    if head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return _lemma(head) in _cues().source_nouns or head.lower_ in _cues().source_nouns


def _source_phrase(head: Token, doc: Doc) -> str | None:
    """The name of a source: a person's name where the phrase has one, else the noun phrase."""
    if head.pos_ == "PRON" or not _is_source(head):
        return None
    left = min(
        (t.i for t in head.lefts if t.dep_ in ("det", "compound", "amod", "poss", "nmod")),
        default=head.i,
    )
    left = min([left] + [t.i for t in head.subtree if t.i < head.i and t.dep_ in ("compound",)])
    span = doc[left : head.i + 1]
    person = _named_person(span)
    if person is not None:
        return person
    return span.text.strip(" \"“”'")


def _named_person(span: Span) -> str | None:
    """The name after a person's title in a source phrase: "Kirby" in "White House spokesman
    John Kirby" gives "John Kirby"; None when no title goes before the name."""
    cues = _cues()
    tokens = list(span)
    end = len(tokens)
    start = end
    while start > 0 and tokens[start - 1].pos_ == "PROPN" and \
            tokens[start - 1].lower_ not in cues.title_words:
        start -= 1
    if start == end or start == 0:
        return None
    title = tokens[start - 1].lemma_.lower()
    if title in cues.title_words or title in cues.person_nouns:
        return " ".join(t.text for t in tokens[start:end])
    return None


# --------------------------------------------------------------------------------------------
# Time scope


def _is_speech(verb: Token, figure: Token) -> bool:
    """Whether ``verb`` reports speech rather than acts on the figure: "added" in "officials
    added that…" does, in "it added 50 more" it does not. A counting verb states the figure it
    takes: "the interior ministry counted 1.1 million protesters"."""
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _cues().speech_verbs:
        return False
    if lemma in _cues().counting_verbs:
        return True
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    return not any(figure in obj.subtree for obj in objects)


def _time_scope(
    phrases: list[TimePhrase], anchor: Token, counted: Token | None, doc: Doc,
    figures: Sequence[int] = (),
) -> tuple[TimePhrase | None, TimePhrase | None]:
    """The phrase scoping the figure's period, and the "as of" phrase dating the count."""
    as_of = next((p for p in phrases if p.role == "as_of" and not _contrasted(p, anchor, doc)),
                 None)
    path = {anchor.i} | {t.i for t in anchor.ancestors}
    if counted is not None and counted.i != anchor.i and \
            counted.dep_ in ("compound", "amod", "nmod") and counted.head.pos_ == "NOUN":
        # "caught up in the three-train collision ... on Wednesday": the figure describes the
        # collision, and the days of the clause around it are not its
        described = {t.i for t in counted.head.subtree}
        path = {anchor.i} | {t.i for t in anchor.ancestors if t.i in described}
    counted_tree = {t.i for t in counted.subtree} if counted is not None else set()
    # a relative clause on the figure dates it: "the 1.5 million they counted on December 5"
    relative = {t.i for c in _figure_words(anchor) for t in c.subtree if c.dep_ == "relcl"}
    counted_tree |= relative
    best: tuple[int, TimePhrase] | None = None
    for phrase in phrases:
        if phrase.role != "scope":
            continue
        span = _span(doc, phrase.start, phrase.end)
        if span is None:
            continue
        attached = span.root.head if span.root.head.i not in range(span.start, span.end) else None
        if attached is None:
            attached = span.root
        fronted = _fronted(span, anchor) and _YEARLY.search(phrase.text) is not None
        lemma = attached.lemma_.lower()
        revises = attached.pos_ in ("VERB", "AUX") and counted is not None and (
            lemma in _cues().level_verbs
            or (lemma in _cues().revision_verbs and _set_to(anchor, attached)))
        if (_is_speech(attached, anchor) or revises) and not fronted and \
                attached.i not in relative:
            continue  # "reported on Feb. 5", "brought the toll down on Sunday": when it was
            # said, not what it counts
        if _compared_against(span, anchor):
            continue  # "the biggest audience since London in 2012": a record's reference
        if not _on_path(attached, path) and attached.i not in counted_tree:
            if not _dated_nearby(phrase, span, anchor, figures):
                continue
        distance = abs(span.start - anchor.i)
        if best is None or distance < best[0]:
            best = (distance, phrase)
    if best is None:
        return _year_modifier(anchor, figures, phrases), as_of
    return best[1], as_of


def _compared_against(span: Span, anchor: Token) -> bool:
    """Whether a time phrase dates what a figure is compared with, inside a "since" or
    "than" phrase after the figure: "28.6 million viewers, the biggest audience since London
    in 2012"; not a figure inside that phrase ("bigger than a march that drew 500,000 in
    2006")."""
    comparison = None
    token = span.root
    for _ in range(4):  # bounded: a few steps up through the phrase
        if token.head is token:
            break
        token = token.head
        if token.dep_ == "prep" and token.lower_ in ("since", "than"):
            comparison = token
            break
    if comparison is None:
        for token in reversed(span.doc[max(span.sent.start, span.start - 4) : span.start]):
            # the parse may hang it elsewhere: "since London in 2012"
            if token.lower_ in ("since", "than"):
                comparison = token
                break
            if token.pos_ not in ("PROPN", "NOUN", "DET", "ADJ"):
                break
    return comparison is not None and anchor.i < comparison.i


def _figure_words(anchor: Token) -> list[Token]:
    """The children of the figure and of the number word it modifies ("1.5" in "1.5
    million")."""
    words = list(anchor.children)
    if anchor.dep_ in ("nummod", "quantmod", "compound") and anchor.head.like_num:
        words.extend(anchor.head.children)
    return words


def _set_to(anchor: Token, verb: Token) -> bool:
    """Whether the figure is the value a revising verb sets ("took the toll to 300", "brought
    it down from 288 to 275"), not the subject of "took part"."""
    for token in anchor.ancestors:  # the prepositions between the figure and the verb
        if token == verb:
            return False
        if token.dep_ == "prep" and token.lower_ in ("to", "from", "at", "by"):
            return True
    return False


def _on_path(token: Token, path: set[int]) -> bool:
    """Whether ``token`` is on the figure's path, or in a prepositional phrase hung on it:
    "took part in *Friday's* demonstration" (the day, through "demonstration" and "in", to
    "took"); not to a verb that only reports the figure ("puts the toll from Friday's quake at
    632": the quake's day, not the toll's)."""
    if token.i in path:
        return True
    for _ in range(4):  # bounded: a few steps up through prepositions and the subject
        # ("the movement's first day last Thursday brought out 800,000")
        if token.dep_ not in ("pobj", "prep", "poss", "npadvmod", "nsubj") or \
                token.head is token:
            return False
        subject = token.dep_ == "nsubj"
        token = token.head
        if token.i in path:  # not a verb that only reports ("puts the toll at 632"); through
            # the subject, not one that says it ("reports on Friday said 300 died")
            lemma = token.lemma_.lower()
            return lemma not in (_cues().speech_verbs if subject else _cues().report_verbs)
    return False


_CONTRASTS = frozenset({"but", "while", "whereas", "although", "though", ";", "compared",
                        "against", "versus"})


def _contrasted(phrase: TimePhrase, anchor: Token, doc: Doc) -> bool:
    """Whether a contrast stands between an "as of" phrase and the figure: "59 had been killed,
    but by Friday evening the toll was 67" dates the 67 only."""
    span = _span(doc, phrase.start, phrase.end)
    if span is None:
        return False
    low, high = sorted((span.start, anchor.i))
    return any(token.lower_ in _CONTRASTS for token in doc[low:high])


def _year_modifier(anchor: Token, figures: Sequence[int],
                   phrases: Sequence[TimePhrase]) -> TimePhrase | None:
    """A year written as a modifier of the figure's phrase dates it: "its 2016 purchase of
    LinkedIn for $26.2 billion", "the 2003 march drew 500,000"; no other figure may stand
    between them in the clause, and a year inside a time phrase is that phrase's ("the highest
    since May 2018")."""
    doc = anchor.doc
    for token in doc:
        if not re.fullmatch(r"(?:1[89]|20)\d\d", token.text) or token.i in figures or \
                any(p.start <= token.idx < p.end for p in phrases):
            continue
        if token.dep_ not in ("nummod", "compound", "amod", "nmod", "poss"):
            continue
        low, high = sorted((token.i, anchor.i))
        between = doc[low:high]
        if any(t.text in (";", ".", ":") for t in between) or \
                any(low < index < high for index in figures if index != anchor.i):
            continue
        year = int(token.text)
        try:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
        except ValueError:
            continue
        return TimePhrase(token.idx, token.idx + len(token.text), token.text, "scope", first,
                          last, False)
    return None


_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
#: a phrase that names a year, by number or by word ("In 2019", "Last year")
_YEARLY = re.compile(r"\b(?:(?:1[5-9]|20)\d\d|years?)\b", re.IGNORECASE)


def _fronted(span: Span, anchor: Token) -> bool:
    """Whether a time phrase opens the figure's sentence ("July 2003, against a security law:
    the organisers counted 500,000", "In 2019, …"): it dates the whole sentence."""
    lead = span.start - span.sent.start
    return anchor.sent == span.sent and span.start < anchor.i and (
        lead == 0 or (lead == 1 and span.doc[span.sent.start].dep_ == "prep"))


def _dated_nearby(phrase: TimePhrase, span: Span, anchor: Token, figures: Sequence[int]) -> bool:
    """A phrase naming a year ("in 1960") that the parse hung elsewhere still dates a figure
    of its clause when no other figure stands between them: "devastated Agadir in 1960,
    killing at least 12,000 people"."""
    if not _YEAR.search(phrase.text):
        return False
    if _fronted(span, anchor):
        return True
    low, high = sorted((span.start, anchor.i))
    between = anchor.doc[low:high]
    if any(token.text in (";", ".", ":") for token in between):
        return False
    if any(low < index < high for index in figures if index != anchor.i):
        return False
    # "seen by 26.5 million, and London's opener in 2012 by 40.7 million": a year past a
    # clause's end that a figure after it shares is that figure's
    sentence_end = anchor.sent.end
    return not (span.start > anchor.i and _clause_break(between) and
                any(span.end <= index < sentence_end for index in figures))


def _clause_break(tokens: Span) -> bool:
    """Whether a comma and a conjunction ("…, and", "…, but", "while") part the tokens."""
    return any(token.lower_ in ("while", "whereas") or (
        token.lower_ in ("and", "but") and token.i > 0 and token.doc[token.i - 1].text == ",")
        for token in tokens)
