from __future__ import annotations

from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "versprochen.site"
    label = "site"
    verbose_name = "versprochen site"
