from __future__ import annotations

from django.apps import AppConfig


class TrackerConfig(AppConfig):
    name = "versprochen.tracker"
    label = "tracker"
    verbose_name = "versprochen tracker"
    default_auto_field = "django.db.models.BigAutoField"
