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
