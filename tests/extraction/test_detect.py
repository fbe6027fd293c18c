import pytest

from tests.extraction.helpers import segmented
from versprochen.extraction.detect import detect, is_agreement, judge


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollen das Angebot der VHS flächendeckender ausbauen.",
        "Die Bürgersprechstunden sollten zu familienfreundlichen Zeiten stattfinden (ab 17 Uhr).",
        "Dazu ist im nächsten Haushalt ein Fonds für Straßenbäume einzurichten.",
        "Die Wittener GRÜNEN fordern mehr Trinkbrunnen in der Innenstadt.",
        "Wir setzen uns für einen erheblichen Ausbau der Schulsozialarbeit ein.",
        "Wir lehnen sogenannte Bürgschaftsmodelle ab.",
        "Die LINKEN wollen die zwei bestehenden Rettungswachen erhalten.",
        "Keine Erhöhung der Hundesteuer.",
        "Bau eines Jugendtreffs in der Mitte des Stadtteils.",
        "Hiltrup als Wissenschaftsstandort weiterentwickeln.",
        "Unverzichtbare Betriebe wie etwa die Stadtwerke sollen in kommunalem Besitz bleiben.",
        "Die LINKEN unterstützen das Modellprojekt Stadtteilmütter.",
        "Bei der Schulverpflegung sprechen wir uns gegen eine verordnete Einheitslösung aus.",
        "Es gilt aber auch, den Wochenmarkt am Samstag zu beleben.",
    ],
)
def test_commitments_are_pledges(text: str) -> None:
    assert judge(text).pledge, judge(text).reason


@pytest.mark.parametrize(
    "text",
    [
        "Die Fähre ist für viele Pendler unverzichtbar, weil die nächste Brücke weit entfernt liegt.",
        "Studien zeigen, dass viele Unterrichtsmethoden nicht mehr zeitgemäß sind.",
        "Freizeitbeschäftigung ist ein wichtiger Standortfaktor für den Kreis.",
        "Wir haben die Schulsozialarbeit im letzten Jahr eingeführt.",
        "Wir begrüßen, dass der Rat sich für ein Rats-TV entschieden hat.",
        "Warum nicht ein Lichterfest in der Altstadt einführen?",
        "Umsetzung des Schulentwicklungsplans mit den folgenden Punkten:",
        "Wir wollen eine Stadt für jeden Menschen.",
        "Viele junge Menschen wollen nicht wegziehen.",
        "Außerdem finden sich dort Hinweise darauf, ob eine Anhörung stattfinden soll.",
        "Hendrik Mustermann Vorsitzender der SPD-Fraktion",
        "Im Einzelnen fordern wir",
        "Ein Umbau des Bahnhofsvorplatzes ist nur zu leisten, wenn das Land mitzahlt.",
        "Ein schnelles Netz in den Dörfern ist nur mit Fördergeld vom Bund zu erreichen.",
        "Unter offenen Daten sind Daten zu verstehen, die frei genutzt werden dürfen.",
        "Bürgerämter dürfen nach geltendem Recht Adressen gegen Gebühr weitergeben.",
        "Wir GRÜNEN sind der festen Überzeugung, dass es ungenutzte Flächen gibt.",
        "Wir fordern daher von Bund und Land,",
        "Die ländliche Umgebung und die Großstädte lassen sich wunderbar kombinieren.",
        "Mehr Offenheit fördert eine aktive Mitwirkung der Einwohner.",
        "Integration in den Arbeitsmarkt ist für die Menschen Voraussetzung für Teilhabe.",
    ],
)
def test_descriptions_evaluations_and_slogans_are_not(text: str) -> None:
    assert not judge(text).pledge, judge(text).reason


def test_agreements_commit_in_the_present_tense() -> None:
    text = "Die Vertragspartner stimmen im Rat gemeinsam ab."
    assert judge(text, agreement=True).pledge
    assert not judge(text, agreement=False).pledge
    assert is_agreement("Die Koalitionspartner ... die Koalition ... Kooperationspartner")
    assert not is_agreement("Wir wollen mehr Radwege.")


def test_a_follow_up_sentence_joins_the_pledge_it_completes() -> None:
    doc = segmented(
        (
            "p",
            "Es soll ein Arbeitskreis für Barrierefreiheit gegründet werden. "
            "Dieser trifft sich mindestens viermal im Jahr.",
        ),
    )
    candidates = detect(doc).candidates
    assert len(candidates) == 1
    assert len(candidates[0].segments) == 2


def test_verbless_items_under_a_demanding_lead_are_pledges() -> None:
    doc = segmented(
        ("p", "Im Einzelnen fordern wir:"),
        ("li", "einen jährlichen Wettbewerb der Nachbarstädte"),
        ("li", "Zusammenarbeit mit einer Hochschule"),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "einen jährlichen Wettbewerb der Nachbarstädte",
        "Zusammenarbeit mit einer Hochschule",
    ]


def test_dass_items_under_a_lead_to_consider_state_facts_not_pledges() -> None:
    doc = segmented(
        ("p", "Bei der Planung neuer Kitas muss beachtet werden:"),
        ("li", "dass viele Eltern heute in Schichten arbeiten"),
        ("li", "dass immer mehr Kinder ganztags betreut werden"),
        ("p", "Deshalb setzen wir uns dafür ein,"),
        ("li", "dass die Kitas bis 20 Uhr geöffnet haben"),
    )
    assert [c.text for c in detect(doc).candidates] == ["dass die Kitas bis 20 Uhr geöffnet haben"]


def test_a_restriction_joins_the_commitment_it_restricts() -> None:
    doc = segmented(
        (
            "p",
            "Das Gesetz soll auch für die künftige Satzung gelten. "
            "Jedoch soll der Anspruch ausnahmsweise nicht bei Geschäftsgeheimnissen gelten.",
        ),
    )
    candidates = detect(doc).candidates
    assert len(candidates) == 1 and len(candidates[0].segments) == 2


def test_a_pointer_back_in_the_first_words_marks_a_follow_up() -> None:
    doc = segmented(
        (
            "p",
            "Wir wollen Bauvorhaben mit den Anwohnern gemeinsam planen. "
            "Ein gutes Beispiel dafür sind Planungswerkstätten.",
        ),
    )
    assert len(detect(doc).candidates[0].segments) == 2


def test_a_bullet_holding_a_paragraph_is_judged_as_prose() -> None:
    doc = segmented(
        (
            "li",
            "Münster besitzt hervorragende Bedingungen für Gründungen. "
            "Potenziale sehen wir auch in der Kreativwirtschaft. "
            "Wir werden ein Modellprojekt für Risikokapital beginnen.",
        ),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "Wir werden ein Modellprojekt für Risikokapital beginnen."
    ]


def test_a_short_pledge_pointing_back_takes_the_sentence_it_needs() -> None:
    doc = segmented(
        (
            "p",
            "Ein guter Nahverkehr hängt davon ab, ob genug Fahrer da sind. "
            "Daher darf hier nicht gekürzt werden.",
        ),
    )
    result = detect(doc)
    assert [c.text for c in result.candidates] == [
        "Ein guter Nahverkehr hängt davon ab, ob genug Fahrer da sind. "
        "Daher darf hier nicht gekürzt werden."
    ]
    assert not result.rejected


def test_principles_are_not_measures_but_a_measure_before_a_dash_is() -> None:
    assert not judge("Der Besuch eines Museums darf nicht vom Einkommen abhängig sein.").pledge
    assert judge(
        "Keine Erhöhung der Musikschulgebühren – Kultur darf nicht vom Geldbeutel abhängen."
    ).pledge


def test_a_short_sentence_pointing_back_joins_the_pledge_before_it() -> None:
    doc = segmented(
        (
            "p",
            "Hiltrup hat sich vorgenommen, den Verbrauch bis 2030 um 30 Prozent zu senken. "
            "Die GRÜNEN unterstützen dieses Ziel ausdrücklich.",
        ),
    )
    assert len(detect(doc).candidates) == 1


def test_an_item_with_a_purpose_clause_is_a_pledge_but_a_bare_zu_clause_is_not() -> None:
    assert judge(
        "Hilfen gegen Schulabbrüche, um den Einstieg in einen Beruf zu erleichtern."
    ).pledge
    assert not judge(
        "Die hohen Eintrittspreise nehmen vielen Familien die Lust, ins Theater zu gehen."
    ).pledge


def test_rejections_keep_their_reason() -> None:
    doc = segmented(("p", "Studien zeigen, dass vieles nicht mehr zeitgemäß ist."))
    result = detect(doc)
    assert not result.candidates
    assert result.rejected[0].reason


def test_items_complete_a_stem_without_a_colon() -> None:
    doc = segmented(
        ("p", "Wir wollen"),
        ("li", "Längere Öffnungszeiten der Stadtbücherei."),
        ("li", "mehr Personal in den Jugendzentren."),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "Längere Öffnungszeiten der Stadtbücherei.",
        "mehr Personal in den Jugendzentren.",
    ]


def test_a_stem_completes_the_first_sentence_of_an_item_that_goes_on() -> None:
    doc = segmented(
        ("p", "Deshalb wollen wir"),
        ("li", "eine zweite Fähre über den Fluss. Heute dauert die Umfahrung eine Stunde."),
        ("li", "Radwege gehören ins Netz. Sie verbinden die Dörfer."),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "eine zweite Fähre über den Fluss.",
    ]


def test_a_pledge_opening_with_a_pointer_takes_what_it_points_to() -> None:
    doc = segmented(
        (
            "p",
            "Für die Dörfer am Stadtrand braucht es Rufbusse. "
            "Diese sollen die Fahrgäste zum nächsten Bahnhof bringen.",
        ),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "Für die Dörfer am Stadtrand braucht es Rufbusse. "
        "Diese sollen die Fahrgäste zum nächsten Bahnhof bringen."
    ]


def test_a_pledge_whose_dass_clause_points_back_takes_what_it_points_to() -> None:
    doc = segmented(
        (
            "p",
            "Für die Dörfer am Stadtrand braucht es Rufbusse. "
            "Wir setzen uns dafür ein, dass diese auch am Wochenende fahren.",
        ),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "Für die Dörfer am Stadtrand braucht es Rufbusse. "
        "Wir setzen uns dafür ein, dass diese auch am Wochenende fahren."
    ]


def test_a_dass_clause_pointing_into_its_own_sentence_stands_alone() -> None:
    doc = segmented(
        (
            "p",
            "Für die Dörfer am Stadtrand braucht es Rufbusse. "
            "Bei neuen Buslinien setzen wir uns dafür ein, dass diese auch am Wochenende fahren.",
        ),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "Bei neuen Buslinien setzen wir uns dafür ein, dass diese auch am Wochenende fahren."
    ]


def test_a_pledge_opening_with_a_pointer_joins_the_pledge_before() -> None:
    doc = segmented(
        (
            "p",
            "Wir wollen in jedem Stadtteil Treffpunkte für Senioren einrichten. "
            "Diese Angebote sollen kostenfrei sein.",
        ),
    )
    candidates = detect(doc).candidates
    assert len(candidates) == 1 and len(candidates[0].segments) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Viele junge Familien ziehen aus der Innenstadt in das Umland.",
        "Die Baustellen sorgen für lange Staus auf den Hauptstraßen.",
        "Es ist nicht zu übersehen, dass die Mieten steigen.",
    ],
)
def test_a_finite_verb_or_an_observation_is_no_infinitive_pledge(text: str) -> None:
    assert not judge(text).pledge, judge(text).reason


@pytest.mark.parametrize(
    "text",
    [
        "Neue Radwege bauen und Straßen sanieren.",
        "Für die vielen Pendler attraktive Angebote schaffen.",
        "Mehr Personal in den Bürgerbüros einstellen.",
    ],
)
def test_infinitive_items_in_prose_stay_pledges(text: str) -> None:
    assert judge(text).pledge, judge(text).reason


@pytest.mark.parametrize(
    "text",
    [
        "Wir sprechen uns dafür aus, die Bücherei auch sonntags zu öffnen.",
        "Wir erwarten vom Kreis eine verlässliche Finanzierung der Schulbusse.",
        "Wir sehen die Notwendigkeit, das Hallenbad zu sanieren.",
        "Beim Lärmschutz sehen wir dringenden Handlungsbedarf an der Umgehungsstraße.",
    ],
)
def test_commitment_formulas_with_dafuer_expectation_and_need(text: str) -> None:
    assert judge(text).pledge


def test_an_expectation_without_an_addressee_is_a_forecast() -> None:
    assert not judge("Wir erwarten steigende Schülerzahlen in den Grundschulen.").pledge


def test_a_stem_that_commits_only_with_its_item_completes_it() -> None:
    doc = segmented(
        ("p", "Wir stehen"),
        ("li", "für eine zweite Fähre über den Fluss. Heute dauert die Umfahrung eine Stunde."),
    )
    assert [c.text for c in detect(doc).candidates] == ["für eine zweite Fähre über den Fluss."]


@pytest.mark.parametrize(
    "text",
    [
        "Die Sparpolitik hat oft zu schlechten Entscheidungen über die Schulen geführt.",
        "Wählen Sie am Sonntag mit beiden Stimmen die Liste für eine bessere Stadt.",
    ],
)
def test_zu_before_an_adjective_and_appeals_to_voters_commit_to_nothing(text: str) -> None:
    assert not judge(text).pledge


def test_a_stem_item_is_verbless_up_to_its_subordinate_clause() -> None:
    doc = segmented(
        ("p", "Wir wollen"),
        ("li", "ein weit verzweigtes Netz an Wanderwegen."),
        ("li", "mehr Lotsen an den Schulwegen, damit die Kinder sicher ankommen können."),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "ein weit verzweigtes Netz an Wanderwegen.",
        "mehr Lotsen an den Schulwegen, damit die Kinder sicher ankommen können.",
    ]


def test_an_included_measure_is_a_pledge_but_an_included_aspect_is_not() -> None:
    assert judge("Dazu gehört vor allem die Erweiterung der Bücherei.").pledge
    assert not judge("Dazu gehört auch einer der wichtigsten Gründe für den Umzug.").pledge


def test_a_concern_the_authors_take_on_is_a_commitment() -> None:
    assert judge("Ein sicherer Schulweg für alle Kinder ist uns ein besonderes Anliegen.").pledge


def test_an_explanation_joins_the_pledge_it_spells_out() -> None:
    doc = segmented(
        (
            "p",
            "Wir wollen die Schulhöfe bis 2030 entsiegeln. "
            "Das heißt, dass jeder Hof mindestens eine Wiese erhält.",
        ),
    )
    candidates = detect(doc).candidates
    assert len(candidates) == 1
    assert candidates[0].text.endswith("eine Wiese erhält.")


@pytest.mark.parametrize(
    "text",
    [
        "Schutz durch Europa muss nicht heißen Schutz in Europa.",
        "Ein Anbau muss nicht teurer sein als ein Neubau.",
    ],
)
def test_denied_necessity_is_not_a_pledge(text: str) -> None:
    assert not judge(text).pledge, judge(text).reason


@pytest.mark.parametrize(
    "text",
    [
        "Wir stehen für eine solide Haushaltspolitik.",
        "Wir stehen hinter dem Ausbau der Stadtbahn.",
        "Wir stehen zum Ehrenamt in den Sportvereinen.",
        "Wir stehen zur Städtepartnerschaft mit Tours.",
        "Die Schulen müssen nicht nur saniert, sondern auch erweitert werden.",
        "Eltern müssen nicht länger auf einen Kita-Platz warten.",
    ],
)
def test_standing_for_and_not_only_still_commit(text: str) -> None:
    assert judge(text).pledge, judge(text).reason


@pytest.mark.parametrize(
    "text",
    [
        "Wir stehen für eine soziale und gerechte Politik.",
        "Der Verein steht für eine Politik, die den Menschen zuhört.",
        "Gemeinsam gestalten wir eine grüne und gerechte Stadt.",
        "Wir stehen für diese Politik.",
        "Wir wollen die Zukunft mutig gestalten.",
    ],
)
def test_visions_and_self_descriptions_are_not_pledges(text: str) -> None:
    assert judge(text).reason == "vision or self-description"


def test_a_measure_for_a_kind_of_city_is_still_a_pledge() -> None:
    assert judge(
        "Wir wollen eine Stadtpolitik, die Radwege baut, mit 10 Millionen Euro fördern."
    ).pledge
    assert judge("Wir stehen für eine solide Haushaltspolitik.").pledge


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Förderverein Freibad Süd e.V.", "name of an organisation"),
        ("Stadtwerke Musterstadt GmbH", "name of an organisation"),
    ],
)
def test_names_of_organisations_are_not_pledges(text: str, reason: str) -> None:
    assert judge(text).reason == reason


def test_a_pledge_that_names_an_association_is_still_one() -> None:
    assert judge("Wir fördern den Förderverein Freibad Süd e.V.").pledge
    assert judge("Förderverein Freibad Süd e.V. wird von der Stadt unterstützt.").reason != (
        "name of an organisation"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Freiwillige Ausreisen bevorzugen wir.",
        "Wir bevorzugen Mehrweg statt Einweg bei städtischen Festen.",
    ],
)
def test_preferences_of_the_authors_are_pledges(text: str) -> None:
    assert judge(text).pledge, judge(text).reason


def test_a_pledge_naming_its_object_by_a_demonstrative_takes_its_context() -> None:
    doc = segmented(
        (
            "p",
            "Seit 2022 fährt der Nachtbus auch am Wochenende. "
            "Wir wollen diese Regelung beibehalten.",
        ),
    )
    candidates = detect(doc).candidates
    assert len(candidates) == 1
    assert candidates[0].text.startswith("Seit 2022 fährt der Nachtbus")


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollen den Vereinen einen Zuschuss gewähren, der die Hallenmiete deckt.",
        "Wir wollen eine neue Kultur der Zusammenarbeit etablieren, die von allen getragen wird.",
        "Wir wollen die Normen so anpassen, dass Bauen günstiger wird.",
        "Wir wollen die Radwege ausbauen in der ganzen Stadt.",
    ],
)
def test_a_wish_whose_main_clause_ends_in_its_verb_is_a_pledge(text: str) -> None:
    assert judge(text).pledge, judge(text).reason


@pytest.mark.parametrize(
    "text",
    [
        "Mit dem Sozialpass haben wir ein Instrument geschaffen, mit dem wir Teilhabe sichern.",
        "Bereits 2010 haben wir den Sozialpass wieder einführen können.",
        "In dieser Wahlperiode haben wir die Kita-Gebühren halbiert und Stellen gesichert.",
    ],
)
def test_credit_claims_are_not_pledges(text: str) -> None:
    assert judge(text).reason == "claims credit for the past"


def test_a_credit_claim_with_a_commitment_still_commits() -> None:
    text = "Darum haben wir das Paket unterstützt und wollen weiter daran festhalten."
    assert judge(text).pledge


def test_a_sentence_saying_what_the_pledge_makes_possible_stays_out_of_it() -> None:
    doc = segmented(
        (
            "p",
            "Wir wollen Personalpartnerschaften erleichtern. "
            "So können sich zwei Betriebe freie Kapazitäten zur Verfügung stellen.",
        ),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "Wir wollen Personalpartnerschaften erleichtern."
    ]


def test_a_measure_the_pledge_includes_is_a_pledge_of_its_own() -> None:
    doc = segmented(
        (
            "p",
            "Die Volkshochschule als Ort der Weiterbildung stärken. "
            "Dazu gehört auch die Einrichtung eines Sprachcafés.",
        ),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "Die Volkshochschule als Ort der Weiterbildung stärken.",
        "Dazu gehört auch die Einrichtung eines Sprachcafés.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Dadurch können zum einen Steuerungsinstrumente für die Pflege entwickelt werden.",
        "Damit kann auch ein wichtiger Beitrag zum Klimaschutz geleistet werden.",
        "So können sich zwei Betriebe freie Kapazitäten zur Verfügung stellen.",
    ],
)
def test_a_sentence_saying_what_a_measure_makes_possible_is_no_pledge(text: str) -> None:
    assert judge(text).reason == "justification: what a measure makes possible"


def test_a_resolution_in_the_perfect_is_a_pledge() -> None:
    assert judge("Wir haben uns fest vorgenommen, die Pflege zu verbessern.").pledge
    assert judge("Wir haben uns zum Ziel gesetzt, bis 2035 klimaneutral zu sein.").pledge


@pytest.mark.parametrize(
    "follow_up",
    ["Dies wollen wir fortführen.", "Diesen Weg werden wir weitergehen."],
)
def test_a_pointer_after_a_credit_claim_takes_it_as_context(follow_up: str) -> None:
    doc = segmented(
        (
            "p",
            "In dieser Wahlperiode haben wir ein Netz von Familienzentren etabliert. " + follow_up,
        ),
    )
    candidates = detect(doc).candidates
    assert len(candidates) == 1
    assert candidates[0].text.startswith("In dieser Wahlperiode")
    assert candidates[0].text.endswith(follow_up)


@pytest.mark.parametrize(
    "text",
    [
        "Wir brauchen zu den großen Themen eher wenige, dafür zentrale Strategien.",
        "Wir wollen mit der Stadt ein gutes Miteinander.",
    ],
)
def test_the_opening_modal_is_no_verb_before_a_moved_phrase(text: str) -> None:
    assert judge(text).reason == "slogan: a wish without an action"


def test_an_included_measure_in_a_zu_clause_is_a_pledge_of_its_own() -> None:
    doc = segmented(
        (
            "p",
            "Wir wollen das Vereinsleben stärken. "
            "Dazu gehört auch, die Vereine bei der Suche nach Räumen zu unterstützen.",
        ),
    )
    assert [c.text for c in detect(doc).candidates] == [
        "Wir wollen das Vereinsleben stärken.",
        "Dazu gehört auch, die Vereine bei der Suche nach Räumen zu unterstützen.",
    ]


def test_das_before_a_noun_is_an_article_not_a_pointer_back() -> None:
    doc = segmented(
        (
            "p",
            "Der Zuschuss für das Stadtarchiv darf nicht sinken. Das neue Lesezimmer soll bleiben.",
        ),
    )
    assert len(detect(doc).candidates) == 2


@pytest.mark.parametrize(
    "opening", ["Das wollen wir ändern.", "Das müssen die Bürger entscheiden."]
)
def test_das_before_its_verb_still_points_back(opening: str) -> None:
    doc = segmented(("p", f"Die Gebühren der Musikschule steigen jedes Jahr. {opening}"))
    candidates = detect(doc).candidates
    assert len(candidates) == 1 and len(candidates[0].segments) == 2


@pytest.mark.parametrize(
    "text",
    [
        # An impersonal need that opens its sentence (CDU/CSU 2025, Berlin 2021).
        "Es braucht bessere Rahmenbedingungen für Vollzeitarbeit oder vollzeitnahe Arbeit.",
        "Deshalb braucht es einen Umbau der Stadt, damit sie auch unter den veränderten "
        "Bedingungen in Zukunft lebenswert bleibt.",
        # What the authors call important, in a clause that names it (Münster SPD 2014).
        "Für die Sicherheit ist es zudem wichtig, dass wir schrittweise unsere "
        "Straßenbeleuchtung modernisieren.",
    ],
)
def test_a_stated_need_is_a_demand(text: str) -> None:
    verdict = judge(text)
    assert verdict.pledge and verdict.strong, verdict.reason


@pytest.mark.parametrize(
    "text",
    [
        "Doch es braucht noch mehr: Verbraucherinnen und Verbraucher benötigen handlungsfähige "
        "Marktaufsichtsbehörden.",
        "Deutschland hat alles, was es braucht.",
        "Insbesondere für Frauen ist es wichtig, nach einer Familienphase ihre beruflichen Pläne "
        "voll verwirklichen zu können.",
    ],
)
def test_a_need_that_leads_on_or_gives_a_reason_is_none(text: str) -> None:
    assert not judge(text).pledge, judge(text).reason


def test_a_stated_need_after_a_pledge_stands_alone() -> None:
    doc = segmented(
        (
            "p",
            "Wir machen die Datenschutz-Grundverordnung alltagstauglich. "
            "Es braucht mehr standardisierte Verfahren, etwa für Werkstätten und Arztpraxen.",
        ),
    )
    assert len(detect(doc).candidates) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Nachhaltige Landwirtschaft und Naturschutz sind keine Gegensätze.",
        "Denkmalschutz und Klimaschutz sind kein Widerspruch, sondern ergänzen sich.",
        "Klimaschutz und Wirtschaft sind für uns keine Gegensätze, sondern gehören zusammen.",
    ],
)
def test_aims_declared_compatible_are_a_principle(text: str) -> None:
    assert judge(text, agreement=True).reason == "a principle, not a measure"


@pytest.mark.parametrize(
    "text",
    [
        "https://www.akwasser.de/node/9 Kap.: Versiegelung verringern",
        "- www.stadt-beispiel.de/klimaplan",
        "Quelle: https://www.example.org/bericht.pdf",
        "[1] https://www.akwasser.de/node/9 Kap.: Versiegelung verringern",
        "Vgl. https://www.example.org/studie Kap.: Hitzeplanung",
    ],
)
def test_a_web_address_is_a_reference_not_a_pledge(text: str) -> None:
    assert judge(text, list_item=True).reason == "a web address"


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollen die Plattform www.lebensmittelwarnung.de mit den Ländern überarbeiten.",
        "www.stadt-beispiel.de soll bis 2026 vollständig barrierefrei werden.",
    ],
)
def test_a_pledge_that_names_a_web_address_still_commits(text: str) -> None:
    assert judge(text).pledge


@pytest.mark.parametrize(
    "text",
    [
        "Unser Positionspapier zur Mobilität herunterladen",
        "Das ganze Interview mit der Kandidatin lesen",
    ],
)
def test_the_label_of_a_link_for_the_reader_is_no_pledge(text: str) -> None:
    assert judge(text) == judge(text, list_item=True)
    assert not judge(text).pledge


def test_a_verb_that_ends_a_subordinate_clause_makes_no_infinitive_item() -> None:
    text = (
        "Kultur gehört allen, und Teilhabe gelingt nur, "
        "wenn Schulen, Vereine und Eltern zusammenarbeiten"
    )
    assert not judge(text).pledge


@pytest.mark.parametrize(
    "text",
    [
        "Kita-Plätze, wenn nötig, in allen Stadtteilen ausbauen",
        "Mehr Radwege bauen, um den Schulweg sicherer zu machen",
        "Bücher für die Stadtbibliothek anschaffen und in Kitas vorlesen",
    ],
)
def test_an_infinitive_item_keeps_its_verb_past_an_aside_or_a_purpose(text: str) -> None:
    assert judge(text).pledge


def test_a_pledge_to_look_at_something_is_no_link() -> None:
    assert judge("Alle Förderprogramme der Stadt kritisch ansehen", list_item=True).pledge
