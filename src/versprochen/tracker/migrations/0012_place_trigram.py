"""The place filter matches parts of names ("wanne" finds "herne-wanne"): on PostgreSQL a
pg_trgm index on the case-folded place keys answers `LIKE '%wanne%'` without a scan."""

from __future__ import annotations

from typing import Any

from django.db import migrations

UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX tracker_pledgeplace_key_trgm ON tracker_pledgeplace USING gin (key gin_trgm_ops)",
]
DOWN = ["DROP INDEX IF EXISTS tracker_pledgeplace_key_trgm"]


def _run(statements: list[str]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("tracker", "0011_search_mentions")]

    operations = [migrations.RunPython(_run(UP), _run(DOWN))]
