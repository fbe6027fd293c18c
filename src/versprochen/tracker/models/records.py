"""The tracker's records, named after the domain words of design.md.

A pledge's current status is its latest published assessment (`offen` when none);
`Pledge.status` keeps a copy of it for filtering and is only written by
`versprochen.tracker.assessments`. Published assessments are append-only.
Fields marked *internal* never reach a public page or the API.
"""

from __future__ import annotations

from typing import Any, TypeVar
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models

from versprochen.tracker.vocabulary import (
    AREA_CHOICES,
    CAP_CHOICES,
    AssessmentState,
    DocumentKind,
    EvidenceKind,
    Exclusion,
    PledgeKind,
    PledgeOrigin,
    Status,
)


class Body(models.Model):
    """A municipality or district."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    ags = models.CharField("AGS", max_length=12, blank=True, default="")
    oparl_id = models.URLField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Actor(models.Model):
    """A party, group or coalition that authors documents."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    oparl_id = models.URLField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """One source: a program, a coalition agreement or another document, in its latest version.

    Its identity is body, kind, authors and term: importing a file with the same
    identity makes a new version (`SourceFile`) of the same document.
    """

    slug = models.SlugField(max_length=200, unique=True)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=30, choices=DocumentKind.choices)
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="documents")
    authors = models.ManyToManyField(Actor, related_name="documents")
    identity = models.CharField(max_length=500, unique=True, editable=False)
    term_start = models.PositiveSmallIntegerField(null=True, blank=True)
    term_end = models.PositiveSmallIntegerField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    source_url = models.URLField(
        max_length=1000, blank=True, default="", help_text="Where the document was published."
    )
    # Derived from the current source file:
    source = models.ForeignKey("SourceFile", on_delete=models.PROTECT, null=True, related_name="+")
    text = models.TextField(default="", help_text="The cleaned text of the current version.")
    format = models.CharField(max_length=20, default="")
    pipeline = models.CharField(max_length=300, default="")
    page_count = models.PositiveIntegerField(default=1)
    # Counts of current pledges by status and area, rewritten with the document.
    tally = models.JSONField(default=dict)
    imported_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        ordering = ["body__name", "-date", "title"]

    def __str__(self) -> str:
        return self.title


class SourceFile(models.Model):
    """A file as it was received, with its hash; every version of a document is kept."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="sources")
    version = models.PositiveIntegerField()
    filename = models.CharField(max_length=300)
    data = models.BinaryField()
    sha256 = models.CharField(max_length=64, db_index=True)
    size = models.PositiveBigIntegerField()
    pipeline = models.CharField(max_length=300)
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "version"]
        constraints = [
            models.UniqueConstraint(fields=["document", "version"], name="source_version_unique"),
        ]


class Section(models.Model):
    """A heading of a document with its place in the outline (of the current version)."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="sections")
    index = models.PositiveIntegerField()
    title = models.CharField(max_length=500)
    level = models.PositiveSmallIntegerField()
    page = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    parent = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, related_name="+")
    restored = models.BooleanField(default=False)

    class Meta:
        ordering = ["document", "index"]
        constraints = [
            models.UniqueConstraint(fields=["document", "index"], name="section_index_unique"),
        ]


class Pledge(models.Model):
    """One commitment of a document, with the coding of the extraction.

    A pledge that a new version of its document no longer contains is kept with
    `gone_in` set (and its assessments); it leaves the public lists. So does one an
    editor marked as not a pledge or merged into another (`excluded`): `current` is
    what the public lists show.
    """

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="pledges", db_index=False
    )
    # Denormalised from the document for filtering without a join.
    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="pledges", db_index=False)
    number = models.PositiveIntegerField(help_text="Order in the document (1, 2, ...).")
    text = models.TextField()
    section = models.ForeignKey(
        Section, on_delete=models.SET_NULL, null=True, blank=True, related_name="pledges"
    )
    area = models.CharField(max_length=40, choices=AREA_CHOICES)
    cap = models.PositiveSmallIntegerField(choices=CAP_CHOICES)
    kind = models.CharField(max_length=20, choices=PledgeKind.choices)
    testable = models.BooleanField()
    quantities = models.JSONField(default=list)
    places = models.JSONField(default=list)
    pipeline = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OFFEN)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    current = models.BooleanField(default=True, help_text="False once a new version dropped it.")
    gone_in = models.ForeignKey(
        SourceFile, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # The editorial workflow:
    extracted_text = models.TextField(
        default="", help_text="The text as the extraction found it; a re-import matches on it."
    )
    corrected = models.JSONField(
        default=list, help_text="Fields an editor corrected; a re-import keeps their values."
    )
    origin = models.CharField(
        max_length=20, choices=PledgeOrigin.choices, default=PledgeOrigin.EXTRACTION
    )
    excluded = models.CharField(
        max_length=20, choices=Exclusion.choices, default=Exclusion.NONE, blank=True
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged"
    )
    revision = models.PositiveIntegerField(default=1, help_text="Optimistic locking.")
    # Null (not a default) so that SQLite adds the column without rebuilding the table.
    gone_section = models.CharField(
        max_length=500,
        null=True,
        blank=True,
        help_text="The section a gone pledge stood in, in the version before `gone_in`.",
    )

    class Meta:
        ordering = ["document", "number"]
        indexes = [
            # Each filter with the list's order (document, number); `current` is checked
            # on the rows read, as nearly every pledge is current.
            models.Index(fields=["document", "number"], name="pledge_doc_order"),
            models.Index(fields=["body", "document", "number"], name="pledge_body"),
            models.Index(fields=["area", "document", "number"], name="pledge_area"),
            models.Index(fields=["status", "document", "number"], name="pledge_status"),
            models.Index(fields=["cap", "document", "number"], name="pledge_cap"),
            models.Index(fields=["kind", "document", "number"], name="pledge_kind"),
            models.Index(fields=["status_changed_at"], name="pledge_status_changed"),
        ]

    def __str__(self) -> str:
        return self.text[:80]


class PledgePlace(models.Model):
    """A place a pledge names, case-folded: the place filter reads this index, not the pledges."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="place_keys")
    key = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["key", "pledge"], name="pledge_place_key")]


class Mention(models.Model):
    """One place where a pledge stands: page and character span in the cleaned text."""

    pledge = models.ForeignKey(Pledge, on_delete=models.CASCADE, related_name="mentions")
    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="mentions")
    text = models.TextField()
    page = models.PositiveIntegerField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["document", "start"]
        indexes = [models.Index(fields=["document", "start"], name="mention_doc_start")]


def is_web_address(url: str) -> bool:
    """An http or https URL with a host (and no control characters): safe as a link."""
    if not url or any(ord(c) < 32 or ord(c) == 127 for c in url):
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class AppendOnlyError(RuntimeError):
    """An attempt to change or delete a published assessment."""


_Record = TypeVar("_Record", bound=models.Model)


class _PublishedIsFinal(models.QuerySet[_Record]):
    """Bulk `update()` and `delete()` that refuse to touch rows of a published assessment."""

    # The lookup that finds such rows, and what the error calls them.
    published: dict[str, Any]
    what: str

    def _refuse_published(self, action: str) -> None:
        if self.filter(**self.published).exists():
            raise AppendOnlyError(f"{self.what} is never {action}")

    def update(self, **kwargs: Any) -> int:
        self._refuse_published("changed")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        self._refuse_published("deleted")
        return super().delete()


class AssessmentQuerySet(_PublishedIsFinal["Assessment"]):
    """Bulk `update()` and `delete()` refuse to touch published assessments; a merge moves
    them to another pledge with `move_to` (nothing else of them changes). Migration 0005
    adds the same rule as database triggers, for SQL that bypasses this."""

    published = {"state": AssessmentState.PUBLISHED}
    what = "a published assessment"

    def move_to(self, pledge: Pledge) -> int:
        """The assessments (published ones too) now belong to `pledge`: a merge."""
        # Past the refusal: a merge moves published assessments without changing them.
        return models.QuerySet.update(self, pledge=pledge)


class EvidenceQuerySet(_PublishedIsFinal["Evidence"]):
    """Evidence of a published assessment is part of it: never changed or deleted."""

    published = {"assessment__state": AssessmentState.PUBLISHED}
    what = "the evidence of a published assessment"


class Assessment(models.Model):
    """One dated judgement of a pledge's status. Published ones are never changed or deleted."""

    pledge = models.ForeignKey(Pledge, on_delete=models.PROTECT, related_name="assessments")
    status = models.CharField(max_length=20, choices=Status.choices)
    rationale = models.TextField(blank=True, default="")
    assessed_on = models.DateField()
    state = models.CharField(
        max_length=20, choices=AssessmentState.choices, default=AssessmentState.DRAFT
    )
    published_at = models.DateTimeField(null=True, blank=True, db_index=True)
    note = models.TextField(blank=True, default="", help_text="Internal: never public.")
    created_at = models.DateTimeField(auto_now_add=True)
    reason = models.TextField(
        blank=True, default="", help_text="Why the pledge cannot be assessed (nicht_bewertbar)."
    )
    author = models.ForeignKey(
        "auth.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=1, help_text="Optimistic locking.")
    changed_at = models.DateTimeField(auto_now=True)
    changed_by = models.ForeignKey(
        "auth.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    reviewer = models.ForeignKey(
        "auth.User", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Everyone who ever wrote or changed the draft's content: none of them reviews it.
    contributors = models.ManyToManyField("auth.User", blank=True, related_name="+")

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        ordering = ["pledge", "published_at", "id"]
        indexes = [
            models.Index(fields=["pledge", "state", "published_at"], name="assessment_pledge"),
            models.Index(fields=["state", "published_at"], name="assessment_published"),
        ]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            stored = Assessment.objects.filter(pk=self.pk).values_list("state", flat=True).first()
            if stored == AssessmentState.PUBLISHED:
                raise AppendOnlyError("a published assessment is never changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.state == AssessmentState.PUBLISHED:
            raise AppendOnlyError("a published assessment is never deleted")
        return super().delete(*args, **kwargs)


class Evidence(models.Model):
    """A council paper, decision, press article or statement supporting an assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=20, choices=EvidenceKind.choices)
    title = models.CharField(max_length=500)
    url = models.URLField(max_length=1000, blank=True, default="")
    date = models.DateField(null=True, blank=True)
    quote = models.TextField(blank=True, default="")
    oparl_id = models.URLField(max_length=500, blank=True, default="")

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        base_manager_name = "objects"
        ordering = ["assessment", "date", "id"]

    @property
    def link(self) -> str:
        """The URL when it may be a link (http or https with a host), else ""."""
        return self.url if is_web_address(self.url) else ""

    def _published(self) -> bool:
        ids = {self.assessment_id}
        if self.pk is not None:
            stored = Evidence.objects.filter(pk=self.pk).values_list("assessment_id", flat=True)
            ids.update(stored)
        return Assessment.objects.filter(pk__in=ids, state=AssessmentState.PUBLISHED).exists()

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self._published():
            raise AppendOnlyError("a published assessment's evidence is never changed")
        if self.url and not is_web_address(self.url):
            raise ValidationError({"url": f"not an http(s) address: {self.url[:60]!r}"})
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self._published():
            raise AppendOnlyError("a published assessment's evidence is never deleted")
        return super().delete(*args, **kwargs)
