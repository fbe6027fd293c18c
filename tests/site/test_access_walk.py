"""Every URL and API route, walked as an anonymous visitor, as an editor of another body
and as a reviewer: no draft, returned draft, review comment, internal note, audit log
or user data reaches anyone who may not see it; nothing changes."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import translation

from versprochen.api.export_files import build
from versprochen.tracker import correction_review, follow, tokens, workflow
from versprochen.tracker.models import AuditEntry, Pledge, ReviewComment
from versprochen.tracker.validation import DraftData, EvidenceData

DRAFT = "ENTWURF-GEHEIM"
RETURNED = "ZURUECK-GEHEIM"
COMMENT = "KOMMENTAR-GEHEIM"
IN_REVIEW = "IN-PRUEFUNG-NUR-FUER-PRUEFUNG"
PROPOSAL = "VORSCHLAG-NUR-FUER-DIE-REDAKTION"
EMAIL = "@example.org"
AUDIT = "assessment.return"  # an action name only the audit log shows


def _draft(rationale: str) -> DraftData:
    return DraftData(
        status="erfuellt",
        assessed_on=dt.date(2026, 4, 1),
        rationale=rationale,
        note=rationale + "-NOTIZ",  # internal: for editors and (once in review) reviewers
        evidence=(EvidenceData(kind="press", title=rationale + "-BELEG"),),
    )


@pytest.fixture
def world(people: dict[str, Any]) -> dict[str, Any]:
    erika, rudi = people["erika"], people["rudi"]
    school, buses, library = (Pledge.objects.get(number=n) for n in (1, 2, 3))
    draft = workflow.create_draft(erika, school, _draft(DRAFT))
    returned = workflow.create_draft(erika, buses, _draft(RETURNED), submit=True)
    returned = workflow.return_draft(rudi, returned, returned.revision, COMMENT)
    review = workflow.create_draft(erika, library, _draft(IN_REVIEW), submit=True)
    token, key = tokens.create(erika, "Skript", [people["herne"]])
    proposal = correction_review.propose(
        erika, library, library.revision, "not_a_pledge", {"note": PROPOSAL}
    )
    assert ReviewComment.objects.count() == 1
    build()  # the open-data files, as the job writes them
    follower = follow.request("leserin@example.org", "pledge", school.pk, "daily")
    return {
        **people,
        "ids": {
            "pk": [
                school.pk,
                buses.pk,
                draft.pk,
                returned.pk,
                review.pk,
                erika.pk,
                token.pk,
                proposal.pk,
            ],
            "fmt": ["pdf", "html"],
            "token": [follower.token, "unbekannt"],
            "pledge_id": [school.pk, buses.pk],
            "slug": [school.document.slug, "stadt-herne"],
            "area": ["bildung"],
            "table": ["pledges", "assessments", "corrections"],
            "version": [1],
        },
        "key": key,
    }


def _patterns(resolvers: list[Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for entry in resolvers:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry.url_patterns, prefix + route.lstrip("^"))
        elif isinstance(entry, URLPattern):
            yield prefix + route.lstrip("^").rstrip("$"), entry.name or route


def _urls(ids: dict[str, list[Any]]) -> list[str]:
    urls: list[str] = []
    # The language prefix of i18n_patterns follows the active language, which an earlier
    # test's /en/ request may have left on English: walk the German (unprefixed) routes.
    with translation.override("de"):
        patterns = list(_patterns(get_resolver().url_patterns))
    for route, name in patterns:
        if route.startswith("en/"):
            continue
        params = re.findall(r"<(?:\w+:)?(\w+)>", route)
        # Ids of other wings' records (paper_id, meeting_id …): a number is enough to walk.
        unknown = [p for p in params if p not in ids and not p.endswith("_id")]
        assert not unknown, f"{name}: add {unknown} to the access walk"
        filled = [route]
        for param in params:
            filled = [
                re.sub(rf"<(?:\w+:)?{param}>", str(value), url, count=1)
                for url in filled
                for value in ids.get(param, [1])
            ]
        urls += ["/" + url for url in filled]
    return sorted(set(urls))


FORBIDDEN_FOR_ALL = (EMAIL, AUDIT)  # none of the three may see these
FORBIDDEN = {
    "anonymous": (DRAFT, RETURNED, COMMENT, IN_REVIEW, PROPOSAL, *FORBIDDEN_FOR_ALL),
    "otto": (DRAFT, RETURNED, COMMENT, IN_REVIEW, PROPOSAL, *FORBIDDEN_FOR_ALL),
    # A reviewer sees drafts once they are in review, nothing before or after returning.
    "rudi": (DRAFT, RETURNED, *FORBIDDEN_FOR_ALL),
}


def _body(response: Any) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("who", ["anonymous", "otto", "rudi"])
def test_walk_every_url_and_route(world: dict[str, Any], who: str) -> None:
    client = Client()
    if who != "anonymous":
        client.force_login(world[who])
    urls = _urls(world["ids"])
    assert len(urls) > 60
    assert any("/redaktion/pruefung/" in u for u in urls) and any(
        "/api/v1/editor/" in u for u in urls
    )
    audit_before = AuditEntry.objects.count()
    # rudi's notes in the audit log are his own: the walk itself must not write any.
    visited = 0
    for url in urls:
        for method in ("get", "post"):
            if method == "post" and url == "/abmelden/":
                continue  # the walk stays logged in
            response = getattr(client, method)(url)
            assert response.status_code < 500, (who, method, url, response.status_code)
            body = _body(response)
            for secret in FORBIDDEN[who]:
                assert secret not in body, (who, method, url, secret)
            visited += 1
    assert visited == 2 * len(urls) - 1
    assert AuditEntry.objects.count() == audit_before, "a walk changed something"
    # The editors' API: without a token nothing, with erika's token only Herne.
    assert client.get("/api/v1/editor/drafts").status_code == 401
    if who == "rudi":
        # The review page shows what is in review (and nothing returned).
        review = world["ids"]["pk"][4]
        assert IN_REVIEW in _body(client.get(f"/redaktion/pruefung/{review}/"))


def test_the_public_pages_of_a_logged_in_editor_are_the_public_ones(world: dict[str, Any]) -> None:
    erika = Client()
    erika.force_login(world["erika"])
    anonymous = Client()
    for url in ("/", "/versprechen/", f"/versprechen/{world['ids']['pledge_id'][0]}/"):
        mine, theirs = erika.get(url), anonymous.get(url)
        assert _body(mine) == _body(theirs), url
        assert "Cookie" not in mine.get("Vary", ""), url


def test_a_merge_never_shows_the_ids_of_unpublished_assessments(world: dict[str, Any]) -> None:
    """Merging a pledge with a published assessment and a draft: every public output
    names the published one as moved, never the draft (the audit log keeps both)."""
    import csv
    import io
    import json

    from versprochen.tracker import corrections
    from versprochen.tracker.models import Assessment

    school, buses = (Pledge.objects.get(number=n) for n in (1, 2))
    published = sorted(school.assessments.filter(state="published").values_list("pk", flat=True))
    drafts = sorted(school.assessments.exclude(state="published").values_list("pk", flat=True))
    assert published and drafts
    corrections.merge(world["erika"], buses, buses.revision, school)
    build()
    moved = sorted([*published, *drafts])
    assert sorted(AuditEntry.objects.get(action="pledge.merge").after["assessments"]) == moved
    assert Assessment.objects.filter(pk__in=moved, pledge=buses).count() == len(moved)
    client = Client()
    twin = client.get(f"/versprechen/{buses.pk}/?format=json").json()
    (merge,) = [c for c in twin["corrections"] if c["kind"] == "merge"]
    assert merge["changes"]["assessments"] == [[], published]
    api = client.get(f"/api/v1/pledges/{buses.pk}").json()
    (merge,) = [c for c in api["corrections"] if c["kind"] == "merge"]
    assert merge["changes"]["assessments"] == [[], published]
    rows = list(csv.DictReader(io.StringIO(_body(client.get("/daten/corrections.csv")))))
    (row,) = [r for r in rows if r["field"] == "assessments"]
    assert json.loads(row["after"]) == published
    everything = json.loads(_body(client.get("/daten/versprochen.json")))
    (row,) = [r for r in everything["corrections"] if r["field"] == "assessments"]
    assert json.loads(row["after"]) == published
    shown = ", ".join(map(str, published))
    page = _body(client.get(f"/versprechen/{buses.pk}/"))
    assert re.findall(r"Übernommene Bewertungen: <del>—</del> → <ins>([^<]*)</ins>", page) == [
        shown
    ]
    for feed in ("/feeds/status.atom", f"/feeds/versprechen/{buses.pk}.atom"):
        body = _body(client.get(feed))
        assert re.findall(r"Übernommene Bewertungen: — → ([^\n<]*)", body) == [shown], feed
