"""A council paper confirmed as evidence keeps its OParl id when the editor saves the
draft form (the form deletes and recreates the draft's evidence)."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from typing import Any

import pytest
from django.urls import reverse

from tests.oparl.link_rows import make_papers
from versprochen.oparl import links
from versprochen.oparl.models_links import Suggestion
from versprochen.tracker import workflow
from versprochen.tracker.models import Assessment, Evidence, Pledge
from versprochen.tracker.testing import make_people, store
from versprochen.tracker.validation import DraftData, EvidenceData

PLEDGES = [("Wir bauen die Schulsozialarbeit an allen Grundschulen aus.", "bildung", {})]


class _Form(HTMLParser):
    """The values a browser would send for the page's post form (no button)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[str, str] = {}
        self._inside = False
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and a.get("method") == "post":
            self._inside = True
        if not self._inside or "name" not in a:
            if tag == "option" and self._select and ("selected" in a):
                self.values[self._select] = a.get("value", "")
            return
        if tag == "input" and a.get("type") not in ("submit", "checkbox"):
            self.values[a["name"]] = a.get("value", "")
        elif tag == "select":
            self._select = a["name"]
            self.values.setdefault(self._select, "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.values[self._textarea] = ""

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            if self._textarea:
                self.values[self._textarea] = self.values[self._textarea].lstrip("\n")
            self._textarea = None
        elif tag == "form":
            self._inside = False


def _form_values(html: str) -> dict[str, str]:
    parser = _Form()
    parser.feed(html)
    return parser.values


@pytest.fixture
def confirmed(db: None, client: Any) -> dict[str, Any]:
    """A pledge whose draft has the paper 2026/0102 as confirmed evidence."""
    store(PLEDGES)
    people = make_people()
    rows = make_papers(people["herne"])
    pledge = Pledge.objects.get()
    paper = rows["papers"][1]
    suggestion = Suggestion.objects.create(pledge=pledge, paper=paper, score=1.0)
    draft = links.confirm(people["erika"], suggestion)
    client.force_login(people["erika"])
    return {**people, "pledge": pledge, "paper": paper, "draft": draft}


def _save(client: Any, draft: Assessment, change: dict[str, str]) -> Any:
    url = reverse("site:assessment", args=[draft.pk])
    values = _form_values(client.get(url).content.decode())
    return client.post(url, values | change | {"action": "save"})


def test_saving_the_draft_form_keeps_the_papers_oparl_id(
    confirmed: dict[str, Any], client: Any
) -> None:
    draft, paper = confirmed["draft"], confirmed["paper"]
    response = _save(
        client,
        draft,
        {
            "rationale": "Die Stellen sind beschlossen.",
            "evidence-0-url": "https://www.herne.de/ratsinfo/0102",
            "evidence-0-date": "2026-03-02",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    evidence = Evidence.objects.get(assessment=draft)
    assert evidence.oparl_id == paper.oparl_id
    assert evidence.url == "https://www.herne.de/ratsinfo/0102"
    # Saved a second time, unchanged: still there.
    assert _save(client, draft, {}).status_code == 302
    assert Evidence.objects.get(assessment=draft).oparl_id == paper.oparl_id


def test_a_new_item_beside_it_gets_no_id(confirmed: dict[str, Any], client: Any) -> None:
    draft, paper = confirmed["draft"], confirmed["paper"]
    response = _save(
        client,
        draft,
        {
            "rationale": "Die Stellen sind beschlossen.",
            "evidence-0-url": "https://www.herne.de/ratsinfo/0102",
            "evidence-0-date": "2026-03-02",
            "evidence-1-kind": "press",
            "evidence-1-title": "Bericht der WAZ",
            "evidence-1-url": "https://www.waz.de/herne/schulsozialarbeit",
            "evidence-1-date": "2026-03-04",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    ids = dict(Evidence.objects.filter(assessment=draft).values_list("title", "oparl_id"))
    assert ids == {
        "2026/0102: Schulsozialarbeit an Grundschulen": paper.oparl_id,
        "Bericht der WAZ": "",
    }


def test_a_forged_id_is_not_stored_and_a_malformed_one_is_named(
    confirmed: dict[str, Any], client: Any
) -> None:
    draft = confirmed["draft"]
    filled = {
        "rationale": "Die Stellen sind beschlossen.",
        "evidence-0-url": "https://www.herne.de/ratsinfo/0102",
        "evidence-0-date": "2026-03-02",
        "evidence-0-oparl_id": "https://ris.example.org/oparl/paper/4",
    }
    assert _save(client, draft, filled).status_code == 302
    assert Evidence.objects.get(assessment=draft).oparl_id == ""

    before = list(Evidence.objects.filter(assessment=draft).values())
    response = _save(client, draft, filled | {"evidence-0-oparl_id": "javascript:alert(1)"})
    assert response.status_code == 400
    assert "Die OParl-Kennung dieses Belegs ist ungültig." in response.content.decode()
    assert list(Evidence.objects.filter(assessment=draft).values()) == before


def test_an_update_without_ids_keeps_them_by_address(confirmed: dict[str, Any]) -> None:
    """The CSV import and the API send no ids: the same address keeps the paper's."""
    draft, paper, erika = confirmed["draft"], confirmed["paper"], confirmed["erika"]
    Evidence.objects.filter(assessment=draft).update(url="https://www.herne.de/ratsinfo/0102")
    item = EvidenceData(
        kind="council_paper",
        title="Vorlage 2026/0102",
        url="https://www.herne.de/ratsinfo/0102",
        date=dt.date(2026, 3, 2),
    )
    data = DraftData(
        status="offen", assessed_on=dt.date(2026, 3, 3), rationale="Beschlossen.", evidence=(item,)
    )
    draft.refresh_from_db()
    workflow.update_draft(erika, draft, draft.revision, data)
    assert Evidence.objects.get(assessment=draft).oparl_id == paper.oparl_id
