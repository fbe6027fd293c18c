"""Setting a coalition up: the coalition with its rule set, members, council bodies,
meetings, and the members' calendar links. Callers own the transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

from versprochen.coalition import engine
from versprochen.coalition.messages import breach_message
from versprochen.coalition.models import Coalition, CouncilBody, Meeting, Membership
from versprochen.coalition.rules import RuleSet
from versprochen.coalition.vocabulary import BodyKind, MemberRole
from versprochen.tracker.models import Actor, Body, Document

DEFAULT_REMINDER_DAYS = [7, 1]


def create_coalition(
    body: Body,
    partners: list[Actor],
    term: tuple[dt.date, dt.date],
    rules: RuleSet,
    rules_origin: str,
    agreement: Document | None = None,
    name: str = "",
) -> Coalition:
    if len(partners) < 2:
        raise ValidationError({"partners": [_("Eine Kooperation hat mindestens zwei Partner.")]})
    if term[1] <= term[0]:
        raise ValidationError({"term": [_("Das Ende der Wahlperiode liegt vor ihrem Anfang.")]})
    if agreement is not None and agreement.body_id != body.pk:
        raise ValidationError(
            {"agreement": [_("Die Vereinbarung gehört zu einer anderen Körperschaft.")]}
        )
    name = name or f"{' / '.join(p.name for p in partners)} ({term[0].year}–{term[1].year})"
    base = slugify(f"{body.slug}-{term[0].year}-{'-'.join(p.slug for p in partners)}")[:180]
    slug, n = base, 1
    while Coalition.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    coalition = Coalition.objects.create(
        body=body,
        name=name,
        slug=slug,
        term_start=term[0],
        term_end=term[1],
        agreement=agreement,
        rules_origin=rules_origin,
        rules_data=rules.as_data(),
        reminder_days=DEFAULT_REMINDER_DAYS,
    )
    coalition.partners.set(partners)
    return coalition


def add_member(
    coalition: Coalition,
    user: Any,
    partner: Actor,
    role: str = MemberRole.MEMBER,
    coordination: bool = False,
) -> Membership:
    """Add (or change) `user`'s membership; refused for a partner not in the coalition and
    for one member too many in the coordination group (rule 7)."""
    if not coalition.partners.filter(pk=partner.pk).exists():
        names = ", ".join(coalition.partners.values_list("name", flat=True))
        raise ValidationError(
            {
                "partner": [
                    _("%(p)s ist kein Partner dieser Kooperation (Partner: %(names)s).")
                    % {"p": partner.name, "names": names}
                ]
            }
        )
    if role not in MemberRole.values:
        raise ValidationError({"role": [_("Unbekannte Rolle.")]})
    existing = Membership.objects.filter(coalition=coalition, user=user).first()
    member = existing or Membership(coalition=coalition, user=user)
    member.partner, member.role = partner, role
    if coordination and not (
        existing and existing.coordination and existing.partner_id == partner.pk
    ):
        set_coordination(member, True)
    member.coordination = coordination
    member.save()
    return member


def set_coordination(member: Membership, flag: bool) -> None:
    if flag:
        count = (
            Membership.objects.filter(
                coalition_id=member.coalition_id, partner_id=member.partner_id, coordination=True
            )
            .exclude(pk=member.pk)
            .count()
        )
        breach = engine.check_coordination_cap(member.coalition.rules, count)
        if breach:
            raise ValidationError({"coordination": [breach_message(breach)]})
    member.coordination = flag


def add_council_body(
    coalition: Coalition, name: str, kind: str, submission_days: int
) -> CouncilBody:
    if kind not in BodyKind.values:
        raise ValidationError({"kind": [_("Unbekannte Art von Gremium: %(k)s") % {"k": kind}]})
    if not name.strip():
        raise ValidationError({"name": [_("Bitte einen Namen angeben.")]})
    if not 0 <= submission_days <= 120:
        raise ValidationError({"submission_days": [_("Die Frist liegt zwischen 0 und 120 Tagen.")]})
    body, _created = CouncilBody.objects.update_or_create(
        coalition=coalition,
        name=name.strip(),
        defaults={"kind": kind, "submission_days": submission_days},
    )
    return body


def add_meeting(council_body: CouncilBody, date: dt.date, today: dt.date) -> Meeting:
    """A new meeting; its date (and so its deadlines) may not lie in the past."""
    if date < today:
        raise ValidationError(
            {
                "date": [
                    _("Das Datum %(d)s liegt in der Vergangenheit.")
                    % {"d": date.strftime("%d.%m.%Y")}
                ]
            }
        )
    if Meeting.objects.filter(council_body=council_body, date=date).exists():
        raise ValidationError(
            {"date": [_("An diesem Tag gibt es schon eine Sitzung dieses Gremiums.")]}
        )
    return Meeting.objects.create(council_body=council_body, date=date)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def new_calendar_key(member: Membership) -> str:
    """A new secret for the member's calendar link (the old link stops working)."""
    key = secrets.token_urlsafe(24)
    member.calendar_key_hash = key_hash(key)
    member.save(update_fields=["calendar_key_hash"])
    return key


def revoke_calendar_key(member: Membership) -> None:
    member.calendar_key_hash = ""
    member.save(update_fields=["calendar_key_hash"])
