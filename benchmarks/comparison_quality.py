"""Program versus agreement on the federal 2025 documents: quality and speed.

Prints, against the hand-made gold `benchmarks/data/comparison-gold-bund-2025.json`
(how it was made: `benchmarks/data/comparison-README.md`):
* the share of gold agreement pledges whose proposed origin (the set of programs)
  is right;
* of those with an origin, the share whose gold program passage is among the
  first three matches;
each for all of the gold and for its two halves (`benchmarks/comparison_calibrate.py`
chooses the thresholds on the first half, the second checks them), and the seconds
the whole comparison takes (extraction of the three documents included, one
process). Target: at most 60 s. Asserts nothing.

Run: `python benchmarks/comparison_quality.py [GOLD] [-v]` (-v: list the wrong origins)
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "benchmarks" / "data" / "comparison-gold-bund-2025.json"
SAME_TEXT = 0.8


@dataclass
class Figures:
    total: int = 0
    origin_right: int = 0
    with_origin: int = 0
    passage_found: int = 0
    missing: int = 0
    wrong: list[str] = field(default_factory=list)

    def line(self, label: str) -> str:
        found = self.passage_found / self.with_origin if self.with_origin else 0.0
        return (
            f"{label}: origin right {self.origin_right}/{self.total}"
            f" = {self.origin_right / max(self.total, 1):.1%};"
            f" passage among the first three {self.passage_found}/{self.with_origin} = {found:.1%}"
        )


def halves(items: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """The gold split in two by position: the first half chooses, the second checks."""
    return list(items[0::2]), list(items[1::2])


def evaluate(result: Any, items: Sequence[dict[str, Any]]) -> Figures:
    """How many of the gold `items` a `Comparison` gets right."""
    from versprochen.matching.similarity import content_tokens, token_f1

    def same_text(a: str, b: str) -> bool:
        return a == b or token_f1(content_tokens(a), content_tokens(b)) >= SAME_TEXT

    by_text = {item.text: item for item in result.items}
    figures = Figures(total=len(items))
    for entry in items:
        item = by_text.get(entry["text"]) or next(
            (i for i in result.items if same_text(i.text, entry["text"])), None
        )
        if item is None:
            figures.missing += 1
            continue
        if set(item.origin) == set(entry["origin"]):
            figures.origin_right += 1
        else:
            figures.wrong.append(
                f"  {entry['origin']} proposed {list(item.origin)}: {entry['text'][:70]}"
            )
        if entry["origin"]:
            figures.with_origin += 1
            first = item.matches[:3]
            if any(
                m.program == p["program"] and same_text(m.text, p["text"])
                for p in entry["passages"]
                for m in first
            ):
                figures.passage_found += 1
    return figures


def main() -> None:
    paths = [a for a in sys.argv[1:] if not a.startswith("-")]
    gold_path = Path(paths[0]) if paths else GOLD
    gold = json.loads(gold_path.read_text(encoding="utf-8"))

    started = time.perf_counter()
    from versprochen.extraction import extract
    from versprochen.matching.compare import compare, passages_of

    agreement = passages_of(extract(DATA / gold["agreement"]))
    programs = {name: passages_of(extract(DATA / path)) for name, path in gold["programs"].items()}
    extracted = time.perf_counter()
    result = compare(agreement, programs)
    finished = time.perf_counter()

    items = gold["items"]
    figures = evaluate(result, items)
    first, second = halves(items)
    with_origin = figures.with_origin
    print(
        f"gold agreement pledges: {len(items)} ({with_origin} with an origin,"
        f" {figures.missing} not found)"
    )
    print(figures.line("all"))
    print(evaluate(result, first).line("first half (chooses thresholds)"))
    print(evaluate(result, second).line("second half (checks them)"))
    pledges = len(agreement) + sum(len(p) for p in programs.values())
    print(f"pledges compared: {pledges} ({len(agreement)} in the agreement)")
    print(
        f"seconds: {finished - started:.1f} in all"
        f" (extraction {extracted - started:.1f}, comparison {finished - extracted:.1f}; target 60)"
    )
    for name, counts in result.summary().items():
        print(f"{name}: {counts}")
    if "-v" in sys.argv:
        print("\n".join(figures.wrong))


if __name__ == "__main__":
    main()
