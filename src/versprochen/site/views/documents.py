"""The document page: progress, the cleaned text with each pledge highlighted, linked and
its status shown, and its outline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.http import Http404, HttpRequest, HttpResponse

from versprochen.site.public import public_page, respond
from versprochen.site.views.progress import progress, recent_assessments
from versprochen.tracker.citation import document_has_pages
from versprochen.tracker.models import Document, Mention, Section
from versprochen.tracker.public import document_json, section_json


@dataclass
class Piece:
    text: str
    mention: Mention | None = None
    last: bool = False  # the mention's last piece: its pledge's status follows


@dataclass
class Paragraph:
    pieces: list[Piece] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    heading: bool = False
    # A table of contents of the source: (entry, page) rows shown as a list.
    toc: list[tuple[str, str]] = field(default_factory=list)


# An entry of a printed table of contents: a short title, dots or an ellipsis, a page.
_TOC_ENTRY = re.compile(
    r"^(?P<title>\S.{0,150}?)\s*(?:…|\.{2,}|(?:\. ){2,}\.?|\t)\s*(?P<page>\d{1,4})$"
)
MIN_TOC_ENTRIES = 3


def _toc_entry(paragraph: Paragraph) -> tuple[str, str] | None:
    if paragraph.heading or any(piece.mention for piece in paragraph.pieces):
        return None
    text = "".join(piece.text for piece in paragraph.pieces).strip()
    match = _TOC_ENTRY.match(text) if "\n" not in text else None
    return (match["title"].strip(), match["page"]) if match else None


def with_tables_of_contents(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Runs of at least MIN_TOC_ENTRIES table-of-contents lines become one list."""
    out: list[Paragraph] = []
    run: list[tuple[Paragraph, tuple[str, str]]] = []

    def flush() -> None:
        if len(run) >= MIN_TOC_ENTRIES:
            out.append(
                Paragraph(
                    sections=[s for p, _ in run for s in p.sections],
                    toc=[entry for _, entry in run],
                )
            )
        else:
            out.extend(p for p, _ in run)
        run.clear()

    for paragraph in paragraphs:
        entry = _toc_entry(paragraph)
        if entry is None:
            flush()
            out.append(paragraph)
        else:
            run.append((paragraph, entry))
    flush()
    return out


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
            paragraph.pieces.append(Piece(text[start:end], mention, mention.end <= block_end))
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
    paged = document_has_pages(document)
    mentions = list(
        Mention.objects.filter(document=document, pledge__current=True)
        .select_related("pledge")
        .order_by("start")
    )
    data = {
        **document_json(document),
        "text": document.text,
        "sections": [section_json(s, paged) for s in sections],
        "mentions": [
            {
                "pledge": m.pledge_id,
                "page": m.page if paged else None,
                "start": m.start,
                "end": m.end,
                "status": m.pledge.status,
            }
            for m in mentions
        ],
    }
    context = {
        "document": document,
        "authors": [a.name for a in document.authors.all()],
        "sections": sections,
        "paragraphs": with_tables_of_contents(paragraphs(document.text, mentions, sections)),
        "progress": progress((document.tally or {}).get("status") or {}),
        "recent": recent_assessments(document=document),
        "has_pages": paged,
    }
    return respond(request, "site/document_detail.html", context, data)
