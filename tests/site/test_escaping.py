"""Text from a PDF is always escaped: a hostile document renders inert everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.test import Client

from versprochen.tracker.assessments import publish
from versprochen.tracker.importer import DocumentInfo
from versprochen.tracker.models import Assessment, Document, Pledge
from versprochen.tracker.testing import store

HOSTILE = '<script>alert("x")</script><img src=x onerror="alert(1)"> Wir bauen Kitas.'
RAW = ("<script>alert", "<img src=x", "<svg", "<b onmouseover", "<h1 onclick", '<a href="java')
EVIL_BODY = DocumentInfo(
    body='Stadt <b onmouseover="alert(2)">Böse</b>',
    kind="program",
    authors=('<script>alert("author")</script>',),
    title='Programm <svg onload="alert(3)">',
)


@pytest.mark.django_db
def test_script_and_attributes_from_a_document_render_inert(client: Client) -> None:
    store(
        [(HOSTILE, "bildung", {"places": ['<a href="javascript:alert(4)">x</a>']})],
        info=EVIL_BODY,
        heading='<h1 onclick="alert(5)">Kapitel</h1>',
    )
    pledge = Pledge.objects.get()
    assessment = Assessment.objects.create(
        pledge=pledge,
        status="in_arbeit",
        assessed_on=dt.date(2026, 1, 1),
        rationale='<script>alert("feed")</script>',
    )
    publish(assessment)
    cache.clear()
    document = Document.objects.get()
    urls = [
        "/",
        "/versprechen/",
        "/versprechen/?q=Kitas",
        f"/versprechen/{pledge.pk}/",
        f"/dokumente/{document.slug}/",
        "/feeds/status.atom",
        f"/feeds/versprechen/{pledge.pk}.atom",
        f"/feeds/koerperschaft/{document.body.slug}.atom",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        for raw in (
            "<script>alert",
            "<img src=x",
            "<svg",
            "<b onmouseover",
            "<h1 onclick",
            '<a href="javascript',
        ):
            assert raw not in body, (url, raw)
    html = client.get(f"/versprechen/{pledge.pk}/").content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    json_data = client.get(f"/versprechen/{pledge.pk}/?format=json")
    assert json_data["Content-Type"].startswith("application/json")
    assert json_data.json()["text"] == HOSTILE


@pytest.mark.django_db
def test_feed_summaries_are_text_and_only_web_addresses_become_links(client: Client) -> None:
    from django.core.exceptions import ValidationError

    from versprochen.tracker.models import Evidence

    store([("Wir bauen Kitas.", "bildung", {})])
    pledge = Pledge.objects.get()
    assessment = Assessment.objects.create(
        pledge=pledge,
        status="in_arbeit",
        assessed_on=dt.date(2026, 1, 1),
        rationale="<script>alert(1)</script> & mehr",
    )
    with pytest.raises(ValidationError):
        Evidence.objects.create(
            assessment=assessment, kind="press", title="x", url="javascript:alert(1)"
        )
    # Rows that bypass the model (an old import, SQL) are shown, but never as links.
    Evidence.objects.bulk_create(
        [
            Evidence(assessment=assessment, kind="press", title="Böse", url="javascript:alert(1)"),
            Evidence(assessment=assessment, kind="press", title="Daten", url="data:text/html,x"),
            Evidence(assessment=assessment, kind="press", title="WAZ", url="https://waz.de/1"),
        ]
    )
    publish(assessment)
    cache.clear()
    feed = client.get("/feeds/status.atom").content.decode()
    assert '<summary type="text">' in feed and 'type="html"' not in feed
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; mehr" in feed
    html = client.get(f"/versprechen/{pledge.pk}/").content.decode()
    assert 'href="javascript' not in html and 'href="data:' not in html
    assert "Böse (javascript:alert(1))" in html
    assert '<a href="https://waz.de/1" rel="nofollow noopener">WAZ</a>' in html


@pytest.mark.django_db
def test_feed_entries_of_corrections_and_assessments_are_plain_text(client: Client) -> None:
    """Hostile rationale, evidence and pledge text (also in a correction) reach every
    feed as plain text: parsed, each summary is the text itself, declared type="text"."""
    import xml.etree.ElementTree as ET

    from versprochen.tracker import corrections
    from versprochen.tracker.models import Evidence
    from versprochen.tracker.testing import make_people

    store([("Wir bauen Kitas.", "bildung", {})])
    people = make_people()
    pledge = Pledge.objects.get()
    hostile = '<img src=x onerror="alert(1)"> &amp; <![CDATA[x]]> </summary>'
    assessment = Assessment.objects.create(
        pledge=pledge, status="in_arbeit", assessed_on=dt.date(2026, 1, 1), rationale=hostile
    )
    Evidence.objects.create(
        assessment=assessment, kind="press", title=f"Titel {hostile}", url="https://waz.de/1"
    )
    publish(assessment)
    corrections.edit(people["erika"], pledge, pledge.revision, {"text": f"Kitas {hostile}"})
    cache.clear()
    atom = "{http://www.w3.org/2005/Atom}"
    for url in (
        "/feeds/status.atom",
        f"/feeds/versprechen/{pledge.pk}.atom",
        "/feeds/bereich/bildung.atom",
        "/feeds/koerperschaft/stadt-herne.atom",
        "/en/feeds/status.atom",
    ):
        raw = client.get(url).content.decode()
        assert "<img" not in raw and "<![CDATA[" not in raw, url
        entries = ET.fromstring(raw).findall(f"{atom}entry")
        assert len(entries) == 2, url
        for entry in entries:
            summary = entry.find(f"{atom}summary")
            assert summary is not None and summary.get("type") == "text", url
            title = entry.find(f"{atom}title")
            assert title is not None and title.get("type") in (None, "text"), url
            assert entry.find(f"{atom}content") is None
        texts = [e.find(f"{atom}summary").text or "" for e in entries]  # type: ignore[union-attr]
        assert any(t.startswith(hostile) and f"Titel {hostile}" in t for t in texts), url
        assert any(f"Kitas {hostile}" in t for t in texts), url  # the correction
        assert any(f"Kitas {hostile}" in (e.find(f"{atom}title").text or "") for e in entries)  # type: ignore[union-attr]
