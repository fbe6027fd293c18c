from __future__ import annotations

from django.apps import AppConfig


class CoalitionConfig(AppConfig):
    name = "versprochen.coalition"
    label = "coalition"
    verbose_name = "versprochen coalition coordination"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Register the reminder jobs in every process (web, CLI, worker), not only where
        # the worker's discovery ran: `run_now` and `enqueue` look the kind up by name.
        from versprochen.coalition import jobs  # noqa: F401
        from versprochen.coalition.from_oparl import results_changed
        from versprochen.oparl.hooks import on_papers_changed

        # A synced paper that a submitted motion is linked to gives the motion its result.
        on_papers_changed(results_changed)
