"""Policy area of a pledge from its words and its headings.

The heading a pledge stands under is the strongest sign of its area: programs
and agreements are ordered by policy field. The pledge's own words still count,
so a sentence about a cable car under "Arbeit" lands in transport, and they
decide alone where the headings are slogans ("#unsereZukunft ist ...").

The weights below are fitted: `benchmarks/extraction_quality.py` refits them
on the other gold documents for every held-out one (leave one document out);
the values here are those fitted on all four.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import log

from versprochen.extraction.coding.lexicon import load

AREA_LEXICON = "coding-areas.txt"
# Where nothing in text or headings points anywhere, the statement is most
# likely about how the authors work together (preambles, procedures).
FALLBACK_AREA = "koalition_personal"

# Per heading (innermost first): its area matches. Per statement: the text's
# matches and its heading path's. Kept apart so the weights can be refitted
# without matching the words again.
Votes = dict[str, float]


@dataclass(frozen=True, slots=True)
class AreaWeights:
    # How much the innermost heading that says anything weighs against the
    # text; each level further out counts `outer_decay` times less, as it
    # covers more ground.
    heading: float
    outer_decay: float
    # A heading whose best match is only a hint ("Ausschreibungen") votes
    # less than one that names its field ("Schule und Bildung").
    strong_match: float
    # The vote of the pledge before under the same heading: a pledge often
    # continues the one before, but its own words should still win.
    context: float


WEIGHTS = AreaWeights(heading=4.0, outer_decay=0.85, strong_match=3.0, context=3.0)


@dataclass(frozen=True, slots=True)
class AreaEvidence:
    """The matches of a pledge's words and of each of its headings, innermost first."""

    text: tuple[tuple[str, float], ...]
    headings: tuple[tuple[tuple[str, float], ...], ...]


def area_evidence(text: str, sections: tuple[str, ...]) -> AreaEvidence:
    """What the lexicon finds in the pledge and in its heading path (top level first)."""
    lexicon = load(AREA_LEXICON)
    return AreaEvidence(
        tuple(lexicon.scores(text).items()),
        tuple(_heading_votes(h) for h in reversed(sections)),
    )


@lru_cache(maxsize=4096)
def _heading_votes(heading: str) -> tuple[tuple[str, float], ...]:
    """Area matches of one heading; every statement under it asks again."""
    return tuple(load(AREA_LEXICON).scores(heading).items())


def weigh_evidence(
    evidence: AreaEvidence, previous: str | None, weights: AreaWeights = WEIGHTS
) -> Votes:
    """Evidence per area: the text's matches, the scaled heading votes, the context.

    The previous pledge under the same heading was mostly coded from that
    heading; where its area is the one the heading names, counting it again
    would let the heading outvote the pledge's own words twice over. So the
    context only votes where it adds something the heading does not say.
    (Measured: a half or full vote there lost on three of four documents.)
    """
    combined: Votes = {label: _damped(value) for label, value in evidence.text}
    weight = weights.heading
    heading_area: str | None = None
    for votes in evidence.headings:
        top = max((v for _, v in votes), default=0.0)
        if top <= 0:
            continue
        if heading_area is None:
            heading_area = max(votes, key=lambda vote: vote[1])[0]
        scale = weight / max(top, weights.strong_match)
        for label, value in votes:
            combined[label] = combined.get(label, 0.0) + scale * value
        weight *= weights.outer_decay
    if previous is not None and previous != heading_area:
        combined[previous] = combined.get(previous, 0.0) + weights.context
    return combined


# The weight of one word that names an area (lexicon weight 3).
_NAMING_WORD = 3.0


def _damped(value: float) -> float:
    """A text's vote for one area, growing slowly beyond one naming word.

    A pledge that names its field once is as sure of it as one that repeats
    the field's words; a long pledge listing "Schulen, Schulhöfe und
    Schulbusse" should not outvote its heading three times over.
    """
    if value <= _NAMING_WORD:
        return value
    return _NAMING_WORD * (1.0 + log(value / _NAMING_WORD))


def decide_area(
    evidence: AreaEvidence, previous: str | None, weights: AreaWeights = WEIGHTS
) -> str:
    """The area with the most evidence.

    In a tie the pledge's own words decide (a word naming a field against the
    vote of the pledge before), then the order of the lexicon.
    """
    scores = weigh_evidence(evidence, previous, weights)
    if not scores or max(scores.values()) <= 0:
        return FALLBACK_AREA
    order = _label_order()
    own = dict(evidence.text)
    return max(scores, key=lambda a: (scores[a], own.get(a, 0.0), -order[a]))


@lru_cache(maxsize=1)
def _label_order() -> dict[str, int]:
    return {label: i for i, label in enumerate(load(AREA_LEXICON).labels)}


def area_scores(text: str, sections: tuple[str, ...]) -> Votes:
    """Evidence per area of the text and its headings, without context."""
    return weigh_evidence(area_evidence(text, sections), None)


def code_area(text: str, sections: tuple[str, ...], previous: str | None = None) -> str:
    """The area of one pledge; `previous` is the area of the pledge before it.

    A pledge often continues the one before ("Diese Angebote sollen ständig
    weiterentwickelt werden"), so the previous area is a weak vote of its own,
    and the answer where nothing else says anything.
    """
    return decide_area(area_evidence(text, sections), previous)
