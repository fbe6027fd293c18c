"""A motion's life: draft → proposed → agreed | dissent → submitted → decided, or withdrawn.

Every action checks the coalition's rules and writes the decision log; a refusal is a
`ValidationError` whose message names the field and the rule. Callers own the
transaction and pass in today's date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from versprochen.coalition import engine, log
from versprochen.coalition.messages import breach_message
from versprochen.coalition.models import CouncilBody, Meeting, Membership, Motion
from versprochen.coalition.rules import RuleSet
from versprochen.coalition.vocabulary import (
    Filing,
    LogKind,
    MotionKind,
    MotionState,
    Resolution,
    Result,
)
from versprochen.tracker.models import Pledge

EDITABLE = (MotionState.DRAFT, MotionState.PROPOSED, MotionState.DISSENT)
# The fields a concurrent edit is compared on, for the conflict table.
COMPARED = ("title", "text", "kind", "filing", "council_body_id", "meeting_id")


@dataclass(frozen=True)
class MotionData:
    title: str
    text: str
    kind: str
    filing: str
    council_body: CouncilBody
    meeting: Meeting | None
    pledges: tuple[Pledge, ...] = ()
    joint_attempt: Motion | None = None
    with_other_parties: bool = False


@dataclass
class Conflict(Exception):
    """The motion was changed by someone else since the form was loaded."""

    current: Motion
    yours: dict[str, Any] = field(default_factory=dict)


def _refuse(field_name: str, message: str) -> ValidationError:
    return ValidationError({field_name: [message]})


def deadlines(
    motion: Motion, rules: RuleSet | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """The body's submission deadline and the partner notice deadline (rule 4)."""
    if motion.meeting is None:
        return None, None
    due = engine.submission_deadline(motion.meeting.date, motion.council_body.submission_days)
    return due, engine.notice_deadline(rules or motion.coalition.rules, due)


def _facts(data: MotionData) -> engine.MotionFacts:
    return engine.MotionFacts(
        joint=data.kind == MotionKind.JOINT,
        filing=data.filing,
        body_kind=data.council_body.kind,
        joint_attempt=data.joint_attempt is not None,
        with_other_parties=data.with_other_parties,
    )


def check(member: Membership, data: MotionData, today: dt.date) -> None:
    """Refuse what the rules or the calendar do not allow, at the field concerned."""
    errors: dict[str, list[str]] = {}
    if data.council_body.coalition_id != member.coalition_id:
        errors["council_body"] = [_("Dieses Gremium gehört nicht zu dieser Kooperation.")]
    if data.meeting is not None:
        if data.meeting.council_body_id != data.council_body.pk:
            errors["meeting"] = [_("Diese Sitzung ist keine Sitzung des gewählten Gremiums.")]
        elif data.meeting.date < today:
            errors["meeting"] = [
                _("Die Sitzung am %(date)s ist vorbei; bitte eine kommende Sitzung wählen.")
                % {"date": data.meeting.date.strftime("%d.%m.%Y")}
            ]
    attempt = data.joint_attempt
    if attempt is not None and (
        attempt.coalition_id != member.coalition_id
        or attempt.kind != MotionKind.JOINT
        or attempt.state == MotionState.DRAFT
    ):
        errors["joint_attempt"] = [
            _("Als Versuch zählt nur ein gemeinsamer Antrag, der dem Partner vorgeschlagen wurde.")
        ]
    for breach in engine.check_motion(member.coalition.rules, _facts(data)):
        errors.setdefault(breach.field, []).append(breach_message(breach))
    if data.kind == MotionKind.JOINT and data.filing != Filing.MOTION:
        errors.setdefault("filing", []).append(
            _("Anfragen und Anträge zur Tagesordnung stellt jede Fraktion selbst.")
        )
    if errors:
        raise ValidationError(errors)


def _apply(motion: Motion, data: MotionData) -> None:
    motion.title, motion.text = data.title, data.text
    motion.kind, motion.filing = data.kind, data.filing
    motion.council_body, motion.meeting = data.council_body, data.meeting
    motion.joint_attempt, motion.with_other_parties = data.joint_attempt, data.with_other_parties


def create(member: Membership, data: MotionData, today: dt.date) -> Motion:
    check(member, data, today)
    motion = Motion(
        coalition_id=member.coalition_id,
        author_partner_id=member.partner_id,
        created_by=member.user,
        changed_by=member.user,
    )
    _apply(motion, data)
    motion.save()
    motion.pledges.set(data.pledges)
    return motion


def update(
    member: Membership, motion: Motion, data: MotionData, revision: int, today: dt.date
) -> Motion:
    """Save an edit made on `revision`; `Conflict` when someone saved in between."""
    if motion.state not in EDITABLE:
        raise _refuse("title", _("Ein Antrag in diesem Stand wird nicht mehr bearbeitet."))
    if motion.state == MotionState.DRAFT and motion.author_partner_id != member.partner_id:
        raise _refuse("title", _("Den Entwurf bearbeitet nur der Partner, der ihn schreibt."))
    current = Motion.objects.select_for_update().get(pk=motion.pk)
    if current.revision != revision:
        raise Conflict(current, {"title": data.title, "text": data.text})
    check(member, data, today)
    _apply(current, data)
    current.revision += 1
    current.changed_by = member.user
    current.save()
    current.pledges.set(data.pledges)
    return current


def _require_state(motion: Motion, *states: str) -> None:
    if motion.state not in states:
        raise _refuse(
            "state",
            _("Das geht im Stand „%(state)s“ nicht.") % {"state": motion.get_state_display()},
        )


def _step(member: Membership, motion: Motion, state: str) -> None:
    motion.state = state
    motion.revision += 1
    motion.changed_by = member.user
    motion.save()


def propose(member: Membership, motion: Motion, today: dt.date) -> engine.Timing:
    """Send a joint draft to the partner; late by the days missing to rule 4's notice."""
    _require_state(motion, MotionState.DRAFT)
    if motion.kind != MotionKind.JOINT:
        raise _refuse("kind", _("Nur gemeinsame Anträge werden dem Partner vorgeschlagen."))
    if member.partner_id != motion.author_partner_id:
        raise _refuse("state", _("Vorschlagen kann nur der Partner, der den Antrag entwirft."))
    due, _notice = deadlines(motion)
    timing = engine.proposal_timing(motion.coalition.rules, today, due)
    motion.proposed_on, motion.late_days = today, timing.days_missing
    _step(member, motion, MotionState.PROPOSED)
    text = (
        _("%(days)s Tage zu spät (Frist beim Partner: %(due)s)")
        % {"days": timing.days_missing, "due": timing.notice_deadline}
        if timing.late
        else ""
    )
    log.write(member, LogKind.PROPOSAL, rule=timing.rule, motion=motion, text=text)
    return timing


def _other_partner(member: Membership, motion: Motion) -> None:
    if member.partner_id == motion.author_partner_id:
        raise _refuse("state", _("Das entscheidet der andere Partner."))


def agree(member: Membership, motion: Motion) -> None:
    _require_state(motion, MotionState.PROPOSED)
    _other_partner(member, motion)
    _step(member, motion, MotionState.AGREED)
    rule = motion.coalition.rules.rule("joint_vote")
    log.write(member, LogKind.AGREEMENT, rule=rule.number if rule else None, motion=motion)


def dissent(member: Membership, motion: Motion, text: str) -> None:
    """The other partner does not agree: the coordination group decides (rule 9)."""
    _require_state(motion, MotionState.PROPOSED)
    _other_partner(member, motion)
    if not text.strip():
        raise _refuse("text", _("Bitte den Dissens begründen."))
    _step(member, motion, MotionState.DISSENT)
    rule = motion.coalition.rules.rule("dissent_resolution")
    log.write(member, LogKind.DISSENT, rule=rule.number if rule else None, motion=motion, text=text)


def resolve(member: Membership, motion: Motion, outcome: str, procedure: str) -> None:
    """The coordination group's decision on a dissent (rule 9)."""
    _require_state(motion, MotionState.DISSENT)
    if not member.coordination:
        raise _refuse("outcome", _("Das entscheidet die Koordinierungsgruppe."))
    if motion.resolution:
        raise _refuse("outcome", _("Die Koordinierungsgruppe hat hierzu schon entschieden."))
    breach = engine.check_resolution(motion.coalition.rules, outcome, other_group_motion=False)
    if breach:
        raise _refuse("outcome", breach_message(breach))
    if outcome == Resolution.RECORDED_DISSENT and not procedure.strip():
        raise _refuse("procedure", _("Bitte das Verfahren für diesen Fall festhalten."))
    motion.resolution = outcome
    _step(member, motion, MotionState.AGREED if outcome == "unanimous_decision" else motion.state)
    rule = motion.coalition.rules.rule("dissent_resolution")
    log.write(
        member, outcome, rule=rule.number if rule else None, motion=motion, procedure=procedure
    )


def submit(member: Membership, motion: Motion, today: dt.date) -> None:
    """File the motion with the council body; an own filing records the notice (rule 5)."""
    rules = motion.coalition.rules
    if motion.kind == MotionKind.JOINT:
        if not (
            motion.state == MotionState.AGREED
            or (motion.state == MotionState.DISSENT and motion.resolution)
        ):
            raise _refuse("state", _("Ein gemeinsamer Antrag wird erst nach Einigung eingereicht."))
    else:
        _require_state(motion, MotionState.DRAFT)
        if member.partner_id != motion.author_partner_id:
            raise _refuse("state", _("Einen eigenen Antrag reicht nur sein Partner ein."))
        data = MotionData(
            motion.title,
            motion.text,
            motion.kind,
            motion.filing,
            motion.council_body,
            motion.meeting,
            (),
            motion.joint_attempt,
            motion.with_other_parties,
        )
        check(member, data, today)
    if motion.meeting is not None and motion.meeting.date < today:
        raise _refuse("meeting", _("Die Sitzung ist vorbei."))
    motion.submitted_on = today
    _step(member, motion, MotionState.SUBMITTED)
    facts = engine.MotionFacts(
        joint=motion.kind == MotionKind.JOINT,
        filing=motion.filing,
        body_kind=motion.council_body.kind,
        joint_attempt=motion.joint_attempt_id is not None,
    )
    notice_rule = engine.needs_notice(rules, facts)
    if notice_rule is not None:
        log.write(
            member,
            LogKind.NOTICE,
            rule=notice_rule,
            motion=motion,
            text=_("Der Partner wurde über die Einreichung unterrichtet."),
        )
    key = "joint_vote" if facts.joint else "own_motions"
    rule = rules.rule(key) if notice_rule is None else None
    log.write(
        member,
        LogKind.SUBMISSION,
        rule=notice_rule or (rule.number if rule else None),
        motion=motion,
    )


def decide(member: Membership, motion: Motion, result: str, decided_on: dt.date) -> None:
    """The meeting's result, entered by hand (or from OParl once the paper is linked)."""
    _require_state(motion, MotionState.SUBMITTED)
    if result not in Result.values:
        raise _refuse("result", _("Bitte ein Ergebnis wählen."))
    motion.result, motion.decided_on = result, decided_on
    _step(member, motion, MotionState.DECIDED)
    log.write(member, LogKind.DECISION, motion=motion, text=motion.get_result_display())


def withdraw(member: Membership, motion: Motion, text: str = "") -> None:
    _require_state(
        motion, MotionState.PROPOSED, MotionState.AGREED, MotionState.DISSENT, MotionState.SUBMITTED
    )
    if member.partner_id != motion.author_partner_id and not member.coordination:
        raise _refuse("state", _("Zurückziehen kann der Partner, der den Antrag stellt."))
    _step(member, motion, MotionState.WITHDRAWN)
    log.write(member, LogKind.WITHDRAWAL, motion=motion, text=text)


def publish(member: Membership, motion: Motion) -> None:
    """Make this one motion public (nothing else of the coalition becomes public)."""
    _require_state(motion, MotionState.SUBMITTED, MotionState.DECIDED)
    if motion.published_at is None:
        motion.published_at = timezone.now()
        motion.save(update_fields=["published_at"])
        log.write(member, LogKind.PUBLICATION, motion=motion)


def present(member: Membership, motion: Motion) -> None:
    """Its author presents an own motion, once the partners have voted on it (rule 3)."""
    if motion.kind != MotionKind.OWN or member.partner_id != motion.author_partner_id:
        raise _refuse("presenter", _("Präsentiert wird ein eigener Antrag von seinem Partner."))
    rules = motion.coalition.rules
    breach = engine.check_presentation(rules, False, motion.state == MotionState.DECIDED)
    if breach:
        raise _refuse("presenter", breach_message(breach))
    rule = rules.rule("own_motion_presentation")
    log.write(member, LogKind.PRESENTATION, rule=rule.number if rule else None, motion=motion)
