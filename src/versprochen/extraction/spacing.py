"""Spaces that a PDF converter put inside words.

Converters read a gap in the set text as a space where kerning or a change of
font left one inside a word: after a wide capital ("T eilzeit", "S tadt",
"(T echnologie"), inside a word ("Gu tachten", "zei gt", "od er") and before
a hyphen ("BB -OL", "Park -and-Ride", "Kultur -, Freizeit- und Sportangebote").
A letter standing alone and a short word are otherwise real ("Vitamin C
ermöglicht", "Plan B zu", "Wer den Rat wählt"), so the document itself tells
them apart: a split word's parts are no words of the document, while its
whole is one the document uses elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter

from versprochen.extraction.furniture import Line
from versprochen.matching.tokens import stopwords, words

_SPLIT_INITIAL = re.compile(r"(?<!\w)([A-ZÄÖÜ]) ([a-zäöüß]{2,})")
# A short head (up to three letters) before the rest of its word; the rest is
# only looked at, so that a head right after a short word is found too ("Es zei
# gt sich"). A capital alone is left to the rule of initials ("A und O der Stadt").
_SPLIT_INSIDE = re.compile(
    r"(?<![\w-])([A-Za-zÄÖÜäöüß]{2,3}|[a-zäöüß]) (?=([a-zäöüß]{2,})(?![\w-]))"
)
# A hyphen with a space before it and none after joins what is on its sides
# where a capital, a digit or a comma follows it ("Sharing -Angebot", "Kinder -,
# Jugend-"), a number comes before it ("100 -prozentig") or the word after it
# is a compound's part ("Park -and-Ride"). A hyphen before a lower-case word
# opens a suspended compound ("Haus- und Kinderärzt:innen und -ärzte"), as
# after "und", "oder" or an article ("des Landesbeirats und des -Beirats").
# The words are taken whole (`(?<!\w)`), so a long word is read once.
_SPACED_HYPHEN = re.compile(r"(?<!\w)(\w+) -(?=[A-ZÄÖÜ0-9,]|[a-zäöüß]+-)|(?<!\w)(\w*\d) -(?=\w)")
# The joined word's first letters that must start another word of the document.
_KNOWN_START = 4


def repair_spacing(lines: list[Line]) -> None:
    """Close the spaces inside words, in place, where the document shows them."""
    tokens = [words(line.text) for line in lines]
    counts = Counter(w for line_tokens in tokens for w in line_tokens)
    _join_split_initials(lines, counts)
    _join_split_words(lines, tokens, counts)
    for line in lines:
        if " -" in line.text:
            line.text = _SPACED_HYPHEN.sub(_closed_hyphen, line.text)


def _closed_hyphen(match: re.Match[str]) -> str:
    word = match.group(1) or match.group(2)
    lowered = word.lower()
    return match.group() if lowered in stopwords() else word + "-"


def _join_split_initials(lines: list[Line], counts: Counter[str]) -> None:
    """Join a capital initial to the rest of its word: "T eilzeit" where "eilzeit"
    is no word of the document and "Teil..." starts one."""
    split = [line for line in lines if _SPLIT_INITIAL.search(line.text)]
    if not split:
        return
    # How often each rest stands split off; the document's own words are the rest.
    rests = Counter(
        m.group(2).lower() for line in split for m in _SPLIT_INITIAL.finditer(line.text)
    )
    starts = {w[:_KNOWN_START] for w in counts if len(w) >= _KNOWN_START}

    def join(match: re.Match[str]) -> str:
        initial, rest = match.groups()
        joined = (initial + rest).lower()
        lowered = rest.lower()
        if (
            counts[lowered] > rests[lowered]
            or lowered in stopwords()
            or joined[:_KNOWN_START] not in starts
        ):
            return match.group()
        return initial + rest

    for line in split:
        line.text = _SPLIT_INITIAL.sub(join, line.text)


def _join_split_words(lines: list[Line], tokens: list[list[str]], counts: Counter[str]) -> None:
    """Join a short head to the rest of its word: "od er" where "od" stands nowhere
    else in the document, is no function word, "oder" is a word of it and "er" no
    content word of it."""
    function_words = stopwords()
    # Most documents hold few short words that stand only once: only the lines
    # that hold one are searched.
    heads = {w for w, n in counts.items() if n == 1 and len(w) <= 3 and w not in function_words}
    if not heads:
        return

    def join(match: re.Match[str]) -> str:
        head, rest = match.groups()
        if head.lower() not in heads or not counts[(head + rest).lower()]:
            return match.group()
        # A rest that is a content word of the document elsewhere makes two words
        # ("dass Kinder sicher Rad fahren" where "Radfahren" stands too).
        if counts[rest] > 1 and rest not in function_words:
            return match.group()
        return head

    for line, line_tokens in zip(lines, tokens, strict=True):
        if not heads.isdisjoint(line_tokens):
            line.text = _SPLIT_INSIDE.sub(join, line.text)
