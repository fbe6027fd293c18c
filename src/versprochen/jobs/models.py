"""What a user sees of a job (`Job`), the runs of periodic work (`ScheduleRun`), and
files waiting for their extraction (`Upload`)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("wartet")
    RUNNING = "running", _("läuft")
    DONE = "done", _("fertig")
    FAILED = "failed", _("fehlgeschlagen")


class Job(models.Model):
    """One run of a job kind with its parameters; the queue entry itself is django-tasks'."""

    kind = models.CharField(max_length=100, db_index=True)
    # The module that registers the kind, imported by a worker that has not seen it yet.
    handler = models.CharField(max_length=300, default="")
    params = models.JSONField(default=dict)
    label = models.CharField(max_length=300, default="")
    state = models.CharField(
        max_length=10, choices=JobState.choices, default=JobState.QUEUED, db_index=True
    )
    progress_done = models.PositiveIntegerField(default=0)
    progress_total = models.PositiveIntegerField(default=0)
    message = models.CharField(max_length=500, default="")
    error = models.CharField(max_length=500, default="")
    result = models.TextField(default="")
    body = models.ForeignKey(
        "tracker.Body", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A running job whose heartbeat stops (its worker died) is queued again.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    worker_id = models.CharField(max_length=64, default="", blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The django-tasks result row that runs it; empty for a job run inline (`run_now`).
    task_id = models.CharField(max_length=64, default="", blank=True)

    class Meta:
        ordering = ("-created_at", "-id")
        indexes = (models.Index(fields=["state", "heartbeat_at"], name="job_state_heartbeat"),)

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk}"

    @property
    def finished(self) -> bool:
        return self.state in (JobState.DONE, JobState.FAILED)

    @property
    def percent(self) -> int | None:
        if not self.progress_total:
            return None
        return min(100, round(100 * self.progress_done / self.progress_total))


class ScheduleRun(models.Model):
    """A periodic schedule's run in one period: the unique row makes one worker its runner."""

    name = models.CharField(max_length=100)
    period = models.CharField(max_length=40)
    ran_at = models.DateTimeField(auto_now_add=True)
    error = models.CharField(max_length=500, default="", blank=True)

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=["name", "period"], name="schedule_run_once"),
        )


class Upload(models.Model):
    """A file an editor uploaded, stored at once; its extraction runs as a job."""

    filename = models.CharField(max_length=300)
    data = models.BinaryField()
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField()
    # What the form said about the document (body, kind, authors, term, date, title).
    info = models.JSONField(default=dict)
    body = models.ForeignKey("tracker.Body", on_delete=models.PROTECT, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    job = models.OneToOneField(
        Job, on_delete=models.SET_NULL, null=True, blank=True, related_name="upload"
    )
    # Set in the same transaction that stores the extraction: a re-run sees it is done.
    document = models.ForeignKey(
        "tracker.Document", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ("-uploaded_at", "-id")
