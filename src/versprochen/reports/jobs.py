"""The reports wing's jobs: the comparison of an agreement and the making of a report.

Found by the jobs app's autodiscovery (`<app>.jobs`)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from versprochen.jobs import JobContext, JobError, job
from versprochen.reports import comparison, service
from versprochen.reports.models import Comparison, ReportKind
from versprochen.tracker.models import Body


@job("reports.compare")
def compare_agreement(ctx: JobContext, *, comparison_id: int) -> str:
    """Propose the origins of an agreement's pledges (confirmed items are kept)."""
    found = Comparison.objects.filter(pk=comparison_id).select_related("agreement").first()
    if found is None:
        raise JobError(f"comparison {comparison_id} does not exist (any more)")
    with transaction.atomic():
        return comparison.propose(found, progress=ctx.progress)


@job("reports.make")
def make_report(
    ctx: JobContext,
    *,
    body_id: int,
    report_kind: str,
    year: int | None = None,
    base_url: str = "",
    language: str = "de",
    user_id: int | None = None,
) -> str:
    """Snapshot, render and store a draft report."""
    body = Body.objects.filter(pk=body_id).first()
    if body is None:
        raise JobError(f"body {body_id} does not exist (any more)")
    if report_kind not in ReportKind.values:
        raise JobError(f"unknown report kind {report_kind[:20]!r}")
    ctx.progress(0, 2, "snapshot")
    user: Any = None
    if user_id is not None:
        from django.contrib.auth import get_user_model

        user = get_user_model().objects.filter(pk=user_id).first()
    try:
        with transaction.atomic():
            report = service.make(
                body, report_kind, year=year, user=user, base_url=base_url, language=language
            )
    except service.ReportInputError as error:
        raise JobError(str(error)) from error
    ctx.progress(2, 2, "done")
    return f"draft report {report.slug}: {len(report.pdf) // 1024} KB PDF"
