"""The editorial history: review comments, corrections of the extraction, the audit log.

All three are append-only: rows are added, never changed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from versprochen.tracker.models.records import Assessment, Body, Pledge
from versprochen.tracker.vocabulary import CorrectionKind


class ReviewComment(models.Model):
    """A reviewer's comment on returning a draft. Internal: never public."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assessment", "created_at", "id"]


class PledgeCorrection(models.Model):
    """One correction of a pledge by an editor: which fields changed from what to what.

    `changes` is {field: [before, after]}; `related` is the other pledge of a split
    (the new one) or a merge (the one merged into this). Kept across re-imports and
    exported (without the author).
    """

    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="corrections")
    kind = models.CharField(max_length=20, choices=CorrectionKind.choices)
    changes = models.JSONField(default=dict)
    related = models.ForeignKey(
        Pledge, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    note = models.TextField(blank=True, default="")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["pledge", "created_at", "id"]


class AuditEntry(models.Model):
    """Who did what when, with the record before and after. Only admins see it."""

    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    username = models.CharField(max_length=150, help_text="Kept if the account goes.")
    action = models.CharField(max_length=50)
    object_type = models.CharField(max_length=50)
    object_id = models.CharField(max_length=50, blank=True, default="")
    body = models.ForeignKey(Body, on_delete=models.SET_NULL, null=True, related_name="+")
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["at"], name="audit_at"),
            models.Index(fields=["body", "at"], name="audit_body_at"),
        ]
