"""The transport: User-Agent, retries with backoff, timeouts, redirects within the host,
size limits; and the nightly schedule."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.oparl.conftest import register
from versprochen.oparl.fakeserver import FakeOParl
from versprochen.oparl.http import USER_AGENT, Client, FetchError


def test_retries_with_backoff_on_5xx_then_the_answer(server: FakeOParl) -> None:
    waits: list[float] = []
    client = Client(timeout=2, retries=3, backoff=0.5, sleep=waits.append)
    server.faults.errors_500 = {"/beispiel/system": 2}
    response = client.get(server.system_url("beispiel"))
    assert response.status == 200 and waits == [0.5, 1.0]
    assert USER_AGENT in server.user_agents


def test_a_5xx_to_the_end_is_an_error_in_one_line(server: FakeOParl) -> None:
    client = Client(timeout=2, retries=2, backoff=0, sleep=lambda s: None)
    server.faults.errors_500 = {"/beispiel/system": -1}
    with pytest.raises(FetchError) as caught:
        client.get(server.system_url("beispiel"))
    assert (caught.value.kind, caught.value.reason) == ("http", "HTTP 500 (after 3 attempts)")


def test_a_timeout_is_retried_then_reported(server: FakeOParl) -> None:
    waits: list[float] = []
    client = Client(timeout=0.2, retries=1, backoff=0.1, sleep=waits.append)
    server.faults.hang = {"/beispiel/system"}
    server.faults.hang_seconds = 2
    with pytest.raises(FetchError, match=r"no answer within 0\.2 s") as caught:
        client.get(server.system_url("beispiel"))
    assert caught.value.kind == "timeout" and waits == [0.1]


def test_redirects_only_within_the_host(server: FakeOParl, oparl_client: Client) -> None:
    server.faults.redirects = {
        "/beispiel/alt": server.url("beispiel", "system"),
        "/beispiel/fremd": server.url("beispiel", "system").replace("127.0.0.1", "localhost"),
    }
    assert oparl_client.get(server.url("beispiel", "alt")).status == 200
    with pytest.raises(FetchError, match=r"redirect to another host \(localhost\)"):
        oparl_client.get(server.url("beispiel", "fremd"))


def test_an_answer_over_the_size_limit(server: FakeOParl) -> None:
    client = Client(timeout=2, retries=0, max_json_bytes=100)
    with pytest.raises(FetchError) as caught:
        client.get(server.url("beispiel", "bodies/1/paper"))
    assert caught.value.reason.startswith("answer is ") and "MB limit" in caught.value.reason
    assert caught.value.kind == "too_large"


@pytest.mark.django_db
def test_the_nightly_schedule_queues_one_sync_per_body_full_on_sundays(
    server: FakeOParl, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.utils import timezone

    from versprochen.jobs.models import Job
    from versprochen.oparl.jobs import nightly

    system = register(server)
    register_second = system.__class__.objects.create(
        url=server.system_url("beispiel10"), body=system.body
    )
    assert register_second.body == system.body
    monkeypatch.setattr(timezone, "localdate", lambda: dt.date(2026, 12, 6))  # a Sunday
    nightly()
    [job] = Job.objects.filter(kind="oparl.sync")
    assert job.params == {"body_id": system.body_id, "full": True} and job.body == system.body
