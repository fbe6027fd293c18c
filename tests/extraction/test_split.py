import pytest

from versprochen.extraction.admissible import subject_clause
from versprochen.extraction.split import split_text, trim_justification


def parts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_text(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ausbau des Busnetzes, eine Erhöhung der Takte, sowie die Einrichtung von Nachtbuslinien.",
            [
                "Ausbau des Busnetzes",
                "eine Erhöhung der Takte",
                "die Einrichtung von Nachtbuslinien",
            ],
        ),
        (
            "Seniorenberatung stärken und Mieterinformation ausbauen.",
            ["Seniorenberatung stärken", "Mieterinformation ausbauen"],
        ),
        (
            "Verbesserung des Brandschutzes und der Notfallvorsorge sowie Aufbau eines "
            "Sirenennetzes.",
            [
                "Verbesserung des Brandschutzes und der Notfallvorsorge",
                "Aufbau eines Sirenennetzes",
            ],
        ),
        (
            "Die Musikschule öffnen und dabei zugleich ein Angebot für Senioren schaffen.",
            ["Die Musikschule öffnen", "dabei zugleich ein Angebot für Senioren schaffen"],
        ),
        (
            "das Netz der Radwege ausbauen und die Beschilderung der Routen verbessern.",
            ["das Netz der Radwege ausbauen", "die Beschilderung der Routen verbessern"],
        ),
        (
            "Radwege müssen verbreitert, Kreuzungen entschärft werden.",
            ["Radwege müssen verbreitert", "Kreuzungen entschärft werden"],
        ),
        (
            "Ausbau der Musikschule – dazu gehört selbstverständlich eine Erweiterung der "
            "Unterrichtsräume.",
            [
                "Ausbau der Musikschule",
                "dazu gehört selbstverständlich eine Erweiterung der Unterrichtsräume",
            ],
        ),
    ],
)
def test_bundles_are_split_into_verbatim_parts(text: str, expected: list[str]) -> None:
    assert parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Erhalt und Ausbau von Jugendzentren.",
        "Ausbau von Stadtteilhäusern mit Beratungs-, Kultur- und Sportangeboten.",
        "Einen Treffpunkt mit freiem W-LAN und Sitzbänken schaffen.",
        "Städtische Gesellschaften im Stadtkonzern erhalten und weiterentwickeln.",
        "Die Stadtwerke sollen Kinder- und Jugendangebote fördern.",
        "Wir fordern Kurse für Eltern und Lehrer*innen und Schüler*innen.",
        "Für uns hat die Pflege der Parks und der Erhalt der Alleen Vorrang vor dem Neubau.",
        "Das kann sich ändern, wenn wir nach dem Grundsatz handeln, Vorhandenes zu stärken.",
        "Gewerbe, die sich für Nachhaltigkeit einsetzen und Konzepte vorlegen, sollen bevorzugt werden.",
        "Wir werden die Aufgabe des Haushaltsausgleichs und der Schuldentilgung konsequent angehen.",
        "Ziel dieser Methode soll es sein, die Wirkung einzelner Maßnahmen einschätzen zu können.",
        "Wir stehen für einen wirksamen Mieterschutz – dazu gehören auch die Regeln zur Miethöhe.",
    ],
)
def test_illustrating_lists_stay_whole(text: str) -> None:
    assert len(parts(text)) == 1


def test_justifications_are_cut_off() -> None:
    assert (
        trim_justification(
            "Keine Erhöhung der Musikschulgebühren – Kultur darf nicht vom Einkommen abhängen"
        )
        == "Keine Erhöhung der Musikschulgebühren"
    )
    assert (
        trim_justification("Wir lehnen Cross-Border-Leasing ab, da die Verträge geheim sind")
        == "Wir lehnen Cross-Border-Leasing ab"
    )
    kept = "Einrichtung eines Runden Tisches – u. a. um Betriebsräte anzuregen"
    assert trim_justification(kept) == kept
    # A dash inside a term ("CO 2 - Einsparungen") is no justification.
    term = "Zur Erreichung der CO 2 - Einsparungen werden wir den Prozess intensivieren"
    assert trim_justification(term) == term


def test_a_pledge_with_a_follow_up_is_still_split() -> None:
    from tests.extraction.helpers import segmented
    from versprochen.extraction.detect import detect
    from versprochen.extraction.split import split

    doc = detect(
        segmented(
            (
                "p",
                "Mehr Schatten auf Spielplätzen durch Sonnensegel sowie Ausbau der Trinkwasserspender "
                "in Turnhallen. Dabei sind die Elternbeiräte frühzeitig zu beteiligen.",
            ),
        )
    )
    assert [s.text for s in split(doc).statements] == [
        "Mehr Schatten auf Spielplätzen durch Sonnensegel",
        "Ausbau der Trinkwasserspender in Turnhallen. Dabei sind die Elternbeiräte frühzeitig zu "
        "beteiligen",
    ]


def _parts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_text(text)]


def test_a_list_of_infinitive_clauses_is_split_at_its_comma_and_und() -> None:
    text = (
        "die Stadtbücherei mit ihren Zweigstellen erhalten, die Öffnungszeiten verlängern "
        "und die Ausleihe überall kostenlos anbieten"
    )
    assert _parts(text) == [
        "die Stadtbücherei mit ihren Zweigstellen erhalten",
        "die Öffnungszeiten verlängern",
        "die Ausleihe überall kostenlos anbieten",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "eine Stadtentwicklung, die sich am Klima orientiert, die Resilienz stärkt "
        "und die Lebensgrundlagen bewahrt",
        "Wir wollen Räume schaffen, der Sommerhitze zu entfliehen und die Kliniken zu entlasten",
    ],
)
def test_relative_clauses_and_zu_infinitives_are_no_infinitive_list(text: str) -> None:
    assert _parts(text) == [text]


def test_a_second_predicate_with_its_own_complement_is_split() -> None:
    text = "die Fähre erhalten und in den Verkehrsverbund einbinden"
    assert _parts(text) == ["die Fähre erhalten", "in den Verkehrsverbund einbinden"]


def test_each_declared_stance_is_a_pledge_of_its_own() -> None:
    text = "Wir sind gegen neue Gewerbegebiete im Außenbereich und gegen den Verkauf städtischer Wälder"
    assert _parts(text) == [
        "Wir sind gegen neue Gewerbegebiete im Außenbereich",
        "gegen den Verkauf städtischer Wälder",
    ]
    # Without a declared stance the "und" joins two objects of one verb.
    text = "Wir kämpfen für bessere Radwege und für eine sichere Schulwegführung"
    assert len(_parts(text)) == 1


def test_a_semicolon_between_two_commitments_splits() -> None:
    assert parts("Sportvereinen Hallenzeiten sichern; für Schulen neue Turnhallen bauen.") == [
        "Sportvereinen Hallenzeiten sichern",
        "für Schulen neue Turnhallen bauen",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Radwege sanieren; zum Beispiel sollte jede Brücke einen Radstreifen haben.",
        "Alle Schulen bekommen Tablets gestellt; ihre Nutzung ist freiwillig.",
        "Der Landkreis geht voran; dies soll auch für die Gemeinden gelten.",
    ],
)
def test_a_semicolon_before_an_example_or_a_pointer_does_not_split(text: str) -> None:
    assert parts(text) == [text.rstrip(".")]


def test_a_contrast_that_adds_a_commitment_splits() -> None:
    assert parts("Leerstand zu Wohnraum umbauen, aber auch die Erschließung neuer Quartiere.") == [
        "Leerstand zu Wohnraum umbauen",
        "aber auch die Erschließung neuer Quartiere",
    ]
    text = "Einführung von Online-Anträgen, aber auch die Beratung vor Ort muss bleiben."
    assert parts(text) == [
        "Einführung von Online-Anträgen",
        "aber auch die Beratung vor Ort muss bleiben",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Integration muss gefördert, aber intensiver als bisher eingefordert werden.",
        "Wir wollen die Wartezeiten für Kinder, aber auch in ländlichen Gebieten senken.",
        "Die Sparkassen, aber auch die Genossenschaftsbanken wollen wir erhalten.",
        "Wir wollen das Richtige tun, aber wir wollen es auch wirklich umsetzen können.",
        "Wir wollen die Gebühren senken, aber das muss auch bezahlbar bleiben.",
    ],
)
def test_a_contrast_that_qualifies_one_commitment_stays_whole(text: str) -> None:
    assert parts(text) == [text.rstrip(".")]


@pytest.mark.parametrize(
    "text",
    [
        "die Zusammenarbeit mit den Anbietern der städtischen und der privaten Pflege ausbauen",
        "die Übergänge zwischen der schulischen und der beruflichen Bildung erleichtern",
    ],
)
def test_adjectives_of_one_noun_joined_by_und_stay_whole(text: str) -> None:
    # "der städtischen" ends in an adjective whose noun comes after "und", not in a verb.
    assert _parts(text) == [text]


def test_a_verb_after_a_noun_still_ends_a_conjunct() -> None:
    text = "die Buslinien der Stadt erweitern und die Takte verdichten"
    assert _parts(text) == ["die Buslinien der Stadt erweitern", "die Takte verdichten"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bauanträge schneller bearbeiten und zuständige Ämter besser vernetzen.",
            ["Bauanträge schneller bearbeiten", "zuständige Ämter besser vernetzen"],
        ),
        (
            "die Dorfgemeinschaftshäuser baulich sanieren und mit neuer Technik ausstatten.",
            ["die Dorfgemeinschaftshäuser baulich sanieren", "mit neuer Technik ausstatten"],
        ),
        (
            "Wir wollen neue Betriebe gewinnen und im ländlichen Raum ansiedeln.",
            ["Wir wollen neue Betriebe gewinnen", "im ländlichen Raum ansiedeln"],
        ),
    ],
)
def test_an_object_or_complement_opening_with_an_adjective_is_its_own(
    text: str, expected: list[str]
) -> None:
    assert parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollen für bezahlbare Mieten und sichere Radwege sorgen.",
        "Wir wollen gesunden und nachhaltigen Tourismus fördern.",
        "Wir setzen uns dafür ein, dass alle vertraglichen und personellen Beteiligungen der "
        "Stadt veröffentlicht werden.",
        "Wir wollen den Radverkehr fördern, um die Luft zu verbessern und den Lärm zu senken.",
        "Wir wollen den Standort in seiner thematischen und regionalen Vielfalt sicherstellen.",
        # Oldenburg Grüne 2026, Berlin 2021: lists of verbs or adjectives after a comma.
        "Wir sichern, erhalten und schaffen wohnortnahe Flächen für Spiel und Sport.",
        "Die Prozesse wird die Koalition optimieren, entbürokratisieren und mit einheitlichen "
        "IT-Verfahren unterstützen.",
        "Die Kompetenzen wollen wir mit geeigneten lokalen, nationalen und internationalen "
        "Partnern verbinden.",
    ],
)
def test_adjectives_of_one_noun_and_purpose_clauses_stay_whole(text: str) -> None:
    assert parts(text) == [text.rstrip(".")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Wir unterstützen den Erhalt der Sporthalle und befürworten längere Öffnungszeiten.",
            ["Wir unterstützen den Erhalt der Sporthalle", "befürworten längere Öffnungszeiten"],
        ),
        (
            "Wir streben einen Nachtbus ins Umland an und wir befürworten ein Sammeltaxi.",
            ["Wir streben einen Nachtbus ins Umland an", "wir befürworten ein Sammeltaxi"],
        ),
        (
            "Deshalb unterstützen wir die Vereine und fördern den Breitensport.",
            ["Deshalb unterstützen wir die Vereine", "fördern den Breitensport"],
        ),
        (
            "Wir fordern mehr Personal und lehnen Kürzungen ab.",
            ["Wir fordern mehr Personal", "lehnen Kürzungen ab"],
        ),
        (
            "Wir packen die Probleme an, welche die Menschen bewegen, und setzen uns Ziele.",
            ["Wir packen die Probleme an, welche die Menschen bewegen", "setzen uns Ziele"],
        ),
    ],
)
def test_a_second_main_clause_of_the_authors_is_a_pledge_of_its_own(
    text: str, expected: list[str]
) -> None:
    assert parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wir fördern Vereine und Initiativen in den Stadtteilen.",
        "Wir bekennen uns zur Verantwortung und gegen eine Fusion der Gesellschaft.",
    ],
)
def test_a_noun_list_or_a_preposition_after_und_is_no_second_main_clause(text: str) -> None:
    assert parts(text) == [text.rstrip(".")]


def test_a_main_clause_with_its_own_subject_and_modal_after_a_comma_splits() -> None:
    text = "Die Schule soll erhalten bleiben, der Anbau muss bis 2027 fertig werden."
    assert parts(text) == [
        "Die Schule soll erhalten bleiben",
        "der Anbau muss bis 2027 fertig werden",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollen die Vereine stärken, die gefördert werden sollen.",
        "Wir wollen, dass die Stadt bleibt, die Verwaltung muss dafür sorgen.",
    ],
)
def test_a_relative_clause_or_a_clause_after_dass_is_no_main_clause(text: str) -> None:
    assert parts(text) == [text.rstrip(".")]


def test_no_cut_after_a_word_that_shares_its_head_with_the_next() -> None:
    text = "Wir wollen das Konzept der kurzen Wege bei der Stadt- und Verkehrswegeplanung stärken"
    assert split_text(text) == [(0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dafür stärken wir sowohl die Vermittlung auf den ersten Arbeitsmarkt als auch "
            "Inklusionsbetriebe und Werkstätten.",
            [
                "Dafür stärken wir sowohl die Vermittlung auf den ersten Arbeitsmarkt",
                "als auch Inklusionsbetriebe und Werkstätten",
            ],
        ),
        (
            "Deshalb wollen wir, dass die Infrastruktur ausgebaut, die Qualität gesteigert und "
            "die Betreuungssituation verbessert wird.",
            [
                "Deshalb wollen wir, dass die Infrastruktur ausgebaut",
                "die Qualität gesteigert",
                "die Betreuungssituation verbessert wird",
            ],
        ),
        (
            "Das BB-OL setzt sich dafür ein, dass Sozialquoten bei Neubauprojekten konsequent "
            "eingehalten werden, dass die Wohngesellschaft schnell handlungsfähig wird und dass "
            "mehr erschwinglicher Mietraum geschaffen wird.",
            [
                "Das BB-OL setzt sich dafür ein, dass Sozialquoten bei Neubauprojekten konsequent "
                "eingehalten werden",
                "dass die Wohngesellschaft schnell handlungsfähig wird",
                "dass mehr erschwinglicher Mietraum geschaffen wird",
            ],
        ),
        (
            "Gerade in der Innenstadt ist es wichtig, dass kein Müll herumfliegt und dass nach "
            "Großveranstaltungen Abfälle schnell beseitigt werden.",
            [
                "Gerade in der Innenstadt ist es wichtig, dass kein Müll herumfliegt",
                "dass nach Großveranstaltungen Abfälle schnell beseitigt werden",
            ],
        ),
    ],
)
def test_both_and_and_dass_lists_are_split(text: str, expected: list[str]) -> None:
    assert parts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # The pair widens one measure's scope, or the verb follows it.
        "Die Kurse gelten sowohl für Kinder als auch für Erwachsene.",
        "Wir wollen sowohl die Musikschule als auch die Stadtbibliothek stärken.",
        "Dazu gehören die Vervollständigung sowohl der Energieunion als auch der Kapitalmarktunion.",
        "Wir prüfen eine Servicestelle, die sowohl die Verwaltung als auch Vereine berät.",
        # A relative clause, a shared pronoun subject, a dependent "dass", a second predicate.
        "Wir stellen sicher, dass öffentliche Gelder nicht an Einrichtungen vergeben werden, "
        "die verfassungsfeindliche Tendenzen aufweisen.",
        "Europol muss so weiterentwickelt werden, dass es eine Zentralstelle für Europa wird "
        "und ein gemeinsames Informationshaus bereitstellt.",
        "Wir erinnern daran, dass der Mieterbund empfiehlt, dass der Heizbedarf gesenkt "
        "werden soll und die Verbraucherzentrale eine Energieberatung fordert.",
        "Wir wollen, dass die Menschen bei uns die vielfältigen Chancen nutzen und in "
        "Sicherheit leben können.",
        "Wir wollen auch, dass die Verwaltungen vollständig auf Einwegplastik verzichten und "
        "auf Alternativen umsteigen.",
    ],
)
def test_scopes_relatives_and_shared_subjects_stay_whole(text: str) -> None:
    assert len(parts(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Durch den Ausbau der Schulsozialarbeit sowie die Einbindung der Vereine schaffen wir "
        "verlässliche Unterstützung für alle Kinder",
        "Mit klaren Regeln, einer schnelleren Anerkennung und fairen Abkommen schaffen wir die "
        "Grundlage für die Zuwanderung von Fachkräften",
    ],
)
def test_a_fronted_list_of_means_stays_with_its_commitment(text: str) -> None:
    assert parts(text) == [text]


def test_a_list_of_actions_without_a_fronted_means_is_still_split() -> None:
    text = "Wir fordern den Ausbau der Radwege sowie die Einführung eines Nachtbusses"
    assert len(parts(text)) == 2


def test_the_outcomes_of_a_refusal_stay_with_it() -> None:
    text = (
        "Wir lassen nicht zu, dass Spielplätze geschlossen werden und die Bäder "
        "an private Betreiber verkauft werden"
    )
    assert parts(text) == [text]


def test_the_outcomes_of_a_demand_are_still_cut() -> None:
    text = "Wir wollen, dass die Spielplätze saniert werden und die Bäder länger geöffnet werden"
    assert len(parts(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Wir sind gegen die Schließung der Bäder sowie die Privatisierung der Stadtwerke",
        "Eine Schließung der Bäder sowie eine Privatisierung der Stadtwerke lehnen wir ab",
    ],
)
def test_a_noun_phrase_stays_with_the_refusal_that_governs_it(text: str) -> None:
    assert parts(text) == [text]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        (
            "Wir lehnen die Schließung der Bäder ab und fordern den Ausbau der Radwege",
            "fordern den Ausbau der Radwege",
        ),
        (
            "Wir sind gegen neue Parkgebühren in der Altstadt und gegen die Schließung der "
            "Stadtteilbibliotheken",
            "gegen die Schließung der Stadtteilbibliotheken",
        ),
    ],
)
def test_a_part_with_its_own_verb_or_refusal_is_still_cut(text: str, second: str) -> None:
    assert parts(text)[-1] == second


@pytest.mark.parametrize(
    "text",
    [
        "Vermeidung von Plastikmüll an Schulen sowie Ausbau der Radwege in allen Stadtteilen",
        "Keine Erhöhung der Grundsteuer sowie Ausbau der Radwege in allen Stadtteilen",
        "Ausbau der Radwege, die heute nicht sicher sind, sowie Sanierung der maroden Brücken",
        "Wir wollen ausschließlich Ökostrom in städtischen Gebäuden sowie den Ausbau der "
        "Solaranlagen",
        "Wir lassen nicht zu, dass Bäder geschlossen werden, und wir bauen neue Radwege",
        "Kein Kind darf zurückbleiben, deshalb sorgen wir dafür, dass Schulen saniert werden "
        "und Kitas ausgebaut werden",
    ],
)
def test_a_negation_that_governs_only_its_own_words_blocks_no_cut(text: str) -> None:
    assert len(parts(text)) == 2


def test_a_relative_clause_on_the_opening_subject_keeps_its_verbs() -> None:
    text = (
        "Projekte, die viel Geld kosten, lange dauern und ihren Nutzen erst spät entfalten, "
        "müssen gegen andere Vorhaben abgewogen werden"
    )
    assert parts(text) == [text]


def test_a_cut_after_the_subjects_relative_clause_and_its_verb_is_still_made() -> None:
    text = "Schulen, die marode sind, werden saniert und neue Radwege werden überall gebaut"
    assert parts(text) == [
        "Schulen, die marode sind, werden saniert",
        "neue Radwege werden überall gebaut",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Wir wollen die Bedürfnisse von Familien mit und ohne Kinder besser berücksichtigen",
        "Angebote müssen den Interessen von Kindern mit und ohne Behinderung gerecht werden",
    ],
)
def test_coordinated_prepositions_keep_the_noun_phrase_they_share(text: str) -> None:
    assert parts(text) == [text]


def test_a_part_after_coordinated_prepositions_is_still_cut() -> None:
    text = (
        "Wir wollen die Angebote für Familien mit und ohne Kinder ausbauen und die Beratung stärken"
    )
    assert parts(text) == [
        "Wir wollen die Angebote für Familien mit und ohne Kinder ausbauen",
        "die Beratung stärken",
    ]


def test_a_verb_particle_before_the_conjunction_still_ends_a_part() -> None:
    text = "Wir bauen die Radwege in allen Stadtteilen aus und sanieren die maroden Brücken"
    assert len(parts(text)) == 2


@pytest.mark.parametrize(
    "text",
    [
        # The authors, a modal or a finite verb before the relative clause: the sentence
        # opens with a clause of its own, not with a subject the clause describes.
        "Wir fördern Vereine, die Kinder trainieren und Turniere ausrichten, wird gesagt",
        "Die Stadt soll Vereine, die Kinder trainieren und Turniere ausrichten, fördern",
        "Die Stadt baut Wege, die sicher sind und beleuchtet werden, ist das Ziel",
        # A list before the relative clause is no single subject.
        "Schulen, Kitas, die marode sind und leer stehen, werden saniert",
    ],
)
def test_only_an_opening_subject_shelters_its_relative_clause(text: str) -> None:
    assert subject_clause(text) is None


def test_an_opening_subject_shelters_its_relative_clause_up_to_the_main_verb() -> None:
    text = "Projekte, die viel kosten und lange dauern, müssen abgewogen werden"
    assert subject_clause(text) == (
        len("Projekte"),
        len("Projekte, die viel kosten und lange dauern"),
    )
