"""Publishing an assessment: the only writer of `Pledge.status`. Never commits."""

from __future__ import annotations

from django.utils import timezone

from versprochen.tracker.models import Assessment, Pledge
from versprochen.tracker.tally import refresh_tally
from versprochen.tracker.vocabulary import AssessmentState


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
