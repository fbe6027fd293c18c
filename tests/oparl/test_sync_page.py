"""The editors' page of a body's council sync: who may see it, what it shows, its JSON twin."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse

from versprochen.oparl.fakeserver import FakeOParl
from versprochen.oparl.http import Client
from versprochen.oparl.models import System
from versprochen.oparl.sync import Options, sync
from versprochen.tracker.testing import make_people

pytestmark = pytest.mark.django_db


@pytest.fixture
def synced(server: FakeOParl, oparl_client: Client) -> dict[str, Any]:
    cache.clear()
    people = make_people()
    system = System.objects.create(url=server.system_url("beispiel"), body=people["herne"])
    server.faults.missing.add(server.url("beispiel", "org/1"))
    sync(system, oparl_client, Options(files=False))
    return {**people, "system": system}


def test_editors_of_the_body_and_admins_see_the_sync(synced: dict[str, Any], client: Any) -> None:
    url = reverse("site:oparl_sync", args=["stadt-herne"])
    assert client.get(url).status_code == 302  # to the login
    for name, status in (("erika", 200), ("anna", 200), ("rudi", 403), ("otto", 403)):
        client.force_login(synced[name])
        assert client.get(url).status_code == status, name
    client.force_login(synced["erika"])
    html = client.get(url).content.decode()
    for text in (
        "Letzter erfolgreicher Abgleich",
        "Objekte nach Typ",
        "Paper",
        "Objekt nicht abrufbar: 1",
        synced["system"].url,
    ):
        assert text in html, text
    # The organization was referenced but could not be fetched: counted, with its URL.
    data = client.get(url, {"format": "json"}).json()
    [report] = data["systems"]
    organizations = next(row for row in report["objects"] if row["type"] == "Organization")
    assert organizations == {"type": "Organization", "total": 1, "deleted": 0, "placeholders": 1}
    [group] = report["errors"]
    assert group["kind"] == "missing" and group["count"] == 1
    assert group["errors"][0]["url"].endswith("/beispiel/org/1")
    assert report["last_success"] is not None


def test_the_list_shows_only_the_users_bodies(synced: dict[str, Any], client: Any) -> None:
    url = reverse("site:oparl_syncs")
    client.force_login(synced["otto"])
    assert client.get(url, {"format": "json"}).json() == {"systems": []}
    client.force_login(synced["erika"])
    [row] = client.get(url, {"format": "json"}).json()["systems"]
    assert row["body"] == "stadt-herne"


def test_a_sync_is_queued_from_the_page(synced: dict[str, Any], client: Any) -> None:
    from versprochen.jobs.models import Job

    client.force_login(synced["erika"])
    response = client.post(reverse("site:oparl_sync", args=["stadt-herne"]), {"full": "1"})
    assert response.status_code == 303
    job = Job.objects.get(kind="oparl.sync")
    assert job.params["full"] is True and job.body == synced["herne"]
    assert response["Location"] == reverse("site:editor_job", args=[job.pk])
