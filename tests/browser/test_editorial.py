"""The editorial workflow in Chromium: draft with evidence, return, fix, publish, the
public page and feed; a split and a merge proposed and published by a second person;
axe-core on every editor page."""

from __future__ import annotations

import json
import re
import time
import urllib.request
from typing import Any

import pytest
from axe_check import check_accessibility  # type: ignore[import-not-found]

pytestmark = pytest.mark.slow


def _json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _json_after_change(url: str, changed: Any) -> Any:
    """The page's JSON once it shows the change: public pages may lag a change by
    VERSPROCHEN_FRESHNESS_SECONDS (1 s), the time a worker reuses the data's change time."""
    deadline = time.monotonic() + 5
    data = _json(url)
    while not changed(data) and time.monotonic() < deadline:
        time.sleep(0.2)
        data = _json(url)
    return data


def _login(browser: Any, site: str, name: str, password: str, axe: bool = False) -> Any:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(site + "/anmelden/")
    if axe:
        check_accessibility(page, "20-login")
    page.fill("#id_username", name)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(re.compile(r"/redaktion/$"))
    return page


def _eventually(check: Any, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "the public page did not show the change"
        time.sleep(0.3)


def test_draft_return_fix_publish_then_public(
    site: str, browser: Any, editors: dict[str, str]
) -> None:
    pledges = _json(site + "/versprechen/?body=stadt-herne&status=offen&format=json")["pledges"]
    pledge = pledges[0]["id"]
    erika = _login(browser, site, "erika", editors["erika"], axe=True)
    check_accessibility(erika, "21-editor-home")

    erika.goto(site + f"/redaktion/versprechen/{pledge}/")
    check_accessibility(erika, "22-editor-pledge")
    erika.get_by_role("link", name="Neue Bewertung entwerfen").click()
    erika.wait_for_url(re.compile(r"/bewertung/$"))
    erika.select_option("#id_status", "in_arbeit")
    erika.fill("#id_assessed_on", "2026-03-02")
    erika.fill("#id_rationale", "Der Rat hat die Mittel im März beschlossen.")
    erika.select_option("#id_evidence-0-kind", "decision")
    erika.fill("#id_evidence-0-title", "Ratsbeschluss V/2026/0815")
    erika.fill("#id_evidence-0-url", "https://www.herne.de/ratsinfo/0815")
    erika.fill("#id_evidence-0-date", "2026-03-02")
    check_accessibility(erika, "23-assessment-form")
    erika.get_by_role("button", name="Zur Prüfung geben").click()
    erika.wait_for_url(re.compile(r"/redaktion/bewertungen/\d+/$"))
    assert erika.get_by_text("Zur Prüfung gegeben.").is_visible()
    check_accessibility(erika, "24-assessment-in-review")

    rudi = _login(browser, site, "rudi", editors["rudi"])
    rudi.get_by_role("link", name="Prüfung", exact=True).click()
    rudi.wait_for_url(re.compile(r"/redaktion/pruefung/$"))
    check_accessibility(rudi, "25-review-queue")
    rudi.locator("table.list a").first.click()
    rudi.wait_for_url(re.compile(r"/redaktion/pruefung/\d+/$"))
    assert rudi.locator("table.diff ins").first.is_visible()
    check_accessibility(rudi, "26-review-diff")
    rudi.get_by_role("button", name="Mit Kommentar zurückgeben").click()
    assert rudi.locator("#id_comment-error").is_visible()  # the comment is required
    rudi.fill("#id_comment", "Bitte die Vorlage mit Datum verlinken.")
    rudi.get_by_role("button", name="Mit Kommentar zurückgeben").click()
    rudi.wait_for_url(re.compile(r"/redaktion/pruefung/$"))

    erika.goto(site + "/redaktion/")
    erika.get_by_role("heading", name="Zurückgegeben: bitte überarbeiten").is_visible()
    erika.locator("section.assessment-list a").first.click()
    assert erika.get_by_text("Bitte die Vorlage mit Datum verlinken.").is_visible()
    erika.select_option("#id_evidence-1-kind", "council_paper")
    erika.fill("#id_evidence-1-title", "Vorlage 2026/0815")
    erika.fill("#id_evidence-1-url", "https://www.herne.de/ratsinfo/vorlage-0815")
    erika.fill("#id_evidence-1-date", "2026-02-20")
    erika.get_by_role("button", name="Zur Prüfung geben").click()
    erika.wait_for_url(re.compile(r"/redaktion/bewertungen/\d+/$"))

    rudi.goto(site + "/redaktion/pruefung/")
    rudi.locator("table.list a").first.click()
    rudi.get_by_role("button", name="Veröffentlichen").click()
    rudi.wait_for_url(re.compile(r"/redaktion/pruefung/$"))
    assert rudi.get_by_text("Veröffentlicht.").is_visible()

    visitor = browser.new_context(locale="de-DE").new_page()
    url = site + f"/versprechen/{pledge}/"

    def shows_status() -> bool:
        visitor.goto(url)
        return bool(visitor.locator("p.status-line .badge").inner_text() == "in Arbeit")

    _eventually(shows_status)
    timeline = visitor.locator("ol.timeline")
    assert "Der Rat hat die Mittel im März beschlossen." in timeline.inner_text()
    assert visitor.get_by_role("link", name="Vorlage 2026/0815").is_visible()
    assert visitor.get_by_role("link", name="Ratsbeschluss V/2026/0815").is_visible()
    assert "Bitte die Vorlage" not in visitor.content()
    check_accessibility(visitor, "27-public-pledge-with-timeline")
    with urllib.request.urlopen(site + f"/feeds/versprechen/{pledge}.atom", timeout=10) as feed:
        atom = feed.read().decode()
    assert "in Arbeit" in atom and "Vorlage 2026/0815" in atom
    with urllib.request.urlopen(site + "/feeds/koerperschaft/stadt-herne.atom", timeout=10) as feed:
        assert f"/versprechen/{pledge}/#bewertung-" in feed.read().decode()


def _publish_proposal(rudi: Any, site: str, pledge: int, axe_name: str = "") -> None:
    """The reviewer opens the pledge's proposal from the queue and publishes it."""
    rudi.goto(site + "/redaktion/pruefung/")
    link = rudi.locator("a[href*='/pruefung/korrektur/']", has_text=f"Versprechen {pledge}")
    link.first.click()
    rudi.wait_for_url(re.compile(r"/redaktion/pruefung/korrektur/\d+/$"))
    assert rudi.locator("table.diff td.after").first.inner_text().strip()
    if axe_name:
        check_accessibility(rudi, axe_name)
    rudi.get_by_role("button", name="Veröffentlichen").click()
    rudi.wait_for_url(re.compile(r"/redaktion/pruefung/$"))
    assert rudi.get_by_text("Korrektur veröffentlicht.").is_visible()


def test_split_and_merge_through_the_ui(site: str, browser: Any, editors: dict[str, str]) -> None:
    """Split and merge are proposals: the public sees nothing until a reviewer who is
    not the author publishes them."""
    pledges = _json(site + "/versprechen/?body=stadt-herne&format=json&page=2")["pledges"]
    first, other = pledges[0], pledges[1]
    erika = _login(browser, site, "erika", editors["erika"])
    erika.goto(site + f"/redaktion/versprechen/{first['id']}/")
    erika.get_by_role("link", name="Teilen").click()
    erika.wait_for_url(re.compile(r"/teilen/$"))
    check_accessibility(erika, "28-split")
    words = first["text"].split()
    half = max(1, len(words) // 2)
    erika.fill("#id_first", " ".join(words[:half]))
    erika.fill("#id_second", " ".join(words[half:]))
    erika.get_by_role("button", name="Teilen").click()
    erika.wait_for_url(re.compile(rf"/redaktion/versprechen/{first['id']}/$"))
    assert erika.get_by_text("Zur Prüfung gegeben").is_visible()
    assert erika.get_by_role("heading", name="Korrekturen in Prüfung").is_visible()
    assert _json(site + f"/versprechen/{first['id']}/?format=json")["text"] == first["text"]

    # The author cannot publish their own proposal.
    erika.locator("a[href*='/pruefung/korrektur/']").first.click()
    erika.wait_for_url(re.compile(r"/redaktion/pruefung/korrektur/\d+/$"))
    assert erika.get_by_role("button", name="Veröffentlichen").count() == 0
    assert erika.get_by_text("eine andere Person prüft sie").is_visible()

    rudi = _login(browser, site, "rudi", editors["rudi"])
    _publish_proposal(rudi, site, first["id"], "29-review-split")
    split_text = _json_after_change(
        site + f"/versprechen/{first['id']}/?format=json", lambda d: d["text"] != first["text"]
    )["text"]
    assert split_text == " ".join(words[:half])
    erika.goto(site + f"/redaktion/versprechen/{first['id']}/")
    assert "geteilt" in erika.locator("ul.corrections").first.inner_text()

    erika.get_by_role("link", name="Mit anderem zusammenführen").click()
    erika.wait_for_url(re.compile(r"/zusammenfuehren/$"))
    erika.fill("#merge-q", str(other["id"]))
    erika.get_by_role("button", name="Suchen").click()
    erika.wait_for_url(re.compile(r"/zusammenfuehren/\?q="))
    check_accessibility(erika, "30-merge-search")
    erika.check(f"#other-{other['id']}")
    erika.get_by_role("button", name="Zusammenführen").click()
    erika.wait_for_url(re.compile(rf"/redaktion/versprechen/{first['id']}/$"))
    assert erika.get_by_text("Zur Prüfung gegeben").is_visible()
    assert not _json(site + f"/versprechen/{other['id']}/?format=json")["excluded"]

    _publish_proposal(rudi, site, first["id"])
    merged = _json_after_change(
        site + f"/versprechen/{other['id']}/?format=json", lambda d: d["excluded"]
    )
    assert merged["excluded"] == "merged" and merged["merged_into"] == first["id"]

    erika.goto(site + f"/redaktion/dokumente/{first['document']}/")
    check_accessibility(erika, "31-editor-document")
    erika.goto(site + "/redaktion/csv/")
    check_accessibility(erika, "32-csv")
    erika.goto(site + "/redaktion/schluessel/")
    check_accessibility(erika, "33-tokens")
    erika.goto(site + f"/redaktion/versprechen/{first['id']}/korrigieren/")
    erika.fill("#id_text", "")
    erika.get_by_role("button", name="Speichern").click()
    assert erika.locator("#id_text-error").is_visible()
    check_accessibility(erika, "34-correct-with-error")


def test_admin_pages(site: str, browser: Any, editors: dict[str, str]) -> None:
    anna = _login(browser, site, "anna", editors["anna"])
    anna.goto(site + "/redaktion/benutzer/")
    check_accessibility(anna, "35-users")
    anna.get_by_role("button", name="Konto anlegen").click()
    assert anna.locator("#id_username-error").is_visible()
    check_accessibility(anna, "36-users-with-errors")
    anna.goto(site + "/redaktion/protokoll/")
    assert anna.locator("table.audit tbody tr").count() >= 1
    check_accessibility(anna, "37-audit-log")
    anna.goto(site + "/redaktion/dokumente/neu/")
    check_accessibility(anna, "38-document-import")
    anna.goto(site + "/en/redaktion/")
    assert anna.locator("html").get_attribute("lang") == "en"
    check_accessibility(anna, "39-editor-home-english")
