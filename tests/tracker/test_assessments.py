from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction

from versprochen.tracker.assessments import publish
from versprochen.tracker.models import AppendOnlyError, Assessment, Evidence, Pledge
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


def _published_with_evidence() -> tuple[Assessment, Evidence]:
    store([("Die Stadtbücherei bleibt erhalten.", "kultur", {})])
    pledge = Pledge.objects.get()
    assessment = Assessment.objects.create(
        pledge=pledge, status=Status.IN_ARBEIT, assessed_on=dt.date(2026, 1, 1), rationale="R"
    )
    evidence = Evidence.objects.create(assessment=assessment, kind="decision", title="Beschluss")
    publish(assessment)
    return assessment, evidence


def test_bulk_updates_and_deletes_refuse_published_assessments_and_their_evidence() -> None:
    published, evidence = _published_with_evidence()
    rows = Assessment.objects.filter(pk=published.pk)
    with pytest.raises(AppendOnlyError):
        rows.update(rationale="rewritten")
    with pytest.raises(AppendOnlyError):
        rows.delete()
    with pytest.raises(AppendOnlyError):
        Pledge.objects.get().assessments.update(status=Status.ERFUELLT)
    with pytest.raises(AppendOnlyError):
        Evidence.objects.filter(pk=evidence.pk).update(title="x")
    with pytest.raises(AppendOnlyError):
        Evidence.objects.filter(assessment=published).delete()
    with pytest.raises(AppendOnlyError):
        Evidence.objects.create(assessment=published, kind="press", title="später")
    evidence.title = "x"
    with pytest.raises(AppendOnlyError):
        evidence.save()
    with pytest.raises(AppendOnlyError):
        evidence.delete()
    assert Assessment.objects.get(pk=published.pk).rationale == "R"
    assert list(Evidence.objects.values_list("title", flat=True)) == ["Beschluss"]
    # Drafts stay editable, in bulk too; a merge moves published ones to another pledge.
    draft = Assessment.objects.create(
        pledge=published.pledge, status=Status.GESTOCKT, assessed_on=dt.date(2026, 2, 1)
    )
    assert Assessment.objects.filter(pk=draft.pk).update(rationale="neu") == 1
    Evidence.objects.create(assessment=draft, kind="press", title="WAZ")
    assert Evidence.objects.filter(assessment=draft).delete()[0] == 1
    assert Assessment.objects.filter(pk=draft.pk).delete()[0] == 1


SQL_REFUSED = [
    "UPDATE tracker_assessment SET rationale = 'rewritten' WHERE id = {a}",
    "UPDATE tracker_assessment SET status = 'erfuellt', published_at = NULL WHERE id = {a}",
    "DELETE FROM tracker_assessment WHERE id = {a}",
    "UPDATE tracker_evidence SET title = 'x' WHERE id = {e}",
    "DELETE FROM tracker_evidence WHERE id = {e}",
    "INSERT INTO tracker_evidence (assessment_id, kind, title, url, quote, oparl_id) "
    "VALUES ({a}, 'press', 'später', '', '', '')",
]


@pytest.mark.parametrize("sql", SQL_REFUSED)
def test_the_database_refuses_sql_that_changes_the_published_history(sql: str) -> None:
    """Triggers (migration 0005) on SQLite and PostgreSQL: SQL bypassing the models too."""
    published, evidence = _published_with_evidence()
    refused = pytest.raises(IntegrityError, match="published assessment")
    with refused, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql.format(a=published.pk, e=evidence.pk))
    assert Assessment.objects.get(pk=published.pk).rationale == "R"
    assert Evidence.objects.get().title == "Beschluss"


def test_the_database_lets_a_merge_move_published_assessments_and_maintenance_lift() -> None:
    from versprochen.tracker.append_only import lifted
    from versprochen.tracker.testing import store as store_more

    published, _evidence = _published_with_evidence()
    store_more([("Die Stadtbücherei bleibt erhalten.", "kultur", {}), ("Neu.", "kultur", {})])
    other = Pledge.objects.exclude(pk=published.pledge_id).get()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE tracker_assessment SET pledge_id = %s WHERE id = %s", [other.pk, published.pk]
        )
    assert Assessment.objects.get(pk=published.pk).pledge_id == other.pk
    with transaction.atomic():
        with lifted(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM tracker_evidence")
            cursor.execute("DELETE FROM tracker_assessment")
        assert not Assessment.objects.exists()
        transaction.set_rollback(True)
    assert Assessment.objects.filter(pk=published.pk).exists()
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM tracker_evidence")  # lifted no more


@pytest.fixture
def emptied_afterwards(transactional_db: None) -> Iterator[None]:
    yield
    from django.core.management import call_command

    from versprochen.tracker.append_only import lifted

    with lifted():
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.skipif(
    connection.vendor != "postgresql" and not os.environ.get("DATABASE_URL"),
    reason="concurrent transactions need PostgreSQL (the suite runs there in CI too)",
)
def test_two_reviewers_publishing_at_once_leave_the_newest_status(
    emptied_afterwards: None,
) -> None:
    """Two drafts of one pledge published at the same moment by two reviewers: the
    pledge's status is that of the newest published assessment, every round."""
    import threading

    from versprochen.tracker import workflow
    from versprochen.tracker.testing import make_people
    from versprochen.tracker.validation import DraftData

    store([("Die Stadtbücherei bleibt erhalten.", "kultur", {})])
    people = make_people()
    pledge = Pledge.objects.get()
    reviewers = [people["rudi"], people["mira"]]
    for round_ in range(12):
        drafts = [
            workflow.create_draft(
                people["erika"],
                pledge,
                DraftData(status=status, assessed_on=dt.date(2026, 1, 1), rationale=f"R{round_}"),
                submit=True,
            )
            for status in (Status.GESTOCKT, Status.ERFUELLT)
        ]
        start = threading.Barrier(2)
        failures: list[BaseException] = []

        def publish_one(
            reviewer: Any, draft: Assessment, start: Any, failures: list[BaseException]
        ) -> None:
            try:
                start.wait(timeout=30)
                with transaction.atomic():
                    workflow.publish(reviewer, draft, draft.revision)
            except BaseException as error:  # reported below, in the test's thread
                failures.append(error)
            finally:
                connection.close()

        threads = [
            threading.Thread(target=publish_one, args=(*pair, start, failures))
            for pair in zip(reviewers, drafts, strict=True)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert not failures, failures
        newest = (
            Assessment.objects.filter(pledge=pledge, state="published")
            .order_by("-published_at", "-id")
            .first()
        )
        pledge.refresh_from_db()
        assert newest is not None and pledge.status == newest.status, round_
        assert pledge.status_changed_at == newest.published_at
