"""Everyone who ever changed a draft's content (`Assessment.contributors`): none of them
reviews it. Filled for existing assessments from their author, last changer and the
audit log's draft, edit and submit entries. A new table only: SQLite rebuilds nothing
(the triggers of 0002 and 0005 stay)."""

from django.conf import settings
from django.db import migrations, models

CONTENT_ACTIONS = ("assessment.draft", "assessment.edit", "assessment.submit")


def fill(apps, schema_editor):
    Assessment = apps.get_model("tracker", "Assessment")
    AuditEntry = apps.get_model("tracker", "AuditEntry")
    through = Assessment.contributors.through
    pairs = set()
    for pk, author, changer in Assessment.objects.values_list("pk", "author_id", "changed_by_id"):
        pairs.update((pk, user) for user in (author, changer) if user is not None)
    known = set(Assessment.objects.values_list("pk", flat=True))
    entries = AuditEntry.objects.filter(
        object_type="assessment", action__in=CONTENT_ACTIONS, user__isnull=False
    ).values_list("object_id", "user_id")
    for object_id, user in entries:
        if object_id.isdigit() and int(object_id) in known:
            pairs.add((int(object_id), user))
    through.objects.bulk_create(
        [through(assessment_id=pk, user_id=user) for pk, user in sorted(pairs)],
        batch_size=1000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0005_append_only"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="contributors",
            field=models.ManyToManyField(blank=True, related_name="+", to=settings.AUTH_USER_MODEL),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
