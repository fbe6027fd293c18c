"""Lifting the append-only rule of published assessments, for wholesale maintenance only.

The rule lives in `AssessmentQuerySet`/`EvidenceQuerySet` and, for any SQL, in the
database triggers of migration 0005. Restoring a backup (published assessments, then
their evidence) and emptying a test database must write such rows: they do it inside
`lifted()`, which holds a row in `tracker_append_only_lifted` for its transaction only
(other connections never see it: it is deleted before the transaction ends, or
rolled back with it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, transaction


@contextmanager
def lifted() -> Iterator[None]:
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("INSERT INTO tracker_append_only_lifted (lifted) VALUES (1)")
        yield
        # On an error the transaction (or savepoint) rolls back, the row with it; the
        # DELETE would fail in PostgreSQL's aborted transaction and hide that error.
        cursor.execute("DELETE FROM tracker_append_only_lifted")
