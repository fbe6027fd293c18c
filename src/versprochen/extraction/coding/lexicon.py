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

from versprochen.extraction.coding.gates import words
from versprochen.matching.tokens import WORD

_HEAD = 3
# A word with its hyphen- or slash-joined parts ("kita-gebühren"): the
# package's word (`matching.tokens.WORD`) and the joints it may hold.
_WORD = re.compile(rf"{WORD.pattern}(?:[-/]{WORD.pattern})*")
_HEAD_WORD = re.compile(r"\w+")


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


# A match inside one word: label, weight, start, end (relative to the word).
_Match = tuple[str, float, int, int]
# Up to this many phrases, a text is searched for each of them.
_FEW_PHRASES = 12
# Distinct words analysed per lexicon; the cache starts over beyond this.
_MAX_WORDS = 1 << 17


@lru_cache(maxsize=256)
def _words(text: str) -> tuple[str, tuple[tuple[int, str], ...]]:
    """The lower-cased text and its words with their offsets.

    Every lexicon scores the same statement in turn; it is split once.
    """
    lowered = text.lower()
    return lowered, tuple([(m.start(), m.group()) for m in _WORD.finditer(lowered)])


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
        # The stems that can start (or end) at a place in a word, by the three
        # letters there, longest first: most places have none.
        self._prefix_at = _by_head(self._prefix)
        self._infix_at = _by_head(self._infix)
        self._suffix_at = _by_head(self._suffix, at_end=True)
        self._short_prefixes = _short(self._prefix)
        self._short_suffixes = _short(self._suffix)
        # No infix begins where fewer letters are left than the shortest has.
        self._infix_reach = min(map(len, self._infix), default=1) - 1
        ordered = sorted(self._phrases, key=len, reverse=True)
        self._phrase_list = tuple(ordered)
        # Looking for a few phrases directly is cheaper than listing the
        # text's words; for many, the words' first words rule most texts out.
        self._phrase_heads = _phrase_heads(ordered) if len(ordered) > _FEW_PHRASES else None
        alternatives = "|".join(re.escape(p) for p in ordered)
        self._phrase_re = re.compile(rf"(?<![\w-])(?:{alternatives})") if alternatives else None
        # Words repeat throughout a document; each is analysed once.
        self._by_word: dict[str, tuple[_Match, ...]] = {}

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

    def first_words(self) -> frozenset[str] | None:
        """The words that stems and phrases begin with; None if one begins otherwise.

        A match begins with one of them, inside a word of the lower-cased text.
        """
        heads: set[str] = set()
        for stems in (self._word, self._prefix, self._infix, self._suffix, self._phrases):
            for stem in stems:
                head = _HEAD_WORD.match(stem)
                if head is None:
                    return None
                heads.add(head.group())
        return frozenset(heads)

    def hits(self, text: str) -> list[Hit]:
        """Every leftmost-longest match in `text`."""
        return [Hit(label, weight, a, b) for label, weight, a, b in self._matches(text)]

    def scores(self, text: str, modifier: float = 1.0) -> dict[str, float]:
        """The summed weight per label of the matches in `text`.

        A match followed by another one inside the same compound is its
        modifier and counts `modifier` times its weight: "Verkehrssicherheit"
        is safety of traffic, named by its head "sicherheit".
        """
        matches = self._matches(text)
        heads = _modifiers(text, matches) if modifier != 1.0 else set()
        totals: dict[str, float] = {}
        for index, (label, weight, _, _) in enumerate(matches):
            share = modifier if index in heads else 1.0
            totals[label] = totals.get(label, 0.0) + share * weight
        return totals

    def _matches(self, text: str) -> list[_Match]:
        """Every leftmost-longest match in `text`, with offsets into it."""
        lowered, tokens = _words(text)
        found: list[_Match] = []
        by_word = self._by_word
        for start, word in tokens:
            matches = by_word.get(word)
            if matches is None:
                if len(by_word) >= _MAX_WORDS:
                    by_word.clear()
                matches = by_word[word] = self._match_word(word)
            for label, weight, a, b in matches:
                found.append((label, weight, start + a, start + b))
        if self._phrase_re is not None and self._may_hold_phrase(text, lowered):
            for match in self._phrase_re.finditer(lowered):
                for entry in self._phrases[match.group()]:
                    found.append((entry.label, entry.weight, match.start(), match.end()))
        return _longest(found) if len(found) > 1 else found

    def _may_hold_phrase(self, text: str, lowered: str) -> bool:
        """Whether `text` may hold a phrase; most texts hold none."""
        if self._phrase_heads is None:
            return any(phrase in lowered for phrase in self._phrase_list)
        text_words = words(text)
        return text_words is None or not self._phrase_heads.isdisjoint(text_words)

    def _match_word(self, word: str) -> tuple[_Match, ...]:
        """Matches inside one word, as (label, weight, start, end) relative to it.

        Their order decides between equal matches in `_longest`: whole words,
        then prefixes, suffixes and infixes, each longest first.
        """
        out: list[_Match] = []
        size = len(word)
        for entry in self._word.get(word, ()):
            out.append((entry.label, entry.weight, 0, size))
        if self._prefix:
            # A hyphen or slash starts a new word part ("Kita-Gebühren").
            part_starts = [0]
            if "-" in word or "/" in word:
                part_starts += [i + 1 for i, c in enumerate(word) if c in "-/"]
            for offset in part_starts:
                stems = self._prefix_at.get(word[offset : offset + _HEAD], self._short_prefixes)
                for stem, entries in stems:
                    if word.startswith(stem, offset):
                        end = offset + len(stem)
                        for entry in entries:
                            out.append((entry.label, entry.weight, offset, end))
        if self._suffix:
            stems = self._suffix_at.get(word[-_HEAD:], self._short_suffixes)
            for stem, entries in stems:
                if word.endswith(stem):
                    for entry in entries:
                        out.append((entry.label, entry.weight, size - len(stem), size))
        infix_at = self._infix_at
        if infix_at:
            for i in range(size - self._infix_reach):
                here = infix_at.get(word[i : i + _HEAD])
                if here is not None:
                    for stem, entries in here:
                        if word.startswith(stem, i):
                            for entry in entries:
                                out.append((entry.label, entry.weight, i, i + len(stem)))
        return tuple(out)


def _modifiers(text: str, matches: list[_Match]) -> set[int]:
    """The indexes of `matches` that a match of another label follows in the same compound.

    A compound is a word with its hyphen-joined parts ("Klimaschutz-Konzept");
    a slash separates words ("Rad/Fußverkehr" names two kinds of traffic).
    `matches` are leftmost-longest, so they do not overlap and come in order.
    """
    _, tokens = _words(text)
    ends = [(start, start + len(word), word) for start, word in tokens]
    out: set[int] = set()
    token = 0
    for index, (label, _, start, end) in enumerate(matches[:-1]):
        while token < len(ends) and ends[token][1] <= start:
            token += 1
        if token == len(ends) or ends[token][0] > start:
            continue  # a phrase's match begins between words
        word_start, word_end, word = ends[token]
        slash = word.find("/", end - word_start)
        compound_end = word_start + slash if slash >= 0 else word_end
        head = matches[index + 1]
        if head[2] >= end and head[3] <= compound_end and head[0] != label:
            out.add(index)
    return out


def _phrase_heads(phrases: list[str]) -> frozenset[str] | None:
    """The first words of `phrases`, or None where one does not begin with a word.

    A phrase begins after neither a word character nor a hyphen, and its
    first word ends before a space or sign, so that word stands alone in the
    text wherever the phrase does.
    """
    heads: set[str] = set()
    for phrase in phrases:
        head = _HEAD_WORD.match(phrase)
        if head is None or head.end() == len(phrase):
            return None
        heads.add(head.group())
    return frozenset(heads)


# Stems with their entries, longest first.
_Stems = tuple[tuple[str, list[Entry]], ...]


def _by_head(stems: dict[str, list[Entry]], *, at_end: bool = False) -> dict[str, _Stems]:
    """The stems that may match where a word goes on (or ends) with a given head.

    The heads are the stems' first (or last) `_HEAD` letters; a stem shorter
    than that is its own head and also matches where a head begins (or ends)
    with it.
    """
    groups: dict[str, dict[str, list[Entry]]] = {}
    for stem, entries in stems.items():
        groups.setdefault(stem[-_HEAD:] if at_end else stem[:_HEAD], {})[stem] = entries
    short = [(stem, entries) for stem, entries in stems.items() if len(stem) < _HEAD]
    for head, group in groups.items():
        for stem, entries in short:
            if head.endswith(stem) if at_end else head.startswith(stem):
                group[stem] = entries
    return {head: _longest_first(group) for head, group in groups.items()}


def _longest_first(stems: dict[str, list[Entry]]) -> _Stems:
    return tuple(sorted(stems.items(), key=lambda item: -len(item[0])))


def _short(stems: dict[str, list[Entry]]) -> _Stems:
    """The stems shorter than a head, longest first: they match where no head does."""
    return _longest_first({k: v for k, v in stems.items() if len(k) < _HEAD})


def _longest(hits: list[_Match]) -> list[_Match]:
    """Leftmost-longest matches, as a reader splits a compound into its parts.

    A match that overlaps a longer (or equally long, earlier) one is dropped;
    one stem listed under two labels keeps both.
    """
    hits.sort(key=lambda h: (h[2] - h[3], h[2]))
    kept: list[_Match] = []
    for hit in hits:
        label, _, start, end = hit
        clash = False
        for k in kept:
            if k[2] == start and k[3] == end:
                clash = k[0] == label
            elif k[2] < end and start < k[3]:
                clash = True
            if clash:
                break
        if not clash:
            kept.append(hit)
    kept.sort(key=lambda h: h[2])
    return kept


@cache
def load(filename: str) -> Lexicon:
    """A lexicon from the package's data directory, read once."""
    text = files("versprochen.extraction").joinpath(f"data/{filename}").read_text("utf-8")
    return Lexicon(filename, text)
