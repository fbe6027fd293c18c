"""clean: repair what conversion left in the text.

Raw lines come with page furniture (page numbers, running headers, margin
line numbers), hyphenation, layout whitespace, markup and compatibility
characters. `clean` removes all of it and joins the lines into blocks whose
text is exactly the slice of `CleanDocument.text` they point at.
"""

from __future__ import annotations

import re

from versprochen.extraction.blocks import build_blocks
from versprochen.extraction.chars import drop_inner_soft_hyphens, normalize_chars, strip_markup
from versprochen.extraction.furniture import (
    Line,
    infer_pages,
    join_across_pages,
    remove_line_numbers,
    remove_page_numbers,
    remove_running_lines,
)
from versprochen.extraction.spacing import repair_spacing
from versprochen.extraction.stage import stage
from versprochen.extraction.types import CleanDocument, RawDocument

_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)\s*$")


def _split_form_feeds(raw: RawDocument) -> list[Line]:
    """Raw lines as mutable lines; a form feed starts a new page."""
    lines: list[Line] = []
    feed_pages = raw.page_count <= 1 and all(line.page == 1 for line in raw.lines)
    shift = 0
    for raw_line in raw.lines:
        pieces = raw_line.text.split("\f") if "\f" in raw_line.text else [raw_line.text]
        for number, piece in enumerate(pieces):
            if number and feed_pages:
                shift += 1
                lines.append(Line(text="", page=raw_line.page + shift))
            lines.append(
                Line(
                    text=piece,
                    page=raw_line.page + shift,
                    size=raw_line.size,
                    bold=raw_line.bold,
                )
            )
    return lines


def _drop_front_matter(lines: list[Line]) -> list[Line]:
    """YAML front matter holds metadata, not text of the document."""
    first = next((i for i, line in enumerate(lines) if line.text.strip()), None)
    if first is None or lines[first].text.strip() != "---":
        return lines
    for end in range(first + 1, min(len(lines), first + 200)):
        if _FRONT_MATTER_END.match(lines[end].text):
            if end == first + 1 or ":" not in lines[first + 1].text:
                return lines
            return lines[end + 1 :]
    return lines


def _indent(text: str) -> int:
    width = 0
    for c in text:
        if c == " ":
            width += 1
        elif c == "\t":
            width += 4
        else:
            break
    return width


@stage("clean", 5)
def clean(raw: RawDocument) -> CleanDocument:
    lines = _split_form_feeds(raw)
    if raw.format == "markdown":
        lines = _drop_front_matter(lines)
    for line in lines:
        text = drop_inner_soft_hyphens(normalize_chars(line.text)).rstrip()
        if raw.format != "pdf":
            unmarked = strip_markup(text)
            text = unmarked.text.rstrip()
            line.bold = line.bold or unmarked.bold
        line.indent = _indent(text)
        line.text = text
    remove_line_numbers(lines)
    pages = {line.page for line in lines}
    if len(pages) > 1:
        remove_running_lines(lines)
        remove_page_numbers(lines)
    else:
        infer_pages(lines)
    # After the furniture: a margin's line number is no part of a word ("195 -Hubs").
    repair_spacing(lines)
    text, blocks = build_blocks(join_across_pages(lines), raw.format)
    page_count = max(raw.page_count, max((b.page for b in blocks), default=1))
    return CleanDocument(
        name=raw.name,
        format=raw.format,
        sha256=raw.sha256,
        text=text,
        blocks=blocks,
        page_count=page_count,
    )
