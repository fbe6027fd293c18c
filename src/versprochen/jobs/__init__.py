"""Jobs: slow work (extraction of uploads, syncs, reports, mail) run outside requests.

Built on Django's tasks API (the `django-tasks` backport) with the queue in the
project's own database (`django-tasks-db`). A `Job` row records what a user sees:
state, progress, a one-line error, the result's summary. `docs/jobs.md` explains it.

    from versprochen.jobs import job, enqueue, run_now, JobContext, schedule

This module imports no models (it is loaded with the app registry), so `enqueue` and
`run_now` import the runner when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from versprochen.jobs.context import JobContext, JobError
from versprochen.jobs.registry import job, schedule

if TYPE_CHECKING:
    from versprochen.jobs.context import ProgressCallback
    from versprochen.jobs.models import Job


def enqueue(
    kind: str, *, label: str = "", body: Any = None, user: Any = None, **params: Any
) -> Job:
    """Queue a job of `kind`; see `versprochen.jobs.runner.enqueue`."""
    from versprochen.jobs import runner

    return runner.enqueue(kind, label=label, body=body, user=user, **params)


def run_now(
    kind: str,
    *,
    label: str = "",
    body: Any = None,
    user: Any = None,
    on_progress: ProgressCallback | None = None,
    **params: Any,
) -> Job:
    """Run a job of `kind` inline; see `versprochen.jobs.runner.run_now`."""
    from versprochen.jobs import runner

    return runner.run_now(
        kind, label=label, body=body, user=user, on_progress=on_progress, **params
    )


__all__ = ["JobContext", "JobError", "enqueue", "job", "run_now", "schedule"]
