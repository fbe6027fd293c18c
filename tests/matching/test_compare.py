"""The program-versus-agreement comparison on small programs written here."""

from __future__ import annotations

import json

from click.testing import CliRunner

from versprochen.cli import main
from versprochen.matching.compare import Passage, compare, decide, score
from versprochen.matching.pledge_terms import pledge_terms

CDU = [
    Passage(
        "Wir führen die Aktivrente ein: Wer über das Rentenalter hinaus arbeitet, "
        "erhält 2.000 Euro im Monat steuerfrei.",
        3,
    ),
    Passage("Das Heizungsgesetz der Ampel werden wir abschaffen.", 5),
    Passage("Wir bauen ein Netzwerk für unabhängige Chinawissenschaften auf.", 9),
]
SPD = [
    Passage("Die Mietpreisbremse wollen wir verlängern und unbefristet gelten lassen.", 2),
    Passage(
        "Wir bringen ein Bundestariftreuegesetz auf den Weg, damit öffentliche Aufträge "
        "nur an Unternehmen mit Tarifvertrag gehen.",
        4,
    ),
    Passage("Wir führen ein kostenloses Mittagessen in allen Schulen ein.", 6),
]
AGREEMENT = [
    Passage("Wir werden das Heizungsgesetz abschaffen.", 10),
    Passage("Die Mietpreisbremse wird für vier Jahre verlängert.", 11),
    Passage(
        "Wir bringen ein Bundestariftreuegesetz auf den Weg: öffentliche Aufträge des "
        "Bundes gehen nur an Unternehmen mit Tarifvertrag.",
        12,
    ),
    Passage("Die Raumfahrtagentur wird nach Bremen verlegt.", 13),
]


def test_each_agreement_pledge_gets_its_origin_and_matching_passage() -> None:
    result = compare(AGREEMENT, {"CDU": CDU, "SPD": SPD})

    heating, rent, tariff, space = result.items
    assert heating.origin == ("CDU",)
    assert heating.matches[0].text == CDU[1].text
    assert heating.matches[0].page == 5
    assert rent.origin == ("SPD",)
    assert rent.matches[0].relation == "modified"
    assert tariff.origin == ("SPD",)
    assert tariff.matches[0].relation == "same"
    assert tariff.matches[0].score > rent.matches[0].score
    assert space.origin == ()
    assert space.matches == ()


def test_program_pledges_are_adopted_modified_or_dropped() -> None:
    result = compare(AGREEMENT, {"CDU": CDU, "SPD": SPD})

    spd = {item.text: item.outcome for item in result.programs["SPD"]}
    assert spd[SPD[1].text] == "adopted"
    assert spd[SPD[0].text] == "modified"
    assert spd[SPD[2].text] == "dropped"
    assert result.summary() == {
        "CDU": {"pledges": 3, "adopted": 1, "modified": 0, "dropped": 2},
        "SPD": {"pledges": 3, "adopted": 1, "modified": 1, "dropped": 1},
    }
    assert [item.agreement_index for item in result.programs["SPD"]] == [1, 2, None]


def test_a_pledge_both_programs_hold_has_both_as_origin() -> None:
    both = [Passage("Wir werden das Heizungsgesetz abschaffen.", 1)]
    result = compare([AGREEMENT[0]], {"CDU": CDU, "SPD": both})

    assert result.items[0].origin == ("CDU", "SPD")
    assert {m.program for m in result.items[0].matches} == {"CDU", "SPD"}


def test_no_programs_or_no_pledges() -> None:
    assert compare([], {"CDU": CDU}).summary()["CDU"]["dropped"] == 3
    assert compare(AGREEMENT, {}).items[0].origin == ()


def test_the_command_prints_the_documented_json(tmp_path) -> None:
    agreement = tmp_path / "vertrag.md"
    agreement.write_text(
        "# Energie\n\nWir werden das Heizungsgesetz abschaffen.\n\n"
        "# Weltraum\n\nDie Raumfahrtagentur wird bis 2027 nach Bremen verlegt.\n",
        encoding="utf-8",
    )
    program = tmp_path / "programm.md"
    program.write_text(
        "# Energie\n\nDas Heizungsgesetz der Ampel werden wir abschaffen.\n", encoding="utf-8"
    )

    outcome = CliRunner().invoke(
        main, ["compare", str(agreement), "--program", f"CDU={program}", "--json"]
    )

    assert outcome.exit_code == 0, outcome.output
    data = json.loads(outcome.output)
    assert set(data) == {"items", "programs"}
    heating = next(i for i in data["items"] if "Heizungsgesetz" in i["text"])
    assert heating["origin"] == ["CDU"]
    assert set(heating["matches"][0]) == {"program", "text", "page", "relation", "score"}
    assert heating["matches"][0]["program"] == "CDU"
    assert data["programs"]["CDU"]["pledges"] == 1
    assert data["programs"]["CDU"]["dropped"] == 0


def test_the_command_names_a_malformed_program_option(tmp_path) -> None:
    agreement = tmp_path / "vertrag.md"
    agreement.write_text("# A\n\nWir werden das Heizungsgesetz abschaffen.\n", encoding="utf-8")

    outcome = CliRunner().invoke(main, ["compare", str(agreement), "--program", "nur-ein-name"])

    assert outcome.exit_code == 2
    assert "'nur-ein-name' is not NAME=FILE" in outcome.output


def test_a_separable_verb_split_by_the_clause_is_joined_again() -> None:
    split = pledge_terms("Das Heizungsgesetz schaffen wir ab und führen ein neues Gesetz ein.")
    assert {"~abschaff", "~einführ", "heizungsgesetz"} <= split.keys()
    # "schaffen" alone means the opposite: it is gone once joined with its particle.
    assert "~schaff" not in split and "~führ" not in split
    assert "~abschaff" in pledge_terms("Abschaffung des Heizungsgesetzes")
    # A particle inside the clause is a preposition, no verb part.
    assert "~abschaff" not in pledge_terms("Wir schaffen ab 2026 neue Stellen.")


def test_a_verb_and_its_noun_and_compound_parts_meet() -> None:
    noun = pledge_terms("Radverkehrsförderung")
    verb = pledge_terms("Wir fördern den Radverkehr.")
    assert {"~förder", "radverkehr"} <= noun.keys() & verb.keys()
    # Verbs have no compound parts: "verlängern" holds no "gern".
    assert set(pledge_terms("verlängern")) == {"~verlänger"}


def test_the_soli_pledge_matches_across_grammar() -> None:
    program = [
        Passage("Abschaffung des Solidaritätszuschlags für alle.", 4),
        Passage("Wir schaffen 400.000 neue Wohnungen im Jahr.", 5),
        Passage("Die Pendlerpauschale wird erhöht.", 6),
    ]
    agreement = [Passage("Wir schaffen den Solidaritätszuschlag vollständig ab.", 1)]

    item = compare(agreement, {"CDU": program}).items[0]

    assert [(m.program, m.index) for m in item.matches] == [("CDU", 0)]


def test_a_word_every_pledge_of_a_program_uses_finds_nothing() -> None:
    topics = ("Windräder an Land", "eine neue Düngeverordnung", "Wärmepumpen in jedem Keller")
    topics += ("Radwege an jeder Landstraße", "Solardächer auf Schulen", "mehr Stadtbäume")
    program = [Passage(f"Zukunft heißt für uns {topic}.", n) for n, topic in enumerate(topics)]
    agreement = [Passage("Zukunft bei der Bahn", 1), Passage("Wärmepumpen in jeden Keller", 2)]

    items = compare(agreement, {"SPD": program}).items

    assert items[0].origin == ()
    assert [m.index for m in items[1].matches] == [2]


def test_thresholds_apply_to_scores_computed_once() -> None:
    scores = score(AGREEMENT, {"CDU": CDU, "SPD": SPD})

    assert decide(scores) == compare(AGREEMENT, {"CDU": CDU, "SPD": SPD})
    assert all(not item.origin for item in decide(scores, same=2.0, modified=2.0).items)
    everything = decide(scores, same=2.0, modified=0.0)
    assert all(m.relation == "modified" for item in everything.items for m in item.matches)


def test_suffixes_are_no_compound_parts_and_um_closes_a_verb() -> None:
    assert "schaft" not in pledge_terms("Partnerschaft")
    assert "partner" in pledge_terms("Partnerschaft")
    assert "~umsetz" in pledge_terms("Wir setzen die Registermodernisierung um, schnell.")


def test_a_lower_evidence_floor_scores_a_short_pair_higher() -> None:
    program = [Passage("Bürokratie abbauen", 1), Passage("Mehr Polizei auf die Straße", 2)]
    agreement = [Passage("Wir bauen Bürokratie ab", 1)]

    strict = score(agreement, {"SPD": program}, evidence=4.0).candidates["SPD"][0]
    lenient = score(agreement, {"SPD": program}, evidence=0.5).candidates["SPD"][0]

    assert strict[0][1] == lenient[0][1] == 0
    assert strict[0][0] < lenient[0][0]
