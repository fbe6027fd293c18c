"""The policy area: heading votes, the previous pledge's vote, and the lexicon's fields."""

from __future__ import annotations

import pytest

from versprochen.extraction.coding.area import (
    WEIGHTS,
    AreaEvidence,
    AreaWeights,
    area_evidence,
    code_area,
    decide_area,
    weigh_evidence,
)


def test_the_previous_area_votes_where_the_heading_names_another() -> None:
    evidence = AreaEvidence(text=(), headings=((("kultur", 3.0),),))
    votes = weigh_evidence(evidence, "sport", WEIGHTS)
    assert votes["sport"] == WEIGHTS.context


def test_the_previous_area_does_not_repeat_the_headings_vote() -> None:
    # The pledge before was coded from the same heading; its area adds nothing.
    evidence = AreaEvidence(text=(), headings=((("kultur", 3.0),),))
    with_context = weigh_evidence(evidence, "kultur", WEIGHTS)
    assert with_context == weigh_evidence(evidence, None, WEIGHTS)


def test_a_pledges_own_words_outvote_a_heading_and_its_run_of_pledges() -> None:
    text = "Wir stehen für Nachhaltigkeit und das Ziel der Klimaneutralität"
    assert code_area(text, ("Wohnen und Leben",), "wohnen_stadtentwicklung") == (
        "umwelt_klima_energie"
    )


def test_outer_headings_count_less_than_inner_ones() -> None:
    evidence = AreaEvidence(text=(), headings=((("sport", 3.0),), (("kultur", 3.0),)))
    weights = AreaWeights(heading=4.0, outer_decay=0.5, strong_match=3.0, context=0.0)
    votes = weigh_evidence(evidence, None, weights)
    assert votes == {"sport": 4.0, "kultur": 2.0}
    assert decide_area(evidence, None, weights) == "sport"


def test_a_weak_heading_match_votes_less_than_a_strong_one() -> None:
    weak = weigh_evidence(AreaEvidence((), ((("finanzen", 1.0),),)), None, WEIGHTS)
    strong = weigh_evidence(AreaEvidence((), ((("finanzen", 3.0),),)), None, WEIGHTS)
    assert weak["finanzen"] < strong["finanzen"]


def test_the_pledges_own_words_win_a_tie_with_the_pledge_before() -> None:
    weights = AreaWeights(heading=5.0, outer_decay=0.7, strong_match=2.0, context=3.0)
    evidence = area_evidence("die Digitalisierung fördern", ())
    assert decide_area(evidence, "wirtschaft_arbeit", weights) == "digitalisierung_verwaltung"


def test_nothing_anywhere_falls_back() -> None:
    assert code_area("", ()) == "koalition_personal"


def test_infrastructure_in_a_heading_is_only_a_hint() -> None:
    # Roads, networks and schools are all infrastructure.
    evidence = area_evidence("Schnelles Internet und Mobilfunk überall", ("Infrastruktur",))
    assert decide_area(evidence, "wohnen_stadtentwicklung") == "digitalisierung_verwaltung"


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Mehr Ladesäulen in den Wohngebieten", "wohnen_stadtentwicklung"),
        ("Wir bauen die öffentliche Ladeinfrastruktur aus", "wohnen_stadtentwicklung"),
        ("Abschiebungen von Straftätern konsequent durchsetzen", "sicherheit_ordnung"),
        ("Ein Smart-City-Konzept für die Stadt erarbeiten", "digitalisierung_verwaltung"),
        ("Datenweitergabe nach dem Bundesmeldegesetz einschränken", "digitalisierung_verwaltung"),
        ("Ein Medizinstudium am Standort ermöglichen", "bildung"),
        ("Jugendliche stärker in Entscheidungsprozesse einbeziehen", "demokratie_beteiligung"),
        ("Die notärztliche Versorgung rund um die Uhr sichern", "sicherheit_ordnung"),
        ("Wildes Plakatieren konsequent ahnden", "sicherheit_ordnung"),
        ("Eine Lösung für die Altschulden der Kommunen", "finanzen"),
        ("Mehr soziale Sicherheit für Familien mit kleinem Einkommen", "soziales_gesundheit"),
        ("Das Bauordnungsrecht entschlacken", "wohnen_stadtentwicklung"),
        ("Wir wollen die Stadt konsequent entbürokratisieren", "digitalisierung_verwaltung"),
        ("Genehmigungsverfahren vereinfachen und beschleunigen", "digitalisierung_verwaltung"),
        ("Einen Jugendbeirat in jedem Stadtbezirk einrichten", "demokratie_beteiligung"),
        ("Die Beiräte der Stadt sollen öffentlich tagen", "demokratie_beteiligung"),
        ("Die Ausländerbehörde personell verstärken", "sicherheit_ordnung"),
    ],
)
def test_the_guidelines_fields(text: str, area: str) -> None:
    assert code_area(text, ()) == area


def test_the_coalition_as_the_subject_of_a_sentence_does_not_make_it_about_cooperation() -> None:
    text = "Die Koalition wird die Beratung ausbauen"
    assert code_area(text, ()) == "soziales_gesundheit"


def test_a_text_naming_its_field_again_and_again_gains_little_more() -> None:
    # One naming word (weight 3) counts in full; three of them do not triple it.
    once = weigh_evidence(AreaEvidence(text=(("bildung", 3.0),), headings=()), None, WEIGHTS)
    thrice = weigh_evidence(AreaEvidence(text=(("bildung", 9.0),), headings=()), None, WEIGHTS)
    assert once["bildung"] == 3.0
    assert 3.0 < thrice["bildung"] < 6.5


def test_a_heading_outweighs_a_list_of_words_from_another_field() -> None:
    # "Schulen, Kitas und Hochschulen ... mit dem Bus" under a transport heading.
    text = "Schulen, Kitas und Hochschulen sollen mit dem Bus besser erreichbar sein"
    assert code_area(text, ("Mobilität und Verkehr",)) == "mobilitaet"


def test_a_chapter_about_being_on_the_move_is_about_mobility() -> None:
    # "Gut unterwegs" titles the transport chapter of many programs; under it a
    # pledge whose words name no field of their own is about getting around.
    text = "die Informationen an allen Haltepunkten verbessern"
    assert code_area("Wir wollen, dass alle sicher unterwegs sind", ()) == "mobilitaet"
    assert code_area(text, ()) != "mobilitaet"
    assert code_area(text, ("Schnell und bequem in der Stadt unterwegs",)) == "mobilitaet"
