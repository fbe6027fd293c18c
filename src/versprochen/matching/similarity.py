"""Text similarity shared by merge, comparison and council-paper linking.

Texts are compared as sets of content tokens (the guideline's §8 tokens:
lower-cased word runs, stop words removed, cut to six characters), weighted by
how rare a token is in the collection at hand, so that words every passage of
a program shares ("Stadt", the party's name, "fordern") count for little.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import repeat

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from versprochen.matching.tokens import content_tokens as guideline_tokens
from versprochen.matching.tokens import token_f1

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")

__all__ = ["Profile", "TokenWeights", "content_tokens", "fuzzy_shared", "numbers", "token_f1"]

# Words of municipal policy that programs use interchangeably, as six-character
# tokens: common abbreviations and their long forms, and synonyms for fees.
EQUIVALENT = {
    "vhs": "volksh",
    "öpnv": "nahver",
    "spnv": "nahver",
    "ogs": "ganzta",
    "beitra": "gebühr",
    "beiträ": "gebühr",
    "entgel": "gebühr",
    "kitas": "kita",
}


def content_tokens(text: str) -> frozenset[str]:
    """The guideline's content tokens with equivalent words mapped to one form."""
    return frozenset(EQUIVALENT.get(t, t) for t in guideline_tokens(text))


def fuzzy_shared(a: frozenset[str], b: frozenset[str]) -> frozenset[str]:
    """Tokens of `a` found in `b`, allowing one typo in tokens of five or more letters
    ("Goverment" and "Government")."""
    shared = a & b
    unmatched = [token for token in a - b if len(token) >= 5]
    if not unmatched:
        return shared
    choices = [other for other in b if len(other) >= 5]
    typos = [
        token
        for token in unmatched
        if process.extractOne(token, choices, scorer=Levenshtein.distance, score_cutoff=1)
    ]
    return shared | frozenset(typos) if typos else shared


def typo_neighbours(vocabulary: Iterable[str]) -> dict[str, list[str]]:
    """For each word of five or more letters, the others one typo away (as `fuzzy_shared`).

    `fuzzy_shared(a, b)` holds a token of `a` missing from `b` exactly when `b`
    holds one of its neighbours. Two words are one edit apart when one is the
    other with a letter deleted, either way round, or both are the same with
    the letter at one place replaced: words meet on those keys, found in one
    pass over the vocabulary rather than by comparing every pair.
    """
    long_words = [w for w in set(vocabulary) if len(w) >= _MIN_TYPO_LENGTH]
    present = frozenset(long_words)
    by_key: dict[tuple[int, str], list[str]] = defaultdict(list)
    for word in long_words:
        # (k, cut): the word with letter k deleted.
        for k in range(len(word)):
            by_key[k, word[:k] + word[k + 1 :]].append(word)
    neighbours: dict[str, set[str]] = defaultdict(set)
    # Each key holds its cut once, so the deletions are not cut a second time.
    for (_, cut), group in by_key.items():
        if len(group) > 1:  # the same letter replaced at one place
            for word in group:
                neighbours[word].update(group)
        if cut in present:  # a letter of each word in `group` deleted
            for word in group:
                neighbours[word].add(cut)
                neighbours[cut].add(word)
    return {word: sorted(near - {word}) for word, near in neighbours.items() if near - {word}}


# Tokens shorter than this take no typo (`fuzzy_shared`).
_MIN_TYPO_LENGTH = 5


def numbers(text: str) -> frozenset[str]:
    """The numbers a text commits to, normalised ("1,5" and "1.5" are the same)."""
    return frozenset(n.replace(",", ".") for n in _NUMBER.findall(text))


@dataclass(frozen=True, slots=True)
class Profile:
    tokens: frozenset[str]
    numbers: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Profile:
        return cls(content_tokens(text), numbers(text))


class TokenWeights:
    """Inverse document frequency of tokens over one collection of passages."""

    def __init__(self, collection: Iterable[frozenset[str]]) -> None:
        counts: Counter[str] = Counter()
        size = 0
        for tokens in collection:
            counts.update(tokens)
            size += 1
        self._size = max(size, 1)
        self._counts = counts
        self._weights = {t: math.log((self._size + 1) / (n + 0.5)) for t, n in counts.items()}
        self._unseen = math.log((self._size + 1) / 0.5)

    def weight(self, token: str) -> float:
        return self._weights.get(token, self._unseen)

    def rare_tokens(self, limit: int) -> frozenset[str]:
        """Tokens found in at most `limit` passages of the collection."""
        return frozenset(t for t, n in self._counts.items() if n <= limit)

    def total(self, tokens: Iterable[str]) -> float:
        # Called for every pair of candidate statements: `map` keeps the loop in C.
        # `fsum` is exact, so the total does not depend on the order of a set,
        # which changes with the process's string hashing: a plain sum could put
        # an overlap just above a threshold in one run and below it in the next.
        return math.fsum(map(self._weights.get, tokens, repeat(self._unseen)))

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted overlap coefficient: the shared weight over the lighter side's weight."""
        if not a or not b:
            return 0.0
        lighter = min(self.total(a), self.total(b))
        return self.total(a & b) / lighter if lighter else 0.0


def best_match(
    profile: Profile, others: Sequence[Profile], weights: TokenWeights
) -> tuple[int, float]:
    """Index and weighted overlap of the most similar profile in `others` (-1 if none)."""
    best, score = -1, 0.0
    for index, other in enumerate(others):
        value = weights.overlap(profile.tokens, other.tokens)
        if value > score:
            best, score = index, value
    return best, score
