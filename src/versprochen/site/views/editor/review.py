"""The reviewer's queue and the review of one draft: a diff, then publish or return."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from versprochen.site.forms.assessments import ReviewForm
from versprochen.site.views.editor.assessments import get_assessment
from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import correction_review, diff, workflow
from versprochen.tracker.models import CorrectionProposal, Pledge
from versprochen.tracker.roles import holds
from versprochen.tracker.timeline import field_label, shown
from versprochen.tracker.vocabulary import CorrectionKind, Role

QUEUE_LIMIT = 100


@editor_page(Role.REVIEWER)
def review_queue(request: HttpRequest) -> HttpResponse:
    rows = list(workflow.queue(request.user)[: QUEUE_LIMIT + 1])
    proposals = list(correction_review.queue(request.user)[:QUEUE_LIMIT])
    for proposal in proposals:
        proposal.kind_label = CorrectionKind(proposal.kind).label  # type: ignore[attr-defined]
    context = {"queue": rows[:QUEUE_LIMIT], "more": len(rows) > QUEUE_LIMIT, "proposals": proposals}
    return render(request, "editor/review_queue.html", context)


@editor_page(Role.REVIEWER)
def review(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = get_assessment(pk)
    if not holds(request.user, Role.REVIEWER, assessment.pledge.body_id):
        raise Http404
    if not workflow.visible_to(request.user, assessment):
        raise Http404
    form = ReviewForm(
        request.POST if request.method == "POST" else None,
        initial={"revision": assessment.revision},
    )
    status = 200
    problem = ""
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        revision = form.cleaned_data["revision"]
        try:
            if action == "publish":
                workflow.publish(request.user, assessment, revision)
                messages.success(request, _("Veröffentlicht."))
                return HttpResponseRedirect(reverse("site:review_queue"))
            if action == "return":
                if not form.cleaned_data["comment"].strip():
                    form.add_error("comment", _("Beim Zurückgeben ist ein Kommentar Pflicht."))
                    raise workflow.WorkflowError("")
                workflow.return_draft(
                    request.user, assessment, revision, form.cleaned_data["comment"]
                )
                messages.success(request, _("Mit Kommentar zurückgegeben."))
                return HttpResponseRedirect(reverse("site:review_queue"))
            problem = _("Unbekannte Aktion.")
        except workflow.Conflict as conflict:
            problem = str(conflict)
            assessment = get_assessment(pk)
            form = ReviewForm(initial={"revision": assessment.revision})
            status = 409
        except workflow.WorkflowError as error:
            problem = str(error)
        status = status if status != 200 else 400
    elif request.method == "POST":
        status = 400
    published = workflow.published(assessment.pledge)
    context = {
        "assessment": assessment,
        "pledge": assessment.pledge,
        "published": published,
        "changes": diff.compare(published, assessment),
        "comments": list(assessment.comments.select_related("author")),
        "form": form,
        "problem": problem,
        "own": workflow.contributed(request.user, assessment),
    }
    return render(request, "editor/review.html", context, status=status)


@editor_page(Role.EDITOR, Role.REVIEWER)
def review_correction(request: HttpRequest, pk: int) -> HttpResponse:
    """A proposed correction: what changes, then publish or return with a comment."""
    proposal = (
        CorrectionProposal.objects.select_related(
            "pledge", "pledge__document", "author", "reviewer"
        )
        .filter(pk=pk)
        .first()
    )
    body = proposal.pledge.body_id if proposal else None
    reviewer = holds(request.user, Role.REVIEWER, body)
    if proposal is None or not (reviewer or holds(request.user, Role.EDITOR, body)):
        raise Http404
    form = ReviewForm(
        request.POST if request.method == "POST" else None,
        initial={"revision": proposal.revision},
    )
    status, problem = 200, ""
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action")
        revision = form.cleaned_data["revision"]
        try:
            if action == "publish":
                correction_review.publish(request.user, proposal, revision)
                messages.success(request, _("Korrektur veröffentlicht."))
                return HttpResponseRedirect(reverse("site:review_queue"))
            if action == "return":
                correction_review.return_proposal(
                    request.user, proposal, revision, form.cleaned_data["comment"]
                )
                messages.success(request, _("Mit Kommentar zurückgegeben."))
                return HttpResponseRedirect(reverse("site:review_queue"))
            problem, status = _("Unbekannte Aktion."), 400
        except workflow.Conflict as conflict:
            problem, status = str(conflict), 409
        except workflow.WorkflowError as error:
            problem, status = str(error), 400
        proposal.refresh_from_db()
    elif request.method == "POST":
        status = 400
    context = {
        "proposal": proposal,
        "pledge": proposal.pledge,
        "kind_label": CorrectionKind(proposal.kind).label,
        "changes": proposal_changes(proposal),
        "form": form,
        "problem": problem,
        "own": proposal.author_id == request.user.pk,
        "reviewer": reviewer,
    }
    return render(request, "editor/review_correction.html", context, status=status)


def proposal_changes(proposal: CorrectionProposal) -> list[tuple[str, str, str]]:
    """(field, now, proposed) in words, for the reviewer."""
    pledge, payload = proposal.pledge, proposal.payload
    if proposal.kind == CorrectionKind.EDIT:
        values = payload.get("values") or {}
        return [
            (field_label(name), str(shown(name, getattr(pledge, name))), str(shown(name, value)))
            for name, value in values.items()
            if value != getattr(pledge, name, None)
        ]
    if proposal.kind == CorrectionKind.NOT_A_PLEDGE:
        return [(_("Warum kein Versprechen"), "", str(payload.get("note", "")))]
    if proposal.kind == CorrectionKind.SPLIT:
        return [
            (_("Erster Teil"), pledge.text, str(payload.get("first", ""))),
            (_("Zweiter Teil (neu)"), "", str(payload.get("second", ""))),
        ]
    other = Pledge.objects.filter(pk=payload.get("other")).first()
    label = _("Geht in dieses auf")
    return [(label, "", f"{_('Versprechen')} {other.pk}: {other.text}" if other else "?")]
