"""The tracker's records (`records`), accounts (`accounts`), editorial history
(`editorial`), corrections waiting for review (`proposals`) and e-mail follows (`follow`)."""

from __future__ import annotations

from versprochen.tracker.models.accounts import ApiToken, LoginAttempt, Membership
from versprochen.tracker.models.editorial import AuditEntry, PledgeCorrection, ReviewComment
from versprochen.tracker.models.follow import Follow, FollowTarget, Frequency
from versprochen.tracker.models.proposals import CorrectionProposal, ProposalState
from versprochen.tracker.models.records import (
    Actor,
    AppendOnlyError,
    Assessment,
    Body,
    Document,
    Evidence,
    Mention,
    Pledge,
    PledgePlace,
    Section,
    SourceFile,
)

__all__ = [
    "Actor",
    "ApiToken",
    "AppendOnlyError",
    "Assessment",
    "AuditEntry",
    "Body",
    "CorrectionProposal",
    "Document",
    "Evidence",
    "Follow",
    "FollowTarget",
    "Frequency",
    "LoginAttempt",
    "Membership",
    "Mention",
    "Pledge",
    "PledgeCorrection",
    "PledgePlace",
    "ProposalState",
    "ReviewComment",
    "Section",
    "SourceFile",
]
