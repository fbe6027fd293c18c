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


PUBLISHABLE = ("unanimous_decision", "recorded_dissent", "joint_rejection")


def notice(member: Membership, text: str, motion: Motion | None = None) -> LogEntry:
    """A notice to the partner (rule 5: the groups inform each other)."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if not text.strip():
        raise ValidationError({"text": [_("Bitte angeben, worüber Sie den Partner unterrichten.")]})
    rule = member.coalition.rules.rule("autonomous_filing")
    return write(
        member, "notice", rule=rule.number if rule else None, motion=motion, text=text.strip()
    )


def publish(member: Membership, entry: LogEntry) -> None:
    """Make one decision of the coordination group public (only that entry)."""
    from django.core.exceptions import ValidationError
    from django.utils.translation import gettext as _

    if entry.coalition_id != member.coalition_id or entry.kind not in PUBLISHABLE:
        raise ValidationError({"entry": [_("Veröffentlicht werden nur Entscheidungen.")]})
    if entry.published_at is None:
        entry.published_at = timezone.now()
        entry.save(update_fields=["published_at"])
        write(member, "publication", text=f"#{entry.pk}")
