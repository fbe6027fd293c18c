"""The tracker's records (`records`), accounts (`accounts`) and editorial history (`editorial`)."""

from __future__ import annotations

from versprochen.tracker.models.accounts import ApiToken, LoginAttempt, Membership
from versprochen.tracker.models.editorial import AuditEntry, PledgeCorrection, ReviewComment
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
    "Document",
    "Evidence",
    "LoginAttempt",
    "Membership",
    "Mention",
    "Pledge",
    "PledgeCorrection",
    "PledgePlace",
    "ReviewComment",
    "Section",
    "SourceFile",
]
