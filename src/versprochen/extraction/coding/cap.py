"""CAP major topic of a pledge: its area's topic unless its words name another.

The area already carries most of the topic (a school pledge is Education);
the pledge's words and its innermost heading move it only where they clearly
name another topic ("Suchtprävention" under a youth heading is Health).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from versprochen.extraction.coding.area import area_scores
from versprochen.extraction.coding.lexicon import load

CAP_LEXICON = "coding-cap.txt"

AREA_TOPICS: dict[str, tuple[int, ...]] = {
    "wirtschaft_arbeit": (15, 5),
    "bildung": (6,),
    "kinder_jugend_familie": (13,),
    "mobilitaet": (10,),
    "sicherheit_ordnung": (12,),
    "digitalisierung_verwaltung": (20, 17),
    "soziales_gesundheit": (13, 3, 2),
    "sport": (23,),
    "umwelt_klima_energie": (7, 8),
    "kultur": (23,),
    "wohnen_stadtentwicklung": (14,),
    "finanzen": (1, 20),
    "demokratie_beteiligung": (20, 2),
    "koalition_personal": (20,),
}
# The CAP topic that an area stands for unless the words say otherwise: the
# first it covers.
DEFAULT_CAP: dict[str, int] = {area: topics[0] for area, topics in AREA_TOPICS.items()}
# Areas whose topic the words never move: who holds which post, and how the
# coalition works together, is Government Operations whatever department
# it names ("Vorstand der Entsorgungsbetriebe" is not Environment). Traffic
# is Transportation whatever else it touches (guideline, section 5: public
# transport, cycling, roads, parking, rail): noise barriers along a road,
# cleaner buses and a ticket for tourists are transport policy (CAP 10).
FIXED_AREAS = frozenset({"koalition_personal", "mobilitaet"})
# A topic named as the first part of a compound whose head names another
# topic weighs half: the head says what the thing is ("Schulsozialarbeit" is
# social work, done at schools).
MODIFIER_WEIGHT = 0.5


@dataclass(frozen=True, slots=True)
class CapParams:
    """How much evidence moves a pledge off its area's topic.

    A topic needs `min_evidence`, and `margin` more than the area's own
    topic, to override it: a single passing word should not move a pledge.
    The innermost heading's words count `heading_weight` times.
    """

    min_evidence: float = 4.0
    margin: float = 2.5
    heading_weight: float = 1.0


# The shipped values; the benchmark refits them per fold (benchmarks/extraction_quality.py).
PARAMS = CapParams()


@dataclass(frozen=True, slots=True)
class Evidence:
    """The topic scores of a pledge's words and of its innermost heading.

    `heading_area` is the area the heading's words alone name, if any.
    """

    text: dict[str, float]
    heading: dict[str, float] = field(default_factory=dict)
    heading_area: str | None = None


@lru_cache(maxsize=4096)
def _heading(heading: str) -> tuple[dict[str, float], str | None]:
    """CAP topics and area of one heading; every statement under it asks again."""
    areas = area_scores(heading, ())
    best = max(areas, key=lambda a: areas[a], default=None)
    area = best if best is not None and areas[best] > 0 else None
    return load(CAP_LEXICON).scores(heading, MODIFIER_WEIGHT), area


def cap_evidence(text: str, sections: tuple[str, ...]) -> Evidence:
    """The lexicon's topic scores for the text and for its innermost heading."""
    words = load(CAP_LEXICON).scores(text, MODIFIER_WEIGHT)
    if not sections:
        return Evidence(words)
    heading, heading_area = _heading(sections[-1])
    return Evidence(words, heading, heading_area)


def _heading_votes(evidence: Evidence, area: str, default: int) -> dict[str, float]:
    """The heading's topics that may move the pledge off its area's topic.

    The heading already chose the area and with it the default topic, so it
    counts only where it names another topic ("Keine Privatisierung des
    Klinikums" under social policy is Health), and only by what it names
    beyond the area's topic: "Umwelt und Energie" names both and moves none.
    Where the area coder chose another area than the heading's, the words
    outweighed the heading, and the topic of the heading's area does not come
    back here ("Grundsteuer" under a housing heading stays public finance);
    the heading's other topics still count ("Ein sozialer Arbeitsmarkt" over
    a social-policy pledge names Labour).
    """
    votes = dict(evidence.heading)
    if evidence.heading_area not in (None, area):
        votes.pop(str(DEFAULT_CAP.get(evidence.heading_area or "", 0)), None)
    own = votes.pop(str(default), 0.0)
    return {label: value - own for label, value in votes.items() if value > own}


def _own_topic(
    words: dict[str, float], totals: dict[str, float], area: str, params: CapParams
) -> int | None:
    """Another topic of the area's remit that the words name at least as strongly as any.

    Inside its remit an area's topics are alternatives, not a move away from
    it: the words must name the topic by themselves (`min_evidence`) and at
    least as strongly as the default, but need no margin over it.
    """
    default = DEFAULT_CAP[area]
    top = max(totals.values(), default=0.0)
    floor = max(words.get(str(default), 0.0), params.min_evidence)
    for topic in AREA_TOPICS[area][1:]:
        if words.get(str(topic), 0.0) >= floor and totals.get(str(topic), 0.0) == top:
            return topic
    return None


def decide_cap(evidence: Evidence, area: str, params: CapParams = PARAMS) -> int:
    """The area's topic, unless the evidence clearly names another one.

    Another topic of the area's own remit (AREA_TOPICS) needs no margin over
    the default: named at least as strongly as any topic, it wins ("Windkraft
    im Wald" is Energy in the environment area). A topic outside the remit
    needs `min_evidence` and `margin` more than the default.
    """
    default = DEFAULT_CAP[area]
    if area in FIXED_AREAS:
        return default
    totals = dict(evidence.text)
    for label, value in _heading_votes(evidence, area, default).items():
        totals[label] = totals.get(label, 0.0) + params.heading_weight * value
    top = max(totals.values(), default=0.0)
    if top < params.min_evidence:
        return default
    if (topic := _own_topic(evidence.text, totals, area, params)) is not None:
        return topic
    best = max(totals, key=lambda c: totals[c])
    if totals[best] >= totals.get(str(default), 0.0) + params.margin:
        return int(best)
    return default


def code_cap(text: str, sections: tuple[str, ...], area: str, params: CapParams = PARAMS) -> int:
    """The CAP topic of the area, unless the words clearly name another one."""
    return decide_cap(cap_evidence(text, sections), area, params)
