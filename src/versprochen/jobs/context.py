"""What a running job is handed: its row, and a way to report progress."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from versprochen.jobs.models import Job

logger = logging.getLogger("versprochen.jobs")

ProgressCallback = Callable[[int, int, str], None]

# Progress is written at most this often (seconds), so a job with many small steps
# does not turn into many writes; the last step is always written.
PROGRESS_EVERY = 0.5


class JobError(Exception):
    """A failure a job explains to its user: the message is shown as the job's error."""


class JobContext:
    """Handed to a job function as its first argument."""

    def __init__(self, job: Job, on_progress: ProgressCallback | None = None) -> None:
        self.job = job
        self._on_progress = on_progress
        self._written = 0.0

    @property
    def job_id(self) -> int:
        return int(self.job.pk)

    @property
    def params(self) -> dict[str, Any]:
        return dict(self.job.params)

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Record that `done` of `total` steps are done (shown to the editor), and stay alive."""
        from django.utils import timezone

        from versprochen.jobs.models import Job, JobState

        done, total = max(0, int(done)), max(0, int(total))
        message = " ".join(str(message).split())[:500]
        self.job.progress_done, self.job.progress_total = done, total
        self.job.message = message
        if self._on_progress is not None:
            self._on_progress(done, total, message)
        now = time.monotonic()
        if now - self._written < PROGRESS_EVERY and done < total:
            return
        self._written = now
        Job.objects.filter(pk=self.job.pk, state=JobState.RUNNING).update(
            progress_done=done,
            progress_total=total,
            message=message,
            heartbeat_at=timezone.now(),
        )
