"""merge: one pledge per commitment, its repetitions become mentions (baseline)."""

from __future__ import annotations

from versprochen.extraction.stage import stage
from versprochen.extraction.types import CodedDocument, Extraction, Mention, Pledge


@stage("merge", 1)
def merge(doc: CodedDocument) -> Extraction:
    from versprochen.extraction.pipeline import PIPELINE_VERSION

    clean = doc.outlined.clean
    groups: dict[str, list[int]] = {}
    for i, cs in enumerate(doc.statements):
        groups.setdefault(cs.statement.text.lower(), []).append(i)
    pledges = []
    for n, members in enumerate(groups.values(), start=1):
        first = doc.statements[members[0]]
        sec = first.statement.section
        pledges.append(
            Pledge(
                id=f"p{n:03d}",
                text=first.statement.text,
                section=doc.outlined.sections[sec].title if sec is not None else None,
                section_index=sec,
                coding=first.coding,
                mentions=tuple(
                    Mention(text=clean.text[s.start : s.end], page=s.page, start=s.start, end=s.end)
                    for s in (doc.statements[m].statement for m in members)
                ),
            )
        )
    return Extraction(
        document=clean.name,
        pipeline=PIPELINE_VERSION,
        format=clean.format,
        sha256=clean.sha256,
        text=clean.text,
        sections=doc.outlined.sections,
        pledges=tuple(pledges),
        page_count=clean.page_count,
    )
