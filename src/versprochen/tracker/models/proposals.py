"""A correction that changes what the public sees, waiting for a second pair of eyes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from versprochen.tracker.models.records import Pledge


class ProposalState(models.TextChoices):
    IN_REVIEW = "in_review", _("in Prüfung")
    RETURNED = "returned", _("zurückgegeben")
    PUBLISHED = "published", _("veröffentlicht")


class CorrectionProposal(models.Model):
    """A changed text, "not a pledge", a split or a merge as an editor proposed it.

    Nothing changes on the pledge until a reviewer who is not the author publishes the
    proposal; then the correction is made as the author wrote it (`PledgeCorrection`).
    `payload` holds what the correction needs: {"values": …} (edit), {"note": …}
    (not a pledge), {"first": …, "second": …} (split) or {"other": id} (merge).
    `pledge_revision` is the pledge as the author saw it: a pledge changed since is a
    conflict at publishing. A proposal is never edited: the author proposes anew.
    """

    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="proposals")
    kind = models.CharField(max_length=20)
    payload = models.JSONField(default=dict)
    pledge_revision = models.PositiveIntegerField()
    state = models.CharField(
        max_length=20, choices=ProposalState.choices, default=ProposalState.IN_REVIEW
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    comment = models.TextField(blank=True, default="")
    revision = models.PositiveIntegerField(default=1, help_text="Optimistic locking.")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["state", "created_at"], name="proposal_state")]
