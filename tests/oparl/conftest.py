"""Fixtures of the sync's tests: the fake OParl server on loopback and a small council.

The small council ("Gemeinde Beispiel") is written out here as a server would
send it; `BASE/` becomes the fake server's URL. Nothing leaves the machine.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from versprochen.oparl.fakeserver import DATA, FakeOParl, Faults
from versprochen.oparl.http import Client
from versprochen.oparl.models import System
from versprochen.tracker.models import Body

T = "https://schema.oparl.org/1.1/"
# The recorded OParl data the fake server serves (a missing folder fails, never skips).
SHARED_OPARL = DATA
FILE_TEXT = "Die Verwaltung wird beauftragt, sichere Radwege in der Innenstadt zu planen.\n"


def council_lists(version: str = "1.1") -> dict[str, list[dict[str, Any]]]:
    """Three papers (two pages), a meeting with an agenda item, an organization."""
    t = f"https://schema.oparl.org/{version}/"
    stamp = "2024-03-01T10:00:00+01:00"
    return {
        "organization": [
            {
                "id": "BASE/org/1",
                "type": t + "Organization",
                "name": "Rat der Gemeinde",
                "modified": stamp,
            },
        ],
        "meeting": [
            {
                "id": "BASE/meeting/1",
                "type": t + "Meeting",
                "name": "Sitzung des Rates",
                "start": "2024-02-01T18:00:00+01:00",
                "organization": ["BASE/org/1"],
                "agendaItem": [
                    {
                        "id": "BASE/agendaitem/1",
                        "type": t + "AgendaItem",
                        "number": "1",
                        "name": "Radwege in der Innenstadt",
                        "consultation": "BASE/consultation/1",
                        "result": "einstimmig beschlossen",
                    },
                ],
                "modified": stamp,
            }
        ],
        "paper": [
            {
                "id": "BASE/paper/1",
                "type": t + "Paper",
                "name": "Radverkehrskonzept für die Innenstadt",
                "reference": "2024/0101",
                "paperType": "Antrag",
                "date": "2024-01-15",
                "mainFile": {
                    "id": "BASE/file/1",
                    "type": t + "File",
                    "name": "Antrag",
                    "fileName": "antrag.txt",
                    "mimeType": "text/plain",
                    "accessUrl": "BASE/files/antrag.txt",
                    "modified": stamp,
                },
                "consultation": [
                    {
                        "id": "BASE/consultation/1",
                        "type": t + "Consultation",
                        "meeting": "BASE/meeting/1",
                        "agendaItem": "BASE/agendaitem/1",
                        "role": "Entscheidung",
                        "organization": ["BASE/org/1"],
                    },
                ],
                "subordinatedPaper": ["BASE/paper/2"],
                "created": "2024-01-15T09:00:00+01:00",
                "modified": stamp,
            },
            {
                "id": "BASE/paper/2",
                "type": t + "Paper",
                "name": "Stellungnahme der Verwaltung zum Radverkehrskonzept",
                "reference": "2024/0102",
                "paperType": "Stellungnahme",
                "superordinatedPaper": ["BASE/paper/1"],
                "modified": stamp,
            },
            {
                "id": "BASE/paper/3",
                "type": t + "Paper",
                "name": "Haushaltssatzung 2024",
                "reference": "2024/0103",
                "modified": stamp,
            },
        ],
    }


@pytest.fixture(scope="session")
def fake_oparl() -> Iterator[FakeOParl]:
    server = FakeOParl(load=()).start()
    server.add_site(
        "beispiel",
        council_lists(),
        files={"files/antrag.txt": (FILE_TEXT.encode(), "text/plain; charset=utf-8")},
    )
    server.add_site("beispiel10", council_lists("1.0"), version="1.0")
    yield server
    server.stop()


@pytest.fixture
def server(fake_oparl: FakeOParl) -> Iterator[FakeOParl]:
    """The fake server with no faults switched on (and a fresh request log)."""
    fake_oparl.faults = Faults()
    fake_oparl.requests.clear()
    yield fake_oparl
    fake_oparl.faults = Faults()


@pytest.fixture
def oparl_client() -> Client:
    """Short timeouts and no waiting between retries: the tests stay fast."""
    return Client(timeout=2.0, retries=1, backoff=0.0, sleep=lambda seconds: None)


def register(server: FakeOParl, site: str = "beispiel") -> System:
    body, _ = Body.objects.get_or_create(name="Gemeinde Beispiel", slug="gemeinde-beispiel")
    return System.objects.create(url=server.system_url(site), body=body)
