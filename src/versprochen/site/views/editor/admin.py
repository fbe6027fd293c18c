"""For admins: the audit log (page and CSV) and the accounts of their bodies."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.site.forms.admin import NewUserForm
from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import audit
from versprochen.tracker.accounts import create_user
from versprochen.tracker.models import Body, Membership
from versprochen.tracker.roles import bodies_for, holds, scope
from versprochen.tracker.vocabulary import Role

PAGE = 50


@editor_page(Role.ADMIN)
def audit_log(request: HttpRequest) -> HttpResponse:
    rows = audit.entries(scope(request.user, Role.ADMIN))
    action = str(request.GET.get("action", ""))[:50]
    if action:
        rows = rows.filter(action=action)
    raw_page = str(request.GET.get("page", "1"))
    page = int(raw_page) if raw_page.isdigit() and 0 < int(raw_page) <= 10_000 else 1
    entries = list(rows[(page - 1) * PAGE : page * PAGE + 1])
    context = {
        "entries": entries[:PAGE],
        "page": page,
        "next": page + 1 if len(entries) > PAGE else None,
        "previous": page - 1 if page > 1 else None,
        "action": action,
    }
    return render(request, "editor/audit.html", context)


@editor_page(Role.ADMIN)
def audit_csv(request: HttpRequest) -> StreamingHttpResponse:
    rows = audit.entries(scope(request.user, Role.ADMIN)).order_by("at", "id")
    response = StreamingHttpResponse(audit.csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="protokoll.csv"'
    return response


@editor_page(Role.ADMIN)
def users(request: HttpRequest) -> HttpResponse:
    administered = scope(request.user, Role.ADMIN)
    bodies = list(bodies_for(request.user, Role.ADMIN))
    choices = [(str(b.pk), b.name) for b in bodies]
    if administered is None:
        choices.insert(0, ("*", _("alle Körperschaften")))
    form = NewUserForm(request.POST if request.method == "POST" else None, bodies=choices)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            body = None if data["body"] == "*" else Body.objects.get(pk=int(data["body"]))
            if body is not None and not holds(request.user, Role.ADMIN, body.pk):
                raise PermissionDenied
            create_user(
                data["username"],
                data["roles"],
                [body] if body else [],
                data["password"],
                data.get("email", ""),
                by=request.user,
            )
            messages.success(request, _("Konto angelegt."))
            return HttpResponseRedirect(reverse("site:users"))
        status = 400
    memberships = Membership.objects.select_related("user", "body").order_by(
        "user__username", "body__name", "role"
    )
    if administered is not None:
        memberships = memberships.filter(body__in=administered)
    people: dict[int, dict[str, object]] = {}
    for m in memberships[:1000]:
        entry = people.setdefault(m.user_id, {"user": m.user, "roles": []})
        entry["roles"].append((Role(m.role).label, m.body.name if m.body else "*"))  # type: ignore[attr-defined]
    context = {"form": form, "people": list(people.values())}
    return render(request, "editor/users.html", context, status=status)


@editor_page(Role.ADMIN)
def deactivate_user(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseRedirect(reverse("site:users"))
    user = get_user_model().objects.filter(pk=pk).first() if 0 < pk < 2**62 else None
    if user is None or user == request.user:
        raise PermissionDenied
    administered = scope(request.user, Role.ADMIN)
    if administered is not None:
        their = set(Membership.objects.filter(user=user).values_list("body_id", flat=True))
        if user.is_superuser or None in their or not their <= set(administered):
            raise PermissionDenied
    before = audit.snapshot(user)
    user.is_active = False
    user.save(update_fields=["is_active"])
    user.api_tokens.filter(revoked_at=None).update(revoked_at=timezone.now())
    body = Membership.objects.filter(user=user).values_list("body_id", flat=True).first()
    audit.record(
        request.user, "user.deactivate", user, body=body, before=before, after=audit.snapshot(user)
    )
    messages.success(request, _("Konto gesperrt."))
    return HttpResponseRedirect(reverse("site:users"))
