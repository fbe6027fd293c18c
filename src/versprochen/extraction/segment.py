"""segment: blocks to sentences and list items (baseline)."""

from __future__ import annotations

from syntok import segmenter

from versprochen.extraction.stage import stage
from versprochen.extraction.types import OutlinedDocument, Segment, SegmentedDocument


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            spans.append((start, end))
    return spans


@stage("segment", 1)
def segment(doc: OutlinedDocument) -> SegmentedDocument:
    out: list[Segment] = []
    for index, block in enumerate(doc.clean.blocks):
        if doc.block_roles[index] != "body":
            continue
        for s, e in sentence_spans(block.text):
            out.append(
                Segment(
                    text=block.text[s:e],
                    start=block.start + s,
                    end=block.start + e,
                    page=block.page,
                    block=index,
                    section=doc.block_sections[index],
                )
            )
    return SegmentedDocument(outlined=doc, segments=tuple(out))
