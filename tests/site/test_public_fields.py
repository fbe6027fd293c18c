"""No internal field (a draft, a note) reaches a public page, a feed, a download or the API."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

SECRETS = ("INTERNE-NOTIZ", "ENTWURF-NICHT-OEFFENTLICH", "erfuellt")
START_URLS = ["/", "/en/", "/daten/", "/api/v1/openapi.json"]


def _links(body: str) -> list[str]:
    return [
        link.replace("&amp;", "&")
        for link in re.findall(r'href="(/[^"#]*)', body)
        if not link.startswith("/static/")
    ]


def test_walk_every_public_url_and_find_no_internal_field(client: Client, tracker: Any) -> None:
    from versprochen.api import export_files

    export_files.build()  # the downloads are files a job builds; they are walked too
    school = tracker["school"]
    seen: set[str] = set()
    queue = [
        *START_URLS,
        "/api/v1/bodies",
        "/api/v1/documents",
        f"/api/v1/documents/{tracker['document'].slug}",
        f"/api/v1/documents/{tracker['document'].slug}/sections",
        "/api/v1/pledges",
        f"/api/v1/pledges/{school.pk}",
        "/api/v1/assessments",
        f"/api/v1/assessments?pledge={school.pk}",
    ]
    while queue and len(seen) < 400:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code in (200, 301, 302), (url, response.status_code)
        if response.status_code != 200:
            continue
        content = (
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
            if response.streaming
            else response.content
        ).decode()
        for secret in SECRETS:
            if secret == "erfuellt" and "/api/v1/openapi.json" in url:
                continue
            if secret == "erfuellt":
                assert '"status": "erfuellt"' not in content, url
                assert "status=erfuellt&" not in content or "?status=erfuellt" in url, url
                continue
            assert secret not in content, (url, secret)
        if "html" in response.get("Content-Type", ""):
            for link in _links(content):
                if link not in seen:
                    queue.append(link)
                    if "?" not in link:
                        queue.append(link + "?format=json")
    assert len(seen) > 30
    assert f"/versprechen/{school.pk}/" in seen
