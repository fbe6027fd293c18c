"""The coalition pages through the web: the motion's life by forms, bad input at the
field, a concurrent edit refused with the other's change shown, exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from django.test import Client

from versprochen.coalition.models import LogEntry, Motion


def _client(member: Any) -> Client:
    client = Client()
    client.force_login(member.user)
    return client


def _base(world: dict[str, Any]) -> str:
    return f"/koalition/{world['coalition'].slug}/"


def _motion_form(world: dict[str, Any], **kw: Any) -> dict[str, Any]:
    data = {
        "title": "Jugendzentrum Sodingen",
        "text": "Der Rat beauftragt die Verwaltung, einen Neubau zu planen.",
        "kind": "joint",
        "filing": "motion",
        "council_body": world["rat"].pk,
        "meeting": world["rat_meeting"].pk,
        "pledges": [world["document"].pledges.get(number=1).pk],
    }
    data.update(kw)
    return data


def test_the_life_of_a_joint_motion_through_the_pages(herne: dict[str, Any]) -> None:
    base = _base(herne)
    anke, bernd, kurt = (_client(herne[n]) for n in ("anke", "bernd", "kurt"))
    response = anke.post(base + "antraege/neu/", _motion_form(herne))
    assert response.status_code == 302, response.content.decode()[:2000]
    motion = Motion.objects.get()
    url = f"{base}antraege/{motion.pk}/"
    # A draft is the SPD's alone.
    assert bernd.get(url).status_code == 404
    assert "Jugendzentrum" not in bernd.get(base + "antraege/").content.decode()
    assert anke.post(url, {"action": "propose"}).status_code == 302
    assert bernd.get(url).status_code == 200
    response = bernd.post(url, {"action": "dissent", "dissent-text": ""})
    assert response.status_code == 400 and "Pflichtfeld" in response.content.decode()
    bernd.post(url, {"action": "dissent", "dissent-text": "Standort offen."})
    assert "Jugendzentrum" in anke.get(base).content.decode()  # in dissent, on the overview
    response = anke.post(url, {"action": "resolve", "resolve-outcome": "unanimous_decision"})
    assert response.status_code == 400  # anke is not in the coordination group
    kurt.post(url, {"action": "resolve", "resolve-outcome": "unanimous_decision"})
    assert anke.post(url, {"action": "submit"}).status_code == 302
    motion.refresh_from_db()
    assert motion.state == "submitted"
    kinds = list(LogEntry.objects.order_by("at", "id").values_list("kind", flat=True))
    assert kinds == ["proposal", "dissent", "unanimous_decision", "submission"]
    for page in (
        "",
        "antraege/",
        "vorlagen/",
        "koordinierung/",
        "protokoll/",
        "arbeitsplan/",
        "kalender/",
        "export/protokoll/",
        "export/antraege/",
    ):
        response = anke.get(base + page)
        assert response.status_code == 200, page
    plan = anke.get(base + "arbeitsplan/").content.decode()
    assert "Jugendzentrum Sodingen" in plan and "eingereicht" in plan
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(anke.get(base + "export/protokoll.csv").streaming_content).decode()
            )
        )
    )
    assert rows[0][:4] == ["at", "user", "partner", "kind"] and len(rows) == 5
    assert rows[3][3] == "unanimous_decision" and rows[3][4] == "9"


def test_an_unknown_body_and_a_passed_meeting_are_refused_at_the_field(
    herne: dict[str, Any], today: dt.date
) -> None:
    anke = _client(herne["anke"])
    response = anke.post(_base(herne) + "antraege/neu/", _motion_form(herne, council_body=99999))
    assert response.status_code == 400
    assert "Dieses Gremium gibt es in dieser Kooperation nicht." in response.content.decode()
    past = herne["rat"].meetings.create(date=today - dt.timedelta(days=3))
    response = anke.post(_base(herne) + "antraege/neu/", _motion_form(herne, meeting=past.pk))
    page = response.content.decode()
    assert response.status_code == 400 and "ist vorbei" in page and 'id="id_meeting-error"' in page
    assert not Motion.objects.exists()


def test_an_own_motion_in_the_council_is_refused_at_the_field(herne: dict[str, Any]) -> None:
    response = _client(herne["anke"]).post(
        _base(herne) + "antraege/neu/", _motion_form(herne, kind="own")
    )
    page = response.content.decode()
    assert (
        response.status_code == 400 and "Regel 2" in page and 'id="id_council_body-error"' in page
    )


def test_a_new_meeting_in_the_past_is_refused(herne: dict[str, Any], today: dt.date) -> None:
    response = _client(herne["anke"]).post(
        _base(herne) + "kalender/",
        {
            "action": "meeting",
            "council_body": herne["rat"].pk,
            "date": (today - dt.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 400 and "in der Vergangenheit" in response.content.decode()


def test_a_second_concurrent_edit_is_refused_with_the_others_change_shown(
    herne: dict[str, Any],
) -> None:
    anke, kora = _client(herne["anke"]), _client(herne["kora"])  # both SPD
    anke.post(_base(herne) + "antraege/neu/", _motion_form(herne))
    motion = Motion.objects.get()
    edit = f"{_base(herne)}antraege/{motion.pk}/bearbeiten/"
    first = anke.post(edit, _motion_form(herne, title="Jugendzentrum Sodingen-Mitte", revision=1))
    assert first.status_code == 302
    second = kora.post(edit, _motion_form(herne, title="Jugendzentrum am Amtshaus", revision=1))
    page = second.content.decode()
    assert second.status_code == 409
    assert "Jugendzentrum Sodingen-Mitte" in page and "Jugendzentrum am Amtshaus" in page
    assert "anke" in page
    motion.refresh_from_db()
    assert motion.title == "Jugendzentrum Sodingen-Mitte" and motion.revision == 2


def test_a_paper_without_consensus_through_the_pages(herne: dict[str, Any]) -> None:
    base = _base(herne)
    anke, bernd, kurt = (_client(herne[n]) for n in ("anke", "bernd", "kurt"))
    anke.post(
        base + "vorlagen/",
        {
            "title": "Gebührensatzung Abfall",
            "reference": "V/2026/050",
            "origin": "administration",
            "meeting": herne["rat_meeting"].pk,
        },
    )
    paper = herne["coalition"].papers.get()
    url = f"{base}vorlagen/{paper.pk}/"
    anke.post(url, {"action": "position", "position-stance": "yes"})
    bernd.post(url, {"action": "position", "position-stance": "no", "position-note": "zu hoch"})
    response = anke.post(url, {"action": "conclude", "conclude-exception": "fee_statutes"})
    assert response.status_code == 302
    paper.refresh_from_db()
    assert (paper.outcome, paper.exception, paper.escalated) == ("exception", "fee_statutes", True)
    assert paper.title in kurt.get(base + "koordinierung/").content.decode()
    kurt.post(
        url,
        {
            "action": "resolve",
            "resolve-outcome": "recorded_dissent",
            "resolve-procedure": "Freie Abstimmung im Rat.",
        },
    )
    paper.refresh_from_db()
    assert paper.resolution == "recorded_dissent"


def test_publishing_one_motion_shows_only_that_one_publicly(herne: dict[str, Any]) -> None:
    from versprochen.coalition import motions

    today = dt.date.today()
    data = motions.MotionData(
        "Öffentlich", "Text A", "joint", "motion", herne["rat"], herne["rat_meeting"]
    )
    public = motions.create(herne["anke"], data, today)
    motions.propose(herne["anke"], public, today)
    motions.agree(herne["bernd"], public)
    motions.submit(herne["anke"], public, today)
    hidden = motions.create(
        herne["anke"], data.__class__(**{**data.__dict__, "title": "GEHEIM"}), today
    )
    motions.propose(herne["anke"], hidden, today)
    url = f"/koalition/{herne['coalition'].slug}/veroeffentlicht/"
    assert "Öffentlich" not in Client().get(url).content.decode()
    motions.publish(herne["bernd"], public)
    page = Client().get(url).content.decode()
    assert "Öffentlich" in page and "GEHEIM" not in page
    data_json = Client().get(url + "?format=json").json()
    assert [m["title"] for m in data_json["motions"]] == ["Öffentlich"]


def test_the_pages_in_english(herne: dict[str, Any]) -> None:
    anke = _client(herne["anke"])
    page = anke.get(f"/en/koalition/{herne['coalition'].slug}/").content.decode()
    assert "Motions" in page and "Coordination group" in page and "Due this week" in page
    response = anke.post(
        f"/en/koalition/{herne['coalition'].slug}/antraege/neu/", _motion_form(herne, kind="own")
    )
    assert "Own motions are allowed only here: District council. (rule 2)" in (
        response.content.decode()
    )


def test_a_notice_to_the_partner_and_one_published_decision(herne: dict[str, Any]) -> None:
    from versprochen.coalition import motions

    today = dt.date.today()
    base = _base(herne)
    bernd = _client(herne["bernd"])
    response = bernd.post(base + "protokoll/", {"action": "notice", "text": ""})
    assert response.status_code == 400 and 'id="id_text-error"' in response.content.decode()
    bernd.post(base + "protokoll/", {"action": "notice", "text": "Anfrage zur Kita-Planung kommt."})
    notice = LogEntry.objects.get(kind="notice")
    assert (notice.rule, notice.partner, notice.username) == (5, herne["cdu"], "bernd")
    data = motions.MotionData(
        "Radwege", "Text", "joint", "motion", herne["rat"], herne["rat_meeting"]
    )
    motion = motions.create(herne["anke"], data, today)
    motions.propose(herne["anke"], motion, today)
    motions.dissent(herne["bernd"], motion, "INTERNE-BEGRUENDUNG")
    motions.resolve(herne["kurt"], motion, "recorded_dissent", "Freie Abstimmung.")
    decision = LogEntry.objects.get(kind="recorded_dissent")
    url = f"{base}veroeffentlicht/"
    assert "Freie Abstimmung" not in Client().get(url).content.decode()
    response = bernd.post(base + "protokoll/", {"action": "publish", "entry": notice.pk})
    assert response.status_code == 400  # only decisions are published
    bernd.post(base + "protokoll/", {"action": "publish", "entry": decision.pk})
    page = Client().get(url).content.decode()
    assert "Freie Abstimmung" in page and "INTERNE-BEGRUENDUNG" not in page
    assert "Kita-Planung" not in page
    assert LogEntry.objects.filter(kind="publication").count() == 1
