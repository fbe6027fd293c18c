"""The editor's actions on paper suggestions: confirm, reject, compute (POST only).

The suggestions themselves are shown on the pledge's editor page through
`oparl/_suggestions.html` and `suggestions_context`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from versprochen.jobs import enqueue
from versprochen.oparl import links
from versprochen.oparl.models import Paper
from versprochen.oparl.models_links import Suggestion
from versprochen.site.views.editor.assessments import get_pledge
from versprochen.site.views.editor.common import editor_page, require
from versprochen.tracker.models import Pledge
from versprochen.tracker.roles import holds
from versprochen.tracker.vocabulary import Role
from versprochen.tracker.workflow import WorkflowError

__all__ = ["compute_suggestions", "confirm_suggestion", "reject_suggestion", "suggestions_context"]

MAX_ID = 2**62


def suggestions_context(pledge: Pledge, user: Any) -> dict[str, Any]:
    """What `oparl/_suggestions.html` shows: open suggestions with the matched passage
    cut into (text, highlighted) parts, and the confirmed papers."""
    rows = list(
        Suggestion.objects.filter(pledge=pledge)
        .exclude(state=Suggestion.State.REJECTED)
        .select_related("paper")
        .order_by("-score", "id")[:50]
    )
    has_papers = Paper.objects.filter(body_id=pledge.body_id, deleted=False).exists()
    return {
        "open": [(s, highlighted(s.passage, s.marks)) for s in rows if s.state == "suggested"],
        "confirmed": [s for s in rows if s.state == Suggestion.State.CONFIRMED],
        "can_decide": holds(user, Role.EDITOR, pledge.body_id),
        "has_papers": has_papers,
    }


def highlighted(text: str, marks: Any) -> list[tuple[str, bool]]:
    """`text` as (part, highlighted) pairs; marks out of range or overlapping are skipped."""
    parts: list[tuple[str, bool]] = []
    position = 0
    for mark in marks if isinstance(marks, list) else []:
        if not (isinstance(mark, list) and len(mark) == 2):
            continue
        start, end = mark
        if not (isinstance(start, int) and isinstance(end, int)):
            continue
        if start < position or end <= start or end > len(text):
            continue
        if start > position:
            parts.append((text[position:start], False))
        parts.append((text[start:end], True))
        position = end
    if position < len(text):
        parts.append((text[position:], False))
    return parts


def _suggestion(pk: int) -> Suggestion:
    found = (
        Suggestion.objects.select_related("pledge", "paper").filter(pk=pk).first()
        if 0 < pk < MAX_ID
        else None
    )
    if found is None:
        raise Http404
    return found


def _back(pledge_id: int) -> HttpResponse:
    return redirect(reverse("site:editor_pledge", args=[pledge_id]) + "#vorlagen")


@require_POST
@editor_page(Role.EDITOR)
def confirm_suggestion(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = _suggestion(pk)
    require(request.user, Role.EDITOR, suggestion.pledge.body_id)
    try:
        links.confirm(request.user, suggestion)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Vorlage bestätigt: sie ist nun Beleg des Bewertungsentwurfs."))
    return _back(suggestion.pledge_id)


@require_POST
@editor_page(Role.EDITOR)
def reject_suggestion(request: HttpRequest, pk: int) -> HttpResponse:
    suggestion = _suggestion(pk)
    require(request.user, Role.EDITOR, suggestion.pledge.body_id)
    try:
        links.reject(request.user, suggestion)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Vorlage abgelehnt: sie wird nicht wieder vorgeschlagen."))
    return _back(suggestion.pledge_id)


@require_POST
@editor_page(Role.EDITOR)
def compute_suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    pledge = get_pledge(pk)
    if not holds(request.user, Role.EDITOR, pledge.body_id):
        raise PermissionDenied
    job = enqueue(
        "oparl.suggest",
        body_id=pledge.body_id,
        pledge_ids=[pledge.pk],
        label=_("Vorlagen-Vorschläge für Versprechen %(pk)s") % {"pk": pledge.pk},
        body=pledge.body,
        user=request.user,
    )
    messages.success(
        request, _("Die Vorschläge werden berechnet (Auftrag %(pk)s).") % {"pk": job.pk}
    )
    return _back(pledge.pk)
