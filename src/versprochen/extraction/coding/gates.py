"""Large regexes that only try the alternatives a text has the words for.

The kind and quantity rules are alternations of dozens of case-insensitive
branches, and `re` tries every branch at every position of every statement,
although most statements contain none of the words any branch needs. Here each
top-level branch names the word parts that any match of it must contain. A
statement's words are looked up once, and only the branches whose parts are
all there are tried: a branch that cannot match anywhere in a text changes
nothing about what the others find, so the result is the full regex's.

A branch's needs are groups separated by spaces, all of which must be met;
a group lists `|`-separated options, one of which is enough:

* `prüf`   a part of any word ("Überprüfung");
* `=ob`    a whole word: the branch has it between word boundaries;
* `#`      a word with a digit (`\\d`).

Needs are lower case: they are looked up in the lower-cased text. A need
must hold for every text a branch can match: change a branch's needs with
the branch, or it silently stops matching where they are missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set
from functools import lru_cache

_DIGIT = "#"
_EMPTY: frozenset[str] = frozenset()
# Lower-casing keeps the words and positions a case-insensitive regex sees,
# except that "İ" becomes two characters and `re` matches "ı" as "i" and "ſ"
# as "s": where they occur, every branch is tried.
_UNFOLDED = re.compile("[İıſ]")
_WORD = re.compile(r"\w+")
_HAS_DIGIT = re.compile(r"\d")
_PART_HEAD = 2
# Words seen across documents; the cache starts over beyond this.
_MAX_WORDS = 1 << 17

_Need = tuple[frozenset[str], ...]


# The lexicons and gated regexes of detect and code ask for the words and cues
# of the same statements in turn; both are pure functions of the text. (One
# cache each: `forget_texts` and `_Cues.add` empty it.)
@lru_cache(maxsize=1 << 14)
def words(text: str) -> frozenset[str] | None:
    """The distinct lower-cased words of `text`; None where lower case misleads."""
    if _UNFOLDED.search(text) is not None:
        return None
    return frozenset(_WORD.findall(text.lower()))


def _parse_need(need: str) -> _Need:
    groups = tuple(frozenset(group.split("|")) for group in need.split())
    if not groups or any(not option for group in groups for option in group):
        raise ValueError(f"empty need: {need!r}")
    for option in (o for group in groups for o in group):
        if option != _DIGIT and (not re.fullmatch(r"=?\w+", option) or option != option.lower()):
            raise ValueError(f"a need is lower-case word characters: {option!r}")
    return groups


class Parts:
    """Which of some strings occur in a word, looked up by their first two letters."""

    def __init__(self, parts: frozenset[str] = frozenset()) -> None:
        self.parts = parts
        heads: dict[str, list[str]] = {}
        for part in sorted(parts):
            if len(part) >= _PART_HEAD:
                heads.setdefault(part[:_PART_HEAD], []).append(part)
        # Most places in a word begin no part at all.
        self._at = {head: tuple(found) for head, found in heads.items()}
        self._short = tuple(part for part in parts if len(part) < _PART_HEAD)

    def find(self, word: str) -> list[str]:
        found = [part for part in self._short if part in word]
        at = self._at
        for i in range(len(word) - 1):
            here = at.get(word[i : i + _PART_HEAD])
            if here is not None:
                found += (part for part in here if word.startswith(part, i))
        return found


class _Cues:
    """Every gated regex's cues, and which of them each word has."""

    def __init__(self) -> None:
        self.parts = Parts()
        self.whole: frozenset[str] = frozenset()
        self.digit = False
        self.by_word: dict[str, frozenset[str]] = {}

    def add(self, cues: frozenset[str]) -> None:
        self.parts = Parts(self.parts.parts | {c for c in cues if c[0] not in "=#"})
        self.whole |= {c[1:] for c in cues if c.startswith("=")}
        self.digit = self.digit or _DIGIT in cues
        # What words and texts had was found without the new cues.
        self.by_word.clear()
        text_cues.cache_clear()

    def scan(self, word: str) -> frozenset[str]:
        found = self.parts.find(word)
        if word in self.whole:
            found.append("=" + word)
        if self.digit and _HAS_DIGIT.search(word) is not None:
            found.append(_DIGIT)
        return frozenset(found) if found else _EMPTY


_CUES = _Cues()


@lru_cache(maxsize=1 << 14)
def text_cues(text: str) -> frozenset[str] | None:
    """The cues of every gated regex that `text` has; None: try every branch."""
    text_words = words(text)
    if text_words is None:
        return None
    found: set[str] = set()
    by_word = _CUES.by_word
    for word in text_words:
        word_cues = by_word.get(word)
        if word_cues is None:
            if len(by_word) >= _MAX_WORDS:
                by_word.clear()
            word_cues = by_word[word] = _CUES.scan(word)
        if word_cues:
            found |= word_cues
    return frozenset(found)


class Gated:
    """A regex of top-level branches, each with the words any match of it needs.

    `pattern` is the whole alternation, as it would be written without gates.
    """

    def __init__(self, *branches: tuple[str, str], flags: int = 0, wrap: bool = False) -> None:
        # `wrap` groups each branch, for branches with a top-level `|` of their own.
        self._branches = tuple(f"(?:{p})" if wrap else p for p, _ in branches)
        self._flags = flags
        self.pattern = re.compile("|".join(self._branches), flags)
        self._needs = tuple(_parse_need(need) for _, need in branches)
        # The first group decides which branches a text may open at all, so
        # it should be the rarest: "=ob realisierbar|machbar", not "=zu ...".
        self._by_first: dict[str, list[int]] = {}
        for index, need in enumerate(self._needs):
            for option in need[0]:
                self._by_first.setdefault(option, []).append(index)
        self._subsets: dict[tuple[int, ...], re.Pattern[str]] = {}
        _CUES.add(self.cues)

    @property
    def branches(self) -> tuple[str, ...]:
        """The top-level branches, each a pattern of its own (for checks of one branch)."""
        return self._branches

    @property
    def cues(self) -> frozenset[str]:
        return frozenset(option for need in self._needs for group in need for option in group)

    def search(self, text: str, present: Set[str] | None, pos: int = 0) -> re.Match[str] | None:
        """`pattern.search(text, pos)`; `present` are the text's `text_cues`."""
        regex = self._regex(present)
        return regex.search(text, pos) if regex is not None else None

    def finditer(self, text: str, present: Set[str] | None) -> Iterator[re.Match[str]]:
        """`pattern.finditer(text)`; `present` are the text's `text_cues`."""
        regex = self._regex(present)
        return regex.finditer(text) if regex is not None else iter(())

    def _regex(self, present: Set[str] | None) -> re.Pattern[str] | None:
        if present is None:
            return self.pattern
        candidates: set[int] = set()
        for cue in present:
            opened = self._by_first.get(cue)
            if opened is not None:
                candidates.update(opened)
        if not candidates:
            return None
        needs = self._needs
        chosen = tuple(
            sorted(i for i in candidates if all(not present.isdisjoint(g) for g in needs[i][1:]))
        )
        if not chosen:
            return None
        regex = self._subsets.get(chosen)
        if regex is None:
            regex = re.compile("|".join(self._branches[i] for i in chosen), self._flags)
            self._subsets[chosen] = regex
        return regex
