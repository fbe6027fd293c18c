"""The Django project: settings, urls, public views, templates and static files."""

from __future__ import annotations

import os


def setup() -> None:
    """Configure Django from the environment (read once) and load the apps."""
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "versprochen.site.settings")
    django.setup()
