"""Accuracy of the `code` stage alone, on the gold pledges' own texts.

Codes every gold pledge's `text` with `code_text(text, (gold_section,))` and
prints per-field accuracy per document, how many places match the gold's
names, the confusion of area and kind, and two variants that show how the
rules behave elsewhere:

* "full path": the heading path as the pipeline sees it, rebuilt from the
  Markdown headings of the source (top level first);
* "no headings": the text alone, as under slogan headings that say nothing;
* "no headings, previous": the text plus the area coded for the pledge before
  it under the same heading, as the stage does.

For `testable`, whose weights and threshold were fitted on the gold
documents, it also prints leave-one-document-out figures: the weights chosen
by a grid search on the other documents, applied to the one left out.

    python benchmarks/coding_accuracy.py [--errors FIELD]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

from versprochen.extraction.code import code_text
from versprochen.extraction.coding import testable
from versprochen.extraction.coding.context import home_places
from versprochen.extraction.types import Coding

DATA = Path("/work/shared/data")
GOLD = DATA / "gold"
SOURCES = (DATA / "seeds", DATA / "documents")
FIELDS = ("area", "cap", "kind", "testable")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{-\})?\s*$")


def heading_paths(document: str) -> dict[str, tuple[str, ...]]:
    """Each heading's path from the top level, keyed by its case-folded title."""
    for folder in SOURCES:
        path = folder / document
        if path.exists():
            break
    else:
        return {}
    stack: list[tuple[int, str]] = []
    paths: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _HEADING.match(line)
        if not match:
            continue
        level, title = len(match.group(1)), match.group(2).strip()
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        paths.setdefault(title.casefold(), tuple(t for _, t in stack))
    return paths


def gold_value(pledge: dict[str, object], field: str) -> object:
    return pledge[field]


def coded_value(coding: Coding, field: str) -> object:
    return getattr(coding, field)


def evaluate(
    pledges: list[dict[str, object]], sections: list[tuple[str, ...]], *, context: bool = False
) -> tuple[dict[str, float], list[tuple[dict[str, object], Coding]]]:
    pairs: list[tuple[dict[str, object], Coding]] = []
    # The document's own town is no place a pledge is tied to, as in the stage.
    home = home_places([str(p["text"]) for p in pledges])
    for p, s in zip(pledges, sections, strict=True):
        previous = None
        if context and pairs and pairs[-1][0]["section"] == p["section"]:
            previous = pairs[-1][1].area
        pairs.append((p, code_text(str(p["text"]), s, previous, home)))
    accuracy = {
        f: sum(gold_value(p, f) == coded_value(c, f) for p, c in pairs) / len(pairs) for f in FIELDS
    }
    return accuracy, pairs


def places_overlap(pairs: list[tuple[dict[str, object], Coding]]) -> None:
    """Precision and recall of the places found, name for name as the gold writes them."""
    found = wanted = shared = 0
    for p, c in pairs:
        gold = {str(x) for x in p["places"]} if isinstance(p["places"], list) else set()
        coded = set(c.places)
        found, wanted, shared = found + len(coded), wanted + len(gold), shared + len(gold & coded)
    precision = shared / found if found else 0.0
    recall = shared / wanted if wanted else 0.0
    print(f"  places                 precision {precision:.3f}  recall {recall:.3f}")


def confusion(pairs: list[tuple[dict[str, object], Coding]], field: str) -> None:
    counts = Counter(
        (str(gold_value(p, field)), str(coded_value(c, field)))
        for p, c in pairs
        if gold_value(p, field) != coded_value(c, field)
    )
    print(f"  {field} confusion (gold -> coded), errors only:")
    for (gold, coded), n in counts.most_common(12):
        print(f"    {n:3d}  {gold} -> {coded}")


# The weights the leave-one-document-out check may refit; the others keep
# their defaults.
GRID = [
    replace(testable.WEIGHTS, quantity=q, place=p, vague=v, threshold=t, stance=s, rule=r)
    for q in (2.0, 4.0, 6.0)
    for p in (0.0, 2.0, 4.0)
    for v in (0.5, 0.7, 1.0)
    for t in (-3.0, -2.0, -1.0, 0.0)
    for s in (0.0, 3.0, 6.0)
    for r in (0.0, 3.0, 6.0)
]
Labelled = list[tuple[testable.TestableCues, bool]]


def testable_cues(pairs: list[tuple[dict[str, object], Coding]]) -> Labelled:
    out: Labelled = []
    for p, c in pairs:
        cues = testable.testable_cues(str(p["text"]), c.kind, c.quantities, c.places)
        out.append((cues, bool(p["testable"])))
    return out


def grid_accuracy(labelled: Labelled, weights: testable.Weights) -> float:
    hits = sum(
        (testable.weigh(cues, weights) >= weights.threshold) == gold for cues, gold in labelled
    )
    return hits / len(labelled)


def short(weights: testable.Weights) -> str:
    fields = ("quantity", "place", "vague", "threshold", "stance", "rule")
    return ", ".join(f"{f} {getattr(weights, f):g}" for f in fields)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=FIELDS, help="list the mistakes of one field")
    args = parser.parse_args()

    testable_data: dict[str, Labelled] = {}
    for gold_file in sorted(GOLD.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pledges: list[dict[str, object]] = gold["pledges"]
        paths = heading_paths(gold["document"])
        name = gold_file.name.removesuffix(".gold.json")
        print(f"\n{name}: {len(pledges)} gold pledges")
        variants = {
            "gold section": [(str(p["section"]),) for p in pledges],
            "full path": [
                paths.get(str(p["section"]).casefold(), (str(p["section"]),)) for p in pledges
            ],
            "no headings": [() for _ in pledges],
            "no headings, previous": [() for _ in pledges],
        }
        for label, sections in variants.items():
            accuracy, pairs = evaluate(pledges, sections, context=label.endswith("previous"))
            figures = "  ".join(f"{f} {accuracy[f]:.3f}" for f in FIELDS)
            print(f"  {label:22s} {figures}")
            if label == "gold section":
                main_pairs, main_sections = pairs, sections
        places_overlap(main_pairs)
        confusion(main_pairs, "area")
        confusion(main_pairs, "kind")
        testable_data[name] = testable_cues(main_pairs)
        if args.errors:
            print(f"  {args.errors} errors:")
            for (p, c), s in zip(main_pairs, main_sections, strict=True):
                if gold_value(p, args.errors) != coded_value(c, args.errors):
                    print(
                        f"    gold {gold_value(p, args.errors)} coded {coded_value(c, args.errors)}"
                        f" [{' / '.join(s)}] {str(p['text'])[:150]}"
                    )

    if len(testable_data) >= 2:
        print("\ntestable, leave one document out (weights refitted on the others):")
        for test in testable_data:
            train = [c for name, data in testable_data.items() if name != test for c in data]
            best = max(GRID, key=lambda g: grid_accuracy(train, g))
            fitted = grid_accuracy(train, best)
            held_out = grid_accuracy(testable_data[test], best)
            print(f"  fit without {test[:30]:30s} {fitted:.3f} -> on it {held_out:.3f}")
            print(f"    ({short(best)})")
        for name, labelled in testable_data.items():
            accuracy = grid_accuracy(labelled, testable.WEIGHTS)
            print(f"  default weights on {name[:30]:30s} {accuracy:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
