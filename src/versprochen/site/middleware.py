"""Bad input a visitor can send becomes a 400 with a message, never a 500.

`request_guard_middleware` runs before everything that reads the database: it checks
the path, every query parameter, every form field and uploaded file name (and the
JSON body of API calls) once, centrally, for what no view can store or look up (the
NUL character: PostgreSQL's text columns refuse it) and for too many parameters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

NUL = "\x00"
# A JSON string escape for NUL that is not itself an escaped backslash.
_JSON_NUL = re.compile(rb"(?<!\\)(?:\\\\)*\\u0000", re.IGNORECASE)
_FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class BadQuery(ValueError):
    """A query a visitor sent that the site cannot answer (message is shown)."""


def _language(request: HttpRequest) -> str:
    return translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def bad_request(request: HttpRequest, message: str, status: int = 400) -> HttpResponse:
    """A 400 naming the problem: JSON for the API, else the site's error page."""
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": message}, status=status)
    with translation.override(_language(request)):
        html = render_to_string("400.html", {"message": message}, request=request)
    return HttpResponse(html, status=status)


def _shown(name: str) -> str:
    return repr(name.replace(NUL, "\\0")[:40])


def _nul_in(values: QueryDict) -> str | None:
    """The first parameter whose name or a value holds NUL."""
    for name, items in values.lists():
        if NUL in name or any(NUL in item for item in items):
            return name
    return None


def problem_of(request: HttpRequest) -> str | None:
    """Why the site cannot answer `request` (a one-line message), or None."""
    if NUL in request.path_info:
        return _("Die Adresse enthält ein Nullzeichen (0x00).")
    try:
        name = _nul_in(request.GET)
    except TooManyFieldsSent:
        return _("Zu viele Parameter (höchstens %(n)d).") % {
            "n": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
        }
    if name is not None:
        return _("Parameter %(name)s enthält ein Nullzeichen (0x00).") % {"name": _shown(name)}
    if request.method not in ("POST", "PUT", "PATCH"):
        return None
    content_type = request.content_type or ""
    if content_type in _FORM_TYPES:
        try:
            name = _nul_in(request.POST)
            if name is None:
                files = [(k, f.name or "") for k, items in request.FILES.lists() for f in items]
                name = next((k for k, n in files if NUL in k or NUL in n), None)
        except TooManyFieldsSent:
            return _("Zu viele Formularfelder (höchstens %(n)d).") % {
                "n": settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
            }
        except (RequestDataTooBig, SuspiciousOperation):
            return None  # Django answers these itself, in the view's turn
        if name is not None:
            return _("Feld %(name)s enthält ein Nullzeichen (0x00).") % {"name": _shown(name)}
    elif content_type == "application/json":
        try:
            body = request.body
        except (RequestDataTooBig, SuspiciousOperation):
            return None
        if b"\x00" in body or _JSON_NUL.search(body):
            return _("Die Daten enthalten ein Nullzeichen (0x00).")
    return None


def request_guard_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Refuse, with a message, requests no view could answer (before any database access)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        with translation.override(_language(request)):
            problem = problem_of(request)
        if problem is not None:
            return bad_request(request, problem)
        return get_response(request)

    return middleware


def bad_request_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        return get_response(request)

    def process_exception(request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, BadQuery):
            return bad_request(request, str(exception))
        return None

    middleware.process_exception = process_exception  # type: ignore[attr-defined]
    return middleware
