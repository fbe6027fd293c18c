"""URLs of the reports wing, included by `versprochen.site.urls`."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver

# Public, read-only pages (wrapped with `site.public.read_only` where they are public).
public: list[URLPattern | URLResolver] = []
# Pages behind a login.
internal: list[URLPattern | URLResolver] = []
