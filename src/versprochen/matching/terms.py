"""Index terms of German text for ranking: lemmas and the parts of compounds.

A pledge says "Radwege" and the motion "Radwegenetz", "Radverkehrskonzept"; the
administration's statement says "Parkplätzen" where the motion said
"Parkplatz". Terms are therefore lemmas (simplemma), and a compound adds its
known head and its known first part as terms of their own, so that the words
of a pledge meet the longer words of the council's papers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

import simplemma

from versprochen.matching.tokens import stopwords

__all__ = [
    "REFERENCE",
    "WORD",
    "quantities",
    "reference_terms",
    "term_counts",
    "terms",
    "token_terms",
    "word_terms",
]

# A letter-led word run; digits inside ("B10", "U5") stay part of the word.
WORD = re.compile(r"[^\W\d_][\w]*(?:-[\w]+)*")
# A paper's reference as councils write it: "2024/0294", "VO/2023/118", "0815/2022",
# and its follow-ups "2024/0294/1" (the statement on it, an amendment).
REFERENCE = re.compile(r"(?<![\w/])(?:[A-ZÄÖÜ]{1,6}/)?(\d{2,4}/\d{2,5})(/\d{1,2})?(?![\w/])")
# A number with its unit or counted noun: "1.000 Wohnungen", "30 km/h", "5 Mio. Euro".
_QUANTITY = re.compile(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\d/])")
_MIN_WORD = 3
_MIN_PART = 4
# Linking elements between the parts of a compound ("Verkehr-s-konzept").
_LINKS = ("s", "es", "n", "en", "er", "e")


@lru_cache(maxsize=1)
def _stop() -> frozenset[str]:
    return stopwords()


@lru_cache(maxsize=262144)
def _lemma(word: str) -> str:
    return str(simplemma.lemmatize(word, lang="de")).lower()


@lru_cache(maxsize=262144)
def _known_noun(word: str) -> bool:
    return bool(simplemma.is_known(word.capitalize(), lang="de"))


@lru_cache(maxsize=262144)
def _compound_parts(lemma: str) -> tuple[str, ...]:
    """The known head and first part of a compound lemma ("radverkehrskonzept" ->
    "konzept", "radverkehr"), or nothing for a word that is not one."""
    if len(lemma) < 2 * _MIN_PART:
        return ()
    for i in range(_MIN_PART, len(lemma) - _MIN_PART + 1):
        head = lemma[i:]
        if not _known_noun(head):
            continue
        parts = [_lemma(head.capitalize())]
        modifier = lemma[:i]
        for stem in (modifier, *(modifier.removesuffix(k) for k in _LINKS)):
            if len(stem) >= _MIN_PART and _known_noun(stem):
                parts.append(_lemma(stem.capitalize()))
                break
        return tuple(parts)
    return ()


@lru_cache(maxsize=262144)
def word_terms(word: str) -> tuple[str, ...]:
    """The terms of one word as written: its lemma and its compound parts."""
    lower = word.lower()
    if len(lower) < _MIN_WORD or lower in _stop():
        return ()
    if "-" in word:
        # "Kita-Gebühren", "Rhein-Herne-Kanal": each part and the whole.
        out = [t for part in word.split("-") for t in word_terms(part)]
        return (lower.replace("-", ""), *out)
    lemma = _lemma(word)
    if lemma in _stop():
        return ()
    return (lemma, *_compound_parts(lemma))


def terms(text: str) -> Iterator[str]:
    """The index terms of `text` in order, repeated as often as they occur."""
    for token in text.split():
        yield from token_terms(token)


def term_counts(text: str) -> Counter[str]:
    """How often each index term occurs in `text` (as `Counter(terms(text))`, faster:
    each distinct token is looked up once)."""
    counts: Counter[str] = Counter()
    for token, n in Counter(text.split()).items():
        for term in token_terms(token):
            counts[term] += n
    return counts


@lru_cache(maxsize=524288)
def token_terms(token: str) -> tuple[str, ...]:
    """The terms of one token between spaces as written ("(Radwege),", "2024/0294")."""
    found = [t for word in WORD.findall(token) for t in word_terms(word)]
    if "/" in token:
        for match in REFERENCE.finditer(token):
            first, second = match.group(1).split("/")
            if match.group(2) or not _years(first, second):
                found.extend(reference_terms(match.group()))
    return tuple(found)


def _years(first: str, second: str) -> bool:
    """Whether "2024/2025" or "2024/25" is a span of years, not a reference."""
    if len(first) != 4 or not first.startswith(("19", "20")):
        return False
    return int(second) == int(first) + 1 or (
        len(second) == 2 and int(second) == (int(first) + 1) % 100
    )


def reference_terms(reference: str) -> tuple[str, ...]:
    """Terms for a paper's reference, however it is prefixed ("VO/2024/0294" and
    "2024/0294" are the same paper within one body): the reference, and for a
    follow-up ("2024/0294/1") also the reference of the paper it follows. The
    reference as written is a term of its own ("=..."), so that a mention of the
    first paper is not a mention of all its follow-ups."""
    match = REFERENCE.search(reference)
    if match is None:
        plain = reference.strip().lower()
        return ("#" + plain,) if plain else ()
    base = "#" + "/".join(part.lstrip("0") or "0" for part in match.group(1).split("/"))
    return (base, "=" + base[1:] + (match.group(2) or ""))


def quantities(text: str) -> frozenset[str]:
    """The numbers of `text` as values ("1.000" and "1000" alike; "2,5" -> "2.5"),
    years and single digits left out: they match every paper."""
    found = set()
    for whole, fraction in _QUANTITY.findall(text):
        value = whole.replace(".", "") + ("." + fraction if fraction else "")
        if len(value) < 2 or (len(value) == 4 and value[:2] in ("19", "20")):
            continue
        found.add(value)
    return frozenset(found)
