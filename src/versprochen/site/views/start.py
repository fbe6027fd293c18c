"""The start page: every body and document with progress by status and by policy area."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from versprochen.site.middleware import BadQuery
from versprochen.site.public import public_page, respond
from versprochen.tracker.models import Body, Document
from versprochen.tracker.public import body_json, document_json
from versprochen.tracker.vocabulary import AREA_LABELS, Status

PAGE_DOCUMENTS = 100
MAX_PAGE = 10_000


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


def _page_number(raw: str) -> int:
    value = raw.strip() or "1"
    if not value.isdigit() or not 1 <= int(value) <= MAX_PAGE:
        raise BadQuery(
            _("page: eine Seitenzahl von 1 bis %(max)d, nicht %(value)s")
            % {"max": MAX_PAGE, "value": repr(value[:20])}
        )
    return int(value)


@public_page
def start(request: HttpRequest) -> HttpResponse:
    page = _page_number(request.GET.get("page", ""))
    offset = (page - 1) * PAGE_DOCUMENTS
    # The documents a page at a time, by body; no document text and no file bytes read.
    rows = list(
        Document.objects.select_related("body", "source")
        .defer("text", "source__data")
        .prefetch_related("authors")
        .exclude(source=None)
        .order_by("body__name", "-date", "title", "id")[offset : offset + PAGE_DOCUMENTS + 1]
    )
    if page > 1 and not rows:
        raise Http404
    documents = rows[:PAGE_DOCUMENTS]
    has_next = len(rows) > PAGE_DOCUMENTS
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
        "page": page,
        "next": f"?page={page + 1}" if has_next else None,
        "previous": (f"?page={page - 1}" if page > 2 else "?") if page > 1 else None,
    }
    context = {
        "bodies": list(bodies.values()),
        "page": page,
        "next_url": data["next"],
        "previous_url": data["previous"],
    }
    return respond(request, "site/start.html", context, data)
