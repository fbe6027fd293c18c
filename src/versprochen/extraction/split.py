"""split: bundles into atomic pledges (baseline)."""

from __future__ import annotations

from versprochen.extraction.stage import stage
from versprochen.extraction.types import DetectedDocument, SplitDocument, Statement


@stage("split", 1)
def split(doc: DetectedDocument) -> SplitDocument:
    out = []
    for cand in doc.candidates:
        first, last = cand.segments[0], cand.segments[-1]
        out.append(
            Statement(
                text=cand.text,
                start=first.start,
                end=last.end,
                page=first.page,
                section=first.section,
            )
        )
    return SplitDocument(outlined=doc.outlined, statements=tuple(out))
