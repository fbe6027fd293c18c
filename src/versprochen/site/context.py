"""Template context every page needs: the link to the page in the other language."""

from __future__ import annotations

from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language


def language_switch(request: HttpRequest) -> dict[str, object]:
    current = get_language() or "de"
    other = "en" if current.startswith("de") else "de"
    return {
        "other_language": other,
        "other_language_name": "English" if other == "en" else "Deutsch",
        "other_language_url": translate_url(request.get_full_path(), other),
    }


def editor(request: HttpRequest) -> dict[str, object]:
    """Whether the person may administer (lazy: public pages never touch the session)."""
    from django.utils.functional import SimpleLazyObject

    from versprochen.tracker.roles import holds

    return {"is_admin": SimpleLazyObject(lambda: holds(request.user, "admin"))}
