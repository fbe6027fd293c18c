"""Writing the decision log (rule 11): one entry per event, in the caller's transaction."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from versprochen.coalition.models import LogEntry, Membership, Motion, Paper


def write(
    member: Membership,
    kind: str,
    *,
    rule: int | None = None,
    motion: Motion | None = None,
    paper: Paper | None = None,
    text: str = "",
    procedure: str = "",
    reason: str = "",
    at: dt.datetime | None = None,
) -> LogEntry:
    """Append: `member` (for their partner) did `kind` on the motion or paper under `rule`."""
    return LogEntry.objects.create(
        coalition_id=member.coalition_id,
        at=at or timezone.now(),
        user=member.user,
        username=member.user.get_username(),
        partner_id=member.partner_id,
        kind=kind,
        rule=rule,
        motion=motion,
        paper=paper,
        text=text,
        procedure=procedure,
        reason=reason,
    )
