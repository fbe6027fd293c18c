"""For admins: the audit log (page and CSV) and the accounts of their bodies: create,
give and take roles, lock and unlock."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.site.forms.admin import NewUserForm, RoleForm
from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import audit, validation
from versprochen.tracker.accounts import change_role, create_user
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
    try:
        page = validation.number(raw_page, 1, 10_000, default=1)
    except ValidationError:
        page = 1
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


def _body_choices(user: Any) -> list[tuple[str, str]]:
    choices = [(str(b.pk), b.name) for b in bodies_for(user, Role.ADMIN)]
    if scope(user, Role.ADMIN) is None:
        choices.insert(0, ("*", _("alle Körperschaften")))
    return choices


def _chosen_body(admin: Any, value: str) -> Body | None:
    """The body of a form's choice (None: every body), which `admin` must administer."""
    body = None if value == "*" else Body.objects.filter(pk=validation.number(value)).first()
    if value != "*" and body is None:
        raise PermissionDenied
    if not holds(admin, Role.ADMIN, body.pk if body else None) or (
        body is None and scope(admin, Role.ADMIN) is not None
    ):
        raise PermissionDenied
    return body


@editor_page(Role.ADMIN)
def users(request: HttpRequest) -> HttpResponse:
    administered = scope(request.user, Role.ADMIN)
    choices = _body_choices(request.user)
    posted = request.POST if request.method == "POST" else None
    which = str(request.POST.get("form", "new")) if posted is not None else ""
    form = NewUserForm(posted if which == "new" else None, bodies=choices)
    role_form = RoleForm(posted if which == "roles" else None, bodies=choices, prefix="roles")
    status = 200
    if posted is not None and which == "new":
        if form.is_valid():
            data = form.cleaned_data
            body = _chosen_body(request.user, data["body"])
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
    elif posted is not None and which == "roles":
        if role_form.is_valid():
            data = role_form.cleaned_data
            body = _chosen_body(request.user, data["body"])
            person = data["username"]
            grant = data["change"] == "grant"
            if not grant and person == request.user and data["role"] == Role.ADMIN:
                role_form.add_error(
                    "change", _("Die eigene Admin-Rolle lässt sich hier nicht entziehen.")
                )
            else:
                changed = change_role(request.user, person, data["role"], body, grant=grant)
                if not changed:
                    note = _("Nichts geändert: %(name)s hatte diese Rolle schon.")
                    if not grant:
                        note = _("Nichts geändert: %(name)s hatte diese Rolle nicht.")
                    messages.info(request, note % {"name": person.get_username()})
                else:
                    messages.success(request, _("Rollen geändert."))
                return HttpResponseRedirect(reverse("site:users"))
        status = 400
    elif posted is not None:
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
    bodies_of: dict[int, set[int | None]] = {}
    for user_id, body_id in Membership.objects.filter(user__in=list(people)).values_list(
        "user_id", "body_id"
    ):
        bodies_of.setdefault(user_id, set()).add(body_id)
    for user_id, entry in people.items():
        entry["manageable"] = _may_manage(
            request.user, entry["user"], bodies_of.get(user_id), administered
        )
    context = {"form": form, "role_form": role_form, "people": list(people.values())}
    return render(request, "editor/users.html", context, status=status)


_UNKNOWN: Any = object()


def _may_manage(
    admin: Any, user: Any, their: set[int | None] | None = None, administered: Any = _UNKNOWN
) -> bool:
    """Whether `admin` may lock or unlock `user`: not themselves, and (unless admin of every
    body) only people whose every role lies within the bodies they administer (`their`:
    the bodies of `user`'s roles, when already known)."""
    if user == admin:
        return False
    if administered is _UNKNOWN:
        administered = scope(admin, Role.ADMIN)
    if administered is None:
        return True
    if their is None:
        their = set(Membership.objects.filter(user=user).values_list("body_id", flat=True))
    return not (user.is_superuser or None in their or not their <= set(administered))


def _managed_user(request: HttpRequest, pk: int) -> Any:
    user = get_user_model().objects.filter(pk=pk).first() if 0 < pk < 2**62 else None
    if user is None or not _may_manage(request.user, user):
        raise PermissionDenied
    return user


@editor_page(Role.ADMIN)
def deactivate_user(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseRedirect(reverse("site:users"))
    user = _managed_user(request, pk)
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


@editor_page(Role.ADMIN)
def activate_user(request: HttpRequest, pk: int) -> HttpResponse:
    """Unlock a locked account (its API tokens stay revoked: new ones are made anew)."""
    if request.method != "POST":
        return HttpResponseRedirect(reverse("site:users"))
    user = _managed_user(request, pk)
    if not user.is_active:
        before = audit.snapshot(user)
        user.is_active = True
        user.save(update_fields=["is_active"])
        body = Membership.objects.filter(user=user).values_list("body_id", flat=True).first()
        audit.record(
            request.user,
            "user.activate",
            user,
            body=body,
            before=before,
            after=audit.snapshot(user),
        )
    messages.success(request, _("Konto entsperrt."))
    return HttpResponseRedirect(reverse("site:users"))
