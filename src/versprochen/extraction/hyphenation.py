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


# The joint depends only on the last word of the left side: it is looked for
# in this many characters at its end, so joining stays linear in the text.
_TAIL = 128


def _ends_with_hyphen(text: str) -> bool:
    return text.endswith(("-", "\u2010")) and len(text) > 1


def _joint(left: str, right: str) -> tuple[int, str]:
    """How to join: (characters to drop from the end of `left`, separator).

    `left` may be only the end of the text before the line break.
    """
    if left.endswith(SOFT_HYPHEN):
        return 1, ""
    if not _ends_with_hyphen(left):
        return 0, " "
    spaced = left[-2] == " "
    word_match = _LAST_WORD.search(left)
    if word_match is None:
        # A dash after punctuation or on its own ("Preis –") is a dash.
        return 0, " "
    before = word_match.group(1)
    next_match = _FIRST_WORD.match(right)
    if next_match is None:
        return (0, " ") if spaced else (0, "")
    after = next_match.group(0)
    if after.lower().rstrip(".") in _CONJUNCTIONS or right.startswith(("u.", "o.")):
        return (2, "- ") if spaced else (0, " ")
    if spaced and not after[0].islower():
        # "Preis -" followed by a capitalised word: a dash between clauses.
        return 0, " "
    keep = (
        after[0].isupper()
        or after[0].isdigit()
        or before[-1].isdigit()
        or (len(before) > 1 and before.isupper())
        or len(before) == 1
    )
    drop = 2 if spaced else 1
    return (drop, "-") if keep else (drop, "")


def join_wrapped(left: str, right: str) -> str:
    """`left` and `right` as one line of running text."""
    if not left:
        return right
    if not right:
        return left
    drop, separator = _joint(left[-_TAIL:], right)
    return left[: len(left) - drop] + separator + right


def join_lines(lines: list[str]) -> str:
    """Wrapped lines as one line of running text, in time linear in their length."""
    parts: list[str] = []
    tail = ""
    for line in lines:
        if not line:
            continue
        if not parts:
            parts.append(line)
            tail = line[-_TAIL:]
            continue
        drop, separator = _joint(tail, line)
        tail = tail[: len(tail) - drop]
        while drop:
            # The dropped characters (a hyphen, a space) end the text so far.
            last = parts[-1]
            cut = min(drop, len(last))
            parts[-1] = last[: len(last) - cut]
            drop -= cut
            if not parts[-1]:
                parts.pop()
        parts.append(separator)
        parts.append(line)
        tail = (tail + separator + line)[-_TAIL:]
    return "".join(parts)
