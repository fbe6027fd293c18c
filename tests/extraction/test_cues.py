"""cues: the folded patterns find what the case-insensitive ones find, at the same places."""

import re

import pytest

from versprochen.extraction import cues

PATTERN = r"\b(fordern|setz(?:en|t)\s+sich\b[^.]*?\bein|die\s+[a-zäöü]{3,}\s+sind\s+für)\b"


@pytest.mark.parametrize(
    "text",
    [
        "Die PIRATEN fordern mehr Radwege.",
        "Die Stadt SETZT SICH beim Land für Nachtbusse EIN.",
        "Die GRÜNEN sind für den Ausbau.",
        # "İ" lower-cases to two characters: the spans must not shift.
        "İstanbul-Partnerschaft: Die Stadt setzt sich für Austausch ein.",
        "Nichts davon.",
    ],
)
def test_folded_pattern_matches_like_ignorecase(text: str) -> None:
    folded = cues.Folded(PATTERN)
    plain = re.compile(PATTERN, re.IGNORECASE)
    assert [m.span() for m in folded.finditer(text)] == [m.span() for m in plain.finditer(text)]
    found, expected = folded.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_folded_pattern_must_be_lower_case() -> None:
    with pytest.raises(ValueError, match="lower case"):
        cues.Folded(r"\bWir\s+fordern\b")
    # Escapes such as \S and \W are not letters of the pattern.
    assert cues.Folded(r"\bwir\S*\W").search("WIR!") is not None


@pytest.mark.parametrize(
    "text",
    [
        "die Waldstrategie als Leitlinie, ergänzt durch den Gedanken der Biodiversität",
        "neue Sprachkurse für Zugewanderte, betreut von Ehrenamtlichen",
    ],
)
def test_a_participle_with_its_agent_after_a_comma_is_no_finite_verb(text: str) -> None:
    assert not cues.has_finite_verb(text)


def test_a_finite_verb_after_soweit_still_counts() -> None:
    assert cues.has_finite_verb("Wir entlasten Institute, soweit von ihnen geringe Risiken ausgeht")


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Bereit für morgen", False),
        ("Gemeinsam gegen", False),
        ("neue Radwege bauen", True),
        ("die Sporthalle saniert", True),
    ],
)
def test_an_adverb_or_preposition_in_en_ends_no_clause_in_a_verb(text: str, verb: bool) -> None:
    assert cues.ends_with_verb(text) is verb
