from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from django.test import Client

from versprochen.tracker.models import Mention


def test_start_page_shows_bodies_documents_and_progress(client: Client, tracker: Any) -> None:
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="de">' in html
    assert "Stadt Herne" in html and "Herne 2030" in html
    assert "in Arbeit: 1" in html and "offen: 2" in html
    data = client.get("/?format=json").json()
    document = data["bodies"][0]["documents"][0]
    assert document["status_counts"] == {"in_arbeit": 1, "offen": 2}
    assert document["area_counts"]["bildung"] == {"in_arbeit": 1}


def test_pledge_list_filters_search_and_json_twin(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/?q=sozialarbeit").content.decode()
    assert "Schulsozialarbeit" in html and "Busverkehr" not in html
    html = client.get("/versprechen/?area=mobilitaet").content.decode()
    assert "Busverkehr" in html and "Schulsozialarbeit" not in html
    data = client.get("/versprechen/?status=in_arbeit&format=json").json()
    assert [p["text"][:8] for p in data["pledges"]] == ["Wir baue"]
    assert data["query"] == {"status": "in_arbeit"}
    assert data["count"] == 1


def test_htmx_request_gets_only_the_results(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/?area=kultur", HTTP_HX_REQUEST="true").content.decode()
    assert "Stadtbücherei" in html and "<html" not in html


def test_pledge_page_shows_coding_mentions_and_timeline(client: Client, tracker: Any) -> None:
    school = tracker["school"]
    html = client.get(f"/versprechen/{school.pk}/").content.decode()
    mention = Mention.objects.get(pledge=school)
    assert "<mark>Wir bauen die Schulsozialarbeit" in html
    assert "S. 1 ·" in html
    assert f"#m-{mention.pk}" in html
    assert "Ratsbeschluss V/2026/017" in html and "Der Rat hat die Stellen beschlossen." in html
    data = client.get(f"/versprechen/{school.pk}/?format=json").json()
    assert data["status"] == "in_arbeit"
    assert [a["status"] for a in data["assessments"]] == ["in_arbeit"]
    assert data["mentions"][0]["page"] == 1


def test_document_page_highlights_and_links_each_pledge(client: Client, tracker: Any) -> None:
    document = tracker["document"]
    html = client.get(f"/dokumente/{document.slug}/").content.decode()
    for mention in Mention.objects.filter(document=document):
        assert f'id="m-{mention.pk}" href="/versprechen/{mention.pledge_id}/"' in html
    assert 'href="#s-0"' in html and 'id="s-0"' in html
    data = client.get(f"/dokumente/{document.slug}/?format=json").json()
    assert data["text"] == document.text and len(data["mentions"]) == 3


def test_english_is_switchable(client: Client, tracker: Any) -> None:
    html = client.get("/").content.decode()
    assert 'href="/en/"' in html
    html = client.get("/en/versprechen/").content.decode()
    assert '<html lang="en">' in html
    assert "Pledges" in html and "in progress" in html and ">open<" in html


def test_conditional_request_gets_304(client: Client, tracker: Any) -> None:
    response = client.get("/versprechen/")
    etag, modified = response["ETag"], response["Last-Modified"]
    assert client.get("/versprechen/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get("/versprechen/", HTTP_IF_MODIFIED_SINCE=modified).status_code == 304
    assert client.get("/versprechen/?area=kultur", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_feeds(client: Client, tracker: Any) -> None:
    school = tracker["school"]
    for url in (
        "/feeds/status.atom",
        "/feeds/koerperschaft/stadt-herne.atom",
        "/feeds/bereich/bildung.atom",
        f"/feeds/versprechen/{school.pk}.atom",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/atom+xml")
        assert b"in Arbeit" in response.content, url
    assert b"<entry>" not in client.get("/feeds/bereich/kultur.atom").content
    assert client.get("/feeds/bereich/mond.atom").status_code == 404


def test_open_data_downloads(client: Client, tracker: Any) -> None:
    from versprochen.api.export_files import build

    build()  # the job that writes the open-data files
    csv = b"".join(client.get("/daten/pledges.csv").streaming_content).decode()  # type: ignore[attr-defined]
    assert csv.splitlines()[0].startswith("id,body,document,number,text")
    assert len(csv.splitlines()) == 4
    package = client.get("/daten/datapackage.json").json()
    (pledges,) = [r for r in package["resources"] if r["name"] == "pledges"]
    fields = {f["name"]: f["type"] for f in pledges["schema"]["fields"]}
    assert fields["testable"] == "boolean" and fields["cap"] == "integer"
    assert [r["name"] for r in package["resources"]] == [
        "bodies",
        "documents",
        "pledges",
        "mentions",
        "assessments",
        "evidence",
        "corrections",
        "pledge_papers",
    ]


def test_only_public_pages_answer_conditional_requests(client: Client, tracker: Any) -> None:
    far_future = "Fri, 01 Jan 2100 00:00:00 GMT"
    assert client.get("/versprechen/", HTTP_IF_MODIFIED_SINCE=far_future).status_code == 304
    assert client.get("/api/v1/bodies", HTTP_IF_MODIFIED_SINCE=far_future).status_code == 200
    assert client.get("/feeds/status.atom").status_code == 200


def test_a_published_assessment_changes_the_cached_page(client: Client, tracker: Any) -> None:
    import datetime as dt

    from versprochen.tracker.assessments import publish
    from versprochen.tracker.models import Assessment, Pledge

    first = client.get("/versprechen/?status=erfuellt")
    assert "Stadtbücherei" not in first.content.decode()
    library = Pledge.objects.get(area="kultur")
    publish(
        Assessment.objects.create(pledge=library, status="erfuellt", assessed_on=dt.date.today())
    )
    second = client.get("/versprechen/?status=erfuellt", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert "Stadtbücherei" in second.content.decode()


def test_a_foreign_host_is_refused_and_never_poisons_cached_pages(
    client: Client, tracker: Any, settings: Any
) -> None:
    assert client.get("/daten/datapackage.json", HTTP_HOST="evil.example").status_code == 400
    # Even where an operator allows every host, what one host sees never reaches another.
    settings.ALLOWED_HOSTS = ["*"]
    for _ in range(4):
        for url in ("/daten/datapackage.json?x=p2", "/feeds/status.atom"):
            assert client.get(url, HTTP_HOST="evil.example").status_code == 200
    package = client.get("/daten/datapackage.json?x=p2").json()
    assert package["resources"][0]["path"] == "bodies.csv"
    assert "evil.example" not in client.get("/feeds/status.atom").content.decode()
    english = client.get("/en/daten/datapackage.json").json()
    from versprochen.api.export_files import build

    build()
    assert client.get("/en/daten/" + english["resources"][0]["path"]).status_code == 200


def test_a_gone_pledge_page_shows_where_it_stood_in_the_earlier_version(
    client: Client, tracker: Any
) -> None:
    from tests.site.conftest import PLEDGES

    from versprochen.tracker.models import Pledge
    from versprochen.tracker.testing import store

    store([PLEDGES[1], PLEDGES[2]], heading="Verkehr")  # the school pledge is gone
    school = Pledge.objects.get(pk=tracker["school"].pk)
    assert not school.current
    html = client.get(f"/versprechen/{school.pk}/").content.decode()
    assert "Fassung 2 enthält es nicht mehr" in html
    assert "<mark>Wir bauen die Schulsozialarbeit an allen Grundschulen aus.</mark>" in html
    assert "in Fassung 1, einer früheren Fassung" in html and "Bildung (in Fassung 1)" in html
    data = client.get(f"/versprechen/{school.pk}/?format=json").json()
    assert data["section"] == "Bildung" and data["mentions"][0]["page"] == 1
    assert (data["gone_in_version"], data["mentions_version"]) == (2, 1)
    document = client.get(f"/dokumente/{school.document.slug}/?format=json").json()
    assert school.pk not in {m["pledge"] for m in document["mentions"]}


def test_only_existing_pages_are_not_modified(client: Client, tracker: Any) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    far_future = "Fri, 01 Jan 2100 00:00:00 GMT"
    for url in ("/versprechen/99999999/", "/dokumente/gibt-es-nicht/", "/feeds/bereich/mond.atom"):
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=far_future).status_code == 404, url
        assert client.get(url, HTTP_IF_NONE_MATCH="*").status_code == 404, url
    school = tracker["school"]
    first = client.get(f"/versprechen/{school.pk}/", HTTP_IF_NONE_MATCH="*")
    assert first.status_code == 304 and first["ETag"] and "HX-Request" in first["Vary"]
    etag = client.get("/versprechen/")["ETag"]
    assert client.get("/versprechen/", HTTP_IF_NONE_MATCH=f'"other", W/{etag}').status_code == 304
    # A cached page answers without running its view (one query: the data's change time).
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/versprechen/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert len(queries) <= 1


def test_english_pages_name_problems_and_feeds_in_english(client: Client, tracker: Any) -> None:
    html = client.get("/en/versprechen/?area=mond&page=abc&body=atlantis&q=a").content.decode()
    assert "area: unknown value &#x27;mond&#x27;, ignored" in html
    assert "page: page 1 to 400, not &#x27;abc&#x27;" in html
    assert "body: unknown body &#x27;atlantis&#x27;, ignored" in html
    assert "q: &#x27;a&#x27; is too short: a search word needs at least 2 characters" in html
    assert "unbekannt" not in html and "ignoriert" not in html
    for url, title in (
        ("/en/feeds/status.atom", "versprochen: status changes"),
        ("/en/feeds/koerperschaft/stadt-herne.atom", "versprochen: status changes – Stadt Herne"),
        ("/en/feeds/bereich/bildung.atom", "versprochen: status changes – Education"),
        ("/feeds/status.atom", "versprochen: Statusänderungen"),
    ):
        feed = client.get(url).content.decode()
        assert f"<title>{title}</title>" in feed, (url, feed[:400])
    assert "in progress" in client.get("/en/feeds/status.atom").content.decode()


def test_a_chosen_document_or_body_stays_selected_beyond_the_option_lists(
    client: Client, tracker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from versprochen.site.views import pledges

    monkeypatch.setattr(pledges, "MAX_OPTIONS", 0)  # as if there were thousands
    document = tracker["document"]
    html = client.get(f"/versprechen/?document={document.slug}&body=stadt-herne").content.decode()
    assert f'<option value="{document.slug}" selected>Herne 2030</option>' in html
    assert '<option value="stadt-herne" selected>Stadt Herne</option>' in html
    html = client.get("/versprechen/?document=gibt-es-nicht").content.decode()
    assert 'value="gibt-es-nicht"' not in html and "unbekanntes Dokument" in html


def test_the_start_page_lists_documents_a_page_at_a_time(
    client: Client, tracker: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from versprochen.site.views import start
    from versprochen.tracker.testing import HERNE, store

    monkeypatch.setattr(start, "PAGE_DOCUMENTS", 2)
    for term in (2031, 2032):
        store(
            [("Die Stadtbücherei bleibt erhalten.", "kultur", {})],
            info=replace(HERNE, term_start=term, term_end=term + 5, title=f"Herne {term}"),
        )
    first = client.get("/?format=json").json()
    second = client.get("/?page=2&format=json").json()
    titles = [d["title"] for p in (first, second) for b in p["bodies"] for d in b["documents"]]
    assert sorted(titles) == ["Herne 2030", "Herne 2031", "Herne 2032"]
    assert first["next"] == "?page=2" and second["next"] is None and second["previous"] == "?"
    html = client.get("/?page=2").content.decode()
    assert 'rel="prev"' in html and "Seite 2" in html
    assert client.get("/?page=3").status_code == 404
    bad = client.get("/?page=abc")
    assert bad.status_code == 400 and "page: eine Seitenzahl" in bad.content.decode()
