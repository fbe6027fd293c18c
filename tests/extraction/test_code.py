"""The `code` stage: every rule on literal German pledges."""

from __future__ import annotations

import unicodedata

import pytest
import simplemma

from versprochen.extraction.code import code, code_text
from versprochen.extraction.coding import kind, lemmas, places, quantities, testable
from versprochen.extraction.coding.context import document_title, home_of, home_places
from versprochen.extraction.coding.gates import Gated, text_cues
from versprochen.extraction.coding.lexicon import Lexicon
from versprochen.extraction.coding.places import find_places
from versprochen.extraction.coding.quantities import find_quantities
from versprochen.extraction.types import (
    AREAS,
    CAP_TOPICS,
    Block,
    CleanDocument,
    OutlinedDocument,
    Section,
    SplitDocument,
    Statement,
)

KJF = ("Kinder und Familien",)

# --- lexicon matching ---------------------------------------------------------


def test_lexicon_prefix_infix_word_and_suffix_patterns() -> None:
    lexicon = Lexicon(
        "test",
        "[a]\n3: schul ~schule =vhs *plan\n[b]\n1: sozialarbeit ~sozialarbeit\n",
    )
    assert lexicon.scores("Schulhof") == {"a": 3.0}
    assert lexicon.scores("Gesamtschule") == {"a": 3.0}
    assert lexicon.scores("Verschuldung") == {}
    assert lexicon.scores("Die VHS und die VHS-Kurse") == {"a": 3.0}
    assert lexicon.scores("Radwegeplan") == {"a": 3.0}
    assert lexicon.scores("Planung") == {}


def test_lexicon_longest_match_wins_inside_a_compound() -> None:
    lexicon = Lexicon("test", "[a]\n3: schul schulsozialarbeit\n[b]\n3: ~sozialarbeit\n")
    assert lexicon.scores("Schulsozialarbeit") == {"a": 3.0}


def test_lexicon_phrases_span_words() -> None:
    lexicon = Lexicon("test", "[a]\n2: park_and_ride\n")
    assert lexicon.scores("Schilder zu den Park and Ride-Anlagen am Stadtrand") == {"a": 2.0}


def test_lexicon_short_stems_and_word_parts() -> None:
    lexicon = Lexicon("test", "[a]\n1: ki *ki\n[b]\n2: gebühr ~gebühr\n")
    assert lexicon.scores("Kita") == {"a": 1.0}
    assert lexicon.scores("Wiki") == {"a": 1.0}
    assert lexicon.scores("Kita-Gebühren") == {"a": 1.0, "b": 2.0}
    # Parts after a slash begin afresh, but only the last part ends the word.
    assert lexicon.scores("Wiki/Gebühr") == {"b": 2.0}
    assert lexicon.scores("Elternbeiträge") == {}


def test_lexicon_with_many_phrases_finds_them_after_signs_only() -> None:
    phrases = " ".join(f"phrase_{n}" for n in range(20))
    lexicon = Lexicon("test", f"[a]\n1: park_and_ride {phrases}\n")
    assert lexicon.scores("Neue Park and Ride-Plätze") == {"a": 1.0}
    assert lexicon.scores("Rad/Park and Ride") == {"a": 1.0}
    assert lexicon.scores("Stadtpark and ride") == {}


def test_lexicon_modifier_of_a_compound_counts_its_share() -> None:
    lexicon = Lexicon("test", "[a]\n4: schul\n[b]\n4: ~sozialarbeit\n[c]\n2: ~ausgaben\n")
    # The head names what the thing is; its modifier counts the given share.
    assert lexicon.scores("Schulsozialarbeit", 0.5) == {"a": 2.0, "b": 4.0}
    assert lexicon.scores("Schul-Sozialarbeit", 0.5) == {"a": 2.0, "b": 4.0}
    assert lexicon.scores("Schulsozialarbeit") == {"a": 4.0, "b": 4.0}
    # Separate words, and words joined by a slash, are no compound.
    assert lexicon.scores("Schule und Sozialarbeit", 0.5) == {"a": 4.0, "b": 4.0}
    assert lexicon.scores("Schul/Sozialarbeit", 0.5) == {"a": 4.0, "b": 4.0}
    # A head of the same label takes nothing from its modifier.
    same = Lexicon("test", "[a]\n4: schul ~sozialarbeit\n")
    assert same.scores("Schulsozialarbeit", 0.5) == {"a": 8.0}


def test_lexicon_rejects_lines_without_weight() -> None:
    with pytest.raises(ValueError, match="weight"):
        Lexicon("broken", "[a]\nschul\n")


# --- area ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sections", "area"),
    [
        ("Keine Anhebung der Kita-Gebühren", KJF, "kinder_jugend_familie"),
        ("Ausbau der Schulsozialarbeit an allen Schulen", ("Bildung",), "bildung"),
        ("Angebote der Volkshochschule ausweiten", (), "bildung"),
        ("Bau einer Dreifachturnhalle für Schulen und Vereine", ("Sport",), "sport"),
        ("Ausbau des Busnetzes und Erhöhung des Fahrtaktes", (), "mobilitaet"),
        ("Mehr öffentliche Flächen für Windkraftanlagen", (), "umwelt_klima_energie"),
        ("Klimakonforme Aufforstung statt Abholzung", (), "umwelt_klima_energie"),
        ("Flächendeckender Breitbandausbau", (), "digitalisierung_verwaltung"),
        ("Stärkung der Jugendbeteiligung durch Jugendparlamente", (), "demokratie_beteiligung"),
        ("Mehr bezahlbaren Wohnraum für junge Menschen schaffen", (), "wohnen_stadtentwicklung"),
        ("Erhalt und Ausbau von Jugendzentren", (), "kinder_jugend_familie"),
        ("Keine weitere Anhebung der Grundsteuer", ("Finanzen",), "finanzen"),
        (
            "Mehr Streifen des Kommunalen Ordnungsdienstes in der Innenstadt",
            (),
            "sicherheit_ordnung",
        ),
        ("Die Stadtbibliothek erhält einen Lesesaal", (), "kultur"),
        ("Bei Streitfragen entscheidet der Koalitionsausschuss", (), "koalition_personal"),
        ("Die Schuldnerberatung personell aufstocken", ("Soziales",), "soziales_gesundheit"),
    ],
)
def test_area(text: str, sections: tuple[str, ...], area: str) -> None:
    assert code_text(text, sections).area == area


def test_heading_decides_where_the_text_is_ambiguous() -> None:
    # "Medien" alone says little; under a school heading it is education.
    assert code_text("Versorgung mit modernen Medien", ("Schulpolitik",)).area == "bildung"


def test_text_overrides_heading_when_it_clearly_belongs_elsewhere() -> None:
    text = "Eine Seilbahn vom Hauptbahnhof soll den Verkehr im Quartier entlasten"
    assert code_text(text, ("Arbeit",)).area == "mobilitaet"


def test_innermost_informative_heading_counts_most() -> None:
    sections = ("Inhaltliche Punkte", "Sicherheit und Ordnung", "Digitalisierung")
    assert code_text("Einführung der E-Akte", sections).area == "digitalisierung_verwaltung"


def test_slogan_headings_leave_the_decision_to_the_text() -> None:
    sections = ("#UNSEREZUKUNFT IST CHANCENLIEFERANT",)
    assert code_text("Abschaffung der KiTa-Gebühren im Kreis", sections).area == (
        "kinder_jugend_familie"
    )


def test_empty_text_and_headings_fall_back_to_a_valid_area() -> None:
    coding = code_text("", ())
    assert coding.area in AREAS
    assert coding.cap in CAP_TOPICS


# --- CAP ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sections", "cap"),
    [
        ("Mehr Suchtprävention für Jugendliche", KJF, 3),
        ("Barrierefreie und inklusive Spielplätze für alle Kinder", KJF, 2),
        ("Keine Anhebung der Kita-Gebühren", KJF, 13),
        ("Bau eines neuen Hallenbades", ("Sport",), 23),
        ("Flächendeckender Breitbandausbau", ("Digitalisierung",), 17),
        ("Digitalisierung der Verwaltungen", ("Digitalisierung",), 20),
        ("Mehr Solarzellen auf öffentlichen Gebäuden", ("Umwelt",), 8),
        ("Mehr öffentliche Mülleimer", ("Umwelt",), 7),
        ("Kreiseigene Wohnungsbaugesellschaft gründen", ("Wohnen",), 14),
        ("Einführung des 365-Euro-Tickets", ("Mobilität",), 10),
        ("Werbeauftritte der Bundeswehr lehnen wir ab", ("Schulpolitik",), 16),
        ("Eine Weiterbildungsschule für Berufstätige einrichten", ("Bildung",), 6),
    ],
)
def test_cap(text: str, sections: tuple[str, ...], cap: int) -> None:
    assert code_text(text, sections).cap == cap


# --- kind -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # negation of a worsening keeps the status quo
        ("Keine Erhöhung der Hundesteuer", "preserve"),
        ("Grundsteuer-Hebesätze nicht erhöhen", "preserve"),
        ("Eine Kostenerhöhung der Schulbusfahrkarten soll vermieden werden", "preserve"),
        ("Der Zuschuss für das Tierheim darf nicht gekürzt werden", "preserve"),
        ("Weitere Preiserhöhungen für Theaterkarten lehnen wir ab", "preserve"),
        ("Wir stärken den Busverkehr und wollen keine Reduktion der Taktung", "preserve"),
        # keep, continue, secure
        ("Erhalt der letzten Dorfschule", "preserve"),
        ("Fortsetzung der Schulmodernisierung bis 2035", "preserve"),
        ("Wir setzen uns für die Fortführung der Jugendberufshilfe ein", "preserve"),
        ("Das Klärwerk soll in kommunalem Eigentum bleiben", "preserve"),
        ("Weiterhin kostenloser Zugang zu den städtischen Turnhallen", "preserve"),
        ("Erhalt und Ausbau von Jugendzentren", "preserve"),
        # a change first, securing the result second, is an action
        ("Wir setzen uns weiterhin für die Abschaffung der Parkgebühren ein", "action"),
        ("Spielplätze modernisieren und langfristig sichern", "action"),
        # "erhalten" that means "receive"
        ("Die Eltern sollen Beratungsangebote erhalten", "action"),
        ("Um einen Überblick zu erhalten, wird ein Sozialbericht vorgelegt", "action"),
        # reject
        ("Wir lehnen Cross-Border-Leasing ab", "reject"),
        ("Flächendeckendes Tempo 30 wird abgelehnt", "reject"),
        ("Keine zusätzliche Videoüberwachung in Parks", "reject"),
        ("Wir sind gegen einen Verkauf der Stadtwerke", "reject"),
        ("Wir sagen Nein zu einer Müllverbrennungsanlage im Hafen", "reject"),
        ("Eine Umgehungsstraße wird es mit uns nicht geben", "reject"),
        ("Zur Verhinderung unerwünschter Bauvorhaben alle Mittel nutzen", "reject"),
        ("Weitere Spielhallen in der Innenstadt lehnen wir entschieden ab", "reject"),
        # examine
        ("Wir wollen prüfen, ob ein Stadtteilticket realisierbar ist", "examine"),
        ("Eine Teilnahme am Projekt Bürgerbus prüfen", "examine"),
        ("Evaluation des Radverkehrskonzepts nach zwei Jahren", "examine"),
        ("Untersuchung der Schimmelbelastung in Turnhallen", "examine"),
        ("Machbarkeitsstudie für eine Seilbahn", "examine"),
        ("Wir wollen klären, ob ein eigener Bauhof sich lohnt", "examine"),
        ("Die Straßenausbaubeiträge gehören auf den Prüfstand", "examine"),
        # action, including negation that does not refuse anything
        ("Neubau eines Bürgerhauses", "action"),
        ("Kampf gegen Falschparker", "action"),
        ("Aufklärungskampagnen gegen Online-Glücksspiel", "action"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    assert code_text(text, ()).kind == kind


GATED_TEXTS = [
    "Den Klimaschutzplan 2035 bis Mitte des Jahres 2027 umsetzen, im ersten Halbjahr 2026 prüfen",
    "Öffnung von sechs bis zwanzig Uhr, am Wochenende rund um die Uhr, Ende 2026 im Jahr 2030",
    "Wir werden prüfen, ob eine Seilbahn machbar ist",
    "Die Überprüfung der Satzung erfolgt jährlich",
    "Eine Machbarkeitsstudie zur Stadtbahn",
    "Keine Erhöhung der Hundesteuer, Kürzungen lehnen wir ab",
    "Eine Verschlechterung der Pflege wollen wir vermeiden",
    "Den Wegfall von Stellen verhindern",
    "Wir sprechen uns gegen eine Privatisierung aus",
    "Das wird es mit uns nicht geben",
    "Den Bau der Deponie stoppen",
    "Wir werden keine neuen Schulden machen",
    "Weiterhin kostenloser Eintritt in die Turnhallen",
    "Die Bäder sollen erhalten bleiben und weiter gesichert werden",
    "Um einen Überblick zu erhalten, wird berichtet",
    "Bis Ende 2027 sollen 50 Prozent der Busse elektrisch fahren",
    "Zweimal im Jahr tagt der Seniorenbeirat, ab 18 Uhr",
    "Eine Woche vor der Wahl, drei neue Rettungswachen, zweispurige Straßen",
    "BUGA 2031 und die Jahre 2025 - 2030, 2026 ff.",
    # Letters that lower-casing does not fold as `re` does.
    "Wir wollen die Lage ſondieren.",
    "Zweı neue Schulen für İstanbul",
    "",
]


@pytest.mark.parametrize("text", GATED_TEXTS)
def test_gated_rules_find_what_their_whole_regex_finds(text: str) -> None:
    present = text_cues(text)
    gates = [g for m in (kind, quantities) for g in vars(m).values() if isinstance(g, Gated)]
    assert len(gates) == 7
    for gated in gates:
        whole = [m.span() for m in gated.pattern.finditer(text)]
        assert [m.span() for m in gated.finditer(text, present)] == whole
        first = gated.pattern.search(text)
        found = gated.search(text, present)
        assert (found and found.span()) == (first and first.span())
        if first is not None:
            after = gated.pattern.search(text, first.end())
            found = gated.search(text, present, first.end())
            assert (found and found.span()) == (after and after.span())


def test_unfolded_letters_still_count() -> None:
    assert code_text("Wir wollen die Lage ſondieren.", ()).kind == "examine"
    assert find_quantities("zweı neue Schulen") == ("zweı neue Schulen",)


def test_gated_needs_are_lower_case_words() -> None:
    with pytest.raises(ValueError, match="lower-case"):
        Gated((r"\bPrüf", "Prüf"))
    with pytest.raises(ValueError, match="empty"):
        Gated((r"\bprüf", ""))


# --- testable -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Anhebung des Anteils geförderter Wohnungen in Neubaugebieten auf 30 Prozent",
        "Bau eines Jugendtreffs im Zentrum Hiltrups",
        "Abschaffung der Gebühren für Anwohnerparkausweise",
        "Einrichtung einer zusätzlichen Gesamtschule",
        "Wir lehnen Cross-Border-Leasing ab",
        "Wir wollen prüfen, ob ein Stadtteilticket realisierbar ist",
    ],
)
def test_concrete_pledges_are_testable(text: str) -> None:
    assert code_text(text, ()).testable


@pytest.mark.parametrize(
    "text",
    [
        "Elternarbeit stärken",
        "Seniorenarbeit stärken",
        "Verbesserung des Brandschutzes und der Notfallvorsorge",
        "Unterstützung der Arbeit der Heimatvereine",
        "Die Kultur weiterentwickeln und stärken",
    ],
)
def test_vague_pledges_are_not_testable(text: str) -> None:
    assert not code_text(text, ()).testable


@pytest.mark.parametrize(
    "text",
    [
        # A name in quotation marks is something one can look up afterwards,
        # even when the verb is one of direction.
        "Wir unterstützen den Verein „Lesepaten“",
        "Wir fördern die Initiative »Saubere Stadt«",
        "Regelmäßige Sprechstunden des Bürgermeisters in den Stadtteilen",
        # A quantity that is to fall or rise can be counted before and after.
        "Leerstände reduzieren und Perspektiven für die Innenstadt entwickeln",
        "Maßnahmen zur Verringerung der Zahl der Schulabbrecher ermöglichen",
        "Wir werden die Emissionen des Verkehrs deutlich senken",
        "Um die Versorgung zu sichern, wird die Förderung aufgestockt",
        # The goal in an opening clause of purpose is not the measure.
        "Um die Lage junger Menschen zu verbessern und zu stärken, vergibt die Stadt Stipendien",
        # ... nor is a quality that a clause of purpose wants more of.
        "Wir eröffnen eine Musikschule, damit das Angebot vielfältiger wird",
        # A section of a law is a name one can look up, and so is a law by its title.
        "Wir werden die Voraussetzungen nach § 81 des Sozialgesetzbuchs verbessern",
        "Wir werden das Berufsbildungsgesetz weiterentwickeln",
        # Providing something is done or not.
        "Die Stadt soll den Bürgern möglichst viele Daten zur Verfügung stellen",
        "Wir wollen die Bereitstellung von Gewerbeflächen verbessern",
        # One concrete measure is enough, even with a vague word.
        "Wir richten eine zentrale Anlaufstelle für Gründerinnen ein und unterstützen sie",
    ],
)
def test_named_projects_recurring_events_and_counted_changes_are_testable(text: str) -> None:
    assert code_text(text, ()).testable


@pytest.mark.parametrize(
    "text",
    [
        # Stances: what the authors are for, not what they will do.
        "Wir sind für den Ausbau von Ladesäulen",
        "Um mehr Ausbildungsplätze zu schaffen, stärken wir die Berufsberatung",
        "Lebensqualität steigern",
        "Für uns hat der Radverkehr Vorrang vor dem Autoverkehr",
        "Es muss klar sein, dass die Stadt nicht zurückfallen darf",
        "Klar ist: Wer sich nicht an die Regeln hält, muss gehen",
        # A law in general names none ...
        "Wir wollen ein Bundesgesetz weiterentwickeln und verbessern",
        # ... and means already provided are no provision.
        "Wir wollen die bereitgestellten Mittel angemessen erhöhen",
        # Rules on how to go about things.
        "Bei allen Neubauten ist auf Barrierefreiheit zu achten",
        "Die Bebauung neuer Flächen hat so zu erfolgen, dass Kaltluftbahnen frei bleiben",
        "Bei allen Entscheidungen muss der Klimaschutz im Vordergrund stehen",
        # Qualities no one can measure afterwards.
        "Die Verwaltung soll serviceorientiert und bezahlbar arbeiten",
        # A noun of direction at the head outweighs a concrete object.
        "Stärkung der Stadtbücherei",
        # More or less of a quality has no end point.
        "Erhöhung der Sicherheit im öffentlichen Raum",
        "Erhalt und Steigerung der Attraktivität des Marktplatzes",
        "Wir wollen Gesetze verständlicher machen",
        "Die Verwaltung soll agiler und digitaler werden",
        "Wir werden den Einfluss von Lobbyisten zurückdrängen",
        "Ausnahmen sollen restriktiv gehandhabt werden",
        # Naming more concrete things does not make a direction checkable.
        "Wir wollen die Angebote in Schulen, Jugendzentren und Bibliotheken stärken und "
        "nachhaltig verbessern",
    ],
)
def test_stances_rules_and_qualities_are_not_testable(text: str) -> None:
    assert not code_text(text, ()).testable


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Dabei sind auch Ladestationen zu berücksichtigen", True),
        ("Die Vergabe hat so zu erfolgen, dass kleine Betriebe mitbieten können", True),
        ("Der Datenschutz muss stets im Vordergrund stehen", True),
        ("Vor allem ist das Vergaberecht strikt einzuhalten", True),
        # The main clause decides: a rule in a relative clause is not the pledge's.
        ("Wir bauen eine Kita, die allen Anforderungen gerecht wird", False),
        ("Die Stadtbibliothek soll sonntags geöffnet sein", False),
        ("Es wird eine Lenkungsgruppe gebildet", False),
    ],
)
def test_rules_are_told_from_measures(text: str, rule: bool) -> None:
    assert testable.is_rule(text) is rule


def test_testable_cues_are_weighed_with_replaceable_weights() -> None:
    cues = testable.testable_cues("Wir sind für den Ausbau der Radwege", "action", (), ())
    assert cues.stance and not cues.rule and not cues.named
    assert testable.weigh(cues) < testable.WEIGHTS.threshold
    lenient = testable.Weights(stance=0.0, vague=0.0)
    assert testable.weigh(cues, lenient) >= lenient.threshold


# --- quantities -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ganztagsquote in Kitas auf 80 Prozent", ("80 Prozent",)),
        (
            "mindestens 1,5 Vollzeitstellen für Schulsozialarbeit",
            ("mindestens 1,5 Vollzeitstellen",),
        ),
        ("Fortsetzung der Schulmodernisierung bis 2035", ("bis 2035",)),
        ("das „365 Euro“-Ticket für alle", ("365 Euro",)),
        ("Einladungen werden drei Tage vor dem Treffen verschickt", ("drei Tage",)),
        ("Bürgersprechstunden zu familienfreundlichen Zeiten (ab 17 Uhr)", ("ab 17 Uhr",)),
        ("Zusammenarbeit für die Ratsperiode 2026 - 2031", ("2026 - 2031",)),
        ("maximal 5 Sitze pro Fraktion", ("maximal 5 Sitze pro Fraktion",)),
        ("die zwei bestehenden Rettungswachen erhalten", ("zwei bestehenden Rettungswachen",)),
        (
            "ein Seniorenforum, das mindestens drei Mal jährlich zusammenkommt",
            ("mindestens drei Mal jährlich",),
        ),
        ("Für die Haushalte 2027 ff. werden Sparziele vereinbart", ("2027 ff.",)),
    ],
)
def test_quantities(text: str, expected: tuple[str, ...]) -> None:
    assert find_quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Flächendeckendes Tempo 30 wird abgelehnt",
        "Die in § 27 der Gemeindeordnung vorgesehenen Rechte",
        "Das vom Rat 2011 beschlossene Leitbild umsetzen",
        "Eine Evaluation der Kooperation",
    ],
)
def test_numbers_that_commit_to_nothing_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan named for its target year (Oldenburg Grüne 2026, Bund 2018)
        ("Den Klimaschutzplan 2035 ehrlich evaluieren", ("Klimaschutzplan 2035",)),
        ("Die Umsetzung der Agenda 2030", ("Agenda 2030",)),
        ("Wir legen das Wahlprogramm 2026 vor", ()),
        # deadlines with part of a year
        ("Wir sanieren das Hallenbad bis Mitte 2027", ("bis Mitte 2027",)),
        (
            "Die Standortausschreibung soll Anfang 2022 auf den Weg gebracht werden",
            ("Anfang 2022",),
        ),
        ("Die Satzung wird Ende 2026 geändert", ("Ende 2026",)),
        ("Die Koalition prüft im ersten Halbjahr 2022 eine Novelle", ("im ersten Halbjahr 2022",)),
        ("Ein Gesamtkonzept bis Ende des Jahres 2023", ("bis Ende des Jahres 2023",)),
        ("Die Stadt soll im Jahr 2030 klimaneutral sein", ("im Jahr 2030",)),
        # clock times, also as a span
        ("Eine KiTa mit Öffnungszeiten von sechs bis zwanzig Uhr", ("von sechs bis zwanzig Uhr",)),
        ("Die Bibliothek öffnet von 8:00 Uhr bis 20:00 Uhr", ("von 8:00 Uhr bis 20:00 Uhr",)),
        ("Nachtruhe zwischen 22 und 6 Uhr", ("zwischen 22 und 6 Uhr",)),
        ("Die Sitzung beginnt um 18:30 Uhr", ("um 18:30 Uhr",)),
        ("Apotheken sichern die Versorgung rund um die Uhr", ("rund um die Uhr",)),
        # number words with a unit, a bound, a known set or something to be made
        ("Der Zuschuss steigt um zehn Prozent", ("zehn Prozent",)),
        ("die Mütterrente mit drei Rentenpunkten", ("drei Rentenpunkten",)),
        ("ein Ladepunkt für je zehn zugelassene Fahrzeuge", ("je zehn zugelassene Fahrzeuge",)),
        ("Streetwork in allen fünf Stadtbezirken", ("fünf Stadtbezirken",)),
        ("Wir bauen zehn neue Stadtteilzentren", ("zehn neue Stadtteilzentren",)),
        ("Wir pflanzen tausend Bäume", ("tausend Bäume",)),
    ],
)
def test_dates_clock_times_and_counted_number_words(text: str, expected: tuple[str, ...]) -> None:
    assert find_quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # years of the past
        "Seit 2019 gilt die Satzung",
        "Im Jahr 2015 haben wir das Bad saniert",
        "Die Mietpreisbremse gilt für Immobilien, die bis 2019 bezogen wurden",
        "Münster konnte im Jahr 2013 einen ausgeglichenen Haushalt vorweisen",
        "Wir werden die im Jahr 2017 beschlossenen Leitlinien anwenden",
        # number words that count nothing to check
        "Die Rente ruht auf drei Säulen",
        "Wir werden das Baugesetzbuch in zwei Schritten novellieren",
        "Menschen sollen in ihren eigenen vier Wänden alt werden können",
    ],
)
def test_past_years_and_uncounted_number_words_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == ()


# --- places ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Neubau eines Bürgerzentrums in Ofenerdiek", {"Ofenerdiek"}),
        ("Lückenschluss zwischen Linnich und Baal", {"Linnich", "Baal"}),
        ("ein Angebot im Stadtteil Fliegerhorst", {"Fliegerhorst"}),
        ("eine Laufstrecke im Hiltruper Stadtgarten", {"Hiltruper Stadtgarten"}),
        # Bodies in the plural are the town's with a determiner only.
        (
            "die Stadtbibliotheken in Hiltrup und Wolbeck",
            {"Stadtbibliotheken", "Hiltrup", "Wolbeck"},
        ),
        ("Stadtbibliotheken in Hiltrup und Wolbeck", {"Hiltrup", "Wolbeck"}),
        (
            "Kooperationen mit den Berliner Musikschulen und der Universität Bochum",
            {"Musikschulen", "Universität Bochum"},
        ),
        # A site named for its district, also in the genitive (Oldenburg 2026,
        # Berlin 2021; written).
        ("Sanierung des Bürgerhauses Ofenerdiek", {"Bürgerhaus Ofenerdiek"}),
        ("Das Sportforum Hohenschönhausen sanieren", {"Sportforum Hohenschönhausen"}),
        # A capitalised adjective in the nominative and a numbered part belong
        # to the name (Berlin 2021, written).
        ("Die Freiwillige Feuerwehr stärken", {"Freiwillige Feuerwehr"}),
        ("Das Gewerbegebiet in Hiltrup II erweitern", {"Hiltrup II"}),
        # English words are terms, names only where a place is expected.
        ("Housing First und Carbon Leakage, ein Büro in Windhoek", {"Windhoek"}),
        # A plural, a dative or an agent before a name is no part of it ("die
        # Stadtquartiere Gartenfeld", Berlin 2021; written).
        (
            "Mit dem Betreiber Vivantes und in den Stadtquartieren Gartenfeld",
            {"Vivantes", "Gartenfeld"},
        ),
        # Sites and houses named by a hyphenated or compound name (non-gold: Berlin
        # 2021, Münster SPD 2014, Oldenburg Volt 2026).
        (
            "Bebauung des Fleiwa-Gelände und des Finanzamtsgeländes",
            {"Fleiwa-Gelände", "Finanzamtsgelände"},
        ),
        ("Die Sanierung der Klausener-Schule", {"Klausener-Schule"}),
        (
            "in den Beratungen des Rates und im Kreistag",
            {"Rat", "Kreistag"},
        ),
        # A name in the genitive is given as one looks it up.
        ("die Attraktivität des Wesel-Datteln-Kanals steigern", {"Wesel-Datteln-Kanal"}),
        ("Weiterentwicklung des Hiltruper Markts", {"Hiltruper Markt"}),
        ("die Eingänge unseres Hauptbahnhofes verbessern", {"Hauptbahnhof"}),
        ("ein Jugendzentrum im Kern Hattingens", {"Hattingen"}),
        ("Die Streifen des Kommunalen Ordnungsdienstes verstärken", {"Ordnungsdienst"}),
        ("die Arbeit des Bundestags und des Landtages", {"Bundestag", "Landtag"}),
        ("Den KOD personell verstärken", {"KOD"}),
        ("Eine Verbindung nach Osnabrück einrichten", {"Osnabrück"}),
        ("dass der Kreis Heinsberg Stipendien vergibt", {"Heinsberg"}),
        ("ein Fahrradparkhaus am Castrop-Rauxeler Hauptbahnhof", {"Castrop-Rauxeler Hauptbahnhof"}),
        # A body named by its remit is named in full, its head uninflected.
        (
            "Der Ausschuss für Verkehr, Umwelt und Ordnung wird aufgeteilt",
            {"Ausschuss für Verkehr, Umwelt und Ordnung"},
        ),
        (
            "einen Ausschuss für Soziales sowie einen Ausschuss für Umwelt und Klima bilden",
            {"Ausschuss für Soziales", "Ausschuss für Umwelt und Klima"},
        ),
        ("Der Ausschuss für die Vergabe tagt öffentlich", {"Ausschuss"}),
        # A town whose ending closes a word is no compound ("Holst-erhausen",
        # "Hat-tingen", "Stein-ach"; written).
        ("Ein Jugendzentrum in Holsterhausen bauen", {"Holsterhausen"}),
        ("Die Buslinie nach Hattingen verlängern", {"Hattingen"}),
        ("Das Freibad in Steinach sanieren", {"Steinach"}),
        ("Wir stärken Winterhausen und Westerhausen", {"Winterhausen", "Westerhausen"}),
        # A town ending in a word made like a town's name ("Neustadt") is one
        # where a preposition takes it without an article (written).
        ("Die Buslinie nach Bergneustadt verlängern", {"Bergneustadt"}),
        (
            "Ein Hallenbad in Bergneustadt und ein Zentrum der Wissenschaftshauptstadt",
            {"Bergneustadt"},
        ),
        # A kind of house counts with its name only (Oldenburg Grüne 2026, written).
        ("Die Kooperation mit der Universität Oldenburg", {"Universität Oldenburg"}),
        ("Die Universität Leipzig als Partner gewinnen", {"Universität Leipzig"}),
        (
            "Die Fachhochschule Bielefeld und die Hochschule Bochum",
            {"Fachhochschule Bielefeld", "Hochschule Bochum"},
        ),
        # A town's name keeps its year; an event or programme loses it (Berlin
        # 2021, Bund 2018, written).
        ("In Oldenburg 2027 eine Landesgartenschau ausrichten", {"Oldenburg"}),
        ("Wir wollen Hiltrup 2030 klimaneutral machen", {"Hiltrup"}),
        ("Die Special Olympics 2023 in Hiltrup nutzen", {"Hiltrup"}),
        ("Der Masterplan BNE 2030 und die Natura 2000-Gebiete", set()),
        # A name with its year that "von" ties to a noun is a programme's; a
        # place cue that fits the name keeps a town (written).
        ("Schutzgebiete nach dem Vorbild von Natura 2000 ausweisen", set()),
        ("Die Förderung von Erasmus 2027 sichern", set()),
        ("Die Anbindung von Holsterhausen 2030 abschließen", {"Holsterhausen"}),
        # Terms and parts of words are no places.
        ("Mehr Park & Ride am Stadtrand von Osnabrück", {"Osnabrück"}),
        ("Park-and-Ride mit Shuttle-Service aufbauen", set()),
        ("Beschleunigung der Planungs-, Genehmigungs- und Bauabläufe", set()),
        ("Keine höheren Gebühren für Kitas in Osnabrück", {"Osnabrück"}),
    ],
)
def test_places(text: str, expected: set[str]) -> None:
    assert set(find_places(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Klimakonforme Aufforstung statt Abholzung",
        "Abschaffung der KiTa-Gebühren",
        "Die SPD stellt den ersten Bürgermeister",
        "Förderung von E-Scooter Leihangeboten an Mobilstationen",
        "Planung einer Klimaschutzsiedlung am Stadtrand",
        # The first half of a compound or of a gendered form is no word.
        "Planungs- und Genehmigungsverfahren beschleunigen",
        "Mehr Ärzt*innen und Pädagog:innen für den Öffentlichen Gesundheitsdienst",
    ],
)
def test_ordinary_nouns_are_not_places(text: str) -> None:
    assert find_places(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        # common acronyms, also in the plural (non-gold and written)
        "Mehr LKWs auf die Schiene, weniger PKW und MIV in der Innenstadt",
        "Züge mit flächendeckendem W-LAN",
        "Leistungen nach dem SGB und Artikel 3 GG, Förderung der KMU",
        "Wir unterstützen die Prävention von HIV",
        "Die GRÜNEN und wir",
        # reference abbreviations of a law, an article or a paragraph
        "Das in § 37 Abs. 1 Schulgesetz verankerte Recht",
        "Wir werden § 16h SGB II ausweiten und das SGB XII ändern",
        "Genehmigung nach § 34 BauGB",
        # terms, things named for something and abstract nouns
        "Park+Ride und Park and Ride ausbauen",
        "Die ODA-Quote und die EEG-Umlage senken, VHS-Kurse fördern",
        "Die Ambulantisierung und die Reparierbarkeit fördern",
        # plural bodies without a determiner are any
        "Kooperation von Hochschulen und Forschungseinrichtungen",
        # kinds of house without a name, the town's own administration
        "Die Universität und die Hochschulen stärken, die Stadtverwaltung digitalisieren",
        # compounds that end in a known noun, or in one that ends like a place
        "Unabhängig von der Nutzungsart, im Städtebau und im Transparenzportal",
        "Ein Energiemonitoring im Wachstumsumfeld der Wissenschaftshauptstadt",
        "Ein Kinderchancenportal, Eigentumsart und Heizungsart, der Kulturzug",
        "Im Bereich des SocialMediaMonitoring und im Lärmmonitoring",
        # a verb's infinitive ending in "-ingen" after a noun is a nominalised
        # verb (or a typo: "Rahmenbedingen", Bund 2025), not a town (written)
        "Wir schaffen bessere Rahmenbedingen für das Turmspringen und das Chorsingen",
        # a thing whose ending only looks like a place's, after a bare preposition
        "Wir investieren in Risikokapital und in Energiemonitoring",
        # what a town is ("als"), an event with its year, words set in capitals
        "Oldenburg als Einwanderungsstadt, mit Blick auf die Special Olympics 2023",
        "Der Aktionsplan „In FORM“ und die Hilfe von Flüchtlingen",
        # an adjective of place before people, firms or affairs (Bund 2018, written)
        "Stärkung der Hiltruper Betriebe und der Minsker Vereinbarungen",
    ],
)
def test_common_words_references_and_any_bodies_are_not_places(text: str) -> None:
    assert find_places(text) == ()


@pytest.mark.parametrize(
    "word",
    ["Haus", "HAUS", "Ofenerdiek", "KiTa", "Geht’s", "Abseitsʼ", "Straße", "Strasse", "Ärzte"],
)
def test_known_words_are_simplemmas(word: str) -> None:
    for form in (word, unicodedata.normalize("NFD", word), word.lower(), word.capitalize()):
        assert places._known(form) == bool(simplemma.is_known(form, lang="de"))


def test_an_unreadable_english_dictionary_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def unreadable(lang: str) -> list[bytes]:
        raise ValueError("unexpected dictionary layout")

    monkeypatch.setattr(lemmas, "_read_forms", unreadable)
    lemmas._english_forms.cache_clear()
    lemmas.english_word.cache_clear()
    try:
        with pytest.raises(RuntimeError, match="English dictionary"):
            lemmas.english_word("sharing")
    finally:
        lemmas._english_forms.cache_clear()
        lemmas.english_word.cache_clear()


# --- the stage ------------------------------------------------------------------


def test_a_heading_over_the_whole_document_is_its_title() -> None:
    title = "Münster für alle: Sozial und gerecht in die Zukunft"
    paths = [(title, "Sport")] * 6 + [(title, "Kultur")] * 6
    assert document_title(paths) == title
    assert document_title([("Sport",)] * 6 + [("Kultur",)] * 6) is None
    assert document_title([(title, "Sport")] * 3) is None


def test_the_town_named_throughout_is_home() -> None:
    texts = [f"Ein Angebot Nummer {i} in Oldenburg" for i in range(20)] + ["Ein Bad in Ofenerdiek"]
    assert home_places(texts) == frozenset({"Oldenburg"})


def test_a_pledge_without_words_of_its_own_continues_the_one_before() -> None:
    text = "Diese Angebote sollen ständig weiterentwickelt werden"
    assert code_text(text, (), "bildung").area == "bildung"
    assert code_text(text, ("Umwelt",), "bildung").area == "umwelt_klima_energie"


def test_home_places_tie_a_pledge_to_no_place() -> None:
    home = frozenset({"Münster"})
    assert code_text("Ein Hallenbad für Münster und Hiltrup", (), home=home).places == ("Hiltrup",)


def test_stage_codes_each_statement_with_its_heading_path() -> None:
    text = "Schule und Bildung\nEinrichtung einer zusätzlichen Gesamtschule"
    heading = Block(text="Schule und Bildung", start=0, end=18, page=1, kind="heading", level=1)
    body = Block(text=text[19:], start=19, end=len(text), page=1)
    outlined = OutlinedDocument(
        clean=CleanDocument(
            name="t.md", format="markdown", sha256="0", text=text, blocks=(heading, body)
        ),
        sections=(Section(title="Schule und Bildung", level=1, page=1, start=0),),
        block_sections=(0, 0),
        block_roles=("heading", "body"),
    )
    statement = Statement(text=text[19:], start=19, end=len(text), page=1, section=0)
    coded = code(SplitDocument(outlined=outlined, statements=(statement,)))
    assert len(coded.statements) == 1
    coding = coded.statements[0].coding
    assert (coding.area, coding.cap, coding.kind, coding.testable) == ("bildung", 6, "action", True)


def test_home_places_are_counted_from_places_already_found() -> None:
    found = [("Münster",), ("Münster", "Bochum"), ("Münster",), ()]
    assert home_of(found) == frozenset({"Münster"})  # named in three statements, Bochum in one


def test_a_word_ending_in_and_joins_no_term() -> None:
    # "Strand" ends in "and" but is no "Park and Ride" joint (written).
    assert find_places("Am Strand Wannsee bauen wir Toiletten.") == ("Wannsee",)
