"""Two syncs of one body never run at once: the one that started later stops."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

import versprochen.oparl.jobs  # noqa: F401  (registers oparl.sync)
from versprochen.jobs import run_now
from versprochen.jobs.models import Job, JobState
from versprochen.tracker.models import Body


def _running_sync(body: Body, minutes_ago: int) -> Job:
    started = timezone.now() - dt.timedelta(minutes=minutes_ago)
    return Job.objects.create(
        kind="oparl.sync",
        params={"body_id": body.pk, "full": False},
        state=JobState.RUNNING,
        body=body,
        started_at=started,
    )


def test_a_second_sync_of_a_body_stops_with_the_running_one_named(db: None) -> None:
    body = Body.objects.create(name="Gemeinde Beispiel", slug="gemeinde-beispiel")
    earlier = _running_sync(body, minutes_ago=3)
    job = run_now("oparl.sync", body_id=body.pk, full=False)
    assert job.state == JobState.FAILED
    assert job.error == f"a sync of this body is already running (job {earlier.pk})"


def test_a_sync_of_another_body_is_not_held_up(db: None) -> None:
    body = Body.objects.create(name="Gemeinde Beispiel", slug="gemeinde-beispiel")
    other = Body.objects.create(name="Stadt Anderswo", slug="stadt-anderswo")
    _running_sync(other, minutes_ago=3)
    job = run_now("oparl.sync", body_id=body.pk, full=False)
    # It gets past the guard and stops only because this body has no system.
    assert job.state == JobState.FAILED
    assert "no OParl system registered" in job.error
