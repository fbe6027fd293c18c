"""German word forms: whether a word is known, and whether it is a compound of known words.

The `places` field tells names from ordinary nouns by them: German capitalises
every noun, so a capital alone does not mark a name, but a word that the
lemma list does not know, and that is no compound of words it knows, is one.
"""

from __future__ import annotations

import itertools
import operator
from bisect import bisect_left
from collections.abc import Callable
from functools import cache, lru_cache

import simplemma

_MIN_COMPOUND_HEAD = 5
# A first part this long may be a compound itself.
_MIN_COMPOUND_MODIFIER = 6


@lru_cache(maxsize=65536)
def known(word: str) -> bool:
    """Whether simplemma's German dictionary has `word`, as written or with its case turned."""
    return _german()(word)


@lru_cache(maxsize=65536)
def lemma_of(word: str) -> str:
    """simplemma's German lemma of `word`, in the case it gives ("Hochschulen" -> "Hochschule")."""
    return str(simplemma.lemmatize(word, lang="de"))


def genitive_forms(word: str) -> set[str]:
    """`word` as written and without a genitive "s" or "es" ("des Bürgerhauses", "Rats")."""
    return {word, word.removesuffix("s"), word.removesuffix("es")}


def _simplemma_known(word: str) -> bool:
    return bool(simplemma.is_known(word, lang="de"))


@cache
def _german() -> Callable[[str], bool]:
    """`simplemma.is_known(word, lang="de")`, with its dictionary read faster.

    On first use simplemma decodes its 1.1 million German word forms and
    their lemmas into a dict, which takes most of a second of start-up. Only
    the forms are needed here, and reading just them into a sorted list takes
    half as long. Where the installed simplemma stores its dictionary
    differently, its own lookup is used.
    """
    try:
        from simplemma.utils import apostrophe_variants, has_apostrophe, normalize_token

        forms = _read_forms("de")
    except (ImportError, AttributeError, LookupError, TypeError, ValueError):
        return _simplemma_known

    def has(form: str) -> bool:
        turned = form.lower() if form[:1].isupper() else form.capitalize()
        return _has(forms, form.encode()) or _has(forms, turned.encode())

    def known(word: str) -> bool:
        # simplemma's lookup: the NFC form, with the first letter's case as
        # written and turned, then each other way of writing an apostrophe.
        token = normalize_token(word)
        if has(token):
            return True
        return has_apostrophe(token) and any(map(has, apostrophe_variants(token)[1:]))

    return known


def _has(forms: list[bytes], key: bytes) -> bool:
    i = bisect_left(forms, key)
    return i < len(forms) and forms[i] == key


def _read_forms(lang: str) -> list[bytes]:
    """The sorted word forms of simplemma's front-coded dictionary for `lang`.

    Each record holds how many leading bytes the form shares with the one
    before, the rest of the form, and the lemma, which is skipped.
    """
    from simplemma.strategies.dictionaries import dictionary_factory, frontcode

    data: bytes = dictionary_factory._read_decompressed(lang)
    reverse, count, pos = frontcode._read_header(data)
    if reverse:
        raise ValueError("reversed keys")
    same_lemma: int = frontcode._SAME_AS_PREV
    varint = frontcode._read_varint
    forms: list[bytes] = []
    add = forms.append
    form = b""
    size = len(data)
    try:
        while pos < size:
            shared = data[pos]
            if shared < 0x80:
                pos += 1
            else:
                shared, pos = varint(data, pos)
            length = data[pos]
            if length < 0x80:
                pos += 1
            else:
                length, pos = varint(data, pos)
            end = pos + length
            form = form[:shared] + data[pos:end]
            add(form)
            pos = end + 1
            if data[end] != same_lemma:
                length = data[pos]
                if length < 0x80:
                    pos += 1 + length
                else:
                    length, pos = varint(data, pos)
                    pos += length
    except IndexError:
        raise ValueError("truncated dictionary") from None
    # Lookups bisect: the order is checked once rather than trusted.
    ordered = all(map(operator.lt, forms, itertools.islice(forms, 1, None)))
    if len(forms) != count or pos != size or not ordered:
        raise ValueError("unexpected dictionary layout")
    return forms


def first_part_forms(modifier: str) -> set[str]:
    """The first part of a compound with and without a linking "s" or "n".

    "Antriebs-art", "Wachstums-umfeld" (Bund 2021, Oldenburg Grüne 2026):
    the first part is "Antrieb", "Wachstum" once its linking "s" is gone.
    """
    return {modifier, modifier.removesuffix("s"), modifier.removesuffix("n")}


@lru_cache(maxsize=65536)
def compound_of_known(word: str) -> bool:
    """Whether `word` is an ordinary compound: it ends in a known noun.

    "Klimaschutzsiedlung", "Inklusionsarbeit", "Nachtbuslinien". A head of
    four letters also needs a known first part, as short heads end names too
    ("Wol-beck", Münster SPD 2014).
    """
    lower = word.lower()
    for i in range(3, len(lower) - _MIN_COMPOUND_HEAD + 2):
        head = lower[i:]
        if not known(head.capitalize()):
            continue
        if len(head) >= _MIN_COMPOUND_HEAD:
            return True
        stems = first_part_forms(lower[:i])
        if any(known(m.capitalize()) for m in stems if len(m) >= 3):
            return True
        # A first part that is a compound itself: "Stromgebots-zone",
        # "Markthoch-lauf" (Bund 2025).
        if any(compound_of_known(m) for m in stems if len(m) >= _MIN_COMPOUND_MODIFIER):
            return True
    return False


@cache
def _english_forms() -> list[bytes]:
    """The word forms of simplemma's English dictionary.

    `english_word` tells English terms from names by them: without them the
    rule would silently say no word is English, so a dictionary that cannot
    be read is an error, not an empty list.
    """
    try:
        return _read_forms("en")
    except (ImportError, AttributeError, LookupError, TypeError, ValueError, OSError) as error:
        raise RuntimeError(
            "cannot read simplemma's English dictionary, which the places field needs "
            f"to tell English terms from names ({type(error).__name__}: {error}); "
            "install a simplemma version that stores its dictionaries front-coded"
        ) from error


@lru_cache(maxsize=65536)
def english_word(word: str) -> bool:
    """Whether simplemma's English dictionary has `word` in lower case: a common English word.

    Names of places are written with a capital there ("Paris", "Boston"), so
    "light", "privacy" and "sharing" are found, "Windhoek" is not.
    """
    return _has(_english_forms(), word.lower().encode())
