"""segment: blocks to sentences and list items, the units the detector judges.

syntok knows German abbreviations ("z.B.", "u.a.", "ggf.", "bspw.") but cuts
after ordinal numbers ("des 21. Jahrhunderts", "am 13. September"); a cut
after a one- to three-digit number is undone, because a German sentence
almost never ends in a bare small number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from syntok import segmenter

from versprochen.extraction.stage import stage
from versprochen.extraction.types import Block, OutlinedDocument, Segment, SegmentedDocument

_ORDINAL_END = re.compile(r"(?:^|[\s(])\d{1,3}\.$")
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:z|u|d|v|o|s|i|e|bzw|bspw|ggf|usw|vgl|inkl|ca|Nr|Abs|Art|Aug|Sept?|Okt|Nov|Dez|"
    r"Jan|Feb|Mär|Apr|Jun|Jul|St|Dr|Prof|Hr|Fr|evtl|ca|max|min|mind|sog|insb|bzgl|Std|Mio|"
    r"Mrd|Tsd|etc|stellv)\.)$"
)


_POSSIBLE_BOUNDARY = re.compile(r"[.!?;:][\"'“”»«’)\]]*\s+\S")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of one block."""
    if not _POSSIBLE_BOUNDARY.search(text):
        # No punctuation followed by more text: the block is one sentence, and
        # syntok's tokenizer (the costliest step here) has nothing to decide.
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [(start, end)] if end > start else []
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(text):
        for sentence in paragraph:
            tokens = list(sentence)
            if not tokens:
                continue
            start = tokens[0].offset
            end = tokens[-1].offset + len(tokens[-1].value)
            if spans and _continues(text[spans[-1][0] : spans[-1][1]], text[start:end]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    return spans


def _continues(previous: str, following: str) -> bool:
    if _ORDINAL_END.search(previous) or _ABBREVIATION_END.search(previous):
        return True
    return bool(following[:1].islower())


def _lead(block: Block) -> str:
    """The sentence that introduces a list: a paragraph ending in a colon."""
    return block.text if block.text.rstrip().endswith(":") else ""


def _segments(doc: OutlinedDocument) -> Iterator[Segment]:
    lead = ""
    for index, block in enumerate(doc.clean.blocks):
        role = doc.block_roles[index]
        if role != "body":
            if role == "heading":
                lead = ""
            continue
        is_item = block.kind == "list_item"
        if not is_item:
            lead = _lead(block)
        for start, end in sentence_spans(block.text):
            yield Segment(
                text=block.text[start:end],
                start=block.start + start,
                end=block.start + end,
                page=block.page,
                block=index,
                section=doc.block_sections[index],
                kind="list_item" if is_item else "sentence",
                lead=lead if is_item else "",
            )


@stage("segment", 2)
def segment(doc: OutlinedDocument) -> SegmentedDocument:
    return SegmentedDocument(outlined=doc, segments=tuple(_segments(doc)))
