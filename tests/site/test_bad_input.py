"""Bad input a visitor can send gets a normal page or a 400 with a message, never a 500."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

BAD_URLS = [
    "/versprechen/?area=mond&status=egal&kind=x&cap=999&sort=zufall",
    "/versprechen/?page=99999999999999999999",
    "/versprechen/?page=-1",
    "/versprechen/?page=abc",
    "/versprechen/?page=400",
    "/versprechen/?q=" + "x" * 10_240,
    "/versprechen/?q=%22%22%22*%20OR%20NEAR(",
    "/versprechen/?q=%00%01",
    "/versprechen/?q=a&q=b&area=bildung&area=kultur",
    "/versprechen/?%%%=%%&&&=",
    "/versprechen/?q=%E0%A4%A",
    "/versprechen/?body=" + "b" * 5000,
    "/versprechen/?place=%27%3B%20DROP%20TABLE%20tracker_pledge%3B--",
    "/versprechen/99999999999999999999999/",
    "/versprechen/0/",
    "/dokumente/gibt-es-nicht/",
    "/feeds/versprechen/99999999999999999999.atom",
    "/feeds/koerperschaft/atlantis.atom",
    "/daten/geheim.csv",
    "/api/v1/pledges?page=abc&cap=zz&q=" + "y" * 10_240,
    "/api/v1/pledges/99999999999999999999999",
    "/api/v1/assessments?page=99999999999&pledge=-5",
    "/api/v1/documents/gibt-es-nicht",
    "/en/versprechen/?format=xml",
]


@pytest.mark.parametrize("url", BAD_URLS)
def test_bad_input_never_gives_a_500(client: Client, tracker: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 400, 404, 422), (url, response.status_code)
    if response.status_code == 200 and "/api/" not in url and "format" not in url:
        assert b"<main" in response.content


# NUL characters: PostgreSQL's text columns refuse them, so no parameter or path may
# carry one to the database (the suite runs on SQLite and on PostgreSQL).
NUL_URLS = [
    "/versprechen/?place=%00",
    "/versprechen/?body=%00",
    "/versprechen/?document=a%00b",
    "/versprechen/?q=Schul%00sozialarbeit",
    "/versprechen/?area=%00",
    "/versprechen/?a%00=1",
    "/en/versprechen/?place=x%00",
    "/dokumente/a%00b/",
    "/feeds/koerperschaft/a%00b.atom",
    "/redaktion/versprechen/?q=%00",
    "/redaktion/dokumente/a%00b/",
    "/anmelden/?next=%00",
    "/api/v1/pledges?place=%00",
    "/api/v1/pledges?body=%00",
    "/api/v1/documents?body=%00",
    "/api/v1/documents/a%00b",
    "/api/v1/documents/a%00b/sections",
    "/api/v1/editor/drafts?x=%00",
]


@pytest.mark.parametrize("url", NUL_URLS)
def test_nul_characters_are_refused_with_a_message(client: Client, tracker: Any, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 400, (url, response.status_code)
    if "/api/" in url:
        assert "Nullzeichen" in response.json()["detail"]
    else:
        html = response.content.decode()
        assert "<main" in html and ("Nullzeichen" in html or "null character" in html), html


def test_nul_characters_in_forms_and_json_are_refused(client: Client, people: Any) -> None:
    from tests.site.test_review import draft_form

    from versprochen.tracker.models import Assessment, Pledge

    assert client.post("/anmelden/", {"username": "erika\x00", "password": "x"}).status_code == 400
    erika = Client()
    erika.force_login(people["erika"])
    buses = Pledge.objects.get(area="mobilitaet")
    url = f"/redaktion/versprechen/{buses.pk}/bewertung/"
    response = erika.post(url, draft_form(**{"evidence-0-url": "https://herne.de/a\x00b"}))
    assert response.status_code == 400 and "Nullzeichen" in response.content.decode()
    response = erika.post(
        "/api/v1/editor/pledges/1/assessments",
        '{"status": "in_arbeit", "rationale": "a\\u0000b"}',
        content_type="application/json",
    )
    assert response.status_code == 400 and "Nullzeichen" in response.json()["detail"]
    assert not Assessment.objects.filter(pledge=buses).exists()


def test_nul_characters_in_a_csv_import_are_refused_at_their_line(people: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from versprochen.tracker.models import Assessment, Pledge

    erika = Client()
    erika.force_login(people["erika"])
    buses = Pledge.objects.get(area="mobilitaet")
    header = "pledge,document,number,text,status,assessed_on,rationale,reason,evidence_kind,evidence_title,evidence_url,evidence_date,evidence_quote\n"
    row = f"{buses.pk},,,,in_arbeit,2026-03-02,Grund,,press,WAZ,https://waz.de/a\x00b,,\n"
    upload = SimpleUploadedFile("b.csv", (header + row).encode(), content_type="text/csv")
    response = erika.post("/redaktion/csv/", {"target": "body:stadt-herne", "file": upload})
    html = response.content.decode()
    assert "Zeile 2, evidence_url" in html, html[:3000]
    row = f"{buses.pk},,,,in_arbeit,2026-03-02,Gr\x00und,,,,,,\n"
    upload = SimpleUploadedFile("b.csv", (header + row).encode(), content_type="text/csv")
    html = erika.post(
        "/redaktion/csv/", {"target": "body:stadt-herne", "file": upload}
    ).content.decode()
    assert "Zeile 2, rationale" in html
    assert not Assessment.objects.filter(pledge=buses).exists()


def test_nul_characters_in_an_imported_file_become_spaces(db: None) -> None:
    from versprochen.tracker.models import Document, Mention, Pledge
    from versprochen.tracker.testing import store

    store([("Wir bauen die Schul\x00sozialarbeit aus.", "bildung", {"places": ["Wan\x00ne"]})])
    pledge = Pledge.objects.get()
    assert pledge.text == "Wir bauen die Schul sozialarbeit aus." and pledge.places == ["Wan ne"]
    mention = Mention.objects.get()
    assert Document.objects.get().text[mention.start : mention.end] == pledge.text


def test_unknown_filter_values_are_named_on_the_page(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/?area=mond&page=abc").content.decode()
    assert "unbekannter Wert" in html and "mond" in html
    assert "Stadtbücherei" in html  # the filter is ignored, the list still shows


def test_a_10kb_search_is_refused_with_a_message(client: Client, tracker: Any) -> None:
    data = client.get("/versprechen/?format=json&q=" + "x" * 10_240).json()
    assert any("200 Zeichen" in p for p in data["problems"])


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/versprechen/",
        "/versprechen/1/",
        "/en/versprechen/",
        "/dokumente/stadt-herne-herne-2030/",
        "/feeds/status.atom",
        "/daten/",
        "/daten/pledges.csv",
        "/daten/datapackage.json",
        "/daten/versprochen.json",
        "/daten/api/",
    ],
)
def test_post_is_not_allowed_on_public_pages(client: Client, tracker: Any, url: str) -> None:
    from versprochen.api.export_files import build

    build()  # the open-data files, as the job writes them
    for sender in (client, Client(enforce_csrf_checks=True)):
        response = sender.post(url, {"q": "x"})
        assert response.status_code == 405, url
        assert response["Allow"] == "GET, HEAD"
    assert client.put(url).status_code == 405 and client.delete(url).status_code == 405
    assert client.head(url).status_code in (200, 404)


def test_too_many_parameters_get_a_message(client: Client, tracker: Any) -> None:
    query = "&".join(f"p{i}=x" for i in range(300))
    response = client.get("/versprechen/?" + query)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<main" in html and "Zu viele Parameter (höchstens 200)" in html
    data = client.get("/api/v1/pledges?" + query)
    assert data.status_code == 400 and "200" in data.json()["detail"]


@pytest.mark.parametrize(
    ("url", "status", "heading", "lang"),
    [
        ("/gibt-es-nicht/", 404, "Seite nicht gefunden", "de"),
        ("/versprechen/99999999/", 404, "Seite nicht gefunden", "de"),
        ("/en/dokumente/gibt-es-nicht/", 404, "Page not found", "en"),
        ("/redaktion/", 302, "", "de"),
    ],
)
def test_error_pages_are_the_sites_own(
    client: Client, tracker: Any, url: str, status: int, heading: str, lang: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    if not heading:
        return
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html and '<main id="inhalt"' in html
    assert f"<h1>{heading}</h1>" in html and "site.css" in html


def test_forbidden_bad_host_and_server_error_pages(
    client: Client, people: Any, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.test import RequestFactory

    from versprochen.site.views import errors

    nobody = Client()
    nobody.force_login(people["erika"].__class__.objects.create(username="niemand"))
    forbidden = nobody.get("/redaktion/")
    assert forbidden.status_code == 403 and "<h1>Kein Zugriff</h1>" in forbidden.content.decode()
    bad_host = client.get("/", HTTP_HOST="evil.example")
    assert bad_host.status_code == 400 and "<h1>Ungültige Anfrage</h1>" in bad_host.content.decode()
    assert "evil.example" not in bad_host.content.decode()
    error = errors.server_error(RequestFactory().get("/en/versprechen/"))
    assert error.status_code == 500 and "<main" in error.content.decode()
    assert client.get("/api/v1/gibt-es-nicht").json() == {"detail": "Seite nicht gefunden"}

    def broken(*args: object, **kwargs: object) -> str:
        raise RuntimeError("the template engine is down")

    monkeypatch.setattr(errors, "render_to_string", broken)
    fallback = errors.server_error(RequestFactory().get("/"))
    assert fallback.status_code == 500 and b"<h1>Fehler auf dem Server</h1>" in fallback.content
