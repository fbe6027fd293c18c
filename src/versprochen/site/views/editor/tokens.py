"""API tokens: list one's own, create one (its key shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import tokens
from versprochen.tracker.models import ApiToken
from versprochen.tracker.roles import bodies_for
from versprochen.tracker.vocabulary import Role


@editor_page(Role.EDITOR)
def token_list(request: HttpRequest) -> HttpResponse:
    bodies = list(bodies_for(request.user, Role.EDITOR)[:200])
    key = ""
    problem = ""
    status = 200
    if request.method == "POST":
        chosen = {str(v) for v in request.POST.getlist("bodies")}
        try:
            _token, key = tokens.create(
                request.user,
                str(request.POST.get("name", ""))[:200],
                [b for b in bodies if str(b.pk) in chosen],
            )
        except ValueError as error:
            problem, status = str(error), 400
    context = {
        "tokens": list(
            ApiToken.objects.filter(user_id=int(request.user.pk or 0)).prefetch_related("bodies")[
                :100
            ]
        ),
        "bodies": bodies,
        "key": key,
        "problem": problem,
    }
    return render(request, "editor/tokens.html", context, status=status)


@editor_page(Role.EDITOR)
def revoke_token(request: HttpRequest, pk: int) -> HttpResponse:
    token = (
        ApiToken.objects.filter(pk=pk, user_id=int(request.user.pk or 0)).first()
        if 0 < pk < 2**62
        else None
    )
    if token is None:
        raise Http404
    if request.method == "POST":
        tokens.revoke(request.user, token)
        messages.success(request, _("Schlüssel widerrufen."))
    return HttpResponseRedirect(reverse("site:tokens"))
