"""How a mention is cited: by page where the source has pages, else by section and paragraph.

A PDF has pages, and so has a text whose pages are marked by form feeds (as
pdftotext writes them); a Markdown or plain-text source without them has none,
and the page number the extraction gives its mentions (always 1) is no place a
reader could find. Such a mention is cited by its section and by the paragraph
within it (counted as the document page shows paragraphs: blocks between blank
lines), and its page is null in the open data.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from versprochen.tracker.models import Document, Mention


def has_pages(document_format: str, page_count: int) -> bool:
    """Whether a source of this format and page count has pages one can cite."""
    return document_format == "pdf" or page_count > 1


def document_has_pages(document: Document) -> bool:
    return has_pages(document.format, document.page_count)


def cited_page(mention: Mention, document: Document | None = None) -> int | None:
    """The mention's page, or None when its source has no pages (pass the document when
    it is at hand, to spare reading it again)."""
    return mention.page if document_has_pages(document or mention.document) else None


def paragraph_number(text: str, start: int, section_start: int | None = None) -> int:
    """The number (from 1) of the paragraph holding offset `start`: counted from the
    section starting at `section_start` (its heading not counted), else from the start
    of the text. Paragraphs are blocks between blank lines, as the document page shows
    them."""
    start = max(0, min(start, len(text)))
    origin = 0 if section_start is None else max(0, min(section_start, start))
    # Every complete block before the mention's own (the last part) counts.
    before = sum(1 for block in text[origin:start].split("\n\n")[:-1] if block.strip())
    heading = 1 if section_start is not None and before else 0
    return before - heading + 1


def citation(
    mention: Mention,
    document: Document,
    section_title: str | None = None,
    section_start: int | None = None,
) -> str:
    """The place of `mention` as a reader cites it: "S. 4", or, for a source without
    pages, "Abschnitt „Bildung“, Absatz 3" (without the section when unknown)."""
    if document_has_pages(document):
        return _("S. %(page)d") % {"page": mention.page}
    paragraph = paragraph_number(document.text, mention.start, section_start)
    if section_title:
        return _("Abschnitt „%(section)s“, Absatz %(n)d") % {
            "section": section_title,
            "n": paragraph,
        }
    return _("Absatz %(n)d") % {"n": paragraph}
