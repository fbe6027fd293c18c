"""The coalition's dated items for one member: meetings, the partner notice (rule 4),
submission deadlines, positions due before committees (rule 6), reviews (rule 13).

One list feeds the overview, the calendar page, the iCalendar feed and the reminders;
it holds only what the member may see (their partner's drafts, shared records).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from versprochen.coalition import engine
from versprochen.coalition.access import visible_motions
from versprochen.coalition.models import Meeting, Membership, Paper
from versprochen.coalition.motions import deadlines
from versprochen.coalition.vocabulary import MotionKind, MotionState, PaperOutcome

HORIZON_DAYS = 400


@dataclass(frozen=True)
class Item:
    date: dt.date
    kind: str  # meeting, notice, submission, positions, review
    title: str
    url: str
    uid: str
    open: bool  # still to be done (a deadline); meetings and reviews are dates


def _meetings(member: Membership, start: dt.date, end: dt.date) -> list[Item]:
    slug = member.coalition.slug
    rows = Meeting.objects.filter(
        council_body__coalition_id=member.coalition_id, date__range=(start, end)
    ).select_related("council_body")
    return [
        Item(
            m.date,
            "meeting",
            _("Sitzung: %(b)s") % {"b": m.council_body.name},
            reverse("site:coalition_calendar", args=[slug]),
            f"meeting-{m.pk}",
            False,
        )
        for m in rows
    ]


def _motions(member: Membership, start: dt.date, end: dt.date) -> list[Item]:
    """The partner notice of joint drafts (rule 4) and the submission deadlines."""
    found: list[Item] = []
    rules = member.coalition.rules
    pending = (MotionState.DRAFT, MotionState.PROPOSED, MotionState.AGREED, MotionState.DISSENT)
    rows = (
        visible_motions(member)
        .filter(state__in=pending, meeting__date__range=(start, end + dt.timedelta(days=60)))
        .select_related("coalition")
    )
    for motion in rows:
        url = reverse("site:coalition_motion", args=[member.coalition.slug, motion.pk])
        due, notice = deadlines(motion, rules)
        if notice and motion.kind == MotionKind.JOINT and motion.state == MotionState.DRAFT:
            title = _("Vorschlag an den Partner: %(t)s") % {"t": motion.title}
            found.append(Item(notice, "notice", title, url, f"notice-{motion.pk}", True))
        if due:
            title = _("Einreichfrist: %(t)s") % {"t": motion.title}
            found.append(Item(due, "submission", title, url, f"submission-{motion.pk}", True))
    return found


def _positions(member: Membership, start: dt.date, end: dt.date) -> list[Item]:
    """Positions due on open papers before committee meetings (rule 6)."""
    found: list[Item] = []
    rules = member.coalition.rules
    rows = Paper.objects.filter(
        coalition_id=member.coalition_id,
        outcome=PaperOutcome.OPEN,
        meeting__date__range=(start, end),
    ).select_related("meeting__council_body")
    for paper in rows:
        day = engine.positions_due(rules, paper.meeting.council_body.kind, paper.meeting.date)
        if day is not None:
            url = reverse("site:coalition_paper", args=[member.coalition.slug, paper.pk])
            title = _("Positionen abstimmen: %(t)s") % {"t": paper.title}
            found.append(Item(day, "positions", title, url, f"positions-{paper.pk}", True))
    return found


def _reviews(member: Membership, start: dt.date, end: dt.date) -> list[Item]:
    """The yearly reviews and the mid-term evaluation (rule 13)."""
    coalition = member.coalition
    labels = {
        "yearly_review": _("Jahresbilanz"),
        "mid_term_evaluation": _("Evaluation zur Halbzeit"),
    }
    url = reverse("site:coalition_log", args=[coalition.slug])
    return [
        Item(day, "review", str(labels[kind]), url, f"{kind}-{day}", False)
        for day, kind in engine.review_dates(
            coalition.rules, coalition.term_start, coalition.term_end
        )
        if start <= day <= end
    ]


def items(member: Membership, today: dt.date, past_days: int = 30) -> list[Item]:
    """Everything dated from `past_days` ago to the horizon, by date."""
    start, end = today - dt.timedelta(days=past_days), today + dt.timedelta(days=HORIZON_DAYS)
    found = [
        *_meetings(member, start, end),
        *_motions(member, start, end),
        *_positions(member, start, end),
        *_reviews(member, start, end),
    ]
    return sorted(found, key=lambda i: (i.date, i.kind, i.title))


def due_and_late(member: Membership, today: dt.date) -> tuple[list[Item], list[Item]]:
    """What is due within the next seven days, and what is past its deadline, still open."""
    everything = items(member, today, past_days=HORIZON_DAYS)
    week = today + dt.timedelta(days=7)
    due = [i for i in everything if today <= i.date <= week]
    late = [i for i in everything if i.open and i.date < today]
    return due, late
