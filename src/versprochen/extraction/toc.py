"""The table of contents: finding it, reading its entries, and matching them
to the headings of the text.

Entries are "Title … 12" blocks (clean turns dot leaders and tab-separated
page numbers into that form) or the items of a list under a heading such as
"Inhalt". The entry's level comes from its list nesting or its section number.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from versprochen.extraction.blocks import TOC_SEPARATOR
from versprochen.extraction.headings import is_caps
from versprochen.extraction.types import Block, CleanDocument

_ENTRY = re.compile(r"^(?P<title>.+?)" + re.escape(TOC_SEPARATOR) + r"(?P<page>\d{1,3})$")
_TOC_TITLE = re.compile(
    r"^\W*(?:inhalt|inhaltsverzeichnis|inhaltsübersicht|gliederung|übersicht|"
    r"contents|table of contents)\W*$",
    re.IGNORECASE,
)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}(?:\s?\.\s?\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-H]\.)\s+")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True, slots=True)
class Entry:
    title: str
    level: int
    page: int | None
    block: int


@dataclass(frozen=True, slots=True)
class Toc:
    blocks: frozenset[int]
    entries: tuple[Entry, ...]


def normalize(title: str) -> str:
    """A title reduced to what survives conversion: words, no numbering, no case."""
    return _NON_WORD.sub(" ", _NUMBERING.sub("", title)).strip().casefold()


def is_toc_heading(text: str) -> bool:
    return bool(_TOC_TITLE.match(text))


def _depth(title: str) -> int:
    match = re.match(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s", title)
    return match.group(1).count(".") + 1 if match else 0


def _marker_depth(block: Block) -> int:
    """ "1." → 1, "2.3" → 2: the depth of a section number stripped as a marker."""
    if block.kind != "list_item" or not re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*\.?", block.marker):
        return 0
    return block.marker.rstrip(".").count(".") + 1


_CHAPTER_NUMBER = re.compile(r"^\s*(?:\d{1,2}\.?|[IVX]{1,4}\.)\s+\S")


def _entry_levels(blocks: tuple[Block, ...], indices: list[int]) -> list[int]:
    has_plain = any(blocks[i].kind != "list_item" for i in indices)
    levels = []
    for i in indices:
        block = blocks[i]
        level = block.level + (1 if has_plain else 0) if block.kind == "list_item" else 1
        depth = _depth(block.text) or _marker_depth(block)
        levels.append(depth if depth else max(level, 1))
    return _below_chapters(blocks, indices, levels)


def _below_chapters(blocks: tuple[Block, ...], indices: list[int], levels: list[int]) -> list[int]:
    """Entries after marked chapters, and not marked themselves, are their sub-headings.

    A flat TOC that numbers some titles ("2. Stadtplanung, Mobilität, Wohnen")
    and not those listed below them ("Wohnen sichern – bezahlbar, gerecht"),
    or sets some in capitals ("MOBILITÄT" over "Fahrradfreundliche Stadt"),
    marks its chapters that way. Entries before the first chapter (a
    preface) stay at the top.
    """
    if not all(level == 1 for level in levels):
        return levels
    numbered = [
        bool(_CHAPTER_NUMBER.match(blocks[i].text)) or _marker_depth(blocks[i]) == 1
        for i in indices
    ]
    if sum(numbered) < 2 or all(numbered):
        titles = [_ENTRY.sub(r"\g<title>", blocks[i].text) for i in indices]
        numbered = [is_caps(t) for t in titles]
    if sum(numbered) < 2 or all(numbered):
        return levels
    first = numbered.index(True)
    return [
        2 if k > first and not is_chapter else level
        for k, (level, is_chapter) in enumerate(zip(levels, numbered, strict=True))
    ]


def find_toc(blocks: tuple[Block, ...]) -> Toc | None:
    """The document's table of contents, if it has one."""
    chosen: list[int] = []
    heading_at: int | None = None
    for index, block in enumerate(blocks):
        short = block.kind == "heading" or len(block.text.split()) <= 3
        if short and is_toc_heading(block.text):
            heading_at = index
            break
    if heading_at is not None:
        index = heading_at + 1
        while index < len(blocks):
            block = blocks[index]
            if block.kind == "heading" and not is_toc_heading(block.text):
                break
            if len(block.text.split()) > 25:
                break
            plain = block.kind == "paragraph" and not block.bold
            if chosen and plain and not _ENTRY.match(block.text):
                break
            paged = any(_ENTRY.match(blocks[i].text) for i in chosen)
            if paged and not _ENTRY.match(block.text):
                # A TOC with page numbers ends at its first line without one.
                break
            chosen.append(index)
            index += 1
    if heading_at is not None and not any(_ENTRY.match(blocks[i].text) for i in chosen):
        unpaged = _unpaged_entries(blocks, heading_at)
        chosen = unpaged if len(unpaged) > len(chosen) else chosen
    if len(chosen) < 2:
        # No "Inhalt" heading: the longest run of "Title … 12" blocks.
        chosen = []
        run: list[int] = []
        for index, block in enumerate(blocks):
            if _ENTRY.match(block.text):
                run.append(index)
            elif run and block.kind == "heading" and is_toc_heading(block.text):
                continue
            else:
                if len(run) > len(chosen):
                    chosen = run
                run = []
        if len(run) > len(chosen):
            chosen = run
        if len(chosen) < 3:
            return None
        heading_at = None
    levels = _entry_levels(blocks, chosen)
    entries = []
    for index, level in zip(chosen, levels, strict=True):
        text = blocks[index].text
        match = _ENTRY.match(text)
        title = match.group("title") if match else text
        page = int(match.group("page")) if match else None
        if normalize(title):
            entries.append(Entry(title=title.strip(), level=level, page=page, block=index))
    members = set(chosen)
    if heading_at is not None:
        members.add(heading_at)
    return Toc(blocks=frozenset(members), entries=tuple(entries))


_TITLE_END = re.compile(r"[.!?;,]\s*$")


def _unpaged_entries(blocks: tuple[Block, ...], heading_at: int) -> list[int]:
    """The entries of a TOC without page numbers: the short lines under "Inhalt".

    Plain text converted from a PDF lists them as paragraphs of one title
    each. The list ends at the first block that is no title, or where its
    first title comes again: there the text itself begins ("Präambel").
    """
    chosen: list[int] = []
    for index in range(heading_at + 1, len(blocks)):
        block = blocks[index]
        if len(block.text.split()) > 12 or _TITLE_END.search(block.text):
            break
        if chosen and normalize(block.text) == normalize(blocks[chosen[0]].text):
            break
        chosen.append(index)
    return chosen if len(chosen) >= 3 else []


def same_title(entry: str, heading: str) -> bool:
    a, b = normalize(entry), normalize(heading)
    if not a or not b:
        return False
    if a == b:
        return True
    if min(len(a), len(b)) < 5:
        return False
    return fuzz.ratio(a, b) >= 90


def match_entries(entries: tuple[Entry, ...], headings: list[tuple[int, str]]) -> dict[int, int]:
    """Entry index → position in `headings`, matched in document order.

    Each entry takes the first heading after the previous match that has the
    same title (exactly, after normalising; else nearly), so a chapter with
    many unlisted sub-headings does not hide the next listed one.
    """
    exact: dict[str, list[int]] = {}
    for position, (_block, title) in enumerate(headings):
        exact.setdefault(normalize(title), []).append(position)
    matched: dict[int, int] = {}
    pointer = 0
    for e, entry in enumerate(entries):
        positions = exact.get(normalize(entry.title))
        if not positions:
            positions = [p for p, (_b, t) in enumerate(headings) if same_title(entry.title, t)]
        at = bisect_left(positions, pointer)
        if at < len(positions):
            matched[e] = positions[at]
            pointer = positions[at] + 1
    return matched


# A listed title followed by its section's first sentence in one block: plain
# text from a PDF often has no blank line after a heading, so reading joins
# the heading's line to the paragraph ("Klima schützen Unsere Stadt soll …").
_SENTENCE_START = re.compile(r"[A-ZÄÖÜ0-9„\"]")


def _glued_at(block: Block, title: str) -> int | None:
    """Where the body begins if `block` opens with `title` and then a sentence."""
    if block.kind != "paragraph" or not block.text.startswith(title):
        return None
    rest = block.text[len(title) :]
    if not rest.startswith(" ") or not _SENTENCE_START.match(rest[1:2]):
        return None
    return len(title) + 1


def unglue_listed_headings(doc: CleanDocument, toc: Toc) -> CleanDocument:
    """The document with every listed title that opens a paragraph as a block of its own.

    Only titles the TOC lists, in its order, and only where no block holds the
    title alone: the TOC is the evidence that the line was a heading. Blocks
    before the end of the TOC keep their indices, so `toc.blocks` stays valid.
    Each block's openings are looked up among the titles, so a long TOC costs
    no more than a long text.
    """
    blocks = doc.blocks
    alone = {normalize(b.text) for b in blocks if len(b.text) <= LONGEST_TITLE}
    wanted = {
        entry.title.strip()
        for entry in toc.entries
        if normalize(entry.title) not in alone and len(entry.title.split()) <= _TITLE_WORDS
    }
    body_from = max(toc.blocks) + 1
    opened_by: defaultdict[str, list[int]] = defaultdict(list)
    for index in range(body_from, len(blocks)):
        for title in _openings(blocks[index].text):
            if title in wanted and _glued_at(blocks[index], title) is not None:
                opened_by[title].append(index)
    cuts: dict[int, str] = {}
    position = body_from
    for entry in toc.entries:
        candidates = opened_by.get(entry.title.strip(), [])
        at = bisect_left(candidates, position)
        if at < len(candidates):
            cuts[candidates[at]] = entry.title.strip()
            position = candidates[at] + 1
    if not cuts:
        return doc
    out: list[Block] = []
    for index, block in enumerate(blocks):
        listed = cuts.get(index)
        cut = _glued_at(block, listed) if listed is not None else None
        if listed is None or cut is None:
            out.append(block)
            continue
        out.append(replace(block, text=listed, end=block.start + len(listed)))
        out.append(replace(block, text=block.text[cut:], start=block.start + cut))
    return replace(doc, blocks=tuple(out))


_TITLE_WORDS = 14
# A line longer than this is no title a TOC lists.
LONGEST_TITLE = 300


def _openings(text: str) -> Iterator[str]:
    """The text's first one, two, … `_TITLE_WORDS` words, as it spells them."""
    end = 0
    for _ in range(_TITLE_WORDS):
        end = text.find(" ", end + 1)
        if end < 0:
            return
        yield text[:end]
