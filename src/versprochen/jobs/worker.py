"""One worker process: takes jobs from the queue, revives jobs of dead workers, runs schedules.

Any number of workers, on any number of machines, share one database's queue: a
worker claims a queue entry under a row lock (PostgreSQL: SKIP LOCKED; SQLite: one
writer at a time), and a schedule's period is claimed by inserting a unique row.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import socket
import time
from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, OperationalError, close_old_connections, transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from versprochen.jobs import runner
from versprochen.jobs.models import Job, JobState, ScheduleRun
from versprochen.jobs.registry import Schedule, discover, schedules

logger = logging.getLogger("versprochen.jobs")

# A job killed this often without finishing is given up: it is likely what kills its worker.
MAX_ATTEMPTS = 3

Clock = Callable[[], dt.datetime]


def worker_name() -> str:
    return f"{socket.gethostname()[:40]}-{os.getpid()}"


class Worker(DatabaseWorker):
    """django-tasks-db's worker with this project's housekeeping between jobs."""

    def __init__(
        self,
        *,
        interval: float = 1.0,
        once: bool = False,
        max_jobs: int | None = None,
        stale_seconds: float = 120.0,
        housekeeping_seconds: float = 10.0,
        clock: Clock = timezone.now,
        worker_id: str = "",
        backend_name: str = "default",
        parent_pid: int | None = None,
        recycle_connections: bool = True,
    ) -> None:
        super().__init__(
            queue_names=["*"],
            interval=interval,
            batch=once,
            backend_name=backend_name,
            startup_delay=False,
            max_tasks=max_jobs,
            worker_id=(worker_id or worker_name())[:64],
            excluded_queue_names=[],
        )
        self.stale_seconds = stale_seconds
        self.housekeeping_seconds = housekeeping_seconds
        self.clock = clock
        self._housekept = float("-inf")
        # Started by `versprochen serve`: stop when the server is gone, even if it was killed.
        self.parent_pid = parent_pid
        # Between jobs, drop connections that broke or aged out (as Django does between
        # requests); a test running a worker inside its own transaction keeps it.
        self.recycle_connections = recycle_connections
        runner.HEARTBEAT["seconds"] = max(0.5, stale_seconds / 4)

    def run(self) -> None:
        discover()
        logger.info("worker %s started", self.worker_id)
        while self.running:
            if self.parent_pid is not None and os.getppid() != self.parent_pid:
                logger.warning("worker %s: the server is gone; stopping", self.worker_id)
                return
            self._recycle()
            if time.monotonic() - self._housekept >= self.housekeeping_seconds:
                self.housekeeping()
                self._housekept = time.monotonic()
            entry, asked = self._claim_next()
            if entry is not None:
                self.run_task(entry)
            elif self.batch and asked:
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                return
            self._recycle()
            if self.running and entry is None:
                time.sleep(self.interval)

    def _recycle(self) -> None:
        if self.recycle_connections:
            close_old_connections()

    def _claim_next(self) -> tuple[DBTaskResult[Any, Any] | None, bool]:
        """The next queue entry, claimed for this worker; and whether the queue could be asked."""
        entries = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        # Look before taking the write lock: an idle worker never takes it (SQLite has one).
        if not entries.exists():
            return None, True
        try:
            with exclusive_transaction(entries.db):
                entry = entries.get_locked()
                if entry is not None:
                    entry.claim(self.worker_id)
        except OperationalError as error:
            if is_locked_database_exception(error):
                return None, False
            raise
        return entry, True

    def housekeeping(self) -> None:
        """Queue again the jobs of dead workers, then start the schedules that are due."""
        try:
            self.revive_stale()
            self.run_schedules()
        except OperationalError as error:
            if not is_locked_database_exception(error):
                raise
            logger.info("database busy; housekeeping next time")

    def revive_stale(self) -> int:
        """Queue again each running job whose heartbeat stopped; give one up after MAX_ATTEMPTS."""
        cutoff = self.clock() - dt.timedelta(seconds=self.stale_seconds)
        stale = Job.objects.filter(state=JobState.RUNNING, heartbeat_at__lt=cutoff).exclude(
            worker_id=runner.INLINE
        )
        revived = 0
        for job in stale:
            with transaction.atomic():
                # Only the worker whose update matches the heartbeat it saw takes the job over.
                same = Job.objects.filter(
                    pk=job.pk, state=JobState.RUNNING, heartbeat_at=job.heartbeat_at
                )
                if job.attempts >= MAX_ATTEMPTS:
                    same.update(
                        state=JobState.FAILED,
                        finished_at=self.clock(),
                        error=f"Der Job wurde {job.attempts}-mal abgebrochen, ohne fertig "
                        "zu werden; er wird nicht noch einmal gestartet.",
                    )
                    continue
                if not same.update(state=JobState.QUEUED, worker_id=""):
                    continue
                DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").update(
                    status="FAILED", finished_at=self.clock()
                )
                entry = runner.run_job.enqueue(job_id=job.pk)
                Job.objects.filter(pk=job.pk).update(task_id=str(entry.id))
            logger.warning("job %s (%s) of a dead worker queued again", job.pk, job.kind)
            revived += 1
        return revived

    def run_schedules(self, entries: list[Schedule] | None = None) -> list[str]:
        """Run each schedule (of `entries`, default all) due in its current period, unless a
        worker has already run it there."""
        now = timezone.localtime(self.clock())
        started = []
        for entry in schedules() if entries is None else entries:
            period = entry.due_period(now)
            if (
                period is None
                or ScheduleRun.objects.filter(name=entry.name, period=period).exists()
            ):
                continue
            try:
                with transaction.atomic():
                    ScheduleRun.objects.create(name=entry.name, period=period)
                    entry.function()
            except IntegrityError:
                continue  # another worker claimed this period first
            except Exception as error:
                logger.exception("schedule %s failed", entry.name)
                # Recorded, so that a broken schedule is not tried again every few seconds.
                with contextlib.suppress(IntegrityError):
                    ScheduleRun.objects.create(
                        name=entry.name, period=period, error=runner.one_line_error(error)
                    )
                continue
            started.append(entry.name)
        return started
