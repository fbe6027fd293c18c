"""The rules engine: checks a coalition's actions against its rule set (plain Python).

Each check takes plain values and returns what the rules say: a `Breach` (the rule
broken, the field it concerns, a code and the figures for the message), a timing,
or an outcome. Callers turn breaches into messages (`messages.py`) and store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from versprochen.coalition.rules import RuleSet


@dataclass(frozen=True)
class Breach:
    """An action the rules refuse: which rule, the form field it concerns, why."""

    rule: int
    code: str
    field: str
    params: dict[str, Any] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class Timing:
    """A proposal to the partner measured against the notice period (rule 4)."""

    notice_deadline: dt.date | None
    late: bool
    days_missing: int
    rule: int | None


@dataclass(frozen=True)
class Outcome:
    """What happens to a paper: `agreed`, `postpone`, `exception`, `no_decision`,
    `joint_rejection`; `escalate`: it goes to the coordination group."""

    outcome: str
    escalate: bool
    rule: int | None
    reason: str = ""


@dataclass(frozen=True)
class MotionFacts:
    joint: bool
    filing: str  # motion, question, agenda_motion
    body_kind: str
    joint_attempt: bool = False
    with_other_parties: bool = False


def governed(rules: RuleSet, body_kind: str) -> bool:
    """Whether the partners' joint voting (rule 1, and rule 12 for company boards) holds there."""
    joint = rules.rule("joint_vote")
    boards = rules.rule("company_boards")
    kinds = set(joint.get("body_kinds")) if joint else set()
    if joint and boards:
        kinds |= set(boards.get("body_kinds"))
    return body_kind in kinds


def _rule_for(rules: RuleSet, body_kind: str, key: str) -> int:
    """The rule to cite: rule 12 when the body is a company board it extends to."""
    boards = rules.rule("company_boards")
    if boards and body_kind in boards.get("body_kinds"):
        return boards.number
    rule = rules.rule(key)
    return rule.number if rule else 0


def submission_deadline(meeting_date: dt.date, days_before: int) -> dt.date:
    """The body's submission deadline for a meeting ("10 days before")."""
    return meeting_date - dt.timedelta(days=days_before)


def notice_deadline(rules: RuleSet, deadline: dt.date | None) -> dt.date | None:
    """When a proposal for a joint motion must be with the partner (rule 4)."""
    rule = rules.rule("partner_notice")
    if rule is None or deadline is None:
        return None
    return deadline - dt.timedelta(days=rule.get("days_before_submission_deadline"))


def proposal_timing(rules: RuleSet, proposed_on: dt.date, deadline: dt.date | None) -> Timing:
    """A joint proposal sent on `proposed_on` for a meeting whose submission deadline is
    `deadline`: late by the days missing to the partner notice (rule 4)."""
    rule = rules.rule("partner_notice")
    due = notice_deadline(rules, deadline)
    if rule is None or due is None:
        return Timing(None, False, 0, None)
    missing = max(0, (proposed_on - due).days)
    return Timing(due, missing > 0, missing, rule.number)


def check_motion(rules: RuleSet, facts: MotionFacts) -> list[Breach]:
    """What the rules say against filing this motion (empty: allowed)."""
    breaches: list[Breach] = []
    if facts.joint or not governed(rules, facts.body_kind):
        return breaches
    filing = rules.rule("autonomous_filing")
    if filing and facts.filing in filing.get("filing_kinds"):
        return breaches  # questions and agenda motions may be filed alone (rule 5)
    own = rules.rule("own_motions")
    number = _rule_for(rules, facts.body_kind, "own_motions")
    if own is None:
        # Without rule 2 the joint vote of rule 1 leaves no room for own motions.
        joint = rules.rule("joint_vote")
        return [Breach(number or (joint.number if joint else 0), "own_not_allowed", "kind")]
    if facts.body_kind not in own.get("allowed_body_kinds"):
        kinds = list(own.get("allowed_body_kinds"))
        breaches.append(Breach(number, "own_not_allowed", "council_body", {"allowed": kinds}))
        return breaches
    if facts.with_other_parties and not own.get("with_other_parties"):
        breaches.append(Breach(own.number, "own_with_other_parties", "with_other_parties"))
    if own.get("requires_joint_attempt") and not facts.joint_attempt:
        breaches.append(Breach(own.number, "own_without_joint_attempt", "joint_attempt"))
    return breaches


def own_motion_is_breach(rules: RuleSet) -> bool:
    """Whether an allowed own motion counts as a breach of the agreement (Herne: no)."""
    own = rules.rule("own_motions")
    return bool(own and own.get("counts_as_breach"))


def needs_notice(rules: RuleSet, facts: MotionFacts) -> int | None:
    """The rule under which filing alone needs a notice to the partner (rule 5), or None."""
    filing = rules.rule("autonomous_filing")
    if facts.joint or filing is None or not filing.get("notice_to_partner"):
        return None
    return filing.number if facts.filing in filing.get("filing_kinds") else None


def check_presentation(rules: RuleSet, joint: bool, voted: bool) -> Breach | None:
    """An own motion is presented by its author only after the joint vote (rule 3)."""
    rule = rules.rule("own_motion_presentation")
    if joint or rule is None:
        return None
    if rule.get("after_joint_vote") and not voted:
        return Breach(rule.number, "present_before_vote", "presenter")
    return None


def positions_due(rules: RuleSet, body_kind: str, meeting_date: dt.date) -> dt.date | None:
    """When the partners' positions on a paper must be agreed (rule 6), or None."""
    rule = rules.rule("positions_before_committee")
    if rule is None or body_kind not in rule.get("body_kinds"):
        return None
    return meeting_date - dt.timedelta(days=rule.get("days_before_meeting"))


def check_coordination_cap(rules: RuleSet, members_of_partner: int) -> Breach | None:
    """Adding one more member of a partner to the coordination group (rule 7)."""
    rule = rules.rule("coordination_group")
    if rule is None:
        return None
    cap = rule.get("max_per_partner")
    if members_of_partner + 1 > cap:
        return Breach(rule.number, "coordination_full", "coordination", {"cap": cap})
    return None


def paper_outcome(
    rules: RuleSet,
    *,
    consensus: bool,
    other_group_motion: bool = False,
    exception: str = "",
    postponement_reached: bool | None = None,
) -> Outcome | Breach:
    """What becomes of a paper by its meeting (rules 8 and 10)."""
    if consensus:
        return Outcome("agreed", False, None)
    if other_group_motion:
        rule = rules.rule("dissent_other_motion")
        if rule is None:
            return Outcome("postpone", False, None)
        if postponement_reached is False:
            return Outcome(rule.get("fallback"), True, rule.number)
        return Outcome(rule.get("first"), True, rule.number)
    rule = rules.rule("no_consensus")
    if rule is None:
        return Outcome("open", False, None)
    if exception:
        allowed = list(rule.get("exceptions"))
        if exception not in allowed:
            return Breach(rule.number, "exception_unknown", "exception", {"allowed": allowed})
        return Outcome("exception", bool(rule.get("escalate")), rule.number, exception)
    return Outcome(rule.get("default"), bool(rule.get("escalate")), rule.number)


def check_resolution(rules: RuleSet, outcome: str, other_group_motion: bool) -> Breach | None:
    """A coordination group's decision must be one the rules know (rules 9 and 10)."""
    rule = rules.rule("dissent_resolution")
    allowed = list(rule.get("outcomes")) if rule else ["unanimous_decision", "recorded_dissent"]
    other = rules.rule("dissent_other_motion")
    if other_group_motion and other:
        allowed.append(other.get("fallback"))
    if outcome not in allowed:
        return Breach(
            rule.number if rule else 0, "resolution_unknown", "outcome", {"allowed": allowed}
        )
    return None


def _shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def review_dates(rules: RuleSet, start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """The yearly reviews (each anniversary of the term's start) and the mid-term
    evaluation (halfway through the term) of rule 13."""
    rule = rules.rule("review")
    dates: list[tuple[dt.date, str]] = []
    if rule is None or end <= start:
        return dates
    if rule.get("yearly_review"):
        year = 1
        while (day := _shift_years(start, year)) <= end:
            dates.append((day, "yearly_review"))
            year += 1
    if rule.get("mid_term_evaluation"):
        dates.append((start + (end - start) / 2, "mid_term_evaluation"))
    return sorted(dates)
