"""Places in a document's cleaned text: find a quoted passage, a page, a section; renumber.

Used when an editor adds a pledge the extraction missed (by selecting its text) or
splits one, and by the importer to carry such pledges over to a new version.
"""

from __future__ import annotations

import re

from django.db.models import F, Min
from rapidfuzz import fuzz

from versprochen.tracker.models import Document, Mention, Pledge, Section


def locate(text: str, quote: str, after: int = 0) -> tuple[int, int] | None:
    """The span of `quote` in `text` (at or after `after`), whitespace-insensitive, or None."""
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.compile(pattern).search(text, after)
    if match is None and after:
        match = re.compile(pattern).search(text)
    return (match.start(), match.end()) if match else None


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


# How far (characters) a fuzzy match's ends may move to reach a word boundary.
_SLACK = 24
_WORD = re.compile(r"\S+")


def locate_similar(text: str, quote: str, similarity: float) -> tuple[int, int] | None:
    """The span of `quote` in `text`, or of the passage at least `similarity` % like it
    (rapidfuzz ratio of the case-folded, whitespace-normalised texts, the measure the
    importer matches extracted pledges with), cut at word boundaries; else None."""
    span = locate(text, quote)
    if span is not None or not quote.strip():
        return span
    aligned = fuzz.partial_ratio_alignment(quote, text, score_cutoff=similarity - 10)
    if aligned is None:
        return None
    low = max(0, aligned.dest_start - _SLACK)
    high = min(len(text), aligned.dest_end + _SLACK)
    words = [m.span() for m in _WORD.finditer(text, low, high)]
    if words and low > 0 and not text[low - 1].isspace():
        words = words[1:]  # the window began inside a word
    if words and high < len(text) and not text[high].isspace():
        words = words[:-1]  # and ends inside one
    starts = [a for a, _ in words if abs(a - aligned.dest_start) <= _SLACK]
    ends = [b for _, b in words if abs(b - aligned.dest_end) <= _SLACK]
    wanted = _normal(quote)
    best: tuple[float, int, int] | None = None
    for start in starts:
        for end in ends:
            if end <= start:
                continue
            score = fuzz.ratio(wanted, _normal(text[start:end]))
            if best is None or score > best[0]:
                best = (score, start, end)
    if best is None or best[0] < similarity:
        return None
    return best[1], best[2]


def page_at(document: Document, start: int) -> int:
    """The page of the character `start`: that of the nearest mention or heading before it."""
    mention = (
        Mention.objects.filter(document=document, pledge__gone_in=None, start__lte=start)
        .order_by("-start")
        .first()
    )
    section = section_at(document, start)
    candidates = [(m.start, m.page) for m in (mention,) if m is not None]
    candidates += [(s.start, s.page) for s in (section,) if s is not None]
    return max(candidates)[1] if candidates else 1


def section_at(document: Document, start: int) -> Section | None:
    return Section.objects.filter(document=document, start__lte=start).order_by("-start").first()


def renumber(document: Document) -> None:
    """Number the document's pledges (not gone) in the order of their first mention:
    first the current ones (1, 2, …), then those editors took out of the lists (merged
    into another, not a pledge), so that these never take a number from a listed one.
    Pledges without a mention (merged away, or an editors' pledge not found in a new
    version) come last in their group: NULLs ordered explicitly, the same on SQLite
    (NULL first by default) and PostgreSQL (NULL last)."""
    pledges = list(
        Pledge.objects.filter(document=document, gone_in=None)
        .annotate(first=Min("mentions__start"))
        .order_by(
            F("current").desc(),
            F("first").asc(nulls_last=True),
            "number",
            "id",
        )
    )
    changed = []
    for number, pledge in enumerate(pledges, start=1):
        if pledge.number != number:
            pledge.number = number
            changed.append(pledge)
    Pledge.objects.bulk_update(changed, ["number"], batch_size=500)
