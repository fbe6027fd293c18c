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
        # Every district can be counted off ("jedem" like "jeden", "alle"); turning a
        # named thing digital is done or not.
        "möglichst in jedem Stadtbezirk einen Jugendraum schaffen",
        "die Meldeverfahren möglichst digitalisieren",
        # Standing by a promise or by keeping something restates the pledge.
        "Wir stehen zum Erhalt des Hallenbads Nord",
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
        "eine regionale Wärmeversorgung im Blick behalten",
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
        # Standing by a principle is a stance; less bureaucracy has no measure.
        "Wir stehen zur Sozialen Marktwirtschaft",
        "Bürokratie in den Ämtern abbauen",
    ],
)
def test_attitudes_and_directions_are_not_testable(text: str) -> None:
    assert not code_text(text, ()).testable


@pytest.mark.parametrize(
    "text",
    [
        # A programme or a pact by its name can be looked up afterwards, even
        # when the words around it are vague.
        "Wir möchten, dass der Kreis mit den Nachbarkreisen einen „Radwegepakt“ schließt "
        "und die Zusammenarbeit stärkt",
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
        ("Wir stärken und verbessern das Jobcenter", ("Jobcenter",), False),
        # ... while a place by its proper name ties it down (unless the
        # direction is the pledge's only act at its end: see
        # test_a_trailing_direction_is_vague).
        ("Wir stärken und verbessern den Stadtteil Sodingen", ("Sodingen",), True),
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


@pytest.mark.parametrize(
    "text",
    [
        "Verstärkung der Zusammenarbeit mit den Nachbarstädten",
        "Intensivierung der Jugendarbeit in den Quartieren",
        "Vertiefung der Partnerschaft mit der Hochschule",
    ],
)
def test_a_leading_noun_of_direction_is_vague(text: str) -> None:
    assert not code_text(text, ()).testable


@pytest.mark.parametrize(
    "text",
    [
        # The direction at the end is the only act, whatever it names.
        "die Jugendzentren in den Stadtteilen weiter stärken",
        "die Musikvereine und Chöre unterstützen",
        "Der Städtepartnerschaftsverein soll weiter gefördert werden",
        "die Digitalisierung der Schulen voranbringen",
        # ... or at the end of its main clause.
        "die Sportvereine unterstützen, ob im Breitensport oder in der Jugendarbeit",
        "die Stadtteilbibliotheken stärken; sie sind Orte der Begegnung",
        # Raising a quality at the end is a direction as well.
        "Wir wollen die Sicherheit auf den Schulwegen erhöhen",
        "Die Barrierefreiheit der Bushaltestellen muss ausgebaut werden",
    ],
)
def test_a_trailing_direction_is_vague(text: str) -> None:
    assert testable.is_trailing_direction(text)
    assert not code_text(text, ()).testable


@pytest.mark.parametrize(
    "text",
    [
        # A headline before it: the direction is one item of a list.
        "Sport: die Vereine weiter unterstützen",
        # A concrete act beside it.
        "ein Jugendzentrum in der Nordstadt bauen und fördern",
        # The means it is done by.
        "die Vereine durch einen jährlichen Zuschuss unterstützen",
        "die Musikschule mit einem eigenen Etat fördern",
        # A refusal.
        "Großprojekte ohne Bürgerbeteiligung wollen wir nicht fördern",
        # A conversion into something new.
        "die Umwandlung von leeren Büros in Wohnungen fördern",
        "die alte Post zu einem Bürgerhaus weiterentwickeln",
        # Staff can be counted.
        "das Ordnungsamt personell stärken",
        # Keeping a thing beside it.
        "das Freibad erhalten und weiterentwickeln",
        # A measure as the thing to be pushed on.
        "den Ausbau der Radwege vorantreiben",
        # The direction is only what a measure before it is for.
        "einen Masterplan für die Innenstadt vorlegen, um den Handel zu stärken",
        # A second sentence or a colon may name the measure after it.
        "Den Spracherwerb fördern: Wir bezuschussen Kurse der Volkshochschule",
        "Die Lesekompetenz fördern. Jede Grundschule erhält eine Bücherkiste",
        # A comma before an article goes on with a list of acts.
        "Bahnhöfe stärken, das Radnetz erweitern, Strecken reaktivieren",
        # A university is no quality, and a quality after a preposition is not
        # what is raised.
        "Die Zusammenarbeit mit der Universität ist auszubauen",
        "das Zentrum für die Sicherheit der Lebensmittel ausbauen",
    ],
)
def test_a_direction_made_concrete_is_not_trailing(text: str) -> None:
    assert not testable.is_trailing_direction(text)


@pytest.mark.parametrize(
    "text",
    [
        # Ways of doing things and qualities no one can measure afterwards.
        "Anträge von Vereinen unbürokratisch und pragmatisch bearbeiten",
        "ein ganzheitlicher Blick auf die Quartiere",
        "verlässliche Öffnungszeiten der Bürgerämter",
        "faire Bedingungen für die Marktbeschicker",
        "erschwingliche und preisgünstige Angebote für Familien",
        "Jugendliche beim Übergang in den Beruf intensiv begleiten",
        # A belief is a stance, not an act.
        "Wir sind davon überzeugt, dass eine lebendige Innenstadt allen nützt",
    ],
)
def test_manner_quality_and_belief_are_not_testable(text: str) -> None:
    assert not code_text(text, ()).testable
