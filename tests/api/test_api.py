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
    assert client.get("/api/v1/bodies").json() == [
        {"slug": "stadt-herne", "name": "Stadt Herne", "ags": None}
    ]
    documents = client.get("/api/v1/documents?body=stadt-herne").json()
    slug = documents[0]["slug"]
    assert documents[0]["authors"] == ["CDU Herne", "SPD Herne"]
    assert client.get(f"/api/v1/documents/{slug}/sections").json()[0]["title"] == "Bildung"
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
            "pledges.csv",
            "mentions.csv",
            "assessments.csv",
            "corrections.csv",
        ]
