"""Words that a PDF converter split after their capital initial.

Kerning moves a lower-case letter under the overhang of a wide capital (T, V,
W, A), and some converters read the gap as a space: "T eilzeit", "S tadt",
"E ntscheidung", "(T echnologie". A capital standing alone before a lower-case
word is otherwise rare but real ("Vitamin C ermöglicht", "Plan B zu",
"Klasse V und"). The document itself tells them apart: the rest of a split
word ("eilzeit") is no word of the document, while the rest after a real
letter is ("ermöglicht", "und"); and the joined word's start is one the
document uses elsewhere ("Teilhabe", "Stadtteil").
"""

from __future__ import annotations

import re

from versprochen.extraction.furniture import Line

_SPLIT_INITIAL = re.compile(r"(?<!\w)([A-ZÄÖÜ]) ([a-zäöüß]{2,})")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
# The joined word's first letters that must start another word of the document.
_KNOWN_START = 4


def join_split_initials(lines: list[Line]) -> None:
    """Join each capital initial to the rest of its word, in place, where the document shows it."""
    if not any(_SPLIT_INITIAL.search(line.text) for line in lines):
        return
    # The document's words apart from the split ones themselves.
    words: set[str] = set()
    for line in lines:
        words.update(w.lower() for w in _WORD.findall(_SPLIT_INITIAL.sub(" ", line.text)))
    starts = {w[:_KNOWN_START] for w in words if len(w) >= _KNOWN_START}

    def join(match: re.Match[str]) -> str:
        initial, rest = match.groups()
        joined = (initial + rest).lower()
        if rest in words or joined[:_KNOWN_START] not in starts:
            return match.group()
        return initial + rest

    for line in lines:
        if _SPLIT_INITIAL.search(line.text):
            line.text = _SPLIT_INITIAL.sub(join, line.text)
