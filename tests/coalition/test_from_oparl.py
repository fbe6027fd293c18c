"""Council bodies, meetings and results from the synced OParl data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.utils import timezone

from versprochen.coalition import motions
from versprochen.coalition.from_oparl import (
    body_kind,
    import_bodies_and_meetings,
    result_of,
    results_changed,
)
from versprochen.coalition.models import LogEntry
from versprochen.oparl import models as oparl

SYSTEM = "https://ris.example.org/oparl/v1"


def _synced(world: dict[str, Any], today: dt.date) -> dict[str, Any]:
    system = oparl.System.objects.create(url=SYSTEM, body=world["herne"])
    common = {"system": system, "body": world["herne"]}
    council = oparl.Organization.objects.create(
        oparl_id=SYSTEM + "/org/1", name="Rat der Stadt", classification="Rat", **common
    )
    bv = oparl.Organization.objects.create(
        oparl_id=SYSTEM + "/org/2", name="Bezirksvertretung Wanne", **common
    )
    oparl.Organization.objects.create(oparl_id=SYSTEM + "/org/3", name="SPD-Fraktion", **common)
    start = timezone.make_aware(dt.datetime.combine(today + dt.timedelta(days=20), dt.time(16)))
    meeting = oparl.Meeting.objects.create(oparl_id=SYSTEM + "/meeting/1", start=start, **common)
    meeting.organizations.set([council])
    past = oparl.Meeting.objects.create(
        oparl_id=SYSTEM + "/meeting/0", start=start - dt.timedelta(days=60), **common
    )
    past.organizations.set([bv])
    return {"common": common, "meeting": meeting}


def test_kinds_and_results_from_their_words() -> None:
    assert body_kind("Ausschuss für Schule und Weiterbildung") == "committee"
    assert body_kind("Bezirksvertretung Herne-Mitte") == "district_council"
    assert body_kind("Aufsichtsrat der Stadtwerke Herne AG") == "company_board"
    assert body_kind("Rat der Stadt Herne") == "council"
    assert (
        body_kind("SPD-Fraktion") is None
        and body_kind("Beirat für Menschen mit Behinderung") is None
    )
    assert result_of("einstimmig beschlossen") == "adopted"
    assert result_of("mit Änderungen beschlossen") == "adopted_amended"
    assert result_of("mehrheitlich abgelehnt") == "rejected"
    assert result_of("zur Kenntnis genommen") is None


def test_bodies_and_coming_meetings_are_imported_once(
    herne: dict[str, Any], today: dt.date
) -> None:
    _synced(herne, today)
    coalition = herne["coalition"]
    before = coalition.council_bodies.count()
    assert import_bodies_and_meetings(coalition, today) == (2, 1)
    assert import_bodies_and_meetings(coalition, today) == (0, 0)
    council = coalition.council_bodies.get(oparl_id=SYSTEM + "/org/1")
    assert council.kind == "council" and council.meetings.get().date == today + dt.timedelta(
        days=20
    )
    assert coalition.council_bodies.count() == before + 2


def test_a_linked_motion_takes_its_result_when_the_paper_is_synced(
    herne: dict[str, Any], today: dt.date
) -> None:
    synced = _synced(herne, today)
    data = motions.MotionData(
        "Radwege", "Text", "joint", "motion", herne["rat"], herne["rat_meeting"]
    )
    motion = motions.create(herne["anke"], data, today)
    motions.propose(herne["anke"], motion, today)
    motions.agree(herne["bernd"], motion)
    motions.submit(herne["anke"], motion, today)
    anke = Client()
    anke.force_login(herne["anke"].user)
    url = f"/koalition/{herne['coalition'].slug}/antraege/{motion.pk}/"
    response = anke.post(url, {"action": "link", "link-oparl_id": "kein Link"})
    assert (
        response.status_code == 400 and 'id="id_link-oparl_id-error"' in response.content.decode()
    )
    anke.post(url, {"action": "link", "link-oparl_id": SYSTEM + "/paper/7"})
    motion.refresh_from_db()
    assert motion.oparl_paper_id == SYSTEM + "/paper/7" and motion.state == "submitted"
    paper = oparl.Paper.objects.create(oparl_id=SYSTEM + "/paper/7", **synced["common"])
    oparl.AgendaItem.objects.create(
        oparl_id=SYSTEM + "/item/1",
        meeting=synced["meeting"],
        paper=paper,
        result="mehrheitlich beschlossen",
        **synced["common"],
    )
    results_changed(herne["herne"], [paper.pk])
    motion.refresh_from_db()
    assert (motion.state, motion.result) == ("decided", "adopted")
    assert motion.decided_on == today + dt.timedelta(days=20)
    entry = LogEntry.objects.get(motion=motion, kind="decision")
    assert entry.username == "OParl" and "mehrheitlich beschlossen" in entry.text
