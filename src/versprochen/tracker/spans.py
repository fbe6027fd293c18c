"""Places in a document's cleaned text: find a quoted passage, a page, a section; renumber.

Used when an editor adds a pledge the extraction missed (by selecting its text) or
splits one, and by the importer to carry such pledges over to a new version.
"""

from __future__ import annotations

import re

from django.db.models import Min

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
    """Number the document's pledges (not gone) in the order of their first mention."""
    pledges = list(
        Pledge.objects.filter(document=document, gone_in=None)
        .annotate(first=Min("mentions__start"))
        .order_by("first", "number", "id")
    )
    changed = []
    for number, pledge in enumerate(pledges, start=1):
        if pledge.number != number:
            pledge.number = number
            changed.append(pledge)
    Pledge.objects.bulk_update(changed, ["number"], batch_size=500)
