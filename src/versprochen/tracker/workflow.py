"""The review workflow of assessments: draft → in review → published, or returned.

An editor of the pledge's body drafts; a reviewer of the body publishes or returns
the draft with a comment; nobody reviews a draft they ever wrote or changed
(`Assessment.contributors` keeps them all).
Every step checks the revision the person saw (optimistic locking: `Conflict`),
writes an audit entry, and never commits (the request owns the transaction).
"""

from __future__ import annotations

from typing import Any

from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.tracker import audit
from versprochen.tracker.assessments import publish as publish_status
from versprochen.tracker.models import Assessment, Evidence, Pledge, ReviewComment
from versprochen.tracker.roles import Scope, holds, limit, scope
from versprochen.tracker.validation import MAX_COMMENT, DraftData
from versprochen.tracker.vocabulary import AssessmentState, Role

OPEN_STATES = (AssessmentState.DRAFT, AssessmentState.IN_REVIEW, AssessmentState.RETURNED)


class WorkflowError(ValueError):
    """A step that is not allowed now (the message says why)."""


class Conflict(WorkflowError):
    """Someone else changed the record since it was loaded; `current` is their version."""

    def __init__(self, message: str, current: Any) -> None:
        super().__init__(message)
        self.current = current


def assessment_snapshot(assessment: Assessment) -> dict[str, Any]:
    return audit.snapshot(
        assessment,
        evidence=[audit.snapshot(e) for e in assessment.evidence.order_by("id")],
    )


def drafts(bodies: Scope) -> QuerySet[Assessment]:
    """Unpublished assessments of pledges of `bodies`, newest change first."""
    rows = Assessment.objects.filter(state__in=OPEN_STATES).select_related(
        "pledge", "pledge__document", "pledge__gone_in", "author", "changed_by"
    )
    return limit(rows, bodies, "pledge__body").order_by("-changed_at", "-id")


def queue(user: Any) -> QuerySet[Assessment]:
    """The drafts waiting for `user` as reviewer (their own are left out), oldest first."""
    rows = drafts(scope(user, Role.REVIEWER)).filter(state=AssessmentState.IN_REVIEW)
    if getattr(user, "pk", None) is not None:
        rows = rows.exclude(author=user).exclude(changed_by=user).exclude(contributors=user)
    return rows.order_by("submitted_at", "id")


def contributed(user: Any, assessment: Assessment) -> bool:
    """Whether `user` ever wrote or changed the content of `assessment`."""
    pk = getattr(user, "pk", None)
    if pk is None:
        return False
    return (
        pk in (assessment.author_id, assessment.changed_by_id)
        or assessment.contributors.filter(pk=pk).exists()
    )


def visible_to(user: Any, assessment: Assessment) -> bool:
    """Editors of the body see every unpublished state; reviewers those in review."""
    body = assessment.pledge.body_id
    if holds(user, Role.EDITOR, body):
        return True
    return assessment.state in (
        AssessmentState.IN_REVIEW,
        AssessmentState.PUBLISHED,
    ) and holds(user, Role.REVIEWER, body)


def published(pledge: Pledge) -> Assessment | None:
    """The pledge's current published assessment (its status), if any."""
    return (
        pledge.assessments.filter(state=AssessmentState.PUBLISHED)
        .order_by("-published_at", "-id")
        .first()
    )


def _oparl_ids(assessment: Assessment, data: DraftData) -> list[str]:
    """Each item's OParl id: the one it carries if the pledge's evidence already has it
    (a form field is never trusted with a new one), else that of the evidence it
    replaces with the same address (the CSV import and the API carry no ids)."""
    known = set(
        Evidence.objects.filter(assessment__pledge_id=assessment.pledge_id)
        .exclude(oparl_id="")
        .values_list("oparl_id", flat=True)
    )
    by_url = dict(
        assessment.evidence.exclude(oparl_id="").exclude(url="").values_list("url", "oparl_id")
    )
    return [
        e.oparl_id if e.oparl_id in known else by_url.get(e.url, "") if e.url else ""
        for e in data.evidence
    ]


def _write_evidence(assessment: Assessment, data: DraftData) -> None:
    oparl_ids = _oparl_ids(assessment, data)
    Evidence.objects.filter(assessment=assessment).delete()
    Evidence.objects.bulk_create(
        Evidence(
            assessment=assessment,
            kind=e.kind,
            title=e.title,
            url=e.url,
            date=e.date,
            quote=e.quote,
            oparl_id=oparl_id,
        )
        for e, oparl_id in zip(data.evidence, oparl_ids, strict=True)
    )


def _must_edit(user: Any, pledge: Pledge) -> None:
    if not holds(user, Role.EDITOR, pledge.body_id):
        raise WorkflowError(_("Sie sind nicht Redakteur*in dieser Körperschaft."))


def create_draft(user: Any, pledge: Pledge, data: DraftData, submit: bool = False) -> Assessment:
    """A new draft (or, with `submit`, one waiting for review) of `pledge` by `user`."""
    _must_edit(user, pledge)
    now = timezone.now()
    assessment = Assessment.objects.create(
        pledge=pledge,
        status=data.status,
        assessed_on=data.assessed_on,
        rationale=data.rationale,
        reason=data.reason,
        note=data.note,
        author=user,
        changed_by=user,
        state=AssessmentState.IN_REVIEW if submit else AssessmentState.DRAFT,
        submitted_at=now if submit else None,
    )
    _write_evidence(assessment, data)
    assessment.contributors.add(user)
    audit.record(
        user,
        "assessment.submit" if submit else "assessment.draft",
        assessment,
        body=pledge.body_id,
        after=assessment_snapshot(assessment),
    )
    return assessment


def _locked_update(assessment: Assessment, revision: int, **values: Any) -> Assessment:
    """Update an unpublished assessment if nobody changed it since `revision`; else Conflict."""
    updated = Assessment.objects.filter(
        pk=assessment.pk, revision=revision, state__in=OPEN_STATES
    ).update(revision=F("revision") + 1, changed_at=timezone.now(), **values)
    current = Assessment.objects.select_related("changed_by", "reviewer", "pledge").get(
        pk=assessment.pk
    )
    if not updated:
        who = current.changed_by.get_username() if current.changed_by else "?"
        if current.state == AssessmentState.PUBLISHED:
            raise _already_published(current)
        else:
            message = _(
                "%(who)s hat diese Bewertung inzwischen geändert; Ihre Änderung wurde nicht "
                "gespeichert. Unten steht der aktuelle Stand."
            )
        raise Conflict(message % {"who": who}, current)
    return current


def update_draft(
    user: Any, assessment: Assessment, revision: int, data: DraftData, submit: bool = False
) -> Assessment:
    """Change a draft as `user` saw it at `revision`; `submit` sends it to review."""
    _must_edit(user, assessment.pledge)
    before = assessment_snapshot(assessment)
    values: dict[str, Any] = {
        "status": data.status,
        "assessed_on": data.assessed_on,
        "rationale": data.rationale,
        "reason": data.reason,
        "note": data.note,
        "changed_by": user,
    }
    if submit:
        values |= {"state": AssessmentState.IN_REVIEW, "submitted_at": timezone.now()}
    elif assessment.state == AssessmentState.IN_REVIEW:
        # Never changed silently under a reviewer's eyes: saved, it leaves the review
        # until it is submitted again (and a reviewer's open page gets a conflict).
        values["state"] = AssessmentState.DRAFT
    current = _locked_update(assessment, revision, **values)
    _write_evidence(current, data)
    current.contributors.add(user)
    audit.record(
        user,
        "assessment.submit" if submit else "assessment.edit",
        current,
        body=current.pledge.body_id,
        before=before,
        after=assessment_snapshot(current),
    )
    return current


def _already_published(current: Assessment) -> Conflict:
    reviewer = current.reviewer.get_username() if current.reviewer else "?"
    return Conflict(
        _("Diese Bewertung wurde inzwischen veröffentlicht (von %(who)s).") % {"who": reviewer},
        current,
    )


def _must_review(user: Any, assessment: Assessment) -> None:
    if assessment.state == AssessmentState.PUBLISHED:
        raise _already_published(assessment)
    if not holds(user, Role.REVIEWER, assessment.pledge.body_id):
        raise WorkflowError(_("Sie prüfen für diese Körperschaft nicht."))
    if contributed(user, assessment):
        raise WorkflowError(_("Niemand prüft einen eigenen Entwurf."))
    if assessment.state != AssessmentState.IN_REVIEW:
        raise WorkflowError(
            _("Nur Entwürfe in Prüfung können veröffentlicht oder zurückgegeben werden.")
        )


def publish(user: Any, assessment: Assessment, revision: int) -> Assessment:
    """Publish a draft in review: it becomes the pledge's status. Never changed again."""
    _must_review(user, assessment)
    # The pledge first, then the draft: every publisher of this pledge locks in that
    # order, so two of them wait for each other instead of deadlocking.
    Pledge.objects.select_for_update().filter(pk=assessment.pledge_id).first()
    before = assessment_snapshot(assessment)
    current = _locked_update(assessment, revision, reviewer=user)
    publish_status(current)
    audit.record(
        user,
        "assessment.publish",
        current,
        body=current.pledge.body_id,
        before=before,
        after=assessment_snapshot(current),
    )
    return current


def return_draft(user: Any, assessment: Assessment, revision: int, comment: str) -> Assessment:
    """Send a draft back to the editors with `comment` (required)."""
    _must_review(user, assessment)
    comment = comment.strip()
    if not comment:
        raise WorkflowError(_("Bitte sagen Sie im Kommentar, was zu ändern ist."))
    if len(comment) > MAX_COMMENT:
        raise WorkflowError(_("Der Kommentar ist zu lang."))
    before = assessment_snapshot(assessment)
    current = _locked_update(assessment, revision, state=AssessmentState.RETURNED, reviewer=user)
    ReviewComment.objects.create(assessment=current, author=user, text=comment)
    audit.record(
        user,
        "assessment.return",
        current,
        body=current.pledge.body_id,
        before=before,
        after={**assessment_snapshot(current), "comment": comment},
    )
    return current
