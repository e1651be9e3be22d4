"""Origins: whoever a figure traces back to, so that five outlets citing one source count once.

A named attribution is the origin: five outlets citing the Wall Street Journal (or "the WSJ")
are one origin, not five confirmations. An unnamed source ("the report", "officials") or none
leaves the article's outlet as the origin, together with its copies; articles sharing sentences
verbatim (a reprinted wire story, a page scraped twice) are copies of one origin. The name an
origin is shown by does not depend on the order the articles came in.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..models import Claim, Document
from ..settings import CompareSettings
from .measures import Reading
from .vocabulary import Vocabulary, source_name


def copy_clusters(
    claims: Sequence[Claim], documents: Iterable[Document] | None, settings: CompareSettings
) -> dict[str, str]:
    """Map each article to a representative of its copies (itself when it has none).

    Two articles are copies when they share at least ``settings.copy_min_shared`` sentences
    making up at least ``settings.copy_min_share`` of the shorter one. Sentences come from the
    documents' prose when given, else from the claims.
    """
    sentences: dict[str, set[str]] = defaultdict(set)
    if documents is not None:
        for document in documents:
            for sentence in re.split(r"(?<=[.!?…\"”])\s+|\n+", document.body_text()):
                _add_sentence(sentences[document.doc_id], sentence, settings)
    for claim in claims:
        _add_sentence(sentences[claim.doc_id], claim.sentence, settings)
        sentences.setdefault(claim.doc_id, set())
    postings: dict[str, list[str]] = defaultdict(list)
    for doc_id, doc_sentences in sentences.items():
        for sentence in doc_sentences:
            postings[sentence].append(doc_id)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for docs in postings.values():
        if 1 < len(docs) <= settings.copy_max_posting:
            for i, one in enumerate(docs):
                for other in docs[i + 1:]:
                    shared[(one, other) if one < other else (other, one)] += 1
    parent = {doc_id: doc_id for doc_id in sentences}
    for (one, other), count in shared.items():
        shorter = min(len(sentences[one]), len(sentences[other]))
        if count >= settings.copy_min_shared and count >= settings.copy_min_share * shorter:
            union(parent, one, other)
    return {doc_id: find(parent, doc_id) for doc_id in parent}


def _add_sentence(bucket: set[str], sentence: str, settings: CompareSettings) -> None:
    normal = " ".join(re.sub(r"[^\w]+", " ", sentence.lower()).split())
    if len(normal) >= settings.copy_min_sentence:
        bucket.add(normal)


def origins(
    readings: Sequence[Reading], copies: Mapping[str, str], vocabulary: Vocabulary
) -> dict[int, str]:
    """Map each reading to its origin, as a report names it.

    A named attribution is the origin ("according to the Wall Street Journal" in five outlets
    is one origin); an unnamed one ("the report said") or none leaves the article's outlet,
    which stands for the article and its copies, as the origin. Claims of different articles
    with the same sentence share an origin: one copied the other.
    """
    names = {r.index: source_name(r.claim.attribution) for r in readings}
    known = {n for n in names.values() if n} | \
        {source_name(r.claim.outlet) for r in readings if r.claim.outlet}
    aliases = {**initialisms(known), **kind_suffixed(known)}
    parent: dict[str, str] = {}
    shown: dict[str, set[str]] = defaultdict(set)
    keys: dict[int, str] = {}
    by_sentence: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for reading in sorted(readings, key=lambda r: (r.claim.doc_id, r.claim.start)):
        claim = reading.claim
        key = article = f"article {copies.get(claim.doc_id, claim.doc_id)}"
        shown[article].add(article_name(claim))
        find(parent, article)
        outlet = source_name(claim.outlet)
        if outlet:
            shown[aliases.get(outlet, outlet)].add(claim.outlet or outlet)
            union(parent, article, aliases.get(outlet, outlet))
        name = names[reading.index]
        if name and name not in vocabulary.unnamed_sources:
            key = aliases.get(name, name)
            shown[key].add(claim.attribution or name)
            find(parent, key)
        by_sentence[" ".join(claim.sentence.lower().split())].append((claim.doc_id, key))
        keys[reading.index] = key
    for uses in by_sentence.values():
        first_doc, first_key = uses[0]
        for doc_id, key in uses[1:]:
            if doc_id != first_doc:
                union(parent, first_key, key)
    display: dict[str, str] = {}
    # a named source or an outlet names the origin before an article does; ties in name order
    for key in sorted(parent, key=lambda k: (k.startswith("article "), k)):
        root = find(parent, key)
        if root not in display and shown.get(key):
            display[root] = min(shown[key], key=lambda s: (-len(s), s))  # the fullest name
    return {index: display.get(find(parent, key), key) for index, key in keys.items()}


def initialisms(names: Iterable[str]) -> dict[str, str]:
    """Map an initialism to the name it stands for when both occur: 'wsj' → 'wall street
    journal'."""
    names = set(names)
    spelled: dict[str, str] = {}
    for name in sorted(names):
        parts = re.split(r"[\s\-]+", name)
        if len(parts) > 1:
            spelled.setdefault("".join(part[0] for part in parts if part), name)
    return {name: spelled[name] for name in names if " " not in name and name in spelled}


#: Words that say what kind of body a name is: "the CGT union" is the CGT.
_BODY_WORDS = frozenset({
    "union", "ministry", "government", "agency", "authority", "authorities", "police",
    "office", "party", "company", "group", "institute", "survey", "service", "department",
    "federation", "association", "council", "newspaper",
})


def kind_suffixed(names: Iterable[str]) -> dict[str, str]:
    """Map a name with a word for its kind of body to the name without it when both occur:
    'cgt union' → 'cgt'."""
    names = set(names)
    found: dict[str, str] = {}
    for name in names:
        parts = name.split()
        if len(parts) > 1 and parts[-1] in _BODY_WORDS and " ".join(parts[:-1]) in names:
            found[name] = " ".join(parts[:-1])
    return found


def article_name(claim: Claim) -> str:
    """An article by its title (shortened), else its id: for articles whose outlet is unknown."""
    title = claim.title if not claim.title or len(claim.title) <= 50 else claim.title[:49] + "…"
    return f"'{title}'" if title else f"article {claim.doc_id}"


def union(parent: dict[str, str], one: str, other: str) -> None:
    parent.setdefault(one, one)
    parent.setdefault(other, other)
    root_one, root_other = find(parent, one), find(parent, other)
    if root_one != root_other:
        parent[max(root_one, root_other)] = min(root_one, root_other)


def find(parent: dict[str, str], key: str) -> str:
    parent.setdefault(key, key)
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key
