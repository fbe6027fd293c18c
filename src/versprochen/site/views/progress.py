"""Progress at a glance: counts by status as a chart with its numbers, the share
fulfilled, the latest published assessments and the latest report (start page, a
body's page, a document's page)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet

from versprochen.tracker.models import Assessment, Body, Document
from versprochen.tracker.vocabulary import AssessmentState, Status

RECENT = 5


def status_bar(counts: dict[str, int]) -> list[dict[str, Any]]:
    """The statuses in the scale's order with their counts and shares (only those held)."""
    total = sum(counts.values()) or 1
    return [
        {
            "status": status.value,
            "label": status.label,
            "count": counts.get(status.value, 0),
            "percent": round(100 * counts.get(status.value, 0) / total, 1),
        }
        for status in Status
        if counts.get(status.value, 0)
    ]


def summed(tallies: Iterable[dict[str, Any]]) -> dict[str, int]:
    """The status counts of several documents' tallies added up."""
    out: dict[str, int] = {}
    for tally in tallies:
        for status, count in (tally.get("status") or {}).items():
            out[status] = out.get(status, 0) + int(count)
    return out


def progress(counts: dict[str, int]) -> dict[str, Any]:
    """What the progress box shows: the bar, the total and the shares fulfilled and
    partly fulfilled (of all pledges, in whole per cent)."""
    total = sum(counts.values())
    fulfilled = counts.get(Status.ERFUELLT, 0)
    partly = counts.get(Status.TEILWEISE, 0)
    return {
        "bar": status_bar(counts),
        "total": total,
        "fulfilled": fulfilled,
        "partly": partly,
        "fulfilled_percent": round(100 * fulfilled / total) if total else 0,
        "partly_percent": round(100 * partly / total) if total else 0,
        "counts": {s.value: counts.get(s.value, 0) for s in Status},
    }


def recent_assessments(
    body: Body | None = None, document: Document | None = None
) -> list[Assessment]:
    """The latest published assessments (of current pledges of `body` or `document`)."""
    rows: QuerySet[Assessment] = Assessment.objects.filter(
        state=AssessmentState.PUBLISHED, pledge__current=True
    )
    if body is not None:
        rows = rows.filter(pledge__body=body)
    if document is not None:
        rows = rows.filter(pledge__document=document)
    return list(rows.select_related("pledge").order_by("-published_at", "-id")[:RECENT])


def recent_json(assessments: list[Assessment]) -> list[dict[str, Any]]:
    return [
        {
            "pledge": a.pledge_id,
            "pledge_text": a.pledge.text,
            "status": a.status,
            "status_label": str(Status(a.status).label),
            "assessed_on": a.assessed_on.isoformat(),
            "published_at": a.published_at.isoformat() if a.published_at else None,
        }
        for a in assessments
    ]


def latest_report(body: Body | None = None) -> dict[str, str] | None:
    """The latest published report ({"url", "title"}) from the reports wing, when it is
    there and has one."""
    try:
        from versprochen.reports.progress import latest_report as find
    except ImportError:
        return None
    report = find(body=body)
    if report is None:
        return None
    if isinstance(report, dict):
        url, title = report.get("url"), report.get("title")
    else:
        url = getattr(report, "url", None)
        if url is None and hasattr(report, "get_absolute_url"):
            url = report.get_absolute_url()
        title = getattr(report, "title", None)
    if not url:
        return None
    return {"url": str(url), "title": str(title or url)}
