"""Login (rate-limited, Argon2) and logout (POST only)."""

from __future__ import annotations

from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from versprochen.site.views.editor.common import client_ip
from versprochen.tracker import audit, ratelimit


def _next_url(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("site:editor")


@never_cache
@transaction.atomic
def login_view(request: HttpRequest) -> HttpResponse:
    form = AuthenticationForm(request, data=request.POST if request.method == "POST" else None)
    status = 200
    blocked = ""
    if request.method == "POST":
        username = str(request.POST.get("username", ""))[:150]
        ip = client_ip(request)
        # Checked and counted under a lock: parallel attempts are counted one by one.
        wait = ratelimit.admit(username, ip)
        if wait:
            # The password is not even checked while the limit holds.
            form = AuthenticationForm(request, initial={"username": username})
            blocked = _(
                "Zu viele fehlgeschlagene Anmeldungen. Bitte in %(minutes)d Minuten erneut."
            ) % {"minutes": max(1, (wait + 59) // 60)}
            status = 429
        elif form.is_valid():
            user = form.get_user()
            ratelimit.succeeded(username)
            login(request, user)
            audit.record_for_person(user, "login")
            return HttpResponseRedirect(_next_url(request))
        else:
            status = 400  # already counted as a failure by `admit`
    context = {"form": form, "next": _next_url(request), "blocked": blocked}
    return render(request, "editor/login.html", context, status=status)


@require_POST
@transaction.atomic
def logout_view(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        audit.record_for_person(request.user, "logout")
    logout(request)
    return HttpResponseRedirect(reverse("site:start"))
