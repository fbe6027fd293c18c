"""Precision and recall of the `places` field on the four gold documents.

Two views per document, name for name as the gold writes them:

* "pipeline": the pledges the extraction finds, over those matched to a gold
  pledge (as `extraction_quality.py` pairs them), against that gold pledge's
  `places`;
* "gold texts": every gold pledge's own text coded alone (`code_text`, with
  the document's home places from the gold texts), as the testable weights
  are fitted in `extraction_quality.py`.

No places are fitted, so there is nothing to leave out. `--errors` lists the
names found that the gold lacks (false positives, "+") and the gold names
not found ("-"), with the pledge.

    PYTHONPATH=src:. .venv/bin/python benchmarks/places_quality.py [--errors]
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field

from benchmarks.extraction_quality import gold_documents, staged

from versprochen.extraction.code import code_text
from versprochen.extraction.coding.context import home_places
from versprochen.extraction.scoring import load_gold, score


@dataclass
class Tally:
    found: int = 0
    gold: int = 0
    right: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, text: str, found: set[str], gold: set[str]) -> None:
        self.found += len(found)
        self.gold += len(gold)
        self.right += len(found & gold)
        for name in sorted(found - gold):
            self.errors.append(f"  + {name!r:<40} {text[:110]}")
        for name in sorted(gold - found):
            self.errors.append(f"  - {name!r:<40} {text[:110]}")

    def figures(self) -> str:
        p = self.right / self.found if self.found else 0.0
        r = self.right / self.gold if self.gold else 0.0
        return f"{p:7.3f}{r:7.3f}{self.found:7d}{self.gold:7d}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list the wrong and missed names")
    args = parser.parse_args()
    rows: list[tuple[str, Tally, Tally]] = []
    for document in gold_documents():
        gold = load_gold(document.gold)
        pipeline = Tally()
        _, predicted = staged(document.source)
        by_id = {str(p["id"]): p for p in predicted}
        gold_by_id = {str(g.get("id", f"#{i + 1}")): g for i, g in enumerate(gold)}
        for p, g, _ in score(predicted, gold).matches:
            found = {str(x) for x in by_id[p.id]["places"]}  # type: ignore[attr-defined]
            wanted = {str(x) for x in gold_by_id[g.id]["places"]}  # type: ignore[attr-defined]
            pipeline.add(p.text, found, wanted)
        texts = Tally()
        home = home_places([str(g["text"]) for g in gold])
        for g in gold:
            text = str(g["text"])
            coding = code_text(text, (str(g.get("section") or ""),), None, home)
            texts.add(text, set(coding.places), {str(x) for x in g["places"]})  # type: ignore[attr-defined]
        rows.append((document.label, pipeline, texts))
        if args.errors:
            print(f"\n{document.label}: pipeline, matched pledges")
            print("\n".join(pipeline.errors))
            print(f"\n{document.label}: gold texts")
            print("\n".join(texts.errors))
    print(f"\n  {'document':<36}{'pipeline: P':>14}{'R':>7}{'found':>7}{'gold':>7}", end="")
    print(f"{'texts: P':>12}{'R':>7}{'found':>7}{'gold':>7}")
    for label, pipeline, texts in rows:
        print(f"  {label[:36]:<36}       {pipeline.figures()}     {texts.figures()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
