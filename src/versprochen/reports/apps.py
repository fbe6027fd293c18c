from __future__ import annotations

from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "versprochen.reports"
    label = "reports"
    verbose_name = "versprochen reports"
    default_auto_field = "django.db.models.BigAutoField"
