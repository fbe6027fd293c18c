from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.oparl.link_rows import make_papers
from versprochen.oparl import links, suggest
from versprochen.oparl.models_links import Suggestion
from versprochen.tracker.models import Pledge
from versprochen.tracker.testing import make_people, store


@pytest.fixture
def council(db: None) -> dict[str, Any]:
    cache.clear()
    store([("Wir schaffen sichere Radwege in der Innenstadt.", "mobilitaet", {})])
    people = make_people()
    rows = make_papers(people["herne"])
    return {**people, **rows, "pledge": Pledge.objects.get()}


def test_paper_page_and_its_json_twin(council: dict[str, Any], client: Any) -> None:
    paper = council["papers"][0]
    suggestion = Suggestion.objects.create(pledge=council["pledge"], paper=paper, passage="x")
    links.confirm(council["erika"], suggestion)
    url = reverse("site:paper", args=[paper.pk])
    html = client.get(url).content.decode()
    for text in (
        "Radverkehrskonzept für die Innenstadt",
        "2026/0101",
        "Antrag",
        "Rat der Stadt",
        "einstimmig beschlossen",
        "Entscheidung",
        "sichere Radwege in der Innenstadt zu planen",
        reverse("site:pledge", args=[council["pledge"].pk]),
        reverse("site:meeting", args=[council["meeting"].pk]),
    ):
        assert text in html, text
    data = client.get(url, {"format": "json"}).json()
    assert data["oparl_id"] == paper.oparl_id
    assert data["consultations"][0]["agenda_item"]["result"] == "einstimmig beschlossen"
    assert data["files"][0]["text"].startswith("Die Verwaltung")
    assert data["evidence_for"][0]["id"] == council["pledge"].pk
    assert client.post(url).status_code == 405
    assert client.get(reverse("site:paper", args=[999999])).status_code == 404


def test_meeting_page_and_its_json_twin(council: dict[str, Any], client: Any) -> None:
    url = reverse("site:meeting", args=[council["meeting"].pk])
    html = client.get(url).content.decode()
    assert "Rat der Stadt" in html and "einstimmig beschlossen" in html
    assert reverse("site:paper", args=[council["papers"][0].pk]) in html
    data = client.get(url, {"format": "json"}).json()
    assert data["agenda_items"][0]["paper"]["reference"] == "2026/0101"
    assert data["oparl_id"].endswith("/meeting/1")


def test_paper_search_by_name_and_reference(council: dict[str, Any], client: Any) -> None:
    url = reverse("site:papers")
    by_name = client.get(url, {"q": "stadtbücherei", "format": "json"}).json()
    assert [p["reference"] for p in by_name["papers"]] == ["2026/0104"]
    by_reference = client.get(url, {"q": "2026/0102"}).content.decode()
    assert "Schulsozialarbeit" in by_reference and "Stadtbücherei" not in by_reference
    bad = client.get(url, {"page": "x", "body": "nirgendwo", "format": "json"}).json()
    assert bad["problems"] and bad["papers"] == []


def test_pledge_page_lists_its_confirmed_papers(council: dict[str, Any], client: Any) -> None:
    paper = council["papers"][0]
    suggestion = Suggestion.objects.create(pledge=council["pledge"], paper=paper)
    pledge_url = reverse("site:pledge", args=[council["pledge"].pk])
    assert "Radverkehrskonzept" not in client.get(pledge_url).content.decode()
    links.confirm(council["erika"], suggestion)
    cache.clear()
    assert "Radverkehrskonzept" in client.get(pledge_url).content.decode()


def test_api_papers_are_paged_and_filtered(council: dict[str, Any], client: Any) -> None:
    first = client.get("/api/v1/papers", {"body": "stadt-herne", "page_size": "3"}).json()
    assert first["count"] == 4 and first["next_page"] == 2 and len(first["items"]) == 3
    assert first["items"][0]["oparl_id"].startswith("https://ris.example.org/")
    second = client.get("/api/v1/papers", {"body": "stadt-herne", "page_size": "3", "page": "2"})
    assert len(second.json()["items"]) == 1 and second.json()["next_page"] is None
    typed = client.get("/api/v1/papers", {"type": "Antrag"}).json()
    assert {p["paper_type"] for p in typed["items"]} == {"Antrag"} and typed["count"] == 2
    dated = client.get("/api/v1/papers", {"since": "2026-03-03"}).json()
    assert {p["reference"] for p in dated["items"]} == {"2026/0103", "2026/0104"}
    assert client.get("/api/v1/papers", {"since": "gestern"}).status_code == 400
    assert client.get("/api/v1/papers", {"body": "nirgendwo"}).status_code == 400
    assert client.get("/api/v1/papers", {"page": "0"}).status_code == 400
    paper = council["papers"][0]
    detail = client.get(f"/api/v1/papers/{paper.pk}").json()
    assert detail["oparl_id"] == paper.oparl_id and detail["files"]
    meeting = client.get(f"/api/v1/meetings/{council['meeting'].pk}").json()
    assert meeting["agenda_items"][0]["paper"]["oparl_id"] == paper.oparl_id
    assert client.get("/api/v1/papers/999999").status_code == 404


def test_cli_suggest_prints_json(council: dict[str, Any], tmp_path: Any) -> None:
    from click.testing import CliRunner

    from versprochen.cli.oparl_suggest import suggest_command

    suggest.forget_index(council["herne"])
    result = CliRunner().invoke(
        suggest_command,
        ["--body", "stadt-herne", "--text", "Radwege in der Innenstadt", "--json", "--limit", "2"],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows[0]["id"] == council["papers"][0].oparl_id
    assert set(rows[0]) == {"id", "name", "reference", "score", "passage"}
    assert len(rows) <= 2
    missing = CliRunner().invoke(suggest_command, ["--body", "nirgendwo", "--text", "x"])
    assert missing.exit_code == 2 and "nirgendwo" in missing.output
    suggest.forget_index(council["herne"])


def test_a_published_assessment_citing_the_paper_counts_as_evidence(
    council: dict[str, Any], client: Any
) -> None:
    from versprochen.tracker.assessments import publish
    from versprochen.tracker.models import Assessment, Evidence

    paper = council["papers"][2]
    assessment = Assessment.objects.create(
        pledge=council["pledge"], status="in_arbeit", assessed_on="2026-05-01", rationale="x"
    )
    Evidence.objects.create(
        assessment=assessment, kind="council_paper", title="Bus", oparl_id=paper.oparl_id
    )
    url = reverse("site:paper", args=[paper.pk])
    assert client.get(url, {"format": "json"}).json()["evidence_for"] == []
    publish(assessment)
    cited = client.get(url, {"format": "json"}).json()["evidence_for"]
    assert [p["id"] for p in cited] == [council["pledge"].pk]
