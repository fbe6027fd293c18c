"""Program versus agreement: where each pledge of a coalition agreement came from.

For each agreement pledge the comparison proposes the program pledges that hold
the same or a modified commitment, and for each program pledge whether the
agreement adopted it, modified it or dropped it. Passages are compared as sets
of content tokens (`similarity.content_tokens`), weighted by how rare a token is
across the agreement and all programs together, so that the words every
political text shares ("stärken", "Deutschland") count for little. The score
of a pair is the weighted cosine of the two sets, and a shared number
("2 Prozent") adds to it. (Five-letter pieces of long words, to match the parts
of compounds, found more passages on the gold but fewer right origins, at twice
the time: left out.) An editor confirms or corrects each proposal: the thresholds decide
what is proposed, not what is true.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

# `similarity` imports `extraction.scoring`, whose package imports `similarity` back
# (merge): loading the extraction package first keeps that circle from breaking an
# import of this module on its own.
import versprochen.extraction  # noqa: F401  isort: skip
from versprochen.extraction.types import Extraction
from versprochen.matching.similarity import Profile, TokenWeights

Relation = Literal["same", "modified"]
Outcome = Literal["adopted", "modified", "dropped"]

# Calibrated on benchmarks/data/comparison-gold-bund-2025.json (see its README).
SAME_SCORE = 0.55
MODIFIED_SCORE = 0.3

# How many matches per program an agreement pledge lists at most.
MATCHES_PER_PROGRAM = 3
# Tokens found in more than this share of all passages are too common to find
# candidates with; they still count in the score of a candidate pair.
_COMMON_SHARE = 0.05
# ... and in more passages than this, so that in a short text nothing is common.
_COMMON_FLOOR = 20
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


def relation_of(score: float) -> Relation | None:
    if score >= SAME_SCORE:
        return "same"
    if score >= MODIFIED_SCORE:
        return "modified"
    return None


class _Index:
    """An inverted index of one program's passages by their less common tokens."""

    def __init__(self, profiles: Sequence[Profile], common: frozenset[str]) -> None:
        postings: dict[str, list[int]] = defaultdict(list)
        for number, profile in enumerate(profiles):
            for token in profile.tokens - common:
                postings[token].append(number)
        self.postings = dict(postings)

    def candidates(self, tokens: frozenset[str]) -> set[int]:
        found: set[int] = set()
        for token in tokens:
            posting = self.postings.get(token)
            if posting:
                found.update(posting)
        return found


class _Scorer:
    def __init__(self, weights: TokenWeights) -> None:
        self.weights = weights
        self._norms: dict[frozenset[str], float] = {}

    def norm(self, tokens: frozenset[str]) -> float:
        value = self._norms.get(tokens)
        if value is None:
            value = math.sqrt(sum(self.weights.weight(t) ** 2 for t in tokens))
            self._norms[tokens] = value
        return value

    def score(self, a: Profile, b: Profile) -> float:
        shared = a.tokens & b.tokens
        if not shared:
            return 0.0
        denominator = self.norm(a.tokens) * self.norm(b.tokens)
        if not denominator:
            return 0.0
        value = sum(self.weights.weight(t) ** 2 for t in shared) / denominator
        if a.numbers and b.numbers:
            # A number both name is strong evidence of the same commitment.
            value += min(_NUMBER_BONUS * len(a.numbers & b.numbers), _NUMBER_BONUS_CAP)
        return min(value, 1.0)


def compare(agreement: Sequence[Passage], programs: Mapping[str, Sequence[Passage]]) -> Comparison:
    """Propose the origin of each agreement pledge and the outcome of each program pledge."""
    agreement_profiles = [Profile.of(p.text) for p in agreement]
    program_profiles = {name: [Profile.of(p.text) for p in ps] for name, ps in programs.items()}
    every = [p.tokens for p in agreement_profiles]
    for profiles in program_profiles.values():
        every.extend(p.tokens for p in profiles)
    weights = TokenWeights(every)
    vocabulary = frozenset().union(*every)
    common = vocabulary - weights.rare_tokens(max(_COMMON_FLOOR, int(len(every) * _COMMON_SHARE)))
    scorer = _Scorer(weights)
    indexes = {name: _Index(profiles, common) for name, profiles in program_profiles.items()}
    # Best (score, agreement index) per program pledge, for the program side.
    best: dict[str, list[tuple[float, int | None]]] = {
        name: [(0.0, None)] * len(ps) for name, ps in programs.items()
    }
    items: list[AgreementItem] = []
    for number, (passage, profile) in enumerate(zip(agreement, agreement_profiles, strict=True)):
        matches: list[Match] = []
        for name, index in indexes.items():
            profiles = program_profiles[name]
            scored: list[tuple[float, int]] = []
            program_best = best[name]
            for candidate in index.candidates(profile.tokens):
                value = scorer.score(profile, profiles[candidate])
                if value > program_best[candidate][0]:
                    program_best[candidate] = (value, number)
                if value >= MODIFIED_SCORE:
                    scored.append((value, candidate))
            scored.sort(key=lambda pair: (-pair[0], pair[1]))
            for value, candidate in scored[:MATCHES_PER_PROGRAM]:
                relation = relation_of(value)
                assert relation is not None
                source = programs[name][candidate]
                matches.append(Match(name, candidate, source.text, source.page, relation, value))
        matches.sort(key=lambda m: (-m.score, m.program, m.index))
        origin = tuple(sorted({m.program for m in matches}, key=list(programs).index))
        items.append(AgreementItem(number, passage.text, passage.page, origin, tuple(matches)))
    outcomes = {
        name: tuple(
            _program_item(i, passage, *best[name][i]) for i, passage in enumerate(programs[name])
        )
        for name in programs
    }
    return Comparison(tuple(items), outcomes)


def _program_item(index: int, passage: Passage, score: float, target: int | None) -> ProgramItem:
    relation = relation_of(score)
    outcome: Outcome = (
        "adopted" if relation == "same" else "modified" if relation == "modified" else "dropped"
    )
    return ProgramItem(
        index,
        passage.text,
        passage.page,
        outcome,
        target if relation else None,
        score,
    )


def passages_of(extraction: Extraction) -> list[Passage]:
    """The pledges of an extraction as passages, on the page of their first mention."""
    return [
        Passage(pledge.text, pledge.mentions[0].page if pledge.mentions else 1)
        for pledge in extraction.pledges
    ]
