"""Published assessments and their evidence are append-only, also for SQL that bypasses the
models (`AssessmentQuerySet`, `EvidenceQuerySet`): database triggers refuse to update or
delete a published assessment (moving it to another pledge, a merge, is the one change
allowed) and to add, change or delete the evidence of one.

Maintenance that must rewrite whole tables (emptying a test database) lifts the rule by
putting a row into `tracker_append_only_lifted` (`versprochen.tracker.append_only.lifted`).

SQLite drops a table's triggers when a migration rebuilds it: a later migration that
alters `tracker_assessment` or `tracker_evidence` must call `install` again.
"""

from typing import Any

from django.db import migrations

LIFTED = "NOT EXISTS (SELECT 1 FROM tracker_append_only_lifted)"
PUBLISHED = "(SELECT state FROM tracker_assessment WHERE id = {}) = 'published'"
MESSAGES = {
    "changed": "a published assessment is never changed",
    "deleted": "a published assessment is never deleted",
    "evidence": "the evidence of a published assessment is never changed",
}
TRIGGERS = [
    "tracker_assessment_append_only_update",
    "tracker_assessment_append_only_delete",
    "tracker_evidence_append_only_insert",
    "tracker_evidence_append_only_update",
    "tracker_evidence_append_only_delete",
]


def _sqlite(columns: list[str]) -> list[str]:
    changed = " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in columns if c != "pledge_id")

    def trigger(name: str, when: str, table: str, condition: str, message: str) -> str:
        return (
            f"CREATE TRIGGER {name} BEFORE {when} ON {table} FOR EACH ROW "
            f"WHEN {condition} AND {LIFTED} "
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
        )

    return [
        trigger(
            TRIGGERS[0],
            "UPDATE",
            "tracker_assessment",
            f"OLD.state = 'published' AND ({changed})",
            MESSAGES["changed"],
        ),
        trigger(
            TRIGGERS[1],
            "DELETE",
            "tracker_assessment",
            "OLD.state = 'published'",
            MESSAGES["deleted"],
        ),
        trigger(
            TRIGGERS[2],
            "INSERT",
            "tracker_evidence",
            PUBLISHED.format("NEW.assessment_id"),
            MESSAGES["evidence"],
        ),
        trigger(
            TRIGGERS[3],
            "UPDATE",
            "tracker_evidence",
            f"({PUBLISHED.format('OLD.assessment_id')} OR {PUBLISHED.format('NEW.assessment_id')})",
            MESSAGES["evidence"],
        ),
        trigger(
            TRIGGERS[4],
            "DELETE",
            "tracker_evidence",
            PUBLISHED.format("OLD.assessment_id"),
            MESSAGES["evidence"],
        ),
    ]


POSTGRES = [
    f"""
CREATE OR REPLACE FUNCTION tracker_assessment_append_only() RETURNS trigger AS $$
BEGIN
  IF OLD.state = 'published' AND {LIFTED} THEN
    IF TG_OP = 'DELETE' THEN
      RAISE EXCEPTION '{MESSAGES["deleted"]}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (to_jsonb(NEW) - 'pledge_id') IS DISTINCT FROM (to_jsonb(OLD) - 'pledge_id') THEN
      RAISE EXCEPTION '{MESSAGES["changed"]}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql""",
    f"""
CREATE OR REPLACE FUNCTION tracker_evidence_append_only() RETURNS trigger AS $$
BEGIN
  IF {LIFTED} AND (
    (TG_OP <> 'INSERT' AND {PUBLISHED.format("OLD.assessment_id")})
    OR (TG_OP <> 'DELETE' AND {PUBLISHED.format("NEW.assessment_id")})
  ) THEN
    RAISE EXCEPTION '{MESSAGES["evidence"]}' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$ LANGUAGE plpgsql""",
    f"CREATE TRIGGER {TRIGGERS[0]} BEFORE UPDATE OR DELETE ON tracker_assessment "
    "FOR EACH ROW EXECUTE FUNCTION tracker_assessment_append_only()",
    f"CREATE TRIGGER {TRIGGERS[2]} BEFORE INSERT OR UPDATE OR DELETE ON tracker_evidence "
    "FOR EACH ROW EXECUTE FUNCTION tracker_evidence_append_only()",
]


def install(apps: Any, schema_editor: Any) -> None:
    """Create the lifting table (if missing) and (re)create the triggers."""
    execute = schema_editor.execute
    execute("CREATE TABLE IF NOT EXISTS tracker_append_only_lifted (lifted integer)")
    if schema_editor.connection.vendor == "postgresql":
        for name, table in ((TRIGGERS[0], "tracker_assessment"), (TRIGGERS[2], "tracker_evidence")):
            execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        for sql in POSTGRES:
            execute(sql)
        return
    for name in TRIGGERS:
        execute(f"DROP TRIGGER IF EXISTS {name}")
    assessment = apps.get_model("tracker", "Assessment")
    columns = [f.column for f in assessment._meta.concrete_fields]
    for sql in _sqlite(columns):
        execute(sql)


def uninstall(apps: Any, schema_editor: Any) -> None:
    execute = schema_editor.execute
    if schema_editor.connection.vendor == "postgresql":
        execute(f"DROP TRIGGER IF EXISTS {TRIGGERS[0]} ON tracker_assessment")
        execute(f"DROP TRIGGER IF EXISTS {TRIGGERS[2]} ON tracker_evidence")
        execute("DROP FUNCTION IF EXISTS tracker_assessment_append_only()")
        execute("DROP FUNCTION IF EXISTS tracker_evidence_append_only()")
    else:
        for name in TRIGGERS:
            execute(f"DROP TRIGGER IF EXISTS {name}")
    execute("DROP TABLE IF EXISTS tracker_append_only_lifted")


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0004_gone_section"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="assessment",
            options={"base_manager_name": "objects", "ordering": ["pledge", "published_at", "id"]},
        ),
        migrations.AlterModelOptions(
            name="evidence",
            options={"base_manager_name": "objects", "ordering": ["assessment", "date", "id"]},
        ),
        migrations.RunPython(install, uninstall),
    ]
