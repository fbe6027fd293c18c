# ruff: noqa: RUF012  (Django Meta lists, as tracker/models; see pyproject per-file-ignores)
"""The coalition wing's records: coalitions, their members, council bodies and meetings,
motions, papers with the partners' positions, and the append-only decision log.

Everything here is internal to the partners; only an item a partner published
(`published_at`) reaches a public page. Council bodies and meetings are kept here
with an optional OParl id: once the OParl wing's organizations and meetings are
synced they can be linked by that id.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from versprochen.coalition.rules import RuleSet, parse
from versprochen.coalition.vocabulary import (
    BodyKind,
    ExceptionReason,
    Filing,
    LogKind,
    MemberRole,
    MotionKind,
    MotionState,
    PaperOrigin,
    PaperOutcome,
    Resolution,
    Result,
    Stance,
)
from versprochen.tracker.models import Actor, Body, Document, Pledge

USER = settings.AUTH_USER_MODEL


class Coalition(models.Model):
    """The partners of one agreement in one body, with their rule set."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="coalitions")
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    partners = models.ManyToManyField(Actor, related_name="coalitions")
    term_start = models.DateField()
    term_end = models.DateField()
    agreement = models.ForeignKey(
        Document, on_delete=models.PROTECT, null=True, blank=True, related_name="coalitions"
    )
    rules_origin = models.CharField(max_length=300, help_text="preset:NAME or the file's name.")
    rules_data = models.JSONField(help_text="The rule file as read (see coalition/rules.py).")
    reminder_days = models.JSONField(
        default=list, help_text="Days before a deadline a reminder is mailed, e.g. [7, 1]."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["body__name", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def rules(self) -> RuleSet:
        return parse(self.rules_data, self.rules_origin)


class Membership(models.Model):
    """A person acting for one partner of a coalition; `coordination`: in the
    coordination group (capped per partner by rule 7)."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="coalition_memberships")
    partner = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    coordination = models.BooleanField(default=False)
    calendar_key_hash = models.CharField(max_length=64, blank=True, default="", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["coalition", "partner", "user"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "user"], name="coalition_member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.coalition_id}/{self.partner_id}"


class CouncilBody(models.Model):
    """A body motions go to: the council, a committee, a district council, a company board;
    with its submission deadline in days before a meeting."""

    coalition = models.ForeignKey(
        Coalition, on_delete=models.CASCADE, related_name="council_bodies"
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=BodyKind.choices)
    submission_days = models.PositiveSmallIntegerField(
        default=10, help_text="Submission deadline: days before the meeting."
    )
    oparl_id = models.URLField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["coalition", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["coalition", "name"], name="council_body_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Meeting(models.Model):
    """A session of a council body."""

    council_body = models.ForeignKey(CouncilBody, on_delete=models.CASCADE, related_name="meetings")
    date = models.DateField()
    oparl_id = models.URLField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["date", "council_body__name"]
        constraints = [
            models.UniqueConstraint(fields=["council_body", "date"], name="meeting_unique")
        ]

    def __str__(self) -> str:
        return f"{self.council_body.name}, {self.date:%d.%m.%Y}"


class Motion(models.Model):
    """A motion the partners file jointly or one partner alone, with its state."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="motions")
    title = models.CharField(max_length=300)
    text = models.TextField()
    kind = models.CharField(max_length=10, choices=MotionKind.choices, default=MotionKind.JOINT)
    filing = models.CharField(max_length=20, choices=Filing.choices, default=Filing.MOTION)
    council_body = models.ForeignKey(CouncilBody, on_delete=models.PROTECT, related_name="motions")
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, null=True, blank=True, related_name="motions"
    )
    author_partner = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+")
    pledges = models.ManyToManyField(Pledge, blank=True, related_name="coalition_motions")
    joint_attempt = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="The documented attempt at a joint motion before an own one (rule 2).",
    )
    with_other_parties = models.BooleanField(default=False)
    state = models.CharField(max_length=20, choices=MotionState.choices, default=MotionState.DRAFT)
    proposed_on = models.DateField(null=True, blank=True)
    submitted_on = models.DateField(null=True, blank=True)
    late_days = models.PositiveSmallIntegerField(default=0, help_text="Days the proposal was late.")
    resolution = models.CharField(max_length=30, choices=Resolution.choices, blank=True, default="")
    result = models.CharField(max_length=20, choices=Result.choices, blank=True, default="")
    decided_on = models.DateField(null=True, blank=True)
    oparl_paper_id = models.URLField(max_length=500, blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    changed_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    changed_at = models.DateTimeField(auto_now=True)
    revision = models.PositiveIntegerField(default=1, help_text="Optimistic locking.")

    class Meta:
        ordering = ["-changed_at", "-id"]
        indexes = [models.Index(fields=["coalition", "state"], name="motion_state")]

    def __str__(self) -> str:
        return self.title


class Paper(models.Model):
    """A paper before a meeting the partners take positions on: the administration's
    (Vorlage) or another group's motion."""

    coalition = models.ForeignKey(Coalition, on_delete=models.CASCADE, related_name="papers")
    title = models.CharField(max_length=300)
    reference = models.CharField(max_length=100, blank=True, default="")
    origin = models.CharField(
        max_length=20, choices=PaperOrigin.choices, default=PaperOrigin.ADMINISTRATION
    )
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="papers")
    outcome = models.CharField(
        max_length=20, choices=PaperOutcome.choices, default=PaperOutcome.OPEN
    )
    exception = models.CharField(
        max_length=20, choices=ExceptionReason.choices, blank=True, default=""
    )
    escalated = models.BooleanField(default=False)
    resolution = models.CharField(max_length=30, choices=Resolution.choices, blank=True, default="")
    oparl_id = models.URLField(max_length=500, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["meeting__date", "title"]

    def __str__(self) -> str:
        return self.title


class Position(models.Model):
    """One partner's position on a paper."""

    paper = models.ForeignKey(Paper, on_delete=models.CASCADE, related_name="positions")
    partner = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+")
    stance = models.CharField(max_length=20, choices=Stance.choices)
    note = models.TextField(blank=True, default="")
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["paper", "partner__name"]
        constraints = [models.UniqueConstraint(fields=["paper", "partner"], name="position_unique")]


class AppendOnly(RuntimeError):
    """An attempt to change or delete an entry of the decision log."""


class LogQuerySet(models.QuerySet["LogEntry"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnly("the decision log is append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnly("the decision log is append-only")


class LogEntry(models.Model):
    """One entry of the decision log (rule 11): who, when, what, on which motion or
    paper, under which rule. Never changed or deleted."""

    coalition = models.ForeignKey(Coalition, on_delete=models.PROTECT, related_name="log")
    at = models.DateTimeField(default=timezone.now, db_index=True)
    user = models.ForeignKey(USER, on_delete=models.PROTECT, null=True, related_name="+")
    username = models.CharField(max_length=150)
    partner = models.ForeignKey(
        Actor, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=LogKind.choices)
    rule = models.PositiveSmallIntegerField(null=True, blank=True)
    motion = models.ForeignKey(
        Motion, on_delete=models.PROTECT, null=True, blank=True, related_name="log"
    )
    paper = models.ForeignKey(
        Paper, on_delete=models.PROTECT, null=True, blank=True, related_name="log"
    )
    text = models.TextField(blank=True, default="")
    procedure = models.TextField(blank=True, default="")
    reason = models.CharField(max_length=30, blank=True, default="")
    published_at = models.DateTimeField(null=True, blank=True)

    objects = LogQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        ordering = ["-at", "-id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        # Publishing is the one change an entry may get (it adds, never alters).
        if self.pk is not None and set(kwargs.get("update_fields") or ()) != {"published_at"}:
            raise AppendOnly("the decision log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnly("the decision log is append-only")


class ReminderSent(models.Model):
    """A reminder or digest mailed, so that a job run twice mails once."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    sent_on = models.DateField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["membership", "key"], name="reminder_once")]
