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
            "evidence-1-date": "2026-02-20",
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


def test_a_too_long_comment_is_named_at_its_field(people: dict[str, Any]) -> None:
    from versprochen.tracker import workflow
    from versprochen.tracker.validation import DraftData

    buses = Pledge.objects.get(area="mobilitaet")
    data = DraftData(status="in_arbeit", assessed_on=dt.date(2026, 3, 2), rationale="Erika.")
    draft = workflow.create_draft(people["erika"], buses, data, submit=True)
    rudi = Client()
    rudi.force_login(people["rudi"])
    response = rudi.post(
        f"/redaktion/pruefung/{draft.pk}/",
        {"action": "return", "revision": draft.revision, "comment": "x" * 5001},
    )
    assert response.status_code == 400
    html = response.content.decode()
    error = html[html.index('id="id_comment-error"') :][:300]
    assert "Höchstens 5000 Zeichen" in error
    assert 'aria-describedby="id_comment-error' in html
    draft.refresh_from_db()
    assert draft.state == "in_review"


def test_logins_logouts_and_csv_imports_are_audited_with_their_body(
    people: dict[str, Any],
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from versprochen.tracker.models import AuditEntry

    erika = people["erika"]
    erika.set_password("ein langes Passwort 42")
    erika.save()
    client = Client()
    assert (
        client.post(
            "/anmelden/", {"username": "erika", "password": "ein langes Passwort 42"}
        ).status_code
        == 302
    )
    export = client.get("/redaktion/csv/bewertungen.csv", {"body": "stadt-herne"})
    data = b"".join(export.streaming_content)  # type: ignore[attr-defined]
    upload = SimpleUploadedFile("b.csv", data, content_type="text/csv")
    assert (
        client.post("/redaktion/csv/", {"target": "body:stadt-herne", "file": upload}).status_code
        == 302
    )
    assert client.post("/abmelden/").status_code == 302
    for action in ("login", "logout", "assessment.import"):
        entry = AuditEntry.objects.get(action=action)
        assert entry.body == people["herne"], action
    # Herne's admin sees them in the log.
    anna = Client()
    anna.force_login(people["anna"])
    page = anna.get("/redaktion/protokoll/").content.decode()
    assert "assessment.import" in page and "logout" in page
    # Someone with roles in two bodies: one entry for each.
    otto = people["otto"]
    from versprochen.tracker.roles import grant

    grant(otto, "editor", people["herne"])
    otto.set_password("ein langes Passwort 42")
    otto.save()
    Client().post("/anmelden/", {"username": "otto", "password": "ein langes Passwort 42"})
    bodies = set(
        AuditEntry.objects.filter(action="login", user=otto).values_list("body", flat=True)
    )
    assert bodies == {people["herne"].pk, people["heinsberg"].pk}


def test_the_public_timeline_names_fields_and_values_in_words(
    client: Client, people: dict[str, Any]
) -> None:
    from versprochen.tracker import corrections

    library = Pledge.objects.get(area="kultur")  # kind preserve
    school = Pledge.objects.get(number=1)
    corrections.edit(
        people["erika"], library, library.revision, {"kind": "action", "testable": False}
    )
    corrections.merge(people["erika"], school, school.revision, library)
    page = client.get(f"/versprechen/{library.pk}/").content.decode()
    assert "kind:" not in page and "preserve" not in page and "testable" not in page
    assert "merged_into" not in page and "None" not in page
    assert "Art: <del>Bewahren</del> → <ins>Handeln</ins>" in page
    assert "Überprüfbar: <del>ja</del> → <ins>nein</ins>" in page
    assert f"Zusammengeführt in: <del>—</del> → <ins>Versprechen {school.pk}</ins>" in page
    english = client.get(f"/en/versprechen/{library.pk}/").content.decode()
    assert "Kind: <del>Preserve</del> → <ins>Action</ins>" in english
    assert f"Merged into: <del>—</del> → <ins>Pledge {school.pk}</ins>" in english
    feed = client.get(f"/feeds/versprechen/{library.pk}.atom").content.decode()
    assert "Art: Bewahren → Handeln" in feed and "merged_into" not in feed
    # The data keep the machine names.
    twin = client.get(f"/versprechen/{library.pk}/?format=json").json()
    assert {"kind", "testable"} <= {k for c in twin["corrections"] for k in c["changes"]}


def test_a_second_reviewer_publishing_a_published_draft_gets_409_naming_who(
    people: dict[str, Any],
) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika, rudi, mira = Client(), Client(), Client()
    erika.force_login(people["erika"])
    rudi.force_login(people["rudi"])
    mira.force_login(people["mira"])
    erika.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form(action="submit"))
    draft = Assessment.objects.get(pledge=buses)
    seen = {"action": "publish", "revision": str(draft.revision)}
    assert rudi.post(f"/redaktion/pruefung/{draft.pk}/", seen).status_code == 302
    second = mira.post(f"/redaktion/pruefung/{draft.pk}/", seen)
    assert second.status_code == 409
    html = second.content.decode()
    assert "inzwischen veröffentlicht (von rudi)" in html
    assert "Error" not in html.replace("aria-errormessage", "")
    assert Assessment.objects.filter(pledge=buses, state="published").count() == 1
