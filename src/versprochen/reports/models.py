"""Reports made from frozen snapshots, and program-versus-agreement comparisons.

A `Report` keeps the data it was made from (`snapshot`, canonical JSON, with its
sha256) and what was rendered from it; once published none of that changes, so a
later correction of an assessment never silently changes a published report.

A `Comparison` belongs to one coalition agreement: for each agreement pledge an
`ComparisonItem` with the proposed program pledges (`ComparisonMatch`). An editor
confirms or corrects each item; only confirmed items count on the site, in reports
and in exports.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ReportKind(models.TextChoices):
    YEARLY = "yearly", _("Jahresbilanz")
    MIDTERM = "midterm", _("Halbzeitbilanz")


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PUBLISHED = "published", _("veröffentlicht")


class PublishedReportError(RuntimeError):
    """An attempt to change or delete a published report."""


class Report(models.Model):
    """A yearly review or mid-term evaluation of one body, made from a frozen snapshot."""

    kind = models.CharField(max_length=20, choices=ReportKind.choices)
    body = models.ForeignKey("tracker.Body", on_delete=models.PROTECT, related_name="reports")
    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=300)
    period_start = models.DateField()
    period_end = models.DateField()
    state = models.CharField(max_length=20, choices=ReportState.choices, default=ReportState.DRAFT)
    language = models.CharField(max_length=10, default="de")
    snapshot = models.TextField(help_text="The data the report was made from: canonical JSON.")
    snapshot_sha256 = models.CharField(max_length=64)
    html = models.TextField(default="", help_text="The rendered report (a whole HTML document).")
    pdf = models.BinaryField(default=b"")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ("-period_end", "-id")
        indexes = (models.Index(fields=["state", "body", "period_end"], name="report_published"),)

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("site:report", kwargs={"slug": self.slug})

    @property
    def url(self) -> str:
        return self.get_absolute_url()

    @property
    def published(self) -> bool:
        return self.state == ReportState.PUBLISHED

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = Report.objects.filter(pk=self.pk).values_list("state", flat=True).first()
            if stored == ReportState.PUBLISHED:
                raise PublishedReportError("a published report is never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.published:
            raise PublishedReportError("a published report is never deleted")
        return super().delete(*args, **kwargs)


class Relation(models.TextChoices):
    SAME = "same", _("gleich")
    MODIFIED = "modified", _("verändert")
    NONE = "none", _("kein Bezug")


class ItemState(models.TextChoices):
    PROPOSED = "proposed", _("Vorschlag")
    CONFIRMED = "confirmed", _("bestätigt")


class Comparison(models.Model):
    """Program versus agreement for one coalition agreement."""

    agreement = models.OneToOneField(
        "tracker.Document", on_delete=models.PROTECT, related_name="comparison"
    )
    method = models.CharField(max_length=100, default="", help_text="What made the proposals.")
    proposed_at = models.DateTimeField(null=True, blank=True)
    changed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return str(self.agreement)

    def get_absolute_url(self) -> str:
        return reverse("site:comparison", kwargs={"slug": self.agreement.slug})


class ComparisonProgram(models.Model):
    """A partner's program in a comparison, under the partner's name."""

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="programs")
    document = models.ForeignKey("tracker.Document", on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("comparison", "order", "id")
        constraints = (
            models.UniqueConstraint(fields=["comparison", "document"], name="comparison_program"),
        )

    def __str__(self) -> str:
        return self.name


class ComparisonItem(models.Model):
    """One agreement pledge: its proposed (or confirmed) matches in the programs."""

    comparison = models.ForeignKey(Comparison, on_delete=models.CASCADE, related_name="items")
    pledge = models.ForeignKey("tracker.Pledge", on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=20, choices=ItemState.choices, default=ItemState.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ("comparison", "pledge__number")
        constraints = (
            models.UniqueConstraint(fields=["comparison", "pledge"], name="comparison_item"),
        )

    @property
    def confirmed(self) -> bool:
        return self.state == ItemState.CONFIRMED


class ComparisonMatch(models.Model):
    """A program pledge proposed for (or confirmed as) the origin of an agreement pledge."""

    item = models.ForeignKey(ComparisonItem, on_delete=models.CASCADE, related_name="matches")
    program = models.ForeignKey(ComparisonProgram, on_delete=models.CASCADE, related_name="+")
    pledge = models.ForeignKey("tracker.Pledge", on_delete=models.PROTECT, related_name="+")
    proposed = models.CharField(
        max_length=20,
        choices=Relation.choices,
        blank=True,
        default="",
        help_text="The relation the comparison proposed; empty when an editor added the match.",
    )
    relation = models.CharField(max_length=20, choices=Relation.choices)
    score = models.FloatField(default=0.0)
    rank = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ("item", "rank", "id")
        constraints = (models.UniqueConstraint(fields=["item", "pledge"], name="comparison_match"),)
