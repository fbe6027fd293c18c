"""The passage of a paper that best matches a query, with the words to highlight."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from versprochen.matching.terms import WORD, word_terms

__all__ = ["Passage", "best_passage", "passages"]

_BLANK_LINE = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+(?=[A-ZÄÖÜ0-9])")
_SPACE = re.compile(r"\s+")
# Long enough to show a sentence or two around the match, short enough to read
# in a list of suggestions.
_TARGET = 320
_LIMIT = 600


@dataclass(frozen=True, slots=True)
class Passage:
    text: str
    # (start, end) of the words to highlight in `text`.
    marks: tuple[tuple[int, int], ...] = ()


def passages(text: str) -> Iterator[str]:
    """`text` cut into passages of a few sentences, whitespace made plain."""
    for block in _BLANK_LINE.split(text):
        plain = _SPACE.sub(" ", block).strip()
        if not plain:
            continue
        if len(plain) <= _LIMIT:
            yield plain
            continue
        current = ""
        for sentence in _SENTENCE_END.split(plain):
            while len(sentence) > _LIMIT:
                # A run without sentence ends (a table, a list): cut at a space.
                cut = sentence.rfind(" ", 0, _TARGET) + 1 or _TARGET
                if current:
                    yield current
                    current = ""
                yield sentence[:cut].strip()
                sentence = sentence[cut:]
            if current and len(current) + len(sentence) > _TARGET:
                yield current
                current = sentence
            else:
                current = f"{current} {sentence}" if current else sentence
        if current.strip():
            yield current.strip()


def best_passage(
    texts: Iterable[str], weight: Callable[[str], float], wanted: frozenset[str]
) -> Passage:
    """The passage of `texts` whose distinct terms in `wanted` weigh most, with
    the spans of the words that carry those terms."""
    best, best_score = "", 0.0
    for text in texts:
        for passage in passages(text):
            found = {t for w in set(WORD.findall(passage)) for t in word_terms(w)}
            score = sum(weight(t) for t in found & wanted)
            if score > best_score:
                best, best_score = passage, score
    if not best:
        return Passage("")
    marks = tuple(
        m.span() for m in WORD.finditer(best) if any(t in wanted for t in word_terms(m.group()))
    )
    return Passage(best, marks)
