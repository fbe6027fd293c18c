"""Drafting an assessment with evidence, editing it, sending it to review."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.site.forms.assessments import (
    AssessmentForm,
    EvidenceFormSet,
    evidence_initial,
    evidence_items,
)
from versprochen.site.views.editor.common import editor_page, require
from versprochen.site.views.editor.conflicts import assessment_rows
from versprochen.tracker import workflow
from versprochen.tracker.models import Assessment, Pledge
from versprochen.tracker.roles import holds
from versprochen.tracker.validation import DraftData
from versprochen.tracker.vocabulary import AssessmentState, Role

MAX_ID = 2**62


def get_pledge(pk: int) -> Pledge:
    pledge = (
        Pledge.objects.select_related("document", "body", "section").filter(pk=pk).first()
        if 0 < pk < MAX_ID
        else None
    )
    if pledge is None:
        raise Http404
    return pledge


def get_assessment(pk: int) -> Assessment:
    assessment = (
        Assessment.objects.select_related("pledge", "pledge__document", "author", "changed_by")
        .filter(pk=pk)
        .first()
        if 0 < pk < MAX_ID
        else None
    )
    if assessment is None:
        raise Http404
    return assessment


def _bound(request: HttpRequest) -> tuple[AssessmentForm, Any, DraftData | None]:
    form = AssessmentForm(request.POST)
    formset = EvidenceFormSet(request.POST, prefix="evidence")
    valid = form.is_valid() & formset.is_valid()  # both, so every error is shown
    if not valid or form.draft is None:
        return form, formset, None
    draft = form.draft
    items = evidence_items(formset)
    return (
        form,
        formset,
        DraftData(
            status=draft.status,
            assessed_on=draft.assessed_on,
            rationale=draft.rationale,
            reason=draft.reason,
            note=draft.note,
            evidence=items,
        ),
    )


def _page(
    request: HttpRequest, pledge: Pledge, form: Any, formset: Any, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {
        "pledge": pledge,
        "form": form,
        "formset": formset,
        "published": workflow.published(pledge),
        **extra,
    }
    return render(request, "editor/assessment_form.html", context, status=status)


@editor_page(Role.EDITOR)
def new_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge(pk)
    require(request.user, Role.EDITOR, pledge.body_id)
    if request.method == "POST":
        form, formset, data = _bound(request)
        if data is None:
            return _page(request, pledge, form, formset, status=400)
        submit = request.POST.get("action") == "submit"
        assessment = workflow.create_draft(request.user, pledge, data, submit=submit)
        messages.success(
            request,
            _("Zur Prüfung gegeben.") if submit else _("Entwurf gespeichert."),
        )
        return HttpResponseRedirect(reverse("site:assessment", args=[assessment.pk]))
    published = workflow.published(pledge)
    initial: dict[str, Any] = {"assessed_on": timezone.localdate().isoformat()}
    evidence: list[dict[str, Any]] = []
    if published is not None:
        # A correction starts from what is published (and stays a new assessment).
        initial |= {"status": published.status, "rationale": published.rationale}
        initial["reason"] = published.reason
        evidence = evidence_initial(published)
    form = AssessmentForm(initial=initial)
    formset = EvidenceFormSet(initial=evidence, prefix="evidence")
    return _page(request, pledge, form, formset)


@editor_page(Role.EDITOR, Role.REVIEWER)
def assessment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    if not workflow.visible_to(request.user, assessment):
        raise Http404
    pledge = assessment.pledge
    editable = assessment.state in workflow.OPEN_STATES and holds(
        request.user, Role.EDITOR, pledge.body_id
    )
    comments = list(assessment.comments.select_related("author"))
    extra: dict[str, Any] = {"assessment": assessment, "comments": comments, "editable": editable}
    if request.method == "POST":
        if not editable:
            raise Http404
        form, formset, data = _bound(request)
        if data is None:
            return _page(request, pledge, form, formset, status=400, **extra)
        submit = request.POST.get("action") == "submit"
        was_in_review = assessment.state == AssessmentState.IN_REVIEW
        try:
            revision = form.cleaned_data.get("revision") or 0
            assessment = workflow.update_draft(request.user, assessment, revision, data, submit)
        except workflow.Conflict as conflict:
            current = conflict.current
            post = request.POST.copy()
            post["revision"] = str(current.revision)
            form = AssessmentForm(post)
            form.is_valid()
            extra |= {"conflict": str(conflict), "current": current, "assessment": current}
            extra |= {"conflict_rows": assessment_rows(current, data), "conflict_yours": True}
            extra["editable"] = current.state in workflow.OPEN_STATES
            return _page(request, pledge, form, formset, status=409, **extra)
        if submit:
            saved = _("Zur Prüfung gegeben.")
        elif was_in_review:
            saved = _(
                "Entwurf gespeichert und aus der Prüfung genommen; zum Veröffentlichen "
                "erneut zur Prüfung geben."
            )
        else:
            saved = _("Entwurf gespeichert.")
        messages.success(request, saved)
        return HttpResponseRedirect(reverse("site:assessment", args=[assessment.pk]))
    initial = {
        "status": assessment.status,
        "assessed_on": assessment.assessed_on.isoformat(),
        "rationale": assessment.rationale,
        "reason": assessment.reason,
        "note": assessment.note,
        "revision": assessment.revision,
    }
    form = AssessmentForm(initial=initial)
    formset = EvidenceFormSet(initial=evidence_initial(assessment), prefix="evidence")
    if assessment.state == AssessmentState.PUBLISHED:
        extra["editable"] = False
    return _page(request, pledge, form, formset, **extra)
