"""For admins: import a document (or a new version) through the browser, as a job.

The upload is stored (bytes and sha256) and its extraction queued in one short
write; the extraction runs in a worker outside any transaction and stores its
result in one short transaction (`tracker.importing.jobs`). The editor follows the
job on its page.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from versprochen.jobs import enqueue
from versprochen.jobs.models import Job, Upload
from versprochen.site.forms.documents import DocumentForm
from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import audit
from versprochen.tracker.importer import named, sha256_of
from versprochen.tracker.importing import jobs as import_jobs
from versprochen.tracker.models import Body
from versprochen.tracker.roles import ALL, bodies_for, holds, scope
from versprochen.tracker.vocabulary import Role

# While a job runs its page reloads itself this often (seconds), also without JavaScript.
REFRESH_SECONDS = 2


@never_cache
@login_required
def new_document(request: HttpRequest) -> HttpResponseBase:
    # The upload is read from the connection before the request's transaction begins,
    # so that a slow upload never holds the database's write lock.
    if request.method == "POST" and holds(request.user, Role.ADMIN):
        request.FILES  # noqa: B018  (parses the body)
    return _new_document(request)


@editor_page(Role.ADMIN)
def _new_document(request: HttpRequest) -> HttpResponse:
    may_create = scope(request.user, Role.ADMIN) is ALL
    bodies = [(b.name, b.name) for b in bodies_for(request.user, Role.ADMIN)[:500]]
    form = DocumentForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        bodies=bodies,
        may_create_body=may_create,
    )
    if request.method == "POST":
        if form.is_valid() and form.info is not None:
            return _store_upload(request, form)
        return render(request, "editor/document_new.html", {"form": form}, status=400)
    return render(request, "editor/document_new.html", {"form": form})


def _store_upload(request: HttpRequest, form: DocumentForm) -> HttpResponse:
    assert form.info is not None
    file = form.cleaned_data["file"]
    data = file.read()
    name = str(file.name or "document")[-200:]
    notes: list[str] = []
    known = Body.objects.filter(name=form.info.body).exists()
    body = named(Body, form.info.body, notes)
    if not known and body.name == form.info.body:
        audit.record(request.user, "body.create", body, body=body, after={"name": body.name})
    info = import_jobs.info_to_json(form.info)
    info["body"] = body.name
    upload = Upload.objects.create(
        filename=name,
        data=data,
        sha256=sha256_of(data),
        size=len(data),
        info=info,
        body=body,
        uploaded_by_id=request.user.pk,
    )
    upload.job = enqueue(
        "tracker.extract_upload",
        upload_id=upload.pk,
        label=f"Import: {name}",
        body=body,
        user=request.user,
    )
    upload.save(update_fields=["job"])
    # 303: the browser fetches the job's page; a reload does not post the file again.
    response = HttpResponseRedirect(reverse("site:editor_job", args=[upload.job.pk]))
    response.status_code = 303
    return response


# The jobs list shows this many, newest first.
RECENT_JOBS = 50


@editor_page()
def job_list(request: HttpRequest) -> HttpResponse:
    """The recent jobs someone started or that concern bodies they administer."""
    bodies = scope(request.user, Role.ADMIN)
    jobs = Job.objects.select_related("body")
    if bodies is not ALL:
        jobs = jobs.filter(Q(created_by=request.user) | Q(body__in=bodies))
    recent = list(jobs.order_by("-created_at", "-id")[:RECENT_JOBS])
    if request.GET.get("format") == "json":
        rows = [_as_json(job, None) for job in recent]
        return JsonResponse({"jobs": rows}, json_dumps_params={"ensure_ascii": False})
    running = any(not job.finished for job in recent)
    context = {"jobs": recent, "refresh": REFRESH_SECONDS * 2 if running else None}
    return render(request, "editor/job_list.html", context)


@editor_page()
def job_status(request: HttpRequest, pk: int) -> HttpResponse:
    """A job's state, progress, error or result; reloads itself until the job is finished."""
    job = Job.objects.select_related("body").filter(pk=pk).first()
    if job is None or not _may_see(request.user, job):
        raise Http404
    upload = Upload.objects.select_related("document").filter(job=job).first()
    document = upload.document if upload is not None else None
    may_edit = document is not None and holds(request.user, Role.EDITOR, document.body_id)
    if request.GET.get("format") == "json":
        return JsonResponse(_as_json(job, document), json_dumps_params={"ensure_ascii": False})
    context = {
        "job": job,
        "upload": upload,
        "report": upload.report if upload is not None else {},
        "document": document,
        "may_edit": may_edit,
        "refresh": None if job.finished else REFRESH_SECONDS,
    }
    return render(request, "editor/job.html", context)


def _may_see(user: Any, job: Job) -> bool:
    if job.created_by_id is not None and job.created_by_id == user.pk:
        return True
    return job.body_id is not None and holds(user, Role.ADMIN, job.body_id)


def _as_json(job: Job, document: Any) -> dict[str, Any]:
    return {
        "id": job.pk,
        "kind": job.kind,
        "label": job.label,
        "state": job.state,
        "progress": {"done": job.progress_done, "total": job.progress_total},
        "message": job.message,
        "error": job.error or None,
        "result": job.result or None,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "document": document.slug if document is not None else None,
    }
