"""Four eyes for corrections the public sees: a changed text, "not a pledge", a split
or a merge. An editor proposes (`propose`); a reviewer of the body who is not the
author publishes the proposal (the correction is then made as the author wrote it) or
returns it with a comment. Until then the public sees the pledge as before.

Like `workflow` for assessments: every step checks the revision the person saw
(`Conflict`), writes an audit entry and never commits.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.tracker import audit, corrections
from versprochen.tracker.models import CorrectionProposal, Pledge, ProposalState
from versprochen.tracker.roles import Scope, holds, limit, scope
from versprochen.tracker.validation import MAX_COMMENT
from versprochen.tracker.vocabulary import CorrectionKind, Role
from versprochen.tracker.workflow import Conflict, WorkflowError

# The corrections that wait for review; coding alone (area, CAP, kind…) does not.
REVIEWED = (
    CorrectionKind.EDIT,
    CorrectionKind.NOT_A_PLEDGE,
    CorrectionKind.SPLIT,
    CorrectionKind.MERGE,
)


def needs_review(pledge: Pledge, values: dict[str, Any]) -> bool:
    """Whether an edit of `pledge` to `values` changes its text (then it is reviewed)."""
    return " ".join(str(values.get("text") or "").split()) != " ".join(pledge.text.split())


def _stale(pledge: Pledge, revision: int) -> None:
    if pledge.revision != revision:
        current = Pledge.objects.select_related("document", "body").get(pk=pledge.pk)
        if current.revision != revision:
            raise Conflict(
                _(
                    "Dieses Versprechen wurde inzwischen geändert; Ihr Vorschlag wurde nicht "
                    "gespeichert. Unten steht der aktuelle Stand."
                ),
                current,
            )


def propose(
    user: Any, pledge: Pledge, revision: int, kind: str, payload: dict[str, Any]
) -> CorrectionProposal:
    """A correction of `pledge` (as `user` saw it at `revision`) waiting for review."""
    if kind not in REVIEWED:
        raise WorkflowError(_("Diese Korrektur wird nicht geprüft."))
    if not holds(user, Role.EDITOR, pledge.body_id):
        raise WorkflowError(_("Sie sind nicht Redakteur*in dieser Körperschaft."))
    if pledge.excluded:
        raise WorkflowError(_("Dieses Versprechen ist nicht mehr in den Listen."))
    _stale(pledge, revision)
    proposal = CorrectionProposal.objects.create(
        pledge=pledge, kind=kind, payload=payload, pledge_revision=revision, author=user
    )
    audit.record(
        user, "correction.propose", proposal, body=pledge.body_id, after=audit.snapshot(proposal)
    )
    return proposal


def queue(user: Any) -> QuerySet[CorrectionProposal]:
    """Proposals waiting for `user` as reviewer (their own left out), oldest first."""
    rows = open_proposals(scope(user, Role.REVIEWER)).filter(state=ProposalState.IN_REVIEW)
    if getattr(user, "pk", None) is not None:
        rows = rows.exclude(author=user)
    return rows.order_by("created_at", "id")


def open_proposals(bodies: Scope) -> QuerySet[CorrectionProposal]:
    rows = CorrectionProposal.objects.exclude(state=ProposalState.PUBLISHED).select_related(
        "pledge", "pledge__document", "pledge__gone_in", "author"
    )
    return limit(rows, bodies, "pledge__body")


def pending(pledge: Pledge) -> QuerySet[CorrectionProposal]:
    """The pledge's proposals in review (the editor's page lists them)."""
    return pledge.proposals.filter(state=ProposalState.IN_REVIEW).select_related("author")


def _must_review(user: Any, proposal: CorrectionProposal) -> None:
    if proposal.state == ProposalState.PUBLISHED:
        who = proposal.reviewer.get_username() if proposal.reviewer else "?"
        raise Conflict(
            _("Diese Korrektur wurde inzwischen veröffentlicht (von %(who)s).") % {"who": who},
            proposal,
        )
    if not holds(user, Role.REVIEWER, proposal.pledge.body_id):
        raise WorkflowError(_("Sie prüfen für diese Körperschaft nicht."))
    if proposal.author_id == getattr(user, "pk", None):
        raise WorkflowError(_("Niemand prüft einen eigenen Entwurf."))
    if proposal.state != ProposalState.IN_REVIEW:
        raise WorkflowError(
            _("Nur Entwürfe in Prüfung können veröffentlicht oder zurückgegeben werden.")
        )


def _decide(proposal: CorrectionProposal, revision: int, **values: Any) -> CorrectionProposal:
    updated = CorrectionProposal.objects.filter(
        pk=proposal.pk, revision=revision, state=ProposalState.IN_REVIEW
    ).update(revision=F("revision") + 1, decided_at=timezone.now(), **values)
    current = CorrectionProposal.objects.select_related("pledge", "reviewer", "author").get(
        pk=proposal.pk
    )
    if not updated:
        _must_review(values["reviewer"], current)
        raise Conflict(_("Diese Korrektur wurde inzwischen geändert."), current)
    return current


def _apply(proposal: CorrectionProposal) -> None:
    """Make the correction as its author proposed it, on the pledge as they saw it."""
    author, payload = proposal.author, proposal.payload
    pledge = Pledge.objects.select_for_update().get(pk=proposal.pledge_id)
    revision = proposal.pledge_revision
    try:
        if proposal.kind == CorrectionKind.EDIT:
            corrections.edit(author, pledge, revision, payload["values"])
        elif proposal.kind == CorrectionKind.NOT_A_PLEDGE:
            corrections.exclude(author, pledge, revision, payload["note"])
        elif proposal.kind == CorrectionKind.SPLIT:
            corrections.split(author, pledge, revision, payload["first"], payload["second"])
        elif proposal.kind == CorrectionKind.MERGE:
            other = Pledge.objects.filter(pk=payload["other"]).first()
            if other is None:
                raise WorkflowError(_("Das andere Versprechen gibt es nicht mehr."))
            corrections.merge(author, pledge, revision, other)
    except Conflict as conflict:
        raise Conflict(
            _(
                "Das Versprechen wurde nach diesem Vorschlag geändert; bitte zurückgeben, "
                "damit die Redaktion ihn auf den neuen Stand bringt."
            ),
            conflict.current,
        ) from None


def publish(user: Any, proposal: CorrectionProposal, revision: int) -> CorrectionProposal:
    """Publish a proposal: the correction is made; the public sees it from now on."""
    _must_review(user, proposal)
    # A savepoint: a correction that cannot be made leaves the proposal in review.
    with transaction.atomic():
        current = _decide(proposal, revision, state=ProposalState.PUBLISHED, reviewer=user)
        _apply(current)
    audit.record(
        user,
        "correction.publish",
        current,
        body=current.pledge.body_id,
        after=audit.snapshot(current),
    )
    return current


def return_proposal(
    user: Any, proposal: CorrectionProposal, revision: int, comment: str
) -> CorrectionProposal:
    """Send a proposal back to its author with `comment` (required)."""
    _must_review(user, proposal)
    comment = comment.strip()
    if not comment:
        raise WorkflowError(_("Bitte sagen Sie im Kommentar, was zu ändern ist."))
    if len(comment) > MAX_COMMENT:
        raise WorkflowError(_("Der Kommentar ist zu lang."))
    current = _decide(
        proposal, revision, state=ProposalState.RETURNED, reviewer=user, comment=comment
    )
    audit.record(
        user,
        "correction.return",
        current,
        body=current.pledge.body_id,
        after=audit.snapshot(current),
    )
    return current
