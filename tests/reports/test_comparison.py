"""Program versus agreement in the tracker: proposals, an editor's confirmation, shares."""

from __future__ import annotations

from typing import Any

import pytest

from versprochen.jobs import run_now
from versprochen.reports import comparison
from versprochen.reports.models import Comparison, ItemState, Relation
from versprochen.tracker.models import Pledge


def started(world: dict[str, Any]) -> Comparison:
    found = comparison.setup(world["agreement"], [(world["spd"], "SPD"), (world["cdu"], "CDU")])
    comparison.propose(found)
    return found


def item_for(found: Comparison, text: str) -> Any:
    return found.items.get(pledge__text=text)


def test_proposals_name_the_program_pledges(programs: dict[str, Any]) -> None:
    found = started(programs)

    school = item_for(found, "Wir bauen die Schulsozialarbeit an allen Grundschulen aus.")
    match = school.matches.get()
    assert (match.program.name, match.relation) == ("SPD", Relation.SAME)
    assert match.pledge.document == programs["spd"]
    bus = item_for(found, "Der Busverkehr wird im Stundentakt angeboten.")
    assert not bus.matches.exists()
    assert found.items.count() == 6
    assert not found.items.filter(state=ItemState.CONFIRMED).exists()


def test_only_confirmed_items_count_and_a_new_proposal_keeps_them(programs: dict[str, Any]) -> None:
    found = started(programs)
    assert comparison.figures(found)["confirmed"] == 0
    assert comparison.pairs(found) == []

    school = item_for(found, "Wir bauen die Schulsozialarbeit an allen Grundschulen aus.")
    comparison.confirm(school, None, {})
    parking = item_for(found, "Die Parkgebühren in der Innenstadt werden nicht erhöht.")
    proposed = {m.pk: m.relation for m in parking.matches.all()}
    assert proposed  # "gesenkt" against "nicht erhöht": proposed as the same or modified
    comparison.confirm(parking, None, dict.fromkeys(proposed, Relation.NONE))  # the editor says no
    library = item_for(found, "Die Stadtbücherei bleibt erhalten.")
    extra = Pledge.objects.get(document=programs["cdu"], number=3)
    cdu = found.programs.get(name="CDU")
    comparison.confirm(library, None, {}, [(cdu, extra, Relation.MODIFIED)])

    shares = comparison.figures(found)
    by_name = {p["name"]: p for p in shares["programs"]}
    assert shares["confirmed"] == 3
    assert shares["with_origin"] == 2  # school (SPD); library (SPD, and CDU as the editor added)
    assert by_name["SPD"]["adopted"] + by_name["SPD"]["modified"] == 2
    assert by_name["SPD"]["agreement_pledges"] == 2
    assert by_name["CDU"]["modified"] == 1  # the added one; parking was rejected
    assert by_name["CDU"]["dropped"] == 2
    pairs = comparison.pairs(found)
    assert [(p.agreement_pledge.number, p.program) for p in pairs] == [
        (1, "SPD"),
        (3, "SPD"),
        (3, "CDU"),
        (6, ""),
    ]

    comparison.propose(found)
    assert found.items.filter(state=ItemState.CONFIRMED).count() == 3
    assert comparison.figures(found) == shares


def test_bad_comparisons_are_refused_with_a_reason(programs: dict[str, Any]) -> None:
    with pytest.raises(comparison.ComparisonInputError, match="not a coalition agreement"):
        comparison.setup(programs["spd"], [(programs["cdu"], "CDU")])
    with pytest.raises(comparison.ComparisonInputError, match="given twice"):
        comparison.setup(programs["agreement"], [(programs["spd"], "A"), (programs["spd"], "B")])
    found = started(programs)
    school = item_for(found, "Wir bauen die Schulsozialarbeit an allen Grundschulen aus.")
    with pytest.raises(comparison.ComparisonInputError, match="unknown relation"):
        comparison.confirm(school, None, {school.matches.get().pk: "vielleicht"})
    assert not school.matches.filter(relation="vielleicht").exists()
    wrong = Pledge.objects.get(document=programs["spd"], number=1)
    with pytest.raises(comparison.ComparisonInputError, match="not a current pledge"):
        comparison.confirm(school, None, {}, [(found.programs.get(name="CDU"), wrong, "same")])


def test_the_comparison_runs_as_a_job(programs: dict[str, Any]) -> None:
    found = comparison.setup(programs["agreement"], [(programs["spd"], "SPD")])

    job = run_now("reports.compare", comparison_id=found.pk)

    assert job.state == "done", job.error
    assert "6 agreement pledges compared with 1 programs" in job.result
    assert found.items.count() == 6
    missing = run_now("reports.compare", comparison_id=999999)
    assert missing.state == "failed"
    assert missing.error == "comparison 999999 does not exist (any more)"
