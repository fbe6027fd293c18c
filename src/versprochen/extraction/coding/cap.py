"""CAP major topic of a pledge: its area's topic unless its words name another.

The area already carries most of the topic (a school pledge is Education);
the pledge's words and its innermost heading move it only where they clearly
name another topic ("Suchtprävention" under a youth heading is Health).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from versprochen.extraction.coding.lexicon import load

CAP_LEXICON = "coding-cap.txt"

# The CAP topic that an area stands for unless the words say otherwise.
DEFAULT_CAP: dict[str, int] = {
    "wirtschaft_arbeit": 15,
    "bildung": 6,
    "kinder_jugend_familie": 13,
    "mobilitaet": 10,
    "sicherheit_ordnung": 12,
    "digitalisierung_verwaltung": 20,
    "soziales_gesundheit": 13,
    "sport": 23,
    "umwelt_klima_energie": 7,
    "kultur": 23,
    "wohnen_stadtentwicklung": 14,
    "finanzen": 1,
    "demokratie_beteiligung": 20,
    "koalition_personal": 20,
}
# A topic needs this much evidence, and this much more than the area's own
# topic, to override it: a single passing word should not move a pledge.
CAP_MIN_EVIDENCE = 4.0
CAP_MARGIN = 2.5
CAP_HEADING_WEIGHT = 1.0


@lru_cache(maxsize=4096)
def _heading_topics(heading: str) -> dict[str, float]:
    """CAP topic matches of one heading; every statement under it asks again."""
    return load(CAP_LEXICON).scores(heading)


def code_cap(text: str, sections: tuple[str, ...], area: str) -> int:
    """The CAP topic of the area, unless the words clearly name another one."""
    lexicon = load(CAP_LEXICON)
    evidence: dict[str, float] = defaultdict(float, lexicon.scores(text))
    default = DEFAULT_CAP[area]
    if sections:
        # The heading already chose the area and with it the default topic;
        # it only counts here where it names another topic ("Keine
        # Privatisierung des Klinikums" under social policy is Health).
        for label, value in _heading_topics(sections[-1]).items():
            if int(label) != default:
                evidence[label] += CAP_HEADING_WEIGHT * value
    best = max(evidence, key=lambda c: evidence[c], default=None)
    if best is None or int(best) == default:
        return default
    strong = evidence[best] >= CAP_MIN_EVIDENCE
    if strong and evidence[best] >= evidence.get(str(default), 0.0) + CAP_MARGIN:
        return int(best)
    return default
