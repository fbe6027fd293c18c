"""Bad input a visitor can send becomes a 400 with a message, never a 500."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest


class BadQuery(ValueError):
    """A query a visitor sent that the site cannot answer (message is shown)."""


def bad_request_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    def middleware(request: HttpRequest) -> HttpResponse:
        return get_response(request)

    def process_exception(request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, BadQuery):
            return HttpResponseBadRequest(
                f"Bad request: {exception}\n".encode(), content_type="text/plain; charset=utf-8"
            )
        return None

    middleware.process_exception = process_exception  # type: ignore[attr-defined]
    return middleware
