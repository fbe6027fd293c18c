from __future__ import annotations

from django.apps import AppConfig


class JobsConfig(AppConfig):
    name = "versprochen.jobs"
    label = "jobs"
    verbose_name = "versprochen jobs"
    default_auto_field = "django.db.models.BigAutoField"
