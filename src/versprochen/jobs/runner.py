"""Enqueue a job, run it in a worker or inline, and record what happened on its `Job` row.

The queue is django-tasks' (`run_job` is the one task it knows); each task carries
the id of a `Job`, and the `Job` row is what users and other code look at.
"""

from __future__ import annotations

import json
import logging
import threading
from typing import Any

from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tasks import TaskContext, task

from versprochen.extraction.errors import InputError
from versprochen.jobs.context import JobContext, JobError, ProgressCallback
from versprochen.jobs.models import Job, JobState
from versprochen.jobs.registry import kind_of

logger = logging.getLogger("versprochen.jobs")

# Exceptions whose message was written for the person who started the job.
USER_ERRORS = (JobError, InputError, ValueError, ValidationError)
INLINE = "inline"


def one_line_error(error: BaseException, job_id: int | None = None) -> str:
    """What a user is told: the message of an error they can act on, else a pointer to the log."""
    if isinstance(error, ValidationError):
        text = "; ".join(str(m) for m in error.messages)
    elif isinstance(error, USER_ERRORS) and not isinstance(error, UnicodeError):
        text = str(error)
    else:
        text = ""
    text = " ".join(text.split())
    if not text:
        where = f" (Job {job_id})" if job_id is not None else ""
        text = f"Unerwarteter Fehler{where}; die Einzelheiten stehen im Log des Workers."
    return text[:500]


def _new_job(kind: str, label: str, body: Any, user: Any, params: dict[str, Any]) -> Job:
    spec = kind_of(kind)
    try:
        params = json.loads(json.dumps(params))
    except (TypeError, ValueError) as error:
        raise ValueError(f"job {kind!r}: parameters must be JSON ({error})") from None
    return Job(
        kind=kind,
        handler=spec.handler,
        params=params,
        label=label[:300] or kind,
        body=body,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )


def enqueue(
    kind: str, *, label: str = "", body: Any = None, user: Any = None, **params: Any
) -> Job:
    """Queue a job of `kind` with `params`; a worker runs it once the caller's transaction commits.

    The job's row and its queue entry are written in one transaction (inside the
    caller's, if there is one), so a rolled-back request queues nothing.
    """
    job = _new_job(kind, label, body, user, params)
    with transaction.atomic():
        job.save()
        result = run_job.enqueue(job_id=job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id"])
    return job


def run_now(
    kind: str,
    *,
    label: str = "",
    body: Any = None,
    user: Any = None,
    on_progress: ProgressCallback | None = None,
    **params: Any,
) -> Job:
    """Run a job of `kind` here and now (command line, tests); its row records it like a worker's.

    `on_progress(done, total, message)` is called at every progress step (a progress bar).
    """
    job = _new_job(kind, label, body, user, params)
    job.state = JobState.RUNNING
    job.worker_id = INLINE
    job.started_at = job.heartbeat_at = timezone.now()
    job.attempts = 1
    job.save()
    _run(job, on_progress)
    return job


def execute(job_id: int, worker_id: str, heartbeat_seconds: float = 0) -> str:
    """Claim the queued job `job_id` for `worker_id` and run it; a job already taken is left."""
    now = timezone.now()
    with transaction.atomic():
        claimed = Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(
            state=JobState.RUNNING,
            worker_id=worker_id[:64],
            started_at=now,
            heartbeat_at=now,
            attempts=F("attempts") + 1,
        )
    if not claimed:
        return "skipped"
    job = Job.objects.get(pk=job_id)
    beat = _Heartbeat(job.pk, worker_id, heartbeat_seconds) if heartbeat_seconds else None
    try:
        _run(job, None)
    finally:
        if beat is not None:
            beat.stop()
    return str(job.state)


def _run(job: Job, on_progress: ProgressCallback | None) -> None:
    """Call the job's function and store its outcome; every exception becomes a one-line error."""
    context = JobContext(job, on_progress)
    try:
        spec = kind_of(job.kind, job.handler)
        outcome = spec.function(context, **job.params)
    except (Exception, KeyboardInterrupt) as error:
        if isinstance(error, USER_ERRORS):
            logger.warning("job %s (%s) failed: %s", job.pk, job.kind, error)
        else:
            logger.exception("job %s (%s) failed", job.pk, job.kind)
        _finish(job, JobState.FAILED, error=one_line_error(error, job.pk))
        if isinstance(error, KeyboardInterrupt):
            raise
        return
    result = "" if outcome is None else str(outcome)
    _finish(job, JobState.DONE, result=result)


def _finish(job: Job, state: str, *, result: str = "", error: str = "") -> None:
    job.state = state
    job.result = result
    job.error = error
    job.finished_at = timezone.now()
    fields = ["state", "result", "error", "finished_at", "progress_done", "progress_total"]
    if state == JobState.DONE and job.progress_total:
        job.progress_done = job.progress_total
    Job.objects.filter(pk=job.pk, worker_id=job.worker_id).update(
        **{name: getattr(job, name) for name in fields}
    )


class _Heartbeat:
    """Writes the running job's heartbeat from a thread of its own, so long steps stay alive."""

    def __init__(self, job_id: int, worker_id: str, every: float) -> None:
        self.job_id, self.worker_id, self.every = job_id, worker_id, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._beat, name=f"heartbeat-{job_id}", daemon=True)
        self._thread.start()

    def _beat(self) -> None:
        try:
            while not self._stop.wait(self.every):
                try:
                    Job.objects.filter(
                        pk=self.job_id, state=JobState.RUNNING, worker_id=self.worker_id
                    ).update(heartbeat_at=timezone.now())
                except Exception:  # a busy database: the next beat tries again
                    logger.warning("heartbeat of job %s not written", self.job_id, exc_info=True)
        finally:
            close_old_connections()
            connection.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=self.every + 10)


# Set by the worker: how often a running job's heartbeat is written.
HEARTBEAT = {"seconds": 15.0}


@task(takes_context=True)
def run_job(context: TaskContext, job_id: int) -> str:
    """The one task in django-tasks' queue: run the `Job` with this id."""
    worker_ids = context.task_result.worker_ids
    worker_id = worker_ids[-1] if worker_ids else "worker"
    return execute(job_id, worker_id, HEARTBEAT["seconds"])
