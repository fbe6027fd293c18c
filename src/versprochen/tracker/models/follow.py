"""Visitors who follow a pledge, a document or a body by e-mail.

The address is personal data: it is never shown, never in an open-data export or a
public page; it is kept only while the follow lasts (unsubscribing deletes the row).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowTarget(models.TextChoices):
    PLEDGE = "pledge", _("Versprechen")
    DOCUMENT = "document", _("Dokument")
    BODY = "body", _("Körperschaft")


class Frequency(models.TextChoices):
    DAILY = "daily", _("täglich")
    WEEKLY = "weekly", _("wöchentlich")


class Follow(models.Model):
    """One address following one pledge, document or body; active once confirmed
    (double opt-in: the link in the confirmation mail)."""

    email = models.EmailField(max_length=254)
    target = models.CharField(max_length=10, choices=FollowTarget.choices)
    target_id = models.PositiveBigIntegerField()
    frequency = models.CharField(max_length=10, choices=Frequency.choices)
    # Secret in the confirmation and unsubscribe links (never the address itself).
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    # Changes published after this moment go into the next digest.
    sent_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email", "target", "target_id"], name="follow_unique")
        ]
        indexes = [models.Index(fields=["confirmed_at", "frequency"], name="follow_due")]
