"""The recorded archives end to end through the fake server (slow: whole systems)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.oparl.conftest import SHARED_OPARL
from versprochen.oparl.fakeserver import FakeOParl
from versprochen.oparl.http import Client
from versprochen.oparl.models import AgendaItem, File, Meeting, Paper, SyncError
from versprochen.oparl.register import add_system
from versprochen.oparl.sync import Options, sync

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


@pytest.fixture(scope="module")
def archives() -> Iterator[FakeOParl]:
    assert SHARED_OPARL.is_dir(), f"the recorded OParl data is missing: {SHARED_OPARL}"
    server = FakeOParl().start()
    yield server
    server.stop()


def test_huertgenwald_oparl_10_whole(archives: FakeOParl) -> None:
    client = Client(timeout=10, retries=1, backoff=0.0)
    system = add_system(client, archives.system_url("huertgenwald"), "Gemeinde Hürtgenwald").system
    run = sync(system, client)
    assert run.state == "done" and run.counts["errors"] == 0, run.summary
    assert system.body.ags == "05358016"
    assert Paper.objects.filter(system=system, placeholder=False).count() == 2115
    assert Meeting.objects.filter(system=system, placeholder=False).count() == 367
    assert AgendaItem.objects.filter(system=system, paper__isnull=False).exists()
    assert File.objects.filter(system=system).count() == 6947
    paper = Paper.objects.get(oparl_id=archives.url("huertgenwald", "body/1/paper/60"))
    assert (paper.name, paper.reference, paper.paper_type) == (
        "Umbesetzungen im Bauausschuss",
        "102/2002",
        "Tischvorlage",
    )
    assert paper.main_file is not None
    assert paper.main_file.name == "Tischvorlage (Umbesetzungen im Bauausschuss)"
    again = sync(system, client)
    assert again.counts["mapped"] == 0 and again.counts["quirks"]["empty_window_404"] == 4


def test_karlsruhe_oparl_11_whole_with_file_texts(archives: FakeOParl) -> None:
    client = Client(timeout=10, retries=1, backoff=0.0)
    system = add_system(client, archives.system_url("karlsruhe"), "Stadt Karlsruhe").system
    run = sync(system, client, Options(max_placeholder_fetches=20))
    assert run.state == "done"
    assert Paper.objects.filter(system=system, placeholder=False).count() == 407
    assert File.objects.filter(system=system).exclude(text="").count() == 512
    # Consultations name meetings outside the recorded selection: kept as placeholders.
    assert run.counts["placeholders"] > 0
    assert set(SyncError.objects.filter(run=run).values_list("kind", flat=True)) == {"missing"}
    linked = Paper.objects.filter(system=system).exclude(superordinated=[]).count()
    assert linked > 0
