"""A body with a coalition agreement of six pledges in two chapters, assessments over
2025 and 2026, the partners' programs, and coalition records (when the wing is there)."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

import pytest
from django.core.cache import cache

from versprochen.extraction.types import Coding, Extraction, Mention, Pledge, Section
from versprochen.tracker.assessments import publish
from versprochen.tracker.importer import DocumentInfo, store_extraction
from versprochen.tracker.models import Assessment, Evidence
from versprochen.tracker.models import Pledge as StoredPledge
from versprochen.tracker.testing import HERNE

CHAPTERS = {
    "Bildung": [
        ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung"),
        ("Jede Schule bekommt schnelles Internet.", "bildung"),
        ("Die Stadtbücherei bleibt erhalten.", "kultur"),
    ],
    "Mobilität": [
        ("Der Busverkehr wird im Stundentakt angeboten.", "mobilitaet"),
        ("Wir bauen zehn Kilometer neue Radwege.", "mobilitaet"),
        ("Die Parkgebühren in der Innenstadt werden nicht erhöht.", "finanzen"),
    ],
}
# (pledge number, status, assessed on, published?)
ASSESSMENTS = [
    (1, "in_arbeit", dt.date(2025, 3, 1), True),
    (1, "erfuellt", dt.date(2026, 5, 10), True),
    (2, "gestockt", dt.date(2025, 6, 1), True),
    (2, "teilweise", dt.date(2026, 2, 1), True),
    (3, "nicht_erfuellt", dt.date(2026, 7, 1), True),
    (4, "erfuellt", dt.date(2025, 9, 1), True),
    (5, "in_arbeit", dt.date(2026, 12, 1), True),
    (5, "erfuellt", dt.date(2026, 3, 1), False),  # a draft: never in a report
]
TODAY = dt.date(2027, 1, 15)


def extraction(chapters: dict[str, list[tuple[str, str]]], name: str) -> Extraction:
    text, sections, pledges = "", [], []
    for index, (title, items) in enumerate(chapters.items()):
        sections.append(Section(title=title, level=1, page=index + 1, start=len(text)))
        text += title + "\n\n"
        for body, area in items:
            start = len(text)
            text += body + "\n\n"
            number = len(pledges) + 1
            pledges.append(
                Pledge(
                    id=f"p{number:03d}",
                    text=body,
                    section=title,
                    section_index=index,
                    coding=Coding(area=area, cap=6, kind="action", testable=True),
                    mentions=(Mention(body, index + 1, start, start + len(body)),),
                )
            )
    return Extraction(
        document=name,
        pipeline="test-pipeline@1",
        format="markdown",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        sections=tuple(sections),
        pledges=tuple(pledges),
        page_count=len(sections),
    )


def store(chapters: dict[str, list[tuple[str, str]]], info: DocumentInfo) -> Any:
    result = extraction(chapters, info.title + ".md")
    return store_extraction(info, info.title + ".md", result.text.encode(), result).document


@pytest.fixture(autouse=True)
def _fresh(settings: Any) -> None:
    cache.clear()
    settings.VERSPROCHEN_FRESHNESS_SECONDS = 0


@pytest.fixture
def herne(db: None) -> dict[str, Any]:
    agreement = store(CHAPTERS, HERNE)
    pledges = {p.number: p for p in StoredPledge.objects.filter(document=agreement)}
    for number, status, day, published in ASSESSMENTS:
        assessment = Assessment.objects.create(
            pledge=pledges[number],
            status=status,
            assessed_on=day,
            rationale=f"Begründung {number} {status}",
        )
        Evidence.objects.create(
            assessment=assessment,
            kind="decision",
            title=f"Ratsbeschluss {number}/{day.year}",
            url=f"https://rat.example.org/{number}-{day.isoformat()}",
            date=day,
        )
        if published:
            publish(assessment)
    return {"agreement": agreement, "body": agreement.body, "pledges": pledges}


def program(title: str, author: str, chapters: dict[str, list[tuple[str, str]]]) -> Any:
    info = DocumentInfo(
        body="Stadt Herne",
        kind="program",
        authors=(author,),
        term_start=2025,
        term_end=2030,
        date=dt.date(2025, 8, 1),
        title=title,
    )
    return store(chapters, info)


@pytest.fixture
def programs(herne: dict[str, Any]) -> dict[str, Any]:
    spd = program(
        "SPD-Programm 2025",
        "SPD Herne",
        {
            "Schule": [
                ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung"),
                ("Die Stadtbücherei bleibt mit allen Zweigstellen erhalten.", "kultur"),
                ("Wir führen ein kostenloses Mittagessen in allen Kitas ein.", "bildung"),
            ]
        },
    )
    cdu = program(
        "CDU-Programm 2025",
        "CDU Herne",
        {
            "Verkehr": [
                ("Wir bauen zehn Kilometer neue Radwege.", "mobilitaet"),
                ("Die Parkgebühren in der Innenstadt werden gesenkt.", "finanzen"),
                ("Ein neues Hallenbad für Wanne.", "sport"),
            ]
        },
    )
    return {**herne, "spd": spd, "cdu": cdu}
