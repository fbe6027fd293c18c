"""Complete open data: bodies, documents, evidence (with OParl ids) and corrections with
unique ids, a Data Package Frictionless validates, files built by a job and served
with ETag, a variant for a German Excel, and feeds with their own ids."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest
from django.test import Client
from frictionless import Package
from tests.api.datapackage_check import check_package

from versprochen.api import export_files
from versprochen.tracker import corrections
from versprochen.tracker.assessments import publish
from versprochen.tracker.models import Assessment, Evidence, Pledge
from versprochen.tracker.testing import make_people

OPARL = "https://oparl.herne.de/paper/4711"


@pytest.fixture
def published(tracker: None) -> dict[str, Any]:
    people = make_people()
    school, buses = Pledge.objects.get(number=1), Pledge.objects.get(number=2)
    assessment = Assessment.objects.create(
        pledge=school, status="in_arbeit", assessed_on=dt.date(2026, 3, 2), rationale="Beschluss."
    )
    Evidence.objects.create(
        assessment=assessment,
        kind="council_paper",
        title="Vorlage V/2026/0815 – Schulsozialarbeit",
        url="https://herne.de/v0815",
        date=dt.date(2026, 3, 1),
        quote="Der Rat beschließt „mehr Stellen“.",
        oparl_id=OPARL,
    )
    publish(assessment)
    draft = Assessment.objects.create(
        pledge=buses, status="erfuellt", assessed_on=dt.date(2026, 3, 2), rationale="ENTWURF"
    )
    Evidence.objects.create(assessment=draft, kind="press", title="GEHEIMER-BELEG")
    corrections.edit(people["erika"], buses, buses.revision, {"area": "kultur", "cap": 23})
    buses.refresh_from_db()
    corrections.exclude(people["erika"], buses, buses.revision, "Nur eine Feststellung.")
    return {"assessment": assessment}


def _built() -> dict[str, Any]:
    export_files.build()
    return json.loads((export_files.directory() / "datapackage.json").read_text())


def test_the_data_package_validates_with_frictionless(published: dict[str, Any]) -> None:
    package = _built()
    folder = export_files.directory()
    report = Package(package, basepath=str(folder)).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert check_package(package, lambda path: (folder / path).read_text(encoding="utf-8")) == []
    names = [r["name"] for r in package["resources"]]
    assert names == [
        "bodies",
        "documents",
        "pledges",
        "mentions",
        "assessments",
        "evidence",
        "corrections",
        "pledge_papers",
    ]


def _rows(name: str) -> list[dict[str, str]]:
    text = (export_files.directory() / name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_evidence_documents_bodies_and_corrections_are_complete(
    published: dict[str, Any],
) -> None:
    export_files.build()
    (assessment,) = _rows("assessments.csv")
    (item,) = json.loads(assessment["evidence"])
    assert item["oparl_id"] == OPARL and item["quote"] == "Der Rat beschließt „mehr Stellen“."
    (evidence,) = _rows("evidence.csv")
    assert evidence["assessment"] == assessment["id"] and evidence["oparl_id"] == OPARL
    assert evidence["kind"] == "council_paper" and evidence["date"] == "2026-03-01"
    everything = (export_files.directory() / "versprochen.json").read_text(encoding="utf-8")
    assert "GEHEIMER-BELEG" not in everything and "ENTWURF" not in everything
    data = json.loads(everything)
    assert data["assessments"][0]["evidence"][0]["url"] == "https://herne.de/v0815"
    (document,) = _rows("documents.csv")
    assert len(document["sha256"]) == 64 and document["version"] == "1" and document["pipeline"]
    assert {"title", "kind", "authors", "term_start", "date", "source_url"} <= set(document)
    bodies = {b["slug"]: b for b in _rows("bodies.csv")}
    assert bodies[document["body"]]["name"] == "Stadt Herne"
    rows = _rows("corrections.csv")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)) >= 3  # area and cap of one correction, then the exclusion
    (excluded,) = [r for r in rows if r["kind"] == "not_a_pledge"]
    assert excluded["note"] == "Nur eine Feststellung."
    assert "@example.org" not in everything  # no follower's or editor's address


def test_downloads_are_files_with_etag_built_by_the_job(
    client: Client, published: dict[str, Any]
) -> None:
    from versprochen.jobs.models import Job

    missing = client.get("/daten/pledges.csv")
    assert missing.status_code == 503 and missing["Retry-After"]
    assert Job.objects.filter(kind="exports.build").count() == 1  # queued, not built here
    client.get("/daten/versprochen.json")
    assert Job.objects.filter(kind="exports.build").count() == 1  # not twice
    export_files.build()
    first = client.get("/daten/pledges.csv")
    assert first.status_code == 200 and first["ETag"] and first["Last-Modified"]
    body = b"".join(first.streaming_content).decode()  # type: ignore[attr-defined]
    assert body.startswith("id,body,document,number,text")
    again = client.get("/daten/pledges.csv", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_the_excel_variant_keeps_umlauts_in_a_german_excel(
    client: Client, published: dict[str, Any]
) -> None:
    export_files.build()
    response = client.get("/daten/evidence.csv?fuer=excel")
    data = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert data.startswith("\ufeff".encode())  # UTF-8 with BOM: Excel reads it as UTF-8
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0].startswith("id;assessment;kind;title")
    assert "beschließt „mehr Stellen“" in text
    page = client.get("/daten/").content.decode()
    assert "/daten/evidence.csv?fuer=excel" in page


def test_each_feed_has_its_own_id_and_an_empty_feed_stays_the_same(
    client: Client, published: dict[str, Any]
) -> None:
    school = Pledge.objects.get(number=1)
    ids = set()
    for url in (
        "/feeds/status.atom",
        "/feeds/koerperschaft/stadt-herne.atom",
        "/feeds/bereich/bildung.atom",
        f"/feeds/versprechen/{school.pk}.atom",
    ):
        xml = client.get(url).content.decode()
        ids.add(xml.split("<id>", 1)[1].split("</id>", 1)[0])
    assert len(ids) == 4
    empty = [client.get("/feeds/bereich/sport.atom").content for _ in range(2)]
    assert b"<entry>" not in empty[0] and empty[0] == empty[1]
    assert b"<updated>2000-01-01" in empty[0]
