"""Build stage inputs from literal text, so each stage can be tested on its own."""

from __future__ import annotations

from versprochen.extraction.types import (
    Block,
    BlockKind,
    CleanDocument,
    OutlinedDocument,
    Section,
    Segment,
    SegmentedDocument,
)


def outlined(*parts: tuple[str, str], name: str = "test.md") -> OutlinedDocument:
    """An outlined document from (kind, text) pairs; kind "h1"/"h2" is a heading."""
    blocks: list[Block] = []
    sections: list[Section] = []
    block_sections: list[int | None] = []
    roles = []
    offset = 0
    current: int | None = None
    texts = []
    for kind, text in parts:
        if blocks:
            offset += 2
        if kind.startswith("h"):
            level = int(kind[1:])
            parent = next(
                (i for i in range(len(sections) - 1, -1, -1) if sections[i].level < level), None
            )
            sections.append(Section(title=text, level=level, page=1, start=offset, parent=parent))
            current = len(sections) - 1
            block_kind: BlockKind = "heading"
            roles.append("heading")
        else:
            block_kind = "list_item" if kind == "li" else "paragraph"
            roles.append("body")
        blocks.append(
            Block(text=text, start=offset, end=offset + len(text), page=1, kind=block_kind)
        )
        block_sections.append(current)
        texts.append(text)
        offset += len(text)
    clean = CleanDocument(
        name=name, format="markdown", sha256="0" * 64, text="\n\n".join(texts), blocks=tuple(blocks)
    )
    return OutlinedDocument(
        clean=clean,
        sections=tuple(sections),
        block_sections=tuple(block_sections),
        block_roles=tuple(roles),
    )


def segmented(*parts: tuple[str, str]) -> SegmentedDocument:
    from versprochen.extraction.segment import segment

    return segment(outlined(*parts))


def segments_of(doc: SegmentedDocument) -> list[Segment]:
    return list(doc.segments)
