"""Editors' API tokens: scoped to bodies, revocable, drafts only."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client

from versprochen.tracker.models import Assessment, Pledge
from versprochen.tracker.testing import make_people

DRAFT = {
    "status": "in_arbeit",
    "assessed_on": "2026-03-02",
    "rationale": "Per Skript erfasst.",
    "evidence": [
        {"kind": "press", "title": "WAZ", "url": "https://waz.de/1", "date": "2026-03-01"}
    ],
}


@pytest.fixture
def people(tracker: None) -> dict[str, Any]:
    return make_people()


def _key(people: dict[str, Any], name: str = "erika") -> str:
    client = Client()
    client.force_login(people[name])
    body = people["herne"] if name == "erika" else people["heinsberg"]
    page = client.post("/redaktion/schluessel/", {"name": "Skript", "bodies": [str(body.pk)]})
    assert page.status_code == 200
    match = re.search(r'<code class="key">(vp_[^<]+)</code>', page.content.decode())
    assert match
    return match[1]


def test_token_creates_drafts_for_its_body_only(client: Client, people: dict[str, Any]) -> None:
    pledge = Pledge.objects.get(number=1)
    url = f"/api/v1/editor/pledges/{pledge.pk}/assessments"
    assert client.post(url, DRAFT, content_type="application/json").status_code == 401
    key = _key(people)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    response = client.post(url, {**DRAFT, "submit": True}, content_type="application/json", **auth)
    assert response.status_code == 201, response.content
    assert response.json()["state"] == "in_review"
    draft = Assessment.objects.get(pledge=pledge, state="in_review")
    assert draft.author == people["erika"] and draft.evidence.get().title == "WAZ"
    listing = client.get(url, **auth).json()
    assert {a["state"] for a in listing} == {"in_review"}
    assert client.get("/api/v1/editor/drafts", **auth).json()["items"][0]["id"] == draft.pk
    bad = client.post(
        url,
        {
            **DRAFT,
            "status": "vielleicht",
            "assessed_on": (dt.date.today() + dt.timedelta(days=3)).isoformat(),
            "rationale": "",
        },
        content_type="application/json",
        **auth,
    )
    assert bad.status_code == 422
    assert set(bad.json()["errors"]) == {"status", "assessed_on", "rationale"}
    # Evidence needs its address and date.
    bare = client.post(
        url,
        {**DRAFT, "evidence": [{"kind": "press", "title": "WAZ"}]},
        content_type="application/json",
        **auth,
    )
    assert bare.status_code == 422
    assert set(bare.json()["errors"]) == {"evidence.0.url", "evidence.0.date"}
    # Another body's token does not reach Herne's pledges.
    otto = {"HTTP_AUTHORIZATION": f"Bearer {_key(people, 'otto')}"}
    assert client.get(url, **otto).status_code == 404
    assert client.get("/api/v1/editor/drafts", **otto).json()["items"] == []


def test_revoked_token_and_deactivated_owner_are_refused(
    client: Client, people: dict[str, Any]
) -> None:
    key = _key(people)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    assert client.get("/api/v1/editor/drafts", **auth).status_code == 200
    erika = Client()
    erika.force_login(people["erika"])
    token = people["erika"].api_tokens.get()
    assert erika.post(f"/redaktion/schluessel/{token.pk}/widerrufen/").status_code == 302
    assert client.get("/api/v1/editor/drafts", **auth).status_code == 401
    assert (
        client.get("/api/v1/editor/drafts", HTTP_AUTHORIZATION="Bearer vp_unsinn").status_code
        == 401
    )


def test_the_public_api_never_shows_drafts(client: Client, people: dict[str, Any]) -> None:
    key = _key(people)
    pledge = Pledge.objects.get(number=1)
    client.post(
        f"/api/v1/editor/pledges/{pledge.pk}/assessments",
        {**DRAFT, "note": "GEHEIME-NOTIZ"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    for url in ("/api/v1/assessments", f"/api/v1/pledges/{pledge.pk}", "/api/v1/openapi.json"):
        assert "GEHEIME-NOTIZ" not in client.get(url).content.decode()
        assert "Per Skript erfasst." not in client.get(url).content.decode()
