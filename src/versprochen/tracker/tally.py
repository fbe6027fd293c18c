"""Counts of a document's current pledges by status and by area, kept on the document.

The start page reads these instead of counting every pledge on each request.
"""

from __future__ import annotations

from django.db.models import Count

from versprochen.tracker.models import Document, Pledge


def compute_tally(document: Document) -> dict[str, object]:
    rows = (
        Pledge.objects.filter(document=document, current=True)
        .values("status", "area")
        .annotate(n=Count("id"))
        .order_by()
    )
    by_status: dict[str, int] = {}
    by_area: dict[str, dict[str, int]] = {}
    total = 0
    for row in rows:
        n = int(row["n"])
        total += n
        by_status[row["status"]] = by_status.get(row["status"], 0) + n
        area = by_area.setdefault(row["area"], {})
        area[row["status"]] = area.get(row["status"], 0) + n
    return {"total": total, "status": by_status, "area": by_area}


def refresh_tally(document: Document) -> None:
    """Recount `document`'s pledges and bump its change time (invalidates cached pages)."""
    document.tally = compute_tally(document)
    document.save(update_fields=["tally", "changed_at"])
