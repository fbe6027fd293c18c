"""The editor's pledge list (bodies the person works for) and pledge page (all states)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from versprochen.site.views.editor.assessments import get_pledge
from versprochen.site.views.editor.common import editor_page
from versprochen.tracker import validation, workflow
from versprochen.tracker.models import Document
from versprochen.tracker.queries import PledgeQuery, pledge_page
from versprochen.tracker.roles import holds, limit, scope
from versprochen.tracker.vocabulary import AREA_CHOICES, AssessmentState, Role, Status

MAX_MONTHS = 120


def assessed_filter(params: Mapping[str, str]) -> tuple[Q | None, dict[str, str], list[str]]:
    """The editors' filter by assessment: "none" (not assessed yet) or "older" than
    `months` months; the condition, the parameters to keep in links, the problems."""
    assessed = str(params.get("assessed", ""))
    if assessed == "none":
        return Q(status_changed_at__isnull=True), {"assessed": "none"}, []
    if assessed != "older":
        return None, {}, []
    try:
        months = validation.number(params.get("months"), 1, MAX_MONTHS)
    except ValidationError as error:
        return None, {}, [f"months: {error.messages[0]}"]
    since = timezone.now() - dt.timedelta(days=round(months * 30.44))
    keep = {"assessed": "older", "months": str(months)}
    return Q(status_changed_at__lt=since), keep, []


@editor_page(Role.EDITOR, Role.REVIEWER)
def editor_pledges(request: HttpRequest) -> HttpResponse:
    query = PledgeQuery.parse(request.GET)
    editing, reviewing = scope(request.user, Role.EDITOR), scope(request.user, Role.REVIEWER)
    bodies = None if editing is None or reviewing is None else editing | reviewing
    extra, keep, problems = assessed_filter(request.GET)
    page = pledge_page(query, within=bodies, extra=extra)
    suffix = "&" + urlencode(keep) if keep else ""
    documents = limit(Document.objects.only("slug", "title", "body_id"), bodies)
    context = {
        "query": query,
        "result": page,
        "problems": problems,
        "assessed": keep,
        "documents": documents.order_by("title")[:500],
        "areas": AREA_CHOICES,
        "statuses": Status.choices,
        "next_url": query.url(page=query.page + 1) + suffix if page.has_next else None,
        "previous_url": query.url(page=query.page - 1) + suffix if query.page > 1 else None,
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
