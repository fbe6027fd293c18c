"""A Herne coalition for the tests: SPD Herne and CDU Herne with the preset rules, their
members, four council bodies (submission deadline 10 days before) and a meeting of each
40 days from today."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation

from versprochen.coalition import setup
from versprochen.coalition.rules import load
from versprochen.tracker.models import Actor
from versprochen.tracker.testing import make_people, store

PLEDGES = [
    ("Neubau eines Jugendzentrums im Kern Sodingens.", "kinder_jugend_familie", {}),
    ("Versorgung aller Schulen mit schnellem und stabilem Internet.", "bildung", {}),
]


@pytest.fixture(autouse=True)
def _empty_page_cache(settings: Any) -> Iterator[None]:
    cache.clear()
    settings.VERSPROCHEN_FRESHNESS_SECONDS = 0
    # Messages are checked in German; a request under /en/ leaves English active.
    with translation.override("de"):
        yield


@pytest.fixture
def today() -> dt.date:
    return dt.date.today()


@pytest.fixture
def herne(db: None, today: dt.date) -> dict[str, Any]:
    report = store(PLEDGES)
    people = make_people()
    spd, cdu = Actor.objects.get(name="SPD Herne"), Actor.objects.get(name="CDU Herne")
    coalition = setup.create_coalition(
        people["herne"],
        [spd, cdu],
        (dt.date(2025, 11, 1), dt.date(2030, 10, 31)),
        load("preset:herne-2025"),
        "preset:herne-2025",
        agreement=report.document,
    )
    users = get_user_model().objects
    world: dict[str, Any] = {**people, "coalition": coalition, "spd": spd, "cdu": cdu}
    world["document"] = report.document
    for name, partner, coordination in [
        ("anke", spd, False),
        ("bernd", cdu, False),
        ("kora", spd, True),
        ("kurt", cdu, True),
    ]:
        user = users.create(username=name, email=f"{name}@example.org")
        world[name] = setup.add_member(coalition, user, partner, coordination=coordination)
    for key, name, kind in [
        ("rat", "Rat der Stadt Herne", "council"),
        ("schule", "Ausschuss für Schule und Weiterbildung", "committee"),
        ("bv", "Bezirksvertretung Sodingen", "district_council"),
        ("board", "Aufsichtsrat der Stadtwerke Herne AG", "company_board"),
    ]:
        body = setup.add_council_body(coalition, name, kind, 10)
        world[key] = body
        world[f"{key}_meeting"] = setup.add_meeting(body, today + dt.timedelta(days=40), today)
    return world
