"""Heading candidates among the blocks of a cleaned document, with levels.

A heading shows itself by Markdown (`#`), by font (larger than the body
text, or bold), by capitals, or by a section number ("2.3 Mobilität").
Each signal is a *tier*; tiers are ranked from strongest to weakest and the
rank is the heading's level, so a document that only uses capitals gets
level 1 for them, and one with three font sizes gets levels 1 to 3.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from versprochen.extraction.types import Block, CleanDocument

_TERMINAL = re.compile(r"[.,;:!?]\s*$|…\s*\d*$")
_LETTER = re.compile(r"[^\W\d_]")
_NUMBER_MARKER = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?$|^([IVX]{1,5}|[A-H])\.$")
_NUMBERED_TITLE = re.compile(r"^(\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.|[IVX]{1,5}\.|[A-H]\.)\s+\S")
# "3 Infrastruktur": a chapter number without a dot before a capitalised word.
_BARE_NUMBERED = re.compile(r"^(\d{1,2}) +(?=[^\W\d_])")
_CHAPTER_NUMBER = re.compile(r"^(\d{1,2})\.? +\S")
# The names of a letter to the voters that opens a program.
LETTER_TITLES = ("vorwort", "grußwort", "geleitwort")
# The names of a program's opening text: a letter, a preamble, an
# introduction. Used as a whole title they are headings wherever they stand,
# also right after the cover's lines, which end without a full stop.
FRONT_MATTER_TITLES = (
    *LETTER_TITLES,
    "einleitung",
    "präambel",
    "vorbemerkung",
)
_FRONT_MATTER = re.compile(rf"(?:{'|'.join(FRONT_MATTER_TITLES)})\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    block: int
    title: str
    tier: tuple[int, float]


def is_caps(text: str) -> bool:
    """Mostly capital letters (a title set in capitals)."""
    # Asked of every paragraph: in ordinary text the small letters of its start
    # alone are more than a tenth of all its characters, hence of its letters.
    head = _LETTER.findall(text, 0, _HEAD)
    if len(head) - sum(map(str.isupper, head)) > 0.1 * len(text):
        return False
    letters = _LETTER.findall(text)
    if len(letters) < 3:
        return False
    return sum(map(str.isupper, letters)) >= 0.9 * len(letters)


_HEAD = 200


def is_short_title(text: str, max_words: int = 14) -> bool:
    """Short and without the punctuation that ends a sentence."""
    words = text.split()
    return 0 < len(words) <= max_words and len(text) <= 160 and not _TERMINAL.search(text)


def heading_title(block: Block) -> str:
    """The heading text as printed, with a stripped section number put back."""
    if block.kind == "list_item" and _NUMBER_MARKER.match(block.marker):
        return f"{block.marker} {block.text}"
    return block.text


def body_size(blocks: tuple[Block, ...]) -> float | None:
    """The font size of most of the running text (PDF only)."""
    sizes: Counter[float] = Counter()
    for block in blocks:
        if block.size is not None and block.kind != "heading":
            sizes[block.size] += len(block.text)
    return sizes.most_common(1)[0][0] if sizes else None


# Tier order: Markdown levels, font sizes (largest first), bold lines,
# capitals, section numbers by depth, unmarked short lines.
_MARKDOWN, _FONT, _BOLD, _CAPS, _NUMBERED, _PLAIN = range(6)


def _number_depth(title: str) -> int:
    match = _NUMBERED_TITLE.match(title)
    if match is None:
        return 0
    number = match.group(1).rstrip(".")
    return number.count(".") + 1


def _plain_heading(doc: CleanDocument, index: int) -> bool:
    """An unmarked one-line title before a long paragraph of prose."""
    blocks = doc.blocks
    block = blocks[index]
    if block.kind != "paragraph" or index + 1 >= len(blocks):
        return False
    words = block.text.split()
    if not 1 <= len(words) <= 8 or len(block.text) > 80 or not block.text[0].isupper():
        return False
    if _TERMINAL.search(block.text) or block.text.endswith((")", "“", '"')):
        return False
    after = blocks[index + 1]
    if after.kind != "paragraph" or len(after.text.split()) < 40:
        return False
    before = blocks[index - 1] if index else None
    return (
        before is None
        or before.kind == "heading"
        or bool(_TERMINAL.search(before.text))
        or _FRONT_MATTER.fullmatch(block.text) is not None
    )


def _chapter_number(block: Block) -> tuple[int, bool] | None:
    """(number, bare) of a standalone "3 Title" or "3. Title" line, else None."""
    title = heading_title(block)
    if block.kind == "heading" or not is_short_title(title, 12):
        return None
    bare = _BARE_NUMBERED.match(title)
    if bare is not None and block.kind == "paragraph":
        word = title[bare.end() :].split()[0]
        return (int(bare.group(1)), True) if word[0].isupper() else None
    match = _CHAPTER_NUMBER.match(title)
    if match is None or _number_depth(title) != 1:
        return None
    return int(match.group(1)), False


def bare_chapters(blocks: tuple[Block, ...]) -> set[int]:
    """Blocks of undotted chapter numbers ("1 Demografie") that are headings.

    A number without a dot may also open a figure ("2 Millionen Euro"), so
    it counts only where the chapter numbers run in sequence through the
    document (1, 2, 3 …; one missed heading is bridged) in a chain of at
    least three, and not where the next block is numbered too: consecutive
    numbered lines are a list or a table of contents, not chapters.
    """
    numbered = {i: n for i, b in enumerate(blocks) if (n := _chapter_number(b)) is not None}
    chains: list[list[tuple[int, int, bool]]] = []
    for index, (number, bare) in numbered.items():
        if index + 1 in numbered:
            continue
        chain = next((c for c in reversed(chains) if c[-1][1] == number - 1), None)
        if chain is None:
            chain = next((c for c in reversed(chains) if c[-1][1] == number - 2), None)
        if chain is None or number == 1:
            chains.append([(index, number, bare)])
        else:
            chain.append((index, number, bare))
    return {i for c in chains if _is_sequence(blocks, c) for i, _n, bare in c if bare}


def _is_sequence(blocks: tuple[Block, ...], chain: list[tuple[int, int, bool]]) -> bool:
    """Three or more chapters, mostly one apart, each with its own title.

    A running footer with the page number ("16 Wahlprogramm 2026") repeats
    its words and counts in twos on one side of the page.
    """
    if len(chain) < 3:
        return False
    steps = [b[1] - a[1] for a, b in itertools.pairwise(chain)]
    titles = {_BARE_NUMBERED.sub("", heading_title(blocks[i])).casefold() for i, _n, _b in chain}
    return steps.count(1) >= steps.count(2) and len(titles) == len(chain)


def find_candidates(doc: CleanDocument) -> list[Candidate]:
    """Every block that looks like a heading, in document order."""
    blocks = doc.blocks
    base = body_size(blocks)
    bare = bare_chapters(blocks) if doc.format != "markdown" else set()
    found: list[Candidate] = []
    for index, block in enumerate(blocks):
        title = heading_title(block)
        if block.kind == "heading":
            found.append(Candidate(index, title, (_MARKDOWN, float(block.level))))
            continue
        if block.kind == "list_item" and title == block.text:
            continue
        if title.startswith("("):
            continue
        larger = base is not None and block.size is not None and block.size >= base + 0.9
        if larger and block.size is not None and is_short_title(title.rstrip(".!"), 20):
            # A title set larger than the text may still end with a full stop.
            found.append(Candidate(index, title, (_FONT, -block.size)))
            continue
        if not is_short_title(title):
            continue
        if block.bold and is_short_title(title, 12):
            found.append(Candidate(index, title, (_BOLD, -(block.size or 0.0))))
        elif is_caps(title) and is_short_title(title, 12):
            found.append(Candidate(index, title, (_CAPS, 0.0)))
        elif doc.format != "markdown" and _number_depth(title):
            nxt = blocks[index + 1] if index + 1 < len(blocks) else None
            if nxt is None or nxt.kind != "list_item" or nxt.marker[-1:] != block.marker[-1:]:
                found.append(Candidate(index, title, (_NUMBERED, float(_number_depth(title)))))
        elif index in bare:
            found.append(Candidate(index, title, (_NUMBERED, 1.0)))
        elif _plain_heading(doc, index):
            found.append(Candidate(index, title, (_PLAIN, 0.0)))
    return found


def rank_levels(candidates: list[Candidate]) -> dict[int, int]:
    """Block index → heading level, from the rank of each candidate's tier."""
    tiers = sorted({c.tier for c in candidates})
    rank = {tier: position + 1 for position, tier in enumerate(tiers)}
    return {c.block: rank[c.tier] for c in candidates}
