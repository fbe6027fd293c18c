"""`cooperation_figures`: the reports wing's service, counted from the decision log."""

from __future__ import annotations

import datetime as dt
from typing import Any

from versprochen.coalition import motions, papers
from versprochen.coalition.figures import cooperation_figures
from versprochen.coalition.motions import MotionData

YEAR = (dt.date(2000, 1, 1), dt.date(2100, 1, 1))


def _joint(world: dict[str, Any], today: dt.date, title: str, body: str = "rat") -> Any:
    data = MotionData(title, "Text", "joint", "motion", world[body], world[f"{body}_meeting"])
    return motions.create(world["anke"], data, today)


def _paper(world: dict[str, Any], today: dt.date, title: str, origin: str) -> Any:
    paper = papers.create(world["anke"], title, "", origin, world["rat_meeting"], today)
    papers.take_position(world["anke"], paper, "yes", "")
    papers.take_position(world["bernd"], paper, "no", "")
    return paper


def test_a_body_without_coalition_has_no_figures(herne: dict[str, Any]) -> None:
    assert cooperation_figures(herne["heinsberg"], *YEAR) is None


def test_the_figures_of_a_term(herne: dict[str, Any], today: dt.date) -> None:
    on_time = _joint(herne, today, "Rechtzeitig")
    motions.propose(herne["anke"], on_time, today)
    motions.agree(herne["bernd"], on_time)
    motions.submit(herne["anke"], on_time, today)
    late = _joint(herne, today, "Zu spät")
    motions.propose(herne["anke"], late, herne["rat_meeting"].date - dt.timedelta(days=20))
    motions.dissent(herne["bernd"], late, "Nein.")
    motions.resolve(herne["kurt"], late, "recorded_dissent", "Freigabe.")
    open_dissent = _joint(herne, today, "Offen")
    motions.propose(herne["anke"], open_dissent, today)
    motions.dissent(herne["bernd"], open_dissent, "Nein.")
    attempt = _joint(herne, today, "Versuch", "bv")
    motions.propose(herne["anke"], attempt, today)
    own = motions.create(
        herne["anke"],
        MotionData("Eigen", "Text", "own", "motion", herne["bv"], herne["bv_meeting"], (), attempt),
        today,
    )
    motions.submit(herne["anke"], own, today)
    papers.conclude(herne["anke"], _paper(herne, today, "Zurück", "administration"))
    papers.conclude(herne["anke"], _paper(herne, today, "Förder", "administration"), "grants")
    other = _paper(herne, today, "Fremd", "other_group")
    papers.conclude(herne["anke"], other)
    papers.conclude(herne["anke"], other, postponement_reached=False)

    figures = cooperation_figures(herne["herne"], *YEAR)
    assert figures == {
        "joint_motions": 1,
        "own_motions": 1,
        "proposals_on_time": 3,
        "proposals_late": 1,
        "dissents": 5,
        "dissents_by_resolution": {
            "unanimous_decision": 0,
            "recorded_dissent": 1,
            "joint_rejection": 1,
            "open": 3,
        },
        "postponements": 2,
        "postponements_by_reason": {"no_consensus": 1, "other_group_motion": 1},
        "exceptions_by_reason": {"grants": 1},
        "joint_rejections": 1,
    }
    # A period before any of it: all zero.
    empty = cooperation_figures(herne["herne"], dt.date(2001, 1, 1), dt.date(2001, 12, 31))
    assert empty is not None and empty["dissents"] == 0 and empty["joint_motions"] == 0


def test_a_submitted_motion_is_offered_to_the_pledges_editor_never_set(
    herne: dict[str, Any], today: dt.date
) -> None:
    from versprochen.coalition.evidence import offers_for
    from versprochen.tracker.roles import grant

    pledge = herne["document"].pledges.get(number=1)
    motion = _joint(herne, today, "Jugendzentrum")
    motion.pledges.set([pledge])
    anke = herne["anke"].user
    grant(anke, "editor", herne["herne"])
    assert offers_for(anke, pledge) == []  # a draft is no evidence
    motions.propose(herne["anke"], motion, today)
    motions.agree(herne["bernd"], motion)
    motions.submit(herne["anke"], motion, today)
    [offer] = offers_for(anke, pledge)
    assert (offer.title, offer.status, offer.date) == ("Jugendzentrum", "in_arbeit", today)
    assert offers_for(herne["erika"], pledge) == []  # an editor who is no member
    assert offers_for(herne["bernd"].user, pledge) == []  # a member who is no editor
    pledge.refresh_from_db()
    assert pledge.status == "offen" and not pledge.assessments.exists()
