"""Step 2 of an import: rewrite the document's outline from the new version's sections."""

from __future__ import annotations

from dataclasses import dataclass

from versprochen.extraction.types import Extraction
from versprochen.tracker.models import Document, Pledge, Section


@dataclass(frozen=True, slots=True)
class Outline:
    sections: list[Section]
    # The section title each listed pledge stood under before: a gone pledge keeps it.
    section_before: dict[int, str]


def rewrite_outline(document: Document, extraction: Extraction) -> Outline:
    """Replace the document's sections by the extraction's, remembering the old places."""
    section_before = dict(
        Pledge.objects.filter(document=document, gone_in=None, section__isnull=False).values_list(
            "pk", "section__title"
        )
    )
    Section.objects.filter(document=document).delete()
    sections: list[Section] = []
    for index, s in enumerate(extraction.sections):
        sections.append(
            Section.objects.create(
                document=document,
                index=index,
                title=s.title[:500],
                level=s.level,
                page=s.page,
                start=s.start,
                parent=sections[s.parent] if s.parent is not None else None,
                restored=s.restored,
            )
        )
    return Outline(sections, section_before)
