"""What every coalition page shares: the member check (404 for everyone else), no
caching, the request's transaction, the navigation context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from versprochen.coalition.access import member_or_404
from versprochen.coalition.models import Membership

MemberView = Callable[..., HttpResponseBase]


def member_page(view: MemberView) -> Callable[..., HttpResponseBase]:
    """A page of one coalition (`slug`) for its members: `view(request, member, ...)`."""

    @wraps(view)
    def wrapped(request: HttpRequest, slug: str, *args: Any, **kwargs: Any) -> HttpResponseBase:
        member = member_or_404(request.user, slug)
        request.session.modified = True
        if request.method == "POST":
            with transaction.atomic():
                return view(request, member, *args, **kwargs)
        return view(request, member, *args, **kwargs)

    return never_cache(login_required(wrapped))


def today() -> dt.date:
    return timezone.localdate()


def page(
    request: HttpRequest,
    member: Membership,
    template: str,
    context: dict[str, Any],
    status: int = 200,
) -> HttpResponse:
    context = {"member": member, "coalition": member.coalition, **context}
    return render(request, template, context, status=status)
