"""Does a word classifier help the CAP rules as an extra vote? (Tried; not shipped.)

Trains a naive Bayes classifier on character 5-grams of words, per fold, on the
other gold documents' pledges, with or without the 2,400 Manifesto Project
quasi-sentences mapped onto CAP topics by `data/manifesto-cap.tsv`. Its
posterior, tempered (the mean log-likelihood per feature times TEMPERATURE)
and multiplied by the topic's share in the pledge's area, is added as
`weight * probability` to the rule evidence of `coding/cap.py`; the weight is
fitted inside each fold (leaving each of the three training documents out in
turn). Prints the LODO CAP accuracy of the rules alone and with the vote.

Run: `PYTHONPATH=src:. .venv/bin/python benchmarks/cap_manifesto_vote.py`
"""

from __future__ import annotations

import csv
import math
import re
from collections import Counter, defaultdict
from importlib.resources import files

from extraction_quality import DATA, _sections, gold_documents
from versprochen.extraction import extract
from versprochen.extraction.coding import cap
from versprochen.extraction.scoring import load_gold, score

TEMPERATURE = 3.0
WEIGHTS = (0.0, 2.0, 4.0, 6.0, 8.0)
_WORD = re.compile(r"\w{3,}")
Case = tuple[str, cap.Evidence, str, int]


def manifesto_sentences() -> list[tuple[str, str]]:
    """The Manifesto sample's sentences whose category maps onto a CAP topic."""
    rows = files("versprochen.extraction").joinpath("data/manifesto-cap.tsv").read_text("utf-8")
    mapping = dict(
        line.split("\t")[:2] for line in rows.splitlines() if line and not line.startswith("#")
    )
    path = DATA / "annotated" / "manifesto-de-2021-quasi-sentences.sample.csv"
    with path.open(encoding="utf-8") as handle:
        coded = [
            (r["text"], mapping[r["cmp_code"].removesuffix(".0")]) for r in csv.DictReader(handle)
        ]
    return [(text, topic) for text, topic in coded if topic != "-"]


def grams(text: str) -> list[str]:
    return [f"<{w}>"[i : i + 5] for w in _WORD.findall(text.lower()) for i in range(len(w) - 2)]


class Bayes:
    def __init__(self, data: list[tuple[str, str]]) -> None:
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        for text, topic in data:
            self.counts[topic].update(grams(text))
        self.totals = {t: sum(c.values()) for t, c in self.counts.items()}
        self.vocabulary = len({g for c in self.counts.values() for g in c})

    def posterior(self, text: str) -> dict[str, float]:
        found = grams(text) or ["<>"]
        logs = {
            t: TEMPERATURE
            * sum(math.log((c[g] + 0.5) / (self.totals[t] + 0.5 * self.vocabulary)) for g in found)
            / len(found)
            for t, c in self.counts.items()
        }
        top = max(logs.values())
        z = sum(math.exp(v - top) for v in logs.values())
        return {t: math.exp(v - top) / z for t, v in logs.items()}


def vote(model: Bayes, prior: Counter[str], text: str) -> dict[str, float]:
    """The classifier's posterior times the topic's share in the area, normalised."""
    posterior = model.posterior(text)
    n = sum(prior.values())
    joint = {t: p * (prior[t] + 0.5) / (n + 0.5 * len(posterior)) for t, p in posterior.items()}
    z = sum(joint.values()) or 1.0
    return {t: v / z for t, v in joint.items()}


def decide(case: Case, votes: dict[str, float], weight: float) -> int:
    _, evidence, area, _ = case
    text = dict(evidence.text)
    for topic, p in votes.items():
        text[topic] = text.get(topic, 0.0) + weight * p
    return cap.decide_cap(cap.Evidence(text, evidence.heading, evidence.heading_area), area)


Gold = dict[str, list[dict[str, object]]]


def scored(
    train: list[str], test: list[Case], gold: Gold, extra: list[tuple[str, str]]
) -> list[tuple[Case, dict[str, float]]]:
    model = Bayes([(str(p["text"]), str(p["cap"])) for d in train for p in gold[d]] + extra)
    priors: dict[str, Counter[str]] = defaultdict(Counter)
    for d in train:
        for p in gold[d]:
            priors[str(p["area"])][str(p["cap"])] += 1
    return [(c, vote(model, priors[c[2]], c[0])) for c in test]


def main() -> None:
    documents = gold_documents()
    gold = {d.label: load_gold(d.gold) for d in documents}
    cases: dict[str, list[Case]] = {}
    for d in documents:
        predicted = extract(d.source).to_json()["pledges"]
        assert isinstance(predicted, list)
        by_id = {str(p["id"]): p for p in predicted}
        result = score(predicted, gold[d.label])
        cases[d.label] = [
            (
                p.text,
                cap.cap_evidence(p.text, _sections(by_id[p.id])),
                str(by_id[p.id]["area"]),
                int(str(g.fields["cap"])),
            )
            for p, g, _ in result.matches
        ]
    manifesto = manifesto_sentences()
    nothing: list[tuple[str, str]] = []
    for name, extra in (("gold only", nothing), ("gold + Manifesto", manifesto)):
        print(f"\n{name}: rules alone -> rules + vote (fitted weight)")
        for d in documents:
            others = [o for o in gold if o != d.label]
            right: Counter[float] = Counter()
            for inner in others:
                train = [o for o in others if o != inner]
                for case, votes in scored(train, cases[inner], gold, extra):
                    right.update(w for w in WEIGHTS if decide(case, votes, w) == case[3])
            weight = max(WEIGHTS, key=lambda w: (right[w], -w))
            test = scored(others, cases[d.label], gold, extra)
            alone = sum(decide(c, {}, 0.0) == c[3] for c, _ in test) / len(test)
            voted = sum(decide(c, v, weight) == c[3] for c, v in test) / len(test)
            print(f"  {d.label[:36]:<36}{alone:7.3f}{voted:7.3f}   weight {weight}")


if __name__ == "__main__":
    main()
