"""The kind of a commitment on written sentences: one case per rule of coding/kind.py."""

from __future__ import annotations

import pytest

from versprochen.extraction.coding.kind import code_kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the change waits on the check
        ("Die Parkgebührenordnung überprüfen und gegebenenfalls anpassen", "examine"),
        ("Die Satzung wird überprüft und bei Bedarf geändert", "examine"),
        # a check followed by an unconditional change commits to the change
        ("Die Förderrichtlinien evaluieren und weiterentwickeln", "action"),
        ("Prüfung und Optimierung der Verwaltungsabläufe", "action"),
        (
            "Die Förderrichtlinien evaluieren und weiterentwickeln und prüfen, ob ein "
            "Zuschuss möglich ist",
            "examine",
        ),
        # "Prüfungs-" compounds are exams, not checks
        ("Die Prüfungsordnung der Musikschule vereinfachen", "action"),
        ("Prüfungsleistungen im Ehrenamt anerkennen", "action"),
    ],
)
def test_examine(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # refusing an extra burden keeps things as they are
        ("Eine Mehrbelastung der Eltern lehnen wir ab", "preserve"),
        ("Zusatzbelastungen für kleine Betriebe wollen wir vermeiden", "preserve"),
        # going on with a running change keeps it going
        ("die Modernisierung der Turnhallen fortsetzen", "preserve"),
        ("Den Ausbau der Radwege fortsetzen und Fahrradständer aufstellen", "preserve"),
        ("Das Bündnis für Wohnen und Bauen wird fortgesetzt", "preserve"),
        ("Wir wollen den Bürgerfunk qualitativ verbessert fortführen", "preserve"),
        # ... but a change stated as a step of its own comes first
        ("Neue Spielplätze schaffen und die Pflege der bestehenden fortsetzen", "action"),
        ("Den Ausbau der Radwege beschließen. Die Pflege der Wege fortsetzen", "action"),
        # continuing to fund or implement
        ("Die weitere Förderung der Jugendverbände", "preserve"),
        ("Kontinuierliche Finanzierung der Schulsozialarbeit", "preserve"),
        ("Die weitere Förderung der Jugendverbände und den Ausbau der Jugendzentren", "action"),
        # "erhalten" beside a verb of care means keep, not receive
        ("Das Museum stärken und erhalten, das die Stadtgeschichte zeigt", "preserve"),
        ("Dass alle Kinder einen Platz erhalten, der zu ihnen passt", "action"),
        # "weiterhin" beside "mehr" or a change goes on changing
        ("Wir setzen uns weiterhin für mehr Radwege ein", "action"),
        ("Weiterhin möchten wir die Zusammenarbeit der Schulen mit Betrieben vertiefen", "action"),
        ("Vereine weiterhin beim Erhalt und Ausbau ihrer Sportstätten unterstützen", "preserve"),
        ("Weiterhin kostenloser Eintritt in die Bäder", "preserve"),
        # improving is a change, even when it is meant to keep something
        ("Die Bücherei digital überarbeiten, damit sie attraktiv bleibt", "action"),
        ("Den Bauhof kontinuierlich optimieren, damit er leistungsfähig bleibt", "action"),
        # "nicht nur ..., sondern" reaches beyond what exists
        (
            "Nicht nur in der Kita, sondern auch in der Grundschule die Fortsetzung der Förderung",
            "action",
        ),
        # secondary schools are not a continuation
        ("Den Wechsel auf weiterführende Schulen erleichtern", "action"),
    ],
)
def test_preserve_or_action(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Städtische Grundstücke werden nicht an Investoren veräußert", "reject"),
        ("Kein Verkauf der Stadtwerke", "reject"),
        ("Sofortiges Moratorium für den Ausbau des Flughafens", "reject"),
        ("gegen die Bebauung der Kleingärten", "reject"),
        # not a refusal
        ("Ein Mietenmoratorium für städtische Wohnungen", "action"),
        ("Gegen den Fachkräftemangel setzen wir auf Ausbildung", "action"),
        # "nicht" belongs to another clause than the sale
        (
            "Wird eine nicht selbst genutzte Immobilie privat verkauft, soll die Stadt "
            "ihr Vorkaufsrecht nutzen",
            "action",
        ),
    ],
)
def test_reject(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Der Lärmschutz soll nicht durch Verbote erreicht werden, sondern durch Anreize",
            "reject",
        ),
        ("Wir wollen Vergütung, keine Verbote", "reject"),
        ("Silvesterfeuerwerk soll nicht verboten werden", "reject"),
        # "nicht nur Verbote" asks for more, it refuses nothing
        ("Die Stadt soll nicht nur Verbote aussprechen, sondern Angebote machen", "action"),
    ],
)
def test_refusing_a_ban(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # staying refused is a change
        (
            "Leitbilder dürfen nicht bloße Papierform bleiben, sondern müssen gelebt werden",
            "action",
        ),
        ("Mehrgenerationenhäuser sollten kein Randphänomen bleiben", "action"),
        ("Das Hallenbad muss in städtischer Hand bleiben", "preserve"),
        # "nicht nur" negates nothing
        ("Wir wollen nicht nur den Verkehr reduzieren, sondern auch die Versiegelung", "action"),
        ("Die Gebühren dürfen nicht erhöht werden", "preserve"),
        # "erhalten" before a relative clause with a preposition: receive
        ("Schulen sollen Räume erhalten, in denen alle gut lernen können", "action"),
    ],
)
def test_negation_that_changes_the_kind(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Wir werden überprüfen, ob die Buslinie noch gebraucht wird", "examine"),
        ("Die Ausgaben müssen überprüft werden, inwieweit sie nötig sind", "examine"),
        ("Die regelmäßige Überprüfung der Spielgeräte", "action"),
        ("Wir wollen, dass niemand ohne Ausbildungsplatz bleibt", "action"),
    ],
)
def test_checking_whether_and_nobody_staying(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Wir sind für einen Radweg und gegen eine Umgehungsstraße", "reject"),
        ("Die Stadt wendet sich gegen die Erweiterung des Steinbruchs", "reject"),
        ("Das Ordnungsamt stärken wir und gehen härter gegen die Vermüllung vor", "action"),
        ("Die Kultur pflegen und gegen jede Vereinnahmung verteidigen", "action"),
        # a state to reach, not a refusal
        ("Pflege darf kein Armutsrisiko sein", "action"),
        ("Wir wollen keine neuen Schulden", "reject"),
        ("Es sollen keine neuen Schulden gemacht werden", "reject"),
        # "kein X, sondern Y": Y is what is pledged
        ("Wir wollen keine Hochhäuser am Hafen, sondern ein lebendiges Quartier", "action"),
        ("Keine neuen Parkhäuser, sondern bessere Busverbindungen", "action"),
        ("Keine neuen Parkhäuser in der Innenstadt", "reject"),
        # ... and "kein X erhalten" is receiving nothing, not keeping
        ("Wer bisher keinen Zuschuss erhalten hat, soll einen Antrag stellen können", "action"),
        ("Vereine sollen keine Pauschale mehr erhalten, sondern Zuschüsse je Mitglied", "action"),
    ],
)
def test_against_and_no(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # weighing whether or how to act is not acting yet
        ("Es ist zu klären, ob die Stadt das Gebäude kaufen kann", "examine"),
        ("Wir werden überlegen, wie ein Bücherbus eingesetzt werden kann", "examine"),
        ("Die Verwaltung erwägt, ob ein Nachtbus sinnvoll wäre", "examine"),
        # "überlegen" without "ob/wie" after it is no weighing
        ("Eine überlegte Planung der Radwege", "action"),
        # the noun of preventing a worsening or a loss keeps what exists
        ("Vermeidung von Gebührenerhöhungen für Familien", "preserve"),
        ("Verhinderung von weiteren Kürzungen im Kulturetat", "preserve"),
        ("Maßnahmen zur Vermeidung von Wohnungsverlust", "preserve"),
        # ... but preventing something else is a measure
        ("Maßnahmen zur Vermeidung von Verkehrsunfällen", "action"),
    ],
)
def test_weighing_and_preventing_a_loss(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # standing by what exists
        ("Wir stehen zum Stadttheater und seinen drei Sparten", "preserve"),
        ("Wir stehen zu unseren Partnerstädten: Austausch und Begegnung", "preserve"),
        # not "zur Verfügung", and not a change stood by
        ("Wir stehen für Gespräche mit den Anwohnern zur Verfügung", "action"),
        ("Wir stehen zur Verfügung, wenn Vereine Hilfe brauchen", "action"),
        ("Wir stehen zum Ausbau der Stadtbahn bis Nord", "action"),
        ("Wir stehen zur Einführung eines Jugendparlaments", "action"),
        # backing one running project keeps it going
        ("Wir unterstützen das Modellprojekt Quartierslotsen", "preserve"),
        ("Das Projekt „Wohnen für Hilfe“ unterstützen wir weiterhin", "preserve"),
        # not a new or planned project, nor projects in general
        ("Wir unterstützen das neue Projekt einer Stadtteilbibliothek", "action"),
        ("Wir unterstützen den geplanten Projektstart im Herbst", "action"),
        ("Wir unterstützen Projekte für Jugendliche in den Stadtteilen", "action"),
        ("Wir unterstützen die Projektförderung für Vereine", "action"),
    ],
)
def test_standing_by_and_backing_a_project(text: str, kind: str) -> None:
    assert code_kind(text) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a continuing verb split in a main clause, the particle ending the clause
        ("Wir setzen das Programm Soziale Stadt fort", "preserve"),
        ("Den Ausbau der Radwege setzen wir fort und bauen neue Abstellanlagen", "preserve"),
        ("Die Bürgersprechstunde führen wir weiter, auch in den Ortsteilen", "preserve"),
        # "setzen ... fort" only where the particle ends the clause
        ("Wir setzen auf einen Fortschritt bei der Digitalisierung", "action"),
        ("Die Straße führt weiter zum neuen Gewerbegebiet", "action"),
        # holding on to what exists
        ("Wir halten am Sozialticket fest", "preserve"),
        ("An der Gewerbesteuer halten wir fest, auch wenn andere sie senken", "preserve"),
        ("an der Förderung der Musikschule festhalten", "preserve"),
        # not "festhalten" as "record"
        ("Die Ergebnisse der Bürgerwerkstatt schriftlich festhalten", "action"),
        ("Wir halten fest: Der Bahnhof braucht einen Aufzug", "action"),
    ],
)
def test_split_continuing_verbs_and_holding_on(text: str, kind: str) -> None:
    assert code_kind(text) == kind
