"""Reflow (WCAG 1.4.10): at 390 px no public page scrolls sideways, and the navigation
folds into a menu that opens without JavaScript."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

pytestmark = pytest.mark.slow

PHONE = {"width": 390, "height": 844}


def _json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=PHONE, locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def _page_types(site: str) -> list[str]:
    """One URL of every public page type, with the seeds' real data."""
    start = _json(site + "/?format=json")
    body = start["bodies"][0]
    documents = [d["slug"] for b in start["bodies"] for d in b["documents"]]
    pledges = _json(site + "/versprechen/?format=json")["pledges"]
    return [
        "/",
        "/versprechen/",
        "/versprechen/?q=Schulsozialarbeit",
        "/versprechen/?q=Radwge",
        f"/versprechen/{pledges[0]['id']}/",
        *(f"/dokumente/{slug}/" for slug in documents),
        f"/koerperschaften/{body['slug']}/",
        "/so-bewerten-wir/",
        "/ueber/",
        "/daten/",
        "/daten/api/",
        "/gibt-es-nicht/",
        "/en/",
        f"/en/versprechen/{pledges[0]['id']}/",
    ]


def test_no_public_page_scrolls_sideways_at_390_px(site: str, phone: Any) -> None:
    too_wide = {}
    for path in _page_types(site):
        phone.goto(site + path)
        # the filters open: the widest state of the list
        for details in phone.locator("details.filter-box").all():
            details.evaluate("d => d.open = true")
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = width
    assert not too_wide, f"wider than {PHONE['width']} px: {too_wide}"


def test_navigation_folds_into_a_menu_that_opens_without_javascript(site: str, phone: Any) -> None:
    phone.goto(site + "/")
    assert not phone.locator(".wide-nav").is_visible()
    menu = phone.locator("details.menu summary")
    assert menu.is_visible() and menu.inner_text().startswith("Menü")
    header = phone.locator(".site-header").bounding_box()
    assert header is not None and header["height"] < 80  # one line: brand and menu
    menu.click()
    link = phone.locator("details.menu").get_by_role("link", name="So bewerten wir")
    assert link.is_visible()
    link.click()
    phone.wait_for_url(site + "/so-bewerten-wir/")


def test_the_list_shows_results_first_on_a_phone(site: str, phone: Any) -> None:
    phone.goto(site + "/versprechen/")
    first = phone.locator("ol.pledges li.pledge").first.bounding_box()
    assert first is not None and first["y"] < PHONE["height"]  # on the first screen
    assert not phone.locator("#f-area").is_visible()
    phone.locator("details.filter-box summary").click()
    assert phone.locator("#f-area").is_visible()
