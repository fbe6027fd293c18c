"""Bad input in the editor's forms: a message at the field, nothing stored; hostile text
typed by an editor renders inert for everybody."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from tests.site.test_review import draft_form

from versprochen.tracker.models import Assessment, Pledge

TOMORROW = (dt.date.today() + dt.timedelta(days=1)).isoformat()
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"evidence-0-url": "javascript:alert(1)"}, "evidence-0-url", "keine gültige Web-Adresse"),
        ({"evidence-0-url": "herne dot de"}, "evidence-0-url", "keine gültige Web-Adresse"),
        ({"assessed_on": TOMORROW}, "assessed_on", "in der Zukunft"),
        ({"evidence-0-date": TOMORROW}, "evidence-0-date", "in der Zukunft"),
        ({"assessed_on": "2.3.2026"}, "assessed_on", "kein Datum"),
        ({"rationale": "   "}, "rationale", "Darf nicht leer sein"),
        ({"rationale": "x" * 5001}, "rationale", "Höchstens 5000 Zeichen"),
        ({"evidence-0-title": "t" * 501}, "evidence-0-title", "Höchstens 500 Zeichen"),
        ({"status": "vielleicht"}, "status", "Unbekannter Status"),
        ({"status": "nicht_bewertbar"}, "reason", "braucht eine Begründung"),
        ({"evidence-0-kind": "geruecht"}, "evidence-0-kind", "Unbekannte Belegart"),
        ({"evidence-0-url": ""}, "evidence-0-url", "Darf nicht leer sein"),
        ({"evidence-0-date": ""}, "evidence-0-date", "Datum fehlt"),
    ],
)
def test_a_bad_field_gets_its_message_and_nothing_is_stored(
    people: dict[str, Any], changes: dict[str, str], field: str, message: str
) -> None:
    erika = Client()
    erika.force_login(people["erika"])
    buses = Pledge.objects.get(area="mobilitaet")
    response = erika.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", draft_form(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert f'id="id_{field}-error"' in html, html[html.find("<form") :][:3000]
    error = html[html.index(f'id="id_{field}-error"') :][:400]
    assert message in error
    assert f'aria-describedby="id_{field}-error' in html
    assert not Assessment.objects.filter(pledge=buses).exists()


def test_hostile_text_from_editors_renders_inert_everywhere(
    client: Client, people: dict[str, Any]
) -> None:
    buses = Pledge.objects.get(area="mobilitaet")
    erika, rudi = Client(), Client()
    erika.force_login(people["erika"])
    rudi.force_login(people["rudi"])
    form = draft_form(
        action="submit",
        rationale=HOSTILE,
        note=HOSTILE,
        **{
            "evidence-0-title": HOSTILE,
            "evidence-0-quote": HOSTILE,
            "evidence-0-url": 'https://x.de/"><script>alert(2)</script>',
        },
    )
    assert erika.post(f"/redaktion/versprechen/{buses.pk}/bewertung/", form).status_code == 302
    draft = Assessment.objects.get(pledge=buses)
    erika.post(
        f"/redaktion/versprechen/{buses.pk}/korrigieren/",
        {
            "text": HOSTILE,
            "area": "mobilitaet",
            "cap": "10",
            "kind": "action",
            "places": HOSTILE,
            "quantities": "",
            "revision": buses.revision,
        },
    )
    pages = [
        (erika, f"/redaktion/bewertungen/{draft.pk}/"),
        (erika, f"/redaktion/versprechen/{buses.pk}/"),
        (erika, "/redaktion/"),
        (rudi, "/redaktion/pruefung/"),
        (rudi, f"/redaktion/pruefung/{draft.pk}/"),
    ]
    for who, url in pages:
        html = who.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url
    rudi.post(f"/redaktion/pruefung/{draft.pk}/", {"action": "publish", "revision": draft.revision})
    cache.clear()
    for url in (
        f"/versprechen/{buses.pk}/",
        "/versprechen/",
        f"/feeds/versprechen/{buses.pk}.atom",
        "/feeds/status.atom",
    ):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, url
    anna = Client()
    anna.force_login(people["anna"])
    assert "<script>alert" not in anna.get("/redaktion/protokoll/").content.decode()
