"""The error pages (400, 403, 404, 500) in the site's style and language; JSON under /api/.

Django's handlers render a bare English page (400 and 500 even without the request);
these render the site's templates with the request, so the page is in the language of
its path and links to the other one. A failure while rendering an error page falls back
to a short plain page rather than a second error.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

FALLBACK = (
    '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title></head>'
    '<body><main><h1>{title}</h1><p><a href="/">versprochen</a></p></main></body></html>'
)


def _page(
    request: HttpRequest, status: int, template: str, title: str, **context: Any
) -> HttpResponse:
    if request.path_info.startswith("/api/"):
        return JsonResponse({"detail": title}, status=status)
    html: str
    try:
        html = render_to_string(template, context, request=request)
    except Exception:  # an error page must not fail in turn
        logger.exception("error page %s could not be rendered", template)
        html = FALLBACK.format(title=escape(title))
    return HttpResponse(html, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    # The exception's text may name internals (hosts, limits): the page says it generally.
    return _page(request, 400, "400.html", _("Ungültige Anfrage"))


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 403, "403.html", _("Kein Zugriff"))


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, 404, "404.html", _("Seite nicht gefunden"))


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(request, 500, "500.html", _("Fehler auf dem Server"))
