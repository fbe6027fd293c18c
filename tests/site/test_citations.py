"""Citations that are true: a source without pages is cited by section and paragraph,
never by a page it does not have; the original file and where it was published."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from typing import Any

import pytest
from django.test import Client

from versprochen.site.views.pledges import _quote
from versprochen.tracker.importer import store_extraction
from versprochen.tracker.models import Document, Pledge
from versprochen.tracker.testing import HERNE, make_extraction

UNPAGED = [
    ("Wir bauen die Radwege an der Bahnhofstraße aus.", "mobilitaet", {}),
    ("Der Busverkehr wird im Stundentakt angeboten.", "mobilitaet", {}),
]


@pytest.fixture
def markdown(db: None) -> Document:
    """A Markdown source without pages (page_count 1): two pledges in section "Mobilität"."""
    extraction = replace(make_extraction(UNPAGED, heading="Mobilität"), page_count=1)
    extraction = replace(
        extraction,
        pledges=tuple(
            replace(p, mentions=tuple(replace(m, page=1) for m in p.mentions))
            for p in extraction.pledges
        ),
    )
    info = replace(HERNE, kind="program", authors=("Grüne Herne",), title="Grünes Programm")
    report = store_extraction(info, "vertrag.md", extraction.text.encode(), extraction)
    return report.document


def test_a_source_without_pages_cites_section_and_paragraph(
    client: Client, markdown: Document
) -> None:
    second = Pledge.objects.get(document=markdown, number=2)
    html = client.get(f"/versprechen/{second.pk}/").content.decode()
    assert "Abschnitt „Mobilität“, Absatz 2" in html
    assert "S. 1" not in html and "Seite 1" not in html
    data = client.get(f"/versprechen/{second.pk}/?format=json").json()
    assert [m["page"] for m in data["mentions"]] == [None]
    assert data["citations"] == ["Abschnitt „Mobilität“, Absatz 2"]


def test_the_list_shows_the_section_not_a_page(client: Client, markdown: Document) -> None:
    html = client.get("/versprechen/").content.decode()
    assert "S. 1" not in html and "· Mobilität</p>" in html
    data = client.get("/versprechen/?format=json").json()
    assert {p["page"] for p in data["pledges"]} == {None}


def test_api_and_document_json_give_no_page(client: Client, markdown: Document) -> None:
    data = client.get("/api/v1/pledges").json()
    assert {m["page"] for p in data["items"] for m in p["mentions"]} == {None}
    document = client.get(f"/api/v1/documents/{markdown.slug}").json()
    assert document["has_pages"] is False
    sections = client.get(f"/api/v1/documents/{markdown.slug}/sections").json()
    assert [s["page"] for s in sections["items"]] == [None]
    twin = client.get(f"/dokumente/{markdown.slug}/?format=json").json()
    assert {m["page"] for m in twin["mentions"]} == {None}
    assert {s["page"] for s in twin["sections"]} == {None}


def test_a_paged_source_keeps_its_pages(client: Client, tracker: Any) -> None:
    school = tracker["school"]
    html = client.get(f"/versprechen/{school.pk}/").content.decode()
    assert "S. 1 ·" in html
    data = client.get(f"/api/v1/pledges/{school.pk}").json()
    assert data["mentions"][0]["page"] == 1


def test_the_pledge_page_links_the_original_file_with_its_sha256(
    client: Client, markdown: Document
) -> None:
    Document.objects.filter(pk=markdown.pk).update(source_url="https://example.org/vertrag.pdf")
    pledge = Pledge.objects.get(document=markdown, number=1)
    html = client.get(f"/versprechen/{pledge.pk}/").content.decode()
    download = f"/dokumente/{markdown.slug}/quelle/"
    assert f'href="{download}"' in html
    assert markdown.source is not None
    sha = markdown.source.sha256
    assert sha in html and 'href="https://example.org/vertrag.pdf"' in html
    response = client.get(download)
    assert response.status_code == 200
    assert hashlib.sha256(response.content).hexdigest() == sha
    assert response["ETag"] == f'"{sha}"'
    assert 'filename="vertrag.md"' in response["Content-Disposition"]
    assert client.get(download, HTTP_IF_NONE_MATCH=f'"{sha}"').status_code == 304
    assert client.get(f"/dokumente/{markdown.slug}/quelle/1/").content == response.content
    assert client.get(f"/dokumente/{markdown.slug}/quelle/2/").status_code == 404
    assert client.get("/dokumente/gibt-es-nicht/quelle/").status_code == 404
    assert client.post(download).status_code == 405
    api = client.get(f"/api/v1/documents/{markdown.slug}").json()
    assert api["source_url"] == "https://example.org/vertrag.pdf"


def test_context_starts_and_ends_at_word_boundaries() -> None:
    words = " ".join(f"Wort{i}" for i in range(200))
    text = words + " Wir schaffen das. " + words
    start = text.index("Wir")
    end = text.index("das.") + 4
    quote = _quote(text, start, end)
    assert quote["quote"] == "Wir schaffen das."
    before, after = quote["before"], quote["after"]
    assert before.startswith("… Wort") and before.endswith(" ")
    assert after.endswith(" …")
    # The first word shown is a whole word of the text, and so is the last.
    first = before.removeprefix("… ").split()[0]
    last = after.removesuffix(" …").split()[-1]
    assert first in words.split() and last in words.split()


def test_a_short_text_is_quoted_whole_without_ellipsis() -> None:
    text = "Vorher. Wir schaffen das. Nachher."
    quote = _quote(text, 8, 25)
    assert quote == {"before": "Vorher. ", "quote": "Wir schaffen das.", "after": " Nachher."}


def test_open_data_has_no_page_for_a_source_without_pages(
    client: Client, tracker: Any, markdown: Document
) -> None:
    from versprochen.api.export_files import build

    build()  # the job that writes the open-data files
    csv = b"".join(client.get("/daten/mentions.csv").streaming_content).decode()  # type: ignore[attr-defined]
    rows = [line.split(",") for line in csv.splitlines()[1:]]
    pages = {row[2]: set() for row in rows}
    for row in rows:
        pages[row[2]].add(row[3])
    assert pages[markdown.slug] == {""}
    assert pages[tracker["document"].slug] == {"1", "2"}
    package = client.get("/daten/datapackage.json").json()
    mentions = next(r for r in package["resources"] if r["name"] == "mentions")
    page = next(f for f in mentions["schema"]["fields"] if f["name"] == "page")
    assert "no pages" in page["description"]
    data = json.loads(b"".join(client.get("/daten/versprochen.json").streaming_content))  # type: ignore[attr-defined]
    assert {m["page"] for m in data["mentions"] if m["document"] == markdown.slug} == {None}
