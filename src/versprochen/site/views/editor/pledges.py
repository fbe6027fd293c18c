"""The editor's pledge list (bodies the person works for) and pledge page (all states)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from versprochen.site.views.editor.assessments import get_pledge
from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import workflow
from versprochen.tracker.queries import PledgeQuery, pledge_page
from versprochen.tracker.roles import holds, scope
from versprochen.tracker.vocabulary import AssessmentState, Role


@editor_page(Role.EDITOR, Role.REVIEWER)
def editor_pledges(request: HttpRequest) -> HttpResponse:
    query = PledgeQuery.parse(request.GET)
    editing, reviewing = scope(request.user, Role.EDITOR), scope(request.user, Role.REVIEWER)
    bodies = None if editing is None or reviewing is None else editing | reviewing
    page = pledge_page(query, within=bodies)
    context = {
        "query": query,
        "result": page,
        "next_url": query.url(page=query.page + 1) if page.has_next else None,
        "previous_url": query.url(page=query.page - 1) if query.page > 1 else None,
    }
    return render(request, "editor/pledge_list.html", context)


@editor_page(Role.EDITOR, Role.REVIEWER)
def editor_pledge(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge(pk)
    editor = holds(request.user, Role.EDITOR, pledge.body_id)
    if not editor and not holds(request.user, Role.REVIEWER, pledge.body_id):
        raise PermissionDenied
    assessments = pledge.assessments.select_related("author", "changed_by").order_by("-id")
    if not editor:
        assessments = assessments.filter(
            state__in=(AssessmentState.IN_REVIEW, AssessmentState.PUBLISHED)
        )
    context = {
        "pledge": pledge,
        "editor": editor,
        "assessments": list(assessments[:100]),
        "published": workflow.published(pledge),
        "corrections": list(pledge.corrections.select_related("author", "related")[:100]),
        "mentions": list(pledge.mentions.order_by("start")),
        "proposals": list(
            pledge.proposals.exclude(state="published")
            .select_related("author")
            .order_by("-id")[:20]
        ),
    }
    return render(request, "editor/pledge.html", context)
