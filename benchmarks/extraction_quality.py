"""Quality of the extraction on the four gold documents, leave one document out.

Every figure for a document is measured as if that document had never been
seen: whatever is fitted (the weights of `coding/testable.py` and `coding/area.py`, the CAP
thresholds of `coding/cap.py`, the learned models of `extraction/learned/`)
is fitted on the other three gold documents
(and the coded corpora in `../shared/data/annotated`), then applied to the
held-out one. Prints F1, precision, recall and the field accuracies per
document, the macro average, and the issue's targets.

Run: `.venv/bin/python benchmarks/extraction_quality.py [--in-sample] [--errors FIELD]
[--cap-given-gold-area]`
(`--in-sample` also prints the figures of the rules and models as shipped,
fitted on all four: the optimistic number, for comparison only;
`--cap-given-gold-area` also prints the CAP accuracy had the area been right,
which separates the topic's own errors from the area's.)
"""

from __future__ import annotations

import argparse
import json
from dataclasses import astuple, dataclass, replace
from pathlib import Path

from versprochen.extraction import read
from versprochen.extraction.code import code_text
from versprochen.extraction.coding import area, cap, testable
from versprochen.extraction.coding.context import document_title, home_places
from versprochen.extraction.pipeline import STAGES
from versprochen.extraction.scoring import FIELDS, Score, load_gold, score
from versprochen.extraction.types import Extraction, SplitDocument

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GOLD = DATA / "gold"
F1_TARGET, MACRO_TARGET = 0.85, 0.88
FIELD_TARGETS = {"area": 0.90, "kind": 0.95, "cap": 0.85, "testable": 0.80}


@dataclass(frozen=True)
class GoldDocument:
    label: str
    source: Path
    gold: Path


def gold_documents() -> list[GoldDocument]:
    """Every gold file with the document it annotates (named in the file)."""
    out = []
    for gold in sorted(GOLD.glob("*.gold.json")):
        document = json.loads(gold.read_text(encoding="utf-8"))["document"]
        source = next(
            (DATA / d / document for d in ("seeds", "documents") if (DATA / d / document).exists()),
            None,
        )
        if source is None:
            raise SystemExit(f"{gold.name}: the document {document} is not in {DATA}")
        label = gold.name.removesuffix(".gold.json").removeprefix("kommunalwahlprogramm-")
        out.append(GoldDocument(label, source, gold))
    return out


# --- testable: weights refitted without the held-out document ----------------------

GRID = [
    replace(
        testable.WEIGHTS,
        quantity=q,
        place=p,
        vague=v,
        threshold=t,
        stance=s,
        rule=r,
        trailing_direction=d,
    )
    for q in (2.0, 4.0, 6.0)
    for p in (0.0, 2.0, 4.0)
    for v in (0.5, 1.0, 1.5)
    for t in (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0)
    for s in (0.0, 3.0, 6.0)
    for r in (0.0, 3.0, 6.0)
    for d in (0.0, 3.0, 5.0)
]
Labelled = list[tuple[testable.TestableCues, bool]]


def gold_cues(pledges: list[dict[str, object]]) -> Labelled:
    """The testable cues of gold pledges as the code stage sees them, with the gold label."""
    home = home_places([str(p["text"]) for p in pledges])
    out: Labelled = []
    for p in pledges:
        coding = code_text(str(p["text"]), (str(p.get("section") or ""),), None, home)
        cues = testable.testable_cues(str(p["text"]), coding.kind, coding.quantities, coding.places)
        out.append((cues, bool(p["testable"])))
    return out


def fit_weights(labelled: Labelled) -> testable.Weights:
    """The most accurate weights of the grid; among equals, those nearest the shipped ones.

    A cue that the training documents hardly hold (a rule, a stance) leaves its
    weight's accuracy tied; it then keeps the weight its reason gives it in
    `coding/testable.py` rather than the first of the grid.
    """

    def key(weights: testable.Weights) -> tuple[float, float]:
        right = sum(
            (testable.weigh(c, weights) >= weights.threshold) == gold for c, gold in labelled
        )
        return right / len(labelled), -_distance(weights, testable.WEIGHTS)

    return max(GRID, key=key)


def _distance(a: testable.Weights, b: testable.Weights) -> float:
    return float(sum(abs(x - y) for x, y in zip(astuple(a), astuple(b), strict=True)))


def refit_testable(predicted: list[dict[str, object]], weights: testable.Weights) -> None:
    for p in predicted:
        cues = testable.testable_cues(
            str(p["text"]),
            p["kind"],  # type: ignore[arg-type]
            tuple(p["quantities"]),  # type: ignore[arg-type]
            tuple(p["places"]),  # type: ignore[arg-type]
        )
        p["testable"] = testable.weigh(cues, weights) >= weights.threshold


# --- area: weights refitted without the held-out document --------------------------

AREA_GRID = [
    area.AreaWeights(heading=h, outer_decay=d, strong_match=m, context=c)
    for h in (3.0, 4.0, 5.0, 6.0)
    for d in (0.55, 0.7, 0.85)
    for m in (2.0, 3.0, 4.0)
    for c in (0.0, 1.0, 2.0, 3.0)
]


@dataclass(frozen=True)
class AreaCase:
    """What the area of each statement of one document is decided from.

    `pledges` holds, per predicted pledge, the statement it was coded from;
    `gold` the gold area of the pledge it matched (None where it matched none).
    """

    evidence: list[area.AreaEvidence]
    paths: list[tuple[str, ...]]
    same_section: list[bool]
    pledges: list[int]
    gold: list[str | None]


def staged(source: Path) -> tuple[SplitDocument, list[dict[str, object]]]:
    """The extraction run stage by stage: the statements before coding, and the pledges."""
    value: object = read.load_source(source)
    split_doc: SplitDocument | None = None
    for step in STAGES:
        value = step(value)  # type: ignore[arg-type]
        if isinstance(value, SplitDocument):
            split_doc = value
    assert isinstance(value, Extraction) and split_doc is not None
    pledges = value.to_json()["pledges"]
    assert isinstance(pledges, list)
    return split_doc, pledges


def area_case(doc: SplitDocument, predicted: list[dict[str, object]], result: Score) -> AreaCase:
    """The area evidence of a document's statements, as `code.code` gathers it."""
    paths = [doc.outlined.section_path(s.section) for s in doc.statements]
    title = document_title(paths)
    paths = [p[1:] if title is not None and p[:1] == (title,) else p for p in paths]
    paths = [tuple(h for h in (x.strip() for x in p) if h) for p in paths]
    by_span = {(s.start, s.end): i for i, s in enumerate(doc.statements)}
    pledges = []
    for p in predicted:
        members = [by_span[(m["start"], m["end"])] for m in p["mentions"]]  # type: ignore[attr-defined]
        pledges.append(
            next((i for i in members if doc.statements[i].text == p["text"]), members[0])
        )
    gold_of = {pp.id: str(g.fields["area"]) for pp, g, _ in result.matches}
    return AreaCase(
        evidence=[
            area.area_evidence(s.text, path) for s, path in zip(doc.statements, paths, strict=True)
        ],
        paths=paths,
        same_section=[
            i > 0 and doc.statements[i - 1].section == s.section
            for i, s in enumerate(doc.statements)
        ],
        pledges=pledges,
        gold=[gold_of.get(str(p["id"])) for p in predicted],
    )


def case_areas(case: AreaCase, weights: area.AreaWeights) -> list[str]:
    """The area of every statement under `weights`, each after the one before it."""
    out: list[str] = []
    for i, evidence in enumerate(case.evidence):
        previous = out[-1] if case.same_section[i] else None
        out.append(area.decide_area(evidence, previous, weights))
    return out


def area_accuracy(case: AreaCase, weights: area.AreaWeights) -> float:
    """The share of matched pledges whose area `weights` codes right."""
    areas = case_areas(case, weights)
    pairs = [(areas[s], g) for s, g in zip(case.pledges, case.gold, strict=True) if g is not None]
    return sum(a == g for a, g in pairs) / len(pairs) if pairs else 0.0


def fit_area(cases: list[AreaCase]) -> area.AreaWeights:
    """The grid point with the best mean accuracy over `cases`.

    Each document counts alike, as in the table, so a long one does not
    decide alone. Where several points tie (the other documents cannot tell
    them apart, as the heading decay where their headings have one level),
    the middle one of them in grid order: the first would sit at the edge of
    the plateau, where the held-out document is likeliest to fall off it.
    """
    totals = [sum(area_accuracy(c, w) for c in cases) for w in AREA_GRID]
    best = max(totals)
    tied = [w for w, total in zip(AREA_GRID, totals, strict=True) if total >= best - 1e-9]
    return tied[len(tied) // 2]


def check_area_case(label: str, case: AreaCase, predicted: list[dict[str, object]]) -> None:
    """The refit must code as the pipeline does: with the shipped weights, the same areas."""
    areas = case_areas(case, area.WEIGHTS)
    differ = sum(areas[s] != p["area"] for p, s in zip(predicted, case.pledges, strict=True))
    if differ:
        raise SystemExit(f"{label}: {differ} areas differ from the pipeline's; see code.code")


def refit_area(
    predicted: list[dict[str, object]], case: AreaCase, weights: area.AreaWeights
) -> None:
    """Recode area, and the CAP topic that starts from it, with refitted weights."""
    areas = case_areas(case, weights)
    for p, s in zip(predicted, case.pledges, strict=True):
        p["area"] = areas[s]
        p["cap"] = cap.code_cap(str(p["text"]), case.paths[s], areas[s])


# --- cap: thresholds refitted without the held-out document ------------------------

CAP_GRID = [
    cap.CapParams(min_evidence=m, margin=g, heading_weight=h)
    for m in (4.0, 5.0)
    for g in (2.5, 3.5)
    for h in (0.5, 1.0)
]
# (evidence, gold area, gold topic) of each gold pledge.
CapCases = list[tuple[cap.Evidence, str, int]]


def _sections(pledge: dict[str, object]) -> tuple[str, ...]:
    section = str(pledge.get("section") or "").strip()
    return (section,) if section else ()


def gold_cap_cases(pledges: list[dict[str, object]]) -> CapCases:
    """The CAP evidence of gold pledges under their gold heading, with gold area and topic."""
    return [
        (cap.cap_evidence(str(p["text"]), _sections(p)), str(p["area"]), int(str(p["cap"])))
        for p in pledges
    ]


def fit_cap(cases: CapCases) -> cap.CapParams:
    """The grid's thresholds that code the most gold topics right, given the gold area.

    The shipped values win ties, then the earlier grid point.
    """

    def correct(params: cap.CapParams) -> int:
        return sum(cap.decide_cap(e, area, params) == gold for e, area, gold in cases)

    return max([cap.PARAMS, *CAP_GRID], key=correct)


def refit_cap(predicted: list[dict[str, object]], params: cap.CapParams) -> None:
    for p in predicted:
        evidence = cap.cap_evidence(str(p["text"]), _sections(p))
        p["cap"] = cap.decide_cap(evidence, str(p["area"]), params)


def cap_given_gold_area(
    predicted: list[dict[str, object]], result: Score, params: cap.CapParams
) -> float:
    """CAP accuracy on matched pledges had the area been right: the topic's own errors."""
    by_id = {str(p["id"]): p for p in predicted}
    right = 0
    for p, g, _ in result.matches:
        evidence = cap.cap_evidence(p.text, _sections(by_id[p.id]))
        right += cap.decide_cap(evidence, str(g.fields["area"]), params) == g.fields["cap"]
    return right / len(result.matches) if result.matches else 0.0


# --- the table ---------------------------------------------------------------------

COLUMNS = ("F1", "P", "R", *FIELDS)


def row(result: Score) -> dict[str, float]:
    return {
        "F1": result.f1,
        "P": result.precision,
        "R": result.recall,
        **{f: result.accuracy[f] for f in FIELDS},
    }


def print_table(title: str, rows: dict[str, dict[str, float]]) -> None:
    print(f"\n{title}")
    print(f"  {'document':<36}" + "".join(f"{c:>9}" for c in COLUMNS))
    for label, figures in rows.items():
        print(f"  {label[:36]:<36}" + "".join(f"{figures[c]:9.3f}" for c in COLUMNS))
    macro = {c: sum(r[c] for r in rows.values()) / len(rows) for c in COLUMNS}
    print(f"  {'macro average':<36}" + "".join(f"{macro[c]:9.3f}" for c in COLUMNS))
    low = [
        f"{label[:16]} {c} {r[c]:.3f}"
        for label, r in rows.items()
        for c, target in (("F1", F1_TARGET), *FIELD_TARGETS.items())
        if r[c] < target
    ]
    if macro["F1"] < MACRO_TARGET:
        low.insert(0, f"macro F1 {macro['F1']:.3f}")
    print(
        f"  targets: F1 >= {F1_TARGET} each, macro >= {MACRO_TARGET}, "
        + ", ".join(f"{f} >= {t}" for f, t in FIELD_TARGETS.items())
    )
    print("  below target: " + ("; ".join(low) if low else "none"))


def print_errors(label: str, result: Score, field: str) -> None:
    print(f"\n{label}: {field} errors (gold -> predicted)")
    for p, g, _ in result.matches:
        if p.fields[field] != g.fields[field]:
            print(f"  {g.fields[field]} -> {p.fields[field]}: {g.text[:140]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--in-sample", action="store_true", help="also print the shipped figures")
    parser.add_argument("--errors", choices=(*FIELDS, "missed", "spurious"))
    parser.add_argument(
        "--cap-given-gold-area",
        action="store_true",
        help="also print the CAP accuracy had the area been right, and the fitted CAP values",
    )
    args = parser.parse_args()

    documents = gold_documents()
    gold = {d.label: load_gold(d.gold) for d in documents}
    cues = {label: gold_cues(pledges) for label, pledges in gold.items()}
    cap_cases = {label: gold_cap_cases(pledges) for label, pledges in gold.items()}
    given_area: dict[str, tuple[float, cap.CapParams]] = {}
    lodo: dict[str, dict[str, float]] = {}
    shipped: dict[str, dict[str, float]] = {}
    runs = {d.label: staged(d.source) for d in documents}
    cases = {
        label: area_case(doc, predicted, score(predicted, gold[label]))
        for label, (doc, predicted) in runs.items()
    }
    for document in documents:
        others = [c for lab, labelled in cues.items() if lab != document.label for c in labelled]
        predicted = runs[document.label][1]
        shipped[document.label] = row(score(predicted, gold[document.label]))
        refit_testable(predicted, fit_weights(others))
        check_area_case(document.label, cases[document.label], predicted)
        fitted = fit_area([c for lab, c in cases.items() if lab != document.label])
        refit_area(predicted, cases[document.label], fitted)
        print(f"{document.label[:36]}: area weights fitted without it: {fitted}")
        # The topic starts from the area, so it is refitted on the refitted area.
        cap_params = fit_cap(
            [c for lab, cs in cap_cases.items() if lab != document.label for c in cs]
        )
        refit_cap(predicted, cap_params)
        result = score(predicted, gold[document.label])
        given = cap_given_gold_area(predicted, result, cap_params)
        given_area[document.label] = (given, cap_params)
        lodo[document.label] = row(result)
        if args.errors in FIELDS:
            print_errors(document.label, result, args.errors)
        elif args.errors == "missed":
            print(f"\n{document.label}: missed gold pledges")
            for g in result.missed:
                print(f"  {g.text[:160]}")
        elif args.errors == "spurious":
            print(f"\n{document.label}: predicted pledges without a gold pledge")
            for p in result.spurious:
                print(f"  {p.text[:160]}")
    print_table("Leave one document out (fitted without the scored document)", lodo)
    if args.cap_given_gold_area:
        print("\nCAP accuracy given the gold area (LODO; fitted min_evidence/margin/heading)")
        for label, (accuracy, params) in given_area.items():
            print(
                f"  {label[:36]:<36}{accuracy:9.3f}   "
                f"{params.min_evidence:.1f}/{params.margin:.1f}/{params.heading_weight:.1f}"
            )
    if args.in_sample:
        print_table("In sample (as shipped, fitted on all four: optimistic)", shipped)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
