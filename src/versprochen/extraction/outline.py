"""outline: find the document's headings and give every block its section
and role.

Headings come from `headings.find_candidates`; the table of contents (if
any) then corrects them: entries give titles their printed spelling and
their level, and an entry without a heading in the text restores the lost
heading where its section begins (`restore.restore_start`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass

from versprochen.extraction.boilerplate import example_boxes, furniture_blocks
from versprochen.extraction.headings import find_candidates, is_caps, rank_levels
from versprochen.extraction.restore import restore_start
from versprochen.extraction.stage import stage
from versprochen.extraction.toc import (
    LONGEST_TITLE,
    Entry,
    Toc,
    find_toc,
    match_entries,
    normalize,
    same_title,
    unglue_listed_headings,
)
from versprochen.extraction.types import (
    Block,
    BlockRole,
    CleanDocument,
    OutlinedDocument,
    Section,
)

_FOOTNOTE_MARKS = "0123456789¹²³⁴⁵⁶⁷⁸⁹⁰*"
# How many times over its blocks the restoring of lost headings may look.
_RESTORE_BUDGET = 10
# A line that ends in a colon ("➔ Verkehrsberuhigte Innenstadt:") leads into the
# text after it, as the items of a chapter's preview box do; a section's own
# heading stands alone.
_LEAD_IN = re.compile(r":\s*$")


@dataclass(slots=True)
class _Heading:
    block: int
    title: str
    level: int
    restored: bool = False
    entry: Entry | None = None


def _toc_title(heading: str, entry: str) -> str:
    """The TOC's spelling for a heading set in capitals or differing only in case."""
    if is_caps(heading) or heading.casefold() == entry.casefold():
        return entry
    # A footnote mark glued to the heading ("Wirtschaft und Finanzen1") is no part of it.
    if heading.rstrip(_FOOTNOTE_MARKS) == entry.strip():
        return entry
    return heading


def _levels_with_toc(headings: list[_Heading], ranks: dict[int, int]) -> None:
    """Levels of headings the TOC does not list, relative to the ones it does."""
    by_rank: defaultdict[int, Counter[int]] = defaultdict(Counter)
    for h in headings:
        if h.entry is not None:
            by_rank[ranks.get(h.block, h.level)][h.entry.level] += 1
    # Per stretch after a listed heading: the deeper styles used in it,
    # so that they take the levels right below the listed one.
    deeper: dict[int, list[int]] = {}
    last: _Heading | None = None
    for h in headings:
        if h.entry is not None:
            last = h
            continue
        last_rank = ranks.get(last.block, last.level) if last is not None else 0
        rank = ranks.get(h.block, h.level)
        if last is not None and rank > last_rank:
            deeper.setdefault(last.block, []).append(rank)
    last = None
    for h in headings:
        if h.entry is not None:
            h.level = h.entry.level
            last = h
            continue
        rank = ranks.get(h.block, h.level)
        used = sorted(set(deeper.get(last.block, []))) if last is not None else []
        if last is not None and rank in used:
            h.level = last.level + used.index(rank) + 1
        elif by_rank[rank]:
            h.level = by_rank[rank].most_common(1)[0][0]
        else:
            h.level = rank


def _apply_toc(doc: CleanDocument, toc: Toc, headings: list[_Heading]) -> list[_Heading]:
    blocks = doc.blocks
    toc_start = min(toc.blocks)
    entries = toc.entries
    # Headings before the TOC that it does not list are the cover's titles.
    kept = [
        h
        for h in headings
        if h.block > toc_start or any(same_title(e.title, h.title) for e in entries)
    ]
    kept = [h for h in kept if h.block > max(toc.blocks) or h.block < toc_start]
    after = [h for h in kept if h.block > toc_start]
    matched = match_entries(entries, [(h.block, h.title) for h in after])
    for e, position in matched.items():
        heading = after[position]
        heading.entry = entries[e]
        heading.title = _toc_title(heading.title, entries[e].title)
    offsets = [
        blocks[after[p].block].page - (entries[e].page or 0)
        for e, p in matched.items()
        if entries[e].page is not None
    ]
    paged = len({b.page for b in blocks}) > 1 and bool(offsets)
    page_shift = sorted(offsets)[len(offsets) // 2] if paged else 0
    anchors = {e: after[p].block for e, p in matched.items()}
    heading_blocks = {h.block for h in kept}
    body_from = max(toc.blocks) + 1
    kept += _promote_lines(blocks, body_from, entries, anchors, heading_blocks)
    restored = _restore_lost(blocks, toc, entries, anchors, page_shift if paged else None)
    return sorted(kept + restored, key=lambda h: (h.block, h.level))


def _next_anchors(anchors: dict[int, int], count: int, end: int) -> list[int]:
    """For each entry, the first block of the anchored entries after it (else `end`)."""
    out = [end] * count
    nearest = end
    for e in range(count - 1, -1, -1):
        out[e] = nearest
        if e in anchors:
            nearest = min(nearest, anchors[e])
    return out


def _promote_lines(
    blocks: tuple[Block, ...],
    body_from: int,
    entries: tuple[Entry, ...],
    anchors: dict[int, int],
    heading_blocks: set[int],
) -> list[_Heading]:
    """Entries without a heading: an unmarked line that says the same becomes it.

    Each entry looks between the anchored entries around it. The lines are
    found through an index of the short blocks' words, so a long list of
    entries costs no more than reading the text once.
    """
    # A line of its own goes before a lead-in that says the same (see `_LEAD_IN`).
    own_lines: defaultdict[str, list[int]] = defaultdict(list)
    lead_ins: defaultdict[str, list[int]] = defaultdict(list)
    for i in range(body_from, len(blocks)):
        text = blocks[i].text.strip()
        if i not in heading_blocks and len(text) <= LONGEST_TITLE:
            (lead_ins if _LEAD_IN.search(text) else own_lines)[normalize(text)].append(i)
    stops = _next_anchors(anchors, len(entries), len(blocks))
    promoted: list[_Heading] = []
    last = body_from - 1
    for e, entry in enumerate(entries):
        if e in anchors:
            last = max(last, anchors[e])
            continue
        key = normalize(entry.title)
        for candidates in (own_lines.get(key, []), lead_ins.get(key, [])):
            at = bisect_right(candidates, last)
            if at < len(candidates) and candidates[at] < stops[e]:
                promoted.append(_Heading(candidates[at], entry.title, entry.level, entry=entry))
                anchors[e] = last = candidates[at]
                break
    return promoted


def _restore_lost(
    blocks: tuple[Block, ...],
    toc: Toc,
    entries: tuple[Entry, ...],
    anchors: dict[int, int],
    page_shift: int | None,
) -> list[_Heading]:
    """The remaining entries, restored where their sections begin.

    Each looks at the blocks between its anchored neighbours; a TOC whose
    entries the text hardly shows (hostile input, a TOC of another document)
    would make that the whole text for every entry, so the blocks looked at
    in all are bounded by a multiple of the text's.
    """
    budget = _RESTORE_BUDGET * len(blocks) + 1000
    stops = _next_anchors(anchors, len(entries), len(blocks))
    restored: list[_Heading] = []
    previous: int | None = None
    for e, entry in enumerate(entries):
        if e in anchors:
            previous = e
            continue
        first = anchors[previous] + 1 if previous is not None else max(toc.blocks) + 1
        budget -= max(stops[e] - first, 0)
        if budget < 0:
            break
        prev_title = entries[previous].title if previous is not None else ""
        target = None
        if page_shift is not None and entry.page is not None:
            target = entry.page + page_shift
        start = restore_start(blocks, first, stops[e], prev_title, entry.title, target)
        if start is not None and start not in toc.blocks:
            restored.append(_Heading(start, entry.title, entry.level, True, entry))
            anchors[e] = start
            previous = e
    return restored


# The back matter explains, cites and credits the program; it states no pledge:
# a glossary ("Barrierearm: Hindernisse reduziert, aber noch vorhanden"), the
# sources ("Quellen und Verweise"), notes, the abbreviations and the imprint.
_BACK_MATTER_TITLE = re.compile(
    r"^\W*(?:\d+\.?\s+)?(?:glossar|begriffserklärung(?:en)?|abkürzungen|abkürzungsverzeichnis"
    r"|quellen(?:verzeichnis|angaben|\s+und\s+verweise)?|literatur(?:verzeichnis)?"
    r"|(?:fuß|end)noten|anmerkungen|bildnachweis(?:e)?|impressum)\W*$",
    re.IGNORECASE,
)


def back_matter(sections: list[Section]) -> frozenset[int]:
    """The sections the document ends with that are back matter, and all under them.

    Only the end counts: a "Literatur" or "Quellen" section amid the chapters
    (libraries, springs) may hold pledges.
    """
    inside: list[bool] = []
    for section in sections:
        parent = section.parent
        inside.append(
            bool(_BACK_MATTER_TITLE.match(section.title)) or (parent is not None and inside[parent])
        )
    start = len(sections)
    while start > 0 and inside[start - 1]:
        start -= 1
    return frozenset(range(start, len(sections)))


@stage("outline", 3)
def outline(doc: CleanDocument) -> OutlinedDocument:
    toc = find_toc(doc.blocks)
    if toc is not None:
        doc = unglue_listed_headings(doc, toc)
    blocks = doc.blocks
    toc_blocks = toc.blocks if toc else frozenset()
    headings = _ranked_headings(doc, toc, toc_blocks)
    boxes = example_boxes(blocks, {h.block for h in headings})
    headings = [h for h in headings if h.block not in boxes]
    furniture = _furniture(blocks, toc, headings) | boxes
    # A restored heading stands where the TOC says its section begins: the TOC's
    # word outweighs a line's look of furniture.
    headings = [h for h in headings if h.restored or h.block not in furniture]
    _dense_levels(headings)
    sections, starts = _nest_sections(blocks, headings)
    block_sections, roles = _block_roles(
        len(blocks),
        starts,
        toc_blocks,
        {h.block for h in headings if not h.restored},
        furniture,
        back_matter(sections),
    )
    return OutlinedDocument(
        clean=doc,
        sections=tuple(sections),
        block_sections=tuple(block_sections),
        block_roles=tuple(roles),
    )


def _ranked_headings(
    doc: CleanDocument, toc: Toc | None, toc_blocks: frozenset[int]
) -> list[_Heading]:
    """The headings with their levels, corrected by the TOC where there is one."""
    candidates = [c for c in find_candidates(doc) if c.block not in toc_blocks]
    # Cover titles before the TOC use styles of their own; they must not
    # push the text's headings down a level.
    body_from = max(toc_blocks) if toc_blocks else -1
    ranks = rank_levels([c for c in candidates if c.block > body_from] or candidates)
    headings = [_Heading(c.block, c.title, ranks.get(c.block, 1)) for c in candidates]
    if toc is not None and toc.entries:
        headings = _apply_toc(doc, toc, headings)
        _levels_with_toc(headings, ranks)
    return headings


def _furniture(blocks: tuple[Block, ...], toc: Toc | None, headings: list[_Heading]) -> set[int]:
    # The cover ends at the first heading, or at the TOC where that comes first:
    # the TOC and the text after it are no cover, even before a first heading.
    first_heading = min((h.block for h in headings), default=None)
    if toc is not None and first_heading is not None:
        first_heading = min(first_heading, min(toc.blocks))
    return furniture_blocks(blocks, first_heading, {h.block for h in headings})


def _dense_levels(headings: list[_Heading]) -> None:
    # Levels are relative: close the gaps left by tiers the text never uses.
    dense = {level: rank + 1 for rank, level in enumerate(sorted({h.level for h in headings}))}
    for h in headings:
        h.level = dense[h.level]


def _nest_sections(
    blocks: tuple[Block, ...], headings: list[_Heading]
) -> tuple[list[Section], dict[int, list[int]]]:
    """One section per heading, under the nearest heading before it of a higher
    level; and the sections that start at each block."""
    sections: list[Section] = []
    stack: list[int] = []
    starts: dict[int, list[int]] = defaultdict(list)
    for h in headings:
        while stack and sections[stack[-1]].level >= h.level:
            stack.pop()
        block = blocks[h.block]
        sections.append(
            Section(
                title=h.title,
                level=h.level,
                page=block.page,
                start=block.start,
                parent=stack[-1] if stack else None,
                restored=h.restored,
            )
        )
        stack.append(len(sections) - 1)
        starts[h.block].append(len(sections) - 1)
    return sections, starts


def _block_roles(
    count: int,
    starts: dict[int, list[int]],
    toc_blocks: frozenset[int],
    heading_blocks: set[int],
    furniture: set[int],
    back: frozenset[int],
) -> tuple[list[int | None], list[BlockRole]]:
    """Each block's section and role.

    A block where several sections start belongs to the last of them; the ones
    before it hold no block of their own.
    """
    block_sections: list[int | None] = []
    roles: list[BlockRole] = []
    current: int | None = None
    for index in range(count):
        if index in starts:
            current = starts[index][-1]
        block_sections.append(current)
        if index in toc_blocks:
            roles.append("toc")
        elif index in heading_blocks:
            roles.append("heading")
        elif index in furniture or current in back:
            roles.append("furniture")
        else:
            roles.append("body")
    return block_sections, roles
