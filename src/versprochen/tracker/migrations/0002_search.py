"""Full-text search that finds German word parts.

SQLite: an FTS5 table with the trigram tokenizer, kept in step by triggers.
PostgreSQL: pg_trgm (ILIKE on word parts) and German text search on a stored
tsvector column (not in the Django model), both GIN-indexed.
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE tracker_pledge_fts USING fts5("
    "text, content='tracker_pledge', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER tracker_pledge_fts_ai AFTER INSERT ON tracker_pledge BEGIN "
    "INSERT INTO tracker_pledge_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER tracker_pledge_fts_ad AFTER DELETE ON tracker_pledge BEGIN "
    "INSERT INTO tracker_pledge_fts(tracker_pledge_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER tracker_pledge_fts_au AFTER UPDATE OF text ON tracker_pledge BEGIN "
    "INSERT INTO tracker_pledge_fts(tracker_pledge_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); "
    "INSERT INTO tracker_pledge_fts(rowid, text) VALUES (new.id, new.text); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS tracker_pledge_fts_au",
    "DROP TRIGGER IF EXISTS tracker_pledge_fts_ad",
    "DROP TRIGGER IF EXISTS tracker_pledge_fts_ai",
    "DROP TABLE IF EXISTS tracker_pledge_fts",
]
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX tracker_pledge_text_trgm ON tracker_pledge USING gin (text gin_trgm_ops)",
    # Stored, so that rechecking a candidate row does not parse its text again.
    "ALTER TABLE tracker_pledge ADD COLUMN search_german tsvector "
    "GENERATED ALWAYS AS (to_tsvector('german'::regconfig, text)) STORED",
    "CREATE INDEX tracker_pledge_text_german ON tracker_pledge USING gin (search_german)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS tracker_pledge_text_german",
    "ALTER TABLE tracker_pledge DROP COLUMN IF EXISTS search_german",
    "DROP INDEX IF EXISTS tracker_pledge_text_trgm",
]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("tracker", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
