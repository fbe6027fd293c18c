from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tests.oparl.link_rows import add_paper, make_papers
from versprochen.jobs import run_now
from versprochen.oparl import hooks, links, suggest
from versprochen.oparl.models_links import Suggestion
from versprochen.tracker.models import Assessment, AuditEntry, Evidence, Pledge
from versprochen.tracker.testing import make_people, store

PLEDGES = [
    ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {}),
    ("Der Busverkehr wird im Stundentakt angeboten.", "mobilitaet", {"places": ["Wanne"]}),
    ("Wir schaffen sichere Radwege in der Innenstadt.", "mobilitaet", {}),
]


@pytest.fixture
def linked(db: None) -> dict[str, Any]:
    store(PLEDGES)
    people = make_people()
    rows = make_papers(people["herne"])
    suggest.forget_index(people["herne"])
    yield {**people, **rows, "pledges": {p.number: p for p in Pledge.objects.all()}}
    suggest.forget_index(people["herne"])


def _suggested(pledge: Pledge) -> list[str]:
    return [
        s.paper.reference
        for s in Suggestion.objects.filter(pledge=pledge, state="suggested").order_by("-score")
    ]


def test_each_pledge_gets_its_paper_first_with_the_passage(linked: dict[str, Any]) -> None:
    pledges, stored = suggest.refresh_suggestions(linked["herne"])
    assert pledges == 3 and stored > 0
    assert _suggested(linked["pledges"][1])[0] == "2026/0102"
    assert _suggested(linked["pledges"][2])[0] == "2026/0103"
    radwege = Suggestion.objects.filter(pledge=linked["pledges"][3]).order_by("-score").first()
    assert radwege is not None and radwege.paper.reference == "2026/0101"
    marked = {radwege.passage[a:b] for a, b in radwege.marks}
    assert "Radwege" in marked


def test_the_job_and_the_sync_hook(linked: dict[str, Any]) -> None:
    job = run_now("oparl.suggest", body_id=linked["herne"].pk, body=linked["herne"])
    assert job.state == "done", job.error
    assert "Vorschläge" in job.result
    new = add_paper(
        linked["system"], 9, "Radwege am Kanal", "Neue Radwege in der Innenstadt am Kanal."
    )
    hooks.papers_changed(linked["herne"], [new.pk])
    from versprochen.jobs.models import Job

    queued = Job.objects.filter(kind="oparl.suggest", state="queued").get()
    assert queued.params["paper_ids"] == [new.pk]


def test_incremental_update_ranks_only_the_changed_papers(linked: dict[str, Any]) -> None:
    herne = linked["herne"]
    suggest.refresh_suggestions(herne)
    radwege = linked["pledges"][3]
    new = add_paper(
        linked["system"], 9, "Radwege am Kanal", "Neue Radwege in der Innenstadt am Kanal."
    )
    suggest.refresh_suggestions(herne, paper_ids=[new.pk])
    after = _suggested(radwege)
    assert "2026/0009" in after
    assert "2026/0101" in after
    # A deleted paper leaves the open suggestions.
    new.deleted = True
    new.save()
    suggest.refresh_suggestions(herne, paper_ids=[new.pk])
    assert "2026/0009" not in _suggested(radwege)


def test_confirm_makes_evidence_of_a_draft_and_reject_is_never_suggested_again(
    linked: dict[str, Any],
) -> None:
    herne, erika = linked["herne"], linked["erika"]
    suggest.refresh_suggestions(herne)
    school, bus = linked["pledges"][1], linked["pledges"][2]
    paper = linked["papers"][1]
    first = Suggestion.objects.get(pledge=school, paper=paper)
    draft = links.confirm(erika, first)
    evidence = Evidence.objects.get(assessment=draft)
    assert evidence.oparl_id == paper.oparl_id and evidence.kind == "council_paper"
    assert evidence.title == "2026/0102: Schulsozialarbeit an Grundschulen"
    assert draft.state == "draft" and draft.revision == 2
    assert AuditEntry.objects.filter(action="oparl.suggestion.confirm").count() == 1
    # The same paper is evidence for a second pledge too.
    second, _ = Suggestion.objects.get_or_create(pledge=bus, paper=paper)
    links.confirm(erika, second)
    assert Evidence.objects.filter(oparl_id=paper.oparl_id).count() == 2
    # Rejected: gone from the draft, never suggested again.
    links.reject(erika, first)
    assert not Evidence.objects.filter(assessment=draft).exists()
    suggest.refresh_suggestions(herne)
    first.refresh_from_db()
    assert first.state == "rejected"
    assert Suggestion.objects.filter(pledge=school, paper=paper).count() == 1


def test_confirm_uses_the_open_draft(linked: dict[str, Any]) -> None:
    suggest.refresh_suggestions(linked["herne"])
    school = linked["pledges"][1]
    draft = Assessment.objects.create(
        pledge=school, status="in_arbeit", assessed_on="2026-05-01", rationale="Begonnen."
    )
    suggestion = Suggestion.objects.filter(pledge=school).first()
    assert suggestion is not None
    assert links.confirm(linked["erika"], suggestion).pk == draft.pk


def test_only_editors_of_the_body_decide(linked: dict[str, Any], client: Any) -> None:
    suggest.refresh_suggestions(linked["herne"])
    suggestion = Suggestion.objects.first()
    assert suggestion is not None
    url = reverse("site:confirm_suggestion", args=[suggestion.pk])
    response = client.post(url)
    assert response.status_code == 302 and "anmelden" in response["Location"]
    client.force_login(linked["otto"])  # editor of another body
    assert client.post(url).status_code == 403
    client.force_login(linked["rudi"])  # reviewer only
    assert client.post(url).status_code == 403
    suggestion.refresh_from_db()
    assert suggestion.state == "suggested"


def test_editor_page_shows_highlighted_suggestions_and_confirms_by_post(
    linked: dict[str, Any], client: Any
) -> None:
    suggest.refresh_suggestions(linked["herne"])
    radwege = linked["pledges"][3]
    client.force_login(linked["erika"])
    page = client.get(reverse("site:editor_pledge", args=[radwege.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "<mark>Radwege</mark>" in html
    suggestion = Suggestion.objects.filter(pledge=radwege).order_by("-score").first()
    assert suggestion is not None
    assert client.get(reverse("site:confirm_suggestion", args=[suggestion.pk])).status_code == 405
    response = client.post(reverse("site:confirm_suggestion", args=[suggestion.pk]))
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.state == "confirmed"
    response = client.post(reverse("site:reject_suggestion", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.state == "rejected"
    assert client.post(reverse("site:confirm_suggestion", args=[999999])).status_code == 404


def test_a_broken_marks_list_is_ignored() -> None:
    from versprochen.oparl.views_links import highlighted

    assert highlighted("Radwege bauen", [[0, 7], [3, 5], "x", [8, 99]]) == [
        ("Radwege", True),
        (" bauen", False),
    ]


def test_a_cached_index_notices_papers_it_was_not_told_of(linked: dict[str, Any]) -> None:
    herne = linked["herne"]
    suggest.refresh_suggestions(herne)
    # Synced while another worker held the job: this process was never told.
    add_paper(linked["system"], 9, "Radwege am Kanal", "Neue Radwege in der Innenstadt am Kanal.")
    suggest.refresh_suggestions(herne, pledge_ids=[linked["pledges"][3].pk])
    assert "2026/0009" in _suggested(linked["pledges"][3])


def test_the_editor_asks_for_suggestions_as_a_job(linked: dict[str, Any], client: Any) -> None:
    from versprochen.jobs.models import Job

    pledge = linked["pledges"][1]
    url = reverse("site:compute_suggestions", args=[pledge.pk])
    client.force_login(linked["rudi"])
    assert client.post(url).status_code == 403
    client.force_login(linked["erika"])
    assert client.post(url).status_code == 302
    job = Job.objects.get(kind="oparl.suggest")
    assert job.params["pledge_ids"] == [pledge.pk] and job.created_by == linked["erika"]


def test_a_pledge_new_since_the_last_sync_is_ranked_against_all_papers(
    linked: dict[str, Any],
) -> None:
    herne = linked["herne"]
    new = add_paper(linked["system"], 9, "Haushaltssatzung", "Der Haushalt wird beschlossen.")
    # No pledge was ranked yet: the sync's job ranks them against every paper.
    suggest.refresh_suggestions(herne, paper_ids=[new.pk])
    assert _suggested(linked["pledges"][1])[0] == "2026/0102"
