"""Score grouping and verdicts on the multi-outlet story sets (tests/data/stories/).

Each story folder holds articles, their sidecar ``articles.csv``, hand-made ``gold.jsonl`` claims
and ``groups.json`` verdicts (see ``tests/data/stories/README.md``). The story is read and
compared exactly as ``numclaims compare FILES --meta articles.csv --format json`` does, and
scored as issue 7 says:

claim recall
    a gold claim is found when a reported claim of the same article overlaps its surface and has
    its value (for a vague amount, its bounds); a share written as a fraction has the value of
    its percentage ("two-thirds" is 66.67 per cent), as annotators write it either way;
grouping
    pairwise precision and recall over the found claims: two found gold claims in one gold group
    should share a reported group, and two in different gold groups should not;
verdicts
    for each quantity reported by more than one article (a gold group whose claims come from two
    or more files), the verdict of the reported group holding most of its found claims must be
    one the gold accepts.

Usage::

    python scripts/story_eval.py                    # every story, dev and held-out apart
    python scripts/story_eval.py --failures         # and each wrong pair and verdict
    python scripts/story_eval.py tests/data/stories/dev/some-story
    python scripts/story_eval.py --json
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

import numclaims

ROOT = Path(__file__).resolve().parents[1]
STORIES = ROOT / "tests" / "data" / "stories"
SPLITS = ("dev", "heldout")


@dataclass
class StoryScore:
    """What one story scored, with the failures behind the figures."""

    story: str
    gold: int = 0
    found: int = 0
    pairs: Counter[str] = field(default_factory=Counter)  # tp, fp, fn
    quantities: int = 0
    verdicts_right: int = 0
    failures: list[str] = field(default_factory=list)


def story_folders(paths: Sequence[str]) -> list[Path]:
    """The story folders named, or every story under tests/data/stories."""
    if paths:
        return [Path(p) for p in paths]
    return sorted(p.parent for p in STORIES.glob("*/*/gold.jsonl"))


def load_gold(folder: Path) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    lines = (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in lines if line.strip()]
    groups = json.loads((folder / "groups.json").read_text(encoding="utf-8"))
    return gold, groups


def compare_story(folder: Path) -> tuple[dict[str, Any], dict[str, str]]:
    """The comparison as ``numclaims compare`` gives it in JSON, and each file's text."""
    files = sorted(str(p) for p in folder.glob("*.txt"))
    corpus = numclaims.read_paths(files, meta=str(folder / "articles.csv"))
    for problem in corpus.problems:
        print(f"warning: {problem}", file=sys.stderr)
    claims = numclaims.extract_documents(corpus.documents)
    comparison = numclaims.compare(claims, documents=corpus.documents)
    texts = {Path(d.doc_id).name: d.text for d in corpus.documents}
    return json.loads(numclaims.render(comparison, "json")), texts


def _locate(gold: list[dict[str, Any]], texts: dict[str, str]) -> list[tuple[int, int] | None]:
    """Each gold claim's character span in its article's text (repeats found in order)."""
    spans: list[tuple[int, int] | None] = []
    cursor: dict[tuple[str, str, str], int] = {}
    for claim in gold:
        text = texts.get(claim["file"])
        if text is None:
            spans.append(None)
            continue
        # a line that is the whole sentence ("98 women", a subheading) before a longer line
        # that only holds it ("11 teens, 26 foreigners and 98 women among the 154 …")
        whole_line = re.search(rf"^{re.escape(claim['sentence'])}$", text, re.MULTILINE)
        sentence_at = whole_line.start() if whole_line else text.find(claim["sentence"])
        if sentence_at < 0:
            sentence_at = text.find(claim["sentence"].strip()[:60])
        if sentence_at < 0:
            spans.append(None)
            continue
        key = (claim["file"], claim["sentence"], claim["surface"])
        start = text.find(claim["surface"], max(sentence_at, cursor.get(key, sentence_at)))
        if start < 0:
            spans.append(None)
            continue
        cursor[key] = start + len(claim["surface"])
        spans.append((start, start + len(claim["surface"])))
    return spans


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    # annotators write a fraction rounded ("two-thirds" as 0.6667)
    return math.isclose(a, b, rel_tol=5e-4, abs_tol=1e-9)


def _same_figure(gold: dict[str, Any], reported: dict[str, Any]) -> bool:
    if gold["value"] is None:
        return _close(gold["lower"], reported["lower"]) and _close(gold["upper"], reported["upper"])
    if reported["value"] is None:
        return False
    if _close(gold["value"], reported["value"]):
        return True
    # a share written as a fraction is its percentage: "two-thirds" is 66.67 per cent, whichever
    # way the annotator wrote it down
    for share, percent in ((reported, gold), (gold, reported)):
        if share.get("unit") is None and percent.get("unit") == "percentage" and \
                0 < share["value"] <= 1 and \
                math.isclose(100 * share["value"], percent["value"], rel_tol=1e-3):
            return True
    return False


def score_story(folder: Path) -> StoryScore:
    gold, groups = load_gold(folder)
    result, texts = compare_story(folder)
    score = StoryScore(story=f"{folder.parent.name}/{folder.name}", gold=len(gold))
    reported: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
    verdict_of: dict[str, str] = {}
    for group in result["groups"]:
        verdict_of[group["id"]] = group["verdict"]
        for claim in group["claims"]:
            reported[Path(claim["doc_id"]).name].append((claim, group["id"]))
    found: dict[int, str] = {}  # gold index -> reported group id
    taken: set[tuple[str, int, int]] = set()
    for index, (claim, span) in enumerate(zip(gold, _locate(gold, texts), strict=True)):
        if span is None:
            score.failures.append(f"gold not located: {claim['file']}: {claim['surface']!r}")
            continue
        candidates = [
            (abs(r["start"] - span[0]), r, group_id)
            for r, group_id in reported.get(claim["file"], [])
            if r["start"] < span[1] and span[0] < r["end"] and _same_figure(claim, r)
            and (claim["file"], r["start"], r["end"]) not in taken
        ]
        if not candidates:
            score.failures.append(f"missed: {claim['file']}: {claim['surface']!r} "
                                  f"in {claim['sentence'][:90]!r}")
            continue
        _, best, group_id = min(candidates, key=lambda c: c[0])
        taken.add((claim["file"], best["start"], best["end"]))
        found[index] = group_id
    score.found = len(found)
    for one, other in combinations(sorted(found), 2):
        same_gold = gold[one]["group"] == gold[other]["group"]
        same_reported = found[one] == found[other]
        if same_gold and same_reported:
            score.pairs["tp"] += 1
        elif same_reported:
            score.pairs["fp"] += 1
            score.failures.append(
                f"merged: {gold[one]['group']} {gold[one]['surface']!r} with "
                f"{gold[other]['group']} {gold[other]['surface']!r}")
        elif same_gold:
            score.pairs["fn"] += 1
            score.failures.append(
                f"split: {gold[one]['group']}: {gold[one]['file']} {gold[one]['surface']!r} "
                f"apart from {gold[other]['file']} {gold[other]['surface']!r}")
    members: dict[str, list[int]] = defaultdict(list)
    for index, claim in enumerate(gold):
        members[claim["group"]].append(index)
    for name, indexes in members.items():
        if len({gold[i]["file"] for i in indexes}) < 2:
            continue
        score.quantities += 1
        accepted = groups.get(name, {}).get("verdict", [])
        holders = Counter(found[i] for i in indexes if i in found)
        verdict = verdict_of[holders.most_common(1)[0][0]] if holders else "not found"
        if verdict in accepted:
            score.verdicts_right += 1
        else:
            score.failures.append(f"verdict: {name}: {verdict}, gold accepts {accepted}")
    return score


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def totals(scores: Sequence[StoryScore]) -> dict[str, Any]:
    pairs: Counter[str] = Counter()
    for score in scores:
        pairs.update(score.pairs)
    precision = _ratio(pairs["tp"], pairs["tp"] + pairs["fp"])
    recall = _ratio(pairs["tp"], pairs["tp"] + pairs["fn"])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "stories": len(scores),
        "gold claims": sum(s.gold for s in scores),
        "claim recall": _ratio(sum(s.found for s in scores), sum(s.gold for s in scores)),
        "pairwise precision": precision,
        "pairwise recall": recall,
        "pairwise F1": f1,
        "quantities": sum(s.quantities for s in scores),
        "verdicts right": _ratio(sum(s.verdicts_right for s in scores),
                                 sum(s.quantities for s in scores)),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stories", nargs="*", help="story folders (default: all)")
    parser.add_argument("--failures", action="store_true", help="list every failure")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    scores = [score_story(folder) for folder in story_folders(args.stories)]
    by_split: dict[str, list[StoryScore]] = defaultdict(list)
    for score in scores:
        by_split[score.story.split("/")[0]].append(score)
    report = {split: totals(found) for split, found in by_split.items()}
    report["stories"] = {s.story: totals([s]) for s in scores}  # type: ignore[assignment]
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for score in scores:
        figures = totals([score])
        print(f"{score.story:48} recall {figures['claim recall']:.2f}  "
              f"F1 {figures['pairwise F1']:.2f} (P {figures['pairwise precision']:.2f} "
              f"R {figures['pairwise recall']:.2f})  verdicts "
              f"{score.verdicts_right}/{score.quantities}")
        if args.failures:
            for failure in score.failures:
                print(f"    {failure}")
    for split, found in by_split.items():
        figures = totals(found)
        print(f"\n{split}: {figures['stories']} stories, {figures['gold claims']} gold claims: "
              f"recall {figures['claim recall']:.3f}, pairwise F1 {figures['pairwise F1']:.3f} "
              f"(P {figures['pairwise precision']:.3f}, R {figures['pairwise recall']:.3f}), "
              f"verdicts {figures['verdicts right']:.3f} of {figures['quantities']} quantities")
    return 0


if __name__ == "__main__":
    sys.exit(main())
