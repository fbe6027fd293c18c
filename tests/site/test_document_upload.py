"""Admins import documents in the browser; others may not."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from versprochen.tracker.models import AuditEntry, Document

PROGRAM = b"# Umwelt\n\nWir werden 1000 neue Stadtb\xc3\xa4ume bis 2028 pflanzen.\n"


def _form(data: bytes, **changes: str) -> dict[str, Any]:
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


def test_an_admin_imports_a_document(people: dict[str, Any]) -> None:
    anna = Client()
    anna.force_login(people["anna"])
    response = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM))
    assert response.status_code == 200, response.content.decode()[-2000:]
    assert "version 1" in response.content.decode()
    document = Document.objects.get(title="Grünes Programm")
    assert document.pledges.count() >= 1
    assert AuditEntry.objects.filter(action="document.import", body=people["herne"]).exists()
    again = anna.post("/redaktion/dokumente/neu/", _form(PROGRAM))
    assert "unchanged" in again.content.decode()


def test_bad_uploads_are_refused_at_the_field(people: dict[str, Any]) -> None:
    anna = Client()
    anna.force_login(people["anna"])
    before = Document.objects.count()
    response = anna.post("/redaktion/dokumente/neu/", _form(b"", term="morgen", body="Atlantis"))
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_body-error"' in html and 'id="id_file-error"' in html
    response = anna.post(
        "/redaktion/dokumente/neu/",
        _form(b"%PDF-kaputt", file=SimpleUploadedFile("x.pdf", b"%PDF-kaputt")),
    )
    assert response.status_code == 400 and 'id="id_file-error"' in response.content.decode()
    assert Document.objects.count() == before
    erika = Client()
    erika.force_login(people["erika"])
    assert erika.get("/redaktion/dokumente/neu/").status_code == 403
