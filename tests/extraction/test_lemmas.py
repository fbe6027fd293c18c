from __future__ import annotations

import simplemma

from versprochen.extraction.coding import lemmas

WORDS = [
    "Hochschulen",
    "Flüchtlingen",
    "Radwege",
    "gebaut",
    "Bürgerbahnhofes",
    "Kita-Gebühren",
    "Hallenbäder",
    "Oldenburger",
    "Herne",
    "stärken",
    "Wir",
    "d'Artagnan",
]


def test_lemmas_read_with_the_forms_are_simplemmas_own() -> None:
    # The dictionary is read once for `known` and `lemma_of`; its lemmas must be
    # the ones simplemma's own (slower to load) lookup gives.
    lemmatize = lemmas._lemmatize()
    assert [lemmatize(w) for w in WORDS] == [simplemma.lemmatize(w, lang="de") for w in WORDS]


def test_a_form_missing_from_the_dictionary_has_no_lemma_there() -> None:
    dictionary = lemmas._read_dictionary("de")
    assert dictionary.lemma(b"Hochschulen") == b"Hochschule"
    assert dictionary.lemma(b"Xqzvrtplk") is None
