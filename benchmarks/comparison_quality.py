"""Program versus agreement on the federal 2025 documents: quality and speed.

Prints, against the hand-made gold `benchmarks/data/comparison-gold-bund-2025.json`
(how it was made: `benchmarks/data/comparison-README.md`):
* the share of gold agreement pledges whose proposed origin (the set of programs)
  is right;
* of those with an origin, the share whose gold program passage is among the
  first three matches;
and the seconds the whole comparison takes (extraction of the three documents
included, one process). Target: at most 60 s. Asserts nothing.

Run: `python benchmarks/comparison_quality.py [GOLD] [-v]` (-v: list the wrong origins)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
GOLD = ROOT / "benchmarks" / "data" / "comparison-gold-bund-2025.json"
SAME_TEXT = 0.8


def main() -> None:
    paths = [a for a in sys.argv[1:] if not a.startswith("-")]
    gold_path = Path(paths[0]) if paths else GOLD
    gold = json.loads(gold_path.read_text(encoding="utf-8"))

    started = time.perf_counter()
    from versprochen.extraction import extract
    from versprochen.matching.compare import compare, passages_of
    from versprochen.matching.similarity import content_tokens, token_f1

    agreement = passages_of(extract(DATA / gold["agreement"]))
    programs = {name: passages_of(extract(DATA / path)) for name, path in gold["programs"].items()}
    extracted = time.perf_counter()
    result = compare(agreement, programs)
    finished = time.perf_counter()

    def same_text(a: str, b: str) -> bool:
        return a == b or token_f1(content_tokens(a), content_tokens(b)) >= SAME_TEXT

    by_text = {item.text: item for item in result.items}
    origin_right = passage_found = with_origin = missing = 0
    wrong: list[str] = []
    for entry in gold["items"]:
        item = by_text.get(entry["text"]) or next(
            (i for i in result.items if same_text(i.text, entry["text"])), None
        )
        if item is None:
            missing += 1
            continue
        if set(item.origin) == set(entry["origin"]):
            origin_right += 1
        else:
            wrong.append(f"  {entry['origin']} proposed {list(item.origin)}: {entry['text'][:70]}")
        if entry["origin"]:
            with_origin += 1
            first = item.matches[:3]
            if any(
                m.program == p["program"] and same_text(m.text, p["text"])
                for p in entry["passages"]
                for m in first
            ):
                passage_found += 1

    total = len(gold["items"])
    pledges = len(agreement) + sum(len(p) for p in programs.values())
    print(f"gold agreement pledges: {total} ({with_origin} with an origin, {missing} not found)")
    print(f"origin right: {origin_right}/{total} = {origin_right / total:.1%}")
    if with_origin:
        print(
            f"passage among the first three matches: {passage_found}/{with_origin}"
            f" = {passage_found / with_origin:.1%}"
        )
    print(f"pledges compared: {pledges} ({len(agreement)} in the agreement)")
    print(
        f"seconds: {finished - started:.1f} in all"
        f" (extraction {extracted - started:.1f}, comparison {finished - extracted:.1f}; target 60)"
    )
    for name, counts in result.summary().items():
        print(f"{name}: {counts}")
    if "-v" in sys.argv:
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
