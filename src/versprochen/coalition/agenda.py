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


def items(member: Membership, today: dt.date, past_days: int = 30) -> list[Item]:
    """Everything dated from `past_days` ago to the horizon, by date."""
    coalition = member.coalition
    rules = coalition.rules
    start, end = today - dt.timedelta(days=past_days), today + dt.timedelta(days=HORIZON_DAYS)
    slug = coalition.slug
    found: list[Item] = []
    for meeting in Meeting.objects.filter(
        council_body__coalition=coalition, date__range=(start, end)
    ).select_related("council_body"):
        found.append(
            Item(
                meeting.date,
                "meeting",
                _("Sitzung: %(b)s") % {"b": meeting.council_body.name},
                reverse("site:coalition_calendar", args=[slug]),
                f"meeting-{meeting.pk}",
                False,
            )
        )
    pending = (MotionState.DRAFT, MotionState.PROPOSED, MotionState.AGREED, MotionState.DISSENT)
    for motion in (
        visible_motions(member)
        .filter(state__in=pending, meeting__date__range=(start, end + dt.timedelta(days=60)))
        .select_related("coalition")
    ):
        url = reverse("site:coalition_motion", args=[slug, motion.pk])
        due, notice = deadlines(motion)
        if notice and motion.kind == MotionKind.JOINT and motion.state == MotionState.DRAFT:
            found.append(
                Item(
                    notice,
                    "notice",
                    _("Vorschlag an den Partner: %(t)s") % {"t": motion.title},
                    url,
                    f"notice-{motion.pk}",
                    True,
                )
            )
        if due:
            found.append(
                Item(
                    due,
                    "submission",
                    _("Einreichfrist: %(t)s") % {"t": motion.title},
                    url,
                    f"submission-{motion.pk}",
                    True,
                )
            )
    for paper in Paper.objects.filter(
        coalition=coalition, outcome=PaperOutcome.OPEN, meeting__date__range=(start, end)
    ).select_related("meeting__council_body"):
        day = engine.positions_due(rules, paper.meeting.council_body.kind, paper.meeting.date)
        if day is not None:
            found.append(
                Item(
                    day,
                    "positions",
                    _("Positionen abstimmen: %(t)s") % {"t": paper.title},
                    reverse("site:coalition_paper", args=[slug, paper.pk]),
                    f"positions-{paper.pk}",
                    True,
                )
            )
    labels = {
        "yearly_review": _("Jahresbilanz"),
        "mid_term_evaluation": _("Evaluation zur Halbzeit"),
    }
    for day, kind in engine.review_dates(rules, coalition.term_start, coalition.term_end):
        if start <= day <= end:
            found.append(
                Item(
                    day,
                    "review",
                    str(labels[kind]),
                    reverse("site:coalition_log", args=[slug]),
                    f"{kind}-{day}",
                    False,
                )
            )
    return sorted(found, key=lambda i: (i.date, i.kind, i.title))


def due_and_late(member: Membership, today: dt.date) -> tuple[list[Item], list[Item]]:
    """What is due within the next seven days, and what is past its deadline, still open."""
    everything = items(member, today, past_days=HORIZON_DAYS)
    week = today + dt.timedelta(days=7)
    due = [i for i in everything if today <= i.date <= week]
    late = [i for i in everything if i.open and i.date < today]
    return due, late
