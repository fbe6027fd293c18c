from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from django.test import Client

from versprochen.cli import main
from versprochen.tracker.assessments import publish
from versprochen.tracker.models import Assessment, Pledge


def test_openapi_describes_every_resource(client: Client, tracker: None) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    assert {
        "/api/v1/bodies",
        "/api/v1/documents",
        "/api/v1/documents/{slug}",
        "/api/v1/documents/{slug}/sections",
        "/api/v1/pledges",
        "/api/v1/pledges/{pledge_id}",
        "/api/v1/assessments",
    } <= paths
    assert "note" not in json.dumps(schema["components"])


def test_pledges_with_mentions_filters_search_and_pages(client: Client, tracker: None) -> None:
    data = client.get("/api/v1/pledges?q=sozialarbeit").json()
    assert [p["area"] for p in data["items"]] == ["bildung"]
    assert data["items"][0]["mentions"][0]["page"] >= 1
    assert data["next_page"] is None and data["count"] == 1
    data = client.get("/api/v1/pledges?place=wanne").json()
    assert data["items"][0]["places"] == ["Wanne"]
    data = client.get("/api/v1/pledges?area=mond").json()
    assert len(data["items"]) == 2 and data["problems"]


def test_bodies_documents_sections_and_assessments(client: Client, tracker: None) -> None:
    assert client.get("/api/v1/bodies").json()["items"] == [
        {"slug": "stadt-herne", "name": "Stadt Herne", "ags": None}
    ]
    documents = client.get("/api/v1/documents?body=stadt-herne").json()["items"]
    slug = documents[0]["slug"]
    assert documents[0]["authors"] == ["CDU Herne", "SPD Herne"]
    sections = client.get(f"/api/v1/documents/{slug}/sections").json()["items"]
    assert sections[0]["title"] == "Bildung"
    pledge = Pledge.objects.get(number=1)
    draft = Assessment.objects.create(pledge=pledge, status="erfuellt", assessed_on=dt.date.today())
    assert client.get("/api/v1/assessments").json()["items"] == []
    publish(draft)
    items = client.get(f"/api/v1/assessments?pledge={pledge.pk}").json()["items"]
    assert [a["status"] for a in items] == ["erfuellt"]
    detail = client.get(f"/api/v1/pledges/{pledge.pk}").json()
    assert detail["status"] == "erfuellt" and len(detail["assessments"]) == 1
    assert client.get("/api/v1/pledges/999999").status_code == 404


@pytest.mark.parametrize("fmt", ["csv", "json", "datapackage"])
def test_export_command(tmp_path: Path, tracker: None, fmt: str) -> None:
    result = CliRunner().invoke(main, ["export", "--format", fmt, "--output", str(tmp_path)])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads((tmp_path / "versprochen.json").read_text())
        assert len(data["pledges"]) == 2 and data["assessments"] == []
        return
    lines = (tmp_path / "pledges.csv").read_text().splitlines()
    assert len(lines) == 3
    assert (tmp_path / "mentions.csv").exists() and (tmp_path / "assessments.csv").exists()
    if fmt == "datapackage":
        package = json.loads((tmp_path / "datapackage.json").read_text())
        assert [r["path"] for r in package["resources"]] == [
            "bodies.csv",
            "documents.csv",
            "pledges.csv",
            "mentions.csv",
            "assessments.csv",
            "evidence.csv",
            "corrections.csv",
            "pledge_papers.csv",
        ]


def _gone_pledge_with_assessment_and_correction() -> None:
    """The Busverkehr pledge gets a published assessment, then a new version drops it;
    the library pledge is merged into the school one by an editor."""
    from versprochen.tracker.corrections import merge
    from versprochen.tracker.testing import make_people, store

    buses = Pledge.objects.get(number=2)
    publish(Assessment.objects.create(pledge=buses, status="erfuellt", assessed_on=dt.date.today()))
    from tests.api.conftest import PLEDGES

    store([PLEDGES[0], ("Die Stadtbücherei bleibt erhalten.", "kultur", {})])
    people = make_people()
    school, library = Pledge.objects.get(number=1), Pledge.objects.get(text__contains="bücherei")
    merge(people["erika"], school, school.revision, library)
    assert not Pledge.objects.get(pk=buses.pk).current


def test_exported_data_package_is_consistent(tmp_path: Path, client: Client, tracker: None) -> None:
    from tests.api.datapackage_check import check_package

    _gone_pledge_with_assessment_and_correction()
    result = CliRunner().invoke(
        main, ["export", "--format", "datapackage", "--output", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert check_package(package, lambda path: (tmp_path / path).read_text()) == []
    pledges = (tmp_path / "pledges.csv").read_text()
    assert "Busverkehr" in pledges and ",false,2,," in pledges  # gone in version 2

    def download(path: str) -> str:
        response = client.get("/daten/" + path)
        return b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]

    from versprochen.api.export_files import build

    build()  # the job that writes the open-data files
    web = client.get("/daten/datapackage.json").json()
    assert check_package(web, download) == []


def test_every_list_is_paged_and_absurd_pages_are_refused(client: Client, tracker: None) -> None:
    from versprochen.tracker.models import Body, Document

    Body.objects.bulk_create(
        Body(name=f"Gemeinde {i:04d}", slug=f"gemeinde-{i:04d}") for i in range(600)
    )
    first = client.get("/api/v1/bodies").json()
    assert (first["page"], first["page_size"], first["count"], first["next_page"]) == (
        1,
        100,
        601,
        2,
    )
    seen = []
    page: int | None = 1
    while page is not None:
        data = client.get(f"/api/v1/bodies?page={page}&page_size=250").json()
        seen += [b["slug"] for b in data["items"]]
        page = data["next_page"]
    assert len(seen) == len(set(seen)) == 601  # no longer stops at 500
    assert client.get("/api/v1/bodies?page=99").json()["items"] == []  # beyond the last
    for url in (
        "/api/v1/bodies?page=0",
        "/api/v1/bodies?page=401",
        "/api/v1/bodies?page_size=501",
        "/api/v1/documents?page=abc",
        f"/api/v1/documents/{Document.objects.get().slug}/sections?page=-1",
        "/api/v1/pledges?page=401",
        "/api/v1/pledges?page=0",
        "/api/v1/assessments?page=99999999999",
    ):
        response = client.get(url)
        assert response.status_code == 400, url
        assert "page" in response.json()["detail"], url
    data = client.get("/api/v1/pledges?page=2").json()
    assert data["page"] == 2 and data["items"] == [] and data["next_page"] is None
    for path in ("/api/v1/bodies", "/api/v1/documents", "/api/v1/pledges", "/api/v1/assessments"):
        schema = client.get("/api/v1/openapi.json").json()["paths"][path]["get"]
        assert "page" in {p["name"] for p in schema["parameters"]}, path


def test_the_api_documentation_is_an_accessible_page_of_the_site(
    client: Client, tracker: None
) -> None:
    html = client.get("/daten/api/").content.decode()
    assert "<code>GET /api/v1/pledges</code>" in html
    assert "<code>POST /api/v1/editor/pledges/{pledge_id}/assessments</code>" in html
    assert 'href="#api-schema-PledgePageOut"' in html and 'id="api-schema-PledgePageOut"' in html
    assert 'id="editor-api-schema-DraftIn"' in html and "Page number, 1 to 400" in html
    assert '<html lang="en">' in client.get("/en/daten/api/").content.decode()
    data = client.get("/daten/").content.decode()
    assert 'href="/daten/api/"' in data and "/api/v1/docs" not in data
    assert client.get("/api/v1/docs").status_code == 404  # Swagger UI is not served
    assert client.get("/daten/api/?format=json").json()["apis"][0]["openapi"] == (
        "/api/v1/openapi.json"
    )
