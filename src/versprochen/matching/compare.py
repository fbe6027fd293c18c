"""Program versus agreement: where each pledge of a coalition agreement came from.

For each agreement pledge the comparison proposes the program pledges that hold
the same or a modified commitment, and for each program pledge whether the
agreement adopted it, modified it or dropped it.

Pledges are compared by their terms (`matching.pledge_terms`: lemmas, the parts
of compound nouns, separable verbs joined again, a verb and its noun in -ung as
one stem). A pair's score is the cosine of their term vectors (log-scaled term
counts times the term's inverse document frequency), the frequency counted per
program, in its pledges and the agreement's: each program has its stock words,
and a word its program uses everywhere says little about which of its pledges
is meant. A pair
sharing only one or two words is weak evidence however short both are: its score
is scaled down until the shared terms weigh as much as `EVIDENCE` of the rarest
terms. A number both name adds to the score. `score` computes all this once;
`decide` turns the scores into proposals by the thresholds. An editor confirms
or corrects each proposal: the thresholds decide what is proposed, not what is
true.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
import scipy.sparse as sp

from versprochen.extraction.types import Extraction
from versprochen.matching.pledge_terms import pledge_terms
from versprochen.matching.terms import quantities

Relation = Literal["same", "modified"]
Outcome = Literal["adopted", "modified", "dropped"]

# Chosen on one half of benchmarks/data/comparison-gold-bund-2025.json and checked
# on the other (benchmarks/comparison_calibrate.py; figures in docs/reports.md).
SAME_SCORE = 0.55
MODIFIED_SCORE = 0.3
# How many of the rarest terms' weight the shared terms of a pair must reach for
# its score to count in full; below, the score is scaled down.
EVIDENCE = 1.5

# Pledges without any of the terms added to each collection (see `score`).
_BACKGROUND = 10
# How many matches per program an agreement pledge lists at most.
MATCHES_PER_PROGRAM = 3
# How many candidates per program the cosine passes on to the final score.
_CANDIDATES = 10
# What a shared number adds to a pair's score, up to the cap.
_NUMBER_BONUS = 0.05
_NUMBER_BONUS_CAP = 0.1


@dataclass(frozen=True, slots=True)
class Passage:
    """One pledge as the comparison sees it: its text and the page it stands on."""

    text: str
    page: int


@dataclass(frozen=True, slots=True)
class Match:
    """A program pledge that holds an agreement pledge (the same or modified)."""

    program: str
    index: int
    text: str
    page: int
    relation: Relation
    score: float


@dataclass(frozen=True, slots=True)
class AgreementItem:
    """One agreement pledge with the programs it came from (none: in no program)."""

    index: int
    text: str
    page: int
    origin: tuple[str, ...]
    matches: tuple[Match, ...]


@dataclass(frozen=True, slots=True)
class ProgramItem:
    """One program pledge and what the agreement made of it."""

    index: int
    text: str
    page: int
    outcome: Outcome
    agreement_index: int | None
    score: float


@dataclass(frozen=True, slots=True)
class Comparison:
    items: tuple[AgreementItem, ...]
    programs: Mapping[str, tuple[ProgramItem, ...]]

    def summary(self) -> dict[str, dict[str, int]]:
        """Per program: how many pledges it has and how many were adopted, modified, dropped."""
        result: dict[str, dict[str, int]] = {}
        for name, items in self.programs.items():
            counts = {"pledges": len(items), "adopted": 0, "modified": 0, "dropped": 0}
            for item in items:
                counts[item.outcome] += 1
            result[name] = counts
        return result

    def to_json(self) -> dict[str, object]:
        """The shape `versprochen compare --json` prints."""
        return {
            "items": [
                {
                    "text": item.text,
                    "page": item.page,
                    "origin": list(item.origin),
                    "matches": [
                        {
                            "program": m.program,
                            "text": m.text,
                            "page": m.page,
                            "relation": m.relation,
                            "score": round(m.score, 3),
                        }
                        for m in item.matches
                    ],
                }
                for item in self.items
            ],
            "programs": self.summary(),
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """The scored candidates of a comparison, before any threshold.

    `candidates[name][i]`: (score, program pledge) pairs for agreement pledge i,
    best first; `best[name][j]`: (score, agreement pledge) of program pledge j's
    closest agreement pledge."""

    agreement: tuple[Passage, ...]
    programs: Mapping[str, tuple[Passage, ...]]
    candidates: Mapping[str, tuple[tuple[tuple[float, int], ...], ...]]
    best: Mapping[str, tuple[tuple[float, int], ...]]


def relation_of(
    score: float, same: float = SAME_SCORE, modified: float = MODIFIED_SCORE
) -> Relation | None:
    if score >= same:
        return "same"
    if score >= modified:
        return "modified"
    return None


def _vectors(counts: Sequence[Counter[str]], vocabulary: dict[str, int]) -> sp.csr_matrix:
    """Log-scaled term counts of `counts` as rows over `vocabulary` (grown as needed)."""
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for row, passage in enumerate(counts):
        for term, n in passage.items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            vals.append(1.0 + float(np.log(n)))
    return sp.csr_matrix(
        (np.array(vals, dtype=np.float64), (rows, cols)), shape=(len(counts), len(vocabulary))
    )


def _normalised(matrix: sp.csr_matrix, idf: np.ndarray) -> sp.csr_matrix:
    weighted = sp.csr_matrix(matrix.multiply(idf[None, :]))
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ weighted)


def score(
    agreement: Sequence[Passage],
    programs: Mapping[str, Sequence[Passage]],
    evidence: float = EVIDENCE,
) -> Scores:
    """Score every agreement pledge against every program's pledges."""
    agreement_terms = [pledge_terms(p.text) for p in agreement]
    agreement_numbers = [quantities(p.text) for p in agreement]
    candidates: dict[str, tuple[tuple[tuple[float, int], ...], ...]] = {}
    best: dict[str, tuple[tuple[float, int], ...]] = {}
    for name, passages in programs.items():
        program_terms = [pledge_terms(p.text) for p in passages]
        program_numbers = [quantities(p.text) for p in passages]
        vocabulary: dict[str, int] = {}
        program_matrix = _vectors(program_terms, vocabulary)
        agreement_matrix = _vectors(agreement_terms, vocabulary)
        program_matrix.resize((len(passages), len(vocabulary)))
        # The pair of documents compared is the collection: a program's stock words
        # and the agreement's count little against each other.
        df = np.bincount(
            np.concatenate((program_matrix.indices, agreement_matrix.indices)),
            minlength=len(vocabulary),
        ).astype(np.float64)
        # As if the collection had `_BACKGROUND` more pledges without the term: in a
        # handful of pledges every shared word is in most of them and must still count.
        size = len(passages) + len(agreement) + _BACKGROUND
        idf = np.log((size + 1) / (df + 0.5))
        cosines = (
            _normalised(agreement_matrix, idf) @ _normalised(program_matrix, idf).T
        ).toarray()
        pair = _PairScorer(
            vocabulary, idf, agreement_terms, program_terms, agreement_numbers, program_numbers
        )
        pair.evidence = evidence * float(idf.max(initial=1.0))
        candidates[name] = tuple(pair.best_of_row(i, cosines[i]) for i in range(len(agreement)))
        best[name] = pair.best_of_columns(cosines, candidates[name])
    return Scores(tuple(agreement), {n: tuple(ps) for n, ps in programs.items()}, candidates, best)


class _PairScorer:
    """The final score of an (agreement pledge, program pledge) pair from its cosine."""

    def __init__(
        self,
        vocabulary: dict[str, int],
        idf: np.ndarray,
        agreement_terms: Sequence[Counter[str]],
        program_terms: Sequence[Counter[str]],
        agreement_numbers: Sequence[frozenset[str]],
        program_numbers: Sequence[frozenset[str]],
    ) -> None:
        self.weight = {term: float(idf[column]) for term, column in vocabulary.items()}
        # The shared weight at which a pair's score counts in full.
        self.evidence = EVIDENCE * float(idf.max(initial=1.0))
        self.agreement_terms = agreement_terms
        self.program_terms = program_terms
        self.agreement_numbers = agreement_numbers
        self.program_numbers = program_numbers

    def final(self, row: int, column: int, cosine: float) -> float:
        a, p = self.agreement_terms[row], self.program_terms[column]
        shared = sum(self.weight[t] for t in a.keys() & p.keys())
        value = cosine * min(1.0, shared / self.evidence)
        numbers = self.agreement_numbers[row] & self.program_numbers[column]
        if numbers:
            # A number both name is strong evidence of the same commitment.
            value += min(_NUMBER_BONUS * len(numbers), _NUMBER_BONUS_CAP)
        return min(value, 1.0)

    def best_of_row(self, row: int, cosines: np.ndarray) -> tuple[tuple[float, int], ...]:
        count = min(_CANDIDATES, len(cosines))
        if not count:
            return ()
        top = np.argpartition(-cosines, count - 1)[:count]
        scored = [
            (self.final(row, int(c), float(cosines[c])), int(c)) for c in top if cosines[c] > 0
        ]
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        return tuple(scored[:MATCHES_PER_PROGRAM])

    def best_of_columns(
        self, cosines: np.ndarray, rows: Sequence[tuple[tuple[float, int], ...]]
    ) -> tuple[tuple[float, int], ...]:
        """For each program pledge its best agreement pledge: the best by cosine,
        or one whose candidates it is with a higher final score."""
        if not cosines.shape[0]:
            return tuple((0.0, -1) for _ in range(cosines.shape[1]))
        by_cosine = cosines.argmax(axis=0)
        best = [
            (self.final(int(r), c, float(cosines[r, c])), int(r))
            if cosines[r, c] > 0
            else (0.0, -1)
            for c, r in enumerate(by_cosine)
        ]
        for row, pairs in enumerate(rows):
            for value, column in pairs:
                if value > best[column][0]:
                    best[column] = (value, row)
        return tuple(best)


def decide(
    scores: Scores, same: float = SAME_SCORE, modified: float = MODIFIED_SCORE
) -> Comparison:
    """Proposals from scores: a pair scoring `modified` or more is a match."""
    programs = scores.programs
    items: list[AgreementItem] = []
    for number, passage in enumerate(scores.agreement):
        matches: list[Match] = []
        for name in programs:
            for value, candidate in scores.candidates[name][number]:
                relation = relation_of(value, same, modified)
                if relation is None:
                    continue
                source = programs[name][candidate]
                matches.append(Match(name, candidate, source.text, source.page, relation, value))
        matches.sort(key=lambda m: (-m.score, m.program, m.index))
        origin = tuple(sorted({m.program for m in matches}, key=list(programs).index))
        items.append(AgreementItem(number, passage.text, passage.page, origin, tuple(matches)))
    outcomes = {
        name: tuple(
            _program_item(i, passage, *scores.best[name][i], same=same, modified=modified)
            for i, passage in enumerate(passages)
        )
        for name, passages in programs.items()
    }
    return Comparison(tuple(items), outcomes)


def compare(agreement: Sequence[Passage], programs: Mapping[str, Sequence[Passage]]) -> Comparison:
    """Propose the origin of each agreement pledge and the outcome of each program pledge."""
    return decide(score(agreement, programs))


def _program_item(
    index: int, passage: Passage, value: float, target: int, *, same: float, modified: float
) -> ProgramItem:
    relation = relation_of(value, same, modified)
    outcome: Outcome = (
        "adopted" if relation == "same" else "modified" if relation == "modified" else "dropped"
    )
    return ProgramItem(
        index, passage.text, passage.page, outcome, target if relation else None, value
    )


def passages_of(extraction: Extraction) -> list[Passage]:
    """The pledges of an extraction as passages, on the page of their first mention."""
    return [
        Passage(pledge.text, pledge.mentions[0].page if pledge.mentions else 1)
        for pledge in extraction.pledges
    ]
