"""The document page: the cleaned text with each pledge highlighted and linked, and its outline."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.http import Http404, HttpRequest, HttpResponse

from versprochen.site.public import public_page, respond
from versprochen.tracker.models import Document, Mention, Section
from versprochen.tracker.public import document_json, section_json


@dataclass
class Piece:
    text: str
    mention: Mention | None = None


@dataclass
class Paragraph:
    pieces: list[Piece] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    heading: bool = False


def paragraphs(text: str, mentions: list[Mention], sections: list[Section]) -> list[Paragraph]:
    """Split `text` at blank lines and mark the mention spans (overlaps: the first wins)."""
    spans: list[Mention] = []
    last_end = -1
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start >= last_end and 0 <= mention.start < mention.end <= len(text):
            spans.append(mention)
            last_end = mention.end
    starts = sorted(sections, key=lambda s: s.start)
    out: list[Paragraph] = []
    position = 0
    span_index = 0
    section_index = 0
    for block in text.split("\n\n"):
        block_start, block_end = position, position + len(block)
        position = block_end + 2
        paragraph = Paragraph()
        while section_index < len(starts) and starts[section_index].start < position:
            paragraph.sections.append(starts[section_index])
            section_index += 1
        paragraph.heading = any(
            s.title.strip()
            and block.strip().lstrip("#").strip().casefold() == s.title.strip().casefold()
            for s in paragraph.sections
        )
        cursor = block_start
        while span_index < len(spans) and spans[span_index].start < block_end:
            mention = spans[span_index]
            start, end = max(mention.start, block_start), min(mention.end, block_end)
            if start > cursor:
                paragraph.pieces.append(Piece(text[cursor:start]))
            paragraph.pieces.append(Piece(text[start:end], mention))
            cursor = end
            if mention.end <= block_end:
                span_index += 1
            else:
                break
        if cursor < block_end:
            paragraph.pieces.append(Piece(text[cursor:block_end]))
        if paragraph.pieces or paragraph.sections:
            out.append(paragraph)
    return out


@public_page
def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    document = (
        Document.objects.select_related("body", "source")
        .prefetch_related("authors")
        .filter(slug=slug)
        .exclude(source=None)
        .first()
    )
    if document is None:
        raise Http404
    sections = list(document.sections.select_related("parent").order_by("index"))
    mentions = list(
        Mention.objects.filter(document=document, pledge__current=True)
        .select_related("pledge")
        .order_by("start")
    )
    data = {
        **document_json(document),
        "text": document.text,
        "sections": [section_json(s) for s in sections],
        "mentions": [
            {"pledge": m.pledge_id, "page": m.page, "start": m.start, "end": m.end}
            for m in mentions
        ],
    }
    context = {
        "document": document,
        "authors": [a.name for a in document.authors.all()],
        "sections": sections,
        "paragraphs": paragraphs(document.text, mentions, sections),
    }
    return respond(request, "site/document_detail.html", context, data)
