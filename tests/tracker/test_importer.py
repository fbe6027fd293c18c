from __future__ import annotations

import datetime as dt

import pytest
from django.db import transaction

from versprochen.tracker.assessments import publish
from versprochen.tracker.importer import DocumentInfo, parse_term
from versprochen.tracker.models import Assessment, Document, Mention, Pledge, Section, SourceFile
from versprochen.tracker.testing import HERNE, make_extraction, store
from versprochen.tracker.vocabulary import Status

pytestmark = pytest.mark.django_db

SCHOOL = ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {})
BUSES = ("Der Busverkehr wird im Stundentakt bis Mitternacht angeboten.", "mobilitaet", {"cap": 10})
PARK = ("Der Stadtpark bleibt erhalten.", "umwelt_klima_energie", {"kind": "preserve"})


def test_import_stores_document_sections_pledges_and_mentions() -> None:
    report = store([SCHOOL, BUSES])
    document = Document.objects.get()
    assert report.version == 1 and len(report.new) == 2
    assert document.body.name == "Stadt Herne"
    assert sorted(a.name for a in document.authors.all()) == ["CDU Herne", "SPD Herne"]
    assert (document.term_start, document.term_end, document.date) == (
        2025,
        2030,
        dt.date(2025, 11, 4),
    )
    source = SourceFile.objects.get()
    assert bytes(source.data).decode().startswith("Bildung")
    assert len(source.sha256) == 64
    assert Section.objects.get().title == "Bildung"
    pledge = Pledge.objects.get(number=2)
    assert (pledge.area, pledge.cap, pledge.status) == ("mobilitaet", 10, "offen")
    mention = Mention.objects.get(pledge=pledge)
    assert document.text[mention.start : mention.end] == BUSES[0]
    assert document.tally["total"] == 2


def test_same_bytes_again_change_nothing() -> None:
    store([SCHOOL, BUSES])
    again = store([SCHOOL, BUSES])
    assert again.unchanged
    assert "unchanged" in again.summary()
    assert SourceFile.objects.count() == 1
    assert Pledge.objects.count() == 2


def test_new_version_keeps_assessments_and_reports_new_changed_gone() -> None:
    store([SCHOOL, BUSES, PARK])
    school = Pledge.objects.get(text=SCHOOL[0])
    assessment = Assessment.objects.create(
        pledge=school, status=Status.IN_ARBEIT, assessed_on=dt.date(2026, 1, 5)
    )
    publish(assessment)
    changed_buses = BUSES[0].replace("Mitternacht", "1 Uhr nachts")
    report = store(
        [
            ("Neue Radwege entlang der Emscher.", "mobilitaet", {}),
            SCHOOL,
            (changed_buses, "mobilitaet", {}),
        ]
    )
    assert report.version == 2
    assert report.kept == 1
    assert report.new == ["Neue Radwege entlang der Emscher."]
    assert report.changed == [(BUSES[0], changed_buses)]
    assert report.gone == [PARK[0]]
    school.refresh_from_db()
    assert school.status == Status.IN_ARBEIT and school.number == 2
    assert school.assessments.count() == 1
    park = Pledge.objects.get(text=PARK[0])
    assert not park.current and park.gone_in is not None
    assert Pledge.objects.filter(current=True).count() == 3
    assert SourceFile.objects.count() == 2


def test_failed_import_leaves_nothing_half_written() -> None:
    extraction = make_extraction([SCHOOL])
    broken = extraction.pledges[0].coding.__class__(
        area="bildung", cap=6, kind="action", testable=True, places=("x" * 2000,)
    )
    from dataclasses import replace

    bad = replace(extraction, pledges=(replace(extraction.pledges[0], coding=broken),))
    from versprochen.tracker.importer import store_extraction

    with pytest.raises(Exception), transaction.atomic():  # noqa: B017
        store_extraction(HERNE, "x.md", b"x", bad)
        raise RuntimeError("the command's transaction is rolled back on any error")
    assert Document.objects.count() == 0
    assert SourceFile.objects.count() == 0
    assert Pledge.objects.count() == 0


def test_bad_options_get_one_line_errors() -> None:
    with pytest.raises(ValueError, match="--term"):
        parse_term("2030")
    with pytest.raises(ValueError, match="--kind"):
        DocumentInfo(body="Stadt Herne", kind="manifesto", authors=("SPD",))
    with pytest.raises(ValueError, match="--authors"):
        DocumentInfo(body="Stadt Herne", kind="program", authors=())


def test_gone_pledges_keep_their_mentions_and_section_from_the_version_before() -> None:
    from versprochen.tracker.public import versions_of

    store([SCHOOL, BUSES, PARK], heading="Mobilität")
    park = Pledge.objects.get(text=PARK[0])
    old = Mention.objects.get(pledge=park)
    publish(
        Assessment.objects.create(
            pledge=park, status=Status.ERFUELLT, assessed_on=dt.date(2026, 1, 5)
        )
    )
    report = store([SCHOOL, BUSES], heading="Verkehr")
    assert report.gone == [PARK[0]]
    assert report.gone_assessed == [(PARK[0], Status.ERFUELLT)]
    assert "1 of them with a published assessment" in report.summary()
    park.refresh_from_db()
    kept = Mention.objects.get(pledge=park)
    assert (kept.text, kept.page, kept.start) == (old.text, old.page, old.start)
    assert park.gone_section == "Mobilität" and park.section is None
    assert versions_of(park) == (2, 1)
    # A third version: the gone pledge still keeps them; the current ones are rewritten.
    store([SCHOOL], heading="Verkehr")
    assert Mention.objects.filter(pledge=park).count() == 1
    assert Mention.objects.filter(pledge__current=True).count() == 1
    assert Pledge.objects.get(text=PARK[0]).gone_section == "Mobilität"


def test_a_new_version_without_a_date_keeps_the_date() -> None:
    from dataclasses import replace

    store([SCHOOL, BUSES])
    store([SCHOOL], info=replace(HERNE, date=None, title=""))
    document = Document.objects.get()
    assert document.date == dt.date(2025, 11, 4) and document.title == "Herne 2030"
    store([BUSES], info=replace(HERNE, date=dt.date(2026, 1, 2)))
    assert Document.objects.get().date == dt.date(2026, 1, 2)
