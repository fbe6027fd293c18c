"""Following a pledge, a document or a body by e-mail: double opt-in, then a daily or
weekly digest of what was published (assessments and corrections), every mail with a
one-click unsubscribe (link and `List-Unsubscribe` header).

The address is only used to send these mails: never shown on a page, in a job's
label or parameters, the audit log or an export; unsubscribing deletes it. (The
default console mail backend prints mails to the server's log: set
VERSPROCHEN_MAIL_BACKEND=smtp in production.) Mails are sent by jobs (`follow.confirmation`,
`follow.digest`); the schedules queue the digests. Never commits.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.core.validators import validate_email
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from versprochen.jobs import JobContext, enqueue, job, schedule
from versprochen.tracker.models import (
    Assessment,
    Body,
    Document,
    Follow,
    FollowTarget,
    Frequency,
    Pledge,
    PledgeCorrection,
)
from versprochen.tracker.timeline import Event, events

MAX_EVENTS = 100


class FollowError(ValueError):
    """A follow request that cannot be taken (the message says why)."""


def target_of(target: str, target_id: int) -> Pledge | Document | Body | None:
    """The followed record, if it exists and is public."""
    if target == FollowTarget.PLEDGE:
        return Pledge.objects.filter(pk=target_id).first()
    if target == FollowTarget.DOCUMENT:
        return Document.objects.filter(pk=target_id).first()
    if target == FollowTarget.BODY:
        return Body.objects.filter(pk=target_id).first()
    return None


def target_name(record: Pledge | Document | Body) -> str:
    if isinstance(record, Pledge):
        return _("Versprechen %(id)s: %(text)s") % {"id": record.pk, "text": record.text[:120]}
    if isinstance(record, Document):
        return record.title
    return record.name


def target_url(record: Pledge | Document | Body) -> str:
    if isinstance(record, Pledge):
        return reverse("site:pledge", args=[record.pk])
    if isinstance(record, Document):
        return reverse("site:document", args=[record.slug])
    return reverse("site:body", args=[record.slug])


def request(email: str, target: str, target_id: int, frequency: str) -> Follow:
    """A follow waiting for its confirmation (a new token each time it is asked for);
    the caller queues the confirmation mail (`send_confirmation_later`)."""
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise FollowError(_("Das ist keine gültige E-Mail-Adresse.")) from None
    if frequency not in Frequency.values:
        raise FollowError(_("Bitte täglich oder wöchentlich wählen."))
    if target_of(target, target_id) is None:
        raise FollowError(_("Das gibt es hier nicht (mehr)."))
    follow, _created = Follow.objects.update_or_create(
        email=email,
        target=target,
        target_id=target_id,
        defaults={"frequency": frequency, "token": secrets.token_urlsafe(32)},
    )
    return follow


def send_confirmation_later(follow: Follow) -> None:
    enqueue("follow.confirmation", follow_id=follow.pk, label="Bestätigung (Folgen)")


def by_token(token: str) -> Follow | None:
    if not token or len(token) > 64:
        return None
    return Follow.objects.filter(token=token).first()


def confirm(follow: Follow, now: dt.datetime | None = None) -> Follow:
    """The second opt-in: digests start with what is published from now on."""
    if follow.confirmed_at is None:
        now = now or timezone.now()
        follow.confirmed_at = now
        follow.sent_until = now
        follow.save(update_fields=["confirmed_at", "sent_until"])
    return follow


def unsubscribe(follow: Follow) -> None:
    """Forget the follow and with it the address (if it follows nothing else)."""
    follow.delete()


def _limited(
    follow: Follow,
) -> tuple[QuerySet[Assessment], QuerySet[PledgeCorrection]]:
    field = {
        FollowTarget.PLEDGE: "pledge_id",
        FollowTarget.DOCUMENT: "pledge__document_id",
        FollowTarget.BODY: "pledge__body_id",
    }[FollowTarget(follow.target)]
    where = {field: follow.target_id}
    return Assessment.objects.filter(**where), PledgeCorrection.objects.filter(**where)


def changes(follow: Follow, since: dt.datetime, until: dt.datetime) -> list[Event]:
    """What was published about the followed record in (since, until], oldest first."""
    assessments, corrections = _limited(follow)
    assessments = assessments.filter(published_at__gt=since, published_at__lte=until)
    corrections = corrections.filter(created_at__gt=since, created_at__lte=until)
    return events(assessments, corrections, MAX_EVENTS, newest_first=False)


def _absolute(path: str) -> str:
    return f"{settings.VERSPROCHEN_PUBLIC_URL}{path}"


def _message(follow: Follow, subject: str, template: str, context: dict[str, Any]) -> EmailMessage:
    unsubscribe_url = _absolute(reverse("site:unfollow", args=[follow.token]))
    body = render_to_string(
        template, {**context, "unsubscribe_url": unsubscribe_url, "follow": follow}
    )
    return EmailMessage(
        subject=subject,
        body=body,
        to=[follow.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def confirmation_message(follow: Follow) -> EmailMessage:
    record = target_of(follow.target, follow.target_id)
    name = target_name(record) if record else "?"
    context = {
        "name": name,
        "confirm_url": _absolute(reverse("site:confirm_follow", args=[follow.token])),
        "frequency": Frequency(follow.frequency).label,
    }
    return _message(
        follow,
        _("Bitte bestätigen: %(name)s folgen") % {"name": name[:80]},
        "mail/follow_confirm.txt",
        context,
    )


def digest_message(follow: Follow, found: list[Event]) -> EmailMessage | None:
    record = target_of(follow.target, follow.target_id)
    if record is None or not found:
        return None
    items = [
        {"title": e.title(), "url": _absolute(reverse("site:pledge", args=[e.pledge_id]))}
        | {"text": e.description(), "at": e.at}
        for e in found
    ]
    name = target_name(record)
    context = {"name": name, "items": items, "url": _absolute(target_url(record))}
    subject = _("Neues zu %(name)s") % {"name": name[:80]}
    return _message(follow, subject, "mail/follow_digest.txt", context)


def send_digests(frequency: str, now: dt.datetime | None = None, connection: Any = None) -> int:
    """Send every due digest of `frequency`; the number of mails sent."""
    now = now or timezone.now()
    # The schedule sets the rhythm (daily, weekly): each digest covers everything since
    # the follower's last one.
    due = Follow.objects.filter(
        frequency=frequency, confirmed_at__isnull=False, sent_until__lt=now
    ).order_by("id")
    sent = 0
    connection = connection or get_connection()
    with translation.override("de"):
        for follow in due.iterator(chunk_size=500):
            since = follow.sent_until or follow.confirmed_at or now
            message = digest_message(follow, changes(follow, since, now))
            if message is not None:
                message.connection = connection
                message.send()
                sent += 1
            Follow.objects.filter(pk=follow.pk).update(sent_until=now)
    return sent


@job("follow.confirmation")
def confirmation_job(ctx: JobContext, *, follow_id: int) -> str:
    follow = Follow.objects.filter(pk=follow_id, confirmed_at__isnull=True).first()
    if follow is None:
        return "nichts zu senden"
    with translation.override("de"):
        confirmation_message(follow).send()
    return "Bestätigung gesendet"


@job("follow.digest")
def digest_job(ctx: JobContext, *, frequency: str) -> str:
    return f"{send_digests(frequency)} Zusammenfassungen gesendet"


@schedule("follow.daily", hour=7)
def daily() -> None:
    enqueue("follow.digest", frequency=Frequency.DAILY, label="Tägliche Zusammenfassungen")


@schedule("follow.weekly", hour=7, weekday=0)
def weekly() -> None:
    enqueue("follow.digest", frequency=Frequency.WEEKLY, label="Wöchentliche Zusammenfassungen")
