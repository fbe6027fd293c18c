"""Backup and restore of the whole tracker, the same for SQLite and PostgreSQL.

A backup is a gzip file of JSON lines: a header (format, migrations), then for each
table a line naming it and one line per row, every column as stored (file bytes in
base64), and last an end marker with the row count of each table: a file cut short,
even at a line boundary, is refused on restore instead of restoring part of the data.
It is independent of the database: a SQLite backup restores into PostgreSQL and back.
Restore needs an empty, migrated database of the same schema and loads everything in
one transaction (the caller's). Accounts are included
(with their password hashes); Django's unused groups and permissions, sessions and
the login attempts of the rate limit are not.
"""

from __future__ import annotations

import base64
import datetime as dt
import gzip
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.color import no_style
from django.db import DatabaseError, IntegrityError, connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from versprochen.tracker.append_only import lifted

FORMAT = "versprochen-backup"
VERSION = 2  # 2: the end marker with row counts
BATCH = 1000
SKIPPED = {"tracker.loginattempt"}


class BackupError(ValueError):
    """A backup that cannot be restored here (the message says why)."""


def backed_up_models() -> list[type[models.Model]]:
    """The user table, then the tracker's tables (with their many-to-many tables)."""
    tracker = [
        m
        for m in apps.get_app_config("tracker").get_models(include_auto_created=True)
        if m._meta.label_lower not in SKIPPED
    ]
    return [get_user_model(), *tracker]


def _label(model: type[models.Model]) -> str:
    return model._meta.label_lower


def _encode(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview | bytearray):
        return {"b64": base64.b64encode(bytes(value)).decode()}
    return value


def _decode(field: models.Field[Any, Any], value: Any) -> Any:
    if isinstance(value, dict) and set(value) == {"b64"} and isinstance(field, models.BinaryField):
        return base64.b64decode(value["b64"])
    if value is None or isinstance(field, models.JSONField):
        return value
    target = field.target_field if field.is_relation else field  # type: ignore[attr-defined]
    return target.to_python(value)


def migrations_applied() -> list[str]:
    recorder = MigrationRecorder(connection)
    return sorted(
        f"{app}.{name}" for app, name in recorder.applied_migrations() if app in ("tracker", "auth")
    )


def rows(model: type[models.Model]) -> Iterator[dict[str, Any]]:
    """Every row of `model` in primary-key order, as JSON-ready column values."""
    columns = [f.attname for f in model._meta.concrete_fields]
    for row in model._base_manager.order_by("pk").values_list(*columns).iterator(BATCH):
        yield {c: _encode(v) for c, v in zip(columns, row, strict=True)}


@contextmanager
def snapshot() -> Iterator[None]:
    """One transaction that sees the database as of one moment, whatever others commit
    meanwhile. PostgreSQL's default (READ COMMITTED) gives each statement a snapshot of
    its own: a backup reading the users and then the memberships would find memberships
    of accounts it did not back up. REPEATABLE READ READ ONLY keeps the first
    statement's snapshot for the whole transaction (as pg_dump does); SQLite's
    transaction (BEGIN IMMEDIATE, see `Config.database`) is one snapshot anyway."""
    if connection.in_atomic_block:
        raise RuntimeError("a backup needs a transaction of its own (called inside one)")
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def write(out: IO[bytes]) -> dict[str, int]:
    """Write the backup to `out` (gzip) from one snapshot; the row count per table."""
    counts: dict[str, int] = {}
    with snapshot(), gzip.GzipFile(fileobj=out, mode="wb") as archive:

        def line(data: Any) -> None:
            archive.write(json.dumps(data, ensure_ascii=False).encode() + b"\n")

        line(
            {
                "format": FORMAT,
                "version": VERSION,
                "created": timezone.now().isoformat(),
                "database": connection.vendor,
                "migrations": migrations_applied(),
            }
        )
        for model in backed_up_models():
            label = _label(model)
            line({"table": label})
            n = 0
            for row in rows(model):
                line(row)
                n += 1
            counts[label] = n
        line({"end": FORMAT, "rows": counts})
    return counts


def backup(path: Path) -> dict[str, int]:
    with path.open("wb") as out:
        return write(out)


def is_empty() -> bool:
    return not any(m._base_manager.exists() for m in backed_up_models())


@contextmanager
def _stored_times(model: type[models.Model]) -> Iterator[None]:
    """Keep the stored creation and change times (not 'now') while inserting rows."""
    fields = [
        f
        for f in model._meta.concrete_fields
        if isinstance(f, models.DateField) and (f.auto_now or f.auto_now_add)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    try:
        for f in fields:
            f.auto_now = f.auto_now_add = False
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def _flush(model: type[models.Model], batch: list[dict[str, Any]]) -> None:
    fields = {f.attname: f for f in model._meta.concrete_fields}
    objects = []
    for row in batch:
        values = {name: _decode(fields[name], value) for name, value in row.items()}
        objects.append(model(**values))
    with _stored_times(model):
        model._base_manager.bulk_create(objects, batch_size=BATCH)


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:500]


def _complete(end: dict[str, Any] | None, counts: dict[str, int]) -> None:
    """Refuse a backup without its end marker or with other row counts than it names."""
    if end is None:
        raise BackupError(
            "the backup is incomplete (no end marker: cut short while writing or copying)"
        )
    expected = end["rows"]
    if not isinstance(expected, dict) or expected != counts:
        differ = sorted(
            f"{table}: {counts.get(table, 0)} of {n}"
            for table, n in (expected if isinstance(expected, dict) else {}).items()
            if counts.get(table, 0) != n
        ) or ["the tables differ from those named at the end"]
        raise BackupError(f"the backup is incomplete (rows {', '.join(differ)})")


def read(source: IO[bytes]) -> dict[str, int]:
    """Load a backup into this (empty, migrated) database; the row count per table.

    Rows that break a foreign key, a unique or any other constraint raise BackupError;
    the caller's transaction then rolls back and the database stays as it was."""
    known = {_label(m): m for m in backed_up_models()}
    counts: dict[str, int] = {}
    try:
        with gzip.GzipFile(fileobj=source, mode="rb") as archive:
            header = json.loads(archive.readline() or b"{}")
            if header.get("format") != FORMAT:
                raise BackupError("not a versprochen backup")
            if header.get("version") != VERSION:
                raise BackupError(
                    f"a backup of format version {header.get('version')!r}; this version of "
                    f"versprochen restores version {VERSION} (with row counts) only"
                )
            here = migrations_applied()
            if header.get("migrations") != here:
                missing = sorted(set(header.get("migrations", [])) - set(here))
                raise BackupError(
                    "the backup's schema differs from this version of versprochen"
                    + (f" (unknown migrations: {', '.join(missing)})" if missing else "")
                )
            if not is_empty():
                raise BackupError("the database is not empty; restore needs an empty one")
            # Published assessments come before their evidence: the append-only
            # triggers would refuse that evidence (migration 0005).
            with lifted():
                model: type[models.Model] | None = None
                batch: list[dict[str, Any]] = []
                end: dict[str, Any] | None = None
                for raw in archive:
                    data = json.loads(raw)
                    if end is not None:
                        raise BackupError("rows after the end marker")
                    if set(data) == {"end", "rows"} and data["end"] == FORMAT:
                        end = data
                        continue
                    if "table" in data and len(data) == 1:
                        if model is not None:
                            _flush(model, batch)
                        batch = []
                        if data["table"] not in known:
                            raise BackupError(f"unknown table {data['table']!r} in the backup")
                        model = known[data["table"]]
                        counts[data["table"]] = 0
                        continue
                    if model is None:
                        raise BackupError("a row before any table")
                    batch.append(data)
                    counts[_label(model)] += 1
                    if len(batch) >= BATCH:
                        _flush(model, batch)
                        batch = []
                if model is not None:
                    _flush(model, batch)
                _complete(end, counts)
        # Foreign keys are checked at the end (the tables refer to each other).
        connection.check_constraints(table_names=[m._meta.db_table for m in known.values()])
    except (OSError, EOFError, json.JSONDecodeError) as error:
        raise BackupError(f"the file is damaged or not a backup ({error})") from None
    except IntegrityError as error:
        raise BackupError(
            f"the backup's rows break the database's rules (foreign key, unique or other "
            f"constraint): {_one_line(error)}"
        ) from None
    except (DatabaseError, KeyError, TypeError, ValueError, ValidationError) as error:
        if isinstance(error, BackupError):
            raise
        raise BackupError(
            f"a row of the backup does not fit this database: {_one_line(error)}"
        ) from None
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), list(known.values())):
            cursor.execute(sql)
    return counts


def restore(path: Path) -> dict[str, int]:
    with path.open("rb") as source:
        return read(source)
