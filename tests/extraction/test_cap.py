"""CAP major topic: the area's topic, moved only by clear words (coding/cap.py)."""

from __future__ import annotations

import csv
import re
from importlib.resources import files

import pytest

from tests.conftest import SHARED_DATA
from versprochen.extraction.coding.cap import (
    DEFAULT_CAP,
    CapParams,
    cap_evidence,
    code_cap,
    decide_cap,
)


@pytest.mark.parametrize(
    ("text", "area", "cap"),
    [
        ("Die Rettungsdienste im ländlichen Raum erhalten", "sicherheit_ordnung", 3),
        ("Gemeinsame Übungen mit dem THW ausbauen", "sicherheit_ordnung", 15),
        ("Vandalismus an Bushaltestellen konsequent verfolgen", "wohnen_stadtentwicklung", 12),
        ("Die Schuldnerberatung der Caritas stärken", "finanzen", 13),
        ("Eine Beschäftigungsgesellschaft für Langzeitarbeitslose", "soziales_gesundheit", 5),
        ("Den Lärmschutz an der Bundesstraße verbessern", "wohnen_stadtentwicklung", 7),
        ("Den Flughafen nicht weiter ausbauen", "umwelt_klima_energie", 10),
        ("Mehr Ladeinfrastruktur für Elektroautos", "wohnen_stadtentwicklung", 10),
        (
            "Die Ausländerbehörde soll Einbürgerungen schneller bearbeiten",
            "digitalisierung_verwaltung",
            9,
        ),
        ("Mehr Park-and-Ride-Plätze am Stadtrand", "wohnen_stadtentwicklung", 10),
        ("Ein Smart-City-Konzept für die Stadt entwickeln", "digitalisierung_verwaltung", 17),
        ("Mehr Praxisplätze für Lehramtsstudierende", "kinder_jugend_familie", 6),
        (
            "Geschlechtergerechte Sprache und Gleichstellung im Stadtrat",
            "demokratie_beteiligung",
            2,
        ),
        ("Versiegelte Flächen entsiegeln und begrünen", "wohnen_stadtentwicklung", 7),
        ("Die Grundsteuer nicht weiter erhöhen", "wohnen_stadtentwicklung", 1),
        ("Mehr Parkplätze für Pendler am Stadtrand", "wohnen_stadtentwicklung", 10),
        ("Den Transport von Gütern auf die Schiene verlagern", "wirtschaft_arbeit", 10),
        ("Mehr Verkehrssicherheit an Kreuzungen", "sicherheit_ordnung", 10),
        ("Den Kohleausstieg sozial gestalten", "wirtschaft_arbeit", 8),
        ("Die kommunale Wärmeplanung zügig abschließen", "wohnen_stadtentwicklung", 8),
        ("Unsere Stadt wird ein sicherer Hafen für Geflüchtete", "soziales_gesundheit", 9),
    ],
)
def test_clear_words_move_the_topic_off_the_area(text: str, area: str, cap: int) -> None:
    assert DEFAULT_CAP[area] != cap
    assert code_cap(text, (), area) == cap


def test_debt_counselling_is_not_school() -> None:
    # "Schuldner" is longer than the school stem "schul" inside it.
    assert code_cap("Die Schuldnerberatung stärken", (), "soziales_gesundheit") == 13


def test_graffiti_walls_for_youth_are_not_crime() -> None:
    assert code_cap("Mehr Graffiti-Wände für Jugendliche", (), "kinder_jugend_familie") == 13


def test_firms_weigh_as_much_as_enterprises() -> None:
    # A tax named beside the firms it drives away does not move a business pledge.
    text = "Den Wegzug von Firmen verhindern, die Gewerbesteuer nicht anheben"
    assert code_cap(text, (), "wirtschaft_arbeit") == 15
    assert cap_evidence("Neue Firmen gewinnen", ()).text == {"15": 3.0}


def test_playgrounds_keep_a_childrens_pledge_social_welfare() -> None:
    text = "Mehr Mülltonnen und saubere Spielplätze in jedem Quartier"
    assert code_cap(text, (), "kinder_jugend_familie") == 13
    # A playground alone does not move a pledge of another area.
    assert code_cap("Den Spielplatz am Marktplatz erneuern", (), "wohnen_stadtentwicklung") == 14


def test_without_evidence_the_area_decides() -> None:
    assert code_cap("Das wollen wir prüfen", (), "finanzen") == 1
    assert code_cap("", (), "sport") == 23


def test_the_coalition_area_keeps_its_topic_whatever_department_it_names() -> None:
    text = "Die Fraktion benennt den Vorstand der Abfallentsorgung"
    assert code_cap(text, (), "koalition_personal") == 20


def test_traffic_keeps_its_topic_whatever_else_it_names() -> None:
    assert code_cap("Lärmschutzwände an der Autobahn verlängern", (), "mobilitaet") == 10
    text = "Neue Elektrobusse, um Emissionen und Lärm in der Innenstadt zu senken"
    assert code_cap(text, ("Umwelt und Verkehr",), "mobilitaet") == 10


def test_transport_is_not_sport() -> None:
    # "~sport" hides in "Transport"; the longer transport stem wins.
    assert code_cap("Transportwege für Lastwagen", (), "sport") == 10


def test_longer_words_keep_mobility_timelines_and_sheep_in_their_place() -> None:
    assert cap_evidence("Hilfen für mobilitätseingeschränkte Menschen", ()).text == {"2": 3.0}
    assert cap_evidence("Eine klare Zeitschiene für den Umbau", ()).text == {}
    assert cap_evidence("Den Schutz von Deichschafen verbessern", ()).text == {"4": 4.0}


def test_a_portal_is_not_sport_and_a_safe_harbour_is_no_port() -> None:
    assert cap_evidence("Ein Informationsportal für Verbraucher", ()).text == {"15": 4.0, "20": 1.0}
    assert cap_evidence("Die Stadt bleibt ein sicherer Hafen", ()).text == {"9": 3.0}


def test_another_topic_of_the_area_needs_no_margin() -> None:
    # Energy (8) belongs to the environment area: named as strongly as nature, it wins.
    text = "Keine Windkraftanlagen in Naturschutzgebieten"
    assert code_cap(text, (), "umwelt_klima_energie") == 8
    # Outside the area's remit a topic still needs the margin over the default.
    assert code_cap("Solaranlagen auf allen Schulen", (), "bildung") == 6
    # The words must name it: a heading alone does not take the pledge off its default.
    text = "Die Armut in den Stadtteilen bekämpfen"
    assert code_cap(text, ("Soziales und Inklusion",), "soziales_gesundheit") == 13


def test_a_compound_is_what_its_head_names() -> None:
    # "Schul|sozialarbeit" is social work: the school stem counts half.
    evidence = cap_evidence("Die Schulsozialarbeit ausbauen", ())
    assert evidence.text == {"6": 2.0, "13": 4.0}


def test_a_heading_naming_another_topic_moves_the_pledge() -> None:
    assert code_cap("Keine Privatisierung", ("Krankenhaus",), "soziales_gesundheit") == 3


def test_a_heading_naming_the_area_topic_too_moves_nothing() -> None:
    text = "Den Baumbestand an Straßen erhalten"
    assert code_cap(text, ("Umwelt und Energie",), "umwelt_klima_energie") == 7


def test_a_heading_whose_area_the_area_coder_overruled_does_not_return() -> None:
    text = "Keine Erhöhung der Grundsteuer"
    assert code_cap(text, ("Wohnen und Stadtentwicklung",), "finanzen") == 1


def test_an_overruled_heading_still_names_its_other_topics() -> None:
    text = "Alleinerziehende gezielt beraten und begleiten"
    heading = ("Ein sozialer Arbeitsmarkt",)
    assert code_cap(text, heading, "soziales_gesundheit") == 5


def test_the_thresholds_decide_how_much_evidence_moves_a_pledge() -> None:
    evidence = cap_evidence("Mehr Solaranlagen auf Schuldächern", ())
    assert decide_cap(evidence, "bildung", CapParams(min_evidence=4.0, margin=0.5)) == 6
    evidence = cap_evidence("Mehr Solaranlagen", ())
    assert decide_cap(evidence, "bildung", CapParams(min_evidence=4.0, margin=2.5)) == 8
    assert decide_cap(evidence, "bildung", CapParams(min_evidence=5.0, margin=2.5)) == 6


# --- the Manifesto Project mapping (data/manifesto-cap.tsv) ---------------------

CAP_TOPICS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 23}


def _mapping() -> list[list[str]]:
    text = files("versprochen.extraction").joinpath("data/manifesto-cap.tsv").read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_every_manifesto_mapping_line_names_a_cap_topic_or_none_and_a_reason() -> None:
    rows = _mapping()
    assert all(len(row) == 3 and row[2].strip() for row in rows)
    assert {row[1] for row in rows} - {"-"} <= {str(t) for t in CAP_TOPICS}
    assert len({row[0] for row in rows}) == len(rows)


def test_every_manifesto_code_of_the_codebook_is_mapped() -> None:
    codebook = SHARED_DATA / "annotated" / "manifesto-codebook-mp-v5.csv"
    if not codebook.exists():
        pytest.skip("the shared data is not here")
    with codebook.open(encoding="utf-8") as handle:
        codes = {row["code"].strip() for row in csv.DictReader(handle, delimiter=";")}
    codes = {c for c in codes if re.fullmatch(r"\d{3}(\.\d)?", c)}
    assert codes - {row[0] for row in _mapping()} == set()


def test_urban_development_policy_is_not_development_aid() -> None:
    text = "Die Sanierung als stadtentwicklungspolitische Weichenstellung behandeln"
    assert code_cap(text, (), "bildung") == 14
    assert code_cap("Mehr Mittel für die Entwicklungspolitik", (), "finanzen") == 19


def test_equipment_and_science_are_not_defence_and_nature() -> None:
    assert code_cap("Neue Ausrüstung für die Feuerwehr", (), "sicherheit_ordnung") == 12
    assert code_cap("Den Unterricht in Naturwissenschaften stärken", (), "bildung") == 6
    assert code_cap("Naturwissenschaften stärken", (), "kinder_jugend_familie") == 6
