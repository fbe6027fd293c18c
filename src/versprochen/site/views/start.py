"""The start page: every body and document with progress by status and by policy area."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse

from versprochen.site.public import public_page, respond
from versprochen.tracker.models import Body, Document
from versprochen.tracker.public import body_json, document_json
from versprochen.tracker.vocabulary import AREA_LABELS, Status

MAX_DOCUMENTS = 200


def status_bar(counts: dict[str, int]) -> list[dict[str, Any]]:
    total = sum(counts.values()) or 1
    return [
        {
            "status": status.value,
            "label": status.label,
            "count": counts.get(status.value, 0),
            "percent": round(100 * counts.get(status.value, 0) / total, 1),
        }
        for status in Status
        if counts.get(status.value, 0)
    ]


@public_page
def start(request: HttpRequest) -> HttpResponse:
    documents = list(
        Document.objects.select_related("body", "source")
        .prefetch_related("authors")
        .exclude(source=None)
        .order_by("body__name", "-date", "title")[:MAX_DOCUMENTS]
    )
    bodies: dict[int, dict[str, Any]] = {}
    for document in documents:
        entry = bodies.setdefault(document.body_id, {"body": document.body, "documents": []})
        tally = document.tally or {}
        areas = []
        for area, counts in sorted(
            (tally.get("area") or {}).items(), key=lambda item: -sum(item[1].values())
        ):
            areas.append(
                {
                    "area": area,
                    "label": AREA_LABELS.get(area, area),
                    "total": sum(counts.values()),
                    "bar": status_bar(counts),
                }
            )
        entry["documents"].append(
            {
                "document": document,
                "authors": [a.name for a in document.authors.all()],
                "total": tally.get("total", 0),
                "bar": status_bar(tally.get("status") or {}),
                "areas": areas,
            }
        )
    data = {
        "bodies": [
            {
                **body_json(entry["body"]),
                "documents": [
                    {
                        **document_json(d["document"], d["authors"]),
                        "area_counts": {
                            a["area"]: {b["status"]: b["count"] for b in a["bar"]}
                            for a in d["areas"]
                        },
                    }
                    for d in entry["documents"]
                ],
            }
            for entry in bodies.values()
        ],
        "body_count": Body.objects.count(),
    }
    return respond(request, "site/start.html", {"bodies": list(bodies.values())}, data)
