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
from versprochen.tracker import diff, workflow
from versprochen.tracker.roles import holds
from versprochen.tracker.vocabulary import Role

QUEUE_LIMIT = 100


@editor_page(Role.REVIEWER)
def review_queue(request: HttpRequest) -> HttpResponse:
    rows = list(workflow.queue(request.user)[: QUEUE_LIMIT + 1])
    context = {"queue": rows[:QUEUE_LIMIT], "more": len(rows) > QUEUE_LIMIT}
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
