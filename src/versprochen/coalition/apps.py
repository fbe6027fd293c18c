from __future__ import annotations

from django.apps import AppConfig


class CoalitionConfig(AppConfig):
    name = "versprochen.coalition"
    label = "coalition"
    verbose_name = "versprochen coalition coordination"
    default_auto_field = "django.db.models.BigAutoField"
