"""What gunicorn itself answers (the served site, not Django's test client): long request
lines reach the application, and the error pages pass axe-core."""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Any

import pytest
from axe_check import check_accessibility  # type: ignore[import-not-found]

pytestmark = pytest.mark.slow


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def test_a_long_query_reaches_the_application(site: str) -> None:
    status, html = _get(site + "/versprechen/?q=" + "x" * 10_240)
    assert status == 200 and "<main" in html and "200 Zeichen" in html
    status, html = _get(site + "/versprechen/?" + "&".join(f"p{i}=x" for i in range(300)))
    assert status == 400 and "Zu viele Parameter" in html
    status, _ = _get(site + "/versprechen/?q=" + "x" * 20_000)
    assert status == 414  # gunicorn still bounds the request line (16 KiB)


def test_error_pages_are_accessible(site: str, page: Any) -> None:
    assert page.goto(site + "/gibt-es-nicht/").status == 404
    assert page.locator("h1").inner_text() == "Seite nicht gefunden"
    check_accessibility(page, "30-not-found")
    assert page.goto(site + "/en/versprechen/?place=%00").status == 400
    assert page.locator("html").get_attribute("lang") == "en"
    check_accessibility(page, "31-bad-request-english")


def test_the_api_documentation_is_accessible(site: str, page: Any) -> None:
    page.goto(site + "/daten/")
    page.get_by_role("link", name="JSON-API: Beschreibung aller Aufrufe und Datenformate").click()
    page.wait_for_url(site + "/daten/api/")
    assert page.get_by_role("heading", name="GET /api/v1/pledges", exact=True).count() == 1
    check_accessibility(page, "32-api-docs")
