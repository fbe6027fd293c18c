"""The editor's start page: own drafts, returned drafts, the review queue, the roles held."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import workflow
from versprochen.tracker.roles import memberships_of, scope
from versprochen.tracker.vocabulary import AssessmentState, Role

LIST_LIMIT = 50


@editor_page()
def home(request: HttpRequest) -> HttpResponse:
    editing = scope(request.user, Role.EDITOR)
    mine = workflow.drafts(editing).filter(author_id=request.user.pk)
    context = {
        "roles": [(Role(role).label, body) for role, body in memberships_of(request.user)]
        or ([(Role.ADMIN.label, "*")] if request.user.is_superuser else []),
        "returned": list(mine.filter(state=AssessmentState.RETURNED)[:LIST_LIMIT]),
        "drafts": list(mine.filter(state=AssessmentState.DRAFT)[:LIST_LIMIT]),
        "waiting": list(mine.filter(state=AssessmentState.IN_REVIEW)[:LIST_LIMIT]),
        "queue_count": workflow.queue(request.user).count(),
    }
    return render(request, "editor/home.html", context)
