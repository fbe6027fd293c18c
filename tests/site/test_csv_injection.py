"""Every CSV the tracker writes is safe to open in a spreadsheet (no formula cells), and the
editors' assessment CSV still goes back in unchanged."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import pytest
from django.test import Client

from versprochen.tracker import audit, corrections, spreadsheet
from versprochen.tracker.assessments import publish
from versprochen.tracker.models import Assessment, Evidence, Pledge

FORMULAS = [
    '=HYPERLINK("https://böse.example")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
]


def _cells(response: Any) -> list[list[str]]:
    assert response.status_code == 200
    content = getattr(response, "streaming_content", None)
    raw = b"".join(content) if content is not None else response.content
    return list(csv.reader(io.StringIO(raw.decode(), newline="")))


def _no_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(spreadsheet.FORMULA_STARTS), (row, cell)


@pytest.mark.parametrize("text", [*FORMULAS, "'=1", "''+x", "plain", "", "'quoted"])
def test_neutralise_and_restore_are_exact(text: str) -> None:
    out = spreadsheet.neutralise(text)
    assert not out.startswith(spreadsheet.FORMULA_STARTS)
    assert spreadsheet.restore(out) == text
    assert spreadsheet.neutralise(-5) == -5


def _hostile(people: dict[str, Any]) -> Pledge:
    school = Pledge.objects.get(number=1)
    assessment = Assessment.objects.create(
        pledge=school,
        status="nicht_bewertbar",
        assessed_on=dt.date(2026, 5, 1),
        rationale=FORMULAS[0],
        reason=FORMULAS[1],
    )
    Evidence.objects.create(
        assessment=assessment,
        kind="press",
        title=FORMULAS[2],
        url="https://waz.de/1",
        date=dt.date(2026, 4, 30),
        quote=FORMULAS[3],
    )
    publish(assessment)
    buses = Pledge.objects.get(area="mobilitaet")
    corrections.edit(
        people["erika"], buses, buses.revision, {"text": FORMULAS[4], "places": [FORMULAS[5]]}
    )
    audit.record(FORMULAS[0], "login", None, object_type="user", object_id=FORMULAS[1])
    return school


def test_public_csv_exports_have_no_formula_cells(client: Client, people: dict[str, Any]) -> None:
    from versprochen.api.export_files import build

    _hostile(people)
    build()
    seen: set[str] = set()
    for table in ("pledges", "mentions", "assessments", "corrections"):
        rows = _cells(client.get(f"/daten/{table}.csv"))
        _no_formula(rows)
        seen.update(cell for row in rows for cell in row)
    # Rationale, reason, the corrected text and place: there, as text.
    for formula in (FORMULAS[0], FORMULAS[1], FORMULAS[4], FORMULAS[5]):
        assert "'" + formula in seen, formula
    # The JSON twin keeps the values as they are.
    import json

    data = client.get("/daten/versprochen.json")
    texts = [p["text"] for p in json.loads(b"".join(data.streaming_content))["pledges"]]  # type: ignore[attr-defined]
    assert FORMULAS[4] in texts


def test_audit_csv_has_no_formula_cells(people: dict[str, Any]) -> None:
    _hostile(people)
    anna = Client()
    anna.force_login(people["anna"])
    superuser = type(people["anna"]).objects.create(username="root", is_superuser=True)
    root = Client()
    root.force_login(superuser)
    rows = _cells(root.get("/redaktion/protokoll.csv"))
    _no_formula(rows)
    assert ["'" + FORMULAS[0], "login", "user", "'" + FORMULAS[1]] in [r[2:6] for r in rows]


def test_editor_csv_has_no_formula_cells_and_goes_back_in_unchanged(
    people: dict[str, Any], tracker: Any
) -> None:
    school = _hostile(people)
    erika = Client()
    erika.force_login(people["erika"])
    response = erika.get("/redaktion/csv/bewertungen.csv", {"body": "stadt-herne"})
    raw = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(raw.decode(), newline="")))
    _no_formula(rows)
    header = rows[0]
    first = dict(zip(header, rows[1], strict=True))
    assert first["rationale"] == "'" + FORMULAS[0] and first["evidence_quote"] == "'" + FORMULAS[3]
    before = Assessment.objects.count()
    from django.core.files.uploadedfile import SimpleUploadedFile

    def upload(data: bytes) -> Any:
        file = SimpleUploadedFile("bewertungen.csv", data, content_type="text/csv")
        return erika.post("/redaktion/csv/", {"target": "body:stadt-herne", "file": file})

    assert upload(raw).status_code == 302
    assert Assessment.objects.count() == before  # the same values: nothing new
    # An edited cell keeps its text, the exported quote taken off exactly once.
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerow([*rows[1][:6], "'=neu", *rows[1][7:]])
    assert upload(buffer.getvalue().encode()).status_code == 302
    draft = Assessment.objects.get(pledge=school, state="in_review")
    assert draft.rationale == "=neu" and draft.reason == FORMULAS[1]
    assert [e.title for e in draft.evidence.all()] == [FORMULAS[2]]
