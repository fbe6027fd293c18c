"""outline: find the document's headings (placeholder, replaced by the real stage)."""

from __future__ import annotations

from versprochen.extraction.stage import stage
from versprochen.extraction.types import BlockRole, CleanDocument, OutlinedDocument, Section


@stage("outline", 1)
def outline(doc: CleanDocument) -> OutlinedDocument:
    sections: list[Section] = []
    block_sections: list[int | None] = []
    roles: list[BlockRole] = []
    current: int | None = None
    for block in doc.blocks:
        if block.kind == "heading":
            sections.append(
                Section(title=block.text, level=block.level, page=block.page, start=block.start)
            )
            current = len(sections) - 1
            roles.append("heading")
        else:
            roles.append("body")
        block_sections.append(current)
    return OutlinedDocument(
        clean=doc,
        sections=tuple(sections),
        block_sections=tuple(block_sections),
        block_roles=tuple(roles),
    )
