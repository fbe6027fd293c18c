"""Accuracy of the `code` stage alone, on the gold pledges' own texts.

Codes every gold pledge's `text` with `code_text(text, (gold_section,))` and
prints per-field accuracy per document, the confusion of area and kind, and
two variants that show how the rules behave elsewhere:

* "full path": the heading path as the pipeline sees it, rebuilt from the
  Markdown headings of the source (top level first);
* "no headings": the text alone, as under slogan headings that say nothing;
* "no headings, previous": the text plus the area coded for the pledge before
  it under the same heading, as the stage does.

For `testable`, whose threshold is the one number fitted on data, it also
prints the leave-one-document-out figure: the threshold chosen on one
document, applied to the other.

    python benchmarks/coding_accuracy.py [--errors FIELD]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from versprochen.extraction.code import code_text
from versprochen.extraction.coding.testable import testable_score
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
    for p, s in zip(pledges, sections, strict=True):
        previous = None
        if context and pairs and pairs[-1][0]["section"] == p["section"]:
            previous = pairs[-1][1].area
        pairs.append((p, code_text(str(p["text"]), s, previous)))
    accuracy = {
        f: sum(gold_value(p, f) == coded_value(c, f) for p, c in pairs) / len(pairs) for f in FIELDS
    }
    return accuracy, pairs


def confusion(pairs: list[tuple[dict[str, object], Coding]], field: str) -> None:
    counts = Counter(
        (str(gold_value(p, field)), str(coded_value(c, field)))
        for p, c in pairs
        if gold_value(p, field) != coded_value(c, field)
    )
    print(f"  {field} confusion (gold -> coded), errors only:")
    for (gold, coded), n in counts.most_common(12):
        print(f"    {n:3d}  {gold} -> {coded}")


def best_threshold(scores: list[float], labels: list[bool]) -> float:
    candidates = sorted(set(scores))
    return max(
        candidates,
        key=lambda t: sum((s >= t) == y for s, y in zip(scores, labels, strict=True)),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=FIELDS, help="list the mistakes of one field")
    args = parser.parse_args()

    testable_data: dict[str, tuple[list[float], list[bool]]] = {}
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
        confusion(main_pairs, "area")
        confusion(main_pairs, "kind")
        scores = [
            testable_score(str(p["text"]), c.kind, c.quantities, c.places) for p, c in main_pairs
        ]
        testable_data[name] = (scores, [bool(p["testable"]) for p, _ in main_pairs])
        if args.errors:
            print(f"  {args.errors} errors:")
            for (p, c), s in zip(main_pairs, main_sections, strict=True):
                if gold_value(p, args.errors) != coded_value(c, args.errors):
                    print(
                        f"    gold {gold_value(p, args.errors)} coded {coded_value(c, args.errors)}"
                        f" [{' / '.join(s)}] {str(p['text'])[:150]}"
                    )

    if len(testable_data) == 2:
        print("\ntestable, leave one document out (threshold fitted on the other):")
        (a, (sa, ya)), (b, (sb, yb)) = testable_data.items()
        for train, (s_tr, y_tr), test, (s_te, y_te) in (
            (a, (sa, ya), b, (sb, yb)),
            (b, (sb, yb), a, (sa, ya)),
        ):
            t = best_threshold(s_tr, y_tr)
            acc = sum((s >= t) == y for s, y in zip(s_te, y_te, strict=True)) / len(y_te)
            print(f"  fit on {train[:20]:20s} threshold {t:+.1f} -> {test[:20]:20s} {acc:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
