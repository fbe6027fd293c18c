"""What the public picture of progress asks of the reports wing."""

from __future__ import annotations

from versprochen.reports.models import Report, ReportState
from versprochen.tracker.models import Body


def latest_report(body: Body | None = None) -> Report | None:
    """The latest published report (of `body`, or of any body); None when there is none."""
    reports = Report.objects.filter(state=ReportState.PUBLISHED)
    if body is not None:
        reports = reports.filter(body=body)
    return reports.order_by("-published_at", "-id").defer("snapshot", "html", "pdf").first()
