"""The council wing's tables: systems, the raw payload store, the mapped OParl objects, errors.

Two layers. `Payload` keeps every object exactly as the server sent it; the
mapped tables (`Paper`, `Meeting`, …) are derived from the payloads and can be
rebuilt from them at any time (`versprochen oparl remap`). Ids are the OParl id
URLs as they come: they are what the council system, other tools and the open
data share.

A mapped row can be a placeholder: an object that another object refers to but
that was never received (not yet, or the server cannot deliver it). It carries
only its id and becomes a full row when its payload is mapped.
"""

from __future__ import annotations

from typing import Any

from django.db import models

# OParl ids are URLs; real servers produce long ones (file ids with base64 tokens).
ID_LENGTH = 1000


class System(models.Model):
    """One council information system (its OParl System object) followed for one body."""

    url = models.CharField(max_length=ID_LENGTH, unique=True)
    body = models.ForeignKey("tracker.Body", on_delete=models.PROTECT, related_name="oparl_systems")
    # The OParl Body object of the tracker body within the system.
    body_url = models.CharField(max_length=ID_LENGTH, blank=True, default="")
    # `oparlVersion` as the System states it, e.g. "https://schema.oparl.org/1.0/".
    oparl_version = models.CharField(max_length=200, blank=True, default="")
    name = models.CharField(max_length=500, blank=True, default="")
    # When the last sync that reached its end started: the next `modified_since`.
    last_success = models.DateTimeField(null=True, blank=True)
    last_full = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ("body__name", "url")

    def __str__(self) -> str:
        return self.url

    @property
    def version(self) -> str:
        """ "1.0" or "1.1" (anything that is not 1.0 is read as 1.1)."""
        return "1.0" if "/1.0" in self.oparl_version else "1.1"


class SyncRun(models.Model):
    """One pass over a system; an unfinished run holds the cursor a new run resumes from."""

    class State(models.TextChoices):
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="runs")
    full = models.BooleanField(default=False)
    state = models.CharField(max_length=10, choices=State.choices, default=State.RUNNING)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    # The `modified_since` of this run (null: everything).
    since = models.DateTimeField(null=True, blank=True)
    # Where the run is: lists done, the next page of the current list, files done.
    cursor = models.JSONField(default=dict, blank=True)
    counts = models.JSONField(default=dict, blank=True)
    summary = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        ordering = ("-started_at", "-id")

    def __str__(self) -> str:
        return f"{self.system} {self.started_at:%Y-%m-%d %H:%M} {self.state}"


class Payload(models.Model):
    """One OParl object as received; embedded objects (OParl 1.0) are cut out into their own."""

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="payloads")
    url = models.CharField(max_length=ID_LENGTH)
    # The short type name ("Paper", "File", …) from the object's `type`.
    object_type = models.CharField(max_length=40, db_index=True)
    # The object this one was embedded in, "" for an object received on its own.
    parent_url = models.CharField(max_length=ID_LENGTH, blank=True, default="")
    parent_type = models.CharField(max_length=40, blank=True, default="")
    # The JSON text of the object as received (embedded objects replaced by their ids).
    text = models.TextField()
    sha256 = models.CharField(max_length=64)
    # The sha256 of the text last mapped into the tables; differs while mapping is due.
    mapped_sha256 = models.CharField(max_length=64, blank=True, default="")
    fetched_at = models.DateTimeField()
    http_status = models.PositiveSmallIntegerField(null=True, blank=True)
    etag = models.CharField(max_length=300, blank=True, default="")
    last_modified = models.CharField(max_length=100, blank=True, default="")

    class Meta:
        constraints = (
            models.UniqueConstraint(fields=("system", "url"), name="oparl_payload_unique_url"),
        )

    def __str__(self) -> str:
        return self.url


class OParlObject(models.Model):
    """What every mapped object has."""

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="+")
    body = models.ForeignKey("tracker.Body", on_delete=models.CASCADE, related_name="+")
    oparl_id = models.CharField(max_length=ID_LENGTH)
    deleted = models.BooleanField(default=False)
    # Referenced by another object but never received (see the module's docstring).
    placeholder = models.BooleanField(default=False)
    created = models.DateTimeField(null=True, blank=True)
    modified = models.DateTimeField(null=True, blank=True)
    web = models.CharField(max_length=ID_LENGTH, blank=True, default="")

    class Meta:
        abstract = True

    def __str__(self) -> str:
        name: Any = getattr(self, "name", "")
        return str(name or self.oparl_id)


def _unique(model: str) -> tuple[models.UniqueConstraint]:
    return (
        models.UniqueConstraint(fields=("system", "oparl_id"), name=f"oparl_{model}_unique_id"),
    )


class LegislativeTerm(OParlObject):
    name = models.CharField(max_length=500, blank=True, default="")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique("legislativeterm")


class Location(OParlObject):
    description = models.TextField(blank=True, default="")
    street_address = models.CharField(max_length=500, blank=True, default="")
    room = models.CharField(max_length=500, blank=True, default="")
    postal_code = models.CharField(max_length=20, blank=True, default="")
    locality = models.CharField(max_length=200, blank=True, default="")
    geojson = models.JSONField(null=True, blank=True)

    class Meta:
        constraints = _unique("location")

    def __str__(self) -> str:
        return self.description or self.street_address or self.oparl_id


class Organization(OParlObject):
    name = models.CharField(max_length=500, blank=True, default="")
    short_name = models.CharField(max_length=200, blank=True, default="")
    organization_type = models.CharField(max_length=200, blank=True, default="")
    classification = models.CharField(max_length=200, blank=True, default="")
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    website = models.CharField(max_length=ID_LENGTH, blank=True, default="")

    class Meta:
        constraints = _unique("organization")


class Person(OParlObject):
    name = models.CharField(max_length=500, blank=True, default="")
    family_name = models.CharField(max_length=200, blank=True, default="")
    given_name = models.CharField(max_length=200, blank=True, default="")
    form_of_address = models.CharField(max_length=100, blank=True, default="")
    title = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = _unique("person")


class Membership(OParlObject):
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    on_behalf_of = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    role = models.CharField(max_length=300, blank=True, default="")
    voting_right = models.BooleanField(null=True, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)

    class Meta:
        constraints = _unique("membership")

    def __str__(self) -> str:
        return self.role or self.oparl_id


class File(OParlObject):
    name = models.CharField(max_length=500, blank=True, default="")
    file_name = models.CharField(max_length=500, blank=True, default="")
    mime_type = models.CharField(max_length=200, blank=True, default="")
    date = models.DateField(null=True, blank=True)
    access_url = models.CharField(max_length=ID_LENGTH, blank=True, default="")
    download_url = models.CharField(max_length=ID_LENGTH, blank=True, default="")
    # As the server states them (OParl `size`, `sha1Checksum`, `sha512Checksum`).
    size = models.BigIntegerField(null=True, blank=True)
    sha512 = models.CharField(max_length=128, blank=True, default="")
    # What the last download gave: the bytes' hash and the validators for re-downloading.
    sha256 = models.CharField(max_length=64, blank=True, default="")
    etag = models.CharField(max_length=300, blank=True, default="")
    last_modified = models.CharField(max_length=100, blank=True, default="")
    downloaded_sha512 = models.CharField(max_length=128, blank=True, default="")
    downloaded_at = models.DateTimeField(null=True, blank=True)
    # What the last download attempt was for (access URL, `modified`, checksum): a new
    # attempt is due only when it changes, or in a full sync.
    fetched_for = models.CharField(max_length=ID_LENGTH + 200, blank=True, default="")
    # The extracted text ("" until extracted or when it cannot be).
    text = models.TextField(blank=True, default="")
    text_error = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        constraints = _unique("file")


class FileContent(models.Model):
    """The downloaded bytes of a file, apart from the row so that lists stay light."""

    file = models.OneToOneField(File, on_delete=models.CASCADE, related_name="content")
    data = models.BinaryField()
    sha256 = models.CharField(max_length=64)

    def __str__(self) -> str:
        return self.sha256


class Meeting(OParlObject):
    name = models.CharField(max_length=500, blank=True, default="")
    meeting_state = models.CharField(max_length=200, blank=True, default="")
    cancelled = models.BooleanField(null=True, blank=True)
    start = models.DateTimeField(null=True, blank=True)
    end = models.DateTimeField(null=True, blank=True)
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    organizations = models.ManyToManyField(Organization, blank=True, related_name="meetings")
    invitation = models.ForeignKey(
        File, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    results_protocol = models.ForeignKey(
        File, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verbatim_protocol = models.ForeignKey(
        File, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    auxiliary_files = models.ManyToManyField(File, blank=True, related_name="meetings")

    class Meta:
        constraints = _unique("meeting")
        ordering = ("start", "id")


class Paper(OParlObject):
    name = models.TextField(blank=True, default="")
    reference = models.CharField(max_length=200, blank=True, default="")
    paper_type = models.CharField(max_length=200, blank=True, default="")
    date = models.DateField(null=True, blank=True)
    # Links to other papers as OParl ids (the other paper may not be synced).
    superordinated = models.JSONField(default=list, blank=True)
    subordinated = models.JSONField(default=list, blank=True)
    related = models.JSONField(default=list, blank=True)
    # Originators and directing organizations as OParl ids.
    originator_persons = models.JSONField(default=list, blank=True)
    originator_organizations = models.JSONField(default=list, blank=True)
    under_direction_of = models.JSONField(default=list, blank=True)
    main_file = models.ForeignKey(
        File, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    auxiliary_files = models.ManyToManyField(File, blank=True, related_name="papers")

    class Meta:
        constraints = _unique("paper")
        ordering = ("-date", "id")


class AgendaItem(OParlObject):
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )
    number = models.CharField(max_length=100, blank=True, default="")
    order = models.IntegerField(null=True, blank=True)
    name = models.TextField(blank=True, default="")
    public = models.BooleanField(null=True, blank=True)
    result = models.CharField(max_length=500, blank=True, default="")
    resolution_text = models.TextField(blank=True, default="")
    consultation = models.ForeignKey(
        "Consultation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The paper dealt with: through the consultation, or named directly by some servers.
    paper = models.ForeignKey(
        Paper, null=True, blank=True, on_delete=models.SET_NULL, related_name="agenda_items"
    )

    class Meta:
        constraints = _unique("agendaitem")
        ordering = ("meeting_id", "order", "id")


class Consultation(OParlObject):
    paper = models.ForeignKey(
        Paper, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations"
    )
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="consultations"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    organizations = models.ManyToManyField(Organization, blank=True, related_name="+")
    role = models.CharField(max_length=300, blank=True, default="")
    authoritative = models.BooleanField(null=True, blank=True)

    class Meta:
        constraints = _unique("consultation")

    def __str__(self) -> str:
        return self.role or self.oparl_id


class SyncError(models.Model):
    """Something a sync could not read, with the URL and a one-line reason."""

    class Kind(models.TextChoices):
        TIMEOUT = "timeout", "timeout"
        HTTP = "http", "HTTP error"
        BROKEN_JSON = "broken_json", "broken JSON"
        WRONG_TYPE = "wrong_type", "wrong type"
        TOO_LARGE = "too_large", "too large"
        MISSING = "missing", "missing object"
        BAD_FILE = "bad_file", "bad file"

    system = models.ForeignKey(System, on_delete=models.CASCADE, related_name="errors")
    run = models.ForeignKey(
        SyncRun, null=True, blank=True, on_delete=models.CASCADE, related_name="errors"
    )
    url = models.CharField(max_length=ID_LENGTH)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    reason = models.CharField(max_length=500)
    at = models.DateTimeField()

    class Meta:
        ordering = ("-at", "-id")

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


# Mapped models by the short OParl type name.
MAPPED: dict[str, type[OParlObject]] = {
    "LegislativeTerm": LegislativeTerm,
    "Location": Location,
    "Organization": Organization,
    "Person": Person,
    "Membership": Membership,
    "File": File,
    "Meeting": Meeting,
    "Paper": Paper,
    "AgendaItem": AgendaItem,
    "Consultation": Consultation,
}

# The links of pledges to papers (their own module, loaded here so that Django sees them).
from versprochen.oparl.models_links import Suggestion  # noqa: E402, F401
