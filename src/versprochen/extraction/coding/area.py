"""Policy area of a pledge from its words and its headings.

The heading a pledge stands under is the strongest sign of its area: programs
and agreements are ordered by policy field. The pledge's own words still count,
so a sentence about a cable car under "Arbeit" lands in transport, and they
decide alone where the headings are slogans ("#unsereZukunft ist ...").
"""

from __future__ import annotations

from functools import lru_cache

from versprochen.extraction.coding.lexicon import load

AREA_LEXICON = "coding-areas.txt"

# How much the innermost heading that says anything weighs against the text;
# each level further out counts less, as it covers more ground.
HEADING_WEIGHT = 5.0
OUTER_DECAY = 0.7
# A heading whose best match is only a hint ("Ausschreibungen") votes less
# than one that names its field ("Schule und Bildung").
STRONG_MATCH = 3.0
# Where nothing in text or headings points anywhere, the statement is most
# likely about how the authors work together (preambles, procedures).
FALLBACK_AREA = "koalition_personal"
# The vote of the pledge before under the same heading: a little less than one
# word that names a field, so the pledge's own words still win.
CONTEXT_WEIGHT = 2.0


def area_scores(text: str, sections: tuple[str, ...]) -> dict[str, float]:
    """Evidence per area: the text's matches plus the normalised heading votes."""
    combined = load(AREA_LEXICON).scores(text)
    for label, vote in _heading_path_votes(sections):
        combined[label] = combined.get(label, 0.0) + vote
    return combined


@lru_cache(maxsize=4096)
def _heading_path_votes(sections: tuple[str, ...]) -> tuple[tuple[str, float], ...]:
    """The weighted votes of a heading path, in the order they are added up.

    Many statements share a path; the order keeps the sums exactly as if
    each vote were added on its own.
    """
    out: list[tuple[str, float]] = []
    weight = HEADING_WEIGHT
    for heading in reversed(sections):
        votes = _heading_votes(heading)
        top = max(votes.values(), default=0.0)
        if top <= 0:
            continue
        for label, value in votes.items():
            out.append((label, weight * value / max(top, STRONG_MATCH)))
        weight *= OUTER_DECAY
    return tuple(out)


@lru_cache(maxsize=4096)
def _heading_votes(heading: str) -> dict[str, float]:
    """Area matches of one heading; every statement under it asks again."""
    return load(AREA_LEXICON).scores(heading)


def code_area(text: str, sections: tuple[str, ...], previous: str | None = None) -> str:
    """The area of one pledge; `previous` is the area of the pledge before it.

    A pledge often continues the one before ("Diese Angebote sollen ständig
    weiterentwickelt werden"), so the previous area is a weak vote of its own,
    and the answer where nothing else says anything.
    """
    scores = area_scores(text, sections)
    if previous is not None:
        scores[previous] = scores.get(previous, 0.0) + CONTEXT_WEIGHT
    if not scores or max(scores.values()) <= 0:
        return FALLBACK_AREA
    order = load(AREA_LEXICON).labels
    return max(scores, key=lambda a: (scores[a], -order.index(a)))
