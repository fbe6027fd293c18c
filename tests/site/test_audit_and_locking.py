"""Two editors on one draft: the second save is refused and shown the first's change.
Every change is in the audit log, which only admins read and can download."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from tests.site.test_review import draft_form

from versprochen.tracker.models import Assessment, AuditEntry, Pledge


def test_second_save_is_refused_with_the_other_change_shown(people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika, mira = Client(), Client()
    erika.force_login(people["erika"])
    mira.force_login(people["mira"])
    erika.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form())
    draft = Assessment.objects.get(pledge=buses)
    url = f"/redaktion/bewertungen/{draft.pk}/"
    # Both open the same revision...
    assert f'name="revision" value="{draft.revision}"' in erika.get(url).content.decode()
    assert f'name="revision" value="{draft.revision}"' in mira.get(url).content.decode()
    seen = str(draft.revision)
    # ...Erika saves first, then Mira.
    first = erika.post(url, draft_form(revision=seen, rationale="Erikas Fassung der Begründung."))
    assert first.status_code == 302
    second = mira.post(url, draft_form(revision=seen, rationale="Miras Fassung der Begründung."))
    assert second.status_code == 409
    page = second.content.decode()
    assert "erika hat diese Bewertung inzwischen geändert" in page
    assert "Erikas Fassung der Begründung." in page  # the other person's change
    assert "Miras Fassung der Begründung." in page  # her own input is kept in the form
    draft.refresh_from_db()
    assert draft.rationale == "Erikas Fassung der Begründung."
    # Deciding after seeing it: the form now carries the current revision.
    third = mira.post(
        url, draft_form(revision=str(draft.revision), rationale="Miras Fassung der Begründung.")
    )
    assert third.status_code == 302
    draft.refresh_from_db()
    assert draft.rationale == "Miras Fassung der Begründung."


def test_a_reviewer_publishing_a_draft_changed_meanwhile_is_refused(people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika, rudi = Client(), Client()
    erika.force_login(people["erika"])
    rudi.force_login(people["rudi"])
    erika.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form(action="submit"))
    draft = Assessment.objects.get(pledge=buses)
    seen = draft.revision
    erika.post(
        f"/redaktion/bewertungen/{draft.pk}/",
        draft_form(action="submit", revision=str(seen), status="erfuellt"),
    )
    response = rudi.post(
        f"/redaktion/pruefung/{draft.pk}/", {"action": "publish", "revision": seen}
    )
    assert response.status_code == 409 and "inzwischen geändert" in response.content.decode()
    assert Assessment.objects.get(pk=draft.pk).state == "in_review"


def test_audit_log_is_for_admins_with_before_and_after(people: dict[str, Any]) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika = Client()
    erika.force_login(people["erika"])
    erika.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form())
    draft = Assessment.objects.get(pledge=buses)
    erika.post(
        f"/redaktion/bewertungen/{draft.pk}/",
        draft_form(revision=str(draft.revision), status="gestockt"),
    )
    entry = AuditEntry.objects.get(action="assessment.edit")
    assert entry.username == "erika" and entry.body == people["herne"]
    assert entry.before["status"] == "in_arbeit" and entry.after["status"] == "gestockt"
    assert entry.after["evidence"][0]["title"] == "Ratsbeschluss V/2026/0815"
    assert erika.get("/redaktion/protokoll/").status_code == 403
    assert erika.get("/redaktion/protokoll.csv").status_code == 403
    anna = Client()
    anna.force_login(people["anna"])
    page = anna.get("/redaktion/protokoll/").content.decode()
    assert "assessment.edit" in page and "erika" in page
    csv = b"".join(anna.get("/redaktion/protokoll.csv").streaming_content).decode()  # type: ignore[attr-defined]
    assert csv.startswith("id,at,username,action") and "gestockt" in csv
    otto = Client()
    otto.force_login(people["otto"])
    assert otto.get("/redaktion/protokoll/").status_code == 403


def test_admin_creates_an_account_for_their_body(people: dict[str, Any]) -> None:
    anna = Client()
    anna.force_login(people["anna"])
    herne = people["herne"]
    weak = anna.post(
        "/redaktion/benutzer/",
        {"username": "neu", "password": "12345678", "roles": ["editor"], "body": str(herne.pk)},
    )
    assert weak.status_code == 400 and "neu" not in [p for p in ()]
    assert "zu kurz" in weak.content.decode() or "gängig" in weak.content.decode()
    other = anna.post(
        "/redaktion/benutzer/",
        {
            "username": "neu",
            "password": "ein langes Passwort 42",
            "roles": ["editor"],
            "body": str(people["heinsberg"].pk),
        },
    )
    assert other.status_code == 400  # not a body anna administers
    ok = anna.post(
        "/redaktion/benutzer/",
        {
            "username": "neu",
            "password": "ein langes Passwort 42",
            "roles": ["editor"],
            "body": str(herne.pk),
        },
    )
    assert ok.status_code == 302
    assert "neu" in anna.get("/redaktion/benutzer/").content.decode()
    assert AuditEntry.objects.filter(action="user.create", body=herne).exists()


def _conflict_table(html: str) -> str:
    start = html.index('<table class="conflict">')
    return html[start : html.index("</table>", start)]


def test_the_conflict_page_shows_the_others_evidence_and_every_field(
    people: dict[str, Any],
) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika, mira = Client(), Client()
    erika.force_login(people["erika"])
    mira.force_login(people["mira"])
    erika.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form())
    draft = Assessment.objects.get(pledge=buses)
    url = f"/redaktion/bewertungen/{draft.pk}/"
    seen = str(draft.revision)
    first = erika.post(
        url,
        draft_form(
            revision=seen,
            status="nicht_bewertbar",
            reason="Erikas Grund.",
            note="Erikas Notiz.",
            **{
                "evidence-0-title": "Erikas Beleg",
                "evidence-0-url": "https://erika.example/beleg",
                "evidence-0-quote": "Erikas Zitat",
            },
        ),
    )
    assert first.status_code == 302
    second = mira.post(url, draft_form(revision=seen, **{"evidence-0-title": "Miras Beleg"}))
    assert second.status_code == 409
    table = _conflict_table(second.content.decode())
    for theirs in (
        "nicht bewertbar",
        "Erikas Grund.",
        "Erikas Notiz.",
        "Erikas Beleg",
        "https://erika.example/beleg",
        "Erikas Zitat",
    ):
        assert theirs in table, theirs
    assert "Miras Beleg" in table and "in Arbeit" in table  # her own input, next to it
    assert "abweichend" in table


def test_the_conflict_page_of_a_correction_shows_every_field(people: dict[str, Any]) -> None:
    from tests.site.test_corrections import coding

    buses = Pledge.objects.get(area="mobilitaet")
    erika, mira = Client(), Client()
    erika.force_login(people["erika"])
    mira.force_login(people["mira"])
    url = f"/redaktion/versprechen/{buses.pk}/korrigieren/"
    seen = coding(buses)
    changed = dict(
        seen,
        area="wirtschaft_arbeit",
        cap="15",
        kind="preserve",
        testable="",
        quantities="60 Minuten",
        places="Eickel",
    )
    assert erika.post(url, changed).status_code == 302
    second = mira.post(url, dict(seen, places="Sodingen"))
    assert second.status_code == 409
    table = _conflict_table(second.content.decode())
    for theirs in ("Wirtschaft", "15 ", "Bewahren", "nein", "60 Minuten", "Eickel"):
        assert theirs in table, theirs
    assert "Sodingen" in table and "Mobilität" in table  # her own input, next to it


@pytest.mark.parametrize(
    ("username", "message"),
    [
        ("<script>alert(9)</script>", "Buchstaben, Ziffern"),
        ("mit leerzeichen", "Buchstaben, Ziffern"),
        ("ERIKA", "gibt es schon"),
        ("Erika", "gibt es schon"),
    ],
)
def test_the_admin_screen_checks_user_names_like_createuser(
    people: dict[str, Any], username: str, message: str
) -> None:
    anna = Client()
    anna.force_login(people["anna"])
    response = anna.post(
        "/redaktion/benutzer/",
        {
            "username": username,
            "password": "ein langes Passwort 42",
            "roles": ["editor"],
            "body": str(people["herne"].pk),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    error = html[html.index('id="id_username-error"') :][:400]
    assert message in error
    assert get_user_model().objects.filter(username__iexact=username).count() == (
        1 if username.lower() == "erika" else 0
    )
    assert "<script>alert(9)" not in html


def test_user_names_are_unique_whatever_their_case_in_the_database(db: None) -> None:
    from django.db import IntegrityError, transaction

    get_user_model().objects.create(username="ed_h")
    with pytest.raises(IntegrityError), transaction.atomic():
        get_user_model().objects.create(username="ED_H")


def test_admins_give_and_take_roles_of_existing_accounts(people: dict[str, Any]) -> None:
    from versprochen.tracker.roles import holds

    anna = Client()
    anna.force_login(people["anna"])
    herne, heinsberg = people["herne"], people["heinsberg"]

    def change(username: str, role: str, body: object, how: str) -> Any:
        return anna.post(
            "/redaktion/benutzer/",
            {
                "form": "roles",
                "roles-username": username,
                "roles-role": role,
                "roles-body": str(body),
                "roles-change": how,
            },
        )

    rudi = people["rudi"]
    assert change("rudi", "editor", herne.pk, "grant").status_code == 302
    assert holds(rudi, "editor", herne.pk)
    entry = AuditEntry.objects.filter(action="user.roles").latest("id")
    assert entry.body == herne and entry.user == people["anna"]
    assert ["editor", "Stadt Herne"] in entry.after["roles"]
    assert ["editor", "Stadt Herne"] not in entry.before["roles"]
    assert change("rudi", "reviewer", herne.pk, "revoke").status_code == 302
    assert not holds(rudi, "reviewer", herne.pk)
    assert AuditEntry.objects.filter(action="user.roles", body=herne).count() == 2
    # Only within anna's bodies; only existing accounts; not her own admin role.
    assert change("otto", "editor", heinsberg.pk, "grant").status_code == 400
    assert change("otto", "editor", "*", "grant").status_code == 400
    assert not holds(people["otto"], "editor", herne.pk)
    missing = change("niemand", "editor", herne.pk, "grant")
    assert missing.status_code == 400
    html = missing.content.decode()
    assert "gibt es nicht" in html[html.index('id="id_roles-username-error"') :][:300]
    own = change("anna", "admin", herne.pk, "revoke")
    assert own.status_code == 400 and holds(people["anna"], "admin", herne.pk)


def test_admins_unlock_a_locked_account(people: dict[str, Any]) -> None:
    anna = Client()
    anna.force_login(people["anna"])
    erika = people["erika"]
    assert anna.post(f"/redaktion/benutzer/{erika.pk}/sperren/").status_code == 302
    erika.refresh_from_db()
    assert not erika.is_active
    page = anna.get("/redaktion/benutzer/").content.decode()
    assert f"/redaktion/benutzer/{erika.pk}/entsperren/" in page
    assert anna.post(f"/redaktion/benutzer/{erika.pk}/entsperren/").status_code == 302
    erika.refresh_from_db()
    assert erika.is_active
    entry = AuditEntry.objects.get(action="user.activate")
    assert entry.body == people["herne"] and entry.before["is_active"] is False
    assert entry.after["is_active"] is True
    # Not an account with roles beyond anna's bodies (otto is Heinsberg's).
    otto = people["otto"]
    otto.is_active = False
    otto.save()
    assert anna.post(f"/redaktion/benutzer/{otto.pk}/entsperren/").status_code == 403
    otto.refresh_from_db()
    assert not otto.is_active
    # Editors cannot.
    erika_client = Client()
    erika_client.force_login(erika)
    assert erika_client.post(f"/redaktion/benutzer/{otto.pk}/entsperren/").status_code == 403
