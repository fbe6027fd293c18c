"""Bulk work: assessments of a body or document as CSV, and the same CSV back as drafts."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import QuerySet
from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import assessment_csv
from versprochen.tracker.models import Body, Document, Pledge
from versprochen.tracker.roles import bodies_for, holds
from versprochen.tracker.vocabulary import Role


def _targets(user: object) -> list[tuple[str, str, str]]:
    """(value, label, export URL) for each body and document the person edits."""
    out = []
    for body in bodies_for(user, Role.EDITOR)[:200]:
        out.append((f"body:{body.slug}", body.name, f"?body={body.slug}"))
        for doc in Document.objects.filter(body=body).exclude(source=None).order_by("title")[:200]:
            out.append(
                (f"document:{doc.slug}", f"{body.name} – {doc.title}", f"?document={doc.slug}")
            )
    return out


def _pledges(user: object, kind: str, slug: str) -> tuple[QuerySet[Pledge], str]:
    if kind == "body":
        body = Body.objects.filter(slug=slug).first()
        if body is None or not holds(user, Role.EDITOR, body.pk):
            raise Http404
        return Pledge.objects.filter(body=body), body.slug
    document = Document.objects.filter(slug=slug).first()
    if document is None or not holds(user, Role.EDITOR, document.body_id):
        raise Http404
    return Pledge.objects.filter(document=document), document.slug


@editor_page(Role.EDITOR)
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    kind = "body" if "body" in request.GET else "document"
    pledges, name = _pledges(request.user, kind, str(request.GET.get(kind, ""))[:200])
    excel = request.GET.get("fuer") == "excel"
    response = StreamingHttpResponse(
        assessment_csv.export_lines(pledges, excel=excel), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="bewertungen-{name}.csv"'
    return response


@editor_page(Role.EDITOR)
def bulk(request: HttpRequest) -> HttpResponse:
    targets = _targets(request.user)
    errors: list[str] = []
    status = 200
    if request.method == "POST":
        target = str(request.POST.get("target", ""))
        upload = request.FILES.get("file")
        if ":" not in target or target not in {t[0] for t in targets}:
            errors.append(_("Bitte wählen Sie, wofür die Datei gilt."))
        elif upload is None:
            errors.append(_("Bitte eine CSV-Datei wählen."))
        elif upload.size is not None and upload.size > assessment_csv.MAX_BYTES:
            errors.append(_("Die Datei ist größer als 10 MB."))
        else:
            kind, slug = target.split(":", 1)
            pledges, _name = _pledges(request.user, kind, slug)
            result = assessment_csv.import_assessments(upload.read(), pledges, request.user)
            errors = result.errors
            if not errors:
                messages.success(
                    request,
                    _(
                        "%(n)d Entwürfe zur Prüfung angelegt; %(same)d unverändert, "
                        "%(skipped)d ohne Status übersprungen."
                    )
                    % {
                        "n": len(result.drafts),
                        "same": result.unchanged,
                        "skipped": result.skipped,
                    },
                )
                return HttpResponseRedirect(reverse("site:bulk"))
        status = 400
    context = {
        "targets": targets,
        "errors": errors,
        "columns": assessment_csv.COLUMNS,
        "export_url": reverse("site:bulk_export"),
        "chosen": request.POST.get("target", ""),
    }
    return render(request, "editor/bulk.html", context, status=status)
