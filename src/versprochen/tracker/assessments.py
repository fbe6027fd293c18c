"""Publishing an assessment and recounting after a merge: the only writers of
`Pledge.status`. Never commits."""

from __future__ import annotations

from django.utils import timezone

from versprochen.tracker.models import Assessment, Pledge
from versprochen.tracker.tally import refresh_tally
from versprochen.tracker.vocabulary import AssessmentState, Status


def publish(assessment: Assessment) -> None:
    """Publish `assessment`; it becomes its pledge's current status."""
    now = timezone.now()
    assessment.state = AssessmentState.PUBLISHED
    assessment.published_at = now
    Assessment.objects.filter(pk=assessment.pk).update(
        state=AssessmentState.PUBLISHED, published_at=now
    )
    Pledge.objects.filter(pk=assessment.pledge_id).update(
        status=assessment.status, status_changed_at=now
    )
    refresh_tally(assessment.pledge.document)


def refresh_status(pledge: Pledge) -> None:
    """Set the pledge's status to its latest published assessment (after a merge)."""
    latest = (
        Assessment.objects.filter(pledge=pledge, state=AssessmentState.PUBLISHED)
        .order_by("-published_at", "-id")
        .first()
    )
    status = latest.status if latest else Status.OFFEN
    changed = latest.published_at if latest else None
    Pledge.objects.filter(pk=pledge.pk).update(status=status, status_changed_at=changed)
    pledge.status, pledge.status_changed_at = status, changed
