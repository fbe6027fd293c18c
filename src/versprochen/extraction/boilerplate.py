"""Blocks that are part of the page but not of the text: cover titles, dates,
signatures, decorative divider titles, stray numbers and boxes with examples
from elsewhere.
"""

from __future__ import annotations

import re

from versprochen.extraction.headings import is_caps, is_short_title
from versprochen.extraction.types import Block

_MONTHS = "januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember"
_DATE_LINE = re.compile(
    r"^(?:[A-ZÄÖÜ][\w.\- ]{1,40},\s*)?(?:(?:den|am)\s+)?"
    r"(?:\d{1,2}\.\s*(?:\d{1,2}\.|(?:" + _MONTHS + r"))\s*\d{2,4}"
    r"|(?:" + _MONTHS + r")\s+\d{4})\s*$",
    re.IGNORECASE,
)
_NAME_WITH_ROLE = re.compile(
    r"^(?:[A-ZÄÖÜ][\w'.\-]+\s+){1,3}[A-ZÄÖÜ][\w'\-]+\s*(?:\([^()]{2,60}\))?$"
)
_NUMBERS_ONLY = re.compile(r"^[\W\d_]*$")


def is_date_line(text: str) -> bool:
    """ "Herne, den 04.11.2025", "Berlin, 7. Februar 2018"."""
    return bool(_DATE_LINE.match(text))


def is_sentence(text: str) -> bool:
    return len(text.split()) >= 4 and text.rstrip().endswith((".", "!", "?", ":", "“", '"'))


def furniture_blocks(
    blocks: tuple[Block, ...], first_heading: int | None, headings: set[int]
) -> set[int]:
    """Indices of blocks that are page furniture rather than text."""
    found: set[int] = set()
    limit = first_heading if first_heading is not None else 0
    # A cover page: titles and names before the first heading.
    for index in range(limit):
        if not is_sentence(blocks[index].text):
            found.add(index)
    found.update(_cover_page(blocks))
    signing = False
    for index, block in enumerate(blocks):
        text = block.text
        if _NUMBERS_ONLY.match(text):
            found.add(index)
            continue
        if is_caps(text) and is_short_title(text, 4) and index + 1 < len(blocks):
            # A divider page: "UNSERE ZUKUNFT" over "ist digital und vernetzt."
            after = blocks[index + 1].text
            if after[:1].islower() and len(after.split()) <= 8:
                found.update((index, index + 1))
                continue
        if is_date_line(text):
            found.add(index)
            signing = True
            continue
        if block.kind == "heading" or (index in headings and is_caps(text)):
            signing = False
            continue
        if signing and not is_sentence(text) and len(text.split()) <= 12:
            # Names and offices under "Ort, den Datum".
            found.add(index)
            continue
        signing = False
        if index in headings:
            continue
        if "(" in text and text.endswith(")") and _NAME_WITH_ROLE.match(text):
            # "Hannah Müller (Vorsitzende)": a signature under a foreword.
            found.add(index)
    return found


def _cover_page(blocks: tuple[Block, ...]) -> set[int]:
    """All blocks of a first page that holds no running text: a title page."""
    if not blocks:
        return set()
    first_page = blocks[0].page
    on_first = [i for i, b in enumerate(blocks) if b.page == first_page]
    if len(on_first) == len(blocks):
        return set()
    if any(is_sentence(blocks[i].text) for i in on_first):
        return set()
    return set(on_first)


# "Best Practice: PARK-AND-RIDE IN GRONINGEN" over "Die Stadt Groningen setzt auf
# Park-and-Ride-Anlagen ..." (Oldenburg Volt 2026): a box that tells what another
# place did. It is neither a section of the program nor a pledge of its authors.
_EXAMPLE_BOX = re.compile(
    r"^\W*(?:best|good)[ -]?practices?\s*:|^\W*(?:praxisbeispiel|gutes\s+beispiel|vorbild)\s*:",
    re.IGNORECASE,
)


def example_boxes(blocks: tuple[Block, ...], headings: set[int]) -> set[int]:
    """The label of each box of examples and the paragraph it heads.

    A label cut from its name ("Best Practice:" over "SCHULERFOLG SICHERN WIE IN
    SACHSEN-ANHALT") takes the name's line as well. Another heading after the
    label begins the next section: the box ends before it.
    """
    found: set[int] = set()
    for index, block in enumerate(blocks):
        if not _EXAMPLE_BOX.match(block.text) or len(block.text.split()) > 12:
            continue
        found.add(index)
        following = index + 1
        if block.text.rstrip().endswith(":") and following < len(blocks):
            name = blocks[following].text
            # The name is set like a heading ("SCHULERFOLG SICHERN ..."); a numbered
            # chapter heading is none.
            if is_short_title(name) and not is_sentence(name) and not name[:1].isdigit():
                found.add(following)
                following += 1
        if following < len(blocks) and following not in headings:
            found.add(following)
    return found
