"""Search finds a pledge by the wording of each of its mentions and by its section's title.

SQLite: an FTS5 trigram table over mention texts, kept in step by triggers (filled
from the mentions already there). PostgreSQL: pg_trgm indexes on mention texts and
section titles (ILIKE on word parts).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations

SQLITE_UP = [
    "CREATE VIRTUAL TABLE tracker_mention_fts USING fts5("
    "text, content='tracker_mention', content_rowid='id', tokenize='trigram')",
    "INSERT INTO tracker_mention_fts(rowid, text) SELECT id, text FROM tracker_mention",
    "CREATE TRIGGER tracker_mention_fts_ai AFTER INSERT ON tracker_mention BEGIN "
    "INSERT INTO tracker_mention_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER tracker_mention_fts_ad AFTER DELETE ON tracker_mention BEGIN "
    "INSERT INTO tracker_mention_fts(tracker_mention_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER tracker_mention_fts_au AFTER UPDATE OF text ON tracker_mention BEGIN "
    "INSERT INTO tracker_mention_fts(tracker_mention_fts, rowid, text) "
    "VALUES ('delete', old.id, old.text); "
    "INSERT INTO tracker_mention_fts(rowid, text) VALUES (new.id, new.text); END",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS tracker_mention_fts_au",
    "DROP TRIGGER IF EXISTS tracker_mention_fts_ad",
    "DROP TRIGGER IF EXISTS tracker_mention_fts_ai",
    "DROP TABLE IF EXISTS tracker_mention_fts",
]
POSTGRES_UP = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX tracker_mention_text_trgm ON tracker_mention USING gin (text gin_trgm_ops)",
    "CREATE INDEX tracker_section_title_trgm ON tracker_section USING gin (title gin_trgm_ops)",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS tracker_section_title_trgm",
    "DROP INDEX IF EXISTS tracker_mention_text_trgm",
]


def _run(statements: dict[str, list[str]]) -> Any:
    def run(apps: Any, schema_editor: Any) -> None:
        for sql in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("tracker", "0010_editorial_safety")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            _run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        ),
    ]
