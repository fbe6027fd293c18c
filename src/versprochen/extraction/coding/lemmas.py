"""German word forms: whether a word is known, and whether it is a compound of known words.

The `places` field tells names from ordinary nouns by them: German capitalises
every noun, so a capital alone does not mark a name, but a word that the
lemma list does not know, and that is no compound of words it knows, is one.
"""

from __future__ import annotations

import itertools
import operator
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
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
    return str(_lemmatize()(word))


@cache
def _lemmatize() -> Callable[[str], str]:
    """simplemma's German lemmatiser, over the dictionary `known` reads anyway.

    simplemma's own first use decodes every form and lemma into a dict (about
    two seconds); the same lookups over the forms read for `known`, with each
    lemma decoded when asked for, give the same lemmas at a fraction of that.
    """
    try:
        from simplemma import Lemmatizer
        from simplemma.strategies.default import DefaultStrategy

        dictionary = _FrontCodedMapping(_read_dictionary("de"))
    except (ImportError, AttributeError, LookupError, TypeError, ValueError):
        return lambda word: str(simplemma.lemmatize(word, lang="de"))
    strategy = DefaultStrategy(dictionary_factory=_OneDictionary(dictionary))
    lemmatizer = Lemmatizer(lemmatization_strategy=strategy)
    return lambda word: str(lemmatizer.lemmatize(word, lang="de"))


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

        forms = _read_dictionary("de").forms
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


@dataclass(frozen=True, slots=True)
class _FrontCoded:
    """simplemma's front-coded dictionary, its forms decoded, its lemmas where they lie.

    A record may say "same lemma as the one before"; `spelt` lists the forms
    whose record spells its lemma out, `lemma_at` where that lemma begins in
    `data`. The lemma of a form is that of the last such form up to it.
    """

    data: bytes
    forms: list[bytes]
    spelt: array[int]
    lemma_at: array[int]

    def lemma(self, key: bytes) -> bytes | None:
        i = bisect_left(self.forms, key)
        if i == len(self.forms) or self.forms[i] != key:
            return None
        from simplemma.strategies.dictionaries import frontcode

        k = bisect_right(self.spelt, i) - 1
        owner, pos = self.spelt[k], self.lemma_at[k]
        trim = self.data[pos]
        length, pos = frontcode._read_varint(self.data, pos + 1)
        rest = self.data[pos : pos + length]
        if trim == frontcode._LITERAL_VALUE:
            return rest
        spelt = self.forms[owner]
        return spelt[: len(spelt) - trim] + rest


class _FrontCodedMapping(Mapping[str, str]):
    """The dictionary as simplemma's strategies look words up in it."""

    def __init__(self, dictionary: _FrontCoded) -> None:
        self._dictionary = dictionary

    def get(self, key: str, default: object = None) -> str | None:  # type: ignore[override]
        value = self._dictionary.lemma(key.encode())
        return value.decode() if value is not None else default  # type: ignore[return-value]

    def __getitem__(self, key: str) -> str:
        value = self.get(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return (form.decode() for form in self._dictionary.forms)

    def __len__(self) -> int:
        return len(self._dictionary.forms)


@dataclass(frozen=True, slots=True)
class _OneDictionary:
    """A simplemma dictionary factory that holds the German dictionary only."""

    dictionary: Mapping[str, str]

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        if lang != "de":
            raise ValueError(f"only the German dictionary is loaded, not {lang!r}")
        return self.dictionary


def _read_forms(lang: str) -> list[bytes]:
    """The sorted word forms of simplemma's dictionary for `lang`."""
    return _read_dictionary(lang).forms


@cache
def _read_dictionary(lang: str) -> _FrontCoded:
    """simplemma's front-coded dictionary for `lang`: its forms, and where their lemmas lie.

    Each record holds how many leading bytes the form shares with the one
    before, the rest of the form, and the lemma (or a mark that it is the
    lemma of the record before), which is only skipped here.
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
    spelt, lemma_at = array("l"), array("q")
    add_spelt, add_lemma_at = spelt.append, lemma_at.append
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
                add_spelt(len(forms) - 1)
                add_lemma_at(end)
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
    # The first record has no record before it to share a lemma with.
    first_spelt = not forms or (len(spelt) > 0 and spelt[0] == 0)
    if len(forms) != count or pos != size or not ordered or not first_spelt:
        raise ValueError("unexpected dictionary layout")
    return _FrontCoded(data, forms, spelt, lemma_at)


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
