"""Terms of a pledge for comparing pledges with each other (program versus agreement).

The terms are `matching.terms`' lemmas and compound parts, with two additions for
how German states the same commitment in different grammar:

* a separable verb split by the clause is joined again: "Wir schaffen den Soli
  ab" holds "abschaffen", as "Wir werden den Soli abschaffen" does;
* a verb and its noun in -ung share one stem term: "abschaffen" and "Abschaffung"
  both give "~abschaff", "fördern" and "Förderung" both "~förder".

Compound parts are taken from nouns only: the parts a verb or adjective seems to
have ("verlängern" -> "gern") are accidents of spelling.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import simplemma

from versprochen.matching.terms import WORD, word_terms

__all__ = ["pledge_terms"]

# Particles that a main clause moves to its end ("schaffen ... ab", "setzen uns ... ein").
PARTICLES = frozenset(
    [
        "ab",
        "an",
        "auf",
        "aus",
        "bei",
        "ein",
        "fest",
        "fort",
        "her",
        "hervor",
        "dar",
        "durch",
        "um",
        "heraus",
        "hin",
        "hinzu",
        "los",
        "mit",
        "nach",
        "vor",
        "voran",
        "vorbei",
        "weg",
        "weiter",
        "zu",
        "zurück",
        "zusammen",
    ]
)
# What ends the clause a particle closes: punctuation, or a conjunction that starts
# the next clause ("Wir schaffen X ab und führen Y ein").
_CLAUSE_END = re.compile(r"[.;:!?,()\"„“]")
_NEXT_CLAUSE = frozenset({"und", "oder", "sowie", "sondern", "aber"})
# A stem shorter than this is too ambiguous to stand for a verb and its noun.
_MIN_STEM = 4
# Word endings that the dictionary knows as words of their own: as compound parts
# ("Partnerschaft" -> "schaft") they say nothing about the topic.
_SUFFIXES = frozenset({"schaft", "ismus", "heit", "keit", "tion", "hung", "lichkeit"})


@lru_cache(maxsize=65536)
def _joined_verb(particle: str, word: str) -> str | None:
    """The separable verb of `particle` and the finite verb `word`, if German has it."""
    lemma = str(simplemma.lemmatize(word, lang="de")).lower()
    if not lemma.endswith("n"):
        return None
    joined = particle + lemma
    return joined if simplemma.is_known(joined, lang="de") else None


@lru_cache(maxsize=262144)
def _stem(term: str, lowercase_word: bool) -> str:
    """The stem a verb shares with its noun in -ung, as a term of its own; other
    terms as they are."""
    if term.endswith("ung"):
        stem = term[:-3]
    elif lowercase_word and term.endswith(("ern", "eln")):
        stem = term[:-1]
    elif lowercase_word and term.endswith("en"):
        stem = term[:-2]
    else:
        return term
    return "~" + stem if len(stem) >= _MIN_STEM else term


def _word_terms(word: str) -> list[str]:
    found = word_terms(word)
    lowercase = word[0].islower()
    if "-" not in word and found:
        if lowercase:
            found = found[:1]
        else:
            found = found[:1] + tuple(part for part in found[1:] if part not in _SUFFIXES)
    return [_stem(term, lowercase) for term in found]


def pledge_terms(text: str) -> Counter[str]:
    """How often each term occurs in the pledge `text`."""
    counts: Counter[str] = Counter()
    for part in _CLAUSE_END.split(text):
        words = WORD.findall(part)
        found = [_word_terms(word) for word in words]
        for i, word in enumerate(words):
            closes = i + 1 == len(words) or words[i + 1].lower() in _NEXT_CLAUSE
            if closes and word in PARTICLES:
                joined = _particle_verb(word, words[:i])
                if joined:
                    # The verb's own meaning is gone: "schaffen" alone is its opposite.
                    position, verb = joined
                    found[position] = [_stem(verb, True)]
        for terms in found:
            counts.update(terms)
    return counts


def _particle_verb(particle: str, clause: list[str]) -> tuple[int, str] | None:
    """The verb the clause-final `particle` belongs to and where it stands: the
    nearest lower-case word before it that forms a known separable verb with it."""
    for position in range(len(clause) - 1, -1, -1):
        word = clause[position]
        if word[0].islower():
            verb = _joined_verb(particle, word)
            if verb:
                return position, verb
    return None
