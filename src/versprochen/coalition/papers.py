"""Positions on papers before a meeting (rules 6, 8 and 10) and the coordination group's
decisions on them. Callers own the transaction."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from versprochen.coalition import engine, log
from versprochen.coalition.messages import breach_message
from versprochen.coalition.models import Meeting, Membership, Paper, Position
from versprochen.coalition.vocabulary import LogKind, PaperOrigin, PaperOutcome, Stance

OUTCOME_LOG = {
    "postpone": LogKind.POSTPONEMENT,
    "exception": LogKind.EXCEPTION,
    "no_decision": LogKind.NO_DECISION,
    "joint_rejection": LogKind.JOINT_REJECTION,
    "agreed": LogKind.AGREEMENT,
}


def create(
    member: Membership, title: str, reference: str, origin: str, meeting: Meeting, today: dt.date
) -> Paper:
    errors: dict[str, list[str]] = {}
    if meeting.council_body.coalition_id != member.coalition_id:
        errors["meeting"] = [_("Diese Sitzung gehört nicht zu dieser Kooperation.")]
    elif meeting.date < today:
        errors["meeting"] = [_("Die Sitzung ist vorbei; bitte eine kommende Sitzung wählen.")]
    if not title.strip():
        errors["title"] = [_("Bitte einen Titel angeben.")]
    if origin not in PaperOrigin.values:
        errors["origin"] = [_("Bitte die Herkunft wählen.")]
    if errors:
        raise ValidationError(errors)
    return Paper.objects.create(
        coalition_id=member.coalition_id,
        title=title.strip(),
        reference=reference.strip(),
        origin=origin,
        meeting=meeting,
    )


def consensus(paper: Paper, partner_ids: list[int]) -> bool | None:
    """True when every partner took the same position, False when they differ, None while
    a partner's position is missing."""
    stances = {p.partner_id: p.stance for p in paper.positions.all()}
    if any(pid not in stances for pid in partner_ids):
        return None
    return len({stances[pid] for pid in partner_ids}) == 1


def take_position(member: Membership, paper: Paper, stance: str, note: str) -> Position:
    """The member's partner's position on the paper (a later one replaces it)."""
    if stance not in Stance.values:
        raise ValidationError({"stance": [_("Bitte eine Position wählen.")]})
    if paper.outcome != PaperOutcome.OPEN:
        raise ValidationError({"stance": [_("Zu dieser Vorlage ist schon entschieden.")]})
    position, _created = Position.objects.update_or_create(
        paper=paper,
        partner_id=member.partner_id,
        defaults={"stance": stance, "note": note.strip(), "by": member.user},
    )
    rules = paper.coalition.rules
    rule = rules.rule("positions_before_committee")
    text = f"{position.get_stance_display()}" + (f": {note.strip()}" if note.strip() else "")
    log.write(member, LogKind.POSITION, rule=rule.number if rule else None, paper=paper, text=text)
    return position


def conclude(
    member: Membership, paper: Paper, exception: str = "", postponement_reached: bool | None = None
) -> engine.Outcome:
    """What becomes of the paper: consensus, or without it postpone (rule 8) unless an
    exception is chosen, or for another group's motion no decision / joint rejection
    (rule 10); without consensus it goes to the coordination group."""
    if paper.outcome not in (PaperOutcome.OPEN, PaperOutcome.NO_DECISION):
        raise ValidationError({"exception": [_("Zu dieser Vorlage ist schon entschieden.")]})
    partner_ids = list(paper.coalition.partners.values_list("pk", flat=True))
    agreed = consensus(paper, partner_ids)
    if agreed is None:
        raise ValidationError({"exception": [_("Es fehlt noch die Position eines Partners.")]})
    other = paper.origin == PaperOrigin.OTHER_GROUP
    if agreed and exception:
        raise ValidationError({"exception": [_("Bei Konsens gibt es keine Ausnahme.")]})
    result = engine.paper_outcome(
        paper.coalition.rules,
        consensus=agreed,
        other_group_motion=other,
        exception=exception,
        postponement_reached=postponement_reached,
    )
    if isinstance(result, engine.Breach):
        raise ValidationError({result.field: [breach_message(result)]})
    first_time = paper.outcome == PaperOutcome.OPEN
    paper.outcome, paper.exception = result.outcome, result.reason
    paper.escalated = paper.escalated or result.escalate
    paper.revision += 1
    paper.save()
    if not agreed and first_time:
        log.write(member, LogKind.DISSENT, rule=result.rule, paper=paper)
    log.write(
        member,
        OUTCOME_LOG.get(result.outcome, LogKind.POSITION),
        rule=result.rule,
        paper=paper,
        reason=result.reason,
    )
    return result


def resolve(member: Membership, paper: Paper, outcome: str, procedure: str) -> None:
    """The coordination group's decision on an escalated paper (rules 9 and 10)."""
    if not member.coordination:
        raise ValidationError({"outcome": [_("Das entscheidet die Koordinierungsgruppe.")]})
    if not paper.escalated or paper.resolution:
        raise ValidationError({"outcome": [_("Hierzu ist nichts zu entscheiden.")]})
    other = paper.origin == PaperOrigin.OTHER_GROUP
    breach = engine.check_resolution(paper.coalition.rules, outcome, other_group_motion=other)
    if breach:
        raise ValidationError({"outcome": [breach_message(breach)]})
    if outcome == "recorded_dissent" and not procedure.strip():
        raise ValidationError({"procedure": [_("Bitte das Verfahren für diesen Fall festhalten.")]})
    paper.resolution = outcome
    if outcome == "joint_rejection":
        paper.outcome = PaperOutcome.JOINT_REJECTION
    paper.revision += 1
    paper.save()
    rules = paper.coalition.rules
    key = "dissent_other_motion" if outcome == "joint_rejection" else "dissent_resolution"
    rule = rules.rule(key)
    log.write(member, outcome, rule=rule.number if rule else None, paper=paper, procedure=procedure)
