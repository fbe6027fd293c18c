"""A visitor's way through the site in Chromium, with axe-core on every page type."""

from __future__ import annotations

import json
import re
import urllib.request
from typing import Any

import pytest
from axe_check import check_accessibility  # type: ignore[import-not-found]

pytestmark = pytest.mark.slow


def _json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Content-Type"].startswith("application/json")
        return json.loads(response.read())


def _word_part(text: str) -> str:
    """A piece from inside the longest word of `text` (to search by word part)."""
    word = max(re.findall(r"[A-Za-zÄÖÜäöüß]+", text), key=len)
    return word[1:7].lower() if len(word) >= 8 else word.lower()


def test_start_filter_search_pledge_document_english(site: str, page: Any) -> None:
    page.goto(site + "/")
    assert page.locator("h1").first.is_visible()
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_text("Stadt Herne").first.is_visible()
    check_accessibility(page, "01-start")

    first = _json(site + "/versprechen/?format=json")["pledges"][0]
    page.get_by_role("link", name="Versprechen", exact=True).click()
    page.wait_for_url(re.compile(r"/versprechen/"))
    page.locator("details.filter-box summary").click()  # the filters fold behind one control
    page.select_option("#f-area", first["area"])
    page.get_by_role("button", name="Anzeigen").click()
    page.wait_for_url(re.compile("area=" + first["area"]))
    assert page.locator("ol.pledges li.pledge").count() >= 1
    check_accessibility(page, "02-list-by-area")

    part = _word_part(first["text"])
    page.fill("#f-q", part)
    page.get_by_role("button", name="Suchen").click()
    page.wait_for_url(re.compile("q=" + part))
    results = page.locator("ol.pledges li.pledge p.text a")
    assert results.count() >= 1
    assert part in results.first.inner_text().lower()
    check_accessibility(page, "03-search")

    results.first.click()
    page.wait_for_url(re.compile(r"/versprechen/\d+/$"))
    assert page.locator("blockquote.pledge-text").is_visible()
    assert page.locator("blockquote mark").count() >= 1
    check_accessibility(page, "04-pledge")

    page.get_by_role("link", name="im Dokument zeigen").first.click()
    page.wait_for_url(re.compile(r"/dokumente/[^/]+/#m-\d+$"))
    anchor = page.url.split("#")[1]
    target = page.locator(f"#{anchor}")
    assert target.is_visible()
    assert target.evaluate("el => el.matches(':target')")
    assert target.evaluate("el => el.getBoundingClientRect().top < window.innerHeight")
    check_accessibility(page, "05-document")

    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/dokumente/"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Pledges", exact=True).click()
    page.wait_for_url(re.compile(r"/en/versprechen/"))
    assert page.get_by_role("button", name="Search").is_visible()
    check_accessibility(page, "06-list-english")
    page.goto(site + "/en/")
    check_accessibility(page, "07-start-english")
    page.goto(site + "/daten/")
    check_accessibility(page, "08-data")
    page.goto(site + "/so-bewerten-wir/")
    check_accessibility(page, "09-methodology")
    page.goto(site + "/koerperschaften/stadt-herne/")
    check_accessibility(page, "10-body")
    page.goto(site + "/ueber/")
    check_accessibility(page, "11-about")


def test_every_page_has_a_json_twin(site: str, page: Any) -> None:
    start = _json(site + "/?format=json")
    document = start["bodies"][0]["documents"][0]["slug"]
    listing = _json(site + "/versprechen/?format=json")
    pledge = listing["pledges"][0]["id"]
    for path in (
        "/",
        "/versprechen/",
        f"/versprechen/{pledge}/",
        f"/dokumente/{document}/",
        "/daten/",
        "/en/versprechen/",
    ):
        page.goto(site + path + ("&" if "?" in path else "?") + "format=json")
        data = json.loads(page.locator("body").inner_text())
        assert isinstance(data, dict) and data, path
    assert _json(site + f"/versprechen/{pledge}/?format=json")["mentions"]
    assert {b["name"] for b in start["bodies"]} >= {"Stadt Herne", "Kreis Heinsberg"}


def test_filters_work_live_with_htmx(site: str, page: Any) -> None:
    page.goto(site + "/versprechen/")
    before = page.locator("p.count").inner_text()
    page.locator("details.filter-box summary").click()
    page.select_option("#f-kind", "reject")
    page.wait_for_url(re.compile("kind=reject"))
    page.wait_for_function(
        "before => document.querySelector('p.count').innerText !== before", arg=before
    )
    assert page.locator("html").count() == 1


def test_back_restores_the_filters_and_enter_adds_one_entry(site: str, page: Any) -> None:
    page.goto(site + "/versprechen/")
    page.locator("details.filter-box summary").click()
    page.select_option("#f-kind", "reject")
    page.wait_for_url(re.compile("kind=reject"))
    page.wait_for_selector("#f-kind option[value=reject][selected]", state="attached")
    length = page.evaluate("history.length")
    page.fill("#f-q", "wir")
    page.press("#f-q", "Enter")
    page.wait_for_url(re.compile("q=wir"))
    page.wait_for_timeout(500)
    assert page.evaluate("history.length") == length + 1  # one entry, not two
    assert page.url.endswith("/versprechen/?kind=reject&q=wir")  # no empty fields
    page.go_back()
    page.wait_for_url(re.compile(r"/versprechen/\?kind=reject$"))
    assert page.locator("#f-q").input_value() == ""
    assert page.locator("#f-kind").input_value() == "reject"
    page.go_back()
    page.wait_for_url(re.compile(r"/versprechen/$"))
    page.wait_for_function("document.querySelector('#f-kind').value === ''")
    assert "kind=reject" not in page.url
