"""clean: repair what conversion left in the text (placeholder, replaced by the real stage)."""

from __future__ import annotations

from versprochen.extraction.stage import stage
from versprochen.extraction.types import Block, BlockKind, CleanDocument, RawDocument


@stage("clean", 1)
def clean(raw: RawDocument) -> CleanDocument:
    blocks: list[Block] = []
    parts: list[str] = []
    offset = 0
    paragraph: list[str] = []
    page = 1

    def flush() -> None:
        nonlocal offset
        if not paragraph:
            return
        text = " ".join(paragraph).strip()
        paragraph.clear()
        if not text:
            return
        kind: BlockKind = "paragraph"
        level = 0
        if text.startswith("#"):
            level = len(text) - len(text.lstrip("#"))
            text = text.lstrip("#").strip()
            kind = "heading"
        if parts:
            offset += 2
        blocks.append(
            Block(
                text=text, start=offset, end=offset + len(text), page=page, kind=kind, level=level
            )
        )
        parts.append(text)
        offset += len(text)

    for line in raw.lines:
        if not line.text.strip():
            flush()
            continue
        page = line.page
        paragraph.append(line.text.strip())
        if line.text.lstrip().startswith("#"):
            flush()
    flush()
    return CleanDocument(
        name=raw.name,
        format=raw.format,
        sha256=raw.sha256,
        text="\n\n".join(parts),
        blocks=tuple(blocks),
        page_count=raw.page_count,
    )
