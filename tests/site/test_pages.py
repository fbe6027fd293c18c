from __future__ import annotations

from typing import Any

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
    assert "Seite 1" in html
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
    csv = b"".join(client.get("/daten/pledges.csv").streaming_content).decode()  # type: ignore[attr-defined]
    assert csv.splitlines()[0].startswith("id,body,document,number,text")
    assert len(csv.splitlines()) == 4
    package = client.get("/daten/datapackage.json").json()
    fields = {f["name"]: f["type"] for f in package["resources"][0]["schema"]["fields"]}
    assert fields["testable"] == "boolean" and fields["cap"] == "integer"
    assert [r["name"] for r in package["resources"]] == [
        "pledges",
        "mentions",
        "assessments",
        "corrections",
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
