"""Motions offered to a pledge's editor as evidence of progress ("in Arbeit").

Never applied by itself: the editor reads the offer and writes an assessment (or not).
Only a person who is both a member of the coalition (so may see the motion) and an
editor of the body gets the offer; only submitted or decided motions are offered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from versprochen.coalition.access import memberships_of, visible_motions
from versprochen.coalition.vocabulary import MotionState
from versprochen.tracker.models import Pledge
from versprochen.tracker.roles import holds
from versprochen.tracker.vocabulary import EvidenceKind, Status


@dataclass(frozen=True)
class Offer:
    motion_id: int
    title: str
    council_body: str
    date: dt.date | None
    state: str
    url: str
    status: str = Status.IN_ARBEIT
    evidence_kind: str = EvidenceKind.COUNCIL_PAPER


def offers_for(user: Any, pledge: Pledge) -> list[Offer]:
    """The motions on `pledge` that `user` may offer as evidence, newest first."""
    if not holds(user, "editor", pledge.body_id):
        return []
    offers: list[Offer] = []
    for member in memberships_of(user).filter(coalition__body_id=pledge.body_id):
        rows = visible_motions(member).filter(
            pledges=pledge, state__in=(MotionState.SUBMITTED, MotionState.DECIDED)
        )
        for motion in rows:
            offers.append(
                Offer(
                    motion_id=motion.pk,
                    title=motion.title,
                    council_body=motion.council_body.name,
                    date=motion.decided_on or motion.submitted_on,
                    state=motion.state,
                    url=reverse("site:coalition_motion", args=[member.coalition.slug, motion.pk]),
                )
            )
    return sorted(offers, key=lambda o: (o.date or dt.date.min, o.motion_id), reverse=True)
