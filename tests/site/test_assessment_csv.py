"""Assessments out as CSV and back in: the same columns, checked row by row, drafts only."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from versprochen.tracker.models import Assessment, Pledge


def _export(client: Client, **params: str) -> list[dict[str, str]]:
    response = client.get("/redaktion/csv/bewertungen.csv", params)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    return list(csv.DictReader(io.StringIO(text)))


def _upload(client: Client, rows: list[dict[str, str]] | bytes, target: str) -> Any:
    if isinstance(rows, bytes):
        data = rows
    else:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        data = buffer.getvalue().encode()
    upload = SimpleUploadedFile("bewertungen.csv", data, content_type="text/csv")
    return client.post("/redaktion/csv/", {"target": target, "file": upload})


def test_export_then_import_the_same_file_changes_nothing(
    people: dict[str, Any], tracker: Any
) -> None:
    erika = Client()
    erika.force_login(people["erika"])
    rows = _export(erika, document=tracker["document"].slug)
    assert list(rows[0]) == [
        "pledge",
        "document",
        "number",
        "text",
        "status",
        "assessed_on",
        "rationale",
        "reason",
        "evidence_kind",
        "evidence_title",
        "evidence_url",
        "evidence_date",
        "evidence_quote",
    ]
    assert [r["status"] for r in rows] == ["in_arbeit", "", ""]
    assert rows[0]["evidence_title"] == "Ratsbeschluss V/2026/017"
    before = Assessment.objects.count()
    response = _upload(erika, rows, f"document:{tracker['document'].slug}")
    assert response.status_code == 302
    assert Assessment.objects.count() == before
    # Body export: same columns and rows.
    assert _export(erika, body="stadt-herne") == rows


def test_edited_rows_become_drafts_for_review(people: dict[str, Any], tracker: Any) -> None:
    erika = Client()
    erika.force_login(people["erika"])
    rows = _export(erika, body="stadt-herne")
    rows[1].update(
        status="erfuellt",
        assessed_on="2026-01-15",
        rationale="Der Takt gilt seit Januar.",
        evidence_kind="press",
        evidence_title="WAZ, 16.1.2026",
        evidence_url="https://waz.de/x",
        evidence_date="2026-01-16",
    )
    extra = dict(
        rows[1],
        status="",
        assessed_on="",
        rationale="",
        reason="",
        evidence_kind="budget",
        evidence_title="Beschluss 2025/99",
        evidence_url="https://herne.de/ratsinfo/2025-99",
        evidence_date="2025-12-01",
        evidence_quote="",
    )
    rows.insert(2, extra)
    response = _upload(erika, rows, "body:stadt-herne")
    assert response.status_code == 302
    buses = Pledge.objects.get(pk=int(rows[1]["pledge"]))
    draft = Assessment.objects.get(pledge=buses)
    assert draft.state == "in_review" and draft.author == people["erika"]
    assert sorted(e.title for e in draft.evidence.all()) == ["Beschluss 2025/99", "WAZ, 16.1.2026"]
    buses.refresh_from_db()
    assert buses.status == "offen"  # never published directly


def test_a_bad_file_is_refused_whole_with_line_numbers(
    people: dict[str, Any], tracker: Any
) -> None:
    erika = Client()
    erika.force_login(people["erika"])
    rows = _export(erika, body="stadt-herne")
    good = dict(rows[1], status="gestockt", assessed_on="2026-01-15", rationale="Kein Geld.")
    bad = dict(
        rows[2],
        status="vielleicht",
        assessed_on="2099-01-01",
        rationale="",
        evidence_kind="press",
        evidence_title="x",
        evidence_url="kein-link",
    )
    response = _upload(erika, [rows[0], good, bad], "body:stadt-herne")
    assert response.status_code == 400
    html = response.content.decode()
    for expected in (
        "Zeile 4, status",
        "Zeile 4, assessed_on",
        "Zeile 4, rationale",
        "Zeile 4, evidence_url",
    ):
        assert expected in html, expected
    assert Assessment.objects.filter(state="in_review").count() == 0  # not even the good row

    missing = _upload(erika, b"pledge,status\n1,erfuellt\n", "body:stadt-herne")
    assert missing.status_code == 400 and "Zeile 1: Spalten fehlen" in missing.content.decode()
    header = ",".join(rows[0]).encode()
    broken = header + b"\n1,,,B\x81cherei,offen,2026-01-01,x,,,,,,\n"  # \x81: not cp1252
    response = _upload(erika, broken, "body:stadt-herne")
    assert response.status_code == 400
    assert "Zeile 2: weder UTF-8 noch Windows-1252" in response.content.decode()
    unknown = dict(rows[1], pledge="999999", status="erfuellt")
    response = _upload(erika, [unknown], "body:stadt-herne")
    assert "Zeile 2, pledge" in response.content.decode()


def test_editors_of_another_body_cannot_export_or_import(
    people: dict[str, Any], tracker: Any
) -> None:
    otto = Client()
    otto.force_login(people["otto"])
    assert otto.get("/redaktion/csv/bewertungen.csv", {"body": "stadt-herne"}).status_code == 404
    response = _upload(otto, b"pledge\n1\n", "body:stadt-herne")
    assert response.status_code == 400 and Assessment.objects.filter(state="in_review").count() == 0


def test_evidence_needs_an_address_and_a_date(people: dict[str, Any], tracker: Any) -> None:
    erika = Client()
    erika.force_login(people["erika"])
    rows = _export(erika, body="stadt-herne")
    row = dict(
        rows[1],
        status="erfuellt",
        assessed_on="2026-01-15",
        rationale="Der Takt gilt seit Januar.",
        evidence_kind="press",
        evidence_title="WAZ, 16.1.2026",
        evidence_url="",
        evidence_date="",
    )
    response = _upload(erika, [row], "body:stadt-herne")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Zeile 2, evidence_url" in html and "Zeile 2, evidence_date" in html
    assert not Assessment.objects.filter(state="in_review").exists()


def test_excel_round_trip_semicolons_and_windows_1252(people: dict[str, Any], tracker: Any) -> None:
    """The export for Excel (BOM, semicolons) and what a German Excel saves from it
    (semicolons, Windows-1252) come back in."""
    erika = Client()
    erika.force_login(people["erika"])
    response = erika.get("/redaktion/csv/bewertungen.csv", {"body": "stadt-herne", "fuer": "excel"})
    data = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert data.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 3
    changed = dict(
        rows[2],
        status="gestockt",
        assessed_on="2026-01-15",
        rationale="Die Bücherei wartet auf Förderung.",
    )
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows([rows[0], rows[1], changed])
    saved = buffer.getvalue().encode("cp1252")  # as Excel's "CSV (Trennzeichen-getrennt)"
    response = _upload(erika, saved, "body:stadt-herne")
    assert response.status_code in (200, 302), response.content.decode()[-2000:]
    draft = Assessment.objects.get(state="in_review")
    assert draft.rationale == "Die Bücherei wartet auf Förderung."
