"""Reminders by e-mail at the coalition's configured days before a deadline, and the
weekly digest of what is due and late. Each mail is sent once (`ReminderSent`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.core.mail import send_mail
from django.utils.translation import gettext as _
from django.utils.translation import override

from versprochen.coalition import agenda
from versprochen.coalition.models import Coalition, Membership, ReminderSent

Progress = Callable[[int, int, str], None]


def _once(member: Membership, key: str, today: dt.date) -> bool:
    """Claim the mail `key` for the member; False when it was sent before."""
    _row, created = ReminderSent.objects.get_or_create(
        membership=member, key=key[:200], defaults={"sent_on": today}
    )
    return created


def _members(coalition: Coalition) -> list[Membership]:
    return list(
        coalition.members.filter(user__is_active=True)
        .exclude(user__email="")
        .select_related("user", "partner", "coalition")
    )


def _line(item: agenda.Item, base_url: str) -> str:
    return f"- {item.date:%d.%m.%Y}: {item.title} ({base_url}{item.url})"


def send_reminders(today: dt.date, base_url: str, progress: Progress | None = None) -> int:
    """Mail every member the open deadlines lying the coalition's reminder days ahead."""
    sent = 0
    coalitions = list(Coalition.objects.all())
    for done, coalition in enumerate(coalitions):
        days = {int(d) for d in coalition.reminder_days if isinstance(d, int) and d >= 0}
        for member in _members(coalition):
            for item in agenda.items(member, today, past_days=0):
                ahead = (item.date - today).days
                if not item.open or ahead not in days:
                    continue
                if not _once(member, f"{item.uid}:{item.date}:{ahead}", today):
                    continue
                with override("de"):
                    subject = _("Frist in %(n)s Tagen: %(t)s") % {"n": ahead, "t": item.title}
                    body = "\n".join(
                        [
                            coalition.name,
                            "",
                            _line(item, base_url),
                            "",
                            _("Diese Erinnerung kommt von versprochen."),
                        ]
                    )
                send_mail(subject, body, None, [member.user.email])
                sent += 1
        if progress:
            progress(done + 1, len(coalitions), coalition.name)
    return sent


def send_digest(today: dt.date, base_url: str, progress: Progress | None = None) -> int:
    """Mail every member this week's due and late items (once per ISO week)."""
    sent = 0
    year, week, _day = today.isocalendar()
    coalitions = list(Coalition.objects.all())
    for done, coalition in enumerate(coalitions):
        for member in _members(coalition):
            due, late = agenda.due_and_late(member, today)
            if not (due or late) or not _once(member, f"digest:{year}-W{week:02d}", today):
                continue
            with override("de"):
                lines = [coalition.name, "", _("Diese Woche fällig:")]
                lines += [_line(i, base_url) for i in due] or [_("nichts")]
                lines += ["", _("Überfällig:")]
                lines += [_line(i, base_url) for i in late] or [_("nichts")]
                subject = _("Wochenübersicht: %(c)s") % {"c": coalition.name}
            send_mail(subject, "\n".join(lines), None, [member.user.email])
            sent += 1
        if progress:
            progress(done + 1, len(coalitions), coalition.name)
    return sent
