"""Step 3 of an import: match the new version's pledges with the document's pledges.

Extracted pledges are paired by their text (the same, or at least
`CHANGED_PLEDGE_SIMILARITY` similar); pledges editors made are placed by their
mentions' texts; the rest are gone, unless a text merged into them is still there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from versprochen.extraction.types import Extraction
from versprochen.extraction.types import Pledge as ExtractedPledge
from versprochen.tracker.importing.holders import holders
from versprochen.tracker.models import Document, Pledge
from versprochen.tracker.spans import locate_similar
from versprochen.tracker.vocabulary import PledgeOrigin

# Two texts at least this similar (rapidfuzz ratio, 0-100) are the same pledge, changed.
CHANGED_PLEDGE_SIMILARITY = 85.0


@dataclass(slots=True)
class Matching:
    """Which pledge each extracted pledge (by index) is, and what became of the others."""

    same: dict[int, Pledge]
    changed: dict[int, Pledge]
    gone: list[Pledge]
    # Pledges editors made, with the spans of the new text where their mentions are.
    carried: dict[Pledge, list[tuple[int, int]]]
    # Editors' pledges whose text this version lacks: kept and reported, never lost.
    unplaced: list[Pledge]
    # Pledges whose own text is gone but which hold a text merged into them that is not.
    kept_by_merge: list[Pledge]


def match(document: Document, extraction: Extraction) -> Matching:
    """Match `extraction` (the new version of `document`, its text already stored)."""
    # Pledges of the extraction, also those editors took out of the lists (they must
    # not come back as new); pledges editors made are carried over by their text.
    old = list(
        Pledge.objects.filter(
            document=document, gone_in=None, origin=PledgeOrigin.EXTRACTION
        ).order_by("number")
    )
    made = {
        pledge: list(pledge.mentions.order_by("start").values_list("text", flat=True))
        for pledge in Pledge.objects.filter(document=document, gone_in=None).exclude(
            origin=PledgeOrigin.EXTRACTION
        )
    }
    same, changed, gone = pair(old, extraction.pledges)
    carried: dict[Pledge, list[tuple[int, int]]] = {}
    unplaced: list[Pledge] = []
    for editors, texts in made.items():
        found = (locate_similar(document.text, t, CHANGED_PLEDGE_SIMILARITY) for t in texts)
        spans = sorted({span for span in found if span is not None})
        if spans:
            carried[editors] = spans
        elif editors.excluded:
            gone.append(editors)
        else:
            unplaced.append(editors)
    # A pledge others were merged into stays while any text merged into it is still
    # there (here or in another document): it holds their mentions from now on.
    held = holders([*same.values(), *changed.values(), *carried], document)
    kept_by_merge = [p for p in gone if not p.excluded and p.pk in held]
    gone = [p for p in gone if p not in kept_by_merge]
    return Matching(same, changed, gone, carried, unplaced, kept_by_merge)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


def pair(
    old: Sequence[Pledge], new: Sequence[ExtractedPledge]
) -> tuple[dict[int, Pledge], dict[int, Pledge], list[Pledge]]:
    """Pair new pledges (by index) with old ones: same text, similar text, and the gone."""
    by_text: dict[str, list[Pledge]] = {}
    for pledge in old:
        by_text.setdefault(_normal(pledge.extracted_text or pledge.text), []).append(pledge)
    same: dict[int, Pledge] = {}
    for i, extracted in enumerate(new):
        candidates = by_text.get(_normal(extracted.text))
        if candidates:
            same[i] = candidates.pop(0)
    left = [p for group in by_text.values() for p in group]
    scored = []
    for i, extracted in enumerate(new):
        if i in same:
            continue
        for pledge in left:
            score = fuzz.ratio(
                _normal(extracted.text), _normal(pledge.extracted_text or pledge.text)
            )
            if score >= CHANGED_PLEDGE_SIMILARITY:
                scored.append((score, i, pledge.pk, pledge))
    scored.sort(key=lambda row: (-row[0], row[1], row[2]))
    changed: dict[int, Pledge] = {}
    used: set[int] = set()
    for _score, i, pk, pledge in scored:
        if i in changed or pk in used:
            continue
        changed[i] = pledge
        used.add(pk)
    gone = [p for p in left if p.pk not in used]
    return same, changed, gone
