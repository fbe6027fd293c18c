"""The job mechanism in one process: enqueue, run, errors, dead workers, schedules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from tests.jobs import kinds  # noqa: F401  (registers the test kinds)
from versprochen.jobs import enqueue, run_now, schedule
from versprochen.jobs.models import Job, JobState, ScheduleRun
from versprochen.jobs.registry import Schedule, _unregister, schedules
from versprochen.jobs.runner import one_line_error
from versprochen.jobs.worker import MAX_ATTEMPTS, Worker

BERLIN = ZoneInfo("Europe/Berlin")


def worker(**kwargs: object) -> Worker:
    return Worker(
        interval=0.05,
        once=True,
        housekeeping_seconds=0,
        recycle_connections=False,  # the test's transaction holds the connection
        **kwargs,  # type: ignore[arg-type]
    )


def test_run_now_records_result_and_progress(db: None) -> None:
    steps: list[tuple[int, int, str]] = []
    job = run_now("test.add", a=2, b=3, label="Rechnen", on_progress=lambda *s: steps.append(s))
    job.refresh_from_db()
    assert (job.state, job.result, job.label) == (JobState.DONE, "2 + 3 = 5", "Rechnen")
    assert (job.progress_done, job.progress_total, job.message) == (3, 3, "Schritt 3")
    assert steps == [(1, 3, "Schritt 1"), (2, 3, "Schritt 2"), (3, 3, "Schritt 3")]
    assert job.started_at is not None and job.finished_at is not None


def test_an_error_for_users_is_its_message_in_one_line(db: None) -> None:
    job = run_now("test.refuse", reason="Die Datei ist\nkein PDF.")
    job.refresh_from_db()
    assert (job.state, job.error) == (JobState.FAILED, "Die Datei ist kein PDF.")


def test_a_bug_names_neither_exception_nor_traceback(db: None) -> None:
    job = run_now("test.bug")
    job.refresh_from_db()
    assert job.state == JobState.FAILED
    assert "KeyError" not in job.error and "Traceback" not in job.error and "'b'" not in job.error
    assert f"Job {job.pk}" in job.error and "\n" not in job.error


def test_one_line_error_of_a_long_message_is_cut() -> None:
    assert len(one_line_error(ValueError("x" * 2000))) == 500


def test_unknown_kinds_and_non_json_parameters_are_refused(db: None) -> None:
    with pytest.raises(ValueError, match="unknown job kind 'nope'"):
        enqueue("nope")
    with pytest.raises(ValueError, match="parameters must be JSON"):
        enqueue("test.add", a=object(), b=1)
    assert not Job.objects.exists()


def test_enqueued_job_runs_in_a_worker_once(db: None, tmp_path: object) -> None:
    path = f"{tmp_path}/runs.txt"
    jobs = [enqueue("test.record", path=path, n=n) for n in range(3)]
    assert DBTaskResult.objects.count() == 3
    assert all(Job.objects.get(pk=j.pk).state == JobState.QUEUED for j in jobs)
    worker().run()
    worker().run()  # nothing left: a second worker runs nothing again
    with open(path) as runs:
        assert sorted(line.split()[0] for line in runs) == ["0", "1", "2"]
    for j in jobs:
        j.refresh_from_db()
        assert (j.state, j.result, j.attempts) == (JobState.DONE, f"recorded {j.params['n']}", 1)


def test_a_rolled_back_transaction_queues_nothing(db: None) -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        enqueue("test.add", a=1, b=1)
        raise RuntimeError("the request failed")
    assert not Job.objects.exists() and not DBTaskResult.objects.exists()


def _stale(job: Job, attempts: int) -> None:
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING")
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING,
        worker_id="dead-worker",
        attempts=attempts,
        heartbeat_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )


def test_a_job_of_a_dead_worker_is_run_again(db: None) -> None:
    job = enqueue("test.add", a=1, b=1)
    _stale(job, attempts=1)
    worker().run()
    job.refresh_from_db()
    assert (job.state, job.result, job.attempts) == (JobState.DONE, "1 + 1 = 2", 2)


def test_a_job_that_keeps_killing_its_worker_is_given_up(db: None) -> None:
    job = enqueue("test.add", a=1, b=1)
    _stale(job, attempts=MAX_ATTEMPTS)
    assert worker().revive_stale() == 0
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "3-mal abgebrochen" in job.error


def test_a_live_job_is_left_alone(db: None) -> None:
    job = enqueue("test.add", a=1, b=1)
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING, worker_id="alive")
    assert worker().revive_stale() == 0  # its heartbeat is from just now
    job.refresh_from_db()
    assert job.state == JobState.RUNNING


def test_an_inline_job_is_never_taken_by_a_worker(db: None) -> None:
    job = run_now("test.add", a=1, b=1)
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING, heartbeat_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    assert worker().revive_stale() == 0


@pytest.fixture
def nightly() -> Iterator[list[str]]:
    calls: list[str] = []

    @schedule("test.nightly", hour=2, minute=30)
    def nightly_sync() -> None:
        calls.append("ran")

    yield calls
    _unregister("test.nightly")


def _only(name: str) -> list[Schedule]:
    """The one schedule of a test (other modules may have registered theirs)."""
    return [entry for entry in schedules() if entry.name == name]


def test_a_schedule_runs_once_per_period_whatever_the_workers(db: None, nightly: list[str]) -> None:
    mine = _only("test.nightly")
    before = dt.datetime(2026, 12, 7, 2, 29, tzinfo=BERLIN)
    after = dt.datetime(2026, 12, 7, 3, 0, tzinfo=BERLIN)
    assert worker(clock=lambda: before).run_schedules(mine) == []
    assert worker(clock=lambda: after).run_schedules(mine) == ["test.nightly"]
    assert worker(clock=lambda: after).run_schedules(mine) == []
    next_night = dt.datetime(2026, 12, 8, 2, 45, tzinfo=BERLIN)
    assert worker(clock=lambda: next_night).run_schedules(mine) == ["test.nightly"]
    assert nightly == ["ran", "ran"]
    assert sorted(ScheduleRun.objects.values_list("period", flat=True)) == [
        "2026-12-07",
        "2026-12-08",
    ]


def test_a_failing_schedule_is_recorded_and_not_retried_in_its_period(db: None) -> None:
    @schedule("test.broken", hour=1)
    def broken() -> None:
        raise ValueError("Der Rat antwortet nicht.")

    try:
        clock = dt.datetime(2026, 12, 7, 9, 0, tzinfo=BERLIN)
        assert worker(clock=lambda: clock).run_schedules(_only("test.broken")) == []
        assert worker(clock=lambda: clock).run_schedules(_only("test.broken")) == []
        run = ScheduleRun.objects.get(name="test.broken")
        assert run.error == "Der Rat antwortet nicht."
    finally:
        _unregister("test.broken")


@pytest.mark.parametrize(
    ("entry", "now", "period"),
    [
        (Schedule("h", print, minute=15), dt.datetime(2026, 12, 7, 9, 14), None),
        (Schedule("h", print, minute=15), dt.datetime(2026, 12, 7, 9, 15), "2026-12-07T09"),
        (Schedule("d", print, hour=2), dt.datetime(2026, 12, 7, 1, 59), None),
        (Schedule("d", print, hour=2), dt.datetime(2026, 12, 7, 23, 0), "2026-12-07"),
        (Schedule("w", print, hour=6, weekday=0), dt.datetime(2026, 12, 7, 5, 0), None),
        (Schedule("w", print, hour=6, weekday=0), dt.datetime(2026, 12, 7, 6, 0), "2026-W50"),
        (Schedule("w", print, hour=6, weekday=0), dt.datetime(2026, 12, 13, 1, 0), "2026-W50"),
    ],
)
def test_due_periods(entry: Schedule, now: dt.datetime, period: str | None) -> None:
    assert entry.due_period(now) == period


def test_schedule_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="hour 24"):
        schedule("x", hour=24)
    with pytest.raises(ValueError, match="weekday"):
        schedule("x", weekday=1)
