"""Quality of the extraction against the development gold (annotation guideline, section 8).

Prints precision, recall, F1 and the field accuracies for each gold document,
next to the issue's targets. Run: `.venv/bin/python benchmarks/extraction_quality.py`.
"""

from __future__ import annotations

from pathlib import Path

from versprochen.extraction import extract
from versprochen.extraction.scoring import FIELDS, load_gold, score

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
CASES = [
    (
        "Herne (agreement, list style)",
        DATA / "seeds" / "herne-2030-eckpunktevereinbarung.md",
        DATA / "gold" / "herne-2030-eckpunktevereinbarung.gold.json",
        0.93,
    ),
    (
        "Solingen 2014 (program, prose)",
        DATA / "documents" / "kommunalwahlprogramm-solingen-2014-piraten.md",
        DATA / "gold" / "kommunalwahlprogramm-solingen-2014-piraten.gold.json",
        0.85,
    ),
]
FIELD_TARGETS = {"area": 0.90, "kind": 0.95, "cap": 0.85, "testable": 0.85}


def main() -> None:
    for label, document, gold, f1_target in CASES:
        predicted = extract(document).to_json()["pledges"]
        assert isinstance(predicted, list)
        result = score(predicted, load_gold(gold))
        mark = "ok " if result.f1 >= f1_target else "LOW"
        print(
            f"{label}: predicted {result.predicted}, gold {result.gold}, "
            f"matched {len(result.matches)}"
        )
        print(
            f"  [{mark}] F1 {result.f1:.3f} (target {f1_target:.2f}); "
            f"precision {result.precision:.3f}, recall {result.recall:.3f}"
        )
        for field in FIELDS:
            value = result.accuracy[field]
            mark = "ok " if value >= FIELD_TARGETS[field] else "LOW"
            print(f"  [{mark}] {field:<9} {value:.3f} (target {FIELD_TARGETS[field]:.2f})")


if __name__ == "__main__":
    main()
