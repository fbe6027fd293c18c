"""Bad input (issue 11, section 7): each case is an error of that object with its URL and a
one-line reason, the sync goes on with the rest, and nothing stored before is lost."""

from __future__ import annotations

from typing import Any

import pytest

from tests.oparl.conftest import register
from tests.oparl.pdfs import pdf_bomb, text_pdf
from versprochen.extraction.pdf import Limits
from versprochen.oparl.fakeserver import FakeOParl
from versprochen.oparl.http import Client
from versprochen.oparl.models import (
    File,
    Location,
    Meeting,
    Organization,
    Paper,
    SyncError,
    SyncRun,
)
from versprochen.oparl.sync import Options, SyncFailed, sync

pytestmark = pytest.mark.django_db

T = "https://schema.oparl.org/1.1/"


def papers(server: FakeOParl) -> list[tuple[str, str, bool]]:
    return list(Paper.objects.order_by("oparl_id").values_list("oparl_id", "name", "deleted"))


def errors(run: SyncRun) -> list[tuple[str, str, str]]:
    return list(SyncError.objects.filter(run=run).values_list("kind", "url", "reason"))


def synced_twice(server: FakeOParl, client: Client) -> tuple[Any, list[tuple[str, str, bool]]]:
    """A good full sync, then the papers' state to compare with after the bad one."""
    system = register(server)
    sync(system, client)
    return system, papers(server)


def test_malformed_json(server: FakeOParl, oparl_client: Client) -> None:
    system, before = synced_twice(server, oparl_client)
    server.faults.changed[server.url("beispiel", "paper/3")] = {"name": "Neu"}
    server.faults.truncated.add("/beispiel/bodies/1/paper?page=2")
    run = sync(system, oparl_client, Options(full=True))
    [(kind, url, reason)] = errors(run)
    assert kind == "broken_json" and url.endswith("/beispiel/bodies/1/paper?page=2")
    assert reason.startswith("broken JSON (") and "\n" not in reason
    assert papers(server) == before  # page 2's paper keeps its stored state
    assert Meeting.objects.get().name == "Sitzung des Rates"
    assert run.state == "done" and "paper" in run.summary


def test_wrong_types(server: FakeOParl, oparl_client: Client) -> None:
    wrong = {
        "id": "BASE/paper/9",
        "type": T + "Paper",
        "name": 42,
        "date": {"tag": 1},
        "mainFile": 5,
        "auxiliaryFile": "BASE/file/9",
        "subordinatedPaper": "BASE/paper/1",
        "created": {"am": "2024-01-01"},
    }
    extreme = {
        "id": "BASE/paper/10",
        "type": T + "Paper",
        "name": "Nul\u0000 und Steuerzeichen\u0007",
        "superordinatedPaper": ["BASE/paper/\u00009"],
        "mainFile": {"id": "BASE/file/10", "type": T + "File", "size": 10**30, "name": "Anlage"},
        "location": [
            {
                "id": "BASE/location/1",
                "type": T + "Location",
                "geojson": {"type": "Point", "coordinates": [float("nan"), 50.7]},
            }
        ],
    }
    server.add_site("krumm", {"paper": ["nur ein Text", 42, wrong, extreme]})
    system = register(server, "krumm")
    run = sync(system, oparl_client, Options(files=False))
    found = errors(run)
    page = server.url("krumm", "bodies/1/paper")
    assert ("wrong_type", page, "item 1 of the list is not an object with an id") in found
    assert ("wrong_type", page, "item 2 of the list is not an object with an id") in found
    paper = Paper.objects.get(oparl_id=server.url("krumm", "paper/9"))
    assert (paper.name, paper.date, paper.main_file, paper.created) == ("42", None, None, None)
    assert paper.subordinated == [server.url("krumm", "paper/1")]
    assert [file.placeholder for file in paper.auxiliary_files.all()] == [True]
    # Values no database column takes are left out, not the object.
    extreme_paper = Paper.objects.get(oparl_id=server.url("krumm", "paper/10"))
    assert extreme_paper.name == "Nul  und Steuerzeichen"
    assert extreme_paper.main_file is not None and extreme_paper.main_file.size is None
    assert Location.objects.get().geojson is None


def test_a_10_mb_object(server: FakeOParl, oparl_client: Client) -> None:
    system, before = synced_twice(server, oparl_client)
    server.faults.huge.add(server.url("beispiel", "paper/3"))
    run = sync(system, oparl_client, Options(full=True))
    [(kind, url, reason)] = errors(run)
    assert kind == "too_large" and url.endswith("/paper?page=2")
    assert "over the 8 MB limit" in reason
    assert papers(server) == before


def test_endless_pagination_the_same_page_again(server: FakeOParl, oparl_client: Client) -> None:
    system = register(server)
    server.faults.pagination_loop.add("/beispiel/bodies/1/paper")
    run = sync(system, oparl_client, Options(files=False))
    [(kind, url, reason)] = errors(run)
    assert kind == "wrong_type" and url.endswith("/paper?page=2")
    assert reason == "pagination loop: the same page under another URL"
    assert Meeting.objects.count() == 1 and Paper.objects.filter(placeholder=False).count() == 2


def test_endless_pagination_with_new_objects(server: FakeOParl, oparl_client: Client) -> None:
    system = register(server)
    server.faults.endless.add("/beispiel/bodies/1/paper")
    run = sync(system, oparl_client, Options(files=False, max_pages=5))
    [(kind, url, reason)] = errors(run)
    assert kind == "wrong_type" and url.endswith("?page=6")
    assert reason == "endless pagination: stopped after 5 pages"
    assert Meeting.objects.count() == 1


def test_a_server_that_never_answers(server: FakeOParl) -> None:
    client = Client(timeout=0.3, retries=1, backoff=0.0, sleep=lambda seconds: None)
    system, before = synced_twice(server, client)
    server.faults.hang = {"/beispiel/bodies/1/meeting*"}
    server.faults.hang_seconds = 3
    server.faults.changed[server.url("beispiel", "org/1")] = {"name": "Rat (neu)"}
    run = sync(system, client, Options(full=True))
    [(kind, url, reason)] = errors(run)
    assert kind == "timeout" and "/meeting" in url and reason == "no answer within 0.3 s"
    assert Organization.objects.get().name == "Rat (neu)"  # the other lists went on
    assert Meeting.objects.get().name == "Sitzung des Rates"
    assert papers(server) == before


def test_the_system_itself_unreachable_fails_in_one_line(
    server: FakeOParl, oparl_client: Client
) -> None:
    system, before = synced_twice(server, oparl_client)
    server.faults.errors_500 = {"/beispiel/system": -1}
    with pytest.raises(SyncFailed, match=r"/beispiel/system: HTTP 500 \(after 2 attempts\)$"):
        sync(system, oparl_client)
    assert SyncRun.objects.first().state == "failed"  # type: ignore[union-attr]
    assert papers(server) == before


def _file_site(server: FakeOParl, name: str, data: bytes, content_type: str) -> None:
    server.add_site(
        name,
        {
            "paper": [
                {
                    "id": "BASE/paper/1",
                    "type": T + "Paper",
                    "name": "Antrag Radwege",
                    "mainFile": {
                        "id": "BASE/file/1",
                        "type": T + "File",
                        "name": "Antrag",
                        "mimeType": "application/pdf",
                        "accessUrl": "BASE/files/antrag.pdf",
                    },
                    "auxiliaryFile": [
                        {
                            "id": "BASE/file/2",
                            "type": T + "File",
                            "name": "Stellungnahme",
                            "mimeType": "application/pdf",
                            "accessUrl": "BASE/files/stellungnahme.pdf",
                        }
                    ],
                }
            ]
        },
        files={
            "files/antrag.pdf": (data, content_type),
            "files/stellungnahme.pdf": (
                text_pdf("Die Verwaltung nimmt Stellung."),
                "application/pdf",
            ),
        },
    )


def test_a_file_that_is_not_what_its_mime_type_says(
    server: FakeOParl, oparl_client: Client
) -> None:
    _file_site(server, "falsch", b"<html><body>Fehler 500</body></html>", "text/html")
    system = register(server, "falsch")
    run = sync(system, oparl_client)
    [(kind, url, reason)] = errors(run)
    assert (kind, url) == ("bad_file", server.url("falsch", "files/antrag.pdf"))
    assert reason.endswith("is not a PDF (no %PDF- header)")
    bad = File.objects.get(oparl_id=server.url("falsch", "file/1"))
    assert bad.text == "" and bad.text_error == "is not a PDF (no %PDF- header)"
    good = File.objects.get(oparl_id=server.url("falsch", "file/2"))
    assert good.text == "Die Verwaltung nimmt Stellung."
    assert Paper.objects.get().name == "Antrag Radwege"


def test_a_pdf_bomb(server: FakeOParl, oparl_client: Client) -> None:
    _file_site(server, "bombe", pdf_bomb(), "application/pdf")
    system = register(server, "bombe")
    limits = Limits(seconds=20, memory_bytes=64 * 1024**2)
    run = sync(system, oparl_client, Options(pdf_limits=limits))
    [(kind, url, reason)] = errors(run)
    assert (kind, url) == ("bad_file", server.url("bombe", "files/antrag.pdf"))
    assert "the file may be hostile" in reason and "\n" not in reason
    good = File.objects.get(oparl_id=server.url("bombe", "file/2"))
    assert good.text == "Die Verwaltung nimmt Stellung."
    assert run.state == "done"
