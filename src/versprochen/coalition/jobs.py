"""The coalition wing's jobs: daily reminders and the weekly digest (found by
`versprochen.jobs.registry.discover`)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from versprochen.coalition import reminders
from versprochen.jobs import JobContext, enqueue, job, schedule


def _base_url() -> str:
    return str(settings.VERSPROCHEN_PUBLIC_URL).rstrip("/")


def _day(on: str | None) -> dt.date:
    return dt.date.fromisoformat(on) if on else timezone.localdate()


@job("coalition.reminders")
def reminders_job(ctx: JobContext, *, on: str | None = None) -> str:
    with transaction.atomic():
        sent = reminders.send_reminders(_day(on), _base_url(), ctx.progress)
    return f"{sent} reminders sent"


@job("coalition.digest")
def digest_job(ctx: JobContext, *, on: str | None = None) -> str:
    with transaction.atomic():
        sent = reminders.send_digest(_day(on), _base_url(), ctx.progress)
    return f"{sent} digests sent"


@schedule("coalition.reminders.daily", hour=6)
def daily_reminders() -> None:
    enqueue("coalition.reminders", label="Erinnerungen an Fristen")


@schedule("coalition.digest.weekly", hour=6, minute=30, weekday=0)
def weekly_digest() -> None:
    enqueue("coalition.digest", label="Wochenübersicht der Kooperationen")
