"""What every public page has: badges with colour and text, a navigation that folds, the
filters behind one control, a source's table of contents, German CAP topics, sharing
tags, favicon, robots.txt, the about and methodology pages, progress at a glance."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.core.cache import cache
from django.test import Client

from versprochen.site.views.documents import Paragraph, Piece, with_tables_of_contents
from versprochen.tracker.assessments import publish
from versprochen.tracker.models import Assessment, Pledge


def test_status_is_a_badge_with_text_linked_to_the_methodology(
    client: Client, tracker: Any
) -> None:
    school = tracker["school"]
    badge = 'class="badge s-in_arbeit" href="/so-bewerten-wir/#status-in_arbeit"'
    for url in ("/versprechen/", f"/versprechen/{school.pk}/", "/"):
        html = client.get(url).content.decode()
        assert badge in html and ">in Arbeit</a>" in html, url
    document = client.get(f"/dokumente/{tracker['document'].slug}/").content.decode()
    assert 'class="badge mention-status s-in_arbeit">in Arbeit</span>' in document
    assert 'class="badge mention-status s-offen">offen</span>' in document


def test_the_pledge_text_is_no_giant_heading(client: Client, tracker: Any) -> None:
    html = client.get(f"/versprechen/{tracker['school'].pk}/").content.decode()
    assert '<h1 class="pledge-heading">Versprechen aus „Herne 2030“</h1>' in html
    assert '<blockquote class="pledge-text"><p>Wir bauen die Schulsozialarbeit' in html


def test_navigation_folds_into_a_menu_without_javascript(client: Client, tracker: Any) -> None:
    html = client.get("/").content.decode()
    assert '<details class="menu">' in html and "<summary>Menü</summary>" in html
    assert html.count('href="/so-bewerten-wir/"') >= 3  # wide line, menu, footer


def test_filters_fold_behind_one_control_that_counts_them(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/").content.decode()
    assert '<details class="filter-box">' in html and "<summary>Filter</summary>" in html
    assert html.index('id="f-q"') < html.index('<details class="filter-box">')
    html = client.get("/versprechen/?area=bildung&status=in_arbeit").content.decode()
    assert "<summary>Filter (2 gesetzt)</summary>" in html


def test_htmx_swaps_form_and_results_as_one_history_entry(client: Client, tracker: Any) -> None:
    html = client.get("/versprechen/?area=kultur", HTTP_HX_REQUEST="true").content.decode()
    assert html.startswith('<div id="listing" hx-history-elt>') and "<html" not in html
    # the form shows the filter the results are for (Back restores both together)
    assert '<option value="kultur" selected>' in html
    # Enter submits once: text fields do not also fire "change"
    assert "hx-trigger=\"submit, change[target.tagName==='SELECT']\"" in html


def test_cap_topics_are_german_on_german_pages(client: Client, tracker: Any) -> None:
    library = Pledge.objects.get(area="kultur")
    html = client.get(f"/versprechen/{library.pk}/").content.decode()
    assert "23 Kultur" in html and "Culture" not in html
    assert ">6 Bildung</option>" in client.get("/versprechen/").content.decode()
    english = client.get(f"/en/versprechen/{library.pk}/").content.decode()
    assert "23 Culture" in english


def test_a_table_of_contents_is_one_list() -> None:
    lines = ["INHALT", "Präambel … 3", "Arbeit … 5", "Schule und Bildung … 6", "Text."]
    paragraphs = [Paragraph(pieces=[Piece(line)]) for line in lines]
    out = with_tables_of_contents(paragraphs)
    assert len(out) == 3
    assert out[1].toc == [("Präambel", "3"), ("Arbeit", "5"), ("Schule und Bildung", "6")]
    # two lines that look alike are no table of contents
    assert len(with_tables_of_contents(paragraphs[:3])) == 3


def test_sharing_tags_describe_the_pledge(client: Client, tracker: Any) -> None:
    html = client.get(f"/versprechen/{tracker['school'].pk}/").content.decode()
    assert '<meta property="og:title" content="Wir bauen die Schulsozialarbeit' in html
    assert '<meta property="og:type" content="article">' in html
    assert (
        f'<meta property="og:url" content="http://testserver/versprechen/{tracker["school"].pk}/">'
        in html
    )
    assert '<meta name="description" content="Status: in Arbeit.' in html
    assert '<link rel="icon" href="/static/site/favicon.svg"' in html


def test_favicon_and_robots(client: Client, db: None) -> None:
    assert client.get("/favicon.ico")["Location"] == "/static/site/favicon.svg"
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Disallow: /redaktion/" in robots.content.decode()


def test_about_page_comes_from_settings(client: Client, db: None, settings: Any) -> None:
    html = client.get("/ueber/").content.decode()
    assert "noch kein Impressum" in html
    settings.CONFIG = dataclasses.replace(
        settings.CONFIG,
        operator="Redaktion Herner Anzeiger",
        operator_address="Bahnhofstraße 1 | 44623 Herne",
        contact_email="hinweise@example.org",
        about_text="Wir prüfen Versprechen. || Seit 2026.",
    )
    cache.clear()  # settings are read at start; the rendered page was cached before
    html = client.get("/ueber/").content.decode()
    assert "Redaktion Herner Anzeiger<br>Bahnhofstraße 1<br>44623 Herne" in html
    assert 'href="mailto:hinweise@example.org"' in html
    assert "<p>Wir prüfen Versprechen.</p>" in html and "<p>Seit 2026.</p>" in html
    assert client.get("/ueber/?format=json").json()["address"] == [
        "Bahnhofstraße 1",
        "44623 Herne",
    ]


def test_methodology_page_explains_every_status(client: Client, db: None) -> None:
    html = client.get("/so-bewerten-wir/").content.decode()
    for code in ("offen", "in_arbeit", "gestockt", "teilweise", "erfuellt", "nicht_erfuellt"):
        assert f'id="status-{code}"' in html
    assert "Vier-Augen-Prinzip" in html and "Korrekturen" in html
    data = client.get("/so-bewerten-wir/?format=json").json()
    assert len(data["scale"]) == 7


def test_progress_at_a_glance(client: Client, tracker: Any) -> None:
    library = Pledge.objects.get(area="kultur")
    publish(
        Assessment.objects.create(
            pledge=library, status="erfuellt", assessed_on=dt.date(2026, 5, 1)
        )
    )
    for url in ("/", "/koerperschaften/stadt-herne/", f"/dokumente/{tracker['document'].slug}/"):
        html = client.get(url).content.decode()
        assert "<strong>33 %</strong> erfüllt (1 von 3 Versprechen)" in html, url
        assert "Zuletzt bewertet" in html and "Die Stadtbücherei bleibt erhalten." in html, url
        assert 'role="img" aria-label="offen: 1, in Arbeit: 1, erfüllt: 1"' in html, url
    data = client.get("/koerperschaften/stadt-herne/?format=json").json()
    assert data["progress"]["counts"]["erfuellt"] == 1
    assert data["progress"]["fulfilled_percent"] == 33
    assert [r["status"] for r in data["recent"]] == ["erfuellt", "in_arbeit"]
    assert client.get("/koerperschaften/gibt-es-nicht/").status_code == 404


def test_english_text_on_german_pages_is_marked(client: Client, db: None) -> None:
    html = client.get("/daten/api/").content.decode()
    assert '<html lang="de">' in html
    assert '<p class="pre" lang="en">' in html and '<strong lang="en">' in html
    assert '<td lang="en">' in html
