"""The calendar: deadlines computed from the meeting, the iCalendar feed behind a secret,
revocable link, reminders at the configured days and the weekly digest, as jobs."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.test import Client

from versprochen.coalition import agenda, motions, setup
from versprochen.coalition.models import ReminderSent
from versprochen.jobs import run_now


def _draft(world: dict[str, Any], today: dt.date, title: str = "Schulhöfe öffnen") -> Any:
    data = motions.MotionData(title, "Text", "joint", "motion", world["rat"], world["rat_meeting"])
    return motions.create(world["anke"], data, today)


def test_deadlines_follow_the_meeting_and_the_bodys_submission_days(
    herne: dict[str, Any], today: dt.date
) -> None:
    motion = _draft(herne, today)
    meeting = herne["rat_meeting"].date
    items = {
        i.kind: i.date for i in agenda.items(herne["anke"], today) if i.title.endswith(motion.title)
    }
    assert items["submission"] == meeting - dt.timedelta(days=10)
    assert items["notice"] == meeting - dt.timedelta(days=24)
    # The CDU does not see the SPD's draft, so not its deadlines either.
    assert not [i for i in agenda.items(herne["bernd"], today) if motion.title in i.title]


def test_the_feed_is_reached_by_a_secret_link_that_can_be_revoked(
    herne: dict[str, Any], today: dt.date
) -> None:
    _draft(herne, today)
    anke = Client()
    anke.force_login(herne["anke"].user)
    page = anke.post(f"/koalition/{herne['coalition'].slug}/kalender/", {"action": "new_link"})
    link = re.search(r"http://testserver(/koalition/kalender/[\w-]+\.ics)", page.content.decode())
    assert link, page.content.decode()[:3000]
    feed = Client().get(link.group(1))
    text = feed.content.decode()
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "Einreichfrist: Schulhöfe öffnen" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    anke.post(f"/koalition/{herne['coalition'].slug}/kalender/", {"action": "revoke_link"})
    assert Client().get(link.group(1)).status_code == 404
    assert Client().get("/koalition/kalender/" + "x" * 32 + ".ics").status_code == 404


def test_reminders_are_mailed_at_the_configured_days_once(
    herne: dict[str, Any], today: dt.date, mailoutbox: list[Any], settings: Any
) -> None:
    settings.VERSPROCHEN_PUBLIC_URL = "https://versprochen.example"
    motion = _draft(herne, today)
    coalition = herne["coalition"]
    notice = herne["rat_meeting"].date - dt.timedelta(days=24)
    coalition.reminder_days = [3]
    coalition.save()
    day = notice - dt.timedelta(days=3)
    job = run_now("coalition.reminders", on=day.isoformat())
    assert job.state == "done", job.error
    spd_mail = [m for m in mailoutbox if motion.title in m.subject]
    assert [m.to for m in spd_mail] == [["anke@example.org"], ["kora@example.org"]]
    assert "Frist in 3 Tagen" in spd_mail[0].subject
    assert f"(https://versprochen.example/koalition/{coalition.slug}/antraege/{motion.pk}/)" in (
        spd_mail[0].body
    )
    run_now("coalition.reminders", on=day.isoformat())
    assert len([m for m in mailoutbox if motion.title in m.subject]) == 2  # not again
    assert ReminderSent.objects.count() == 2


def test_the_weekly_digest_lists_what_is_due_and_late(
    herne: dict[str, Any], today: dt.date, mailoutbox: list[Any]
) -> None:
    _draft(herne, today)
    notice = herne["rat_meeting"].date - dt.timedelta(days=24)
    job = run_now("coalition.digest", on=(notice + dt.timedelta(days=2)).isoformat())
    assert job.state == "done", job.error
    anke = next(m for m in mailoutbox if m.to == ["anke@example.org"])
    assert "Überfällig:\n- " in anke.body and "Vorschlag an den Partner" in anke.body


def test_a_new_meeting_in_the_past_is_refused_by_the_service(herne: dict[str, Any]) -> None:
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        setup.add_meeting(herne["rat"], dt.date(2020, 1, 1), dt.date(2026, 1, 1))
    assert "Vergangenheit" in refused.value.message_dict["date"][0]
