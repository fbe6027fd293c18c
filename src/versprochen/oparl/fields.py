"""What each OParl type's payload gives its mapped row: field values and many-to-many links.

Pure functions of the payload's JSON (and a `Refs` that turns referenced ids
into row ids); `mapping` writes. Every value passes the adapters for blanks,
single values in lists and lists for single values.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.utils import timezone

from versprochen.oparl.adapters import as_list, as_one, blank, clean_text


class Refs(Protocol):
    def ref(self, object_type: str, value: Any) -> int | None:
        """The row id of the referenced object (a placeholder when it is not known yet)."""

    def refs(self, object_type: str, value: Any) -> list[int]:
        """The row ids of a list of references."""


@dataclass
class Mapped:
    """What one payload sets: fields of the row and the many-to-many links."""

    fields: dict[str, Any]
    links: dict[str, list[int]] = field(default_factory=dict)


def when(value: Any) -> dt.datetime | None:
    """A date-time; naive ones are in the council's (the project's) time zone."""
    value = as_one(value)
    if blank(value) or not isinstance(value, str):
        return None
    text = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


def day(value: Any) -> dt.date | None:
    value = as_one(value)
    if blank(value) or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def flag(value: Any) -> bool | None:
    value = as_one(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def number(value: Any, limit: int = 2**31 - 1) -> int | None:
    """An integer that fits its column (an order: 32 bits; a size: `limit` 2**63 - 1)."""
    value = as_one(value)
    if isinstance(value, bool) or blank(value):
        return None
    try:
        result = int(str(value).strip())
    except ValueError:
        return None
    return result if -limit <= result <= limit else None


def geometry(value: Any) -> dict[str, Any] | None:
    """GeoJSON as stored: an object the database's JSON takes (no NaN, no NUL)."""
    if not isinstance(value, dict):
        return None
    try:
        text = json.dumps(value, allow_nan=False)
    except ValueError:
        return None
    return None if "\\u0000" in text else value


def text(value: Any) -> str:
    return clean_text(as_one(value))


def ids(value: Any) -> list[str]:
    """A list of referenced ids as strings (embedded objects were cut out to their ids)."""
    return [clean_text(item) for item in as_list(value) if isinstance(item, str) and item.strip()]


def common(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "created": when(data.get("created")),
        "modified": when(data.get("modified")),
        "web": text(data.get("web")),
    }


def _parent(data: dict[str, Any], key: str, parent_url: str, parent_type: str, kind: str) -> Any:
    """The reference in `key`, or the parent the object was embedded in (OParl 1.0)."""
    value = as_one(data.get(key))
    if blank(value) and parent_type == kind:
        return parent_url
    return value


def legislative_term(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "name": text(data.get("name")),
            "start_date": day(data.get("startDate")),
            "end_date": day(data.get("endDate")),
        }
    )


def location(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "description": text(data.get("description")),
            "street_address": text(data.get("streetAddress")),
            "room": text(data.get("room")),
            "postal_code": text(data.get("postalCode")),
            "locality": text(data.get("locality")),
            "geojson": geometry(data.get("geojson")),
        }
    )


def organization(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "name": text(data.get("name")),
            "short_name": text(data.get("shortName")),
            "organization_type": text(data.get("organizationType")),
            "classification": text(data.get("classification")),
            "start_date": day(data.get("startDate")),
            "end_date": day(data.get("endDate")),
            "website": text(data.get("website")),
        }
    )


def person(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    family, given = text(data.get("familyName")), text(data.get("givenName"))
    return Mapped(
        {
            "name": text(data.get("name")) or " ".join(part for part in (given, family) if part),
            "family_name": family,
            "given_name": given,
            "form_of_address": text(data.get("formOfAddress")),
            "title": [clean_text(item) for item in as_list(data.get("title"))],
        }
    )


def membership(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "person_id": refs.ref("Person", _parent(data, "person", *parent, "Person")),
            "organization_id": refs.ref("Organization", data.get("organization")),
            "on_behalf_of_id": refs.ref("Organization", data.get("onBehalfOf")),
            "role": text(data.get("role")),
            "voting_right": flag(data.get("votingRight")),
            "start_date": day(data.get("startDate")),
            "end_date": day(data.get("endDate")),
        }
    )


def file(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "name": text(data.get("name")),
            "file_name": text(data.get("fileName")),
            "mime_type": text(data.get("mimeType")).lower(),
            "date": day(data.get("date")),
            "access_url": text(data.get("accessUrl")),
            "download_url": text(data.get("downloadUrl")),
            "size": number(data.get("size"), 2**63 - 1),
            "sha512": text(data.get("sha512Checksum")).lower(),
        }
    )


def meeting(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "name": text(data.get("name")),
            "meeting_state": text(data.get("meetingState")),
            "cancelled": flag(data.get("cancelled")),
            "start": when(data.get("start")),
            "end": when(data.get("end")),
            "location_id": refs.ref("Location", data.get("location")),
            "invitation_id": refs.ref("File", data.get("invitation")),
            "results_protocol_id": refs.ref("File", data.get("resultsProtocol")),
            "verbatim_protocol_id": refs.ref("File", data.get("verbatimProtocol")),
        },
        {
            "organizations": refs.refs("Organization", data.get("organization")),
            "auxiliary_files": refs.refs("File", data.get("auxiliaryFile")),
        },
    )


def paper(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "name": text(data.get("name")),
            "reference": text(data.get("reference")),
            "paper_type": text(data.get("paperType")),
            "date": day(data.get("date")),
            "superordinated": ids(data.get("superordinatedPaper")),
            "subordinated": ids(data.get("subordinatedPaper")),
            "related": ids(data.get("relatedPaper")),
            "originator_persons": ids(data.get("originatorPerson")),
            "originator_organizations": ids(data.get("originatorOrganization")),
            "under_direction_of": ids(data.get("underDirectionOf")),
            "main_file_id": refs.ref("File", data.get("mainFile")),
        },
        {"auxiliary_files": refs.refs("File", data.get("auxiliaryFile"))},
    )


def agenda_item(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "meeting_id": refs.ref("Meeting", _parent(data, "meeting", *parent, "Meeting")),
            "number": text(data.get("number")),
            "order": number(data.get("order")),
            "name": text(data.get("name")),
            "public": flag(data.get("public")),
            "result": text(data.get("result")),
            "resolution_text": text(data.get("resolutionText")),
            "consultation_id": refs.ref("Consultation", data.get("consultation")),
        }
    )


def consultation(data: dict[str, Any], refs: Refs, parent: tuple[str, str]) -> Mapped:
    return Mapped(
        {
            "paper_id": refs.ref("Paper", _parent(data, "paper", *parent, "Paper")),
            "meeting_id": refs.ref("Meeting", data.get("meeting")),
            "agenda_item_id": refs.ref(
                "AgendaItem", _parent(data, "agendaItem", *parent, "AgendaItem")
            ),
            "role": text(data.get("role")),
            "authoritative": flag(data.get("authoritative")),
        },
        {"organizations": refs.refs("Organization", data.get("organization"))},
    )


FieldsOf = Callable[[dict[str, Any], Refs, tuple[str, str]], Mapped]

FIELDS: dict[str, FieldsOf] = {
    "LegislativeTerm": legislative_term,
    "Location": location,
    "Organization": organization,
    "Person": person,
    "Membership": membership,
    "File": file,
    "Meeting": meeting,
    "Paper": paper,
    "AgendaItem": agenda_item,
    "Consultation": consultation,
}

# Mapping order within a batch: referenced objects first, so that fewer placeholders
# are made only to be filled a moment later.
ORDER = (
    "LegislativeTerm",
    "Location",
    "Organization",
    "Person",
    "Membership",
    "File",
    "Meeting",
    "Paper",
    "Consultation",
    "AgendaItem",
)
