"""Who may do what: roles per body, login attempts (rate limit) and API tokens."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from versprochen.tracker.models.records import Body
from versprochen.tracker.vocabulary import Role


class Membership(models.Model):
    """One role of one person for one body (`body` empty: for every body)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    body = models.ForeignKey(
        Body, on_delete=models.CASCADE, null=True, blank=True, related_name="memberships"
    )
    role = models.CharField(max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["user", "body", "role"]
        constraints = [
            models.UniqueConstraint(fields=["user", "body", "role"], name="membership_unique"),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=models.Q(body=None),
                name="membership_all_bodies_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.role}@{self.body_id or '*'}"


class LoginAttempt(models.Model):
    """A login attempt, kept for the rate limit (and cleared after the window)."""

    username = models.CharField(max_length=150)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(db_index=True)
    succeeded = models.BooleanField(default=False)

    class Meta:
        indexes = [
            models.Index(fields=["username", "at"], name="login_attempt_user"),
            models.Index(fields=["ip", "at"], name="login_attempt_ip"),
        ]


class ApiToken(models.Model):
    """A token for scripts, scoped to some of its owner's bodies; only its hash is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, help_text="The token's first characters, to tell it.")
    key_hash = models.CharField(max_length=64, unique=True)
    bodies = models.ManyToManyField(Body, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["user", "-created_at"]
