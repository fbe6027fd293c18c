"""The editors' page of a body's council sync: last sync, objects by type, errors by kind."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from versprochen.oparl.models import MAPPED, SyncError, SyncRun, System
from versprochen.site.views.editor.common import editor_page
from versprochen.tracker.models import Body
from versprochen.tracker.roles import ALL, holds, scope
from versprochen.tracker.vocabulary import Role

# Errors shown per kind (the count says how many there are).
ERRORS_PER_KIND = 50

# What the page calls the kinds of errors and the states of a run.
KIND_LABELS = {
    "timeout": _("Zeitüberschreitung"),
    "http": _("HTTP-Fehler"),
    "broken_json": _("Fehlerhaftes JSON"),
    "wrong_type": _("Falscher Typ"),
    "too_large": _("Zu groß"),
    "missing": _("Objekt nicht abrufbar"),
    "bad_file": _("Unlesbare Datei"),
}
STATE_LABELS = {
    "running": _("läuft oder wurde unterbrochen"),
    "done": _("fertig"),
    "failed": _("fehlgeschlagen"),
}


def _may_see(user: Any, body_id: int) -> bool:
    return holds(user, Role.EDITOR, body_id) or holds(user, Role.ADMIN, body_id)


@editor_page(Role.EDITOR, Role.ADMIN)
def sync_list(request: HttpRequest) -> HttpResponse:
    """The bodies with a council system that the user edits or administers."""
    systems = System.objects.select_related("body").order_by("body__name", "url")
    editing, admin = scope(request.user, Role.EDITOR), scope(request.user, Role.ADMIN)
    if editing is not ALL and admin is not ALL:
        systems = systems.filter(body_id__in=set(editing) | set(admin))
    rows = [_system_json(system) for system in systems]
    if request.GET.get("format") == "json":
        return JsonResponse({"systems": rows}, json_dumps_params={"ensure_ascii": False})
    return render(request, "oparl/sync_list.html", {"systems": list(systems)})


@editor_page(Role.EDITOR, Role.ADMIN)
@require_http_methods(["GET", "HEAD", "POST"])
def sync_status(request: HttpRequest, slug: str) -> HttpResponse:
    """One body's systems; POST queues a sync (the job's page follows)."""
    body = Body.objects.filter(slug=slug).first()
    if body is None:
        raise Http404
    if not _may_see(request.user, body.pk):
        raise PermissionDenied
    systems = list(System.objects.filter(body=body).order_by("url"))
    if request.method == "POST":
        return _queue(request, body, full=request.POST.get("full") == "1")
    reports = [
        {"system": system, "run": SyncRun.objects.filter(system=system).first(), **_report(system)}
        for system in systems
    ]
    if request.GET.get("format") == "json":
        plain = [{k: v for k, v in r.items() if k not in ("system", "run")} for r in reports]
        data = {"body": {"name": body.name, "slug": body.slug}, "systems": plain}
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    return render(request, "oparl/sync_status.html", {"body": body, "reports": reports})


def _queue(request: HttpRequest, body: Body, full: bool) -> HttpResponse:
    from versprochen.jobs import enqueue
    from versprochen.oparl import jobs  # noqa: F401 - registers the job kind

    if not System.objects.filter(body=body).exists():
        raise Http404
    job = enqueue(
        "oparl.sync",
        body_id=body.pk,
        full=full,
        label=f"OParl-Abgleich {body.name}",
        body=body,
        user=request.user,
    )
    response = HttpResponseRedirect(reverse("site:editor_job", args=[job.pk]))
    response.status_code = 303
    return response


def _system_json(system: System) -> dict[str, Any]:
    return {
        "url": system.url,
        "body": system.body.slug,
        "name": system.name,
        "oparl_version": system.oparl_version,
        "last_success": system.last_success.isoformat() if system.last_success else None,
        "last_full": system.last_full.isoformat() if system.last_full else None,
    }


def _report(system: System) -> dict[str, Any]:
    """What the page shows of one system, as plain data (the JSON twin is the same)."""
    objects = []
    for name, model in MAPPED.items():
        counts = model._default_manager.filter(system=system).aggregate(
            total=Count("pk"),
            deleted=Count("pk", filter=Q(deleted=True)),
            placeholders=Count("pk", filter=Q(placeholder=True)),
        )
        objects.append({"type": name, **counts})
    run = SyncRun.objects.filter(system=system).first()
    errors: list[dict[str, Any]] = []
    if run is not None:
        by_kind = dict(
            SyncError.objects.filter(run=run)
            .values_list("kind")
            .annotate(n=Count("pk"))
            .values_list("kind", "n")
        )
        for kind, count in sorted(by_kind.items()):
            shown = SyncError.objects.filter(run=run, kind=kind).order_by("pk")[:ERRORS_PER_KIND]
            errors.append(
                {
                    "kind": kind,
                    "label": str(KIND_LABELS.get(kind, kind)),
                    "count": count,
                    "errors": [
                        {"url": e.url, "reason": e.reason, "at": e.at.isoformat()} for e in shown
                    ],
                }
            )
    return {
        **_system_json(system),
        "objects": objects,
        "last_run": None
        if run is None
        else {
            "state": run.state,
            "state_label": str(STATE_LABELS.get(run.state, run.state)),
            "full": run.full,
            "started_at": run.started_at.isoformat(),
            "finished_at": run.finished_at.isoformat() if run.finished_at else None,
            "summary": run.summary,
            "quirks": (run.counts or {}).get("quirks", {}),
        },
        "errors": errors,
    }
