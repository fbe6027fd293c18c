"""Choose the comparison's thresholds on one half of the gold, check them on the other.

The gold (`benchmarks/data/comparison-gold-bund-2025.json`) is split by position
(`comparison_quality.halves`). For each pair of the evidence floor
(`compare.EVIDENCE`) and the match threshold (`compare.MODIFIED_SCORE`) in the
grid, the first half is scored (origin right + passage among the first three);
the best pair is printed with its figures on both halves, beside the pair the
code ships. The second half's figures are the honest ones; with 35 pledges, one
pledge is about 3 points. The threshold between "same" and "modified" is not
chosen here: the gold does not tell them apart.

Run: `python benchmarks/comparison_calibrate.py [GOLD]`
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from comparison_quality import DATA, GOLD, evaluate, halves

EVIDENCE_GRID = (1.0, 1.5, 2.0, 2.5, 3.0)
MODIFIED_GRID = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45)


def main() -> None:
    gold_path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    from versprochen.extraction import extract
    from versprochen.matching import compare as comparison

    agreement = comparison.passages_of(extract(DATA / gold["agreement"]))
    programs = {
        name: comparison.passages_of(extract(DATA / path))
        for name, path in gold["programs"].items()
    }
    first, second = halves(gold["items"])
    results: dict[tuple[float, float], tuple[int, str, str]] = {}
    for evidence in EVIDENCE_GRID:
        scores = comparison.score(agreement, programs, evidence=evidence)
        for modified in MODIFIED_GRID:
            result = comparison.decide(scores, same=comparison.SAME_SCORE, modified=modified)
            chosen_on = evaluate(result, first)
            results[evidence, modified] = (
                chosen_on.origin_right + chosen_on.passage_found,
                chosen_on.line("  first half"),
                evaluate(result, second).line("  second half"),
            )
    # Ties go to the lower evidence floor and the higher threshold: fewer proposals.
    best = max(results, key=lambda k: (results[k][0], -k[0], k[1]))
    shipped = (comparison.EVIDENCE, comparison.MODIFIED_SCORE)
    for label, key in (("best on the first half", best), ("shipped", shipped)):
        print(f"{label}: EVIDENCE={key[0]} MODIFIED_SCORE={key[1]}")
        if key in results:
            print(results[key][1])
            print(results[key][2])


if __name__ == "__main__":
    main()
