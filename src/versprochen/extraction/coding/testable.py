"""Whether one can later decide objectively if a pledge was kept.

A number, a date, a named place or institution, or a concrete measure (set
up, build, abolish, write a plan) make a pledge checkable; verbs of direction
without an end point (stärken, verbessern, fördern, sich einsetzen für) make
it vague. The two kinds of cue are weighed against each other.
"""

from __future__ import annotations

import re

from versprochen.extraction.coding.lexicon import load
from versprochen.extraction.types import Kind

TESTABLE_LEXICON = "coding-testable.txt"

# A number or a named place alone nearly always makes a pledge checkable.
QUANTITY_WEIGHT = 6.0
PLACE_WEIGHT = 4.0
# Vague wording is common even in concrete pledges ("besser", "gezielt"), so it
# counts for less than a concrete measure.
VAGUE_SCALE = 0.7
# Refusing or examining something names what is refused or examined, and
# whether it happened can be checked.
KIND_WEIGHT: dict[Kind, float] = {"action": 0.0, "preserve": 0.0, "reject": 3.0, "examine": 6.0}
# A list item headed by a noun of direction ("Stärkung der Elternarbeit",
# "Weiterentwicklung des Monitorings") names a direction, not a measure.
LEADING_DIRECTION_WEIGHT = 3.0
_LEADING_DIRECTION = re.compile(
    r"^\W*(?:stärkung|verbesserung|förderung|unterstützung|weiterentwicklung|aufwertung"
    r"|optimierung)\b",
    re.IGNORECASE,
)
# Most pledges in programs and agreements are checkable; a pledge is vague only
# when its vague cues clearly outweigh the concrete ones.
THRESHOLD = -2.0


def testable_score(
    text: str, kind: Kind, quantities: tuple[str, ...], places: tuple[str, ...]
) -> float:
    scores = load(TESTABLE_LEXICON).scores(text)
    score = scores.get("concrete", 0.0) - VAGUE_SCALE * scores.get("vague", 0.0)
    score += QUANTITY_WEIGHT * min(len(quantities), 1)
    score += PLACE_WEIGHT * min(len(places), 1)
    score += KIND_WEIGHT[kind]
    if leading_direction(text):
        score -= LEADING_DIRECTION_WEIGHT
    return score


def leading_direction(text: str) -> bool:
    return _LEADING_DIRECTION.search(text) is not None


def code_testable(
    text: str, kind: Kind, quantities: tuple[str, ...], places: tuple[str, ...]
) -> bool:
    return testable_score(text, kind, quantities, places) >= THRESHOLD
