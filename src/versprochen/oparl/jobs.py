"""The sync as a job (`oparl.sync`) and the nightly sync of every system (`oparl.nightly`)."""

from __future__ import annotations

from django.db.models import Q
from django.utils import timezone

from versprochen.jobs import JobContext, JobError, enqueue, job, schedule
from versprochen.jobs.models import Job, JobState
from versprochen.oparl.http import Client
from versprochen.oparl.models import System
from versprochen.oparl.sync import Options, SyncFailed, sync

# The nightly pass on this weekday (Sunday) reads everything again (`--full`).
FULL_WEEKDAY = 6


@job("oparl.sync")
def sync_body(ctx: JobContext, *, body_id: int, full: bool = False, files: bool = True) -> str:
    """Sync every system of the body; the runs' summaries in one line."""
    _refuse_second_sync(ctx, body_id)
    systems = list(System.objects.filter(body_id=body_id).select_related("body"))
    if not systems:
        raise JobError("no OParl system registered for this body (versprochen oparl add)")
    summaries = []
    for system in systems:
        try:
            run = sync(system, Client(), Options(full=full, files=files), progress=ctx.progress)
        except SyncFailed as error:
            raise JobError(str(error)) from None
        summaries.append(f"{system.body.name}: {run.summary}")
    return "; ".join(summaries)


def _refuse_second_sync(ctx: JobContext, body_id: int) -> None:
    """Two syncs of one system at once would fetch everything twice and race on the
    payload store: the sync that started later stops (an editor's click during the
    nightly run, two workers taking two queued syncs)."""
    mine = Job.objects.filter(pk=ctx.job_id).values_list("started_at", flat=True).first()
    if mine is None:  # run inline before the row was marked running
        mine = timezone.now()
    earlier = (
        Job.objects.filter(kind="oparl.sync", state=JobState.RUNNING, params__body_id=body_id)
        .exclude(pk=ctx.job_id)
        .filter(Q(started_at__lt=mine) | Q(started_at=mine, pk__lt=ctx.job_id))
        .order_by("started_at")
        .first()
    )
    if earlier is not None:
        raise JobError(f"a sync of this body is already running (job {earlier.pk})")


@schedule("oparl.nightly", hour=2)
def nightly() -> None:
    """Queue a sync of every body with a system; a full one once a week."""
    full = timezone.localdate().weekday() == FULL_WEEKDAY
    seen: set[int] = set()
    for system in System.objects.select_related("body").order_by("body__name"):
        if system.body_id in seen:
            continue
        seen.add(system.body_id)
        enqueue(
            "oparl.sync",
            body_id=system.body_id,
            full=full,
            label=f"OParl-Abgleich {system.body.name}",
            body=system.body,
        )
