"""Small OParl rows for the tests of suggestions and public pages (no sync needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from versprochen.oparl.models import AgendaItem, Consultation, File, Meeting, Paper, System
from versprochen.tracker.models import Body

BASE = "https://ris.example.org/oparl"

PAPERS = [
    (
        "2026/0101",
        "Radverkehrskonzept für die Innenstadt",
        "Antrag",
        "Die Verwaltung wird beauftragt, sichere Radwege in der Innenstadt zu planen.",
    ),
    (
        "2026/0102",
        "Schulsozialarbeit an Grundschulen",
        "Antrag",
        "Die Stellen für Schulsozialarbeit an allen Grundschulen werden ausgebaut.",
    ),
    (
        "2026/0103",
        "Busverkehr im Stundentakt nach Wanne",
        "Beschlussvorlage",
        "Der Busverkehr nach Wanne wird ab 2027 im Stundentakt angeboten.",
    ),
    (
        "2026/0104",
        "Sanierung der Stadtbücherei",
        "Informationsvorlage",
        "Die Stadtbücherei wird saniert und bleibt am Standort erhalten.",
    ),
]


def make_papers(body: Body) -> dict[str, Any]:
    """A system for `body` with four papers (each with one file text), one meeting with
    an agenda item and a consultation of the first paper."""
    system = System.objects.create(url=f"{BASE}/system", body=body, oparl_version="1.1")
    meeting = Meeting.objects.create(
        system=system,
        body=body,
        oparl_id=f"{BASE}/meeting/1",
        name="Rat der Stadt",
        start=dt.datetime(2026, 5, 4, 17, tzinfo=dt.UTC),
    )
    papers: list[Paper] = []
    for number, (reference, name, kind, text) in enumerate(PAPERS, start=1):
        file = File.objects.create(
            system=system,
            body=body,
            oparl_id=f"{BASE}/file/{number}",
            name=kind,
            mime_type="application/pdf",
            access_url=f"{BASE}/file/{number}.pdf",
            text=text,
        )
        paper = Paper.objects.create(
            system=system,
            body=body,
            oparl_id=f"{BASE}/paper/{number}",
            name=name,
            reference=reference,
            paper_type=kind,
            date=dt.date(2026, 3, number),
            main_file=file,
        )
        papers.append(paper)
    item = AgendaItem.objects.create(
        system=system,
        body=body,
        oparl_id=f"{BASE}/agendaitem/1",
        meeting=meeting,
        number="7",
        name="Radverkehrskonzept für die Innenstadt",
        result="einstimmig beschlossen",
        paper=papers[0],
    )
    Consultation.objects.create(
        system=system,
        body=body,
        oparl_id=f"{BASE}/consultation/1",
        paper=papers[0],
        meeting=meeting,
        agenda_item=item,
        role="Entscheidung",
    )
    return {"system": system, "meeting": meeting, "papers": papers}


def add_paper(system: System, number: int, name: str, text: str) -> Paper:
    file = File.objects.create(
        system=system, body=system.body, oparl_id=f"{BASE}/file/{number}", text=text
    )
    return Paper.objects.create(
        system=system,
        body=system.body,
        oparl_id=f"{BASE}/paper/{number}",
        name=name,
        reference=f"2026/{number:04d}",
        date=dt.date(2026, 6, 1),
        main_file=file,
    )
