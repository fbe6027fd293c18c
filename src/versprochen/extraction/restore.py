"""Where a heading lost in conversion began.

The table of contents names the heading and its neighbours; the section
must start somewhere between the two neighbouring headings. If the blocks
carry real pages, the TOC's page number narrows the choice; within it the
boundary is placed after the last block that still speaks of the previous
section's subject and before the first that speaks of the lost one's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from versprochen.extraction.types import Block

_WORD = re.compile(r"[^\W\d_]{4,}")
_STOP = frozenset(
    [
        "und",
        "oder",
        "sowie",
        "für",
        "der",
        "die",
        "das",
        "des",
        "dem",
        "den",
        "mit",
        "von",
        "zur",
        "zum",
        "eine",
        "einer",
        "eines",
        "ihre",
        "unsere",
        "unser",
        "über",
        "nach",
        "beim",
        "durch",
    ]
)


def _stems(title: str) -> list[str]:
    """Word beginnings of a title; German compounds are matched by them."""
    return [w.casefold()[:6] for w in _WORD.findall(title) if w.casefold() not in _STOP]


def _mentions(block: Block, stems: list[str]) -> int:
    """How many of the stems begin a word of the block ("Sport" in "Sportstätten")."""
    if not stems:
        return 0
    starts = _starts(block.text)
    return sum(1 for stem in stems if any(s.startswith(stem) for s in starts))


@lru_cache(maxsize=8192)
def _starts(text: str) -> frozenset[str]:
    """The words' beginnings of a block; every lost heading near it asks again."""
    return frozenset(w.casefold()[:6] for w in _WORD.findall(text))


def restore_start(
    blocks: tuple[Block, ...],
    first: int,
    stop: int,
    previous_title: str,
    title: str,
    target_page: int | None,
) -> int | None:
    """Index of the first block of the lost section, in `first..stop-1`."""
    if stop <= first:
        return None
    # The block right after the previous heading belongs to that heading.
    candidates = list(range(first + 1, stop)) or [first]
    if target_page is not None:
        on_page = [i for i in candidates if blocks[i].page == target_page]
        later = [i for i in candidates if blocks[i].page >= target_page]
        if on_page or later:
            candidates = on_page or later[:1]
    before_stems = _stems(previous_title)
    own_stems = _stems(title)
    allowed = set(candidates)
    best = candidates[0]
    best_score = -1
    # Score of a boundary k: blocks before it that speak of the previous
    # subject plus blocks from it on that speak of the lost one. Both sums
    # are built incrementally so the scan stays linear.
    prefix_before = 0
    total_own = sum(_mentions(blocks[i], own_stems) for i in range(first, stop))
    seen_own = 0
    for k in range(first, stop):
        if k in allowed:
            score = prefix_before + (total_own - seen_own)
            if score > best_score:
                best, best_score = k, score
        prefix_before += 1 if _mentions(blocks[k], before_stems) else 0
        seen_own += _mentions(blocks[k], own_stems)
    return best
