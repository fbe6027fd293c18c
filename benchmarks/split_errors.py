"""The splitting errors on the four gold documents: unsplit lists and over-splits.

A gold pledge that was missed while one predicted pledge holds it and another gold pledge
is an unsplit coordination; a spurious predicted pledge that lies inside a gold pledge
which holds several predicted pledges is an over-split. "Holds" means at least
`HELD` of the inner text's content tokens are in the outer text. Counts per document, then
each case (the gold pledge and the predicted text, shortened).

Run: `.venv/bin/python benchmarks/split_errors.py [--quiet]`
"""

from __future__ import annotations

import argparse

from extraction_quality import gold_documents, staged
from versprochen.extraction.scoring import load_gold, score
from versprochen.matching.tokens import content_tokens

HELD = 0.8


def held(inner: str, outer: str) -> bool:
    tokens = set(content_tokens(inner))
    return bool(tokens) and len(tokens & set(content_tokens(outer))) / len(tokens) >= HELD


def unsplit(missed: list[str], predicted: list[str], gold: list[str]) -> list[tuple[str, str]]:
    """(missed gold, predicted text holding it and a sibling gold pledge)."""
    out = []
    for g in missed:
        for p in predicted:
            if held(g, p) and any(h != g and held(h, p) for h in gold):
                out.append((g, p))
                break
    return out


def over_split(spurious: list[str], predicted: list[str], gold: list[str]) -> list[tuple[str, str]]:
    """(spurious predicted text, gold pledge that holds it and another predicted one)."""
    out = []
    for p in spurious:
        for g in gold:
            if held(p, g) and sum(held(q, g) for q in predicted) >= 2:
                out.append((p, g))
                break
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quiet", action="store_true", help="print the counts only")
    args = parser.parse_args()
    for document in gold_documents():
        gold_items = load_gold(document.gold)
        predicted_items = staged(document.source)[1]
        result = score(predicted_items, gold_items)
        predicted = [str(p.get("text", "")) for p in predicted_items]
        gold = [str(g.get("text", "")) for g in gold_items]
        lists = unsplit([g.text for g in result.missed], predicted, gold)
        overs = over_split([p.text for p in result.spurious], predicted, gold)
        print(
            f"{document.label}: missed {len(result.missed)} (unsplit {len(lists)}), "
            f"spurious {len(result.spurious)} (over-split {len(overs)})"
        )
        if args.quiet:
            continue
        for g, p in lists:
            print(f"  unsplit    gold: {g[:110]}\n             pred: {p[:160]}")
        for p, g in overs:
            print(f"  over-split pred: {p[:110]}\n             gold: {g[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
