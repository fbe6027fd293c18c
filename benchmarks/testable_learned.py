"""Does a learned classifier decide `testable` better than the weighed cues? (Tried; not shipped.)

Issue 14, section 3: where rules are weak, learn from data. For every held-out
gold document a logistic regression is trained on the gold pledges of the
other three and scored on the held-out document's matched pledges, exactly as
`extraction_quality.py` refits the rule weights (leave one document out).
Three feature sets are compared with the rules (`coding/testable.py`, weights
refitted per fold by `fit_weights`):

* `cues`: the cues of `TestableCues` and the rule score, i.e. a learned
  weighing of the same evidence;
* `words`: the pledge's content tokens (`matching.tokens`) and its last two
  tokens (German puts the main verb at the end: "... fördern", "... einrichten");
* `both`: the two together.

The annotated corpora in `../shared/data/annotated` carry no testability label,
so only the gold documents can train it. Prints the LODO accuracy per document
and the macro average for the rules and each feature set, for a few strengths
of the L2 penalty.

Run: `PYTHONPATH=src:. .venv/bin/python benchmarks/testable_learned.py`
"""

from __future__ import annotations

from collections import Counter
from dataclasses import astuple, fields

import numpy as np

from extraction_quality import fit_weights, gold_cues, gold_documents, refit_testable, staged
from versprochen.extraction.coding import testable
from versprochen.extraction.scoring import load_gold, score
from versprochen.matching.tokens import TOKEN_LENGTH, stopwords, words

Features = dict[str, float]
FEATURE_SETS = ("cues", "words", "both")
PENALTIES = (0.3, 1.0, 3.0)
# A word seen fewer times in the training documents gets no weight of its own.
MIN_COUNT = 3
STEPS, RATE = 600, 0.5


def features(text: str, cues: testable.TestableCues, feature_set: str) -> Features:
    out: Features = {}
    if feature_set in ("cues", "both"):
        for field, value in zip((f.name for f in fields(cues)), astuple(cues), strict=True):
            if field == "kind":
                out[f"kind={value}"] = 1.0
            elif field in ("concrete", "vague"):
                out[field] = min(float(value), 3.0) / 3.0
            else:
                out[field] = float(value)
        out["rule score"] = testable.weigh(cues) / 6.0
    if feature_set in ("words", "both"):
        content = [w for w in words(text) if w not in stopwords()]
        out.update({f"w:{w[:TOKEN_LENGTH]}": 1.0 for w in content})
        out.update({f"end:{w[:TOKEN_LENGTH]}": 1.0 for w in content[-2:]})
    return out


def train(rows: list[tuple[Features, bool]], penalty: float) -> tuple[dict[str, int], np.ndarray]:
    counts = Counter(name for row, _ in rows for name in row)
    vocabulary = {name: i for i, name in enumerate(n for n, c in counts.items() if c >= MIN_COUNT)}
    x = np.array([vector(row, vocabulary) for row, _ in rows])
    y = np.array([float(label) for _, label in rows])
    weights = np.zeros(x.shape[1] + 1)
    x = np.hstack([x, np.ones((len(x), 1))])
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ weights)))
        gradient = x.T @ (p - y) / len(y)
        gradient[:-1] += weights[:-1] / (penalty * len(y))
        weights -= RATE * gradient
    return vocabulary, weights


def vector(row: Features, vocabulary: dict[str, int]) -> np.ndarray:
    out = np.zeros(len(vocabulary))
    for name, value in row.items():
        if name in vocabulary:
            out[vocabulary[name]] = value
    return out


def main() -> None:
    documents = gold_documents()
    gold = {d.label: load_gold(d.gold) for d in documents}
    labelled = {label: gold_cues(pledges) for label, pledges in gold.items()}
    runs = {d.label: staged(d.source)[1] for d in documents}
    columns = ["rules"] + [f"{s} C={c}" for s in FEATURE_SETS for c in PENALTIES]
    table: dict[str, list[float]] = {}
    for document in documents:
        others = [label for label in labelled if label != document.label]
        predicted = runs[document.label]
        refit_testable(predicted, fit_weights([c for o in others for c in labelled[o]]))
        result = score(predicted, gold[document.label])
        by_text = {str(p["text"]): p for p in predicted}
        matched = [(by_text[p.text], bool(g.fields["testable"])) for p, g, _ in result.matches]
        row = [sum(bool(p["testable"]) == g for p, g in matched) / len(matched)]
        held_out_cues = [
            testable.testable_cues(
                str(p["text"]),
                p["kind"],  # type: ignore[arg-type]
                tuple(p["quantities"]),  # type: ignore[arg-type]
                tuple(p["places"]),  # type: ignore[arg-type]
            )
            for p, _ in matched
        ]
        for feature_set in FEATURE_SETS:
            rows = [
                (features(str(p["text"]), cues, feature_set), label)
                for o in others
                for p, (cues, label) in zip(gold[o], labelled[o], strict=True)
            ]
            for penalty in PENALTIES:
                vocabulary, weights = train(rows, penalty)
                right = 0
                for (p, label), cues in zip(matched, held_out_cues, strict=True):
                    x = np.append(
                        vector(features(str(p["text"]), cues, feature_set), vocabulary), 1
                    )
                    right += bool(x @ weights > 0) == label
                row.append(right / len(matched))
        table[document.label] = row
    print(f"{'document':<34}" + "".join(f"{c:>14}" for c in columns))
    for label, row in table.items():
        print(f"{label[:33]:<34}" + "".join(f"{v:14.3f}" for v in row))
    macro = [sum(col) / len(col) for col in zip(*table.values(), strict=True)]
    print(f"{'macro average':<34}" + "".join(f"{v:14.3f}" for v in macro))


if __name__ == "__main__":
    main()
