"""Does a word classifier help the area rules as an extra vote? (Tried; not shipped.)

The area analogue of `cap_manifesto_vote.py` (issue 14, section 3): its naive
Bayes classifier (character 5-grams of words, tempered posterior), trained per
fold on the other gold documents' pledges, with or without the Manifesto
Project quasi-sentences whose category maps onto one area (MARPOR -> CAP by
`data/manifesto-cap.tsv`, CAP -> area by `CAP_AREA` below). Its posterior is
added as `weight * probability` to the evidence of `coding/area.py` for every
statement, next to the text's lexicon votes, the headings and the context.
The vote's weight and the rule weights (`AREA_GRID`) are fitted together on
the three training documents, each scored with a model trained without it
(nested), as `fit_area` does. Prints the LODO area accuracy of the rules alone
and with the vote.

Run: `PYTHONPATH=src:. .venv/bin/python benchmarks/area_learned_vote.py`
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cap_manifesto_vote import Bayes, manifesto_sentences
from extraction_quality import AREA_GRID, AreaCase, area_case, fit_area, gold_documents, staged
from versprochen.extraction.coding import area
from versprochen.extraction.scoring import load_gold, score

WEIGHTS = (0.0, 1.0, 2.0, 3.0, 4.0)
# CAP major topic -> municipal area, where the topic has one area. Topics 2
# (civil rights), 20 (government operations) and 23 (culture, which holds
# sport) are split between areas; 4, 16, 18, 19 and 21 have no municipal area.
CAP_AREA = {
    "1": "finanzen",
    "3": "soziales_gesundheit",
    "5": "wirtschaft_arbeit",
    "6": "bildung",
    "7": "umwelt_klima_energie",
    "8": "umwelt_klima_energie",
    "9": "soziales_gesundheit",  # integration of immigrants, as the gold codes it
    "10": "mobilitaet",
    "12": "sicherheit_ordnung",
    "13": "soziales_gesundheit",
    "14": "wohnen_stadtentwicklung",
    "15": "wirtschaft_arbeit",
    "17": "digitalisierung_verwaltung",
}
Examples = list[tuple[str, str]]


@dataclass(frozen=True)
class Doc:
    case: AreaCase
    texts: list[str]
    gold: Examples


def manifesto_areas() -> Examples:
    return [(t, CAP_AREA[c]) for t, c in manifesto_sentences() if c in CAP_AREA]


def posteriors(doc: Doc, train: Sequence[Doc], extra: Examples) -> list[dict[str, float]]:
    model = Bayes([g for d in train for g in d.gold] + extra)
    return [model.posterior(t) for t in doc.texts]


def accuracy(
    case: AreaCase, votes: list[dict[str, float]], w: area.AreaWeights, lw: float
) -> float:
    """`extraction_quality.area_accuracy` with the classifier's vote added."""
    areas: list[str] = []
    for i, evidence in enumerate(case.evidence):
        previous = areas[-1] if case.same_section[i] else None
        scores = area.weigh_evidence(evidence, previous, w)
        for label, p in votes[i].items():
            scores[label] = scores.get(label, 0.0) + lw * p
        order = area._label_order()
        own = dict(evidence.text)
        best = max(scores, key=lambda a: (scores[a], own.get(a, 0.0), -order[a]), default=None)
        areas.append(best if best is not None and scores[best] > 0 else area.FALLBACK_AREA)
    pairs = [(areas[s], g) for s, g in zip(case.pledges, case.gold, strict=True) if g is not None]
    return sum(a == g for a, g in pairs) / len(pairs)


def held_out(test: Doc, others: list[Doc], extra: Examples) -> tuple[float, float]:
    """The vote's weight and rule weights fitted on `others` (nested); then `test`'s accuracy."""
    inner = [(d, posteriors(d, [o for o in others if o is not d], extra)) for d in others]
    grid = [(w, lw) for w in AREA_GRID for lw in WEIGHTS]
    totals = [sum(accuracy(d.case, v, w, lw) for d, v in inner) for w, lw in grid]
    best = max(totals)
    tied = [g for g, t in zip(grid, totals, strict=True) if t >= best - 1e-9]
    w, lw = tied[len(tied) // 2]
    return lw, accuracy(test.case, posteriors(test, others, extra), w, lw)


def main() -> None:
    docs: dict[str, Doc] = {}
    for d in gold_documents():
        split_doc, predicted = staged(d.source)
        gold = load_gold(d.gold)
        case = area_case(split_doc, predicted, score(predicted, gold))
        texts = [s.text for s in split_doc.statements]
        docs[d.label] = Doc(case, texts, [(str(p["text"]), str(p["area"])) for p in gold])
    alone = {}
    for label, doc in docs.items():
        weights = fit_area([d.case for lab, d in docs.items() if lab != label])
        alone[label] = accuracy(doc.case, [{}] * len(doc.texts), weights, 0.0)
    nothing: Examples = []
    for name, extra in (("gold only", nothing), ("gold + Manifesto", manifesto_areas())):
        print(f"\n{name}: rules alone -> rules + vote (fitted weight)")
        results = []
        for label, doc in docs.items():
            lw, voted = held_out(doc, [d for lab, d in docs.items() if lab != label], extra)
            results.append((alone[label], voted))
            print(f"  {label[:36]:<36}{alone[label]:7.3f}{voted:7.3f}   weight {lw}")
        macro = [sum(r[i] for r in results) / len(results) for i in (0, 1)]
        print(f"  {'macro':<36}{macro[0]:7.3f}{macro[1]:7.3f}")


if __name__ == "__main__":
    main()
