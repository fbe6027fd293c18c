"""The wing's pages: public reports and comparisons (JSON twins, CSV), editor pages."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client

from versprochen.jobs import run_now
from versprochen.jobs.models import Job
from versprochen.reports import comparison, service
from versprochen.reports.models import ItemState, Report
from versprochen.reports.progress import latest_report
from versprochen.tracker.testing import make_people

from .conftest import TODAY


@pytest.fixture
def world(programs: dict[str, Any]) -> dict[str, Any]:
    return {**programs, **make_people()}


def test_published_reports_are_public_and_drafts_are_not(world: dict[str, Any]) -> None:
    draft = service.make(world["body"], "yearly", year=2026, today=TODAY)
    public = service.publish(service.make(world["body"], "yearly", year=2025, today=TODAY))
    client = Client()

    assert client.get(f"/berichte/{draft.slug}/").status_code == 404
    assert client.get(f"/berichte/{draft.slug}/bericht.pdf").status_code == 404
    page = client.get(f"/berichte/{public.slug}/")
    assert page.status_code == 200
    assert "Jahresbilanz 2025" in page.content.decode()
    assert 'role="img"' in page.content.decode()
    twin = client.get(f"/berichte/{public.slug}/?format=json").json()
    assert twin["snapshot_sha256"] == public.snapshot_sha256
    assert twin["snapshot"]["period"]["start"] == "2025-01-01"
    pdf = client.get(f"/berichte/{public.slug}/bericht.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content[:5] == b"%PDF-"
    assert client.get(f"/berichte/{public.slug}/bericht.html").content.decode() == public.html
    listing = client.get("/berichte/?format=json").json()
    assert [r["slug"] for r in listing["reports"]] == [public.slug]
    assert latest_report(world["body"]) == public
    assert latest_report(world["heinsberg"]) is None
    assert client.post(f"/berichte/{public.slug}/").status_code == 405


def test_an_editor_makes_a_report_as_a_job_and_another_person_publishes_it(
    world: dict[str, Any],
) -> None:
    erika, rudi = Client(), Client()
    erika.force_login(world["erika"])
    rudi.force_login(world["rudi"])
    body = world["body"]

    answer = erika.post("/redaktion/berichte/", {"body": body.pk, "kind": "yearly", "year": "2026"})
    assert answer.status_code == 302
    job = Job.objects.get(kind="reports.make")
    assert answer["Location"].endswith(f"/redaktion/auftraege/{job.pk}/")
    assert job.params["report_kind"] == "yearly"
    done = run_now("reports.make", user=world["erika"], **job.params)
    assert done.state == "done", done.error
    report = Report.objects.get()
    assert report.created_by == world["erika"]
    assert not report.published

    assert erika.get(f"/redaktion/berichte/{report.slug}/").status_code == 200
    assert erika.post(f"/redaktion/berichte/{report.slug}/").status_code == 403  # four eyes
    assert rudi.post(f"/redaktion/berichte/{report.slug}/").status_code == 302
    report.refresh_from_db()
    assert report.published
    assert Client().get(report.get_absolute_url()).status_code == 200


def test_bad_report_forms_change_nothing(world: dict[str, Any]) -> None:
    erika, otto = Client(), Client()
    erika.force_login(world["erika"])
    otto.force_login(world["otto"])

    bad = erika.post(
        "/redaktion/berichte/", {"body": world["body"].pk, "kind": "yearly", "year": "20x6"}
    )
    assert bad.status_code == 400
    assert "Jahr:" in bad.content.decode()
    foreign = otto.post("/redaktion/berichte/", {"body": world["body"].pk, "kind": "midterm"})
    assert foreign.status_code == 400
    assert not Job.objects.exists()
    assert Client().get("/redaktion/berichte/").status_code == 302  # to the login


def test_the_comparison_pages_show_confirmed_pairs(world: dict[str, Any]) -> None:
    found = comparison.setup(world["agreement"], [(world["spd"], "SPD"), (world["cdu"], "CDU")])
    comparison.propose(found)
    erika = Client()
    erika.force_login(world["erika"])
    slug = world["agreement"].slug
    school = found.items.get(pledge__number=1)
    assert Client().get(f"/vergleich/{slug}/?format=json").json()["pairs"] == []

    page = erika.get(f"/redaktion/vergleich/{slug}/")
    assert page.status_code == 200
    assert "Schulsozialarbeit" in page.content.decode()
    match = school.matches.get()
    answer = erika.post(
        f"/redaktion/vergleich/{slug}/punkte/{school.pk}/",
        {"action": "confirm", f"relation-{match.pk}": "modified"},
    )
    assert answer.status_code == 302
    school.refresh_from_db()
    assert school.state == ItemState.CONFIRMED
    assert school.matches.get().relation == "modified"

    twin = Client().get(f"/vergleich/{slug}/?format=json").json()
    assert twin["confirmed"] == 1
    assert twin["pairs"][0]["program"] == "SPD"
    assert twin["pairs"][0]["relation"] == "modified"
    html = Client().get(f"/vergleich/{slug}/").content.decode()
    assert "Schulsozialarbeit" in html and "Busverkehr" not in html
    rows = list(
        csv.reader(io.StringIO(Client().get(f"/vergleich/{slug}/paare.csv").content.decode()))
    )
    assert rows[0][0] == "agreement_pledge_id"
    assert rows[1][3:] == ["SPD", str(match.pledge.pk), "1", match.pledge.text, "modified"]


def test_comparison_forms_refuse_bad_input(world: dict[str, Any]) -> None:
    found = comparison.setup(world["agreement"], [(world["spd"], "SPD")])
    comparison.propose(found)
    erika, otto = Client(), Client()
    erika.force_login(world["erika"])
    otto.force_login(world["otto"])
    slug = world["agreement"].slug
    item = found.items.get(pledge__number=2)

    bad = erika.post(
        f"/redaktion/vergleich/{slug}/punkte/{item.pk}/",
        {"action": "confirm", "add-program": found.programs.get().pk, "add-number": "99"},
        follow=True,
    )
    assert "Nicht gespeichert" in bad.content.decode()
    item.refresh_from_db()
    assert item.state == ItemState.PROPOSED
    assert otto.get(f"/redaktion/vergleich/{slug}/").status_code == 404
    assert erika.post("/redaktion/vergleich/", {"agreement": "x"}).status_code == 400
    assert Client().get("/vergleich/kein-vertrag/").status_code == 404


def test_the_pages_speak_english_under_en(db: None) -> None:
    page = Client().get("/en/berichte/").content.decode()

    assert "No report published yet." in page
