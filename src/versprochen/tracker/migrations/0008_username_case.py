"""User names are unique whatever their case: a unique index on lower(username) of
Django's user table (SQLite and PostgreSQL alike; SQLite folds ASCII letters only). The
admin screen and `versprochen createuser` refuse such names before they get here."""

from django.conf import settings
from django.db import migrations

INDEX = "auth_user_username_lower_uniq"


def refuse_duplicates(apps, schema_editor):
    User = apps.get_model(*settings.AUTH_USER_MODEL.split("."))
    seen: dict[str, str] = {}
    clashes = []
    for name in User.objects.order_by("pk").values_list("username", flat=True):
        key = name.lower()
        if key in seen:
            clashes.append(f"{seen[key]!r} and {name!r}")
        seen.setdefault(key, name)
    if clashes:
        raise RuntimeError(
            "user names differing only in case: "
            + "; ".join(clashes)
            + " (rename all but one, then migrate again)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("tracker", "0007_merged_status"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(refuse_duplicates, migrations.RunPython.noop),
        migrations.RunSQL(
            f"CREATE UNIQUE INDEX {INDEX} ON auth_user (lower(username))",
            f"DROP INDEX {INDEX}",
        ),
    ]
