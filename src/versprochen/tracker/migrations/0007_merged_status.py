"""A pledge merged into another gave it its assessments: its own status is that of the
published assessments it still has (none: offen), no longer the one it had before the
merge (`corrections.merge` now recomputes both). Updates rows only."""

from django.db import migrations


def recompute(apps, schema_editor):
    Pledge = apps.get_model("tracker", "Pledge")
    Assessment = apps.get_model("tracker", "Assessment")
    for pledge in Pledge.objects.filter(excluded="merged").only("pk", "status"):
        latest = (
            Assessment.objects.filter(pledge_id=pledge.pk, state="published")
            .order_by("-published_at", "-id")
            .first()
        )
        Pledge.objects.filter(pk=pledge.pk).update(
            status=latest.status if latest else "offen",
            status_changed_at=latest.published_at if latest else None,
        )


class Migration(migrations.Migration):
    dependencies = [("tracker", "0006_contributors")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
