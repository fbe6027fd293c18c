"""Scenarios written from the Herne agreement's chapter "Koordinierung der
Zusammenarbeit", at least one per rule of the preset (numbers as in the preset)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from versprochen.coalition import engine, motions, papers, setup
from versprochen.coalition.models import LogEntry, Motion
from versprochen.coalition.motions import MotionData
from versprochen.coalition.rules import load

HERNE = load("preset:herne-2025")


def _data(world: dict[str, Any], body: str, **kw: Any) -> MotionData:
    values: dict[str, Any] = {
        "title": "Jugendzentrum Sodingen",
        "text": "Der Rat beauftragt die Verwaltung …",
        "kind": "joint",
        "filing": "motion",
        "council_body": world[body],
        "meeting": world[f"{body}_meeting"],
    }
    values.update(kw)
    return MotionData(**values)


def _messages(error: ValidationError) -> dict[str, str]:
    return {k: " ".join(v) for k, v in error.message_dict.items()}


def _proposed(world: dict[str, Any], today: dt.date, body: str = "rat") -> Motion:
    motion = motions.create(world["anke"], _data(world, body), today)
    motions.propose(world["anke"], motion, today)
    return motion


# Rule 1: the partners vote together in the council, its committees, the district councils.
def test_rule_1_a_joint_motion_needs_the_partners_agreement_before_submission(
    herne: dict[str, Any], today: dt.date
) -> None:
    motion = _proposed(herne, today)
    with pytest.raises(ValidationError) as refused:
        motions.submit(herne["anke"], motion, today)
    assert "nach Einigung" in _messages(refused.value)["state"]
    motions.agree(herne["bernd"], motion)
    motions.submit(herne["anke"], motion, today)
    assert motion.state == "submitted"
    assert LogEntry.objects.filter(motion=motion, kind="agreement", rule=1).exists()
    assert engine.governed(HERNE, "committee") and engine.governed(HERNE, "district_council")


# Rule 2: own motions only in district councils, never with other parties, after a
# documented joint attempt; they are no breach.
def test_rule_2_an_own_motion_in_the_council_is_refused_with_the_rule(
    herne: dict[str, Any], today: dt.date
) -> None:
    with pytest.raises(ValidationError) as refused:
        motions.create(herne["anke"], _data(herne, "rat", kind="own"), today)
    message = _messages(refused.value)["council_body"]
    assert "nur hier erlaubt: Bezirksvertretung" in message and "Regel 2" in message
    assert not Motion.objects.exists()


def test_rule_2_an_own_motion_in_a_district_council_needs_a_prior_joint_attempt(
    herne: dict[str, Any], today: dt.date
) -> None:
    with pytest.raises(ValidationError) as refused:
        motions.create(herne["anke"], _data(herne, "bv", kind="own"), today)
    assert "Versuch eines gemeinsamen Antrags" in _messages(refused.value)["joint_attempt"]
    attempt = _proposed(herne, today, "bv")
    motions.dissent(herne["bernd"], attempt, "Wir wollen einen anderen Standort.")
    own = motions.create(
        herne["anke"], _data(herne, "bv", kind="own", joint_attempt=attempt), today
    )
    motions.submit(herne["anke"], own, today)
    assert own.state == "submitted"
    assert LogEntry.objects.filter(motion=own, kind="submission", rule=2).exists()
    assert not engine.own_motion_is_breach(HERNE)


def test_rule_2_an_own_motion_is_never_filed_together_with_other_parties(
    herne: dict[str, Any], today: dt.date
) -> None:
    attempt = _proposed(herne, today, "bv")
    data = _data(herne, "bv", kind="own", joint_attempt=attempt, with_other_parties=True)
    with pytest.raises(ValidationError) as refused:
        motions.create(herne["anke"], data, today)
    assert "nicht mit anderen Parteien" in _messages(refused.value)["with_other_parties"]


# Rule 3: an own motion may be presented by its author after the joint vote.
def test_rule_3_the_author_presents_an_own_motion_after_the_vote(
    herne: dict[str, Any], today: dt.date
) -> None:
    attempt = _proposed(herne, today, "bv")
    own = motions.create(
        herne["anke"], _data(herne, "bv", kind="own", joint_attempt=attempt), today
    )
    motions.submit(herne["anke"], own, today)
    with pytest.raises(ValidationError) as refused:
        motions.present(herne["anke"], own)
    assert "nach der gemeinsamen Abstimmung" in _messages(refused.value)["presenter"]
    motions.decide(herne["anke"], own, "adopted", today)
    with pytest.raises(ValidationError):
        motions.present(herne["bernd"], own)  # not the author's partner
    motions.present(herne["anke"], own)
    assert LogEntry.objects.filter(motion=own, kind="presentation", rule=3).exists()


# Rule 4: a proposal must reach the partner two weeks before the submission deadline.
def test_rule_4_a_proposal_13_days_before_the_deadline_is_late_by_one_day(
    herne: dict[str, Any], today: dt.date
) -> None:
    motion = motions.create(herne["anke"], _data(herne, "rat"), today)
    deadline = herne["rat_meeting"].date - dt.timedelta(days=10)
    timing = motions.propose(herne["anke"], motion, deadline - dt.timedelta(days=13))
    assert (timing.late, timing.days_missing, timing.rule) == (True, 1, 4)
    assert motion.late_days == 1
    entry = LogEntry.objects.get(motion=motion, kind="proposal")
    assert entry.rule == 4 and "1 Tage zu spät" in entry.text


def test_rule_4_a_proposal_14_days_before_the_deadline_is_on_time(herne: dict[str, Any]) -> None:
    due = dt.date(2026, 5, 20)
    timing = engine.proposal_timing(HERNE, due - dt.timedelta(days=14), due)
    assert (timing.late, timing.days_missing) == (False, 0)


# Rule 5: questions and agenda motions are filed alone; the partner is informed.
def test_rule_5_a_question_in_the_council_is_filed_alone_with_a_notice(
    herne: dict[str, Any], today: dt.date
) -> None:
    question = motions.create(
        herne["bernd"], _data(herne, "rat", kind="own", filing="question"), today
    )
    motions.submit(herne["bernd"], question, today)
    notice = LogEntry.objects.get(motion=question, kind="notice")
    assert notice.rule == 5 and notice.partner == herne["cdu"]


# Rule 6: positions are agreed before committee meetings.
def test_rule_6_positions_are_due_before_the_committee_meets(herne: dict[str, Any]) -> None:
    meeting = dt.date(2026, 6, 10)
    assert engine.positions_due(HERNE, "committee", meeting) == dt.date(2026, 6, 9)
    assert engine.positions_due(HERNE, "district_council", meeting) is None


def test_rule_6_both_partners_positions_make_a_consensus(
    herne: dict[str, Any], today: dt.date
) -> None:
    paper = papers.create(
        herne["anke"],
        "Schulentwicklungsplan",
        "V/2026/031",
        "administration",
        herne["schule_meeting"],
        today,
    )
    papers.take_position(herne["anke"], paper, "yes", "")
    with pytest.raises(ValidationError):
        papers.conclude(herne["anke"], paper)  # CDU's position is missing
    papers.take_position(herne["bernd"], paper, "yes", "")
    assert papers.conclude(herne["anke"], paper).outcome == "agreed"
    assert LogEntry.objects.filter(paper=paper, kind="position", rule=6).count() == 2


# Rule 7: the coordination group has at most 8 persons per partner.
def test_rule_7_a_ninth_member_of_one_partner_is_refused(herne: dict[str, Any]) -> None:
    users = get_user_model().objects
    coalition, spd = herne["coalition"], herne["spd"]
    for n in range(7):  # kora is the first
        setup.add_member(coalition, users.create(username=f"spd{n}"), spd, coordination=True)
    ninth = users.create(username="spd-neun")
    with pytest.raises(ValidationError) as refused:
        setup.add_member(coalition, ninth, spd, coordination=True)
    message = _messages(refused.value)["coordination"]
    assert "schon 8 Personen" in message and "Regel 7" in message
    assert not coalition.members.filter(user=ninth).exists()
    # The other partner's group is not full.
    setup.add_member(coalition, users.create(username="cdu-neu"), herne["cdu"], coordination=True)


# Rule 8: a paper without consensus is postponed, unless an exception is recorded.
def _split_paper(world: dict[str, Any], today: dt.date, origin: str = "administration") -> Any:
    paper = papers.create(
        world["anke"], "Förderprogramm Schulhöfe", "V/2026/044", origin, world["rat_meeting"], today
    )
    papers.take_position(world["anke"], paper, "yes", "")
    papers.take_position(world["bernd"], paper, "no", "zu teuer")
    return paper


def test_rule_8_a_paper_without_consensus_is_postponed_and_escalated(
    herne: dict[str, Any], today: dt.date
) -> None:
    paper = _split_paper(herne, today)
    outcome = papers.conclude(herne["anke"], paper)
    assert (outcome.outcome, outcome.escalate, outcome.rule) == ("postpone", True, 8)
    assert paper.escalated
    assert LogEntry.objects.filter(paper=paper, kind="postponement", rule=8).exists()


def test_rule_8_a_paper_concerning_grant_money_is_escalated_not_postponed(
    herne: dict[str, Any], today: dt.date
) -> None:
    paper = _split_paper(herne, today)
    outcome = papers.conclude(herne["anke"], paper, exception="grants")
    assert (outcome.outcome, paper.exception, paper.escalated) == ("exception", "grants", True)
    assert not LogEntry.objects.filter(paper=paper, kind="postponement").exists()
    assert LogEntry.objects.get(paper=paper, kind="exception").reason == "grants"


def test_rule_8_an_exception_the_rule_does_not_know_is_refused(
    herne: dict[str, Any], today: dt.date
) -> None:
    paper = _split_paper(herne, today)
    with pytest.raises(ValidationError) as refused:
        papers.conclude(herne["anke"], paper, exception="convenience")
    assert "Regel 8" in _messages(refused.value)["exception"]
    paper.refresh_from_db()
    assert paper.outcome == "open"


# Rule 9: the coordination group decides a dissent unanimously or records it.
def test_rule_9_the_coordination_group_decides_a_dissent(
    herne: dict[str, Any], today: dt.date
) -> None:
    motion = _proposed(herne, today)
    motions.dissent(herne["bernd"], motion, "Finanzierung ungeklärt.")
    with pytest.raises(ValidationError):
        motions.resolve(herne["anke"], motion, "unanimous_decision", "")  # not in the group
    with pytest.raises(ValidationError) as refused:
        motions.resolve(herne["kurt"], motion, "recorded_dissent", "")
    assert "Verfahren" in _messages(refused.value)["procedure"]
    motions.resolve(herne["kurt"], motion, "unanimous_decision", "")
    assert motion.state == "agreed"
    assert LogEntry.objects.get(motion=motion, kind="unanimous_decision").rule == 9


def test_rule_9_a_recorded_dissent_keeps_its_procedure(
    herne: dict[str, Any], today: dt.date
) -> None:
    motion = _proposed(herne, today)
    motions.dissent(herne["bernd"], motion, "Finanzierung ungeklärt.")
    motions.resolve(herne["kora"], motion, "recorded_dissent", "Freigabe der Abstimmung.")
    entry = LogEntry.objects.get(motion=motion, kind="recorded_dissent")
    assert entry.procedure == "Freigabe der Abstimmung." and entry.rule == 9
    motions.submit(herne["anke"], motion, today)  # as the procedure allows


# Rule 10: a dissent on another group's motion: no decision, else joint rejection.
def test_rule_10_dissent_on_another_groups_motion_ends_in_joint_rejection(
    herne: dict[str, Any], today: dt.date
) -> None:
    paper = _split_paper(herne, today, origin="other_group")
    first = papers.conclude(herne["anke"], paper)
    assert (first.outcome, first.rule) == ("no_decision", 10)
    final = papers.conclude(herne["anke"], paper, postponement_reached=False)
    assert (final.outcome, final.rule) == ("joint_rejection", 10)
    assert LogEntry.objects.filter(paper=paper, kind="joint_rejection", rule=10).exists()
    assert LogEntry.objects.filter(paper=paper, kind="dissent").count() == 1


# Rule 11: decisions are logged; the log is append-only.
def test_rule_11_the_decision_log_is_append_only(herne: dict[str, Any], today: dt.date) -> None:
    from versprochen.coalition.models import AppendOnly

    motion = _proposed(herne, today)
    entry = LogEntry.objects.get(motion=motion)
    assert (entry.username, entry.partner, entry.kind) == ("anke", herne["spd"], "proposal")
    entry.text = "geändert"
    with pytest.raises(AppendOnly):
        entry.save()
    with pytest.raises(AppendOnly):
        entry.delete()
    with pytest.raises(AppendOnly):
        LogEntry.objects.all().update(text="x")
    with pytest.raises(AppendOnly):
        LogEntry.objects.all().delete()


# Rule 12: the same rules hold for the boards of the city's companies.
def test_rule_12_an_own_motion_in_a_company_board_is_refused_under_rule_12(
    herne: dict[str, Any], today: dt.date
) -> None:
    with pytest.raises(ValidationError) as refused:
        motions.create(herne["anke"], _data(herne, "board", kind="own"), today)
    assert "Regel 12" in _messages(refused.value)["council_body"]
    assert engine.governed(HERNE, "company_board")


# Rule 13: yearly reviews and the mid-term evaluation.
def test_rule_13_yearly_reviews_and_the_mid_term_evaluation() -> None:
    dates = engine.review_dates(HERNE, dt.date(2025, 11, 1), dt.date(2030, 10, 31))
    assert [d for d, kind in dates if kind == "yearly_review"] == [
        dt.date(2026, 11, 1),
        dt.date(2027, 11, 1),
        dt.date(2028, 11, 1),
        dt.date(2029, 11, 1),
    ]
    assert [d for d, kind in dates if kind == "mid_term_evaluation"] == [dt.date(2028, 5, 1)]


def test_every_rule_of_the_preset_cites_its_sentence_from_the_agreement(shared_data: Any) -> None:
    text = (shared_data / "seeds" / "herne-2030-eckpunktevereinbarung.md").read_text()
    chapter = text.split("## KOORDINIERUNG DER ZUSAMMENARBEIT")[1].split("# INHALTLICHE PUNKTE")[0]
    assert [r.number for r in HERNE.rules] == list(range(1, 14))
    for rule in HERNE.rules:
        for sentence in rule.cite.split(". "):
            assert sentence.rstrip(".") in chapter, (rule.number, sentence)
