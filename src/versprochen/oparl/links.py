"""The editor's decisions on paper suggestions: confirm (evidence) or reject.

A confirmed paper becomes evidence (kind "Ratsvorlage", with its OParl id) of the
pledge's open draft assessment; with no open draft, a draft keeping the pledge's
current status is started. One paper can be evidence for several pledges. A
rejected paper is never suggested for the pledge again (the ranking excludes
every decided paper). Nothing here commits: the request owns the transaction.
"""

from __future__ import annotations

from typing import Any

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.oparl.models import Paper
from versprochen.oparl.models_links import Suggestion
from versprochen.tracker import audit, workflow
from versprochen.tracker.models import Assessment, Evidence, Pledge
from versprochen.tracker.roles import holds
from versprochen.tracker.validation import DraftData
from versprochen.tracker.vocabulary import AssessmentState, EvidenceKind, Role

__all__ = ["confirm", "confirmed_papers", "evidence_title", "reject"]

_QUOTE = 1000


def _must_edit(user: Any, pledge: Pledge) -> None:
    if not holds(user, Role.EDITOR, pledge.body_id):
        raise workflow.WorkflowError(_("Sie sind nicht Redakteur*in dieser Körperschaft."))


def evidence_title(paper: Paper) -> str:
    title = f"{paper.reference}: {paper.name}" if paper.reference else paper.name
    return (title or paper.oparl_id)[:500]


def _open_draft(user: Any, pledge: Pledge) -> Assessment:
    draft = (
        pledge.assessments.filter(state__in=workflow.OPEN_STATES)
        .order_by("-changed_at", "-id")
        .first()
    )
    if draft is not None:
        return draft
    data = DraftData(status=pledge.status, assessed_on=timezone.localdate(), rationale="")
    return workflow.create_draft(user, pledge, data)


def confirm(user: Any, suggestion: Suggestion) -> Assessment:
    """Make the suggested paper evidence of the pledge's draft; returns the draft."""
    pledge = suggestion.pledge
    _must_edit(user, pledge)
    paper = suggestion.paper
    draft = _open_draft(user, pledge)
    before = workflow.assessment_snapshot(draft)
    if not draft.evidence.filter(oparl_id=paper.oparl_id).exists():
        Evidence.objects.create(
            assessment=draft,
            kind=EvidenceKind.COUNCIL_PAPER,
            title=evidence_title(paper),
            url=paper.web if paper.web.startswith(("http://", "https://")) else "",
            date=paper.date,
            quote=suggestion.passage[:_QUOTE],
            oparl_id=paper.oparl_id,
        )
    values: dict[str, Any] = {
        "revision": F("revision") + 1,
        "changed_at": timezone.now(),
        "changed_by": user,
    }
    if draft.state == AssessmentState.IN_REVIEW:
        # As with any change of a draft under review: it leaves the review.
        values["state"] = AssessmentState.DRAFT
    Assessment.objects.filter(pk=draft.pk).update(**values)
    draft.refresh_from_db()
    draft.contributors.add(user)
    _record_edit(user, pledge, draft, before)
    _decide(user, suggestion, Suggestion.State.CONFIRMED)
    return draft


def reject(user: Any, suggestion: Suggestion) -> None:
    """Never suggest this paper for this pledge again; a confirmed one leaves the open
    drafts' evidence (published assessments keep theirs)."""
    pledge = suggestion.pledge
    _must_edit(user, pledge)
    if suggestion.state == Suggestion.State.CONFIRMED:
        oparl_id = suggestion.paper.oparl_id
        for draft in pledge.assessments.filter(
            state__in=workflow.OPEN_STATES, evidence__oparl_id=oparl_id
        ).distinct():
            before = workflow.assessment_snapshot(draft)
            draft.evidence.filter(oparl_id=oparl_id).delete()
            Assessment.objects.filter(pk=draft.pk).update(
                revision=F("revision") + 1, changed_at=timezone.now(), changed_by=user
            )
            _record_edit(user, pledge, draft, before)
    _decide(user, suggestion, Suggestion.State.REJECTED)


def _record_edit(user: Any, pledge: Pledge, draft: Assessment, before: dict[str, Any]) -> None:
    audit.record(
        user,
        "assessment.edit",
        draft,
        body=pledge.body_id,
        before=before,
        after=workflow.assessment_snapshot(draft),
    )


def _decide(user: Any, suggestion: Suggestion, state: str) -> None:
    before = {"state": suggestion.state}
    suggestion.state = state
    suggestion.decided_at = timezone.now()
    suggestion.decided_by = user if getattr(user, "pk", None) else None
    suggestion.save(update_fields=["state", "decided_at", "decided_by"])
    # Public: the paper's page lists its pledges and the open data has the links, so
    # the pages' validators and the export files follow the document's change time.
    suggestion.pledge.document.save(update_fields=["changed_at"])
    audit.record(
        user,
        f"oparl.suggestion.{'confirm' if state == Suggestion.State.CONFIRMED else 'reject'}",
        suggestion,
        body=suggestion.pledge.body_id,
        before=before,
        after={"state": state, "paper": suggestion.paper.oparl_id},
    )


def confirmed_papers(pledge: Pledge) -> list[Paper]:
    """The papers confirmed for `pledge`, newest first."""
    return list(
        Paper.objects.filter(
            suggestions__pledge=pledge,
            suggestions__state=Suggestion.State.CONFIRMED,
            deleted=False,
        ).order_by("-date", "id")
    )
