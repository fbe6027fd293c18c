"""What every public page shares: the JSON twin, ETag/Last-Modified, 304s and the page cache.

A public page's content depends only on the URL (host, path with its language
prefix, query, the HX-Request header) and on the data; the data's change time is the
newest `Document.changed_at` (importing and publishing an assessment both bump
it). So the ETag is a hash of both, and a rendered page is kept in the worker's
cache until the data changes. A conditional request gets a 304 only for a page that
exists: from the cache without rendering, else once the view answered 200 (a URL
without a page gets its 404 whatever the headers say). `PublicPageMiddleware` sits
right after the static files, so a cached page costs about as much as a static file.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseNotAllowed,
    HttpResponseNotModified,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.http import http_date, parse_etags, parse_http_date_safe

from versprochen.tracker.models import Document

View = Callable[..., HttpResponse]
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
CACHE_SECONDS = 600
PUBLIC = "versprochen_public_page"
READ_ONLY = "versprochen_read_only"
SAFE_METHODS = ["GET", "HEAD"]

_known: tuple[float, datetime] = (0.0, EPOCH)


def data_changed_at() -> datetime:
    """The newest change of any document, asked at most every VERSPROCHEN_FRESHNESS_SECONDS."""
    global _known
    now = time.monotonic()
    if now < _known[0]:
        return _known[1]
    stamp = Document.objects.aggregate(m=Max("changed_at"))["m"] or EPOCH
    _known = (now + settings.VERSPROCHEN_FRESHNESS_SECONDS, stamp)
    return _known[1]


def wants_json(request: HttpRequest) -> bool:
    return request.GET.get("format") == "json"


def respond(
    request: HttpRequest, template: str, context: dict[str, Any], data: dict[str, Any]
) -> HttpResponse:
    """The page, or its JSON twin for `?format=json`."""
    if wants_json(request):
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    return render(request, template, context)


def public_page(view: View) -> View:
    """Mark `view`'s answers as public: cacheable, with ETag and Last-Modified."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        setattr(response, PUBLIC, True)
        return response

    setattr(wrapped, PUBLIC, True)
    return wrapped


def read_only(view: View) -> View:
    """A public URL: only GET and HEAD (the middleware answers anything else with 405,
    before the CSRF check; this wrapper does so for direct calls)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method not in SAFE_METHODS:
            return HttpResponseNotAllowed(SAFE_METHODS)
        return view(request, *args, **kwargs)

    setattr(wrapped, READ_ONLY, True)
    return wrapped


def _route(request: HttpRequest) -> Callable[..., Any] | None:
    # Runs before LocaleMiddleware: resolve in the language the path names.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            return resolve(request.path_info).func
    except Resolver404:
        return None


def _validators(request: HttpRequest) -> tuple[str, str, int]:
    changed = data_changed_at()
    variant = "htmx" if request.headers.get("HX-Request") else "full"
    # The host is part of the key: feeds carry absolute links built from it (and
    # get_host() refuses hosts outside ALLOWED_HOSTS with a 400).
    key = f"{changed.isoformat()}|{variant}|{request.get_host()}|{request.get_full_path()}"
    etag = '"' + hashlib.sha256(key.encode()).hexdigest()[:32] + '"'
    seconds = int(changed.timestamp())
    return etag, http_date(seconds), seconds


def _not_modified(request: HttpRequest, etag: str, seconds: int) -> bool:
    """Whether the conditional headers match this (existing) page's validators."""
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:  # then If-Modified-Since is ignored (RFC 9110 13.1.3)
        tags = [t.removeprefix("W/") for t in parse_etags(if_none_match)]
        return "*" in tags or etag in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and since >= seconds


def _validated(response: HttpResponse, etag: str, last_modified: str) -> HttpResponse:
    response["ETag"] = etag
    response["Last-Modified"] = last_modified
    response["Cache-Control"] = "public, max-age=60"
    vary = response.get("Vary") or ""
    response["Vary"] = (
        vary if "HX-Request" in vary else ", ".join(filter(None, (vary, "HX-Request")))
    )
    return response


def public_page_middleware(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Answer conditional requests and cached public pages before the rest of the stack."""

    def middleware(request: HttpRequest) -> HttpResponse:
        view = _route(request)
        if getattr(view, READ_ONLY, False) and request.method not in SAFE_METHODS:
            return HttpResponseNotAllowed(SAFE_METHODS)
        if request.method not in SAFE_METHODS or not getattr(view, PUBLIC, False):
            return get_response(request)
        etag, last_modified, seconds = _validators(request)
        response: HttpResponse
        # Only a page that exists (its 200 is in the cache, or the view just made it) is
        # "not modified": a URL without a page gets its 404 whatever the headers say.
        use_cache = settings.VERSPROCHEN_PAGE_CACHE
        cached = cache.get("page:" + etag) if use_cache else None
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
        else:
            response = get_response(request)
            if not getattr(response, PUBLIC, False) or response.status_code != 200:
                return response
            _validated(response, etag, last_modified)
            if use_cache and not response.streaming:
                cache.set("page:" + etag, (response.content, list(response.items())), CACHE_SECONDS)
        if _not_modified(request, etag, seconds):
            return _validated(HttpResponseNotModified(), etag, last_modified)
        return response

    return middleware
