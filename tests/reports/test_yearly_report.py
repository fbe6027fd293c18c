"""The yearly report of a fixture body: right figures, a frozen snapshot, a PDF that opens."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from typing import Any

import pypdfium2
import pytest

from versprochen.reports import service, snapshot
from versprochen.reports.models import PublishedReportError
from versprochen.tracker.assessments import publish
from versprochen.tracker.models import Assessment

from .conftest import ASSESSMENTS, CHAPTERS, TODAY


def expected_status(number: int, day: dt.date) -> str:
    """Computed from the literals: the latest published assessment dated up to `day`."""
    dated = sorted(
        (when, status)
        for n, status, when, published in ASSESSMENTS
        if n == number and published and when <= day
    )
    return dated[-1][1] if dated else "offen"


def coalition_records(herne: dict[str, Any]) -> dict[str, int]:
    """Two joint rejections and a postponement in 2026, one rejection in 2025."""
    setup = pytest.importorskip("versprochen.coalition.setup")
    from django.contrib.auth import get_user_model

    from versprochen.coalition import log
    from versprochen.coalition.rules import load
    from versprochen.tracker.models import Actor

    spd, cdu = Actor.objects.get(name="SPD Herne"), Actor.objects.get(name="CDU Herne")
    coalition = setup.create_coalition(
        herne["body"],
        [spd, cdu],
        (dt.date(2025, 11, 1), dt.date(2030, 10, 31)),
        load("preset:herne-2025"),
        "preset:herne-2025",
        agreement=herne["agreement"],
    )
    user = get_user_model().objects.create(username="kora")
    member = setup.add_member(coalition, user, spd, coordination=True)
    at = [
        ("joint_rejection", dt.datetime(2026, 3, 3, 12, tzinfo=dt.UTC)),
        ("joint_rejection", dt.datetime(2026, 9, 9, 12, tzinfo=dt.UTC)),
        ("postponement", dt.datetime(2026, 10, 1, 12, tzinfo=dt.UTC)),
        ("joint_rejection", dt.datetime(2025, 12, 1, 12, tzinfo=dt.UTC)),
    ]
    for kind, when in at:
        log.write(member, kind, at=when)
    return {"joint_rejections": 2, "postponements": 1}


def test_the_yearly_report_holds_the_right_figures(herne: dict[str, Any]) -> None:
    cooperation = coalition_records(herne)

    report = service.make(herne["body"], "yearly", year=2026, today=TODAY)

    data = snapshot.thaw(report.snapshot)
    end = dt.date(2026, 12, 31)
    numbers = [n for items in CHAPTERS.values() for n in range(1, len(items) + 1)]
    statuses = {n: expected_status(n, end) for n in range(1, 7)}
    assert len(numbers) == 6
    assert {k: v for k, v in data["overall"].items() if v} == dict(Counter(statuses.values()))
    by_chapter = {g["name"]: g["counts"] for g in data["by_chapter"]}
    assert by_chapter["Bildung"]["erfuellt"] == 1  # pledge 1
    assert by_chapter["Mobilität"]["erfuellt"] == 1  # pledge 4
    assert by_chapter["Mobilität"]["offen"] == 1  # pledge 6
    by_area = {g["name"]: g["counts"] for g in data["by_area"]}
    assert by_area["Mobilität"] == {
        **dict.fromkeys(data["overall"], 0),
        "erfuellt": 1,
        "in_arbeit": 1,
    }
    in_2026 = [a for a in ASSESSMENTS if a[3] and a[2].year == 2026]
    assert len(data["changes"]) == len(in_2026) == 4
    first = data["changes"][0]
    assert (first["assessed_on"], first["status"], first["before"]) == (
        "2026-02-01",
        "teilweise",
        "gestockt",
    )
    assert first["evidence"][0]["url"] == "https://rat.example.org/2-2026-02-01"
    assert [p["counts"]["erfuellt"] for p in data["over_time"]][::11] == [1, 2]  # Jan, Dec
    assert data["cooperation"]["joint_rejections"] == cooperation["joint_rejections"]
    assert data["cooperation"]["postponements"] == cooperation["postponements"]
    # The HTML shows them, and links each change to its pledge page.
    assert report.html.count('href="/versprechen/') == 4
    assert f"/versprechen/{herne['pledges'][3].pk}/" in report.html
    assert "Ratsbeschluss 3/2026" in report.html
    assert "Ratsbeschluss 4/2025" not in report.html  # assessed in 2025
    assert "Ein Ratsbeschluss ist ein Fortschritt, keine Erfüllung" in report.html
    assert "vollständig umgesetzt" in report.html  # the Bertelsmann mapping


def test_a_report_renders_the_same_html_from_its_snapshot_and_ignores_later_corrections(
    herne: dict[str, Any],
) -> None:
    report = service.make(herne["body"], "yearly", year=2026, today=TODAY)

    assert service.rerender(report) == report.html
    correction = Assessment.objects.create(
        pledge=herne["pledges"][6], status="erfuellt", assessed_on=dt.date(2026, 6, 1)
    )
    publish(correction)
    assert service.rerender(report) == report.html
    later = service.make(herne["body"], "yearly", year=2026, today=TODAY)
    assert later.snapshot_sha256 != report.snapshot_sha256
    assert later.html != report.html


def test_a_published_report_never_changes(herne: dict[str, Any]) -> None:
    report = service.publish(service.make(herne["body"], "yearly", year=2026, today=TODAY))

    report.title = "anders"
    with pytest.raises(PublishedReportError):
        report.save()
    with pytest.raises(PublishedReportError):
        report.delete()


def test_the_pdf_opens_with_the_charts_and_tables(herne: dict[str, Any]) -> None:
    report = service.make(herne["body"], "yearly", year=2026, today=TODAY)

    pdf = pypdfium2.PdfDocument(io.BytesIO(bytes(report.pdf)))
    text = "\n".join(page.get_textpage().get_text_range() for page in pdf)
    paths = sum(
        1
        for page in pdf
        for obj in page.get_objects()
        if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_PATH
    )
    assert len(pdf) >= 2
    assert "Versprechen je Politikfeld und Status" in text  # a table's caption
    assert "Versprechen je Status im Verlauf" in text
    assert "Balkendiagramm" in text  # the chart's text alternative beside it
    assert paths > 40  # the bars and lines of the charts are drawn


def test_the_midterm_report_runs_from_the_agreement_to_today(herne: dict[str, Any]) -> None:
    report = service.make(herne["body"], "midterm", today=TODAY)

    data = snapshot.thaw(report.snapshot)
    assert data["period"] == {"start": "2025-11-04", "end": "2027-01-15"}
    assert "Halbzeitbilanz 2025–2030" in report.title
    since = [a for a in ASSESSMENTS if a[3] and dt.date(2025, 11, 4) <= a[2] <= TODAY]
    assert len(data["changes"]) == len(since)


def test_bad_input_is_named(herne: dict[str, Any]) -> None:
    with pytest.raises(service.ReportInputError, match="year 2031"):
        service.make(herne["body"], "yearly", year=2031, today=TODAY)
    with pytest.raises(service.ReportInputError, match="unknown report kind"):
        service.make(herne["body"], "weekly", today=TODAY)
    with pytest.raises(ValueError, match="not a report snapshot"):
        snapshot.thaw('{"version": 99}')
