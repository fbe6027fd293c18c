"""URLs of the oparl wing, included by `versprochen.site.urls`."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, path

from versprochen.oparl import views_editor, views_links, views_public
from versprochen.site.public import read_only

# Public, read-only pages (wrapped with `site.public.read_only` where they are public).
public: list[URLPattern | URLResolver] = []
# Pages behind a login.
internal: list[URLPattern | URLResolver] = []

# Paper pages and the editor's decisions on paper suggestions (pledge–paper links).
public += [
    path("vorlagen/", read_only(views_public.paper_list), name="papers"),
    path("vorlagen/<int:pk>/", read_only(views_public.paper_detail), name="paper"),
    path("sitzungen/<int:pk>/", read_only(views_public.meeting_detail), name="meeting"),
]
internal += [
    path(
        "redaktion/vorschlaege/<int:pk>/bestaetigen/",
        views_links.confirm_suggestion,
        name="confirm_suggestion",
    ),
    path(
        "redaktion/vorschlaege/<int:pk>/ablehnen/",
        views_links.reject_suggestion,
        name="reject_suggestion",
    ),
    path(
        "redaktion/versprechen/<int:pk>/vorschlaege/",
        views_links.compute_suggestions,
        name="compute_suggestions",
    ),
]

# The editors' pages of the council sync (`views_editor`).
internal += [
    path("redaktion/ratsinformation/", views_editor.sync_list, name="oparl_syncs"),
    path("redaktion/ratsinformation/<slug:slug>/", views_editor.sync_status, name="oparl_sync"),
]
