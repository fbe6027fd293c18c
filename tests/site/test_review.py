"""Draft with evidence → return with comment → fix → publish → public status, timeline, feed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client

from versprochen.tracker.models import Assessment, AuditEntry, Pledge

TODAY = dt.date.today().isoformat()


def draft_form(**changes: str) -> dict[str, str]:
    form = {
        "status": "in_arbeit",
        "assessed_on": TODAY,
        "rationale": "Der Rat hat am 2. März die Mittel beschlossen.",
        "reason": "",
        "note": "NOTIZ-NUR-INTERN",
        "evidence-TOTAL_FORMS": "2",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "20",
        "evidence-0-kind": "decision",
        "evidence-0-title": "Ratsbeschluss V/2026/0815",
        "evidence-0-url": "https://herne.de/ratsinfo/vo0815",
        "evidence-0-date": "2026-03-02",
        "evidence-0-quote": "einstimmig",
        "action": "save",
    }
    form.update(changes)
    return form


def test_draft_review_return_fix_publish(client: Client, people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    editor, reviewer = Client(), Client()
    editor.force_login(people["erika"])
    reviewer.force_login(people["rudi"])

    page = editor.get(f"/redaktion/versprechen/{buses.pk}/bewertung/")
    assert page.status_code == 200 and "Beleg 1" in page.content.decode()
    response = editor.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = Assessment.objects.get(pledge=buses)
    assert draft.state == "draft" and draft.author == people["erika"]
    assert [e.title for e in draft.evidence.all()] == ["Ratsbeschluss V/2026/0815"]
    assert "Ratsbeschluss" not in client.get(f"/versprechen/{buses.pk}/").content.decode()
    assert reviewer.get(f"/redaktion/bewertungen/{draft.pk}/").status_code == 404  # not submitted

    response = editor.post(
        f"/redaktion/bewertungen/{draft.pk}/",
        draft_form(action="submit", revision=str(draft.revision)),
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == "in_review"

    queue = reviewer.get("/redaktion/pruefung/").content.decode()
    assert f"/redaktion/pruefung/{draft.pk}/" in queue
    review = reviewer.get(f"/redaktion/pruefung/{draft.pk}/").content.decode()
    assert "<ins>Der Rat hat am 2. März die Mittel beschlossen.</ins>" in review
    assert "offen" in review and "in Arbeit" in review
    response = reviewer.post(
        f"/redaktion/pruefung/{draft.pk}/", {"action": "return", "revision": draft.revision}
    )
    assert response.status_code == 400 and "ein Kommentar Pflicht" in response.content.decode()
    response = reviewer.post(
        f"/redaktion/pruefung/{draft.pk}/",
        {"action": "return", "revision": draft.revision, "comment": "Bitte die Vorlage verlinken."},
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == "returned"

    mine = editor.get("/redaktion/").content.decode()
    assert "Zurückgegeben" in mine and f"/redaktion/bewertungen/{draft.pk}/" in mine
    page = editor.get(f"/redaktion/bewertungen/{draft.pk}/").content.decode()
    assert "Bitte die Vorlage verlinken." in page
    fixed = draft_form(
        action="submit",
        revision=str(draft.revision),
        rationale="Der Rat hat am 2. März die Mittel beschlossen; die Stellen sind ausgeschrieben.",
        **{
            "evidence-1-kind": "council_paper",
            "evidence-1-title": "Vorlage 2026/0815",
            "evidence-1-url": "https://herne.de/ratsinfo/vorlage0815",
        },
    )
    assert editor.post(f"/redaktion/bewertungen/{draft.pk}/", fixed).status_code == 302
    draft.refresh_from_db()
    assert draft.state == "in_review" and draft.evidence.count() == 2

    review = reviewer.get(f"/redaktion/pruefung/{draft.pk}/").content.decode()
    assert "Bitte die Vorlage verlinken." in review
    response = reviewer.post(
        f"/redaktion/pruefung/{draft.pk}/", {"action": "publish", "revision": draft.revision}
    )
    assert response.status_code == 302
    draft.refresh_from_db()
    buses.refresh_from_db()
    assert draft.state == "published" and draft.reviewer == people["rudi"]
    assert buses.status == "in_arbeit"

    public = client.get(f"/versprechen/{buses.pk}/").content.decode()
    assert "Vorlage 2026/0815" in public and "die Stellen sind ausgeschrieben" in public
    assert "NOTIZ-NUR-INTERN" not in public and "Bitte die Vorlage" not in public
    feed = client.get(f"/feeds/versprechen/{buses.pk}.atom").content.decode()
    assert "in Arbeit" in feed and "Vorlage 2026/0815" in feed
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == [
        "assessment.draft",
        "assessment.submit",
        "assessment.return",
        "assessment.submit",
        "assessment.publish",
    ]


def test_nobody_reviews_their_own_draft(client: Client, people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    mira = Client()
    mira.force_login(people["mira"])  # editor and reviewer
    mira.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form(action="submit"))
    draft = Assessment.objects.get(pledge=buses)
    assert (
        f"/redaktion/pruefung/{draft.pk}/" not in mira.get("/redaktion/pruefung/").content.decode()
    )
    response = mira.post(
        f"/redaktion/pruefung/{draft.pk}/", {"action": "publish", "revision": draft.revision}
    )
    assert response.status_code == 400 and "eigenen Entwurf" in response.content.decode()
    draft.refresh_from_db()
    assert draft.state == "in_review"


def test_published_assessments_stay_and_corrections_are_new(
    client: Client, people: dict[str, Any]
) -> None:
    school = Pledge.objects.get(number=1)
    published = Assessment.objects.get(pledge=school, state="published")
    editor = Client()
    editor.force_login(people["erika"])
    response = editor.post(
        f"/redaktion/bewertungen/{published.pk}/", draft_form(revision=str(published.revision))
    )
    assert response.status_code == 404
    page = editor.get(f"/redaktion/versprechen/{school.pk}/bewertung/").content.decode()
    assert "Der Rat hat die Stellen beschlossen." in page  # a correction starts from it
    editor.post(f"/redaktion/versprechen/{school.pk}/bewertung/", draft_form(status="erfuellt"))
    assert school.assessments.filter(state="published").count() == 1
    assert school.assessments.count() == 3


def test_nobody_reviews_a_draft_they_ever_changed(people: dict[str, Any]) -> None:
    """mira (editor and reviewer) rewrites erika's draft; erika saves it again: mira is
    neither the author nor the last to change it, yet she may not publish it."""
    from versprochen.tracker import workflow
    from versprochen.tracker.validation import DraftData

    buses = Pledge.objects.get(area="mobilitaet")
    data = DraftData(status="in_arbeit", assessed_on=dt.date(2026, 3, 2), rationale="Erika.")
    draft = workflow.create_draft(people["erika"], buses, data, submit=True)
    rewritten = DraftData(status="erfuellt", assessed_on=dt.date(2026, 3, 2), rationale="Mira.")
    draft = workflow.update_draft(people["mira"], draft, draft.revision, rewritten, submit=True)
    draft = workflow.update_draft(people["erika"], draft, draft.revision, rewritten, submit=True)
    assert draft.author == people["erika"] and draft.changed_by == people["erika"]
    assert draft not in workflow.queue(people["mira"])
    mira = Client()
    mira.force_login(people["mira"])
    assert (
        f"/redaktion/pruefung/{draft.pk}/" not in mira.get("/redaktion/pruefung/").content.decode()
    )
    response = mira.post(
        f"/redaktion/pruefung/{draft.pk}/", {"action": "publish", "revision": draft.revision}
    )
    assert (
        response.status_code == 400
        and "Niemand prüft einen eigenen Entwurf" in response.content.decode()
    )
    draft.refresh_from_db()
    assert draft.state == "in_review"
    assert sorted(u.username for u in draft.contributors.all()) == ["erika", "mira"]
    # A reviewer who never touched it publishes it.
    assert draft in workflow.queue(people["rudi"])
    workflow.publish(people["rudi"], draft, draft.revision)
