"""Joining a wrapped line to the next one, undoing line-end hyphenation.

A hyphen at a line end is either typesetting ("Um-" + "gebung") or part of
the text: a compound with a capitalised second part ("Kita-" + "Gebühren"),
an abbreviation or number ("OGS-" + "Bereich", "3-" + "fach") or a suspended
compound ("Gesamt-" + "und Sekundarschulen"). Only the first kind is removed.
"""

from __future__ import annotations

import re

from versprochen.extraction.chars import SOFT_HYPHEN

# Words after which a line-end hyphen belongs to a suspended compound:
# "Gesamt- und Sekundarschulen", "Pflege- oder Erziehungsberufen".
_CONJUNCTIONS = frozenset(
    [
        "und",
        "oder",
        "bzw",
        "sowie",
        "als",
        "wie",
        "noch",
        "bis",
        "statt",
        "sondern",
        "aber",
        "denn",
        "entweder",
        "weder",
        "u",
        "o",
        "respektive",
        "beziehungsweise",
    ]
)
_LAST_WORD = re.compile(r"([\w*]+)\s?[-\u2010]$")
_FIRST_WORD = re.compile(r"^[\w]+")


def _ends_with_hyphen(text: str) -> bool:
    return text.endswith(("-", "\u2010")) and len(text) > 1


def join_wrapped(left: str, right: str) -> str:
    """`left` and `right` as one line of running text."""
    if not left:
        return right
    if not right:
        return left
    if left.endswith(SOFT_HYPHEN):
        return left[:-1] + right
    if not _ends_with_hyphen(left):
        return left + " " + right
    spaced = left[-2] == " "
    word_match = _LAST_WORD.search(left)
    if word_match is None:
        # A dash after punctuation or on its own ("Preis –") is a dash.
        return left + " " + right
    before = word_match.group(1)
    next_match = _FIRST_WORD.match(right)
    if next_match is None:
        return left + " " + right if spaced else left + right
    after = next_match.group(0)
    if after.lower().rstrip(".") in _CONJUNCTIONS or right.startswith(("u.", "o.")):
        return (left[:-2] + "-" if spaced else left) + " " + right
    if spaced and not after[0].islower():
        # "Preis -" followed by a capitalised word: a dash between clauses.
        return left + " " + right
    keep = (
        after[0].isupper()
        or after[0].isdigit()
        or before[-1].isdigit()
        or (len(before) > 1 and before.isupper())
        or len(before) == 1
    )
    stem = left[:-2] if spaced else left[:-1]
    if keep:
        return stem + "-" + right
    return stem + right
