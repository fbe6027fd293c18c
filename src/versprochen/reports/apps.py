from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "versprochen.reports"
    label = "reports"
    verbose_name = "versprochen reports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Register the wing's job kinds in every process (web, worker, command), not only
        # in a worker that autodiscovered them: the editor pages enqueue them.
        from versprochen.reports import jobs  # noqa: F401
