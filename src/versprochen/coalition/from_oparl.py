"""What the coalition takes from the synced council information system (the OParl wing):
council bodies and coming meetings by their OParl ids, and a submitted motion's result
once its paper is synced and linked (`Motion.oparl_paper_id`).

The OParl wing's tables are read here and nowhere else in this wing; the sync calls
`results_changed` through its `papers_changed` hook (registered in `apps.py`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.db.models import Q
from django.utils import timezone

from versprochen.coalition.models import Coalition, CouncilBody, LogEntry, Meeting, Motion
from versprochen.coalition.vocabulary import LogKind, MotionState, Result

# Words in an organization's name or classification, most specific first.
KIND_WORDS = (
    ("bezirksvertretung", "district_council"),
    ("bezirksbeirat", "district_council"),
    ("aufsichtsrat", "company_board"),
    ("gesellschafterversammlung", "company_board"),
    ("verwaltungsrat", "company_board"),
    ("ausschuss", "committee"),
    ("kreistag", "council"),
    ("stadtrat", "council"),
    ("gemeinderat", "council"),
    ("rat der stadt", "council"),
    ("rat", "council"),
)
# Words of an agenda item's result, most specific first.
RESULT_WORDS = (
    ("geändert", Result.ADOPTED_AMENDED),
    ("mit änderungen", Result.ADOPTED_AMENDED),
    ("abgelehnt", Result.REJECTED),
    ("verwiesen", Result.REFERRED),
    ("vertagt", Result.DEFERRED),
    ("zurückgestellt", Result.DEFERRED),
    ("abgesetzt", Result.DEFERRED),
    ("angenommen", Result.ADOPTED),
    ("beschlossen", Result.ADOPTED),
    ("zugestimmt", Result.ADOPTED),
)


def body_kind(name: str, classification: str = "") -> str | None:
    """The kind of council body an OParl organization is, or None when it is none."""
    words = f"{classification} {name}".casefold()
    for word, kind in KIND_WORDS:
        if word == "rat":
            if name.casefold().strip() in ("rat", "stadtrat", "rat der stadt"):
                return kind
            continue
        if word in words:
            return kind
    return None


def result_of(text: str) -> str | None:
    folded = text.casefold()
    for word, result in RESULT_WORDS:
        if word in folded:
            return str(result)
    return None


def import_bodies_and_meetings(coalition: Coalition, today: dt.date) -> tuple[int, int]:
    """Council bodies for the body's synced organizations and their coming meetings;
    existing ones (same OParl id, or same name) are kept. Returns (bodies, meetings) new."""
    from versprochen.oparl.models import Meeting as OParlMeeting
    from versprochen.oparl.models import Organization

    new_bodies = new_meetings = 0
    organizations = Organization.objects.filter(
        body_id=coalition.body_id, deleted=False, placeholder=False
    ).exclude(end_date__lt=today)
    for organization in organizations.iterator():
        kind = body_kind(organization.name, organization.classification)
        if kind is None or not organization.name:
            continue
        council_body = (
            CouncilBody.objects.filter(coalition=coalition)
            .filter(Q(oparl_id=organization.oparl_id) | Q(name=organization.name[:200]))
            .first()
        )
        if council_body is None:
            council_body = CouncilBody.objects.create(
                coalition=coalition,
                name=organization.name[:200],
                kind=kind,
                oparl_id=organization.oparl_id[:500],
            )
            new_bodies += 1
        meetings = OParlMeeting.objects.filter(
            organizations=organization, deleted=False, start__date__gte=today
        ).exclude(cancelled=True)
        for meeting in meetings.iterator():
            if meeting.start is None:
                continue
            day = timezone.localtime(meeting.start).date()
            _row, created = Meeting.objects.get_or_create(
                council_body=council_body, date=day, defaults={"oparl_id": meeting.oparl_id[:500]}
            )
            new_meetings += int(created)
    return new_bodies, new_meetings


def _agenda_items(paper: Any) -> Any:
    from versprochen.oparl.models import AgendaItem

    return (
        AgendaItem.objects.filter(Q(paper=paper) | Q(consultation__paper=paper), deleted=False)
        .exclude(result="")
        .select_related("meeting")
        .order_by("-meeting__start", "-id")
    )


def take_result(motion: Motion, paper: Any) -> bool:
    """Decide a submitted motion from its synced paper's agenda item; False if none says."""
    for item in _agenda_items(paper):
        result = result_of(item.result)
        if result is None:
            continue
        start = item.meeting.start if item.meeting is not None else None
        motion.result = result
        motion.decided_on = timezone.localtime(start).date() if start else timezone.localdate()
        motion.state = MotionState.DECIDED
        motion.revision += 1
        motion.save()
        LogEntry.objects.create(
            coalition_id=motion.coalition_id,
            username="OParl",
            kind=LogKind.DECISION,
            motion=motion,
            text=f"{motion.get_result_display()} (OParl: {item.result[:200]})",
        )
        return True
    return False


def results_changed(body: Any, paper_ids: Sequence[int]) -> None:
    """The OParl hook: the papers changed; decide the submitted motions linked to them."""
    from versprochen.oparl.models import Paper

    papers = {
        p.oparl_id: p for p in Paper.objects.filter(pk__in=paper_ids, body=body, deleted=False)
    }
    if not papers:
        return
    motions = Motion.objects.filter(
        coalition__body=body, state=MotionState.SUBMITTED, oparl_paper_id__in=list(papers)
    )
    for motion in motions:
        take_result(motion, papers[motion.oparl_paper_id])


def link_paper(motion: Motion, oparl_id: str) -> bool:
    """Link a submitted motion to its paper's OParl id; its result is taken at once when
    the paper is synced (True), else by the sync's hook later."""
    from versprochen.oparl.models import Paper

    motion.oparl_paper_id = oparl_id
    motion.save(update_fields=["oparl_paper_id"])
    paper = Paper.objects.filter(
        body_id=motion.coalition.body_id, oparl_id=oparl_id, deleted=False
    ).first()
    return paper is not None and take_result(motion, paper)
