"""The sync against the fake server: mapping, OParl 1.0 embedding, incremental runs,
deletion, resuming after a kill, files."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.oparl.conftest import FILE_TEXT, register
from versprochen.oparl import hooks
from versprochen.oparl.fakeserver import FakeOParl
from versprochen.oparl.http import Client
from versprochen.oparl.models import (
    AgendaItem,
    Consultation,
    File,
    FileContent,
    Meeting,
    Paper,
    Payload,
    SyncError,
    SyncRun,
)
from versprochen.oparl.remap import remap_system
from versprochen.oparl.sync import Options, sync

pytestmark = pytest.mark.django_db


def test_a_full_sync_maps_every_object_with_its_links(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server)
    run = sync(system, oparl_client)
    assert run.state == "done" and run.counts["errors"] == 0, run.summary
    system.refresh_from_db()
    assert system.oparl_version == "https://schema.oparl.org/1.1/"
    assert system.last_success == run.started_at
    paper = Paper.objects.get(oparl_id=server.url("beispiel", "paper/1"))
    assert (paper.name, paper.reference, paper.paper_type) == (
        "Radverkehrskonzept für die Innenstadt",
        "2024/0101",
        "Antrag",
    )
    assert paper.date == dt.date(2024, 1, 15)
    assert paper.subordinated == [server.url("beispiel", "paper/2")]
    assert paper.main_file is not None and paper.main_file.text == FILE_TEXT.strip()
    consultation = Consultation.objects.get(paper=paper)
    assert consultation.meeting is not None and consultation.meeting.name == "Sitzung des Rates"
    item = AgendaItem.objects.get(oparl_id=server.url("beispiel", "agendaitem/1"))
    assert (item.result, item.paper, item.meeting) == (
        "einstimmig beschlossen",
        paper,
        consultation.meeting,
    )
    assert [org.name for org in consultation.meeting.organizations.all()] == ["Rat der Gemeinde"]
    assert Paper.objects.filter(placeholder=True).count() == 0
    assert Paper.objects.count() == 3


def test_oparl_10_embedded_objects_are_cut_out_with_their_parent(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server, "beispiel10")
    sync(system, oparl_client, Options(files=False))
    paper_url = server.url("beispiel10", "paper/1")
    consultation = Payload.objects.get(object_type="Consultation")
    assert (consultation.parent_url, consultation.parent_type) == (paper_url, "Paper")
    # The parent's payload keeps the embedded object's id in its place.
    paper = Payload.objects.get(url=paper_url)
    assert f'"mainFile":"{server.url("beispiel10", "file/1")}"' in paper.text
    # The consultation names no paper: the parent it was embedded in is its paper.
    assert Consultation.objects.get().paper == Paper.objects.get(oparl_id=paper_url)


def test_a_sync_with_nothing_changed_asks_only_for_the_window_and_changes_nothing(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server)
    sync(system, oparl_client)
    stored = list(Payload.objects.order_by("pk").values_list("url", "sha256", "fetched_at"))
    server.requests.clear()
    run = sync(system, oparl_client)
    assert run.counts["mapped"] == 0
    assert list(Payload.objects.order_by("pk").values_list("url", "sha256", "fetched_at")) == stored
    lists = [path for path in server.requests if "/bodies/1/" in path]
    assert lists and all("modified_since=" in path for path in lists)
    # The parameter is set once, never repeated.
    assert all(path.count("modified_since") == 1 for path in lists)
    assert not any("/files/" in path for path in server.requests)


def test_a_changed_object_is_read_in_the_next_incremental_sync(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server)
    sync(system, oparl_client)
    changed: list[int] = []
    hooks.callbacks.append(lambda body, ids: changed.extend(ids))
    try:
        server.faults.changed[server.url("beispiel", "paper/3")] = {
            "name": "Haushaltssatzung 2024 (neu)"
        }
        sync(system, oparl_client)
    finally:
        hooks.callbacks.pop()
    paper = Paper.objects.get(oparl_id=server.url("beispiel", "paper/3"))
    assert paper.name == "Haushaltssatzung 2024 (neu)"
    assert changed == [paper.pk]


def test_a_deleted_object_is_marked_deleted_and_kept(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server)
    sync(system, oparl_client)
    url = server.url("beispiel", "paper/2")
    server.faults.deleted.add(url)
    sync(system, oparl_client)
    paper = Paper.objects.get(oparl_id=url)
    assert paper.deleted and paper.name == "Stellungnahme der Verwaltung zum Radverkehrskonzept"
    assert Paper.objects.count() == 3


def test_an_outage_deletes_nothing_and_keeps_the_window(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server)
    first = sync(system, oparl_client)
    before = list(Paper.objects.order_by("pk").values_list("oparl_id", "name", "deleted"))
    server.faults.errors_500 = {"/beispiel/bodies/1/*": -1}
    run = sync(system, oparl_client)
    assert list(Paper.objects.order_by("pk").values_list("oparl_id", "name", "deleted")) == before
    assert {error.kind for error in SyncError.objects.filter(run=run)} == {"http"}
    system.refresh_from_db()
    # Lists that were not read to the end: the next sync asks for the same window again.
    assert system.last_success == first.started_at
    assert "lists not read to the end" in run.summary


def test_a_sync_killed_half_way_resumes_after_the_last_stored_page(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server)

    class Killed(BaseException):
        """Stands for the process being stopped: nothing after it runs."""

    def kill_after_first_paper_page(done: int, total: int, message: str) -> None:
        if message == "paper: page 1":
            raise Killed

    with pytest.raises(Killed):
        sync(system, oparl_client, progress=kill_after_first_paper_page)
    killed = SyncRun.objects.get()
    assert killed.state == "running"
    assert Paper.objects.filter(placeholder=False).count() == 2  # the first page, whole
    server.requests.clear()
    run = sync(system, oparl_client)
    assert run.pk == killed.pk and run.state == "done"
    asked = [path for path in server.requests if "/paper" in path]
    assert asked == ["/beispiel/bodies/1/paper?page=2"]
    assert Paper.objects.filter(placeholder=False).count() == 3


def test_remap_rebuilds_the_tables_from_the_stored_payloads(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server)
    sync(system, oparl_client, Options(files=False))
    Paper.objects.update(name="verdorben")
    server.requests.clear()
    summary = remap_system(system)
    assert "unreadable" in summary and server.requests == []
    assert not Paper.objects.filter(name="verdorben").exists()


def test_files_are_fetched_again_only_when_they_change(
    server: FakeOParl, oparl_client: Client
) -> None:
    system = register(server)
    sync(system, oparl_client)
    file = File.objects.get(oparl_id=server.url("beispiel", "file/1"))
    content = FileContent.objects.get(file=file)
    assert bytes(content.data) == FILE_TEXT.encode() and file.etag
    server.requests.clear()
    sync(system, oparl_client, Options(full=True))
    # A full sync asks again, conditionally: the unchanged file answers 304 and is kept.
    assert server.requests.count("/beispiel/files/antrag.txt") == 1
    assert File.objects.get(pk=file.pk).text == FILE_TEXT.strip()


def test_a_system_with_a_meeting_missing_its_referenced_objects(
    fake_oparl: FakeOParl, server: FakeOParl, oparl_client: Client, shared_data: Any
) -> None:
    """Wuppertal's recorded meeting (SOMACOS) names organizations and people that
    cannot be fetched: placeholders, counted, each a 'missing' error."""
    import json

    recorded = json.loads(
        (shared_data / "oparl/mst-recorded/oparl-missing/meeting.json").read_text()
    )
    text = json.dumps(recorded).replace("http://oparl.wuppertal.de/oparl/bodies/0001/", "BASE/")
    server.add_site("wuppertal", {"meeting": [json.loads(text)]}, version="1.0")
    system = register(server, "wuppertal")
    run = sync(system, oparl_client, Options(files=False))
    meeting = Meeting.objects.get()
    assert meeting.name == recorded["name"]
    organizations = list(meeting.organizations.all())
    assert organizations and all(org.placeholder for org in organizations)
    assert run.counts["placeholders"] >= len(organizations)
    missing = set(SyncError.objects.filter(kind="missing").values_list("url", flat=True))
    assert {org.oparl_id for org in organizations} <= missing
