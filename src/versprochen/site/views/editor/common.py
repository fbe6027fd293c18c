"""What every editorial page shares: the role check, no caching, the client's address."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponseBase
from django.views.decorators.cache import never_cache

from versprochen.tracker.roles import holds

View = Callable[..., HttpResponseBase]


def editor_page(*roles: str) -> Callable[[View], View]:
    """A page for people holding one of `roles` for some body (any role when none given)."""

    def decorate(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            wanted = roles or ("admin", "editor", "reviewer")
            if not any(holds(request.user, role) for role in wanted):
                raise PermissionDenied
            request.session.modified = True  # an active editor's session lasts on
            if request.method == "POST":
                # The request owns the transaction: a change and its audit entry together.
                with transaction.atomic():
                    return view(request, *args, **kwargs)
            return view(request, *args, **kwargs)

        return never_cache(login_required(wrapped))

    return decorate


def require(user: Any, role: str, body_id: int) -> None:
    """PermissionDenied unless `user` holds `role` for the body."""
    if not holds(user, role, body_id):
        raise PermissionDenied


def _address(value: str) -> str | None:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: the peer's, or behind `VERSPROCHEN_TRUSTED_PROXIES` proxies
    the X-Forwarded-For entry the outermost of them wrote (each proxy appends the
    address it was connected from; entries further left are the client's own claims)."""
    peer = request.META.get("REMOTE_ADDR") or None
    hops = int(getattr(settings, "VERSPROCHEN_TRUSTED_PROXIES", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if hops <= 0 or not forwarded:
        return peer
    entries = [e for e in forwarded.split(",") if e.strip()]
    if not entries:
        return peer
    return _address(entries[max(0, len(entries) - hops)]) or peer
