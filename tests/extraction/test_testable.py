"""The `testable` field: written sentences and what the coding should say of them."""

from __future__ import annotations

import pytest

from versprochen.extraction.code import code_text
from versprochen.extraction.coding import testable


@pytest.mark.parametrize(
    "text",
    [
        # An addition can be counted before and after.
        "zusätzliche Streifen des Ordnungsamtes am Wochenende",
        # Renewing, removing or speeding up leaves a visible or measured change.
        "die Bushaltestellen in den Stadtteilen modernisieren",
        "das Stadion erneuern",
        "die Schrottimmobilien am Bahnhof beseitigen",
        "Genehmigungsverfahren beschleunigen",
        "die Wartezeiten im Bürgerbüro verkürzen",
    ],
)
def test_counted_and_visible_changes_are_testable(text: str) -> None:
    assert code_text(text, ()).testable


@pytest.mark.parametrize(
    "text",
    [
        # Attitudes and ways of working together name no act.
        "die Polizisten in der Stadt wertschätzen",
        "junge Menschen für das Ehrenamt begeistern",
        "die Zusammenarbeit mit den Nachbarstädten vertiefen",
        "den Austausch mit den Vereinen intensivieren",
        "eine dezentrale Energieversorgung im Blick behalten",
        "dem Artensterben entgegentreten",
        "ein faires Miteinander im Straßenverkehr",
        "mehr Flexibilität beim Einsatz der Mitarbeitenden",
        "die Offenheit gegenüber neuen Ideen",
        # A direction spelt apart is still a direction.
        "die Seniorenarbeit in den Quartieren weiter entwickeln",
        "der Wettbewerb soll gestärkt werden",
        "flexiblere Regeln für Straßenfeste",
        # A capability is a quality.
        "die Zukunftsfähigkeit der Innenstadt sichern",
    ],
)
def test_attitudes_and_directions_are_not_testable(text: str) -> None:
    assert not code_text(text, ()).testable


@pytest.mark.parametrize(
    "text",
    [
        # A programme or a pact by its name can be looked up afterwards, even
        # when the words around it are vague.
        "Wir setzen uns dafür ein, dass sich die Stadt mit ihren Nachbarn auf einen "
        "„Wohnungspakt“ verständigt und die Zusammenarbeit stärkt",
    ],
)
def test_named_programmes_outweigh_vague_words(text: str) -> None:
    assert code_text(text, ()).testable


def test_a_public_body_by_its_kind_is_an_institution_not_a_proper_name() -> None:
    assert testable.is_institution("Volkshochschule")
    assert not testable.is_institution("Sodingen")


@pytest.mark.parametrize(
    ("text", "places", "expected"),
    [
        # A public body named by its kind does not turn a direction into a
        # measure ...
        ("die Stadtverwaltung stärken und weiterentwickeln", ("Stadtverwaltung",), False),
        # ... while a place by its proper name ties it down.
        ("den Stadtteil Sodingen stärken und weiterentwickeln", ("Sodingen",), True),
    ],
)
def test_institutions_weigh_less_than_proper_names(
    text: str, places: tuple[str, ...], expected: bool
) -> None:
    assert testable.code_testable(text, "action", (), places) is expected


@pytest.mark.parametrize(
    "text",
    [
        # A noun of measure at the head names the act; what it is for may be vague.
        "Einrichtung einer Wohnraumagentur zur Unterstützung und Stärkung beim Wohnungstausch",
        "Installation von Flaschenablagen an öffentlichen Mülleimern",
    ],
)
def test_a_leading_measure_outweighs_the_vague_purpose(text: str) -> None:
    assert code_text(text, ()).testable
