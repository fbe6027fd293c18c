"""Every coalition URL, the calendar feed and the exports, walked (GET and POST) by an
anonymous visitor, an editor of the same and of another body, a member of another
coalition and a member of the other partner: each sees only what is theirs, nothing
changes; and no public page, feed, export or API route shows anything internal."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from versprochen.coalition import motions, papers, setup
from versprochen.coalition import urls as coalition_urls
from versprochen.coalition.models import LogEntry, Motion, Paper
from versprochen.coalition.rules import load
from versprochen.tracker.models import Actor

SPD_DRAFT = "SPD-ENTWURF-GEHEIM"
SHARED = "GEMEINSAM-INTERN"
PAPER = "VORLAGE-INTERN"
HEINSBERG = "HEINSBERG-INTERN"
DISSENT = "DISSENS-BEGRUENDUNG-INTERN"


@pytest.fixture
def world(herne: dict[str, Any], today: dt.date) -> dict[str, Any]:
    def data(title: str, body: Any, meeting: Any) -> motions.MotionData:
        return motions.MotionData(title, title + " Text", "joint", "motion", body, meeting)

    draft = motions.create(
        herne["anke"], data(SPD_DRAFT, herne["rat"], herne["rat_meeting"]), today
    )
    shared = motions.create(herne["anke"], data(SHARED, herne["rat"], herne["rat_meeting"]), today)
    motions.propose(herne["anke"], shared, today)
    motions.dissent(herne["bernd"], shared, DISSENT)
    paper = papers.create(
        herne["anke"], PAPER, "V/1", "administration", herne["rat_meeting"], today
    )
    # Another coalition, in another body.
    a, b = (
        Actor.objects.create(name=n, slug=n.lower()) for n in ("SPD Heinsberg", "CDU Heinsberg")
    )
    other = setup.create_coalition(
        herne["heinsberg"],
        [a, b],
        (dt.date(2025, 11, 1), dt.date(2030, 10, 31)),
        load("preset:herne-2025"),
        "preset:herne-2025",
    )
    hugo = get_user_model().objects.create(username="hugo", email="hugo@example.org")
    hugo_member = setup.add_member(other, hugo, a, coordination=True)
    body = setup.add_council_body(other, "Kreistag", "council", 10)
    meeting = setup.add_meeting(body, today + dt.timedelta(days=30), today)
    theirs = motions.create(hugo_member, data(HEINSBERG, body, meeting), today)
    motions.propose(hugo_member, theirs, today)
    setup.new_calendar_key(herne["anke"])  # a key exists; the walk never knows it
    return {
        **herne,
        "hugo": hugo,
        "other": other,
        "ids": {
            "slug": [herne["coalition"].slug, other.slug, "stadt-herne", "x" * 32],
            "pk": [draft.pk, shared.pk, theirs.pk, paper.pk],
        },
    }


def _patterns(entries: list[Any], prefix: str = "") -> Iterator[str]:
    for entry in entries:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + route.lstrip("^"))
        elif isinstance(entry, URLPattern):
            yield prefix + route.lstrip("^").rstrip("$")


def _fill(routes: list[str], ids: dict[str, list[Any]]) -> list[str]:
    urls: list[str] = []
    for route in routes:
        filled = [route]
        for param in re.findall(r"<(?:\w+:)?(\w+)>", route):
            values = ids.get(param, [1])
            filled = [
                re.sub(rf"<(?:\w+:)?{param}>", str(v), u, count=1) for u in filled for v in values
            ]
        urls += ["/" + u for u in filled]
    return sorted(set(urls))


def _text(response: Any) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


def _state() -> tuple[Any, ...]:
    return (
        LogEntry.objects.count(),
        tuple(Motion.objects.order_by("pk").values_list("state", "revision", "published_at")),
        tuple(Paper.objects.order_by("pk").values_list("outcome", "revision")),
    )


FORBIDDEN = {
    "anonymous": (SPD_DRAFT, SHARED, PAPER, HEINSBERG, DISSENT),
    "otto": (SPD_DRAFT, SHARED, PAPER, HEINSBERG, DISSENT),  # editor of another body
    "erika": (SPD_DRAFT, SHARED, PAPER, HEINSBERG, DISSENT),  # Herne's editor, no member
    "hugo": (SPD_DRAFT, SHARED, PAPER, DISSENT),  # member of another coalition
    "bernd": (SPD_DRAFT, HEINSBERG),  # the other partner: shared records only
}


@pytest.mark.parametrize("who", list(FORBIDDEN))
def test_walk_every_coalition_url(world: dict[str, Any], who: str) -> None:
    client = Client()
    if who != "anonymous":
        user = world[who].user if who == "bernd" else world[who]
        client.force_login(user)
    routes = list(_patterns(coalition_urls.public + coalition_urls.internal))
    urls = _fill(routes, world["ids"])
    assert len(urls) > 40
    before = _state()
    seen = ""
    for url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code < 500, (who, method, url, response.status_code)
            text = _text(response)
            for secret in FORBIDDEN[who]:
                assert secret not in text, (who, method, url, secret)
            seen += text
    assert _state() == before, "a walk changed something"
    if who == "bernd":  # the walk reached the pages that show shared records
        assert SHARED in seen and DISSENT in seen and PAPER in seen
    if who == "hugo":
        assert HEINSBERG in seen


def test_the_authors_partner_sees_its_draft(world: dict[str, Any]) -> None:
    client = Client()
    client.force_login(world["kora"].user)
    slug = world["coalition"].slug
    assert SPD_DRAFT in _text(client.get(f"/koalition/{slug}/antraege/"))
    assert SPD_DRAFT in _text(client.get(f"/koalition/{slug}/export/antraege.csv"))


def test_no_public_page_feed_export_or_api_route_shows_anything_internal(
    world: dict[str, Any],
) -> None:
    client = Client()
    routes = [r for r in _patterns(get_resolver().url_patterns) if not r.startswith("en/")]
    ids = {
        "pk": world["ids"]["pk"],
        "pledge_id": [1],
        "slug": ["stadt-herne", world["document"].slug, world["coalition"].slug],
        "area": ["bildung"],
        "table": ["pledges", "assessments"],
    }
    for url in _fill(routes, ids):
        text = _text(client.get(url))
        for secret in FORBIDDEN["anonymous"]:
            assert secret not in text, (url, secret)
