"""Spaces a PDF converter put inside words, closed where the document shows them."""

from __future__ import annotations

import pytest

from versprochen.extraction.furniture import Line
from versprochen.extraction.spacing import repair_spacing


def repaired(*texts: str) -> list[str]:
    lines = [Line(text, 1) for text in texts]
    repair_spacing(lines)
    return [line.text for line in lines]


def test_a_capital_initial_joins_the_rest_of_its_word() -> None:
    out = repaired("Wir fördern T eilzeit in der Verwaltung.", "Teilhabe für alle.")
    assert out[0] == "Wir fördern Teilzeit in der Verwaltung."


def test_a_capital_letter_before_a_word_of_the_document_stays_a_letter() -> None:
    # "Cerm..." starts a word of the document, but "ermöglichen" is one.
    out = repaired(
        "Mit Vitamin C ermöglichen wir gesunde Kost.",
        "Wir ermöglichen Sport. Cermets sind Werkstoffe.",
    )
    assert out[0] == "Mit Vitamin C ermöglichen wir gesunde Kost."


def test_a_capital_letter_stays_where_the_joined_word_starts_no_word_of_the_document() -> None:
    # "ermöglicht" stands once, but no word of the document starts with "Cerm".
    out = repaired("Mit Vitamin C ermöglicht die Küche gesunde Kost.")
    assert out == ["Mit Vitamin C ermöglicht die Küche gesunde Kost."]


def test_a_head_right_after_a_short_word_is_found() -> None:
    out = repaired("Es zei gt sich, dass die Stadt zeigt, was sie kann.")
    assert out == ["Es zeigt sich, dass die Stadt zeigt, was sie kann."]


def test_a_short_head_joins_the_rest_where_the_whole_is_a_word_of_the_document() -> None:
    out = repaired(
        "Hecken od er Totholz, die Woh ngesellschaft gründen",
        "Wiesen oder Wälder und eine Wohngesellschaft",
    )
    assert out[0] == "Hecken oder Totholz, die Wohngesellschaft gründen"


@pytest.mark.parametrize(
    "text",
    [
        # A function word is a word, even where it stands once.
        "Wer den Rat wählt, wählt auch werden und sein.",
        # A capital alone before a word is left to the rule of initials.
        "Das A und O der Stadt ist Oder und Rhein.",
        # A head that stands elsewhere in the document is a word of it.
        "Die EU fördert, die EU ist und die EUist.",
        # So is a rest that is a content word of the document elsewhere.
        "Wir wollen, dass Kinder sicher Rad fahren. Radfahren ist gesund, wir fahren gern.",
    ],
)
def test_real_short_words_keep_their_space(text: str) -> None:
    assert repaired(text) == [text]


@pytest.mark.parametrize(
    ("text", "closed"),
    [
        ("Das BB -OL fordert", "Das BB-OL fordert"),
        ("flexible Sharing -Angebote", "flexible Sharing-Angebote"),
        ("die Park -and-Ride-Plätze", "die Park-and-Ride-Plätze"),
        ("eine 100 -prozentige Finanzierung", "eine 100-prozentige Finanzierung"),
        ("im Kinder -, Jugend- und Sportbereich", "im Kinder-, Jugend- und Sportbereich"),
        # A hyphen that opens the second part of a suspended compound stays.
        ("Haus- und Kinderärztinnen und -ärzte", "Haus- und Kinderärztinnen und -ärzte"),
        ("des Landesbeirats und des -Beirats", "des Landesbeirats und des -Beirats"),
        ("Netzwerke und -Hubs", "Netzwerke und -Hubs"),
    ],
)
def test_a_hyphen_with_a_space_only_before_it_joins_its_sides(text: str, closed: str) -> None:
    assert repaired(text) == [closed]
