from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache

from versprochen.tracker.assessments import publish
from versprochen.tracker.models import Assessment, Evidence, Pledge
from versprochen.tracker.testing import store
from versprochen.tracker.vocabulary import Status

PLEDGES = [
    ("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {}),
    ("Der Busverkehr wird im Stundentakt angeboten.", "mobilitaet", {"places": ["Wanne"]}),
    ("Die Stadtbücherei bleibt erhalten.", "kultur", {"kind": "preserve", "cap": 23}),
]


@pytest.fixture(autouse=True)
def _empty_page_cache() -> None:
    cache.clear()


@pytest.fixture
def tracker(db: None) -> dict[str, object]:
    """Three pledges of Herne; the first with a published assessment and a hidden draft."""
    report = store(PLEDGES)
    school = Pledge.objects.get(number=1)
    published = Assessment.objects.create(
        pledge=school,
        status=Status.IN_ARBEIT,
        assessed_on=dt.date(2026, 3, 2),
        rationale="Der Rat hat die Stellen beschlossen.",
        note="INTERNE-NOTIZ-123",
    )
    Evidence.objects.create(assessment=published, kind="decision", title="Ratsbeschluss V/2026/017")
    publish(published)
    Assessment.objects.create(
        pledge=school,
        status=Status.ERFUELLT,
        assessed_on=dt.date(2026, 4, 1),
        rationale="ENTWURF-NICHT-OEFFENTLICH",
        note="INTERNE-NOTIZ-456",
    )
    return {"document": report.document, "school": school}


@pytest.fixture(autouse=True)
def _always_fresh(settings: Any) -> None:
    """Tests change data and look at once: never reuse the data's change time."""
    settings.VERSPROCHEN_FRESHNESS_SECONDS = 0


@pytest.fixture
def people(tracker: dict[str, object]) -> dict[str, Any]:
    """The tracker above and its people (see `make_people`): erika edits, rudi reviews."""
    from versprochen.tracker.testing import make_people

    return make_people()


def login(client: Any, user: Any) -> Any:
    client.force_login(user)
    return client
