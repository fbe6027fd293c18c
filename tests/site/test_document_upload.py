"""Admins import documents in the browser: the upload is stored at once, a job extracts it."""

from __future__ import annotations

import re
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from versprochen.jobs.models import Job, JobState, Upload
from versprochen.jobs.worker import Worker
from versprochen.tracker.models import AuditEntry, Body, Document

PROGRAM = b"# Umwelt\n\nWir werden 1000 neue Stadtb\xc3\xa4ume bis 2028 pflanzen.\n"


def _form(data: bytes, **changes: Any) -> dict[str, Any]:
    form: dict[str, Any] = {
        "file": SimpleUploadedFile("gruene.md", data),
        "body": "Stadt Herne",
        "kind": "program",
        "authors": "Grüne Herne",
        "term": "2025-2030",
        "date": "2025-08-01",
        "title": "Grünes Programm",
    }
    form.update(changes)
    return form


def _run_queued_jobs() -> None:
    # In the test's transaction, which the worker keeps (it would drop it between jobs).
    Worker(interval=0.01, once=True, housekeeping_seconds=1e9, recycle_connections=False).run()


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_upload_is_stored_at_once_and_extracted_by_a_job(people: dict[str, Any]) -> None:
    anna = _client(people["anna"])
    response = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM))
    assert response.status_code == 303
    page = response["Location"]
    upload = Upload.objects.get()
    assert (upload.filename, bytes(upload.data), upload.size) == (
        "gruene.md",
        PROGRAM,
        len(PROGRAM),
    )
    assert upload.document is None and not Document.objects.filter(title="Grünes Programm").exists()
    waiting = anna.get(page).content.decode()
    assert "wartet" in waiting and "Jetzt neu laden" in waiting
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in waiting
    assert 'hx-trigger="every 2s"' in waiting  # with JavaScript only the state is reloaded
    _run_queued_jobs()
    done = anna.get(page)
    html = done.content.decode()
    assert "version 1" in html and 'http-equiv="refresh"' not in html and "hx-trigger" not in html
    document = Document.objects.get(title="Grünes Programm")
    assert document.pledges.count() >= 1
    assert f"/dokumente/{document.slug}/" in html
    upload.refresh_from_db()
    assert upload.document == document and bytes(upload.data) == b""  # kept once, as source
    assert bytes(document.source.data) == PROGRAM
    entry = AuditEntry.objects.get(action="document.import", body=people["herne"])
    assert entry.user == people["anna"] and entry.after["via"] == "browser"
    status = anna.get(page + "?format=json").json()
    assert (status["state"], status["document"]) == ("done", document.slug)
    again = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM))
    _run_queued_jobs()
    assert "unchanged" in anna.get(again["Location"]).content.decode()


def test_an_admin_who_is_not_an_editor_is_told_why(people: dict[str, Any]) -> None:
    anna = _client(people["anna"])
    page = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM))["Location"]
    _run_queued_jobs()
    html = anna.get(page).content.decode()
    assert "nicht Redakteurin oder Redakteur für Stadt Herne" in html
    assert "/redaktion/dokumente/" not in html.split("Zum Dokument")[1].split("</p>")[0]


def test_a_broken_pdf_fails_its_job_with_one_line(people: dict[str, Any]) -> None:
    anna = _client(people["anna"])
    broken = SimpleUploadedFile("x.pdf", b"%PDF-kaputt")
    page = anna.post("/redaktion/dokumente/neu/", _form(b"", file=broken))["Location"]
    _run_queued_jobs()
    job = Job.objects.get(kind="tracker.extract_upload")
    assert job.state == JobState.FAILED and job.error.startswith("x.pdf")
    assert "\n" not in job.error and "Error" not in job.error
    html = anna.get(page).content.decode()
    assert "fehlgeschlagen" in html and job.error in html.replace("&#x27;", "'")
    assert not Document.objects.filter(title="Grünes Programm").exists()


def test_bad_uploads_are_refused_at_the_field(people: dict[str, Any]) -> None:
    anna = _client(people["anna"])
    before = Document.objects.count()
    response = anna.post("/redaktion/dokumente/neu/", _form(b"", term="morgen", body="Atlantis"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_body-error"' in html and 'id="id_file-error"' in html
    assert Document.objects.count() == before and not Upload.objects.exists()
    erika = _client(people["erika"])
    assert erika.get("/redaktion/dokumente/neu/").status_code == 403
    assert erika.post("/redaktion/dokumente/neu/", _form(PROGRAM)).status_code == 403


def test_no_body_is_preselected_and_one_must_be_chosen(people: dict[str, Any]) -> None:
    anna = _client(people["anna"])
    html = anna.get("/redaktion/dokumente/neu/").content.decode()
    options = re.findall(r"<option[^>]*>", html.split('name="body"')[1].split("</select>")[0])
    assert options[0] == '<option value="" selected>'
    assert all("selected" not in option for option in options[1:])
    assert 'name="new_body"' not in html  # an admin of one body adds none
    response = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM, body=""))
    assert response.status_code == 400 and 'id="id_body-error"' in response.content.decode()


def test_an_admin_of_every_body_creates_one(people: dict[str, Any]) -> None:
    chief = get_user_model().objects.create(username="chef", is_superuser=True)
    client = _client(chief)
    assert 'name="new_body"' in client.get("/redaktion/dokumente/neu/").content.decode()
    both = client.post("/redaktion/dokumente/neu/", _form(PROGRAM, new_body="Stadt Bochum"))
    assert both.status_code == 400 and not Body.objects.filter(name="Stadt Bochum").exists()
    response = client.post(
        "/redaktion/dokumente/neu/", _form(PROGRAM, body="", new_body="Stadt  Bochum")
    )
    assert response.status_code == 303
    bochum = Body.objects.get(name="Stadt Bochum")
    assert AuditEntry.objects.filter(action="body.create", body=bochum).exists()
    _run_queued_jobs()
    assert Document.objects.get(title="Grünes Programm").body == bochum


def test_a_job_page_is_only_for_its_people(people: dict[str, Any]) -> None:
    page = _client(people["anna"]).post("/redaktion/dokumente/neu/", _form(PROGRAM))["Location"]
    assert _client(people["otto"]).get(page).status_code == 404
    assert _client(people["erika"]).get(page).status_code == 404


def test_an_admin_sent_to_an_editors_page_is_told_why_not_asked_to_log_in(
    people: dict[str, Any],
) -> None:
    anna = _client(people["anna"])
    anna.post("/redaktion/dokumente/neu/", _form(PROGRAM))
    _run_queued_jobs()
    document = Document.objects.get(title="Grünes Programm")
    response = anna.get(f"/redaktion/dokumente/{document.slug}/")
    html = response.content.decode()
    assert response.status_code == 403
    assert "Sie sind als anna angemeldet" in html and "Admin sein genügt dafür nicht" in html
    assert "/anmelden/" not in html.split("<main")[1]


def test_the_jobs_list_shows_the_jobs_of_ones_bodies(people: dict[str, Any]) -> None:
    anna = _client(people["anna"])
    page = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM))["Location"]
    listed = anna.get("/redaktion/auftraege/").content.decode()
    assert page in listed and "Import: gruene.md" in listed and 'http-equiv="refresh"' in listed
    _run_queued_jobs()
    jobs = anna.get("/redaktion/auftraege/?format=json").json()["jobs"]
    assert [j["state"] for j in jobs if j["kind"] == "tracker.extract_upload"] == ["done"]
    assert page not in _client(people["otto"]).get("/redaktion/auftraege/").content.decode()


def test_an_upload_job_run_again_stores_nothing_twice(people: dict[str, Any]) -> None:
    from versprochen.jobs import run_now
    from versprochen.tracker.models import SourceFile

    anna = _client(people["anna"])
    anna.post("/redaktion/dokumente/neu/", _form(PROGRAM))
    _run_queued_jobs()
    upload = Upload.objects.get()
    sources, entries = SourceFile.objects.count(), AuditEntry.objects.count()
    # As if its worker died after the result was stored but before the job was marked done.
    again = run_now("tracker.extract_upload", upload_id=upload.pk)
    assert again.state == JobState.DONE and "version 1" in again.result
    assert (SourceFile.objects.count(), AuditEntry.objects.count()) == (sources, entries)


def test_the_source_url_is_asked_for_and_stored_by_the_job(people: dict[str, Any]) -> None:
    anna = _client(people["anna"])
    html = anna.get("/redaktion/dokumente/neu/").content.decode()
    assert "Veröffentlicht unter (URL)" in html
    assert 'type="url" name="source_url"' in html and 'maxlength="1000"' in html
    url = "https://example.org/gruene/programm.pdf"
    response = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM, source_url=f" {url} "))
    assert response.status_code == 303
    assert Upload.objects.get().info["source_url"] == url
    _run_queued_jobs()
    document = Document.objects.get(title="Grünes Programm")
    assert document.source_url == url
    # A new version without an address keeps the stored one.
    newer = PROGRAM + b"\nWir werden den Stadtpark bis 2027 erweitern.\n"
    anna.post("/redaktion/dokumente/neu/", _form(newer))
    _run_queued_jobs()
    document.refresh_from_db()
    assert document.source.version == 2 and document.source_url == url
    page = anna.get(f"/dokumente/{document.slug}/").content.decode()
    assert f'href="{url}"' in page


def test_a_hostile_source_url_is_refused_at_the_field(people: dict[str, Any]) -> None:
    anna = _client(people["anna"])
    for hostile in [
        "javascript:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "https://example.org/\x07programm.pdf",
        "https://example.org/a\r\nSet-Cookie: x=1",
        "https://example.org/" + "a" * 1000,
        "vbscript:msgbox(1)",
    ]:
        response = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM, source_url=hostile))
        assert response.status_code == 400, hostile
        html = response.content.decode()
        error = html.split('id="id_source_url-error"')[1].split("</ul>")[0]
        assert "Web-Adresse" in error or "1000" in error, (hostile, error)
        assert 'href="javascript:' not in html and 'href="data:' not in html
    assert not Upload.objects.exists() and not Job.objects.exists()
