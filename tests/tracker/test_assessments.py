from __future__ import annotations

import datetime as dt

import pytest

from versprochen.tracker.assessments import publish
from versprochen.tracker.models import AppendOnlyError, Assessment, Pledge
from versprochen.tracker.testing import store
from versprochen.tracker.vocabulary import Status

pytestmark = pytest.mark.django_db


def test_status_is_latest_published_assessment_and_history_is_append_only() -> None:
    store([("Die Stadtbücherei bleibt erhalten.", "kultur", {})])
    pledge = Pledge.objects.get()
    assert pledge.status == Status.OFFEN
    first = Assessment.objects.create(
        pledge=pledge, status=Status.IN_ARBEIT, assessed_on=dt.date(2026, 1, 1)
    )
    draft = Assessment.objects.create(
        pledge=pledge, status=Status.GESTOCKT, assessed_on=dt.date(2026, 2, 1)
    )
    pledge.refresh_from_db()
    assert pledge.status == Status.OFFEN  # a draft changes nothing
    publish(first)
    pledge.refresh_from_db()
    assert pledge.status == Status.IN_ARBEIT
    assert pledge.document.tally["status"] == {"in_arbeit": 1}
    first.rationale = "rewritten"
    with pytest.raises(AppendOnlyError):
        first.save()
    with pytest.raises(AppendOnlyError):
        first.delete()
    draft.rationale = "drafts can still be edited"
    draft.save()
