"""Editorial pages: make and publish reports, set up comparisons and confirm their items.

Making a report and proposing a comparison run as jobs; the pages hand over to the
job's status page (`site:editor_job`). Publishing a report needs the reviewer (or
admin) role for its body and, by the four-eyes rule, someone other than its maker.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from versprochen.jobs import enqueue
from versprochen.reports import comparison as comparisons
from versprochen.reports import service
from versprochen.reports.models import (
    Comparison,
    ComparisonItem,
    ComparisonProgram,
    ItemState,
    Relation,
    Report,
    ReportKind,
)
from versprochen.site.views.editor.common import editor_page, require
from versprochen.tracker import audit, validation
from versprochen.tracker.models import Body, Document, Pledge
from versprochen.tracker.roles import bodies_for, holds
from versprochen.tracker.vocabulary import DocumentKind, Role

ITEMS_PER_PAGE = 30
LIST_LIMIT = 100


def _bodies(user: Any, *roles: str) -> list[Body]:
    """The bodies `user` holds any of `roles` for."""
    found: dict[int, Body] = {}
    for role in roles:
        found.update((b.pk, b) for b in bodies_for(user, role))
    return sorted(found.values(), key=lambda b: b.name)


def _id(value: str | None) -> int:
    """A record id from a form field; 0 (no record) for anything but plain digits."""
    try:
        return validation.number(value, 1, default=0)
    except ValidationError:
        return 0


def _may_make(user: Any, body_id: int) -> bool:
    return holds(user, Role.EDITOR, body_id) or holds(user, Role.ADMIN, body_id)


def _may_publish(user: Any, report: Report) -> bool:
    if holds(user, Role.ADMIN, report.body_id):
        return True
    return holds(user, Role.REVIEWER, report.body_id) and report.created_by_id != user.pk


@editor_page()
def reports(request: HttpRequest) -> HttpResponseBase:
    bodies = _bodies(request.user, Role.EDITOR, Role.ADMIN)
    errors: list[str] = []
    if request.method == "POST":
        job_or_errors = _make_report(request, bodies)
        if isinstance(job_or_errors, HttpResponseBase):
            return job_or_errors
        errors = job_or_errors
    listed = (
        Report.objects.filter(
            body__in=_bodies(request.user, Role.EDITOR, Role.ADMIN, Role.REVIEWER)
        )
        .select_related("body")
        .defer("snapshot", "html", "pdf")
        .order_by("-created_at")[:LIST_LIMIT]
    )
    context = {
        "bodies": bodies,
        "kinds": ReportKind.choices,
        "year": timezone.localdate().year,
        "reports": listed,
        "errors": errors,
    }
    return render(request, "reports/editor_reports.html", context, status=400 if errors else 200)


def _make_report(request: HttpRequest, bodies: list[Body]) -> HttpResponseBase | list[str]:
    errors: list[str] = []
    body = next((b for b in bodies if b.pk == _id(request.POST.get("body"))), None)
    if body is None or not _may_make(request.user, body.pk):
        errors.append(_("Körperschaft: bitte eine wählen, für die Sie Berichte machen dürfen."))
    kind = request.POST.get("kind", "")
    if kind not in ReportKind.values:
        errors.append(_("Art: bitte Jahresbilanz oder Halbzeitbilanz wählen."))
    year = None
    if kind == ReportKind.YEARLY:
        try:
            year = validation.number(
                request.POST.get("year"), lowest=1990, highest=timezone.localdate().year
            )
        except ValidationError as error:
            errors.append(_("Jahr: ") + " ".join(error.messages))
    if errors or body is None:
        return errors
    job = enqueue(
        "reports.make",
        label=_("Bericht für %(body)s") % {"body": body.name},
        body=body,
        user=request.user,
        body_id=body.pk,
        report_kind=kind,
        year=year,
        base_url=request.build_absolute_uri("/").rstrip("/"),
        language=translation.get_language() or "de",
        user_id=request.user.pk,
    )
    return redirect("site:editor_job", pk=job.pk)


def _report(request: HttpRequest, slug: str) -> Report:
    report = Report.objects.select_related("body").filter(slug=slug).first()
    if report is None or not (
        _may_make(request.user, report.body_id) or _may_publish(request.user, report)
    ):
        raise Http404
    return report


@editor_page()
def report_detail(request: HttpRequest, slug: str) -> HttpResponseBase:
    report = _report(request, slug)
    if request.method == "POST":
        if not _may_publish(request.user, report):
            raise PermissionDenied
        if not report.published:
            service.publish(report, request.user)
            audit.record(request.user, "report.publish", report, body=report.body)
            messages.success(request, _("Der Bericht ist veröffentlicht."))
        return redirect("site:editor_report", slug=report.slug)
    context = {
        "report": report,
        "may_publish": _may_publish(request.user, report) and not report.published,
    }
    return render(request, "reports/editor_report.html", context)


@editor_page()
def report_file(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    report = _report(request, slug)
    if fmt == "pdf":
        response = HttpResponse(bytes(report.pdf), content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="{report.slug}.pdf"'
        return response
    return HttpResponse(report.html, content_type="text/html; charset=utf-8")


@editor_page()
def comparison_list(request: HttpRequest) -> HttpResponseBase:
    bodies = _bodies(request.user, Role.EDITOR)
    documents = Document.objects.filter(body__in=bodies).order_by("body__name", "title")
    errors: list[str] = []
    if request.method == "POST":
        result = _start_comparison(request, documents)
        if isinstance(result, HttpResponseBase):
            return result
        errors = result
    context = {
        "comparisons": Comparison.objects.filter(agreement__body__in=bodies)
        .select_related("agreement")
        .order_by("agreement__title")[:LIST_LIMIT],
        "agreements": documents.filter(kind=DocumentKind.COALITION_AGREEMENT),
        "programs": documents.filter(kind=DocumentKind.PROGRAM).prefetch_related("authors"),
        "errors": errors,
    }
    status = 400 if errors else 200
    return render(request, "reports/editor_comparisons.html", context, status=status)


def _start_comparison(request: HttpRequest, documents: Any) -> HttpResponseBase | list[str]:
    agreement = documents.filter(
        pk=_id(request.POST.get("agreement")), kind=DocumentKind.COALITION_AGREEMENT
    ).first()
    wanted = [_id(v) for v in request.POST.getlist("programs")]
    programs = list(documents.filter(pk__in=wanted, kind=DocumentKind.PROGRAM))
    if agreement is None:
        return [_("Koalitionsvertrag: bitte einen wählen.")]
    if not programs:
        return [_("Programme: bitte mindestens eines wählen.")]
    try:
        found = comparisons.setup(agreement, [(p, comparisons.program_name(p)) for p in programs])
    except comparisons.ComparisonInputError as error:
        return [str(error)]
    audit.record(request.user, "comparison.start", found, body=agreement.body)
    return _enqueue_comparison(request, found)


def _enqueue_comparison(request: HttpRequest, found: Comparison) -> HttpResponseBase:
    job = enqueue(
        "reports.compare",
        label=_("Vergleich: %(title)s") % {"title": found.agreement.title},
        body=found.agreement.body,
        user=request.user,
        comparison_id=found.pk,
    )
    return redirect("site:editor_job", pk=job.pk)


def _editable(request: HttpRequest, slug: str) -> Comparison:
    found = Comparison.objects.filter(agreement__slug=slug).select_related("agreement").first()
    if found is None or not holds(request.user, Role.EDITOR, found.agreement.body_id):
        raise Http404
    return found


@editor_page()
def comparison_detail(request: HttpRequest, slug: str) -> HttpResponseBase:
    found = _editable(request, slug)
    if request.method == "POST":  # propose again (confirmed items are kept)
        return _enqueue_comparison(request, found)
    state = request.GET.get("state", "proposed")
    state = state if state in ItemState.values else ItemState.PROPOSED
    items = (
        found.items.filter(state=state)
        .select_related("pledge")
        .prefetch_related("matches__pledge", "matches__program")
        .order_by("pledge__number")
    )
    page = Paginator(items, ITEMS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "comparison": found,
        "shares": comparisons.figures(found),
        "page": page,
        "state": state,
        "states": ItemState.choices,
        "relations": Relation.choices,
        "programs": list(found.programs.all()),
    }
    return render(request, "reports/editor_comparison.html", context)


@editor_page()
def confirm_item(request: HttpRequest, slug: str, pk: int) -> HttpResponseBase:
    found = _editable(request, slug)
    item = ComparisonItem.objects.filter(pk=pk, comparison=found).first()
    if item is None:
        raise Http404
    if request.method != "POST":
        return redirect("site:editor_comparison", slug=slug)
    require(request.user, Role.EDITOR, found.agreement.body_id)
    if request.POST.get("action") == "reopen":
        comparisons.reopen(item)
        audit.record(request.user, "comparison.reopen", item, body=found.agreement.body)
        return _back(slug, ItemState.CONFIRMED)
    relations = {
        match.pk: request.POST.get(f"relation-{match.pk}", match.relation)
        for match in item.matches.all()
    }
    try:
        added = _added(request, found)
        comparisons.confirm(item, request.user, relations, added)
    except (ValidationError, comparisons.ComparisonInputError) as error:
        text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
        messages.error(request, _("Nicht gespeichert: ") + text)
        return _back(slug, ItemState.PROPOSED)
    audit.record(request.user, "comparison.confirm", item, body=found.agreement.body)
    return _back(slug, ItemState.PROPOSED)


def _added(request: HttpRequest, found: Comparison) -> list[tuple[ComparisonProgram, Pledge, str]]:
    number = (request.POST.get("add-number") or "").strip()
    if not number:
        return []
    program = found.programs.filter(pk=_id(request.POST.get("add-program"))).first()
    if program is None:
        raise ValidationError(_("Programm: bitte eines wählen."))
    pledge = Pledge.objects.filter(
        document=program.document, number=validation.number(number), current=True
    ).first()
    if pledge is None:
        raise ValidationError(
            _("Das Programm hat kein Versprechen Nr. %(n)s.") % {"n": number[:10]}
        )
    return [(program, pledge, request.POST.get("add-relation", Relation.MODIFIED))]


def _back(slug: str, state: str) -> HttpResponseBase:
    return redirect(reverse("site:editor_comparison", kwargs={"slug": slug}) + f"?state={state}")
