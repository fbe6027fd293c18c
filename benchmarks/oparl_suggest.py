"""Quality and speed of the paper suggestions (`versprochen.matching.ranking`).

Quality, on the Karlsruhe 2025 papers (`../shared/data/oparl/karlsruhe-2025`):

* pairs: 54 pairs of papers are tied as superordinated and subordinated paper.
  With those link fields never read, each paper's name and file texts are the
  query (the paper itself excluded); a pair counts when the other paper is among
  the first 5 suggestions. Printed per direction and for "both directions" (each
  of the 108 queries counted), for the ranking, for the ranking with a cited
  reference weighed like a word (`REFERENCE_WEIGHT` was tuned on these pairs),
  and for a plain TF-IDF over the same texts.
* pledges: the hand-made development set `benchmarks/data/oparl-pledges.json`
  (see `benchmarks/data/oparl-pledges.md`): pledges in a party's words and the
  papers that pursue them; a pledge counts when one of its papers is among the
  first 5 (recall@5), and the mean reciprocal rank of the first one.

Speed, on synthetic papers resampled from the real texts (one core):

* suggestions for 1,000 pledges against 10,000 papers (index built, then ranked);
* the incremental update after 100 new papers: adding them to the index and
  ranking the 1,000 pledges against the new papers only.

    python benchmarks/oparl_suggest.py [--quality] [--speed] [--misses]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from versprochen.matching import ranking
from versprochen.matching.ranking import Paper, PaperIndex, Query

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "oparl" / "karlsruhe-2025"
DEV_SET = Path(__file__).resolve().parent / "data" / "oparl-pledges.json"
LIMIT = 5
_WORD = re.compile(r"\w+")


def load_karlsruhe() -> tuple[dict[str, Paper], list[tuple[str, str]]]:
    """The papers (link fields left out) and the super-/subordinated pairs."""
    manifest = json.loads((DATA / "manifest.json").read_text(encoding="utf-8"))
    titles: dict[str, str] = {}
    for name in manifest["meetings"].values():
        meeting = json.loads((DATA / "meetings" / name).read_text(encoding="utf-8"))
        for item in meeting.get("agendaItem") or []:
            if item.get("name"):
                titles[item["id"]] = item["name"]
    texts: dict[str, list[str]] = {}
    for entry in manifest["file_texts"]:
        text = (DATA / entry["text"]).read_text(encoding="utf-8")
        texts.setdefault(entry["paper_id"], []).append(text)
    papers: dict[str, Paper] = {}
    links: set[tuple[str, str]] = set()
    for name in manifest["papers"].values():
        raw = json.loads((DATA / "papers" / name).read_text(encoding="utf-8"))
        paper_id = raw["id"]
        items = [c.get("agendaItem") for c in raw.get("consultation") or []]
        papers[paper_id] = Paper(
            id=paper_id,
            name=raw.get("name") or "",
            reference=raw.get("reference") or "",
            texts=tuple(texts.get(paper_id, ())),
            titles=tuple(dict.fromkeys(titles[i] for i in items if i in titles)),
            date=date.fromisoformat(raw["date"]) if raw.get("date") else None,
        )
        for other in raw.get("subordinatedPaper") or []:
            links.add((paper_id, other))
        for other in raw.get("superordinatedPaper") or []:
            links.add((other, paper_id))
    pairs = sorted((a, b) for a, b in links if a in papers and b in papers)
    return papers, pairs


def query_of(paper: Paper) -> Query:
    return Query(text="\n".join((paper.name, *paper.texts)), exclude=frozenset({paper.id}))


class TfIdf:
    """The baseline: cosine of plain TF-IDF vectors of lower-cased word runs."""

    def __init__(self, papers: list[Paper]) -> None:
        self.ids = [p.id for p in papers]
        docs = [self._counts("\n".join((p.name, p.reference, *p.titles, *p.texts))) for p in papers]
        self.vocab: dict[str, int] = {}
        df: Counter[str] = Counter()
        for counts in docs:
            df.update(counts.keys())
        for term in df:
            self.vocab[term] = len(self.vocab)
        n = len(docs)
        self.idf = np.array([math.log(n / df[t]) + 1 for t in self.vocab])
        self.matrix = self._vectors(docs)

    @staticmethod
    def _counts(text: str) -> Counter[str]:
        return Counter(_WORD.findall(text.lower()))

    def _vectors(self, docs: list[Counter[str]]) -> sp.csr_matrix:
        rows, cols, vals = [], [], []
        for i, counts in enumerate(docs):
            for term, n in counts.items():
                column = self.vocab.get(term)
                if column is not None:
                    rows.append(i)
                    cols.append(column)
                    vals.append(n * self.idf[column])
        matrix = sp.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(self.vocab)))
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1
        return sp.csr_matrix(sp.diags(1 / norms) @ matrix)

    def rank(self, query: Query, limit: int) -> list[str]:
        vector = self._vectors([self._counts(query.text)])
        scores = (self.matrix @ vector.T).toarray().ravel()
        order = np.argsort(-scores, kind="stable")
        return [self.ids[i] for i in order if self.ids[i] not in query.exclude][:limit]


def pair_quality(show_misses: bool) -> None:
    papers, pairs = load_karlsruhe()
    index = PaperIndex()
    index.add(papers.values())
    baseline = TfIdf(list(papers.values()))
    print(f"Karlsruhe 2025: {len(papers)} papers, {len(pairs)} super-/subordinated pairs")

    def plain_references(q: Query) -> list[str]:
        # The same ranking with a cited reference weighed like any word: the
        # reference weight was tuned on these pairs, this shows what it adds.
        weight, ranking.REFERENCE_WEIGHT = ranking.REFERENCE_WEIGHT, 1.0
        try:
            return [h.id for h in index.rank(q, LIMIT)]
        finally:
            ranking.REFERENCE_WEIGHT = weight

    rankers = {
        "ranking": lambda q: [h.id for h in index.rank(q, LIMIT)],
        "  refs as words": plain_references,
        "plain TF-IDF": lambda q: baseline.rank(q, LIMIT),
    }
    for label, rank in rankers.items():
        down = [b in rank(query_of(papers[a])) for a, b in pairs]
        up = [a in rank(query_of(papers[b])) for a, b in pairs]
        either = [d or u for d, u in zip(down, up, strict=True)]
        both = down + up
        print(
            f"  {label:13} pair found in top {LIMIT}: "
            f"from the superordinated {_pct(down)}, from the subordinated {_pct(up)}, "
            f"both directions {_pct(both)} ({sum(both)}/{len(both)}), either {_pct(either)}"
        )
        if show_misses and label == "ranking":
            for (a, b), d, u in zip(pairs, down, up, strict=True):
                if not (d and u):
                    print(
                        f"    miss {'' if d else 'down '}{'' if u else 'up'}: "
                        f"{papers[a].name[:60]!r} / {papers[b].name[:60]!r}"
                    )


def pledge_quality(show_misses: bool) -> None:
    papers, _ = load_karlsruhe()
    index = PaperIndex()
    index.add(papers.values())
    baseline = TfIdf(list(papers.values()))
    by_reference = {p.reference: p.id for p in papers.values()}
    items = json.loads(DEV_SET.read_text(encoding="utf-8"))["pledges"]
    print(f"Development set: {len(items)} pledges in a party's words, {DEV_SET.name}")
    for label in ("ranking", "plain TF-IDF"):
        found: Counter[str] = Counter()
        reciprocal = 0.0
        for item in items:
            wanted = {by_reference[r] for r in item["papers"]}
            query = Query(
                text=item["text"],
                places=tuple(item.get("places", ())),
                after=date.fromisoformat(item["after"]) if item.get("after") else None,
            )
            if label == "ranking":
                ranked = [h.id for h in index.rank(query, 20)]
            else:
                ranked = baseline.rank(query, 20)
            ranks = [i for i, pid in enumerate(ranked) if pid in wanted]
            if ranks and ranks[0] < LIMIT:
                found[item.get("set", "first")] += 1
            elif show_misses and label == "ranking":
                first = [papers[r].name[:40] for r in ranked[:3]]
                print(f"    miss: {item['text'][:60]!r} -> {first}")
            reciprocal += 1 / (ranks[0] + 1) if ranks else 0.0
        total = sum(found.values())
        harder = sum(1 for item in items if item.get("set") == "harder")
        print(
            f"  {label:13} a paper of the pledge in top {LIMIT}: {total}/{len(items)} "
            f"({100 * total / len(items):.0f} %; the {harder} harder ones: "
            f"{found['harder']}/{harder}), MRR@20 {reciprocal / len(items):.2f}"
        )


def synthetic(papers: list[Paper], count: int, rng: random.Random, prefix: str) -> list[Paper]:
    """Papers made by resampling paragraphs of the real ones."""
    paragraphs = [
        p for paper in papers for t in paper.texts for p in re.split(r"\n\s*\n", t) if p.strip()
    ]
    names = [p.name for p in papers]
    out = []
    for i in range(count):
        chosen = rng.sample(paragraphs, rng.randint(8, 40))
        out.append(
            Paper(
                id=f"{prefix}{i}",
                name=rng.choice(names),
                reference=f"2025/{i:05d}",
                texts=("\n\n".join(chosen),),
                date=date(2025, rng.randint(1, 12), rng.randint(1, 28)),
            )
        )
    return out


def speed() -> None:
    real = list(load_karlsruhe()[0].values())
    rng = random.Random(11)
    papers = synthetic(real, 10_000, rng, "p")
    sentences = [
        s for p in real for t in p.texts for s in re.split(r"(?<=\.)\s+", t) if 60 < len(s) < 300
    ]
    pledges = [Query(text=" ".join(rng.sample(sentences, rng.randint(1, 2)))) for _ in range(1000)]
    started = time.process_time()
    index = PaperIndex()
    index.add(papers)
    built = time.process_time() - started
    started = time.process_time()
    results = index.rank_many(pledges, LIMIT)
    ranked = time.process_time() - started
    print(
        f"1,000 pledges against 10,000 papers: index {built:.1f} s + ranking {ranked:.1f} s "
        f"= {built + ranked:.1f} s CPU (target 30 s)"
    )
    new = synthetic(real, 100, rng, "n")
    # As after a sync: each pledge keeps its 5 suggestions, a new paper enters
    # only above the weakest of them.
    floors = [
        replace(q, floor=hits[-1].score if len(hits) == LIMIT else 0.0)
        for q, hits in zip(pledges, results, strict=True)
    ]
    started = time.process_time()
    index.add(new)
    added = time.process_time() - started
    entering = index.rank_many(floors, LIMIT, among=[p.id for p in new])
    update = time.process_time() - started
    print(
        f"incremental update after 100 new papers: {update:.2f} s CPU (adding {added:.2f} s); "
        f"{sum(map(len, entering))} new suggestions (target 3 s)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quality", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--misses", action="store_true", help="list the pairs and pledges missed")
    args = parser.parse_args(argv)
    everything = not (args.quality or args.speed)
    if args.quality or everything:
        pair_quality(args.misses)
        if DEV_SET.exists():
            pledge_quality(args.misses)
    if args.speed or everything:
        speed()
    return 0


def _pct(values: list[bool]) -> str:
    return f"{100 * sum(values) / max(len(values), 1):.1f} %"


if __name__ == "__main__":
    sys.exit(main())
