"""Weighted word-stem lexicons and the matcher that scores a text against them.

A lexicon file lists, per label, lines of `weight: pattern pattern ...`.
German glues its nouns together ("Schulsozialarbeit", "Radverkehrskonzept"),
so a pattern matches parts of words, not only whole words:

* `stem`   matches where a word (or a hyphen-joined part of it) begins;
* `~stem`  matches anywhere inside a word, for the heads of compounds;
* `=word`  matches a whole word only, for short words that hide in others;
* `*end`   matches where a word ends, for heads that also begin other words
  ("*plan" finds "Radwegeplan" but not "Planung");
* `a_b`    spans words: "_" stands for the space between them.

Where matches overlap, only the longest one counts, so an entry for
"schulsozialarbeit" decides that word although "schul" and "sozialarbeit"
both match inside it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files

_HEAD = 3
_WORD = re.compile(r"[0-9a-zäöüß]+(?:[-/][0-9a-zäöüß]+)*")


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    weight: float


@dataclass(frozen=True, slots=True)
class Hit:
    label: str
    weight: float
    start: int
    end: int


class Lexicon:
    """Stems with a label and weight each, matched against lower-cased text."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self._prefix: dict[str, list[Entry]] = defaultdict(list)
        self._infix: dict[str, list[Entry]] = defaultdict(list)
        self._word: dict[str, list[Entry]] = defaultdict(list)
        self._suffix: dict[str, list[Entry]] = defaultdict(list)
        self._phrases: dict[str, list[Entry]] = defaultdict(list)
        self._labels: list[str] = []
        self._parse(text)
        self._prefix_lengths = sorted({len(k) for k in self._prefix}, reverse=True)
        self._infix_lengths = sorted({len(k) for k in self._infix}, reverse=True)
        self._suffix_lengths = sorted({len(k) for k in self._suffix}, reverse=True)
        # Most positions inside a word start no infix at all; their first
        # letters rule them out cheaply.
        self._infix_heads = {k[:_HEAD] for k in self._infix}
        alternatives = "|".join(re.escape(p) for p in sorted(self._phrases, key=len, reverse=True))
        self._phrase_re = re.compile(rf"(?<![\w-])(?:{alternatives})") if alternatives else None
        # Words repeat throughout a document; each is analysed once.
        self._in_word = lru_cache(maxsize=1 << 17)(self._match_word)

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self._labels)

    def _parse(self, text: str) -> None:
        label: str | None = None
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                label = line[1:-1].strip()
                if label not in self._labels:
                    self._labels.append(label)
                continue
            weight_text, sep, patterns = line.partition(":")
            if label is None or not sep:
                raise ValueError(f"{self.name}: line {number}: expected 'weight: patterns'")
            entry = Entry(label, float(weight_text))
            for pattern in patterns.split():
                self._add(pattern.lower().replace("_", " "), entry)

    def _add(self, pattern: str, entry: Entry) -> None:
        if " " in pattern:
            self._phrases[pattern.lstrip("=~*")].append(entry)
        elif pattern.startswith("="):
            self._word[pattern[1:]].append(entry)
        elif pattern.startswith("*"):
            self._suffix[pattern[1:]].append(entry)
        elif pattern.startswith("~"):
            self._infix[pattern[1:]].append(entry)
        else:
            self._prefix[pattern].append(entry)

    def hits(self, text: str) -> list[Hit]:
        """Every leftmost-longest match in `text`."""
        lowered = text.lower()
        found: list[Hit] = []
        for match in _WORD.finditer(lowered):
            start = match.start()
            for label, weight, a, b in self._in_word(match.group()):
                found.append(Hit(label, weight, start + a, start + b))
        if self._phrase_re is not None:
            for match in self._phrase_re.finditer(lowered):
                for entry in self._phrases[match.group()]:
                    found.append(Hit(entry.label, entry.weight, match.start(), match.end()))
        return _longest(found)

    def _match_word(self, word: str) -> tuple[tuple[str, float, int, int], ...]:
        """Matches inside one word, as (label, weight, start, end) relative to it."""
        out: list[tuple[str, float, int, int]] = []
        size = len(word)
        for entry in self._word.get(word, ()):
            out.append((entry.label, entry.weight, 0, size))
        # A hyphen or slash starts a new word part ("Kita-Gebühren").
        part_starts = [0] + [i + 1 for i, c in enumerate(word) if c in "-/"]
        for offset in part_starts:
            for length in self._prefix_lengths:
                if offset + length <= size:
                    for entry in self._prefix.get(word[offset : offset + length], ()):
                        out.append((entry.label, entry.weight, offset, offset + length))
        for length in self._suffix_lengths:
            if length <= size:
                for entry in self._suffix.get(word[-length:], ()):
                    out.append((entry.label, entry.weight, size - length, size))
        heads = self._infix_heads
        for i in range(size):
            if word[i : i + _HEAD] not in heads:
                continue
            for length in self._infix_lengths:
                if i + length <= size:
                    for entry in self._infix.get(word[i : i + length], ()):
                        out.append((entry.label, entry.weight, i, i + length))
        return tuple(out)

    def scores(self, text: str) -> dict[str, float]:
        """The summed weight per label of the matches in `text`."""
        totals: dict[str, float] = defaultdict(float)
        for hit in self.hits(text):
            totals[hit.label] += hit.weight
        return dict(totals)


def _longest(hits: list[Hit]) -> list[Hit]:
    """Leftmost-longest matches, as a reader splits a compound into its parts.

    A match that overlaps a longer (or equally long, earlier) one is dropped;
    one stem listed under two labels keeps both.
    """
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    kept: list[Hit] = []
    for hit in hits:
        clash = False
        for k in kept:
            if k.start == hit.start and k.end == hit.end:
                clash = k.label == hit.label
            elif k.start < hit.end and hit.start < k.end:
                clash = True
            if clash:
                break
        if not clash:
            kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept


@cache
def load(filename: str) -> Lexicon:
    """A lexicon from the package's data directory, read once."""
    text = files("versprochen.extraction").joinpath(f"data/{filename}").read_text("utf-8")
    return Lexicon(filename, text)
