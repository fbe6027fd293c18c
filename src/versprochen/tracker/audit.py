"""The audit log: every change an editor, reviewer or admin makes, with before and after.

`record` is called by the code that makes the change, in the same transaction, so a
change and its entry are stored together or not at all. Only admins read the log.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any

from django.db import models
from django.db.models import QuerySet

from versprochen.tracker import spreadsheet
from versprochen.tracker.models import AuditEntry, Body, Membership
from versprochen.tracker.roles import Scope, limit

# Never copied into the log: secrets and bulky payloads.
HIDDEN_FIELDS = frozenset({"password", "key_hash", "data", "text_search", "tally"})
MAX_VALUE_CHARS = 5000


def _json_value(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, str) and len(value) > MAX_VALUE_CHARS:
        return value[:MAX_VALUE_CHARS] + "…"
    if isinstance(value, bytes | memoryview):
        return None
    return value


def snapshot(instance: models.Model, **extra: Any) -> dict[str, Any]:
    """The instance's own fields as JSON-ready values (foreign keys as ids), plus `extra`."""
    data: dict[str, Any] = {}
    for field in instance._meta.concrete_fields:
        if field.name in HIDDEN_FIELDS or (
            instance._meta.model_name == "document" and field.name == "text"
        ):
            continue
        data[field.attname] = _json_value(getattr(instance, field.attname))
    for key, value in extra.items():
        data[key] = _json_value(value) if not isinstance(value, list | dict) else value
    return data


def record(
    user: Any,
    action: str,
    instance: models.Model | None = None,
    *,
    body: Body | int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    object_type: str = "",
    object_id: object = "",
) -> AuditEntry:
    """Add one entry: `user` did `action` to `instance` (of `body`), from `before` to `after`."""
    authenticated = bool(getattr(user, "is_authenticated", False))
    body_id = body.pk if isinstance(body, Body) else body
    if body_id is None and instance is not None:
        body_id = getattr(instance, "body_id", None)
    return AuditEntry.objects.create(
        user=user if authenticated else None,
        username=user.get_username() if authenticated else str(user or "")[:150],
        action=action,
        object_type=object_type or (instance._meta.model_name or "" if instance else ""),
        object_id=str(object_id or (instance.pk if instance is not None else "")),
        body_id=body_id,
        before=before,
        after=after,
    )


def bodies_of(user: Any) -> list[int | None]:
    """The bodies `user` holds a role for, for entries about the person (a login): one
    entry per body, so each body's admins see it; [None] for roles for every body or none."""
    ids = set(Membership.objects.filter(user=user).values_list("body_id", flat=True))
    if not ids or None in ids:
        return [None]
    return [*sorted(i for i in ids if i is not None)]


def record_for_person(user: Any, action: str, **values: Any) -> None:
    """An entry about `user` (login, logout) for each body they hold a role for."""
    for body in bodies_of(user):
        record(user, action, user, object_type="user", body=body, **values)


def entries(bodies: Scope) -> QuerySet[AuditEntry]:
    """The entries an admin of `bodies` may read (those of no body only for admins of all)."""
    rows = AuditEntry.objects.select_related("body").order_by("-at", "-id")
    return limit(rows, bodies)


COLUMNS = ["id", "at", "username", "action", "object_type", "object_id", "body", "before", "after"]


def csv_lines(rows: QuerySet[AuditEntry]) -> Iterator[str]:
    """The entries as CSV (before/after as JSON), one chunk at a time."""
    buffer = io.StringIO()
    writer = spreadsheet.writer(buffer)
    writer.writerow(COLUMNS)
    for entry in rows.iterator(chunk_size=2000):
        writer.writerow(
            [
                entry.pk,
                entry.at.isoformat(),
                entry.username,
                entry.action,
                entry.object_type,
                entry.object_id,
                entry.body.slug if entry.body else "",
                json.dumps(entry.before, ensure_ascii=False) if entry.before is not None else "",
                json.dumps(entry.after, ensure_ascii=False) if entry.after is not None else "",
            ]
        )
        if buffer.tell() > 64_000:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
