"""The raw payload store: every object kept as received, embedded objects cut out.

OParl 1.0 servers deliver objects only embedded in others (a File inside its
Paper, AgendaItems inside their Meeting); 1.1 servers may too. Each embedded
object becomes a payload of its own with its parent's URL, and the parent's
text keeps the embedded object's id in its place: the payloads together say
exactly what the server sent. Writing is left to the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import F

from versprochen.oparl.bulk import insert_rows, update_rows
from versprochen.oparl.models import Payload, System

TYPES = frozenset(
    {
        "System",
        "Body",
        "LegislativeTerm",
        "Organization",
        "Person",
        "Membership",
        "Meeting",
        "AgendaItem",
        "Paper",
        "Consultation",
        "File",
        "Location",
    }
)


@dataclass(frozen=True)
class Received:
    """One object cut out of an answer, ready to be stored."""

    url: str
    object_type: str
    parent_url: str
    parent_type: str
    text: str
    sha256: str


def type_name(value: Any) -> str:
    """ "Paper" for "https://schema.oparl.org/1.1/Paper"; "" for anything not an OParl type."""
    if not isinstance(value, str):
        return ""
    name = value.rstrip("/").rsplit("/", 1)[-1]
    return name if name in TYPES else ""


def is_object(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("id"), str) and bool(value["id"])


def cut_out(
    data: dict[str, Any], expected_type: str = "", parent_url: str = "", parent_type: str = ""
) -> list[Received]:
    """`data` and every object embedded in it, each as its own payload (parent first).

    An object without `type` takes `expected_type` (some servers leave it out
    in lists: adapter `missing_type`).
    """
    found: list[Received] = []
    object_type = type_name(data.get("type")) or expected_type
    url = str(data["id"])
    flat: dict[str, Any] = {}
    for key, value in data.items():
        if _embedded(value):
            found.extend(cut_out(value, "", url, object_type))
            flat[key] = value["id"]
        elif isinstance(value, list) and any(_embedded(item) for item in value):
            ids = []
            for item in value:
                if _embedded(item):
                    found.extend(cut_out(item, "", url, object_type))
                    ids.append(item["id"])
                else:
                    ids.append(item)
            flat[key] = ids
        else:
            flat[key] = value
    text = json.dumps(flat, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    found.insert(0, Received(url, object_type, parent_url, parent_type, text, digest))
    return found


def _embedded(value: Any) -> bool:
    return is_object(value) and bool(type_name(value.get("type")))


_CHANGING = (
    "object_type",
    "parent_url",
    "parent_type",
    "text",
    "sha256",
    "fetched_at",
    "http_status",
    "etag",
    "last_modified",
)


def store(
    system: System,
    received: Sequence[Received],
    now: dt.datetime,
    *,
    status: int | None = None,
    etag: str = "",
    last_modified: str = "",
) -> list[Payload]:
    """Store the payloads; the ones that are new or changed (their mapping is due)."""
    latest: dict[str, Received] = {item.url: item for item in received}
    existing = {
        payload.url: payload
        for payload in Payload.objects.filter(system=system, url__in=list(latest))
    }
    new: list[dict[str, Any]] = []
    changed: list[Payload] = []
    for url, item in latest.items():
        payload = existing.get(url)
        if payload is None:
            new.append(
                {
                    "system_id": system.pk,
                    "url": url,
                    "object_type": item.object_type,
                    "parent_url": item.parent_url,
                    "parent_type": item.parent_type,
                    "text": item.text,
                    "sha256": item.sha256,
                    "mapped_sha256": "",
                    "fetched_at": now,
                    "http_status": status,
                    "etag": etag,
                    "last_modified": last_modified,
                }
            )
        elif payload.sha256 != item.sha256:
            payload.object_type = item.object_type
            payload.parent_url = item.parent_url or payload.parent_url
            payload.parent_type = item.parent_type or payload.parent_type
            payload.text = item.text
            payload.sha256 = item.sha256
            payload.fetched_at = now
            payload.http_status = status
            payload.etag = etag
            payload.last_modified = last_modified
            changed.append(payload)
    insert_rows(Payload, new)
    update_rows(
        Payload,
        _CHANGING,
        [(payload.pk, {name: getattr(payload, name) for name in _CHANGING}) for payload in changed],
    )
    stored = list(Payload.objects.filter(system=system, url__in=[row["url"] for row in new]))
    return stored + changed


def unmapped(system: System, urls: Iterable[str] | None = None) -> list[Payload]:
    """Payloads whose current text was not mapped yet (all of the system's, or of `urls`)."""
    query = Payload.objects.filter(system=system).exclude(mapped_sha256=F("sha256"))
    if urls is not None:
        query = query.filter(url__in=list(urls))
    return list(query)
