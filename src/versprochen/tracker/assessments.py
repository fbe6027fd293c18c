"""Publishing an assessment and recounting after a merge: the only writers of
`Pledge.status`. Never commits."""

from __future__ import annotations

from django.utils import timezone

from versprochen.tracker.models import Assessment, Pledge
from versprochen.tracker.tally import refresh_tally
from versprochen.tracker.vocabulary import AssessmentState, Status


def publish(assessment: Assessment) -> None:
    """Publish `assessment`; the pledge's status becomes its newest published assessment.

    The pledge row is locked first (a no-op on SQLite, where a write transaction holds
    the whole database): two reviewers publishing drafts of one pledge at once are
    serialised, and each derives the status from what is published, so the one who
    commits last never leaves the status of the older assessment behind."""
    pledge = Pledge.objects.select_for_update().get(pk=assessment.pledge_id)
    now = timezone.now()  # after the lock: publishing times follow the commit order
    assessment.state = AssessmentState.PUBLISHED
    assessment.published_at = now
    Assessment.objects.filter(pk=assessment.pk).update(
        state=AssessmentState.PUBLISHED, published_at=now
    )
    refresh_status(pledge)
    refresh_tally(pledge.document)


def refresh_status(pledge: Pledge) -> None:
    """Set the pledge's status to its newest published assessment (after publishing or a
    merge); the caller holds the pledge's row lock where others may publish at once."""
    latest = (
        Assessment.objects.filter(pledge=pledge, state=AssessmentState.PUBLISHED)
        .order_by("-published_at", "-id")
        .first()
    )
    status = latest.status if latest else Status.OFFEN
    changed = latest.published_at if latest else None
    Pledge.objects.filter(pk=pledge.pk).update(status=status, status_changed_at=changed)
    pledge.status, pledge.status_changed_at = status, changed
