from __future__ import annotations

from django.apps import AppConfig


class OparlConfig(AppConfig):
    name = "versprochen.oparl"
    label = "oparl"
    verbose_name = "versprochen council information (OParl)"
    default_auto_field = "django.db.models.BigAutoField"
